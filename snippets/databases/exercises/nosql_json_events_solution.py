"""Reference solution: index a field inside JSON events."""

import sqlite3

USER_EVENTS = "SELECT id FROM events WHERE json_extract(body, '$.user_id') = ? ORDER BY id"


def create_schema(conn: sqlite3.Connection) -> None:
    """Create `events` (refusing invalid JSON) and an index on the body's `user_id`."""
    conn.execute(
        "CREATE TABLE events (id INTEGER PRIMARY KEY,"
        " body TEXT NOT NULL CHECK (json_valid(body)))"
    )
    # The index expression must be written exactly as the query writes it.
    conn.execute("CREATE INDEX events_user ON events (json_extract(body, '$.user_id'))")


def events_for_user(conn: sqlite3.Connection, user_id: int) -> list[int]:
    """The ids of the events whose body has this `user_id`, in id order."""
    return [row[0] for row in conn.execute(USER_EVENTS, (user_id,))]
