"""Mirrors snippets/languages/lang_nagle.py: a socket option, not the language, costs 40 ms."""

from __future__ import annotations

import pytest

from snippets.languages import lang_nagle
from snippets.languages.lang_programs.launch import Program
from tests.languages.test_lang_compare import require_tool


@pytest.mark.parametrize(("name", "as_it_comes", "tuned", "fix"), lang_nagle.PAIRS,
                         ids=["java", "ruby"])
def test_nagle_costs_a_delayed_ack_per_request(name: str, as_it_comes: Program, tuned: Program,
                                               fix: str) -> None:
    require_tool(tuned.tool)
    slow = lang_nagle.median_ms(as_it_comes)
    fast = lang_nagle.median_ms(tuned)
    assert slow >= 30, f"{name} as it comes answered in {slow:.1f} ms"
    assert slow - fast >= 20, f"{fix} saved only {slow - fast:.1f} ms"


def test_the_variants_differ_only_in_the_option() -> None:
    java_slow, java_fast = lang_nagle.JAVA_AS_IT_COMES.command, lang_nagle.JAVA.command
    assert set(java_fast) - set(java_slow) == {"-Dsun.net.httpserver.nodelay=true"}
    assert lang_nagle.RUBY_AS_IT_COMES.command == (*lang_nagle.RUBY.command, "--keep-nagle")
