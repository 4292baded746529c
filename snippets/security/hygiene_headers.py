"""Security headers: a small middleware adds them to every response of a FastAPI app."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import httpx
from fastapi import FastAPI, Request, Response
from fastapi.responses import HTMLResponse

from labkit.serve import serve_in_thread

VULNERABLE = ("create_app_vulnerable",)

# --8<-- [start:headers]
SECURITY_HEADERS = {
    # HTTPS only, for a year, subdomains too (RFC 6797); browsers ignore it over plain HTTP
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
    # scripts, styles, images only from this origin; no plugins; nobody may frame the page
    "Content-Security-Policy": (
        "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",  # trust Content-Type, never guess
    "Referrer-Policy": "strict-origin-when-cross-origin",  # no paths or queries to others
    "X-Frame-Options": "DENY",  # frame-ancestors for browsers that predate CSP 2
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",  # features off
    "Cross-Origin-Opener-Policy": "same-origin",  # no window handle for pages we open
}
# --8<-- [end:headers]


def library_routes(app: FastAPI) -> None:
    """The page both apps serve."""
    @app.get("/", response_class=HTMLResponse)
    def home() -> str:
        return "<h1>City library</h1><p>Search the catalogue.</p>"


def create_app_vulnerable() -> FastAPI:
    """DELIBERATELY VULNERABLE: the framework's defaults, no security header at all."""
    app = FastAPI()
    library_routes(app)
    return app


# --8<-- [start:middleware]
def create_app() -> FastAPI:
    """The same app, with every response carrying the security headers."""
    app = FastAPI()
    library_routes(app)

    @app.middleware("http")
    async def security_headers(request: Request,
                               call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)  # [mark:setdefault]
        return response

    return app
# --8<-- [end:middleware]


def missing_headers(headers: httpx.Headers) -> list[str]:
    """The security headers a response lacks."""
    return [name for name in SECURITY_HEADERS if name not in headers]


def main() -> None:
    """Fetch the home page from both apps, served on 127.0.0.1, and compare the headers."""
    # --8<-- [start:compare]
    bare = create_app_vulnerable()
    for label, app in (("framework defaults", bare),
                       ("with the middleware", create_app())):
        options = {} if app is bare else {"server_header": False}  # drop "server: uvicorn"
        with serve_in_thread(app, **options) as base:
            response = httpx.get(f"{base}/")
        print(f"{label}: {response.status_code}, "
              f"missing {len(missing_headers(response.headers))} of {len(SECURITY_HEADERS)}")
        for name, value in response.headers.items():
            if name not in ("date", "content-length"):  # these vary or say nothing
                print(f"  {name}: {value}")
    # --8<-- [end:compare]


if __name__ == "__main__":
    main()
