"""Mirrors snippets/security/password_throttle.py: brute force, enumeration and spraying work
on the vulnerable app and are stopped by the fixed one."""

from __future__ import annotations

import httpx
import pytest

from labkit.serve import serve_in_thread
from snippets.security.password_kit import BASE_WORDS
from snippets.security.password_throttle import (
    ACCOUNTS,
    FAILED,
    WRONG,
    FailureLimiter,
    FakeClock,
    brute_force,
    create_app,
    create_app_vulnerable,
    hash_accounts,
    spray,
)


@pytest.fixture(scope="module")
def hashed() -> tuple[dict[str, str], str]:
    return hash_accounts()


def test_attacks_work_on_the_vulnerable_app(hashed: tuple[dict[str, str], str]) -> None:
    users, _ = hashed
    with serve_in_thread(create_app_vulnerable(users)) as base, \
            httpx.Client(base_url=base) as client:
        statuses, found = brute_force(client, "ada", list(BASE_WORDS))
        assert found == ACCOUNTS["ada"] and len(statuses) == 14
        unknown = client.post("/login", json={"user": "nobody", "password": WRONG})
        known = client.post("/login", json={"user": "bob", "password": WRONG})
        assert (unknown.status_code, known.status_code) == (404, 401)  # enumeration
        assert unknown.json() != known.json()
        assert 429 not in spray(client, "password1", 25)


def test_attacks_fail_on_the_fixed_app(hashed: tuple[dict[str, str], str]) -> None:
    users, dummy = hashed
    clock = FakeClock()
    with serve_in_thread(create_app(users, dummy, clock)) as base, \
            httpx.Client(base_url=base) as client:
        statuses, found = brute_force(client, "ada", list(BASE_WORDS))
        assert found is None and statuses == [401] * 5 + [429] * 15
        right = client.post("/login", json={"user": "ada", "password": ACCOUNTS["ada"]})
        assert right.status_code == 429 and right.headers["retry-after"] == "900"
        unknown = client.post("/login", json={"user": "nobody", "password": WRONG})
        known = client.post("/login", json={"user": "bob", "password": WRONG})
        assert unknown.status_code == known.status_code == 401
        assert unknown.content == known.content and unknown.json() == FAILED
        # 7 failures from this IP so far; the per-IP limit is 20
        assert spray(client, "password1", 25) == [401] * 13 + [429] * 12
        clock.now += 900
        ok = client.post("/login", json={"user": "ada", "password": ACCOUNTS["ada"]})
        assert ok.status_code == 200


def test_a_success_resets_the_account_counter(hashed: tuple[dict[str, str], str]) -> None:
    users, dummy = hashed
    with serve_in_thread(create_app(users, dummy, FakeClock())) as base, \
            httpx.Client(base_url=base) as client:
        def attempt(password: str) -> int:
            return client.post("/login", json={"user": "ada", "password": password}).status_code
        assert [attempt(WRONG) for _ in range(4)] == [401] * 4
        assert attempt(ACCOUNTS["ada"]) == 200
        assert [attempt(WRONG) for _ in range(5)] == [401] * 5
        assert attempt(ACCOUNTS["ada"]) == 429


def test_limiter_window() -> None:
    clock = FakeClock()
    limiter = FailureLimiter(limit=2, window=10, clock=clock)
    limiter.failed("k")
    clock.now += 4
    limiter.failed("k")
    assert limiter.wait("k") == 6  # the first failure leaves the window in 6 s
    clock.now += 6
    assert limiter.wait("k") == 0
    assert limiter.wait("other") == 0
