"""Mirrors snippets/security/jwt_refresh.py: expiry, refresh rotation, and revocation by jti."""

from __future__ import annotations

import time

import httpx
import jwt
import pytest

from labkit.serve import serve_in_thread
from snippets.security.jwt_refresh import (
    VULNERABLE,
    RevokedTokenError,
    TokenService,
    TokenService_vulnerable,
    create_app,
)


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_expired_access_token_is_refreshed_once() -> None:
    tokens = TokenService()
    with serve_in_thread(create_app(tokens)) as base, httpx.Client(base_url=base) as client:
        old = tokens.issue_pair("ada", issued_at=int(time.time()) - 600)
        assert client.get("/me", headers=bearer(old["access_token"])).status_code == 401
        refused = client.get("/me", headers=bearer(old["refresh_token"]))
        assert refused.status_code == 401
        assert refused.headers["www-authenticate"].startswith("Bearer")
        new = client.post("/refresh", json={"refresh_token": old["refresh_token"]})
        assert new.status_code == 200
        assert client.get("/me", headers=bearer(new.json()["access_token"])).json() == {
            "sub": "ada"}
        replay = client.post("/refresh", json={"refresh_token": old["refresh_token"]})
        assert replay.status_code == 401 and "revoked" in replay.json()["detail"]


def test_stolen_token_outlives_logout_on_the_vulnerable_service_only() -> None:
    assert VULNERABLE == ("TokenService_vulnerable",)
    results = {}
    for service in (TokenService_vulnerable(), TokenService()):
        with serve_in_thread(create_app(service)) as base, httpx.Client(base_url=base) as client:
            pair = service.issue_pair("ada")
            out = client.post("/logout", headers=bearer(pair["access_token"]),
                              json={"refresh_token": pair["refresh_token"]})
            assert out.status_code == 200
            results[type(service).__name__] = (
                client.get("/me", headers=bearer(pair["access_token"])).status_code,
                client.post("/refresh", json={"refresh_token": pair["refresh_token"]}).status_code)
    assert results["TokenService_vulnerable"] == (200, 200)   # the attack works
    assert results["TokenService"] == (401, 401)              # the fix stops it


def test_deny_list_forgets_entries_after_they_expire() -> None:
    tokens = TokenService()
    now = int(time.time())
    tokens.denied = {"long-gone": now - 5}
    pair = tokens.issue_pair("ada")
    claims = tokens.check(pair["access_token"], "library-api")
    tokens.revoke(claims)
    assert list(tokens.denied) == [claims["jti"]]
    with pytest.raises(RevokedTokenError):
        tokens.check(pair["access_token"], "library-api")
    with pytest.raises(jwt.InvalidAudienceError):
        tokens.check(pair["refresh_token"], "library-api")
