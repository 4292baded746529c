"""Two versions of a book, chosen by URL path, by header or by media type; what breaks a client."""

from __future__ import annotations

import json
import re

import httpx
from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from labkit.serve import serve_in_thread


# --8<-- [start:models]
class BookV1(BaseModel):
    """Version 1: one author, as a string."""

    id: int
    title: str
    author: str


class BookV2(BaseModel):
    """Version 2: a list of authors (the field was renamed and changed type), and a year."""

    id: int
    title: str
    authors: list[str]
    year: int


class BookV1Plus(BookV1):
    """Version 1 with one more, optional field: an addition, not a change."""

    year: int | None = None
# --8<-- [end:models]


GOOD_OMENS = {"id": 1, "title": "Good Omens", "authors": ["Terry Pratchett", "Neil Gaiman"],
              "year": 1990}


def render(version: int) -> dict[str, object]:
    """The stored book, shaped for `version`."""
    if version not in (1, 2):
        raise HTTPException(404, f"There is no version {version} of this API.")
    if version == 1:
        return BookV1(id=1, title="Good Omens",
                      author=" & ".join(GOOD_OMENS["authors"])).model_dump()  # type: ignore[arg-type]
    return BookV2(**GOOD_OMENS).model_dump()  # type: ignore[arg-type]


# --8<-- [start:app]
VENDOR = re.compile(r"application/vnd\.library\.v(\d+)\+json")


def create_app() -> FastAPI:
    """The same book behind three versioning styles."""
    app = FastAPI()

    @app.get("/v{version}/books/{book_id}")  # 1. the version in the URL path
    def by_path(version: int, book_id: int) -> dict[str, object]:
        return render(version)

    @app.get("/books/{book_id}")  # 2. a request header, 3. the media type in Accept
    def by_header(book_id: int, request: Request) -> JSONResponse:
        wanted = VENDOR.search(request.headers.get("accept", ""))
        if wanted:
            version = int(wanted.group(1))
            media_type = f"application/vnd.library.v{version}+json"
        else:
            version = int(request.headers.get("api-version", "1"))
            media_type = "application/json"
        return JSONResponse(render(version), media_type=media_type,
                            headers={"Vary": "Accept, API-Version"})  # [mark:vary]

    return app
# --8<-- [end:app]


# --8<-- [start:breaking]
def breaking_changes(old: type[BaseModel], new: type[BaseModel]) -> list[str]:
    """What a client written for `old` responses would trip over in `new` responses."""
    before = old.model_json_schema()["properties"]
    after = new.model_json_schema()["properties"]
    problems = [f"field {name!r} removed or renamed" for name in before if name not in after]
    problems += [f"field {name!r} changed type: {before[name].get('type')} -> "
                 f"{after[name].get('type')}"
                 for name in before if name in after
                 and before[name].get("type") != after[name].get("type")]
    return problems
# --8<-- [end:breaking]


def main() -> None:
    """Ask for the same book four ways, then list what v2 breaks."""
    with serve_in_thread(create_app()) as base, httpx.Client(base_url=base) as client:
        # --8<-- [start:requests]
        asks = [("/v1/books/1", {}), ("/v2/books/1", {}),
                ("/books/1", {"API-Version": "2"}),
                ("/books/1", {"Accept": "application/vnd.library.v2+json"})]
        for path, headers in asks:
            response = client.get(path, headers=headers)
            sent = " ".join(f"{k}: {v}" for k, v in headers.items())
            print(f"GET {path} {sent}".rstrip())
            print(f"    {response.headers['content-type']}  {json.dumps(response.json())}")
        # --8<-- [end:requests]
    # --8<-- [start:check]
    print("v1 -> v2 breaks:", breaking_changes(BookV1, BookV2))
    print("v1 -> v1 + year breaks:", breaking_changes(BookV1, BookV1Plus))
    # --8<-- [end:check]


if __name__ == "__main__":
    main()
