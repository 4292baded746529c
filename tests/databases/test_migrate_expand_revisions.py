"""Mirrors snippets/databases/migrate_expand_revisions.py: the expand and contract functions
the page prints are the ones Alembic runs."""

from __future__ import annotations

import inspect

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory

from snippets.databases import migrate_expand_revisions as e


def test_expand_and_contract_functions_printed_are_the_real_ones(
        capsys: pytest.CaptureFixture[str]) -> None:
    e.main()
    out = capsys.readouterr().out
    config = Config()
    config.set_main_option("script_location", str(e.MIGRATIONS))
    scripts = ScriptDirectory.from_config(config)
    for number in ("0003", "0004"):
        module = scripts.get_revision(number).module
        assert inspect.getsource(module.upgrade).rstrip() in out
        assert inspect.getsource(module.downgrade).rstrip() in out
