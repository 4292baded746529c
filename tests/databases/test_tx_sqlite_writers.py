"""Mirrors snippets/databases/tx_sqlite_writers.py: how SQLite treats two read-modify-writes."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from snippets.databases import tx_sqlite_writers


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[sqlite3.Connection, sqlite3.Connection]]:
    """Two connections to one WAL-mode file holding one account of 100; no busy wait."""
    path = tmp_path / "bank.db"
    alice, bob = sqlite3.connect(path, timeout=0), sqlite3.connect(path, timeout=0)
    alice.execute("PRAGMA journal_mode = WAL")
    alice.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance INTEGER)")
    alice.execute("INSERT INTO accounts VALUES (1, 100)")
    alice.commit()
    yield alice, bob
    alice.close()
    bob.close()


def balance(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT balance FROM accounts").fetchone()[0]


def test_default_mode_reads_outside_a_transaction_and_loses(
    pair: tuple[sqlite3.Connection, sqlite3.Connection],
) -> None:
    alice, bob = pair
    a = tx_sqlite_writers.read_balance("alice", alice)
    assert not alice.in_transaction, "Python 3.11's sqlite3 opens no transaction for a SELECT"
    b = tx_sqlite_writers.read_balance("bob", bob)
    tx_sqlite_writers.write_balance("alice", alice, a - 30)
    tx_sqlite_writers.write_balance("bob", bob, b - 20)
    assert balance(alice) == 80


def test_begin_makes_the_stale_write_fail_with_busy_snapshot(
    pair: tuple[sqlite3.Connection, sqlite3.Connection],
) -> None:
    alice, bob = pair
    for conn in pair:
        conn.isolation_level = None
        conn.execute("BEGIN")
    a = tx_sqlite_writers.read_balance("alice", alice)
    b = tx_sqlite_writers.read_balance("bob", bob)
    tx_sqlite_writers.write_balance("alice", alice, a - 30)
    with pytest.raises(sqlite3.OperationalError) as caught:
        tx_sqlite_writers.write_balance("bob", bob, b - 20)
    assert caught.value.sqlite_errorname == "SQLITE_BUSY_SNAPSHOT"
    bob.rollback()
    assert balance(bob) == 70


def test_begin_immediate_refuses_the_second_writer_before_it_reads(
    pair: tuple[sqlite3.Connection, sqlite3.Connection],
) -> None:
    alice, bob = pair
    for conn in pair:
        conn.isolation_level = None
    alice.execute("BEGIN IMMEDIATE")
    with pytest.raises(sqlite3.OperationalError) as caught:
        bob.execute("BEGIN IMMEDIATE")
    assert caught.value.sqlite_errorname == "SQLITE_BUSY"
    assert not bob.in_transaction


def test_whole_snippet_ends_right_twice(capsys: pytest.CaptureFixture[str]) -> None:
    tx_sqlite_writers.main()
    finals = [line for line in capsys.readouterr().out.splitlines() if "final balance" in line]
    assert [line.split()[2] for line in finals] == ["80", "50", "50"]
