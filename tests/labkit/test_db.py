"""Throwaway database spaces on every engine, and one clear line when a server is missing."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from labkit import db
from tests.support import REPO, require_server


@pytest.mark.parametrize("engine", ["sqlite", "postgresql", "mariadb"])
def test_two_connections_share_one_scratch_space(engine: str) -> None:
    if engine != "sqlite":
        require_server(engine)
    with db.scratch_space(db.ENGINES[engine]) as space:
        writer, reader = space.connect(), space.connect()
        writer.cursor().execute("CREATE TABLE t (n INTEGER)")
        writer.cursor().execute("INSERT INTO t VALUES (42)")
        writer.commit()
        cursor = reader.cursor()
        cursor.execute("SELECT n FROM t")
        assert cursor.fetchone()[0] == 42
        writer.close()
        reader.close()


@pytest.mark.parametrize("engine", ["sqlite", "postgresql", "mariadb"])
def test_sqlalchemy_url_points_into_the_space(engine: str) -> None:
    if engine != "sqlite":
        require_server(engine)
    import sqlalchemy

    with db.scratch_space(db.ENGINES[engine]) as space:
        conn = space.connect()
        conn.cursor().execute("CREATE TABLE marker (n INTEGER)")
        conn.commit()
        conn.close()
        alchemy = sqlalchemy.create_engine(space.sqlalchemy_url)
        assert "marker" in sqlalchemy.inspect(alchemy).get_table_names()
        alchemy.dispose()


def test_a_missing_server_is_one_clear_line() -> None:
    env = {**os.environ, "LAB_ENGINE": "postgresql",
           "LAB_POSTGRES_URL": "postgresql://postgres@127.0.0.1:1/test"}
    result = subprocess.run([sys.executable, "-m", "snippets.tour.engines"], cwd=REPO, env=env,
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "PostgreSQL not reachable at 127.0.0.1:1; set LAB_POSTGRES_URL"
    )


def test_redis_scratch_removes_its_keys() -> None:
    require_server("redis")
    with db.redis_scratch() as space:
        space.client.set(space.key("a"), "1")
        space.client.incr(space.key("counter"))
        prefix = space.prefix
    client = db.redis_client()
    assert list(client.scan_iter(match=f"{prefix}*")) == []
    client.close()


def test_use_switches_the_current_engine_and_restores_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(db.ENGINE_ENV, raising=False)
    with db.use("mariadb") as engine:
        assert engine.label == "MariaDB" and db.current() is engine
    assert db.current().name == "sqlite"


@pytest.mark.parametrize("engine", ["postgresql", "mariadb"])
def test_a_connection_left_in_a_transaction_does_not_block_the_cleanup(engine: str) -> None:
    require_server(engine)
    with pytest.raises(RuntimeError), db.scratch_space(db.ENGINES[engine]) as space:
        conn = space.connect()
        cursor = conn.cursor()
        cursor.execute("CREATE TABLE t (n INTEGER)")
        conn.commit()
        cursor.execute("INSERT INTO t VALUES (1)")  # a transaction left open
        raise RuntimeError("the snippet failed here")
