"""DELIBERATELY VULNERABLE examples for the static-analysis demo. Never copy these.

Each function makes one classic mistake. The file is only scanned by bandit, never run.
"""

from __future__ import annotations

import sqlite3
from typing import Any

VULNERABLE = (
    "find_member_vulnerable",
    "export_catalogue_vulnerable",
    "load_import_config_vulnerable",
    "restore_session_vulnerable",
    "connect_backup_vulnerable",
    "reset_token_vulnerable",
    "fetch_cover_vulnerable",
    "hash_password_vulnerable",
    "delete_book_vulnerable",
    "show_loan_vulnerable",
)


def find_member_vulnerable(conn: sqlite3.Connection, name: str) -> list[Any]:
    """SQL built by string formatting: `name` can rewrite the query."""
    query = f"SELECT id, name FROM members WHERE name = '{name}'"
    return conn.execute(query).fetchall()


def export_catalogue_vulnerable(folder: str) -> None:
    """A shell command with user input in it: `folder` can add commands."""
    import subprocess

    subprocess.run(f"tar czf /tmp/catalogue.tgz {folder}", shell=True, check=True)


def load_import_config_vulnerable(text: str) -> Any:
    """yaml.load without a safe loader can build arbitrary Python objects."""
    import yaml

    return yaml.load(text, Loader=yaml.Loader)


def restore_session_vulnerable(cookie: bytes) -> Any:
    """Unpickling data from a client runs whatever code the client chose."""
    import pickle

    return pickle.loads(cookie)


def connect_backup_vulnerable() -> dict[str, str]:
    """A password in the source code: everyone with the repository has it."""
    password = "Tr0ub4dor&3"
    return {"user": "backup", "password": password}


def reset_token_vulnerable() -> str:
    """`random` is predictable: an attacker who sees a few outputs can guess the next."""
    import random

    return "".join(random.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(20))


def fetch_cover_vulnerable(url: str) -> bytes:
    """verify=False accepts any certificate: anyone on the path can answer instead."""
    import httpx

    return httpx.get(url, verify=False, timeout=10).content


def hash_password_vulnerable(password: str) -> str:
    """MD5 is fast and unsalted here: a GPU tries billions of guesses a second."""
    import hashlib

    return hashlib.md5(password.encode()).hexdigest()


def delete_book_vulnerable(user: dict[str, Any], conn: sqlite3.Connection, book_id: int) -> None:
    """An access check made with assert disappears under `python -O`."""
    assert user["role"] == "librarian", "librarians only"
    conn.execute("DELETE FROM books WHERE id = ?", (book_id,))


def show_loan_vulnerable(user: dict[str, Any], conn: sqlite3.Connection, loan_id: int) -> Any:
    """IDOR: any logged-in member can read any loan by changing the id in the URL."""
    return conn.execute(
        "SELECT id, member_id, book_id FROM loans WHERE id = ?", (loan_id,)
    ).fetchone()
