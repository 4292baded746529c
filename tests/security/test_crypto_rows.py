"""Mirrors snippets/security/crypto_rows.py: a ciphertext moved to another row is refused."""

from __future__ import annotations

import pytest
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from labkit import db
from snippets.security.crypto_rows import (
    MEMBERS,
    copy_mallorys_iban_to_ada,
    read_iban,
    read_iban_vulnerable,
    store_iban,
    store_iban_vulnerable,
)


def _table(conn, key: bytes, store) -> None:
    conn.execute("CREATE TABLE members (id INTEGER PRIMARY KEY, name TEXT, iban BLOB)")
    for member_id, name, iban in MEMBERS:
        conn.execute("INSERT INTO members (id, name) VALUES (?, ?)", (member_id, name))
        store(conn, key, member_id, iban)


def test_swap_works_without_associated_data() -> None:
    key = AESGCM.generate_key(bit_length=256)
    with db.scratch() as conn:
        _table(conn, key, store_iban_vulnerable)
        copy_mallorys_iban_to_ada(conn)
        assert read_iban_vulnerable(conn, key, 1) == MEMBERS[1][2]


def test_swap_fails_with_the_row_id_bound() -> None:
    key = AESGCM.generate_key(bit_length=256)
    with db.scratch() as conn:
        _table(conn, key, store_iban)
        assert read_iban(conn, key, 1) == MEMBERS[0][2]
        copy_mallorys_iban_to_ada(conn)
        with pytest.raises(InvalidTag):
            read_iban(conn, key, 1)
        assert read_iban(conn, key, 2) == MEMBERS[1][2]
