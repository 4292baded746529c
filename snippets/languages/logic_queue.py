"""A durable job queue in one SQLite table: enqueue with the data, claim, ack, retry, give up."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from labkit import db

# --8<-- [start:schema]
SCHEMA = """
CREATE TABLE jobs (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,                  -- JSON arguments
    state TEXT NOT NULL DEFAULT 'ready',    -- ready, running, done or dead
    attempts INTEGER NOT NULL DEFAULT 0,
    run_after INTEGER NOT NULL DEFAULT 0,   -- not before this time (retry back-off)
    locked_until INTEGER,                   -- the claim's lease ends here
    last_error TEXT
);
CREATE TABLE loans (id INTEGER PRIMARY KEY, member TEXT NOT NULL, book TEXT NOT NULL);
CREATE TABLE receipts_sent (loan_id INTEGER PRIMARY KEY);
"""
# --8<-- [end:schema]

LEASE = 30         # seconds a worker may hold a job before another may take it
MAX_ATTEMPTS = 3


@dataclass(frozen=True)
class Job:
    """A claimed job."""

    id: int
    kind: str
    args: dict
    attempt: int


# --8<-- [start:queue]
class JobQueue:
    """Jobs in a table: they survive crashes and restarts because they are rows."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def enqueue(self, kind: str, **args: object) -> None:
        """Add a job inside the caller's transaction: it commits with the caller's data."""
        self.conn.execute("INSERT INTO jobs (kind, payload) VALUES (?, ?)",
                          (kind, json.dumps(args)))

    def claim(self, now: int) -> Job | None:
        """Take the oldest job that is ready, or whose worker's lease ran out."""
        row = self.conn.execute(
            """UPDATE jobs SET state = 'running', attempts = attempts + 1,
                              locked_until = :now + :lease
               WHERE id = (SELECT id FROM jobs
                           WHERE (state = 'ready' AND run_after <= :now)
                              OR (state = 'running' AND locked_until <= :now)
                           ORDER BY id LIMIT 1)
               RETURNING id, kind, payload, attempts""",  # [mark:claim]
            {"now": now, "lease": LEASE}).fetchone()
        self.conn.commit()
        return Job(row[0], row[1], json.loads(row[2]), row[3]) if row else None

    def ack(self, job: Job) -> None:
        """The job is done: never run it again."""
        with self.conn:
            self.conn.execute("UPDATE jobs SET state = 'done' WHERE id = ?", (job.id,))

    def fail(self, job: Job, error: str, now: int) -> str:
        """Retry later, waiting longer each time; after MAX_ATTEMPTS, park it as dead."""
        state = "dead" if job.attempt >= MAX_ATTEMPTS else "ready"
        run_after = now + 5 * 2 ** job.attempt  # back-off: 10 s, then 20 s  [mark:backoff]
        with self.conn:
            self.conn.execute(
                "UPDATE jobs SET state = ?, run_after = ?, last_error = ? WHERE id = ?",
                (state, run_after, error, job.id))
        return "dead: a person must look at it" if state == "dead" else f"retry at t={run_after}"
# --8<-- [end:queue]


# --8<-- [start:handler]
def send_receipt(conn: sqlite3.Connection, outbox: list[str], loan_id: int,
                 mail_server_up: bool = True) -> str:
    """Email a receipt once per loan, however often the job runs (idempotent)."""
    if conn.execute("SELECT 1 FROM receipts_sent WHERE loan_id = ?", (loan_id,)).fetchone():
        return "already sent, skipped"  # [mark:idempotent]
    if not mail_server_up:
        raise ConnectionError("mail server unreachable")
    outbox.append(f"receipt for loan {loan_id}")
    with conn:
        conn.execute("INSERT INTO receipts_sent VALUES (?)", (loan_id,))
    return "sent"
# --8<-- [end:handler]


def work(queue: JobQueue, outbox: list[str], worker: str, now: int, *,
         mail_up: bool = True, crash: bool = False) -> None:
    """One turn of a worker's loop: claim a job, run it, then ack or fail it."""
    job = queue.claim(now)
    if job is None:
        print(f"t={now:<3} {worker}: nothing to claim")
        return
    head = f"t={now:<3} {worker}: job {job.id} (loan {job.args['loan_id']}), attempt {job.attempt}:"
    try:
        result = send_receipt(queue.conn, outbox, job.args["loan_id"], mail_up)
    except ConnectionError as error:
        print(f"{head} {error} -> {queue.fail(job, str(error), now)}")
        return
    if crash:
        print(f"{head} {result}, then the worker crashes before its ack")
        return
    queue.ack(job)
    print(f"{head} {result} -> done")


def main() -> None:
    """Two loans, one worker crash, one mail server outage."""
    outbox: list[str] = []
    with db.scratch() as conn:
        conn.executescript(SCHEMA)
        queue = JobQueue(conn)
        # --8<-- [start:enqueue]
        with conn:  # one transaction: the loan and its job exist together, or neither does
            conn.execute("INSERT INTO loans VALUES (1, 'ada', 'Kindred')")
            queue.enqueue("receipt", loan_id=1)
            conn.execute("INSERT INTO loans VALUES (2, 'bob', 'Dune')")
            queue.enqueue("receipt", loan_id=2)
        # --8<-- [end:enqueue]
        # --8<-- [start:story]
        work(queue, outbox, "worker A", now=0, crash=True)
        work(queue, outbox, "worker B", now=0, mail_up=False)
        work(queue, outbox, "worker B", now=5)
        work(queue, outbox, "worker B", now=10, mail_up=False)
        work(queue, outbox, "worker B", now=30)
        work(queue, outbox, "worker B", now=30)
        work(queue, outbox, "worker B", now=30)
        # --8<-- [end:story]
        print("emails sent:", outbox)
        for row in conn.execute("SELECT id, state, attempts, last_error FROM jobs"):
            print("job {}: state={}, attempts={}, last error={}".format(*row))


if __name__ == "__main__":
    main()
