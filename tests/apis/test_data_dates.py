"""Mirrors snippets/apis/data_dates.py: JSON has no dates; a missing offset is ambiguous."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from snippets.apis import data_dates


def test_json_refuses_a_date() -> None:
    with pytest.raises(TypeError, match="date is not JSON serializable"):
        data_dates.encode_loan_naively(date(2025, 3, 15))


def test_iso_strings_round_trip_but_arrive_as_strings() -> None:
    sent = datetime(2025, 3, 14, 16, 45, tzinfo=UTC)
    received = json.loads(json.dumps({"at": sent.isoformat()}))["at"]
    assert isinstance(received, str)
    assert datetime.fromisoformat(received) == sent


def test_a_naive_time_means_different_instants_in_different_zones() -> None:
    naive = datetime.fromisoformat("2025-03-14T16:45:00")
    paris = naive.replace(tzinfo=ZoneInfo("Europe/Paris"))
    new_york = naive.replace(tzinfo=ZoneInfo("America/New_York"))
    assert (new_york - paris).total_seconds() == 5 * 3600  # 5 h apart on 14 March 2025
