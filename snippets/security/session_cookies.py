"""The session cookie's attributes, read from the real Set-Cookie header of an app on 127.0.0.1.

This module contains one DELIBERATELY VULNERABLE function, `set_session_cookie_vulnerable`,
kept to show the failure. It serves one made-up account on 127.0.0.1 only. Never copy it.
"""

from __future__ import annotations

import re

import httpx
from fastapi import Response

from labkit.serve import serve_in_thread
from snippets.security.session_kit import (
    COOKIE,
    SessionStore,
    create_app,
    demo_login_form,
    demo_users,
)

VULNERABLE = ("set_session_cookie_vulnerable",)

ADA = demo_login_form()  # ada, a made-up account


# --8<-- [start:vulnerable]
def set_session_cookie_vulnerable(response: Response, session_id: str) -> None:
    """DELIBERATELY VULNERABLE: readable by scripts, sent over plain HTTP and cross-site."""
    response.set_cookie("sessionid", session_id, samesite=None)  # [mark:bare]
# --8<-- [end:vulnerable]


def shape(header: str) -> str:
    """A Set-Cookie header with the random session id replaced by its length."""
    return re.sub(r"=([A-Za-z0-9_-]{20,});", lambda m: f"=<{len(m[1])} random chars>;", header)


# --8<-- [start:show]
def login_and_show(app_kwargs: dict, cookie: str) -> None:
    """Log in over plain http on 127.0.0.1; print Set-Cookie and whether the id comes back."""
    app = create_app(SessionStore(), demo_users(), cookie=cookie, **app_kwargs)
    with serve_in_thread(app) as base, httpx.Client(base_url=base) as client:
        response = client.post("/login", json=ADA)
        print("  Set-Cookie:", shape(response.headers["set-cookie"]))  # [mark:header]
        me = client.get("/me")  # httpx's standard cookie jar decides what to send back
        print("  next request over plain http carries the id:",
              "cookie" in me.request.headers, "->", me.status_code, me.json())
# --8<-- [end:show]


def main() -> None:
    """The same login with the bare cookie and with the hardened one."""
    # --8<-- [start:run]
    print("vulnerable:")
    login_and_show({"set_cookie": set_session_cookie_vulnerable}, cookie="sessionid")
    print("fixed:")
    login_and_show({}, cookie=COOKIE)
    # --8<-- [end:run]


if __name__ == "__main__":
    main()
