"""Mirrors snippets/databases/nosql_documents.py: JSON columns, paths, traps and validation."""

from __future__ import annotations

import json

import pytest

from labkit import db
from snippets.databases import nosql_documents as docs
from tests.support import require_server

ENGINES = ["sqlite", "postgresql", "mariadb"]


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """One engine, with LAB_ENGINE pointing at it."""
    if request.param != "sqlite":
        require_server(request.param)
    monkeypatch.setenv("LAB_ENGINE", request.param)
    return request.param


def loaded(conn: object, engine: str) -> object:
    """The products table with the three sample documents."""
    p = db.ENGINES[engine].placeholder
    cursor = conn.cursor()  # type: ignore[attr-defined]
    cursor.execute(docs.CREATE_TABLE[engine])
    cursor.executemany(f"INSERT INTO products (id, doc) VALUES ({p}, {p})",
                       [(n, json.dumps(d)) for n, d in enumerate(docs.PRODUCTS, start=1)])
    conn.commit()  # type: ignore[attr-defined]
    return cursor


def ids(cursor: object, where: str) -> list[int]:
    cursor.execute(f"SELECT id FROM products WHERE {where} ORDER BY id")  # type: ignore[attr-defined]
    return [row[0] for row in cursor.fetchall()]  # type: ignore[attr-defined]


def test_comparing_as_text_is_wrong_and_as_number_is_right(engine: str) -> None:
    with db.scratch() as conn:
        cursor = loaded(conn, engine)
        assert ids(cursor, docs.PRICE_AS_NUMBER[engine]) == [1, 3]  # 19.5 and 8
        as_text = ids(cursor, docs.PRICE_AS_TEXT[engine])
        assert 2 in as_text, "'1299' < '20' as strings: the laptop sneaks in"
        assert as_text != [1, 3]


def test_missing_path_is_null_not_an_error(engine: str) -> None:
    with db.scratch() as conn:
        cursor = loaded(conn, engine)
        cursor.execute(f"SELECT {docs.COLOUR[engine]} FROM products WHERE id = 3")
        assert cursor.fetchone()[0] is None


def test_invalid_json_is_refused(engine: str) -> None:
    with db.scratch() as conn:
        cursor = loaded(conn, engine)
        p = db.current().placeholder
        with pytest.raises(Exception, match=r"(?i)json|constraint"):
            cursor.execute(f"INSERT INTO products (id, doc) VALUES (9, {p})", ("{bad",))


def test_mariadb_json_is_longtext_with_a_check() -> None:
    require_server("mariadb")
    with db.scratch(db.ENGINES["mariadb"]) as conn:
        cursor = loaded(conn, "mariadb")
        shown = docs.column_type(cursor, "mariadb")
        assert shown.startswith("`doc` longtext") and "json_valid(`doc`)" in shown


def test_sqlite_text_column_takes_anything_without_the_check() -> None:
    with db.scratch(db.ENGINES["sqlite"]) as conn:
        conn.execute("CREATE TABLE loose (doc TEXT)")
        conn.execute("INSERT INTO loose VALUES ('{not json')")  # accepted: it is only TEXT
        assert conn.execute("SELECT json_valid(doc) FROM loose").fetchone()[0] == 0


def test_snippet_prints_the_rejection(engine: str, capsys: pytest.CaptureFixture[str]) -> None:
    docs.main()
    out = capsys.readouterr().out
    assert "invalid JSON rejected" in out and "accepted!" not in out
