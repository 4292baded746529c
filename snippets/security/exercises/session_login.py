"""Rotate the session id at login and delete the session at logout.

Write a small server-side session store, `Sessions`, that a web app keeps in memory. The
browser only ever holds a session id; everything else stays in `Sessions`.

- `create(**data)` starts a session holding `data` and returns its id: random, from the
  `secrets` module, at least 32 random bytes (43 or more URL-safe characters), never reused.
- `get(session_id)` returns the session's data (a dict), or None for an unknown id or None.
- `login(session_id, user)` runs after the password was checked. It returns a NEW id whose
  session holds the old session's data plus `user=user`, and the old id must stop working
  (that is what stops session fixation). `session_id` may be None or unknown: then the new
  session holds only `user`.
- `logout(session_id)` deletes the session, so the id is worthless even to someone who
  copied the cookie. Logging out an unknown id does nothing.
"""

from __future__ import annotations

from typing import Any


class Sessions:
    """Server-side sessions keyed by random ids."""

    def __init__(self) -> None:
        self.data: dict[str, dict[str, Any]] = {}

    def create(self, **data: Any) -> str:
        """Start a session holding `data`; return its new random id."""
        raise NotImplementedError("write create")

    def get(self, session_id: str | None) -> dict[str, Any] | None:
        """The session's data, or None."""
        raise NotImplementedError("write get")

    def login(self, session_id: str | None, user: str) -> str:
        """A new id for the logged-in session; the old id stops working."""
        raise NotImplementedError("write login")

    def logout(self, session_id: str | None) -> None:
        """Delete the session."""
        raise NotImplementedError("write logout")
