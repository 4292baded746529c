"""The sql_reports exercise: its checks reject the classic mistakes, not just the stub."""

from __future__ import annotations

import sqlite3
import types

import pytest

from snippets.databases.exercises import sql_reports_checks as checks
from snippets.databases.exercises import sql_reports_solution as solution


def variant(**overrides: object) -> types.ModuleType:
    """The reference solution with some functions replaced."""
    module = types.ModuleType("variant")
    module.__dict__.update({k: v for k, v in vars(solution).items() if not k.startswith("__")})
    module.__dict__.update(overrides)
    return module


def formatted_find(conn: sqlite3.Connection, name: str) -> list[int]:
    """DELIBERATELY VULNERABLE: the mistake the checks must catch."""
    sql = f"SELECT id FROM customers WHERE name = '{name}' ORDER BY id"
    return [row[0] for row in conn.execute(sql)]


def counting_star(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    sql = """SELECT c.name, COUNT(*) FROM customers AS c
             LEFT JOIN orders AS o ON o.customer_id = c.id GROUP BY c.id ORDER BY c.name"""
    return conn.execute(sql).fetchall()


def test_string_formatting_fails_both_find_checks() -> None:
    module = variant(find_customer=formatted_find)
    with pytest.raises(AssertionError, match="parameter"):
        checks.check_find_customer_quotes(module)
    with pytest.raises(AssertionError):
        checks.check_find_customer_injection(module)


def test_count_star_fails_the_count_check() -> None:
    with pytest.raises(AssertionError, match="COUNT"):
        checks.check_order_counts(variant(order_counts=counting_star))


def test_the_solution_passes_every_check() -> None:
    for name in dir(checks):
        if name.startswith("check_"):
            getattr(checks, name)(solution)
