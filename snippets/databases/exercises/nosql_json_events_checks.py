"""Hidden checks for the nosql_json_events exercise."""

import json
import sqlite3
from types import ModuleType

EVENTS = [
    {"user_id": 42, "type": "login"},
    {"user_id": 7, "type": "login"},
    {"type": "deploy", "service": "api"},  # no user_id at all
    {"user_id": 42, "type": "purchase", "items": [3, 9]},
    {"user_id": "42", "type": "odd"},  # a string, not the number 42
    {"user_id": 42, "type": "logout"},
]


def fresh(module: ModuleType) -> sqlite3.Connection:
    """An in-memory database with the learner's schema and the sample events."""
    conn = sqlite3.connect(":memory:")
    module.create_schema(conn)
    conn.executemany("INSERT INTO events (id, body) VALUES (?, ?)",
                     [(n, json.dumps(event)) for n, event in enumerate(EVENTS, start=1)])
    return conn


def check_rejects_invalid_json(module: ModuleType) -> None:
    """The table refuses a body that is not valid JSON."""
    conn = fresh(module)
    try:
        conn.execute("INSERT INTO events (body) VALUES ('{\"user_id\": 42,')")
    except sqlite3.IntegrityError:
        return
    raise AssertionError(
        "inserting '{\"user_id\": 42,' worked: add CHECK (json_valid(body)) to the column"
    )


def check_finds_user_events(module: ModuleType) -> None:
    """events_for_user(conn, 42) returns [1, 4, 6]: the events whose user_id is the number 42."""
    got = module.events_for_user(fresh(module), 42)
    assert got == [1, 4, 6], (
        f"events_for_user(conn, 42) returned {got!r}, expected [1, 4, 6]; event 5 has the "
        "string \"42\", event 3 has no user_id"
    )


def check_unknown_user(module: ModuleType) -> None:
    """A user with no events gets an empty list."""
    got = module.events_for_user(fresh(module), 999)
    assert got == [], f"events_for_user(conn, 999) returned {got!r}, expected []"


def check_plan_uses_index(module: ModuleType) -> None:
    """SQLite answers USER_EVENTS with an index, not by scanning the table."""
    conn = fresh(module)
    plan = [row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {module.USER_EVENTS}", (42,))]
    assert any("USING INDEX" in step or "USING COVERING INDEX" in step for step in plan), (
        f"the plan is {plan}: create an index on exactly the expression USER_EVENTS "
        "compares (json_extract(body, '$.user_id') and body ->> '$.user_id' are different "
        "expressions to SQLite)"
    )
