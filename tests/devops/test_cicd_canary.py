"""Mirrors snippets/devops/cicd_canary.py: counter-based split, rollback, promotion."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack

import httpx
import pytest
from fastapi.testclient import TestClient

from labkit.serve import serve_in_thread, serve_wsgi_in_thread
from snippets.devops.cicd_canary import canary, send
from snippets.devops.cicd_kit.router import Router, Upstream
from snippets.devops.cicd_kit.service import create_v1, create_v2_0, create_v2_1


@pytest.mark.parametrize("percent", [0, 1, 10, 33, 50, 100])
def test_exactly_percent_of_every_hundred_go_to_the_canary(percent: int) -> None:
    router = Router(Upstream("stable", "http://127.0.0.1:1"))
    router.route(Upstream("stable", "-"), Upstream("canary", "-"), percent)
    picks = [router.pick().name for _ in range(300)]
    assert picks.count("canary") == 3 * percent
    router.close()


def test_the_canary_share_is_spread_evenly() -> None:
    router = Router(Upstream("stable", "-"))
    router.route(Upstream("stable", "-"), Upstream("canary", "-"), 10)
    picks = [router.pick().name for _ in range(30)]
    assert [i + 1 for i, name in enumerate(picks) if name == "canary"] == [10, 20, 30]
    router.close()


def test_release_2_0_fails_only_on_a_single_word_author() -> None:
    client = TestClient(create_v2_0(), raise_server_exceptions=False)
    statuses = {book: client.get(f"/books/{book}").status_code for book in range(1, 8)}
    assert statuses == {1: 200, 2: 200, 3: 500, 4: 200, 5: 200, 6: 200, 7: 200}
    fixed = TestClient(create_v2_1()).get("/books/3")
    assert fixed.headers["X-Shelf-Mark"] == "HOM" and fixed.headers["X-App-Version"] == "2.1"
    assert "X-Shelf-Mark" not in TestClient(create_v1()).get("/books/3").headers


@pytest.fixture()
def setup() -> Iterator[tuple[Router, httpx.Client, Upstream, Upstream, Upstream]]:
    with ExitStack() as stack:
        v1, v2_0, v2_1 = (Upstream(name, stack.enter_context(serve_in_thread(app)))
                          for name, app in (("1", create_v1()), ("2.0", create_v2_0()),
                                            ("2.1", create_v2_1())))
        router = Router(stable=v1)
        stack.callback(router.close)
        base = stack.enter_context(serve_wsgi_in_thread(router))
        client = stack.enter_context(httpx.Client(base_url=base))
        yield router, client, v1, v2_0, v2_1


def test_a_bad_canary_is_rolled_back_after_hurting_few(setup) -> None:  # type: ignore[no-untyped-def]
    router, client, v1, v2_0, _ = setup
    assert canary(router, client, stable=v1, new=v2_0) is False
    assert router.errors["2.0"] == 3 and router.requests["2.0"] == 20
    router.reset_counts()
    assert send(client, 70) == 0 and router.requests == {"1": 70}  # all back on v1


def test_a_good_canary_is_promoted(setup) -> None:  # type: ignore[no-untyped-def]
    router, client, v1, _, v2_1 = setup
    assert canary(router, client, stable=v1, new=v2_1) is True
    router.reset_counts()
    send(client, 10)
    assert router.requests == {"2.1": 10}


def test_big_bang_hurts_ten_times_more(setup) -> None:  # type: ignore[no-untyped-def]
    router, client, _, v2_0, _ = setup
    router.route(v2_0)
    assert send(client, 200) == 29  # one book in seven, against 3 for the canary
