"""Mirrors snippets/security/authz_function_level.py: admin endpoints refuse non-admins."""

from __future__ import annotations

import httpx

from labkit.serve import serve_in_thread
from snippets.security.authz_function_level import create_app, create_app_vulnerable, open_to


def test_a_clerk_exports_and_deletes_users_on_the_vulnerable_app() -> None:
    app = create_app_vulnerable()
    with serve_in_thread(app) as base, httpx.Client(base_url=base) as client:
        alice = app.state.directory.headers("alice")
        assert client.get("/admin/users", headers=alice).status_code == 200
        assert client.delete("/admin/users/dave", headers=alice).status_code == 204
    assert "dave" not in app.state.directory.users


def test_the_fixed_app_refuses_the_clerk_and_serves_the_admin() -> None:
    app = create_app()
    with serve_in_thread(app) as base, httpx.Client(base_url=base) as client:
        alice = app.state.directory.headers("alice")
        dave = app.state.directory.headers("dave")
        assert client.get("/admin/users", headers=alice).status_code == 403
        assert client.delete("/admin/users/bob", headers=alice).status_code == 403
        assert "bob" in app.state.directory.users
        assert client.get("/admin/users", headers=dave).status_code == 200
        assert client.delete("/admin/users/bob", headers=dave).status_code == 204
        assert client.get("/admin/users").status_code == 401
    assert "bob" not in app.state.directory.users


def test_the_audit_flags_every_open_admin_route_and_nothing_on_the_fix() -> None:
    for app, expected in ((create_app_vulnerable(), 2), (create_app(), 0)):
        with serve_in_thread(app) as base, httpx.Client(base_url=base) as client:
            found = open_to(client, app, app.state.directory.headers("erin"))
        assert len(found) == expected, found
