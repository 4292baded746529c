"""Helpers shared by the password snippets: the hashers, a guess list and a stopwatch."""

from __future__ import annotations

import time
from collections.abc import Callable

from argon2 import PasswordHasher

BASE_WORDS = ("password", "dragon", "sunshine", "monkey", "letmein", "football", "princess",
              "shadow", "master", "welcome", "qwerty", "freedom", "whatever", "trustno1",
              "starwars", "summer", "hunter", "flower", "cookie", "banana")
"""The stems of the attacker's guess list: words that really top leaked-password lists."""


def common_passwords() -> list[str]:
    """A guess list of 2,020 entries: each stem alone, then each stem followed by 0 to 99.

    A real attacker uses millions of passwords from earlier leaks; this small list is built
    the same way (popular stems, then the digits people add to them) and is enough to crack
    weak passwords in the demonstrations.
    """
    guesses = list(BASE_WORDS)
    guesses += [f"{word}{n}" for word in BASE_WORDS for n in range(100)]
    return guesses


def owasp_minimum_hasher() -> PasswordHasher:
    """Argon2id at the OWASP Password Storage Cheat Sheet's floor: 19 MiB, 2 passes, 1 lane."""
    return PasswordHasher(memory_cost=19 * 1024, time_cost=2, parallelism=1)


def phc_parameters(encoded: str) -> str:
    """The parameter field of an encoded Argon2 hash, e.g. `m=65536,t=3,p=4`."""
    return encoded.split("$")[3]


def rate_per_second(call: Callable[[int], object], seconds: float) -> float:
    """Call `call(0)`, `call(1)`, ... for about `seconds`; return the calls per second."""
    count = 0
    start = time.perf_counter()
    while (elapsed := time.perf_counter() - start) < seconds or count == 0:
        call(count)
        count += 1
    return count / elapsed
