"""Measured values: checked against their claim, masked for comparison, plain by hand."""

from __future__ import annotations

import pytest

from labkit import measure


def test_plain_when_run_by_hand(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(measure.MARKER_ENV, raising=False)
    assert measure.measured(12.345, unit="×", at_least=5) == "12.3×"


def test_marked_when_recorded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(measure.MARKER_ENV, "1")
    text = f"speed-up {measure.measured(12.3, unit='×', at_least=5)}"
    assert measure.find(text) == [measure.Measured("12.3×", "≥ 5×")]
    assert measure.plain(text) == "speed-up 12.3×"


def test_a_failed_claim_raises() -> None:
    with pytest.raises(measure.ClaimFailed, match=r"measured 2\.0×, but the page claims ≥ 5×"):
        measure.measured(2.0, unit="×", at_least=5)
    with pytest.raises(measure.ClaimFailed, match="≤ 10 ms"):
        measure.measured(11.0, unit=" ms", at_most=10)


def test_a_value_needs_a_claim() -> None:
    with pytest.raises(ValueError, match="needs a claim"):
        measure.measured(1.0)


def test_mask_ignores_the_digits_but_not_the_claim(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(measure.MARKER_ENV, "1")
    one = f"x {measure.measured(7.0, at_least=5)}"
    two = f"x {measure.measured(9.0, at_least=5)}"
    three = f"x {measure.measured(9.0, at_least=6)}"
    assert measure.mask(one) == measure.mask(two)
    assert measure.mask(one) != measure.mask(three)
