"""Fixtures shared by the whole suite."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from labkit import paths
from labkit.browser import chromium
from tests.support import require_browser


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Path]:
    """A throwaway project root that labkit points at for the duration of one test."""
    root = tmp_path / "project"
    (root / "snippets").mkdir(parents=True)
    (root / "snippets" / "__init__.py").write_text('"""Test snippets."""\n')
    (root / "docs").mkdir()
    old = paths.ROOT
    paths.use_root(root)
    yield root
    paths.use_root(old)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium, one per test process: Playwright's sync API runs one at a time.

    Skipped when chromium is missing; failed instead when `CI` is set.
    """
    require_browser()
    with chromium() as launched:
        yield launched
