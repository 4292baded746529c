"""Why secrets are compared in constant time: `==` stops at the first differing byte.

This module contains one DELIBERATELY VULNERABLE function, `check_token_vulnerable`, kept to
show the failure. It compares throwaway random bytes in memory only. Never copy it.
"""

from __future__ import annotations

import hmac
import os
import secrets
from collections.abc import Callable

from labkit.measure import best_seconds, measured

VULNERABLE = ("check_token_vulnerable",)


# --8<-- [start:checks]
def check_token_vulnerable(expected: bytes, given: bytes) -> bool:
    """DELIBERATELY VULNERABLE: `==` returns as soon as one byte differs."""
    return given == expected  # [mark:eq]


def check_token(expected: bytes, given: bytes) -> bool:
    """Compare in time that does not depend on where the first difference is."""
    return hmac.compare_digest(expected, given)  # [mark:digest]
# --8<-- [end:checks]



def late_over_early(check: Callable[[bytes, bytes], bool], secret: bytes) -> float:
    """How much longer a guess wrong only in its LAST byte takes than one wrong in its FIRST."""
    wrong_first = bytes([secret[0] ^ 1]) + secret[1:]
    wrong_last = secret[:-1] + bytes([secret[-1] ^ 1])
    early = best_seconds(lambda: check(secret, wrong_first), rounds=25)
    late = best_seconds(lambda: check(secret, wrong_last), rounds=25)
    return late / early


def main() -> None:
    """Time both checks on guesses that go wrong early and late."""
    # --8<-- [start:measure]
    secret = os.urandom(4_000_000)  # huge on purpose, so one process can see the difference
    leak = late_over_early(check_token_vulnerable, secret)
    print(f"==             : late mismatch takes {measured(leak, unit='×', digits=0, at_least=20)}"
          " as long as an early one")
    flat = late_over_early(check_token, secret)
    print(f"compare_digest : late mismatch takes "
          f"{measured(flat, unit='×', digits=2, at_least=0.67, at_most=1.5)} as long")
    # --8<-- [end:measure]
    # --8<-- [start:same]
    print("secrets.compare_digest is hmac.compare_digest:",
          secrets.compare_digest is hmac.compare_digest)
    print("right token accepted:", check_token(secret, bytes(secret)))
    # --8<-- [end:same]


if __name__ == "__main__":
    main()
