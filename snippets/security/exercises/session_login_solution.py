"""Reference solution for the session_login exercise."""

from __future__ import annotations

import secrets
from typing import Any


class Sessions:
    """Server-side sessions keyed by random ids."""

    def __init__(self) -> None:
        self.data: dict[str, dict[str, Any]] = {}

    def create(self, **data: Any) -> str:
        """Start a session holding `data`; return its new random id."""
        session_id = secrets.token_urlsafe(32)
        self.data[session_id] = dict(data)
        return session_id

    def get(self, session_id: str | None) -> dict[str, Any] | None:
        """The session's data, or None."""
        return self.data.get(session_id or "")

    def login(self, session_id: str | None, user: str) -> str:
        """A new id for the logged-in session; the old id stops working."""
        old = self.data.pop(session_id or "", {})
        return self.create(**{**old, "user": user})

    def logout(self, session_id: str | None) -> None:
        """Delete the session."""
        self.data.pop(session_id or "", None)
