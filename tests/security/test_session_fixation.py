"""Mirrors snippets/security/session_fixation.py: fixation and replay-after-logout work on the
vulnerable steps and fail on the fixed ones."""

from __future__ import annotations

import re

import httpx
import pytest

from labkit.serve import serve_in_thread
from snippets.security.session_fixation import (
    fixation,
    login_vulnerable,
    logout_vulnerable,
    replay_after_logout,
)
from snippets.security.session_kit import (
    SessionStore,
    create_app,
    demo_users,
    login_step,
    logout_step,
)


@pytest.fixture(scope="module")
def users() -> dict[str, str]:
    return demo_users()


def test_attacks_work_on_the_vulnerable_steps(users: dict[str, str]) -> None:
    app = create_app(SessionStore(), users, login=login_vulnerable, logout=logout_vulnerable)
    with serve_in_thread(app) as base, httpx.Client(base_url=base) as client:
        assert fixation(client).json() == {"user": "ada"}
        assert replay_after_logout(client).json() == {"user": "ada"}


def test_attacks_fail_on_the_fixed_steps(users: dict[str, str]) -> None:
    app = create_app(SessionStore(), users, login=login_step, logout=logout_step)
    with serve_in_thread(app) as base, httpx.Client(base_url=base) as client:
        assert fixation(client).status_code == 401
        assert replay_after_logout(client).status_code == 401


def test_store_ids_rotation_and_timeouts() -> None:
    now = [0.0]
    store = SessionStore(clock=lambda: now[0], idle=60, absolute=300)
    first = store.create(basket=[1])
    assert re.fullmatch(r"[A-Za-z0-9_-]{43}", first)
    second = store.rotate(first, user="ada")
    assert second != first and store.get(first) is None
    assert store.get(second) == {"basket": [1], "user": "ada"}
    now[0] = 59
    assert store.get(second) is not None  # used within the idle timeout
    now[0] = 120
    assert store.get(second) is None  # idle for 61 s
    busy = store.create()
    for t in range(150, 460, 50):
        now[0] = t
        alive = store.get(busy) is not None
    assert not alive  # used every 50 s, but older than the absolute timeout
