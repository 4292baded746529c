"""Mirrors snippets/devops/rel_bulkhead.py: a hung dependency fills only its own bulkhead."""

from __future__ import annotations

import asyncio

from snippets.devops.rel_bulkhead import Bulkhead, scenario


def test_shared_pool_starves_the_healthy_dependency() -> None:
    async def run() -> dict[str, list[str]]:
        pool = Bulkhead("pool", 4)
        return await scenario({"reports": pool, "books": pool})

    outcome = asyncio.run(run())
    assert outcome["books"] == ["refused (pool full)"] * 3
    assert outcome["reports"].count("timed out") == 4


def test_bulkheads_keep_the_healthy_dependency_working() -> None:
    async def run() -> dict[str, list[str]]:
        return await scenario({"reports": Bulkhead("reports", 2), "books": Bulkhead("books", 2)})

    outcome = asyncio.run(run())
    assert outcome["books"] == ["answered"] * 3
    assert sorted(outcome["reports"]) == ["refused (reports full)"] * 4 + ["timed out"] * 2


def test_a_free_slot_is_reused() -> None:
    async def run() -> list[str]:
        bulkhead = Bulkhead("one", 1)

        async def quick() -> str:
            return "done"

        return [await bulkhead.run(asyncio.ensure_future(quick())) for _ in range(3)]

    assert asyncio.run(run()) == ["done"] * 3
