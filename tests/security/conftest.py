"""Fixtures shared by the Security chapter's tests."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from labkit.browser import chromium
from tests.support import require_browser


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium (skipped when missing, failed when `CI` is set)."""
    require_browser()
    with chromium() as launched:
        yield launched
