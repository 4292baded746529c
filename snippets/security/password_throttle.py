"""Stop online guessing: count failed logins per account and per IP, and answer 429.

This module contains one DELIBERATELY VULNERABLE function, `create_app_vulnerable`, kept to
show the failure. It serves made-up accounts on 127.0.0.1 only. Never copy it.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import groupby

import httpx
from argon2.exceptions import VerifyMismatchError
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from labkit.clock import FakeClock
from labkit.serve import serve_in_thread
from snippets.security.password_kit import BASE_WORDS, owasp_minimum_hasher

VULNERABLE = ("create_app_vulnerable",)

ACCOUNTS = {"ada": "trustno1", "bob": "violet-anchor-quiet-71"}
"""Made-up accounts; ada chose a password from the top of every leaked list."""

WRONG = "not-her-password"
"""A wrong guess, for the requests that show the error messages."""

FAILED = {"detail": "Login failed; invalid user name or password."}
"""One answer for an unknown user and a wrong password alike."""


class Credentials(BaseModel):
    """A login form."""

    user: str
    password: str


# --8<-- [start:limiter]
@dataclass
class FailureLimiter:
    """Blocks a key (an account, an IP) after `limit` failures within `window` seconds."""

    limit: int
    window: float
    clock: Callable[[], float]
    failures: dict[str, list[float]] = field(default_factory=dict)

    def wait(self, key: str) -> float:
        """Seconds until `key` may try again; 0 when it may try now."""
        now = self.clock()
        recent = [t for t in self.failures.get(key, []) if now - t < self.window]
        self.failures[key] = recent
        if len(recent) < self.limit:
            return 0.0
        return recent[-self.limit] + self.window - now  # [mark:wait]

    def failed(self, key: str) -> None:
        """Record one failure for `key`."""
        self.failures.setdefault(key, []).append(self.clock())

    def forget(self, key: str) -> None:
        """Clear `key`'s failures, after a successful login."""
        self.failures.pop(key, None)
# --8<-- [end:limiter]


def hash_accounts() -> tuple[dict[str, str], str]:
    """The stored Argon2id hashes of ACCOUNTS, and one dummy hash for unknown users."""
    hasher = owasp_minimum_hasher()
    users = {name: hasher.hash(password) for name, password in ACCOUNTS.items()}
    return users, hasher.hash("no user has this password")


# --8<-- [start:vulnerable]
def create_app_vulnerable(users: dict[str, str]) -> FastAPI:
    """DELIBERATELY VULNERABLE: unlimited guesses, and errors that say which part was wrong."""
    app = FastAPI()
    hasher = owasp_minimum_hasher()

    @app.post("/login")
    def login(form: Credentials) -> JSONResponse:
        if form.user not in users:
            return JSONResponse({"detail": "No such user."}, 404)  # [mark:enumerate]
        try:
            hasher.verify(users[form.user], form.password)
        except VerifyMismatchError:
            return JSONResponse({"detail": "Wrong password."}, 401)
        return JSONResponse({"detail": f"Welcome, {form.user}."})

    return app
# --8<-- [end:vulnerable]


# --8<-- [start:fixed]
def create_app(users: dict[str, str], dummy: str, clock: Callable[[], float]) -> FastAPI:
    """Five failures per account and twenty per IP in 15 minutes, then 429 with Retry-After."""
    app = FastAPI()
    hasher = owasp_minimum_hasher()
    per_account = FailureLimiter(limit=5, window=900, clock=clock)
    per_ip = FailureLimiter(limit=20, window=900, clock=clock)

    @app.post("/login")
    def login(form: Credentials, request: Request) -> JSONResponse:
        ip = request.client.host if request.client else "unknown"
        wait = max(per_account.wait(form.user), per_ip.wait(ip))  # [mark:before]
        if wait:
            return JSONResponse({"detail": "Too many failed logins; try again later."}, 429,
                                headers={"Retry-After": str(math.ceil(wait))})
        try:  # an unknown user costs the same hash as a known one
            hasher.verify(users.get(form.user, dummy), form.password)  # [mark:dummy]
            known = form.user in users
        except VerifyMismatchError:
            known = False
        if not known:
            per_account.failed(form.user)
            per_ip.failed(ip)
            return JSONResponse(FAILED, 401)  # [mark:same]
        per_account.forget(form.user)
        return JSONResponse({"detail": f"Welcome, {form.user}."})

    return app
# --8<-- [end:fixed]


def summary(statuses: list[int]) -> str:
    """Run-length summary of status codes: [401, 401, 429] -> '401×2, 429×1'."""
    return ", ".join(f"{code}×{len(list(run))}" for code, run in groupby(statuses))


# --8<-- [start:brute]
def brute_force(client: httpx.Client, user: str,
                guesses: list[str]) -> tuple[list[int], str | None]:
    """Try each guess for `user` in order; stop at the first 200. Return statuses and the find."""
    statuses = []
    for guess in guesses:
        response = client.post("/login", json={"user": user, "password": guess})
        statuses.append(response.status_code)
        if response.status_code == 200:
            return statuses, guess
    return statuses, None


def spray(client: httpx.Client, password: str, accounts: int) -> list[int]:
    """Try one common password against many account names: one guess each."""
    return [client.post("/login", json={"user": f"user{n:02}", "password": password}).status_code
            for n in range(accounts)]
# --8<-- [end:brute]


def main() -> None:
    """Run the same three attacks against the vulnerable app and the fixed one."""
    users, dummy = hash_accounts()
    guesses = list(BASE_WORDS)  # the 20 most common stems; "trustno1" is number 14
    with serve_in_thread(create_app_vulnerable(users)) as base, \
            httpx.Client(base_url=base) as client:
        # --8<-- [start:run-vulnerable]
        statuses, found = brute_force(client, "ada", guesses)
        print(f"vulnerable, brute force on ada: {summary(statuses)} -> found {found!r}")
        for user in ("nobody", "bob"):
            r = client.post("/login", json={"user": user, "password": WRONG})
            print(f"vulnerable, {user!r} with a wrong password: {r.status_code} {r.json()}")
        print("vulnerable, spray 'password1' over 25 names:",
              summary(spray(client, "password1", 25)))
        # --8<-- [end:run-vulnerable]

    clock = FakeClock(1000.0)  # moved by hand: every run prints the same Retry-After
    with serve_in_thread(create_app(users, dummy, clock)) as base, \
            httpx.Client(base_url=base) as client:
        # --8<-- [start:run-fixed]
        statuses, found = brute_force(client, "ada", guesses)
        print(f"fixed, brute force on ada: {summary(statuses)} -> found {found!r}")
        r = client.post("/login", json={"user": "ada", "password": ACCOUNTS["ada"]})
        print(f"fixed, ada's RIGHT password now: {r.status_code},",
              f"Retry-After: {r.headers['retry-after']}")
        for user in ("nobody", "bob"):
            r = client.post("/login", json={"user": user, "password": WRONG})
            print(f"fixed, {user!r} with a wrong password: {r.status_code} {r.json()}")
        print("fixed, spray 'password1' over 25 names:", summary(spray(client, "password1", 25)))
        clock.now += 900  # fifteen minutes later
        r = client.post("/login", json={"user": "ada", "password": ACCOUNTS["ada"]})
        print("fixed, ada 15 minutes later:", r.status_code, r.json())
        # --8<-- [end:run-fixed]


if __name__ == "__main__":
    main()
