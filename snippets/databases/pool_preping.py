"""Kill a pooled connection on the server and see what pool_pre_ping changes."""

from __future__ import annotations

import time
from typing import Any

import sqlalchemy as sa

from labkit import db

ENGINES = ("postgresql", "mariadb")

# How each server names a session, lists live ones, and ends one.
SESSION_ID = {"postgresql": "SELECT pg_backend_pid()", "mariadb": "SELECT CONNECTION_ID()"}
ALIVE = {
    "postgresql": "SELECT count(*) FROM pg_stat_activity WHERE pid = {id}",
    "mariadb": "SELECT count(*) FROM information_schema.processlist WHERE id = {id}",
}
KILL = {"postgresql": "SELECT pg_terminate_backend({id})", "mariadb": "KILL {id}"}


def kill_session(admin: Any, session: int) -> None:
    """End a server session from another connection, as a restart or failover would."""
    name = db.current().name
    cursor = admin.cursor()
    cursor.execute(KILL[name].format(id=session))
    for _ in range(100):  # the session ends a moment later: wait until it is gone
        cursor.execute(ALIVE[name].format(id=session))
        if cursor.fetchone()[0] == 0:
            return
        time.sleep(0.05)
    raise RuntimeError(f"session {session} is still alive")


def run(url: str, admin: Any, pre_ping: bool) -> None:
    """Use a one-connection pool, kill its connection, then make two more requests."""
    # --8<-- [start:run]
    engine = sa.create_engine(url, pool_size=1, pool_pre_ping=pre_ping)  # [mark:preping]
    opened = []
    sa.event.listen(engine, "connect", lambda *args: opened.append(1))
    query = sa.text(SESSION_ID[db.current().name])
    with engine.connect() as conn:
        session = conn.execute(query).scalar_one()
    kill_session(admin, session)  # the connection now sits dead in the pool
    for request in (1, 2):
        try:
            with engine.connect() as conn:
                conn.execute(query)
            print(f"  request {request}: ok")
        except sa.exc.OperationalError as error:
            print(f"  request {request}: {type(error).__name__}: "
                  f"{str(error.orig).strip().splitlines()[0]}")
            print(f"    connection_invalidated={error.connection_invalidated}")
    print(f"  connections opened: {len(opened)}")
    # --8<-- [end:run]
    engine.dispose()


def main() -> None:
    """Run the same scene without and with pre-ping."""
    if db.current().name not in KILL:
        raise SystemExit("this snippet needs a server: run it with LAB_ENGINE=postgresql "
                         "or LAB_ENGINE=mariadb")
    with db.scratch_space() as space:
        admin = space.connect()
        if db.current().name == "postgresql":
            admin.autocommit = True
        else:
            admin.autocommit(True)
        for pre_ping in (False, True):
            print(f"pool_pre_ping={pre_ping}:")
            run(space.sqlalchemy_url, admin, pre_ping)
        admin.close()


if __name__ == "__main__":
    main()
