"""Short-lived access tokens, rotating refresh tokens, and logout through a deny-list of `jti`.

This module contains one DELIBERATELY VULNERABLE class, `TokenService_vulnerable`, whose
logout forgets to revoke anything, to show a stolen token outliving its owner's logout. It runs
only against keys and tokens made in memory. Never copy it.
"""

from __future__ import annotations

import secrets
import time
from typing import Any

import httpx
import jwt
from fastapi import Body, FastAPI, Header, HTTPException

from labkit.serve import serve_in_thread
from snippets.security.jwt_kit import AUDIENCE, ISSUER, hmac_secret

VULNERABLE = ("TokenService_vulnerable",)

REFRESH_AUDIENCE = "library-refresh"
"""Refresh tokens are for the refresh endpoint only; an API that expects AUDIENCE refuses them."""


class RevokedTokenError(jwt.InvalidTokenError):
    """The token's `jti` is on the deny-list: logged out, or a refresh token already used."""


# --8<-- [start:service]
class TokenService:
    """Issues and checks the library's tokens; remembers revoked ones until they expire."""

    def __init__(self, access_ttl: int = 300, refresh_ttl: int = 14 * 24 * 3600) -> None:
        self.key = hmac_secret()
        self.access_ttl, self.refresh_ttl = access_ttl, refresh_ttl
        self.denied: dict[str, int] = {}  # jti -> exp of the revoked token  [mark:deny]

    def _token(self, sub: str, audience: str, ttl: int, issued_at: int) -> str:
        claims = {"iss": ISSUER, "sub": sub, "aud": audience, "iat": issued_at,
                  "exp": issued_at + ttl, "jti": secrets.token_urlsafe(16)}  # [mark:jti]
        return jwt.encode(claims, self.key, algorithm="HS256")

    def issue_pair(self, sub: str, issued_at: int | None = None) -> dict[str, str]:
        """What a successful login returns: a 5-minute access token and a 14-day refresh token."""
        at = int(time.time()) if issued_at is None else issued_at
        return {"access_token": self._token(sub, AUDIENCE, self.access_ttl, at),
                "refresh_token": self._token(sub, REFRESH_AUDIENCE, self.refresh_ttl, at)}

    def check(self, token: str, audience: str) -> dict[str, Any]:
        """Verify signature and claims, then consult the deny-list."""
        claims = jwt.decode(token, self.key, algorithms=["HS256"], audience=audience,
                            issuer=ISSUER, options={"require": ["exp", "iat", "jti", "sub"]})
        if claims["jti"] in self.denied:                                  # [mark:lookup]
            raise RevokedTokenError("token has been revoked")
        return claims

    def revoke(self, claims: dict[str, Any]) -> None:
        """Deny this `jti` until the token would have expired anyway, then forget it."""
        now = int(time.time())
        self.denied = {jti: exp for jti, exp in self.denied.items() if exp > now}  # [mark:purge]
        self.denied[claims["jti"]] = claims["exp"]
# --8<-- [end:service]


# --8<-- [start:vulnerable]
class TokenService_vulnerable(TokenService):
    """DELIBERATELY VULNERABLE: "logout" that revokes nothing; tokens live until `exp`."""

    def revoke(self, claims: dict[str, Any]) -> None:
        """Do nothing, and trust the client to throw its tokens away."""
# --8<-- [end:vulnerable]


def _unauthorized(error: jwt.InvalidTokenError) -> HTTPException:
    """401 with the RFC 6750 §3 challenge a bearer-token client expects."""
    return HTTPException(401, f"{type(error).__name__}: {error}",
                         headers={"WWW-Authenticate": 'Bearer error="invalid_token"'})


def create_app(tokens: TokenService) -> FastAPI:
    """The library API: one protected endpoint, refresh, and logout."""
    app = FastAPI()

    def bearer(authorization: str | None) -> dict[str, Any]:
        scheme, _, token = (authorization or "").partition(" ")
        try:
            if scheme.lower() != "bearer":
                raise jwt.InvalidTokenError("send Authorization: Bearer <token>")
            return tokens.check(token, AUDIENCE)
        except jwt.InvalidTokenError as error:
            raise _unauthorized(error) from None

    # --8<-- [start:endpoints]
    @app.get("/me")
    def me(authorization: str | None = Header(None)) -> dict[str, str]:
        return {"sub": bearer(authorization)["sub"]}

    @app.post("/refresh")
    def refresh(refresh_token: str = Body(embed=True)) -> dict[str, str]:
        try:
            claims = tokens.check(refresh_token, REFRESH_AUDIENCE)
        except jwt.InvalidTokenError as error:
            raise _unauthorized(error) from None
        tokens.revoke(claims)              # rotation: each refresh token works once  [mark:rotate]
        return tokens.issue_pair(claims["sub"])

    @app.post("/logout")
    def logout(refresh_token: str = Body(embed=True),
               authorization: str | None = Header(None)) -> dict[str, int]:
        access = bearer(authorization)
        tokens.revoke(access)
        try:
            tokens.revoke(tokens.check(refresh_token, REFRESH_AUDIENCE))
        except jwt.InvalidTokenError as error:
            raise _unauthorized(error) from None
        return {"deny_list_size": len(tokens.denied)}
    # --8<-- [end:endpoints]

    return app


def show(label: str, response: httpx.Response) -> None:
    """One line per request: status, and what came back (token values shortened to a shape)."""
    body = response.json()
    if "access_token" in body:
        body = {name: "<new JWT>" for name in body}
    print(f"{label:46} {response.status_code} {body}")


def main() -> None:
    """Expire, refresh, replay, log out, and replay a stolen token, against both services."""
    # --8<-- [start:flow]
    tokens = TokenService()
    with serve_in_thread(create_app(tokens)) as base, httpx.Client(base_url=base) as client:
        old = tokens.issue_pair("ada", issued_at=int(time.time()) - 600)  # logged in 10 min ago
        show("GET /me, 10-minute-old access token",
             client.get("/me", headers={"Authorization": f"Bearer {old['access_token']}"}))
        show("GET /me, refresh token used as access token",
             client.get("/me", headers={"Authorization": f"Bearer {old['refresh_token']}"}))
        fresh = client.post("/refresh", json={"refresh_token": old["refresh_token"]})
        show("POST /refresh", fresh)
        new = fresh.json()
        show("GET /me, new access token",
             client.get("/me", headers={"Authorization": f"Bearer {new['access_token']}"}))
        show("POST /refresh, the old refresh token again",
             client.post("/refresh", json={"refresh_token": old["refresh_token"]}))
    # --8<-- [end:flow]
    # --8<-- [start:stolen]
    print("\nMallory copied Ada's access token; then Ada logs out:")
    for service in (TokenService_vulnerable(), TokenService()):
        with serve_in_thread(create_app(service)) as base, httpx.Client(base_url=base) as client:
            pair = service.issue_pair("ada")
            stolen = {"Authorization": f"Bearer {pair['access_token']}"}
            client.post("/logout", headers=stolen, json={"refresh_token": pair["refresh_token"]})
            show(f"  {type(service).__name__}: GET /me as Mallory",
                 client.get("/me", headers=stolen))
    # --8<-- [end:stolen]


if __name__ == "__main__":
    main()
