"""Mirrors snippets/apis/graphql_n_plus_one.py: N+1 SELECTs without a DataLoader, 2 with."""

from __future__ import annotations

import strawberry

from snippets.apis import graphql_n_plus_one as s
from snippets.apis.graphql_app.data import add_books, open_library
from snippets.apis.graphql_app.schema import make_loaders, make_schema


def test_naive_resolver_runs_one_select_per_book() -> None:
    conn = open_library()
    add_books(conn, 44)
    books, selects = s.count_selects(strawberry.Schema(query=s.NaiveQuery), conn, {"conn": conn})
    assert books == 50
    assert len(selects) == 1 + books


def test_dataloader_runs_two_selects_whatever_the_number_of_books() -> None:
    conn = open_library()
    for extra in (0, 100):
        add_books(conn, extra)
        _books, selects = s.count_selects(make_schema(), conn, make_loaders(conn))
        assert len(selects) == 2, selects
        assert "IN (1, 2, 3)" in selects[1]
