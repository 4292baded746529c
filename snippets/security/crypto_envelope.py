"""Envelope encryption: a data key per record, wrapped by a key-encryption key; then rotation.

`LocalKMS` stands in for a cloud KMS or a vault: it holds the key-encryption keys (KEKs),
which never leave it, and only wraps and unwraps data keys. Rotating the KEK re-wraps the
small data keys; the records' ciphertexts are not touched.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass, field

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from labkit import db
from snippets.security.crypto_kit.aead import seal, unseal


# --8<-- [start:kms]
@dataclass
class LocalKMS:
    """Key-encryption keys by id; callers get wrapped data keys, never a KEK."""

    keys: dict[str, bytes] = field(default_factory=dict)
    current: str = ""

    def create_key(self) -> str:
        """Add a new KEK and make it the one new data keys are wrapped with."""
        self.current = f"kek-{len(self.keys) + 1}"
        self.keys[self.current] = AESGCM.generate_key(bit_length=256)
        return self.current

    def wrap(self, data_key: bytes, context: bytes) -> tuple[str, bytes]:
        """Encrypt a data key under the current KEK; return (key id, wrapped key)."""
        return self.current, seal(self.keys[self.current], data_key, context)

    def unwrap(self, key_id: str, wrapped: bytes, context: bytes) -> bytes:
        """Decrypt a data key with the KEK it names (KeyError once that KEK is destroyed)."""
        return unseal(self.keys[key_id], wrapped, context)

    def destroy(self, key_id: str) -> None:
        """Delete an old KEK for good."""
        del self.keys[key_id]
# --8<-- [end:kms]


# --8<-- [start:records]
def context(record_id: int) -> bytes:
    """Associated data for both layers: which record this is."""
    return f"loans.note:{record_id}".encode()


def save(conn: sqlite3.Connection, kms: LocalKMS, record_id: int, note: str) -> None:
    """Encrypt `note` with a new data key; store the wrapped key and its KEK id beside it."""
    data_key = AESGCM.generate_key(bit_length=256)  # one per record  [mark:dek]
    ciphertext = seal(data_key, note.encode(), context(record_id))
    key_id, wrapped = kms.wrap(data_key, context(record_id))
    conn.execute("INSERT INTO notes VALUES (?, ?, ?, ?)",
                 (record_id, key_id, wrapped, ciphertext))  # [mark:row]


def load(conn: sqlite3.Connection, kms: LocalKMS, record_id: int) -> str:
    """Unwrap the record's data key with the KEK named in the row, then decrypt."""
    key_id, wrapped, ciphertext = conn.execute(
        "SELECT key_id, wrapped_key, ciphertext FROM notes WHERE id = ?", (record_id,)
    ).fetchone()
    data_key = kms.unwrap(key_id, wrapped, context(record_id))
    return unseal(data_key, ciphertext, context(record_id)).decode()
# --8<-- [end:records]


# --8<-- [start:rotate]
def rewrap_all(conn: sqlite3.Connection, kms: LocalKMS) -> int:
    """Re-wrap every data key not under the current KEK; the ciphertexts stay as they are."""
    rows = conn.execute("SELECT id, key_id, wrapped_key FROM notes WHERE key_id != ?",
                        (kms.current,)).fetchall()
    for record_id, key_id, wrapped in rows:
        data_key = kms.unwrap(key_id, wrapped, context(record_id))
        new_id, new_wrapped = kms.wrap(data_key, context(record_id))
        conn.execute("UPDATE notes SET key_id = ?, wrapped_key = ? WHERE id = ?",
                     (new_id, new_wrapped, record_id))
    return len(rows)
# --8<-- [end:rotate]


def fingerprint(conn: sqlite3.Connection) -> str:
    """A digest of all the ciphertexts, to show rotation left them byte for byte the same."""
    digest = hashlib.sha256()
    for (ciphertext,) in conn.execute("SELECT ciphertext FROM notes ORDER BY id"):
        digest.update(ciphertext)
    return digest.hexdigest()


def show(conn: sqlite3.Connection) -> None:
    """Print what the table stores: key ids and sizes, never keys or plaintext."""
    for record_id, key_id, wrapped, ciphertext in conn.execute(
            "SELECT id, key_id, wrapped_key, ciphertext FROM notes ORDER BY id"):
        print(f"  note {record_id}: key_id={key_id}, wrapped data key {len(wrapped)} bytes, "
              f"ciphertext {len(ciphertext)} bytes")


def main() -> None:
    """Encrypt three notes, rotate the KEK, destroy the old one, read everything back."""
    notes = {1: "returned late, fine waived", 2: "prefers large print", 3: "ID checked"}
    kms = LocalKMS()
    kms.create_key()
    with db.scratch() as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, key_id TEXT, "
                     "wrapped_key BLOB, ciphertext BLOB)")
        # --8<-- [start:run]
        for record_id, note in notes.items():
            save(conn, kms, record_id, note)
        print("stored:")
        show(conn)
        before = fingerprint(conn)

        kms.create_key()  # rotation: kek-2 now wraps new data keys
        print(f"re-wrapped {rewrap_all(conn, kms)} data keys under {kms.current}:")
        show(conn)
        print("ciphertexts unchanged:", fingerprint(conn) == before)
        kms.destroy("kek-1")
        print("kek-1 destroyed; note 2 reads:", repr(load(conn, kms, 2)))
        # --8<-- [end:run]


if __name__ == "__main__":
    main()
