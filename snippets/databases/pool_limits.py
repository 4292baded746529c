"""Fill a SQLAlchemy connection pool: pool_size, max_overflow, and the checkout timeout."""

from __future__ import annotations

import time

import sqlalchemy as sa

from labkit import db
from labkit.measure import measured

ENGINES = ("postgresql",)


def main() -> None:
    """Check out connections until the pool refuses one, then give them all back."""
    with db.scratch_space() as space:
        # --8<-- [start:engine]
        engine = sa.create_engine(
            space.sqlalchemy_url,
            pool_size=2,         # connections the pool keeps open when idle
            max_overflow=1,      # extra connections it may open under load
            pool_timeout=0.5,    # seconds a checkout waits for a free connection
            pool_pre_ping=True,  # test each connection before handing it out
        )
        opened, closed = [], []
        sa.event.listen(engine, "connect", lambda *args: opened.append(1))
        sa.event.listen(engine.pool, "close", lambda *args: closed.append(1))
        # --8<-- [end:engine]

        # --8<-- [start:fill]
        def report(event: str) -> None:
            pool = engine.pool
            open_now = len(opened) - len(closed)
            print(f"{event:<18} checked out: {pool.checkedout()}, "
                  f"idle in pool: {pool.checkedin()}, open to the server: {open_now}")

        held = [engine.connect()]
        report("checkout 1")
        held.append(engine.connect())
        report("checkout 2")
        held.append(engine.connect())
        report("checkout 3")
        started = time.perf_counter()
        try:
            engine.connect()  # [mark:fourth]
        except sa.exc.TimeoutError as error:
            waited = time.perf_counter() - started
            print(f"checkout 4         {type(error).__name__} after "
                  f"{measured(waited, unit=' s', at_least=0.5)}:")
            print(f"  {str(error).split(' (Background')[0]}")
        held.pop().close()
        report("return one")
        while held:
            held.pop().close()
        report("return the others")
        # --8<-- [end:fill]
        engine.dispose()


if __name__ == "__main__":
    main()
