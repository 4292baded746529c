"""Hidden checks for the lang_contract exercise."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import ModuleType

GOOD = {
    "/books/1": (200, "application/json", json.dumps({"id": 1, "title": "Dune"})),
    "/books/999999": (404, "application/json", json.dumps({"error": "book not found"})),
}


@contextmanager
def _server(answers: dict[str, tuple[int, str, str]]) -> Iterator[str]:
    """A server on 127.0.0.1 that sends `answers[path]` (status, content type, body)."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            status, content_type, body = answers.get(self.path, (404, "text/plain", "no"))
            data = body.encode()
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def _problems(module: ModuleType, **changed: tuple[int, str, str]) -> list[str]:
    answers = dict(GOOD)
    answers.update({f"/books/{k.removeprefix('book_')}": v for k, v in changed.items()})
    with _server(answers) as base_url:
        found = module.problems(base_url)
    assert isinstance(found, list), f"problems() returned {found!r}, not a list"
    return found


def check_good_server(module: ModuleType) -> None:
    """A server that keeps the contract has no problems, with or without a charset."""
    assert _problems(module) == [], "the good server was reported as broken"
    charset = "application/json; charset=utf-8"
    found = _problems(module, book_1=(200, charset, GOOD["/books/1"][2]),
                      book_999999=(404, charset, GOOD["/books/999999"][2]))
    assert found == [], f"a charset parameter is allowed, but you reported {found}"


def check_wrong_status(module: ModuleType) -> None:
    """An unknown book answered with 200, or a known one with 500, is reported."""
    assert _problems(module, book_999999=(200, "application/json", '{"error": "none"}')), (
        "a 200 for an unknown book should be reported")
    assert _problems(module, book_1=(500, "application/json", '{"id": 1, "title": "Dune"}')), (
        "a 500 for book 1 should be reported")


def check_wrong_type_or_body(module: ModuleType) -> None:
    """A text/plain type, an HTML 404, an id as a string, or extra members are reported."""
    body = GOOD["/books/1"][2]
    cases = {
        "a text/plain content type": {"book_1": (200, "text/plain", body)},
        "an HTML 404 page": {"book_999999": (404, "text/html", "<h1>Not Found</h1>")},
        "the id as a string": {"book_1": (200, "application/json", '{"id": "1", "title": "Dune"}')},
        "an empty title": {"book_1": (200, "application/json", '{"id": 1, "title": ""}')},
        "an extra member": {"book_1": (200, "application/json",
                                       '{"id": 1, "title": "Dune", "isbn": null}')},
        "a 404 without an error string": {"book_999999": (404, "application/json", "{}")},
    }
    for name, changed in cases.items():
        assert _problems(module, **changed), f"not reported: a server with {name}"


def check_not_json(module: ModuleType) -> None:
    """A body that is not JSON is reported, not raised."""
    try:
        found = _problems(module, book_1=(200, "application/json", "Dune"))
    except ValueError as error:
        raise AssertionError(f"problems() raised {error!r} instead of reporting it") from None
    assert found, "a body that is not JSON should be reported"


def check_the_real_python_program(module: ModuleType) -> None:
    """The page's FastAPI program, started for real, keeps the contract."""
    from labkit.serve import free_port
    from snippets.languages.lang_programs.launch import PYTHON, running

    with running(PYTHON, free_port()) as server:
        found = module.problems(f"http://127.0.0.1:{server.port}")
    assert found == [], f"the page's Python program keeps the contract, but you reported {found}"
