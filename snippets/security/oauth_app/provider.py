"""The provider: an authorization server and a resource server in one Flask app, with Authlib.

- `/login` signs a user in (a form post; the session cookie is SameSite=Lax).
- `/authorize` shows the consent page (GET) and answers the user's decision (POST).
- `/token` exchanges a code for tokens; `/jwks` publishes the ID token signing key.
- `/api/me`, `/api/shelf` are the protected resources, each with the scope it needs.
"""

from __future__ import annotations

import hmac
import secrets
import time
from collections.abc import Callable
from typing import ClassVar

from authlib.integrations.flask_oauth2 import (
    AuthorizationServer,
    ResourceProtector,
    current_token,
)
from authlib.oauth2 import OAuth2Error
from authlib.oauth2.rfc6749 import grants
from authlib.oauth2.rfc6750 import BearerTokenValidator
from authlib.oauth2.rfc7636 import CodeChallenge
from authlib.oidc.core import UserInfo
from authlib.oidc.core.grants import OpenIDCode
from flask import Flask, Response, jsonify, request, session
from markupsafe import escape

from snippets.security.oauth_app.models import AuthCode, Client, Store, Token

VULNERABLE = ("register_code_grant_vulnerable",)

CODE_LIFETIME = 60  # seconds; RFC 6749 §4.1.2 recommends at most 10 minutes
TOKEN_LIFETIME = 3600


class CodeGrant(grants.AuthorizationCodeGrant):
    """The authorization code grant over our in-memory store; public clients allowed."""

    TOKEN_ENDPOINT_AUTH_METHODS: ClassVar[list[str]] = ["client_secret_basic", "none"]

    @property
    def store(self) -> Store:
        return self.server.store

    def save_authorization_code(self, code: str, request: object) -> None:
        data = request.payload.data
        self.store.codes[code] = AuthCode(
            code=code, client_id=request.client.client_id,
            redirect_uri=request.payload.redirect_uri, scope=request.scope, user=request.user,
            code_challenge=data.get("code_challenge"),
            code_challenge_method=data.get("code_challenge_method"),
            nonce=data.get("nonce"), auth_time=int(time.time()),
            expires_at=time.time() + CODE_LIFETIME,
        )

    def query_authorization_code(self, code: str, client: Client) -> AuthCode | None:
        found = self.store.codes.get(code)
        if found and found.client_id == client.client_id and time.time() < found.expires_at:
            return found
        return None

    def delete_authorization_code(self, authorization_code: AuthCode) -> None:
        self.store.codes.pop(authorization_code.code, None)  # a code works once

    def authenticate_user(self, authorization_code: AuthCode) -> str:
        return authorization_code.user


# --8<-- [start:idtoken]
class IdTokens(OpenIDCode):
    """OpenID Connect: add a signed ID token when the client asked for the `openid` scope."""

    def __init__(self, store: Store) -> None:
        super().__init__(require_nonce=True)
        self.store = store

    def exists_nonce(self, nonce: str, request: object) -> bool:
        return any(code.nonce == nonce for code in self.store.codes.values())

    def resolve_client_private_key(self, client: Client) -> object:
        return self.store.signing_key  # RSA key made at start-up, published at /jwks

    def get_client_algorithm(self, client: Client) -> str:
        return "RS256"

    def get_encode_header(self, client: Client) -> dict[str, str]:
        return {"alg": "RS256", "kid": self.store.signing_key.kid}

    def get_client_claims(self, client: Client) -> dict[str, object]:
        return {"iss": self.store.issuer, "aud": client.client_id}

    def generate_user_info(self, user: str, scope: str) -> UserInfo:
        return UserInfo(sub=user, name=user.capitalize())
# --8<-- [end:idtoken]


