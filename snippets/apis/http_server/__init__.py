"""A tiny library server on Python's standard `http.server`: every status code by hand."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TOKENS = {"librarian-token": "librarian", "member-token": "member"}
"""Bearer tokens the server accepts, and the role each one carries."""

FIELDS = {"title": str, "author": str, "year": int, "isbn": str}
"""The fields of a book, and the JSON type each must have."""

ALLOWED = {"collection": "GET, HEAD, POST", "item": "GET, HEAD, PUT, DELETE",
           "loans": "GET, HEAD, POST"}
"""The methods each kind of resource supports: the value of the Allow header."""


class Library:
    """The server's state: books by id, shared by every request."""

    def __init__(self) -> None:
        self.books: dict[int, dict[str, object]] = {
            1: {"id": 1, "title": "Kindred", "author": "Octavia E. Butler", "year": 1979,
                "isbn": "978-0807083697"},
        }
        self.next_id = 2
        self.loans: list[dict[str, object]] = []
        self.lock = threading.Lock()


def etag_of(book: dict[str, object]) -> str:
    """A strong entity tag: a short hash of the book's JSON, in double quotes."""
    return '"' + hashlib.sha256(json.dumps(book).encode()).hexdigest()[:12] + '"'


class LibraryHandler(BaseHTTPRequestHandler):
    """Routes `/books`, `/books/<id>` and `/loans`; one `do_<METHOD>` per method (http.server)."""

    protocol_version = "HTTP/1.1"  # the default is HTTP/1.0
    library: Library  # set by `serve_library`
    body: bytes = b""  # the request's content, read first by `check`

    # --8<-- [start:reply]
    def reply(self, status: int, body: object = None, headers: dict[str, str] | None = None,
              *, send_body: bool = True) -> None:
        """Send a status line, header fields, an empty line, then the JSON body."""
        data = b"" if body is None else json.dumps(body).encode()
        self.send_response(status)  # status line, plus Server and Date
        if body is not None:
            self.send_header("Content-Type", "application/json")
        if status not in (204, 304):  # these two never have content
            self.send_header("Content-Length", str(len(data)))  # [mark:length]
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()  # the empty line
        if send_body:  # HEAD: same header fields, no body
            self.wfile.write(data)
    # --8<-- [end:reply]

    def problem(self, status: int, detail: str, headers: dict[str, str] | None = None,
                *, send_body: bool = True) -> None:
        """An error reply: a small JSON body with the status and what went wrong."""
        body = {"status": status, "title": HTTPStatus(status).phrase, "detail": detail}
        self.reply(status, body, headers, send_body=send_body)

    def log_message(self, format: str, *args: object) -> None:
        """Keep quiet: the default handler logs every request to stderr."""

    def target(self) -> tuple[str, int | None] | None:
        """('collection', None), ('item', id), or None when the path names nothing here."""
        parts = self.path.split("?")[0].strip("/").split("/")
        if parts == ["books"]:
            return ("collection", None)
        if parts == ["loans"]:
            return ("loans", None)
        if len(parts) == 2 and parts[0] == "books" and parts[1].isdigit():
            return ("item", int(parts[1]))
        return None

    # --8<-- [start:allow]
    def check(self, method: str) -> tuple[str, int | None] | None:
        """Host present, path known, method allowed? Reply with the error and return None if not."""
        self.body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        quiet = method == "HEAD"
        if self.request_version == "HTTP/1.1" and "Host" not in self.headers:
            self.problem(400, "HTTP/1.1 requests must carry a Host header field",
                         send_body=not quiet)
            return None
        if self.path == "/catalogue":  # the old name of /books
            self.reply(308, None, {"Location": "/books"})
            return None
        found = self.target()
        if found is None:
            self.problem(404, f"nothing at {self.path}", send_body=not quiet)
            return None
        allowed = ALLOWED[found[0]]
        if method not in allowed.split(", "):
            self.problem(405, f"{method} is not allowed on {self.path}",
                         {"Allow": allowed})  # [mark:allow]
            return None
        return found
    # --8<-- [end:allow]

    def do_GET(self, *, send_body: bool = True) -> None:
        """200 with the book or the list, 304 when the client's copy is current, or 404."""
        found = self.check("HEAD" if not send_body else "GET")
        if found is None:
            return
        kind, book_id = found
        if kind != "item":
            listing = self.library.books.values() if kind == "collection" else self.library.loans
            self.reply(200, list(listing), send_body=send_body)
            return
        book = self.library.books.get(book_id)  # type: ignore[arg-type]
        if book is None:
            self.problem(404, f"no book {book_id}", send_body=send_body)
            return
        tag = etag_of(book)
        headers = {"ETag": tag, "Cache-Control": "max-age=60"}
        if self.headers.get("If-None-Match") == tag:
            self.reply(304, None, headers)
            return
        self.reply(200, book, headers, send_body=send_body)

    def do_HEAD(self) -> None:
        """Exactly what GET would send, without the body."""
        self.do_GET(send_body=False)

    def role(self) -> str | None:
        """Reply 401 (no or unknown credentials) or 403 (a member may not write); else the role."""
        scheme, _, token = self.headers.get("Authorization", "").partition(" ")
        role = TOKENS.get(token) if scheme == "Bearer" else None
        if role is None:
            self.problem(401, "send Authorization: Bearer <token>",
                         {"WWW-Authenticate": 'Bearer realm="library"'})
        elif role != "librarian":
            self.problem(403, "only librarians may change the catalogue")
            return None
        return role

    def read_book(self) -> dict[str, object] | None:
        """Read and validate a JSON book from the body: 415, 400 or 422 when it is wrong."""
        media_type = self.headers.get("Content-Type", "").split(";")[0].strip()
        if media_type != "application/json":
            self.problem(415, f"send application/json, not {media_type or 'nothing'}")
            return None
        try:
            data = json.loads(self.body)
        except ValueError:
            self.problem(400, "the body is not valid JSON")
            return None
        wrong = [name for name, kind in FIELDS.items()
                 if not isinstance(data, dict) or not isinstance(data.get(name), kind)]
        if wrong:
            self.problem(422, f"missing or wrong type: {', '.join(wrong)}")
            return None
        return {name: data[name] for name in FIELDS}

    def do_POST(self) -> None:
        """Create a book: 201 with Location, or 409 when its ISBN is already in the catalogue."""
        found = self.check("POST")
        if found is None or self.role() is None:
            return
        if found[0] == "loans":
            self.create_loan()
            return
        book = self.read_book()
        if book is None:
            return
        with self.library.lock:
            if any(b["isbn"] == book["isbn"] for b in self.library.books.values()):
                self.problem(409, f"a book with ISBN {book['isbn']} already exists")
                return
            book = {"id": self.library.next_id, **book}
            self.library.books[self.library.next_id] = book
            self.library.next_id += 1
        self.reply(201, book, {"Location": f"/books/{book['id']}"})

    def create_loan(self) -> None:
        """Lend a book: every POST adds a loan, even one identical to the last."""
        loan = json.loads(self.body)
        with self.library.lock:
            loan = {"id": len(self.library.loans) + 1, **loan}
            self.library.loans.append(loan)
        self.reply(201, loan, {"Location": f"/loans/{loan['id']}"})

    def do_PUT(self) -> None:
        """Replace a book: 200, 404, or 412 when If-Match names an old version."""
        found = self.check("PUT")
        if found is None or self.role() is None:
            return
        book = self.read_book()
        if book is None:
            return
        book_id = found[1]
        with self.library.lock:
            current = self.library.books.get(book_id)  # type: ignore[arg-type]
            if current is None:
                self.problem(404, f"no book {book_id}")
                return
            if_match = self.headers.get("If-Match")
            if if_match is not None and if_match != etag_of(current):
                self.problem(412, "the book changed since you read it",
                             {"ETag": etag_of(current)})
                return
            book = {"id": book_id, **book}
            self.library.books[book_id] = book  # type: ignore[index]
        self.reply(200, book, {"ETag": etag_of(book)})

    def do_DELETE(self) -> None:
        """Remove a book: 204 No Content, or 404 when there is nothing to remove."""
        found = self.check("DELETE")
        if found is None or self.role() is None:
            return
        with self.library.lock:
            removed = self.library.books.pop(found[1], None)  # type: ignore[arg-type]
        if removed is None:
            self.problem(404, f"no book {found[1]}")
        else:
            self.reply(204)

    def do_PATCH(self) -> None:
        """This server has no PATCH: `check` answers 405 with the Allow list."""
        self.check("PATCH")


# --8<-- [start:serve]
@contextmanager
def serve_library() -> Iterator[tuple[str, int]]:
    """Start the library server on a free 127.0.0.1 port in a thread; yield (host, port)."""
    handler = type("Handler", (LibraryHandler,), {"library": Library()})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)  # port 0: any free port
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[:2]  # type: ignore[misc]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
# --8<-- [end:serve]
