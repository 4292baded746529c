"""Associated data binds a ciphertext to its row: a value copied into another row is refused.

This module contains DELIBERATELY VULNERABLE functions, `store_iban_vulnerable` and
`read_iban_vulnerable` (AES-GCM without associated data), kept to show the attack. They run
only on a throwaway SQLite database from `labkit.db.scratch()`.
"""

from __future__ import annotations

import sqlite3

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from labkit import db
from snippets.security.crypto_kit.aead import seal, unseal

VULNERABLE = ("store_iban_vulnerable", "read_iban_vulnerable")

MEMBERS = [(1, "ada", "GB33 LIBR 0000 0000 0001"), (2, "mallory", "XX99 MALL 0RY0 0000 0666")]


# --8<-- [start:vulnerable]
def store_iban_vulnerable(conn: sqlite3.Connection, key: bytes, member_id: int,
                          iban: str) -> None:
    """DELIBERATELY VULNERABLE: the ciphertext does not say which row it belongs to."""
    conn.execute("UPDATE members SET iban = ? WHERE id = ?",
                 (seal(key, iban.encode()), member_id))


def read_iban_vulnerable(conn: sqlite3.Connection, key: bytes, member_id: int) -> str:
    """DELIBERATELY VULNERABLE: decrypts whatever ciphertext sits in the row."""
    (blob,) = conn.execute("SELECT iban FROM members WHERE id = ?", (member_id,)).fetchone()
    return unseal(key, blob).decode()
# --8<-- [end:vulnerable]


# --8<-- [start:fixed]
def row_context(member_id: int) -> bytes:
    """The associated data: table, column and row id, which the ciphertext is bound to."""
    return f"members.iban:{member_id}".encode()  # [mark:aad]


def store_iban(conn: sqlite3.Connection, key: bytes, member_id: int, iban: str) -> None:
    """Encrypt the IBAN for this member's row and no other."""
    conn.execute("UPDATE members SET iban = ? WHERE id = ?",
                 (seal(key, iban.encode(), row_context(member_id)), member_id))


def read_iban(conn: sqlite3.Connection, key: bytes, member_id: int) -> str:
    """Decrypt the IBAN; `InvalidTag` if the ciphertext was made for another row."""
    (blob,) = conn.execute("SELECT iban FROM members WHERE id = ?", (member_id,)).fetchone()
    return unseal(key, blob, row_context(member_id)).decode()
# --8<-- [end:fixed]


# --8<-- [start:swap]
def copy_mallorys_iban_to_ada(conn: sqlite3.Connection) -> None:
    """The attack: with write access to the table (no key), copy a ciphertext across rows."""
    conn.execute("UPDATE members SET iban = (SELECT iban FROM members WHERE id = 2) "
                 "WHERE id = 1")
# --8<-- [end:swap]


def main() -> None:
    """Store two IBANs both ways, copy Mallory's ciphertext into Ada's row, read Ada's."""
    key = AESGCM.generate_key(bit_length=256)
    # --8<-- [start:run]
    for label, store, read in (("without associated data", store_iban_vulnerable,
                                read_iban_vulnerable),
                               ("with the row id as associated data", store_iban, read_iban)):
        with db.scratch() as conn:
            conn.execute("CREATE TABLE members (id INTEGER PRIMARY KEY, name TEXT, iban BLOB)")
            for member_id, name, iban in MEMBERS:
                conn.execute("INSERT INTO members (id, name) VALUES (?, ?)", (member_id, name))
                store(conn, key, member_id, iban)
            copy_mallorys_iban_to_ada(conn)
            try:
                print(f"{label}: pay Ada at {read(conn, key, 1)}")
            except InvalidTag:
                print(f"{label}: InvalidTag, Ada's row holds a ciphertext made for another row")
    # --8<-- [end:run]


if __name__ == "__main__":
    main()
