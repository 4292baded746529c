"""A server-side session store and a small app that uses it, shared by the session snippets."""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import Any

import httpx
from argon2.exceptions import VerifyMismatchError
from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from snippets.security.password_kit import owasp_minimum_hasher

COOKIE = "__Host-session"
"""The session cookie's name: the __Host- prefix makes browsers insist on Secure, Path=/."""


# --8<-- [start:store]
@dataclass
class Session:
    """What the server remembers about one browser; the browser only holds the id."""

    data: dict[str, Any]
    created: float
    seen: float


class SessionStore:
    """Server-side sessions keyed by a random id, with idle and absolute timeouts."""

    def __init__(self, clock: Callable[[], float] = time.monotonic,
                 idle: float = 30 * 60, absolute: float = 8 * 3600) -> None:
        self.clock, self.idle, self.absolute = clock, idle, absolute
        self.sessions: dict[str, Session] = {}

    def create(self, **data: Any) -> str:
        """Start a session and return its new id: 32 random bytes, 43 URL-safe characters."""
        session_id = secrets.token_urlsafe(32)  # [mark:random]
        now = self.clock()
        self.sessions[session_id] = Session(dict(data), now, now)
        return session_id

    def get(self, session_id: str | None) -> dict[str, Any] | None:
        """The session's data, or None if the id is unknown, idle too long, or too old."""
        session = self.sessions.get(session_id or "")
        now = self.clock()
        if session is None:
            return None
        if now - session.seen > self.idle or now - session.created > self.absolute:
            self.destroy(session_id)
            return None
        session.seen = now
        return session.data

    def rotate(self, session_id: str | None, **changes: Any) -> str:
        """Move the session's data to a NEW id, apply `changes`, and forget the old id."""
        data = self.get(session_id) or {}
        self.destroy(session_id)  # [mark:forget]
        return self.create(**{**data, **changes})

    def destroy(self, session_id: str | None) -> None:
        """Delete the session on the server, so its id is worthless from now on."""
        self.sessions.pop(session_id or "", None)
# --8<-- [end:store]


# --8<-- [start:steps]
def login_step(store: SessionStore, session_id: str | None, user: str) -> str:
    """After a successful login: a new session id for the new privilege level."""
    return store.rotate(session_id, user=user)  # [mark:rotate]


def logout_step(store: SessionStore, session_id: str | None) -> None:
    """At logout: delete the session on the server, not only the cookie in the browser."""
    store.destroy(session_id)  # [mark:destroy]


def set_session_cookie(response: Response, session_id: str) -> None:
    """Send the id in a cookie scripts can't read, sent only over HTTPS, and not cross-site."""
    response.set_cookie(COOKIE, session_id, path="/", secure=True,  # [mark:cookie]
                        httponly=True, samesite="lax")
# --8<-- [end:steps]


class Credentials(BaseModel):
    """A login form."""

    user: str
    password: str


# --8<-- [start:app]
def create_app(store: SessionStore, users: dict[str, str],
               login: Callable[[SessionStore, str | None, str], str] = login_step,
               logout: Callable[[SessionStore, str | None], None] = logout_step,
               set_cookie: Callable[[Response, str], None] = set_session_cookie,
               cookie: str = COOKIE) -> FastAPI:
    """A site with anonymous sessions, a login, a page that says who you are, and a logout."""
    app = FastAPI()
    hasher = owasp_minimum_hasher()

    @app.get("/")
    def home(request: Request) -> JSONResponse:
        session_id = request.cookies.get(cookie)
        data = store.get(session_id)
        response = JSONResponse({"user": (data or {}).get("user")})
        if data is None:  # every visitor gets a session, e.g. for a basket or a language
            set_cookie(response, store.create())
        return response

    @app.post("/login")
    def do_login(form: Credentials, request: Request) -> JSONResponse:
        try:
            hasher.verify(users.get(form.user, ""), form.password)
        except (VerifyMismatchError, ValueError):
            return JSONResponse({"detail": "Login failed; invalid user name or password."}, 401)
        session_id = login(store, request.cookies.get(cookie), form.user)
        response = JSONResponse({"user": form.user})
        set_cookie(response, session_id)
        return response

    @app.get("/me")
    def me(request: Request) -> JSONResponse:
        data = store.get(request.cookies.get(cookie))
        if not data or "user" not in data:
            return JSONResponse({"detail": "Not logged in."}, 401)
        return JSONResponse({"user": data["user"]})

    @app.post("/logout")
    def do_logout(request: Request) -> JSONResponse:
        logout(store, request.cookies.get(cookie))
        response = JSONResponse({"user": None})
        response.delete_cookie(cookie, path="/", secure=True, httponly=True, samesite="lax")
        return response

    return app
# --8<-- [end:app]


DEMO_ACCOUNT = ("ada", "violet-anchor-quiet-71")
"""The one made-up account of the session demonstrations: a name and a password."""


def demo_users() -> dict[str, str]:
    """The stored Argon2id hash of the demo account, as the app's user table."""
    name, secret = DEMO_ACCOUNT
    return {name: owasp_minimum_hasher().hash(secret)}


def demo_login_form() -> dict[str, str]:
    """The login form the demo account submits."""
    name, secret = DEMO_ACCOUNT
    return {"user": name, "password": secret}


@dataclass
class Browser:
    """Stands in for a browser: keeps the cookies the server sets and sends them back.

    It ignores the cookie attributes, as a browser does for a site on 127.0.0.1, which it
    treats as a secure context (httpx's own cookie jar would refuse to send a Secure cookie
    over plain http).
    """

    client: httpx.Client
    cookies: dict[str, str] = field(default_factory=dict)

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """Send a request with the stored cookies, then store what the response sets."""
        header = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        response = self.client.request(method, path, headers={"Cookie": header} if header
                                       else {}, **kwargs)
        for line in response.headers.get_list("set-cookie"):
            for name, morsel in SimpleCookie(line).items():
                if morsel["max-age"] == "0" or not morsel.value.strip('"'):
                    self.cookies.pop(name, None)  # the server deleted it
                else:
                    self.cookies[name] = morsel.value
        return response
