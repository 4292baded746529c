"""What the provider stores: users, registered clients, authorization codes, access tokens.

Everything lives in memory in one `Store`, so each demonstration starts from nothing.
"""

from __future__ import annotations

import hmac
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from authlib.oauth2.rfc6749 import ClientMixin, TokenMixin
from authlib.oidc.core import AuthorizationCodeMixin
from joserfc.jwk import RSAKey

VULNERABLE = ("redirect_allowed_prefix_vulnerable",)

RedirectCheck = Callable[[list[str], str], bool]


# --8<-- [start:exact]
def redirect_allowed(registered: list[str], requested: str) -> bool:
    """The fix: the requested URI must equal a registered one, character for character."""
    return requested in registered  # simple string comparison, RFC 3986 §6.2.1
# --8<-- [end:exact]


# --8<-- [start:prefix]
def redirect_allowed_prefix_vulnerable(registered: list[str], requested: str) -> bool:
    """DELIBERATELY VULNERABLE: accept anything that starts with a registered client's origin."""
    origins = [f"{urlsplit(uri).scheme}://{urlsplit(uri).netloc}" for uri in registered]
    return any(requested.startswith(origin) for origin in origins)
# --8<-- [end:prefix]


@dataclass
class Client(ClientMixin):
    """A registered client. No secret means a public client (a mobile app, a SPA, a CLI)."""

    client_id: str
    redirect_uris: list[str]
    scope: str
    secret: str | None = None
    redirect_check: RedirectCheck = redirect_allowed

    def get_client_id(self) -> str:
        return self.client_id

    def get_default_redirect_uri(self) -> str:
        return self.redirect_uris[0]

    def get_allowed_scope(self, scope: str) -> str:
        allowed = set(self.scope.split())
        return " ".join(s for s in (scope or "").split() if s in allowed)

    def check_redirect_uri(self, redirect_uri: str) -> bool:
        return self.redirect_check(self.redirect_uris, redirect_uri)

    def check_client_secret(self, client_secret: str) -> bool:
        return self.secret is not None and hmac.compare_digest(self.secret, client_secret)

    def check_endpoint_auth_method(self, method: str, endpoint: str) -> bool:
        if endpoint == "token":
            return method == ("none" if self.secret is None else "client_secret_basic")
        return True

    def check_response_type(self, response_type: str) -> bool:
        return response_type == "code"

    def check_grant_type(self, grant_type: str) -> bool:
        return grant_type == "authorization_code"


@dataclass
class AuthCode(AuthorizationCodeMixin):
    """One authorization code: short-lived, single use, bound to client, redirect URI, PKCE."""

    code: str
    client_id: str
    redirect_uri: str
    scope: str
    user: str
    code_challenge: str | None
    code_challenge_method: str | None
    nonce: str | None
    auth_time: int
    expires_at: float

    def get_redirect_uri(self) -> str:
        return self.redirect_uri

    def get_scope(self) -> str:
        return self.scope

    def get_nonce(self) -> str | None:
        return self.nonce

    def get_auth_time(self) -> int:
        return self.auth_time


@dataclass
class Token(TokenMixin):
    """An opaque access token, as the resource server looks it up."""

    access_token: str
    client_id: str
    user: str
    scope: str
    expires_at: float

    def check_client(self, client: Client) -> bool:
        return self.client_id == client.client_id

    def get_scope(self) -> str:
        return self.scope

    def get_expires_in(self) -> int:
        return int(self.expires_at - time.time())

    def is_expired(self) -> bool:
        return time.time() >= self.expires_at

    def is_revoked(self) -> bool:
        return False

    def get_user(self) -> str:
        return self.user

    def get_client(self) -> None:
        return None


@dataclass
class Store:
    """All of the provider's state. Passwords and the signing key are made at run time."""

    issuer: str = ""
    users: dict[str, str] = field(default_factory=dict)
    clients: dict[str, Client] = field(default_factory=dict)
    codes: dict[str, AuthCode] = field(default_factory=dict)
    tokens: dict[str, Token] = field(default_factory=dict)
    shelves: dict[str, list[str]] = field(default_factory=dict)
    signing_key: RSAKey = field(default_factory=lambda: RSAKey.generate_key(2048, auto_kid=True))

    def add_user(self, name: str, books: list[str]) -> str:
        """Create a user with a fresh random password; return the password."""
        self.users[name] = secrets.token_urlsafe(16)
        self.shelves[name] = list(books)
        return self.users[name]

    def add_client(self, client: Client) -> Client:
        """Register a client."""
        self.clients[client.client_id] = client
        return client
