"""A cookie-authenticated account page where a member changes their email, and an attacker's page.

`create_app_vulnerable()` trusts the session cookie alone: DELIBERATELY VULNERABLE, for the
demonstration only. `create_app()` adds the defences, each of which can be switched on alone
so a test can show what each one stops. Accounts and sessions live in memory; the apps are
served on 127.0.0.1.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field

from flask import Flask, Request, Response, request

VULNERABLE = ("create_app_vulnerable",)

Check = Callable[[Request, "Store", str], "str | None"]
"""A defence: returns why it refuses the request, or None to let it through."""


@dataclass
class Store:
    """Emails by member, and sessions by id (each with its CSRF token)."""

    emails: dict[str, str] = field(default_factory=lambda: {"alice": "alice@example.org"})
    sessions: dict[str, dict[str, str]] = field(default_factory=dict)

    def start(self, member: str) -> str:
        """Open a session for `member`; return its id (the cookie value)."""
        session_id = secrets.token_urlsafe(32)
        self.sessions[session_id] = {"member": member, "csrf": secrets.token_urlsafe(32)}
        return session_id


# --8<-- [start:token]
def check_token(req: Request, store: Store, session_id: str) -> str | None:
    """Synchronizer token: the form must echo the secret stored in this session."""
    expected = store.sessions[session_id]["csrf"]
    sent = req.form.get("csrf_token", "")
    if not hmac.compare_digest(sent.encode(), expected.encode()):  # [mark:compare]
        return "missing or wrong CSRF token"
    return None
# --8<-- [end:token]


# --8<-- [start:origin]
def check_origin(req: Request, store: Store, session_id: str) -> str | None:
    """Fetch metadata first, then Origin: the request must come from this very origin."""
    fetch_site = req.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return None if fetch_site == "same-origin" else f"Sec-Fetch-Site is {fetch_site}"
    origin = req.headers.get("Origin")
    if origin is not None:
        mine = req.host_url.rstrip("/")  # scheme://host:port this request was sent to
        return None if origin == mine else "Origin is another origin"
    return "no Origin or Sec-Fetch-Site header"  # a browser sends one; refuse if neither
# --8<-- [end:origin]


FORM = """<!doctype html><title>Account</title>
<p id="email">{email}</p>
<form method="post" action="/email">
  <input name="email" type="email"> {hidden}
  <button>Change email</button>
</form>"""

LOGIN = """<!doctype html><title>Log in</title>
<form method="post" action="/login">
  <input name="member" value="alice"><button>Log in</button>
</form>"""


def _build(store: Store, cookie_attrs: dict[str, object], checks: tuple[Check, ...],
           with_token: bool) -> Flask:
    app = Flask(__name__)
    app.config["STORE"] = store

    def session_of() -> str | None:
        session_id = request.cookies.get("sid", "")
        return session_id if session_id in store.sessions else None

    @app.get("/login")
    def login_form() -> str:
        return LOGIN

    @app.post("/login")
    def login() -> Response:
        response = Response("logged in", status=303, headers={"Location": "/account"})
        response.set_cookie("sid", store.start(request.form["member"]), httponly=True,
                            path="/", **cookie_attrs)  # type: ignore[arg-type]
        return response

    @app.get("/account")
    def account() -> tuple[str, int]:
        session_id = session_of()
        if session_id is None:
            return "log in first", 401
        member = store.sessions[session_id]["member"]
        token = store.sessions[session_id]["csrf"]
        hidden = f'<input type="hidden" name="csrf_token" value="{token}">' if with_token else ""
        return FORM.format(email=store.emails[member], hidden=hidden), 200

    @app.post("/email")
    def change_email() -> tuple[str, int]:
        session_id = session_of()
        if session_id is None:
            return "log in first", 401
        for check in checks:
            if (reason := check(request, store, session_id)) is not None:
                return f"refused: {reason}", 403
        store.emails[store.sessions[session_id]["member"]] = request.form["email"]
        return "email changed", 200

    return app


# --8<-- [start:apps]
def create_app_vulnerable(store: Store | None = None) -> Flask:
    """DELIBERATELY VULNERABLE: the session cookie alone authorizes the change."""
    return _build(store or Store(), cookie_attrs={}, checks=(), with_token=False)


def create_app(store: Store | None = None, *, samesite: str | None = "Lax",
               checks: tuple[Check, ...] = (check_token, check_origin)) -> Flask:
    """The fixed app: SameSite cookie, synchronizer token and an origin check by default."""
    return _build(store or Store(), cookie_attrs={"samesite": samesite}, checks=checks,
                  with_token=check_token in checks)
# --8<-- [end:apps]


# --8<-- [start:attacker]
def create_attacker_app(target: str) -> Flask:
    """Mallory's site: a page that posts a hidden form to `target` as soon as it loads."""
    app = Flask("attacker")

    @app.get("/")
    def bait() -> str:
        return f"""<!doctype html><title>You won a prize!</title>
<form id="f" method="post" action="{target}/email">
  <input type="hidden" name="email" value="mallory@evil.example">
</form>
<script>document.getElementById('f').submit()</script>"""

    return app
# --8<-- [end:attacker]
