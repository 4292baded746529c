"""Mirrors snippets/security/password_compare.py: `==` leaks where the mismatch is, and
hmac.compare_digest does not."""

from __future__ import annotations

import os

from snippets.security.password_compare import check_token, check_token_vulnerable, late_over_early


def test_both_checks_give_the_right_answer() -> None:
    secret = os.urandom(32)
    for check in (check_token, check_token_vulnerable):
        assert check(secret, bytes(bytearray(secret)))
        assert not check(secret, secret[:-1] + bytes([secret[-1] ^ 1]))
        assert not check(secret, secret[:-1])


def test_timing_reveals_the_mismatch_position_with_eq() -> None:
    assert late_over_early(check_token_vulnerable, os.urandom(4_000_000)) >= 20


def test_timing_does_not_with_compare_digest() -> None:
    assert 0.67 <= late_over_early(check_token, os.urandom(4_000_000)) <= 1.5
