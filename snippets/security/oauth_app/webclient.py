"""The bookshelf web app: a confidential OAuth client with its own server-side sessions.

`/login` sends the browser to the provider, `/callback` receives the code and redeems it,
`/shelf` reads (GET) or adds to (POST) the signed-in user's shelf through the provider's API.
The browser's cookie holds only a random session id; state, verifier and tokens stay here.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
from flask import Flask, Response, jsonify, redirect, request, session

from snippets.security.oauth_app.browser import OAuth2Client, params

VULNERABLE = ("finish_login_vulnerable",)


class LoginRefused(Exception):
    """The callback does not belong to a login this browser started."""


@dataclass
class Settings:
    """Where the provider is and who this app is there."""

    provider: str
    client_id: str
    secret: str
    use_pkce: bool
    base: str = ""  # this app's own URL, known once it is served
    sessions: dict[str, dict[str, Any]] = field(default_factory=dict)

    def oauth(self) -> OAuth2Client:
        """An Authlib client for one exchange (client_secret_basic at the token endpoint)."""
        return OAuth2Client(client_id=self.client_id, client_secret=self.secret,
                            redirect_uri=f"{self.base}/callback", scope="shelf:read shelf:write",
                            code_challenge_method="S256" if self.use_pkce else None)


# --8<-- [start:finish]
def finish_login(settings: Settings, pending: dict[str, Any], callback_url: str) -> dict:
    """The fix: redeem the code only if `state` matches the one this browser was given."""
    expected = pending.pop("state", None)  # one use only
    returned = params(callback_url).get("state", "")
    if expected is None or not hmac.compare_digest(expected, returned):
        raise LoginRefused("state does not match a login started in this browser")
    return redeem(settings, pending, params(callback_url)["code"])


def finish_login_vulnerable(settings: Settings, pending: dict[str, Any],
                            callback_url: str) -> dict:
    """DELIBERATELY VULNERABLE: redeem whatever code arrives, never looking at `state`."""
    return redeem(settings, pending, params(callback_url)["code"])
# --8<-- [end:finish]


def redeem(settings: Settings, pending: dict[str, Any], code: str) -> dict:
    """Exchange the code at the provider's token endpoint."""
    extra = {"code_verifier": pending["verifier"]} if pending.get("verifier") else {}
    with settings.oauth() as oauth:
        return dict(oauth.fetch_token(f"{settings.provider}/token", code=code,
                                      grant_type="authorization_code", **extra))


def create_webclient(settings: Settings,
                     finish: Callable[[Settings, dict[str, Any], str], dict]) -> Flask:
    """The app; `finish` is the callback's way of checking (or not) the response."""
    app = Flask("bookshelf")
    app.config.update(SECRET_KEY=secrets.token_bytes(32), SESSION_COOKIE_NAME="app_session",
                      SESSION_COOKIE_SAMESITE="Lax")

    def my_session() -> dict[str, Any]:
        if "sid" not in session:
            session["sid"] = secrets.token_urlsafe(16)
        return settings.sessions.setdefault(session["sid"], {})

    @app.get("/login")
    def login() -> Response:
        mine = my_session()
        mine["state"] = secrets.token_urlsafe(16)
        mine["verifier"] = secrets.token_urlsafe(32) if settings.use_pkce else None
        with settings.oauth() as oauth:
            url, _ = oauth.create_authorization_url(
                f"{settings.provider}/authorize", state=mine["state"],
                code_verifier=mine["verifier"])
        return redirect(url)

    @app.get("/callback")
    def callback() -> Response | tuple[Response, int]:
        mine = my_session()
        try:
            mine["token"] = finish(settings, mine, request.url)
        except Exception as error:  # LoginRefused, or an OAuth error from /token
            return jsonify(error=str(error)), 400
        return redirect("/shelf")

    @app.route("/shelf", methods=["GET", "POST"])
    def shelf() -> Response | tuple[Response, int]:
        token = my_session().get("token")
        if token is None:
            return jsonify(error="not signed in"), 401
        bearer = {"Authorization": f"Bearer {token['access_token']}"}
        api = f"{settings.provider}/api/shelf"
        if request.method == "POST":
            answer = httpx.post(api, json={"title": request.form["title"]}, headers=bearer)
        else:
            answer = httpx.get(api, headers=bearer)
        return jsonify(answer.json()), answer.status_code

    return app
