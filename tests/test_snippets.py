"""Every snippet runs in the sandbox and prints exactly its recorded output."""

from __future__ import annotations

import pytest

from labkit import catalog, outputs, runner
from labkit.catalog import Snippet
from tests.support import require_server

CASES = [
    pytest.param(snippet, engine, id=f"{snippet.name}[{engine}]")
    for snippet in catalog.snippets()
    for engine in snippet.engines
]


@pytest.mark.parametrize(("snippet", "engine"), CASES)
def test_snippet_output_is_fresh_and_real(snippet: Snippet, engine: str) -> None:
    """Run the snippet and compare with its stored output (measured values: claims only)."""
    if engine != "sqlite":
        require_server(engine)
    recorded = outputs.fresh(snippet, engine)  # raises with the fix when stale or missing
    result = runner.run(snippet, engine)
    diff = outputs.difference(recorded.text, result.stdout)
    assert not diff, (
        f"{snippet.name} on {engine} printed something other than its recorded output.\n"
        "If the snippet changed on purpose, re-record: "
        f"{outputs.record_command(snippet, engine)}\n"
        "If it did not, its output is not deterministic (a time, a random value, an id?): "
        "pin what varies.\n" + diff
    )


def test_every_snippet_module_has_main() -> None:
    """The contract: a module with `main()` that runs under `python -m`."""
    import ast

    for snippet in catalog.snippets():
        tree = ast.parse(snippet.path.read_text(encoding="utf-8"))
        functions = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
        assert "main" in functions, f"{snippet.path}: define main()"
        assert 'if __name__ == "__main__":' in snippet.path.read_text(), (
            f"{snippet.path}: end with `if __name__ == \"__main__\": main()`"
        )


def test_no_recorded_output_without_a_snippet() -> None:
    """Outputs of deleted or renamed snippets do not linger."""
    expected = {outputs.output_path(s, e) for s in catalog.snippets() for e in s.engines}
    stored = {p for c in catalog.chapters() for p in (c / "_outputs").glob("*.txt")}
    assert stored <= expected, f"orphaned outputs, delete them: {sorted(stored - expected)}"
