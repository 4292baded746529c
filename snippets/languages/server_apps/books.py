"""The one piece of application logic every server on the page runs: look a book up."""

from __future__ import annotations

import re

BOOKS: dict[int, dict[str, object]] = {
    1: {"id": 1, "title": "Kindred", "author": "Octavia E. Butler", "year": 1979},
}
"""The whole catalogue: one book is enough to see every layer around it."""


# --8<-- [start:handle]
def handle(method: str, path: str) -> tuple[int, dict[str, object]]:
    """The handler: `GET /books/<id>` gives (200, the book); anything else (404, an error)."""
    match = re.fullmatch(r"/books/([0-9]{1,9})", path.split("?")[0])
    if method == "GET" and match and int(match[1]) in BOOKS:
        return 200, BOOKS[int(match[1])]
    return 404, {"error": "not found"}
# --8<-- [end:handle]
