"""Mirrors snippets/languages/conc_gil_cpu.py: threads never use more than one core."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

from snippets.languages.conc_kit.work import crunch, crunch_cpu


def test_crunch_is_deterministic_pure_python() -> None:
    assert crunch(10) == sum(i * i for i in range(10)) % 1_000_003
    assert crunch(200_000) == crunch(200_000)


def test_four_cpu_bound_threads_share_one_core() -> None:
    start = time.perf_counter()
    with ThreadPoolExecutor(4) as pool:
        cpu = sum(pool.map(crunch_cpu, [400_000] * 4))
    wall = time.perf_counter() - start
    assert cpu / wall <= 1.15, f"threads kept {cpu / wall:.2f} cores busy: the GIL allows one"
