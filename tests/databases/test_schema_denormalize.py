"""Mirrors snippets/databases/schema_denormalize.py: the triggers keep the counter exact."""

from __future__ import annotations

import random
import sqlite3

from snippets.databases import schema_denormalize as s


def make() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.executescript(s.SCHEMA + s.TRIGGERS)
    conn.executemany("INSERT INTO products (id, name) VALUES (?, ?)",
                     [(i, f"p{i}") for i in range(1, 51)])
    return conn


def test_counter_matches_count_after_inserts_and_deletes() -> None:
    conn = make()
    rng = random.Random(1)
    rows = [(rng.randint(1, 50), rng.randint(1, 5)) for _ in range(2_000)]
    conn.executemany("INSERT INTO reviews (product_id, stars) VALUES (?, ?)", rows)
    conn.execute("DELETE FROM reviews WHERE stars IN (1, 4)")
    assert conn.execute(s.DRIFT).fetchone()[0] == 0
    counted = conn.execute(s.TOP_BY_COUNTING).fetchall()
    assert counted == conn.execute(s.TOP_BY_COUNTER).fetchall()


def test_dropping_a_trigger_makes_counters_drift() -> None:
    conn = make()
    conn.executemany("INSERT INTO reviews (product_id, stars) VALUES (?, ?)",
                     [(1, 5), (1, 4), (2, 3)])
    conn.execute("DROP TRIGGER reviews_count_delete")
    conn.execute("DELETE FROM reviews WHERE product_id = 1")
    assert conn.execute(s.DRIFT).fetchone()[0] == 1
    assert conn.execute("SELECT review_count FROM products WHERE id = 1").fetchone() == (2,)


def test_insert_times_returns_both_cases_and_leaves_triggers_in_place() -> None:
    conn = make()
    plain, with_triggers = s.insert_times(conn, [(1, 5)] * 100, rounds=2)
    assert plain > 0 and with_triggers > 0
    names = {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    assert names == {"reviews_count_insert", "reviews_count_delete"}
    assert conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 0  # rolled back
