"""Mirrors snippets/apis/design_idempotency.py: a repeated key replays, a reused key is refused."""

from __future__ import annotations

import contextlib

import httpx

from labkit.serve import serve_in_thread
from snippets.apis.design_idempotency import create_app

KEY = {"Idempotency-Key": '"b5e4a0c2-1f7d-4c3e-8a9b-0d6e2f4a1c88"'}


def test_replay_and_refusal() -> None:
    with serve_in_thread(create_app()) as base, httpx.Client(base_url=base) as client:
        body = {"book_id": 1, "member": "ada"}
        first = client.post("/loans", json=body, headers=KEY)
        again = client.post("/loans", json=body, headers=KEY)
        assert first.status_code == again.status_code == 201
        assert again.json() == first.json()
        assert again.headers["location"] == first.headers["location"]
        assert len(client.get("/loans").json()) == 1

        other = client.post("/loans", json={"book_id": 2, "member": "ada"}, headers=KEY)
        assert other.status_code == 422
        assert other.headers["content-type"] == "application/problem+json"
        assert len(client.get("/loans").json()) == 1

        client.post("/loans", json=body)
        client.post("/loans", json=body)
        assert len(client.get("/loans").json()) == 3  # no key, no protection


def test_retry_during_the_first_request_is_a_conflict() -> None:
    app = create_app()
    with serve_in_thread(app) as base, httpx.Client(base_url=base) as client:
        app.state.stall_next = True
        body = {"book_id": 1, "member": "ada"}
        with contextlib.suppress(httpx.ReadTimeout):
            client.post("/loans", json=body, headers=KEY, timeout=0.1)
        assert client.post("/loans", json=body, headers=KEY).status_code == 409