class Server(AuthorizationServer):
    """Authlib's Flask authorization server, wired to a `Store`."""

    def __init__(self, app: Flask, store: Store) -> None:
        self.store = store
        super().__init__(app, query_client=store.clients.get, save_token=self.keep_token)

    def keep_token(self, token: dict[str, object], request: object) -> None:
        self.store.tokens[str(token["access_token"])] = Token(
            access_token=str(token["access_token"]), client_id=request.client.client_id,
            user=request.user, scope=str(token.get("scope", "")),
            expires_at=time.time() + int(token["expires_in"]),
        )


# --8<-- [start:grants]
def register_code_grant(server: Server) -> None:
    """The fix: PKCE is required of public clients, and checked whenever a challenge was sent."""
    server.register_grant(CodeGrant, [CodeChallenge(required=True), IdTokens(server.store)])


def register_code_grant_vulnerable(server: Server) -> None:
    """DELIBERATELY VULNERABLE: no PKCE at all; whoever holds a code can redeem it."""
    server.register_grant(CodeGrant, [IdTokens(server.store)])
# --8<-- [end:grants]


class ShelfTokens(BearerTokenValidator):
    """The resource server's side: look the bearer token up."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def authenticate_token(self, token_string: str) -> Token | None:
        return self.store.tokens.get(token_string)


def create_provider(
    store: Store, register: Callable[[Server], None] = register_code_grant
) -> Flask:
    """The provider's Flask app; `register` decides how the code grant is set up."""
    app = Flask("provider")
    app.config.update(
        SECRET_KEY=secrets.token_bytes(32),
        SESSION_COOKIE_NAME="provider_session",  # the clients run on 127.0.0.1 too
        SESSION_COOKIE_SAMESITE="Lax",
        OAUTH2_TOKEN_EXPIRES_IN={"authorization_code": TOKEN_LIFETIME},
    )
    server = Server(app, store)
    register(server)
    require_oauth = ResourceProtector()
    require_oauth.register_token_validator(ShelfTokens(store))

    @app.post("/login")
    def login() -> Response:
        name, password = request.form.get("username", ""), request.form.get("password", "")
        if name in store.users and hmac.compare_digest(store.users[name], password):
            session["user"] = name
            return jsonify(user=name)
        return jsonify(error="wrong username or password"), 401

    # --8<-- [start:authorize]
    @app.route("/authorize", methods=["GET", "POST"])
    def authorize() -> Response | tuple[Response, int]:
        user = session.get("user")
        if user is None:
            return jsonify(error="log in first"), 401
        try:
            grant = server.get_consent_grant(end_user=user)  # checks client, redirect_uri, scope
        except OAuth2Error as error:
            return server.handle_error_response(None, error)  # never redirects to a bad URI
        if request.method == "GET":
            client = escape(grant.client.client_id)
            scope = escape(grant.request.scope)
            return Response(f"<h1>Allow {client} to use: {scope}?</h1>"
                            '<form method="post"><button name="confirm" value="yes">Allow</button>'
                            '<button name="confirm" value="no">Deny</button></form>',
                            headers={"Referrer-Policy": "no-referrer"})
        approved = user if request.form.get("confirm") == "yes" else None
        return server.create_authorization_response(grant_user=approved, grant=grant)
    # --8<-- [end:authorize]

    @app.post("/token")
    def token() -> Response:
        return server.create_token_response()

    @app.get("/jwks")
    def jwks() -> Response:
        return jsonify(keys=[store.signing_key.as_dict(private=False)])

    # --8<-- [start:resources]
    @app.get("/api/me")
    @require_oauth("profile")
    def me() -> Response:
        return jsonify(user=current_token.user)

    @app.get("/api/shelf")
    @require_oauth("shelf:read")
    def read_shelf() -> Response:
        return jsonify(user=current_token.user, books=store.shelves[current_token.user])

    @app.post("/api/shelf")
    @require_oauth("shelf:write")
    def add_to_shelf() -> Response:
        store.shelves[current_token.user].append(str(request.json["title"]))
        return jsonify(user=current_token.user, books=store.shelves[current_token.user])
    # --8<-- [end:resources]

    return app
