"""Print the migration environment's key code: env.py's run_online() and revision 0002."""

from __future__ import annotations

import ast
from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory

MIGRATIONS = Path(__file__).with_name("migrate_alembic")
"""The migration environment kept in the repository: env.py and versions/."""


def function_source(path: Path, name: str) -> str:
    """The source of one top-level function in a file, found without importing the file."""
    text = path.read_text(encoding="utf-8")
    for node in ast.parse(text).body:
        if isinstance(node, ast.FunctionDef) and node.name == name:
            return ast.get_source_segment(text, node) or ""
    raise LookupError(f"{path.name} has no function {name}()")


def main() -> None:
    """Show env.py's run_online(), then the file Alembic loads for revision 0002."""
    # --8<-- [start:load]
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    revision = ScriptDirectory.from_config(config).get_revision("0002")  # [mark:lookup]
    path = Path(revision.path)
    # --8<-- [end:load]
    print(f"# ---- {(MIGRATIONS / 'env.py').relative_to(MIGRATIONS.parent)}, run_online() ----")
    print(function_source(MIGRATIONS / "env.py", "run_online"))
    print()
    print(f"# ---- {path.relative_to(MIGRATIONS.parent)} ----")
    print(path.read_text(encoding="utf-8"), end="")


if __name__ == "__main__":
    main()
