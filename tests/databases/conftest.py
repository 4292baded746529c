"""Fixtures for the Databases chapter's tests: one engine at a time, servers required."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from labkit import db
from tests.support import require_server

SQL_ENGINES = ["sqlite", "postgresql", "mariadb"]


@pytest.fixture(params=SQL_ENGINES)
def engine(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each SQL engine in turn, with `LAB_ENGINE` pointing at it (servers must be up)."""
    if request.param != "sqlite":
        require_server(request.param)
    monkeypatch.setenv(db.ENGINE_ENV, request.param)
    return request.param


@pytest.fixture
def shop(engine: str) -> Iterator[Any]:
    """A connection to the SQL page's filled shop database, on each engine."""
    from snippets.databases.sql_shop import create_shop

    with db.scratch() as conn:
        create_shop(conn)
        yield conn


@pytest.fixture(scope="module", params=SQL_ENGINES)
def module_engine(request: pytest.FixtureRequest) -> Iterator[str]:
    """Like `engine`, for module-scoped fixtures that load a large data set once per engine."""
    if request.param != "sqlite":
        require_server(request.param)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(db.ENGINE_ENV, request.param)
        yield request.param


@pytest.fixture(params=["postgresql", "mariadb"])
def server_engine(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each database server in turn (no SQLite), with `LAB_ENGINE` pointing at it."""
    require_server(request.param)
    monkeypatch.setenv(db.ENGINE_ENV, request.param)
    return request.param
