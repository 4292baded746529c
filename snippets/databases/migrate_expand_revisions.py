"""Print upgrade() and downgrade() of the expand (0003) and contract (0004) revisions."""

from __future__ import annotations

import ast
from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory

MIGRATIONS = Path(__file__).with_name("migrate_alembic")


def functions(path: Path, *names: str) -> str:
    """The source of the named top-level functions of a file, without importing it."""
    text = path.read_text(encoding="utf-8")
    found = {node.name: ast.get_source_segment(text, node) or ""
             for node in ast.parse(text).body if isinstance(node, ast.FunctionDef)}
    return "\n\n".join(found[name] for name in names)


def main() -> None:
    """Print the two halves of the rename, as Alembic will run them."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    scripts = ScriptDirectory.from_config(config)
    for number in ("0003", "0004"):
        revision = scripts.get_revision(number)
        path = Path(revision.path)
        print(f"# ---- {path.relative_to(MIGRATIONS.parent)} ----")
        print(functions(path, "upgrade", "downgrade"))
        print()


if __name__ == "__main__":
    main()
