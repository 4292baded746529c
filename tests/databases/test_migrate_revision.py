"""Mirrors snippets/databases/migrate_revision.py: what the page prints is the code Alembic
really loads and runs."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
from alembic.config import Config
from alembic.script import ScriptDirectory

from snippets.databases import migrate_revision as s


def _scripts() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(s.MIGRATIONS))
    return ScriptDirectory.from_config(config)


def test_revision_0002_printed_is_the_module_alembic_loads(
        capsys: pytest.CaptureFixture[str]) -> None:
    s.main()
    out = capsys.readouterr().out
    script = _scripts().get_revision("0002")
    assert script.module.revision == "0002" and script.module.down_revision == "0001"
    assert inspect.getsource(script.module.upgrade) in out
    assert inspect.getsource(script.module.downgrade) in out
    assert "def run_online() -> None:" in out


def test_every_revision_file_has_a_fixed_id_matching_its_name() -> None:
    for script in _scripts().walk_revisions():
        assert Path(script.path).name.startswith(f"{script.revision}_")
