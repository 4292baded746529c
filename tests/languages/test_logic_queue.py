"""Mirrors snippets/languages/logic_queue.py: claim, lease, ack, retry with back-off, dead."""

from __future__ import annotations

import sqlite3

import pytest

from snippets.languages.logic_queue import LEASE, MAX_ATTEMPTS, SCHEMA, JobQueue, send_receipt


@pytest.fixture()
def queue() -> JobQueue:
    conn = sqlite3.connect(":memory:")
    conn.executescript(SCHEMA)
    with conn:
        JobQueue(conn).enqueue("receipt", loan_id=1)
    yield JobQueue(conn)
    conn.close()


def test_a_claimed_job_is_leased(queue: JobQueue) -> None:
    job = queue.claim(now=0)
    assert job is not None and job.args == {"loan_id": 1} and job.attempt == 1
    assert queue.claim(now=LEASE - 1) is None  # another worker cannot take it
    again = queue.claim(now=LEASE)  # the first worker is presumed dead
    assert again is not None and again.id == job.id and again.attempt == 2


def test_ack_ends_it(queue: JobQueue) -> None:
    job = queue.claim(now=0)
    queue.ack(job)
    assert queue.claim(now=10_000) is None


def test_retry_backs_off_then_gives_up(queue: JobQueue) -> None:
    waits = []
    now = 0
    for attempt in range(1, MAX_ATTEMPTS + 1):
        job = queue.claim(now)
        assert job is not None and job.attempt == attempt
        outcome = queue.fail(job, "boom", now)
        if attempt < MAX_ATTEMPTS:
            retry_at = int(outcome.removeprefix("retry at t="))
            assert queue.claim(retry_at - 1) is None
            waits.append(retry_at - now)
            now = retry_at
    assert waits == [10, 20]
    assert outcome.startswith("dead")
    assert queue.claim(now=10_000) is None
    assert queue.conn.execute("SELECT state, last_error FROM jobs").fetchone() == ("dead", "boom")


def test_a_rolled_back_loan_leaves_no_job() -> None:
    conn = sqlite3.connect(":memory:")
    conn.executescript(SCHEMA)
    with pytest.raises(sqlite3.IntegrityError), conn:
        conn.execute("INSERT INTO loans VALUES (1, 'ada', 'Kindred')")
        JobQueue(conn).enqueue("receipt", loan_id=1)
        conn.execute("INSERT INTO loans VALUES (1, 'bob', 'Dune')")  # fails: same id
    assert conn.execute("SELECT COUNT(*) FROM jobs").fetchone() == (0,)


def test_the_receipt_handler_is_idempotent(queue: JobQueue) -> None:
    outbox: list[str] = []
    assert send_receipt(queue.conn, outbox, 1) == "sent"
    assert send_receipt(queue.conn, outbox, 1) == "already sent, skipped"
    assert outbox == ["receipt for loan 1"]
