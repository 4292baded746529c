"""Problem details (RFC 9457): one error format for every error the library API returns."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

# --8<-- [start:problem]
PROBLEM_JSON = "application/problem+json"
TYPES = "https://library.example/problems/"  # where each problem type is documented


class Problem(Exception):
    """An error the API reports as a problem details object."""

    def __init__(self, status: int, kind: str = "", detail: str = "",
                 title: str = "", headers: dict[str, str] | None = None,
                 **extensions: Any) -> None:
        self.status = status
        self.type = TYPES + kind if kind else "about:blank"  # [mark:type]
        self.title = title or HTTPStatus(status).phrase
        self.detail = detail
        self.headers = headers or {}
        self.extensions = extensions
# --8<-- [end:problem]


# --8<-- [start:respond]
def problem_response(request: Request, problem: Problem) -> JSONResponse:
    """Render `problem` as an application/problem+json response."""
    body: dict[str, Any] = {
        "type": problem.type,
        "title": problem.title,
        "status": problem.status,
        "detail": problem.detail,
        "instance": request.url.path,  # [mark:instance]
        **problem.extensions,
    }
    return JSONResponse(body, status_code=problem.status, headers=problem.headers,
                        media_type=PROBLEM_JSON)
# --8<-- [end:respond]


# --8<-- [start:install]
def install_problem_handlers(app: FastAPI) -> None:
    """Make every error the app returns a problem details object."""

    @app.exception_handler(Problem)
    async def on_problem(request: Request, exc: Problem) -> JSONResponse:
        return problem_response(request, exc)

    @app.exception_handler(StarletteHTTPException)  # 404 for unknown paths, 405, ...
    async def on_http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        problem = Problem(exc.status_code, detail=str(exc.detail), headers=exc.headers)
        return problem_response(request, problem)

    @app.exception_handler(RequestValidationError)  # the body or query did not validate
    async def on_invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [{"where": ".".join(str(p) for p in e["loc"]), "message": e["msg"]}
                  for e in exc.errors()]
        problem = Problem(422, "invalid-request", "The request did not validate.",
                          title="Your request is not valid", errors=errors)  # [mark:ext]
        return problem_response(request, problem)

    @app.exception_handler(Exception)  # a bug: say so, and leak nothing
    async def on_bug(request: Request, exc: Exception) -> JSONResponse:
        problem = Problem(500, detail="Something went wrong on our side.")
        return problem_response(request, problem)
# --8<-- [end:install]
