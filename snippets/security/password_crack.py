"""An offline dictionary attack on a leaked password table: fast unsalted hashes, then Argon2id.

This module contains one DELIBERATELY VULNERABLE function, `hash_password_vulnerable`, kept
to show the failure. It hashes made-up passwords in memory only. Never copy it.
"""

from __future__ import annotations

import hashlib
import time

from argon2 import PasswordHasher
from argon2.exceptions import VerifyMismatchError

from labkit.measure import measured
from snippets.security.password_kit import common_passwords

VULNERABLE = ("hash_password_vulnerable",)

USERS = {"ada": "sunshine42", "bob": "dragon7", "cy": "sunshine42",
         "dee": "violet-anchor-quiet-71"}
"""The made-up accounts and their passwords; the attacker never sees this mapping."""


# --8<-- [start:vulnerable]
def hash_password_vulnerable(password: str) -> str:
    """DELIBERATELY VULNERABLE: one fast, unsalted SHA-256. Never store passwords like this."""
    return hashlib.sha256(password.encode()).hexdigest()  # [mark:fast]
# --8<-- [end:vulnerable]


# --8<-- [start:attack-fast]
def crack_unsalted(leaked: dict[str, str], guesses: list[str]) -> dict[str, str]:
    """Hash every guess once, then look each stolen hash up: no salt means one table for all."""
    table = {hashlib.sha256(word.encode()).hexdigest(): word for word in guesses}  # [mark:table]
    return {user: table[digest] for user, digest in leaked.items() if digest in table}
# --8<-- [end:attack-fast]


# --8<-- [start:attack-slow]
def crack_argon2(leaked: dict[str, str], guesses: list[str],
                 seconds: float) -> tuple[dict[str, str], int]:
    """Try the guesses against each salted Argon2id hash until `seconds` run out.

    Returns the cracked passwords and the number of guesses tried. Each hash has its own
    salt, so every guess costs one full Argon2id computation per account.
    """
    hasher = PasswordHasher()
    cracked: dict[str, str] = {}
    tried = 0
    deadline = time.perf_counter() + seconds
    for user, encoded in leaked.items():
        for word in guesses:
            if time.perf_counter() > deadline:
                return cracked, tried
            tried += 1
            try:
                hasher.verify(encoded, word)  # [mark:verify]
            except VerifyMismatchError:
                continue
            cracked[user] = word
            break
    return cracked, tried
# --8<-- [end:attack-slow]


def main() -> None:
    """Leak the same accounts stored two ways and run the same guess list against both."""
    guesses = common_passwords()
    print(f"attacker's guess list: {len(guesses):,} common passwords")

    # --8<-- [start:run-fast]
    leaked = {user: hash_password_vulnerable(pw) for user, pw in USERS.items()}
    print("ada and cy share a hash:", leaked["ada"] == leaked["cy"])
    start = time.perf_counter()
    cracked = crack_unsalted(leaked, guesses)
    elapsed = time.perf_counter() - start
    print(f"SHA-256 table: cracked {len(cracked)} of {len(leaked)}:", cracked)
    print(f"  in {measured(elapsed * 1000, unit=' ms', at_most=1000)}")
    # --8<-- [end:run-fast]

    # --8<-- [start:run-slow]
    hasher = PasswordHasher()
    leaked = {user: hasher.hash(pw) for user, pw in USERS.items()}
    print("ada and cy share a hash:", leaked["ada"] == leaked["cy"])
    cracked, tried = crack_argon2(leaked, guesses, seconds=2.0)
    print(f"Argon2id table: cracked {len(cracked)} of {len(leaked)} in 2 s,",
          f"after {measured(tried, unit=' guesses', digits=0, at_most=120)}")
    hours = 1_000_000 / (tried / 2.0) / 3600  # a million-word list, one account
    print(f"  a 1,000,000-word list against ONE account: {measured(hours, unit=' h', at_least=2)}")
    # --8<-- [end:run-slow]


if __name__ == "__main__":
    main()
