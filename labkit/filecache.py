"""Results kept while one build runs, and compiled templates kept across the builds of
`mkdocs serve`.

The build looks at the same files many times (a shared module is imported by every snippet
of a chapter; a snippet's output is shown on several engines), and `mkdocs serve` keeps this
process alive across rebuilds. Nothing here outlives what it depends on: a build's memo is
dropped when the build ends, and a template is compiled again when its source changes.
What depends on one file's text alone is kept by `labkit.pyfacts`, keyed by that text.
Callers must not mutate what they get.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache, wraps
from typing import TYPE_CHECKING, ParamSpec, TypeVar

if TYPE_CHECKING:
    from jinja2 import BytecodeCache

P = ParamSpec("P")
R = TypeVar("R")

CACHE_SIZE = 16384
"""Entries per cache: enough for a course of thousands of snippets, bounded for `serve`."""


_build_memo: dict[tuple[object, ...], object] | None = None


def begin_build() -> None:
    """Start a build: results of `per_build` functions are kept until `end_build`.

    The hooks call this when MkDocs starts a build (and `end_build` when it ends or fails):
    files do not change while one build runs, and the next build starts afresh, so an edit
    made under `mkdocs serve` is never missed. Outside a build nothing is kept.
    """
    global _build_memo
    _build_memo = {}


def end_build() -> None:
    """End the build: forget every `per_build` result."""
    global _build_memo
    _build_memo = None


def per_build(func: Callable[P, R]) -> Callable[P, R]:
    """Remember `func`'s result for each set of (hashable) arguments while one build runs.

    For results that depend on several files at once (a snippet and the modules it imports),
    which a build asks for on many pages. Exceptions are not remembered.
    """

    @wraps(func)
    def memoized(*args: P.args, **kwargs: P.kwargs) -> R:
        memo = _build_memo
        if memo is None:
            return func(*args, **kwargs)
        key = (func, args, tuple(sorted(kwargs.items())))
        if key not in memo:
            memo[key] = func(*args, **kwargs)
        return memo[key]  # type: ignore[return-value]

    return memoized


@lru_cache(maxsize=1)
def templates() -> BytecodeCache:
    """A Jinja bytecode cache held in memory for the life of the process.

    `mkdocs serve` loads the configuration, and so a new theme environment, for every rebuild:
    without this, each rebuild compiles every theme template again. Jinja checks each entry
    against the SHA-1 of the template's source, so a changed template is compiled anew.
    """
    from jinja2 import BytecodeCache

    class _InMemory(BytecodeCache):
        def __init__(self) -> None:
            self.stored: dict[str, bytes] = {}

        def load_bytecode(self, bucket) -> None:  # type: ignore[no-untyped-def]
            if bucket.key in self.stored:
                bucket.bytecode_from_string(self.stored[bucket.key])

        def dump_bytecode(self, bucket) -> None:  # type: ignore[no-untyped-def]
            self.stored[bucket.key] = bucket.bytecode_to_string()

    return _InMemory()
