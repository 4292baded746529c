"""Results that depend only on a file's contents, cached by those contents.

The build looks at the same files many times (a snippet's syntax tree gives its engines, its
imports and its docstring; a shared module is imported by every snippet of a chapter), and
`mkdocs serve` keeps this process alive across rebuilds. Keying each result by the text
itself (not by a modification time) means an edited file is parsed again, and an unchanged
one never is. Callers must not mutate what they get.
"""

from __future__ import annotations

import ast
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jinja2 import BytecodeCache

CACHE_SIZE = 16384
"""Entries per cache: enough for a course of thousands of snippets, bounded for `serve`."""


@lru_cache(maxsize=CACHE_SIZE)
def parse_python(path: str, text: str) -> ast.Module:
    """The syntax tree of `text` (the contents of the file `path`), shared: do not modify.

    Raises:
        SyntaxError: if `text` is not valid Python (not cached: the next call raises again).
    """
    return ast.parse(text, filename=path)


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
