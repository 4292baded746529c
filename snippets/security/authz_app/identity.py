"""Who is calling: a small stand-in for authentication, so the snippets can focus on authorization.

Each user gets a random bearer token when the directory is made. Nothing prints a token; a
client asks the directory for the headers of the user it plays. Real tokens are the subject of
the Tokens page; here only the result matters: a request arrives, and we know its `User`.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Header, HTTPException, Request


@dataclass(frozen=True)
class User:
    """An authenticated user: who they are, their role and their department."""

    id: int
    name: str
    role: str
    department: str


USERS = (
    User(1, "alice", "clerk", "sales"),
    User(2, "bob", "clerk", "support"),
    User(3, "carol", "manager", "sales"),
    User(4, "dave", "admin", "it"),
    User(5, "erin", "auditor", "finance"),  # a role nobody gave permissions to yet
)


class Directory:
    """The users of one app, and the bearer token issued to each at start-up."""

    def __init__(self, users: Iterable[User] = USERS) -> None:
        self.users = {user.name: user for user in users}
        self._tokens = {name: secrets.token_urlsafe(32) for name in self.users}
        self._by_token = {token: self.users[name] for name, token in self._tokens.items()}

    def headers(self, name: str) -> dict[str, str]:
        """The Authorization header a client logged in as `name` sends."""
        return {"Authorization": f"Bearer {self._tokens[name]}"}

    def find(self, token: str) -> User | None:
        """The user a token belongs to, or None."""
        return self._by_token.get(token)


# --8<-- [start:current_user]
def current_user(request: Request,
                 authorization: Annotated[str | None, Header()] = None) -> User:
    """FastAPI dependency: the authenticated user, or 401 (authentication, not authorization)."""
    directory: Directory = request.app.state.directory
    scheme, _, token = (authorization or "").partition(" ")
    user = directory.find(token) if scheme.lower() == "bearer" else None
    if user is None:
        raise HTTPException(401, "log in first", headers={"WWW-Authenticate": "Bearer"})
    return user
# --8<-- [end:current_user]
