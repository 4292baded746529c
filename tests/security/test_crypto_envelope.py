"""Mirrors snippets/security/crypto_envelope.py: data keys wrapped by a KEK, then rotated."""

from __future__ import annotations

import pytest
from cryptography.exceptions import InvalidTag

from labkit import db
from snippets.security.crypto_envelope import LocalKMS, fingerprint, load, rewrap_all, save

NOTES = {1: "returned late", 2: "large print", 3: "ID checked"}


def _notes(conn, kms: LocalKMS) -> None:
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, key_id TEXT, "
                 "wrapped_key BLOB, ciphertext BLOB)")
    for record_id, note in NOTES.items():
        save(conn, kms, record_id, note)


def test_each_record_has_its_own_data_key() -> None:
    kms = LocalKMS()
    kms.create_key()
    with db.scratch() as conn:
        _notes(conn, kms)
        wrapped = [row[0] for row in conn.execute("SELECT wrapped_key FROM notes")]
        assert len(set(wrapped)) == 3
        assert all(load(conn, kms, i) == note for i, note in NOTES.items())


def test_rotation_rewraps_keys_and_leaves_ciphertexts_alone() -> None:
    kms = LocalKMS()
    kms.create_key()
    with db.scratch() as conn:
        _notes(conn, kms)
        before = fingerprint(conn)
        kms.create_key()
        assert rewrap_all(conn, kms) == 3
        assert rewrap_all(conn, kms) == 0  # nothing left under the old KEK
        assert fingerprint(conn) == before
        kms.destroy("kek-1")
        assert [row[0] for row in conn.execute("SELECT DISTINCT key_id FROM notes")] == ["kek-2"]
        assert all(load(conn, kms, i) == note for i, note in NOTES.items())


def test_destroyed_kek_makes_unrotated_records_unreadable() -> None:
    kms = LocalKMS()
    kms.create_key()
    with db.scratch() as conn:
        _notes(conn, kms)
        kms.create_key()
        kms.destroy("kek-1")
        with pytest.raises(KeyError):
            load(conn, kms, 1)


def test_wrapped_key_is_bound_to_its_record() -> None:
    kms = LocalKMS()
    kms.create_key()
    with db.scratch() as conn:
        _notes(conn, kms)
        conn.execute("UPDATE notes SET wrapped_key = (SELECT wrapped_key FROM notes WHERE id = 2)"
                     " WHERE id = 1")
        with pytest.raises(InvalidTag):
            load(conn, kms, 1)
