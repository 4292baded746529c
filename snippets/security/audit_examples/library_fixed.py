"""The same ten jobs done safely: what bandit should have nothing to say about."""

from __future__ import annotations

import hashlib
import os
import secrets
import sqlite3
import subprocess  # nosec B404 # used below with a fixed argument list and no shell
from typing import Any

import httpx
import yaml
from argon2 import PasswordHasher
from itsdangerous import URLSafeTimedSerializer


class Forbidden(Exception):
    """The user may not do this."""


def find_member(conn: sqlite3.Connection, name: str) -> list[Any]:
    """A bound parameter: `name` is data, never SQL."""
    return conn.execute("SELECT id, name FROM members WHERE name = ?", (name,)).fetchall()


def export_catalogue(folder: str) -> None:
    """An argument list and no shell: `folder` is one argument, whatever it contains."""
    subprocess.run(  # nosec B603 # fixed program, argv list, no shell
        ["/usr/bin/tar", "czf", "catalogue.tgz", "--", folder], check=True
    )


def load_import_config(text: str) -> Any:
    """safe_load builds only plain data: dicts, lists, strings, numbers."""
    return yaml.safe_load(text)


def restore_session(cookie: str, signer: URLSafeTimedSerializer) -> Any:
    """JSON signed by the server, and refused when the signature or its age is wrong."""
    return signer.loads(cookie, max_age=3600)


def connect_backup() -> dict[str, str]:
    """The password comes from the environment (or a vault), never from the code."""
    return {"user": "backup", "password": os.environ["BACKUP_DB_PASSWORD"]}


def reset_token() -> str:
    """The secrets module uses the operating system's CSPRNG."""
    return secrets.token_urlsafe(32)


def fetch_cover(url: str) -> bytes:
    """httpx verifies certificates by default; leave it that way."""
    return httpx.get(url, timeout=10).content


def hash_password(password: str) -> str:
    """A slow, salted password hash (Argon2id)."""
    return PasswordHasher().hash(password)


def cover_cache_key(url: str) -> str:
    """MD5 as a cache key, not for security: say so, and bandit agrees."""
    return hashlib.md5(url.encode(), usedforsecurity=False).hexdigest()


def delete_book(user: dict[str, Any], conn: sqlite3.Connection, book_id: int) -> None:
    """An access check that `python -O` cannot remove."""
    if user["role"] != "librarian":
        raise Forbidden("librarians only")
    conn.execute("DELETE FROM books WHERE id = ?", (book_id,))


def show_loan(user: dict[str, Any], conn: sqlite3.Connection, loan_id: int) -> Any:
    """The owner is part of the query: another member's loan is simply not found."""
    return conn.execute(
        "SELECT id, member_id, book_id FROM loans WHERE id = ? AND member_id = ?",
        (loan_id, user["id"]),
    ).fetchone()
