"""Index a field inside JSON events.

Your app logs events as JSON text in SQLite, for example
`{"user_id": 42, "type": "login", "ip": "203.0.113.9"}`, and the support page asks for
"every event of user 42" many times a second. Events differ in shape; some have no
`user_id` at all. Write:

- `create_schema(conn)`: create the table `events (id INTEGER PRIMARY KEY, body TEXT NOT NULL)`
  so that it refuses a `body` that is not valid JSON, and create an index that serves
  lookups by the body's `user_id`.
- `USER_EVENTS`: the SQL, with one `?` parameter (the user id, an `int`), that selects the
  `id` of that user's events in `id` order, written so that SQLite uses your index.
- `events_for_user(conn, user_id)`: run `USER_EVENTS` and return the ids as a list.
"""

import sqlite3

USER_EVENTS = "SELECT id FROM events WHERE 0 = ? ORDER BY id"  # replace with your query


def create_schema(conn: sqlite3.Connection) -> None:
    """Create `events` (refusing invalid JSON) and an index on the body's `user_id`."""
    raise NotImplementedError("write create_schema")


def events_for_user(conn: sqlite3.Connection, user_id: int) -> list[int]:
    """The ids of the events whose body has this `user_id`, in id order."""
    raise NotImplementedError("write events_for_user")
