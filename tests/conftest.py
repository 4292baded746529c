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


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Debian's Chromium for the tests of one module.

    Playwright's sync API runs an asyncio loop in this thread while a browser is open: only
    one may be open at a time, and none may outlive its module, or a later test's
    `asyncio.run()` fails with "cannot be called from a running event loop".
    Skipped when chromium is missing; failed instead when `CI` is set.
    """
    require_browser()
    with chromium() as launched:
        yield launched
