"""The "before": a borrow endpoint with HTTP, SQL and the business rules in one handler.

Not vulnerable (every value is a bound parameter), just tangled: the loan limit can only
be exercised through a running server and a real database.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

import httpx
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from labkit import db
from labkit.serve import serve_in_thread
from snippets.languages.logic_library.sqlite_repo import create_library

TODAY = date(2025, 3, 3)


# --8<-- [start:tangled]
def create_tangled_app(path: Path) -> FastAPI:
    """Everything in the route: parse, query, decide, insert, answer."""
    app = FastAPI()

    @app.post("/loans")
    async def borrow(request: Request) -> JSONResponse:
        body = await request.json()
        member_id, book_id = int(body["member_id"]), int(body["book_id"])  # [mark:parse]
        conn = sqlite3.connect(path)
        try:
            held = conn.execute(
                "SELECT COUNT(*) FROM loans WHERE member_id = ? AND returned_on IS NULL",
                (member_id,)).fetchone()[0]
            if held >= 3:  # the business rule, buried between SQL and HTTP  [mark:rule]
                return JSONResponse({"error": "too many loans"}, status_code=409)
            due = (TODAY + timedelta(days=14)).isoformat()  # and another one
            cursor = conn.execute(
                "INSERT INTO loans (member_id, book_id, borrowed_on, due_on) "
                "VALUES (?, ?, ?, ?)", (member_id, book_id, TODAY.isoformat(), due))
            conn.commit()
            return JSONResponse({"id": cursor.lastrowid, "due_on": due}, status_code=201)
        finally:
            conn.close()

    return app
# --8<-- [end:tangled]


def main() -> None:
    """Borrow four books, then send one malformed request."""
    with db.scratch_space() as space:
        path = Path(space.path)
        create_library(path, members=[1], books=range(1, 6))
        app = create_tangled_app(path)
        with serve_in_thread(app) as base, httpx.Client(base_url=base) as client:
            # --8<-- [start:requests]
            for book_id in (1, 2, 3, 4):
                response = client.post("/loans", json={"member_id": 1, "book_id": book_id})
                print(f"{f'borrow book {book_id}':<22} {response.status_code} {response.text}")
            response = client.post("/loans", json={"member_id": "one", "book_id": 5})
            label = "member 'one'"
            print(f"{label:<22} {response.status_code} {response.text}")
            # --8<-- [end:requests]


if __name__ == "__main__":
    main()
