"""Hidden checks for the session_login exercise."""

from __future__ import annotations

import re
from types import ModuleType


def _expect(condition: object, message: str) -> None:
    """Fail the check with `message` unless `condition` holds."""
    if not condition:
        raise AssertionError(message)


def check_random_ids(module: ModuleType) -> None:
    """create() returns unique, URL-safe ids of at least 43 characters."""
    sessions = module.Sessions()
    ids = [sessions.create() for _ in range(200)]
    _expect(len(set(ids)) == 200, "create() returned the same id twice: use secrets.token_urlsafe")
    for session_id in ids[:5]:
        _expect(isinstance(session_id, str) and re.fullmatch(r"[A-Za-z0-9_-]{43,}", session_id),
            f"{session_id!r} is not 43+ URL-safe characters: try secrets.token_urlsafe(32)")


def check_get(module: ModuleType) -> None:
    """get() returns the data of a session, and None for an unknown id or None."""
    sessions = module.Sessions()
    session_id = sessions.create(basket=[7])
    _expect(sessions.get(session_id) == {"basket": [7]}, "get() should return the session's data")
    _expect(sessions.get("no-such-session") is None, "get() of an unknown id should be None")
    _expect(sessions.get(None) is None, "get(None) should be None")


def check_login_rotates(module: ModuleType) -> None:
    """login() returns a new id that keeps the data and adds the user; the old id stops working."""
    sessions = module.Sessions()
    before = sessions.create(basket=[7])
    after = sessions.login(before, "ada")
    _expect(after != before, "login() must return a NEW id (session fixation!)")
    _expect(sessions.get(before) is None, "the pre-login id must stop working after login")
    _expect(sessions.get(after) == {"basket": [7], "user": "ada"},
            f"the new session should keep the basket and add the user, got {sessions.get(after)}")


def check_fixation_fails(module: ModuleType) -> None:
    """An id planted before login gives the attacker nothing after the victim logs in."""
    sessions = module.Sessions()
    planted = sessions.create()
    sessions.login(planted, "ada")
    _expect(sessions.get(planted) is None, "the attacker's planted id still works after login")
    fresh = sessions.login(None, "bob")
    _expect(sessions.get(fresh) == {"user": "bob"}, "login(None, user) should start a session")


def check_logout_destroys(module: ModuleType) -> None:
    """logout() deletes the session; a copied id is worthless afterwards."""
    sessions = module.Sessions()
    session_id = sessions.login(None, "ada")
    copied = session_id
    sessions.logout(session_id)
    _expect(sessions.get(copied) is None, "after logout the id must not work any more")
    sessions.logout("no-such-session")
    sessions.logout(None)
