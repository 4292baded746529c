"""Idempotency keys: a retried POST returns the first response and creates nothing new."""

from __future__ import annotations

import hashlib
import threading
import time

import httpx
from fastapi import FastAPI, Header
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from labkit.serve import serve_in_thread
from snippets.apis.design_app.problems import Problem, install_problem_handlers

STALL = 0.5  # seconds the server takes on a request the network is going to lose


class LoanIn(BaseModel):
    """A request to lend a book to a member."""

    book_id: int
    member: str


def create_app() -> FastAPI:
    """POST /loans, made safe to retry with the Idempotency-Key request header."""
    app = FastAPI()
    install_problem_handlers(app)
    loans: list[dict[str, object]] = []
    # --8<-- [start:store]
    seen: dict[str, tuple[str, JSONResponse | None]] = {}  # key -> (fingerprint, response)
    lock = threading.Lock()
    app.state.stall_next = False
    # --8<-- [end:store]

    # --8<-- [start:post]
    @app.post("/loans")
    def lend(loan: LoanIn, idempotency_key: str | None = Header(None)) -> JSONResponse:
        fingerprint = hashlib.sha256(loan.model_dump_json().encode()).hexdigest()
        if idempotency_key is not None:
            with lock:
                if idempotency_key in seen:
                    first_print, first_response = seen[idempotency_key]
                    if first_print != fingerprint:  # [mark:reuse]
                        raise Problem(422, "idempotency-key-reused",
                                      "This key was used for a different request.")
                    if first_response is None:  # the first request is still running
                        raise Problem(409, "request-in-progress", "Retry in a moment.")
                    return first_response  # [mark:replay]
                seen[idempotency_key] = (fingerprint, None)
        if app.state.stall_next:  # pretend the work is slow, so the client gives up
            app.state.stall_next = False
            time.sleep(STALL)
        loans.append({"id": len(loans) + 1, **loan.model_dump()})  # the real work
        response = JSONResponse(loans[-1], status_code=201,
                                headers={"Location": f"/loans/{loans[-1]['id']}"})
        if idempotency_key is not None:
            seen[idempotency_key] = (fingerprint, response)
        return response
    # --8<-- [end:post]

    @app.get("/loans")
    def all_loans() -> list[dict[str, object]]:
        return loans

    return app


# --8<-- [start:client]
def lend_with_retry(client: httpx.Client, body: dict[str, object],
                    headers: dict[str, str]) -> httpx.Response:
    """POST, and if no answer comes in time, wait and send the very same request again."""
    try:
        return client.post("/loans", json=body, headers=headers, timeout=STALL / 3)
    except httpx.ReadTimeout:
        print("  timed out; did the loan happen? retrying")
        time.sleep(STALL * 3)  # back off
        return client.post("/loans", json=body, headers=headers)
# --8<-- [end:client]


def summary(client: httpx.Client) -> list[str]:
    """Every loan on the server, as '#id book n'."""
    return [f"#{n['id']} book {n['book_id']}" for n in client.get("/loans").json()]


def main() -> None:
    """Lose a response, retry without a key, then with one; then reuse a key wrongly."""
    app = create_app()
    body = {"book_id": 7, "member": "ada"}
    with serve_in_thread(app) as base, httpx.Client(base_url=base) as client:
        # --8<-- [start:without]
        app.state.stall_next = True
        print("without a key:")
        lend_with_retry(client, body, headers={})
        print("  loans now:", summary(client))
        # --8<-- [end:without]
        # --8<-- [start:with]
        app.state.stall_next = True
        print("with a key:")
        key = {"Idempotency-Key": '"3f1c9a52-7d4e-4b8a-9c61-2e0f5b7d8a14"'}
        body = {"book_id": 8, "member": "ada"}
        retried = lend_with_retry(client, body, headers=key)
        print("  retry got:", retried.status_code, retried.headers["location"], retried.json())
        print("  loans now:", summary(client))
        other = client.post("/loans", json={"book_id": 9, "member": "ada"}, headers=key)
        print("same key, other body:", other.status_code, other.json()["detail"])
        # --8<-- [end:with]


if __name__ == "__main__":
    main()
