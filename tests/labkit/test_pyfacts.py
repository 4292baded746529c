"""The facts labkit reads from Python files, kept on disk by each file's hash."""

from __future__ import annotations

import ast
import json
import os
from pathlib import Path

import pytest

from labkit import catalog, imports, outputs, paths, pyfacts
from labkit.errors import LabError
from tests.support import one_build, recorded_demo

NESTED = '''"""Imports in every kind of block."""
import a
from b.c import d, e
if True:
    import f
else:
    from . import g
try:
    import h
except ImportError:
    import i
finally:
    import j
with open("x") as handle:
    import k
while False:
    import l2
for _ in ():
    import m
class N:
    import o
    def p(self):
        from .. import q
async def r():
    async with s:
        import t
match 1:
    case 1:
        import u
ENGINES = ("sqlite", "redis")
TIMEOUT: float = 5
'''


def _walked(text: str) -> set[tuple[int, str | None, tuple[str, ...]]]:
    """What `ast.walk` over every node finds: the reference for the statement walk."""
    found = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            found.add((0, None, tuple(a.name for a in node.names)))
        elif isinstance(node, ast.ImportFrom):
            found.add((node.level, node.module, tuple(a.name for a in node.names)))
    return found


def test_the_statement_walk_finds_every_import_a_full_walk_finds() -> None:
    facts = pyfacts.parse("n.py", NESTED)
    assert {(i.level, i.module, i.names) for i in facts.imports} == _walked(NESTED)
    assert len(facts.imports) == 14  # one per import statement above
    assert facts.docstring == "Imports in every kind of block."
    assert facts.constants["ENGINES"].value == ("sqlite", "redis")
    assert facts.constants["TIMEOUT"].value == 5


def test_the_statement_walk_agrees_with_a_full_walk_on_every_file_of_the_course() -> None:
    files = sorted((paths.ROOT / "snippets").rglob("*.py"))
    assert len(files) > 100
    for file in files:
        text = file.read_text(encoding="utf-8")
        found = {(i.level, i.module, i.names) for i in pyfacts.parse(str(file), text).imports}
        assert found == _walked(text), file


def _store_file(project: Path) -> Path:
    return project / ".cache" / "labkit" / "pyfacts.json"


def test_facts_are_saved_by_hash_and_reused_by_the_next_process(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = project / "snippets" / "hello.py"
    path.write_text('ENGINES = ("redis",)\n')
    assert catalog.Snippet(path).engines == ("redis",)
    pyfacts.save()
    stored = json.loads(_store_file(project).read_text())
    assert stored["format"] == pyfacts.FORMAT
    assert list(stored["files"]) == ["snippets/hello.py"]
    # A new process (an empty memory) reads the facts from disk instead of parsing.
    monkeypatch.setattr(pyfacts, "_stores", {})
    monkeypatch.setattr(pyfacts, "parse", _refuse)
    assert catalog.Snippet(path).engines == ("redis",)


def _refuse(path: str, text: str) -> pyfacts.Facts:
    raise AssertionError(f"{path} was parsed again")


def test_an_edit_is_seen_even_with_the_same_modification_time(project: Path) -> None:
    path = project / "snippets" / "hello.py"
    path.write_text('ENGINES = ("redis",)\n')
    assert catalog.Snippet(path).engines == ("redis",)
    pyfacts.save()
    stat = path.stat()
    path.write_text('ENGINES = ("postgresql",)\n')
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    pyfacts._stores.clear()  # the next process
    assert catalog.Snippet(path).engines == ("postgresql",)


def test_a_stale_output_is_refused_with_facts_from_disk(project: Path) -> None:
    snippet = recorded_demo(project)
    pyfacts.save()
    pyfacts._stores.clear()
    (snippet.path.parent / "_shared.py").write_text("X = 2\nimport json\n")
    with one_build(), pytest.raises(LabError, match="is stale"):
        outputs.fresh(snippet)


@pytest.mark.parametrize("damage", ["{not json", '{"format": "labkit-pyfacts 0"}',
                                    json.dumps({"format": pyfacts.FORMAT, "files": {"x": 1}})])
def test_a_damaged_or_foreign_cache_is_ignored(project: Path, damage: str) -> None:
    _store_file(project).parent.mkdir(parents=True)
    _store_file(project).write_text(damage)
    path = project / "snippets" / "hello.py"
    path.write_text('ENGINES = ("redis",)\n')
    assert catalog.Snippet(path).engines == ("redis",)
    pyfacts.save()
    assert "snippets/hello.py" in json.loads(_store_file(project).read_text())["files"]


def test_deleted_files_leave_the_cache_and_sets_never_enter_it(project: Path) -> None:
    gone, odd = project / "snippets" / "gone.py", project / "snippets" / "odd.py"
    gone.write_text("import json\n")
    odd.write_text('ENGINES = {"sqlite"}\n')  # a set: no JSON form
    imports.imported_names(gone)
    assert catalog.Snippet(odd).engines == ("sqlite",)
    pyfacts.save()
    assert list(json.loads(_store_file(project).read_text())["files"]) == ["snippets/gone.py"]
    gone.unlink()
    (project / "snippets" / "new.py").write_text("import os\n")
    imports.imported_names(project / "snippets" / "new.py")
    pyfacts.save()
    assert list(json.loads(_store_file(project).read_text())["files"]) == ["snippets/new.py"]


def test_lab_cache_names_another_folder(project: Path, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAB_CACHE", str(tmp_path / "elsewhere"))
    (project / "snippets" / "hello.py").write_text("import json\n")
    imports.imported_names(project / "snippets" / "hello.py")
    pyfacts.save()
    assert (tmp_path / "elsewhere" / "pyfacts.json").is_file()
    assert not _store_file(project).exists()


def test_a_constant_that_is_not_a_literal_is_still_reported(project: Path) -> None:
    path = project / "snippets" / "hello.py"
    path.write_text("import os\nENGINES = tuple(os.environ)\n")
    for _ in range(2):  # parsed, then from the cache
        with pytest.raises(LabError, match="must be a literal") as raised:
            catalog.Snippet(path).engines  # noqa: B018
        assert raised.value.line == 2
        pyfacts.save()
        pyfacts._stores.clear()


def test_a_syntax_error_is_raised_every_time(project: Path) -> None:
    path = project / "snippets" / "hello.py"
    path.write_text("def broken(:\n")
    for _ in range(2):
        with pytest.raises(SyntaxError):
            pyfacts.of(path)
    pyfacts.save()
    assert not _store_file(project).exists()
