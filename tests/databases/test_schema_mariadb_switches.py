"""Mirrors snippets/databases/schema_mariadb_switches.py: checks off let rows in; on, they stay."""

from __future__ import annotations

import pymysql
import pytest

from labkit import db
from snippets.databases import schema_mariadb_switches as s
from tests.support import require_server


def test_rows_let_in_with_checks_off_stay_after_switching_on() -> None:
    require_server("mariadb")
    with db.scratch(db.ENGINES["mariadb"]) as conn:
        cursor = conn.cursor()
        for statement in s.SCHEMA:
            cursor.execute(statement)
        cursor.execute("INSERT INTO customers VALUES (1)")
        with pytest.raises(pymysql.err.OperationalError):  # CHECK enforced by default
            cursor.execute("INSERT INTO orders VALUES (1, 1, -5)")
        with pytest.raises(pymysql.err.IntegrityError):  # FOREIGN KEY enforced by default
            cursor.execute("INSERT INTO orders VALUES (2, 99, 1)")
        cursor.execute("SET SESSION check_constraint_checks = OFF")
        cursor.execute("SET SESSION foreign_key_checks = OFF")
        cursor.execute("INSERT INTO orders VALUES (1, 1, -5)")
        cursor.execute("INSERT INTO orders VALUES (2, 99, 1)")
        conn.commit()
        cursor.execute("SET SESSION check_constraint_checks = ON")
        cursor.execute("SET SESSION foreign_key_checks = ON")
        cursor.execute(s.BROKEN_ROWS)
        assert len(cursor.fetchall()) == 2
