"""Measure the peak memory Python allocates while a function runs (tracemalloc)."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def peak_bytes(work: Callable[[], T]) -> tuple[T, int]:
    """Run `work`; return its result and the peak of memory traced meanwhile, in bytes."""
    tracemalloc.start()
    try:
        result = work()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
