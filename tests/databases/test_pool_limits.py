"""Mirrors snippets/databases/pool_limits.py: size + overflow cap checkouts; the rest time out."""

from __future__ import annotations

import time

import pytest
import sqlalchemy as sa

from labkit import db
from snippets.databases import pool_limits as s
from tests.support import require_server


def test_checkout_beyond_size_plus_overflow_times_out() -> None:
    require_server("postgresql")
    with db.scratch_space(db.ENGINES["postgresql"]) as space:
        engine = sa.create_engine(space.sqlalchemy_url, pool_size=2, max_overflow=1,
                                  pool_timeout=0.3)
        opened, closed = [], []
        sa.event.listen(engine, "connect", lambda *args: opened.append(1))
        sa.event.listen(engine.pool, "close", lambda *args: closed.append(1))
        held = [engine.connect() for _ in range(3)]  # 2 + 1 overflow: all granted
        start = time.perf_counter()
        with pytest.raises(sa.exc.TimeoutError):
            engine.connect()
        assert time.perf_counter() - start >= 0.3  # it waited pool_timeout first
        for conn in held:
            conn.close()
        # Once all are returned, the pool keeps pool_size open and closes the overflow one.
        assert engine.pool.checkedin() == 2
        assert (len(opened), len(closed)) == (3, 1)
        engine.dispose()


def test_snippet_output(monkeypatch: pytest.MonkeyPatch,
                        capsys: pytest.CaptureFixture[str]) -> None:
    require_server("postgresql")
    monkeypatch.setenv("LAB_ENGINE", "postgresql")
    s.main()
    out = capsys.readouterr().out
    assert "checkout 3         checked out: 3, idle in pool: 0, open to the server: 3" in out
    assert "QueuePool limit of size 2 overflow 1 reached" in out
    assert "return the others  checked out: 0, idle in pool: 2, open to the server: 2" in out
