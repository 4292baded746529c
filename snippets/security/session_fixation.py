"""Session fixation and a logout that only forgets the cookie, both shown working, then fixed.

This module contains two DELIBERATELY VULNERABLE functions, `login_vulnerable` and
`logout_vulnerable`, kept to show the failures. They serve one made-up account on
127.0.0.1 only. Never copy them.
"""

from __future__ import annotations

from collections.abc import Callable

import httpx

from labkit.serve import serve_in_thread
from snippets.security.session_kit import (
    COOKIE,
    Browser,
    SessionStore,
    create_app,
    demo_login_form,
    demo_users,
    login_step,
    logout_step,
)

VULNERABLE = ("login_vulnerable", "logout_vulnerable")

ADA = demo_login_form()  # ada, a made-up account


# --8<-- [start:vulnerable]
def login_vulnerable(store: SessionStore, session_id: str | None, user: str) -> str:
    """DELIBERATELY VULNERABLE: marks the visitor's EXISTING session as logged in."""
    if store.get(session_id) is None:
        return store.create(user=user)
    store.sessions[session_id].data["user"] = user  # same id before and after login
    return session_id  # [mark:same-id]


def logout_vulnerable(store: SessionStore, session_id: str | None) -> None:
    """DELIBERATELY VULNERABLE: the app deletes the cookie, but the session lives on."""
# --8<-- [end:vulnerable]


# --8<-- [start:fixation]
def fixation(client: httpx.Client) -> httpx.Response:
    """Plant the attacker's session id in the victim's browser; return what /me gives him."""
    attacker, victim = Browser(client), Browser(client)
    attacker.request("GET", "/")  # an anonymous visit: the site hands out a session id
    victim.cookies[COOKIE] = attacker.cookies[COOKIE]  # [mark:plant]
    victim.request("POST", "/login", json=ADA)  # ada logs in, in the planted session
    print("  victim's id after login is the planted one:",
          victim.cookies[COOKIE] == attacker.cookies[COOKIE])
    return attacker.request("GET", "/me")
# --8<-- [end:fixation]


# --8<-- [start:replay]
def replay_after_logout(client: httpx.Client) -> httpx.Response:
    """Copy the victim's cookie while she is logged in, replay it after she logs out."""
    victim = Browser(client)
    victim.request("POST", "/login", json=ADA)
    stolen = Browser(client, cookies=dict(victim.cookies))  # [mark:steal]
    victim.request("POST", "/logout")
    print("  victim's browser still has a session cookie:", COOKIE in victim.cookies)
    return stolen.request("GET", "/me")
# --8<-- [end:replay]


def run(label: str, login: Callable[..., str], logout: Callable[..., None]) -> None:
    """Serve the app with the given login and logout steps and run both attacks on it."""
    store = SessionStore()
    app = create_app(store, demo_users(), login=login, logout=logout)
    with serve_in_thread(app) as base, httpx.Client(base_url=base) as client:
        print(f"{label}:")
        answer = fixation(client)
        print("  fixation -> attacker's /me:", answer.status_code, answer.json())
        answer = replay_after_logout(client)
        print("  replay after logout -> attacker's /me:", answer.status_code, answer.json())


def main() -> None:
    """Both attacks against the vulnerable steps, then against the fixed ones."""
    # --8<-- [start:run]
    run("vulnerable (same id after login, logout keeps the session)",
        login_vulnerable, logout_vulnerable)
    run("fixed (new id at login, logout deletes the session)", login_step, logout_step)
    # --8<-- [end:run]


if __name__ == "__main__":
    main()
