"""Measure what one guess costs an attacker: SHA-256 against Argon2id, in the same run."""

from __future__ import annotations

import hashlib
import os

from argon2 import PasswordHasher
from argon2.low_level import Type, hash_secret_raw

from labkit.measure import measured
from snippets.security.password_kit import common_passwords, rate_per_second


def main() -> None:
    """Time guesses against one stolen hash with each algorithm and print the ratio."""
    guesses = [word.encode() for word in common_passwords()]
    salt = os.urandom(16)
    hasher = PasswordHasher()  # the parameters we store passwords with

    # --8<-- [start:measure]
    def sha256_guess(n: int) -> bytes:
        return hashlib.sha256(salt + guesses[n % len(guesses)]).digest()

    def argon2id_guess(n: int) -> bytes:
        return hash_secret_raw(guesses[n % len(guesses)], salt, time_cost=hasher.time_cost,
                               memory_cost=hasher.memory_cost, parallelism=hasher.parallelism,
                               hash_len=hasher.hash_len, type=Type.ID)  # [mark:argon2]

    sha_rate = rate_per_second(sha256_guess, seconds=0.5)
    argon_rate = rate_per_second(argon2id_guess, seconds=1.5)
    print(f"SHA-256 : {measured(sha_rate, unit=' guesses/s', digits=0, at_least=50_000)}")
    print(f"Argon2id: {measured(argon_rate, unit=' guesses/s', digits=1, at_most=200)}"
          f" (m={hasher.memory_cost} KiB, t={hasher.time_cost}, p={hasher.parallelism})")
    ratio = measured(sha_rate / argon_rate, unit="×", digits=0, at_least=1_000)  # [mark:ratio]
    print(f"one Argon2id guess costs as much as {ratio} SHA-256 guesses")
    # --8<-- [end:measure]


if __name__ == "__main__":
    main()
