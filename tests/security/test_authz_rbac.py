"""Mirrors snippets/security/authz_rbac.py: permissions per role, denied by default."""

from __future__ import annotations

import httpx
import pytest

from labkit.serve import serve_in_thread
from snippets.security.authz_app.rbac import ROLE_PERMISSIONS, permissions_of, require
from snippets.security.authz_rbac import create_app, matrix


def test_each_role_reaches_exactly_its_endpoints() -> None:
    app = create_app()
    with serve_in_thread(app) as base, httpx.Client(base_url=base) as client:
        table = {row[0]: row[2:] for row in matrix(client, app.state.directory)}
    assert table == {
        "alice": ["200", "403", "403"],
        "carol": ["200", "200", "403"],
        "dave": ["403", "403", "200"],
        "erin": ["403", "403", "403"],  # a role missing from the table gets nothing
        "(no token)": ["401", "401", "401"],  # no identity: authentication fails first
    }


@pytest.mark.parametrize("role", ["auditor", "", "ADMIN", "admin ", "root"])
def test_unknown_roles_have_no_permissions(role: str) -> None:
    assert permissions_of(role) == frozenset()


def test_a_misspelt_permission_fails_at_start_up() -> None:
    with pytest.raises(ValueError, match="unknown permission"):
        require("invoice:read")


def test_admin_is_not_a_superset_of_the_other_roles() -> None:
    assert not ROLE_PERMISSIONS["admin"] & ROLE_PERMISSIONS["clerk"]
