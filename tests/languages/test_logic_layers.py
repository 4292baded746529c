"""Mirrors snippets/languages/logic_layers.py: same behaviour as the tangled handler, in layers."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import httpx
import pytest

from labkit import db
from labkit.serve import serve_in_thread
from snippets.languages.logic_library import domain
from snippets.languages.logic_library.repository import InMemoryLibrary
from snippets.languages.logic_library.service import Clock, LibraryService, always
from snippets.languages.logic_library.sqlite_repo import (
    SqliteLibrary,
    create_library,
    sqlite_services,
)
from snippets.languages.logic_library.web import create_app

TODAY = date(2025, 3, 3)


def _story(client: httpx.Client, clock: Clock) -> list[int]:
    codes = [client.post("/loans", json={"member_id": 1, "book_id": b}).status_code
             for b in (1, 2, 3, 4)]
    codes.append(client.post("/loans", json={"member_id": "one", "book_id": 5}).status_code)
    clock.advance(20)
    returned = client.post("/loans/1/return")
    assert returned.json()["fine"] == "0.75"  # 6 days late, 3 free, 3 x 0.25
    codes.append(returned.status_code)
    overdue = client.post("/loans", json={"member_id": 1, "book_id": 5})
    assert overdue.json()["error"] == "HasOverdueLoans"
    codes += [overdue.status_code, client.post("/loans/1/return").status_code]
    return codes


EXPECTED = [201, 201, 201, 409, 422, 200, 409, 409]


def test_on_sqlite() -> None:
    with db.scratch_space() as space:
        path = Path(space.path)
        create_library(path, members=[1], books=range(1, 6))
        clock = Clock(TODAY)
        with serve_in_thread(create_app(sqlite_services(path, clock))) as base, \
                httpx.Client(base_url=base) as client:
            assert _story(client, clock) == EXPECTED


def test_same_http_layer_on_the_fake() -> None:
    clock = Clock(TODAY)
    service = LibraryService(InMemoryLibrary(members={1}, books=set(range(1, 6))), clock)
    with serve_in_thread(create_app(always(service))) as base, \
            httpx.Client(base_url=base) as client:
        assert _story(client, clock) == EXPECTED


@pytest.mark.parametrize(("body", "status", "error"), [
    ({"member_id": 9, "book_id": 1}, 404, "UnknownMember"),
    ({"member_id": 1, "book_id": 9}, 404, "UnknownBook"),
])
def test_domain_errors_map_to_statuses(body: dict, status: int, error: str) -> None:
    service = LibraryService(InMemoryLibrary(members={1}, books={1}), Clock(TODAY))
    with serve_in_thread(create_app(always(service))) as base:
        response = httpx.post(f"{base}/loans", json=body)
    assert (response.status_code, response.json()["error"]) == (status, error)


def test_the_database_backs_one_open_loan_per_book() -> None:
    with db.scratch_space() as space:
        path = Path(space.path)
        create_library(path, members=[1, 2], books=[1])
        conn = sqlite3.connect(path, isolation_level=None)
        repo = SqliteLibrary(conn)
        repo.add_loan(1, 1, TODAY, TODAY)
        with pytest.raises(domain.BookOnLoan):  # even without the service's check
            repo.add_loan(2, 1, TODAY, TODAY)
        conn.close()


def test_a_refused_borrow_rolls_back() -> None:
    with db.scratch_space() as space:
        path = Path(space.path)
        create_library(path, members=[1], books=[1])
        with sqlite_services(path, Clock(TODAY))() as service, pytest.raises(domain.UnknownBook):
            service.borrow(1, 2)
        with sqlite3.connect(path) as conn:
            assert conn.execute("SELECT COUNT(*) FROM loans").fetchone() == (0,)
        conn.close()
