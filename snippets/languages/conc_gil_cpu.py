"""CPU-bound work: 4 threads take as long as doing it serially; 4 processes do not share a GIL."""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

from labkit.measure import measured
from snippets.languages.conc_kit.work import crunch_cpu

ROUNDS = 1_500_000  # one job: about 0.1 s of pure Python on an idle core
JOBS = 4
TRIES = 3  # each way is timed TRIES times, interleaved; the fastest run counts


def timed(run: Callable[[], list[float]]) -> tuple[float, float]:
    """(wall-clock seconds `run` took, CPU seconds its jobs used in all)."""
    start = time.perf_counter()
    cpu = sum(run())
    return time.perf_counter() - start, cpu


def main() -> None:
    """Time the same four jobs serially, in 4 threads and in 4 processes."""
    # --8<-- [start:measure]
    best: dict[str, tuple[float, float]] = {}
    with ThreadPoolExecutor(JOBS) as threads, ProcessPoolExecutor(JOBS) as processes:
        list(processes.map(crunch_cpu, [1] * JOBS))  # start the worker processes first
        ways: dict[str, Callable[[], list[float]]] = {
            "serial": lambda: [crunch_cpu(ROUNDS) for _ in range(JOBS)],
            "4 threads": lambda: list(threads.map(crunch_cpu, [ROUNDS] * JOBS)),  # [mark:threads]
            "4 processes": lambda: list(processes.map(crunch_cpu, [ROUNDS] * JOBS)),
        }
        for _ in range(TRIES):
            for way, run in ways.items():
                wall, cpu = timed(run)
                if way not in best or wall < best[way][0]:
                    best[way] = (wall, cpu)
    # --8<-- [end:measure]
    # --8<-- [start:print]
    print(f"{JOBS} jobs of {ROUNDS:,} rounds each; cores busy = CPU seconds / wall seconds")
    serial = best["serial"][0]
    cores_claim = {"serial": 1.1, "4 threads": 1.1, "4 processes": 2.1}  # [mark:ceiling]
    speedup_claim = {"serial": {"at_least": 0.99}, "4 threads": {"at_most": 1.6},
                     "4 processes": {"at_least": 0.5}}
    for way, (wall, cpu) in best.items():
        print(f"  {way:<12} {measured(wall, unit=' s', digits=2, at_least=0.01)}"
              f"   cores busy {measured(cpu / wall, digits=2, at_most=cores_claim[way])}"
              f"   speed-up {measured(serial / wall, unit='×', digits=2, **speedup_claim[way])}")
    # --8<-- [end:print]


if __name__ == "__main__":
    main()
