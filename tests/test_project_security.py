"""The project's own security: bandit over our code, the rules for deliberately vulnerable
examples, and an audit of the pinned dependencies (SECURITY.md explains each)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from labkit import audit, regions
from tests.support import REPO

BANDIT_TARGETS = ("snippets", "hooks", "labkit")
WARNING = '!!! danger "Deliberately vulnerable'  # the title may go on: "... code"
SNIPPET = re.compile(r"^\s*@snippet\s+(\S+)", re.M)


@pytest.fixture(scope="module")
def findings() -> list[audit.Finding]:
    return audit.run_bandit(BANDIT_TARGETS, REPO)


def python_files() -> list[Path]:
    return sorted(p for p in (REPO / "snippets").rglob("*.py") if "__pycache__" not in p.parts)


def declared() -> dict[str, tuple[str, ...]]:
    """Module path (relative) → the names its VULNERABLE tuple lists."""
    return {p.relative_to(REPO).as_posix(): names for p in python_files()
            if (names := audit.declared_vulnerable(p))}


def test_bandit_reports_nothing_unreviewed(findings: list[audit.Finding]) -> None:
    reviewed = audit.load_reviewed(REPO)
    unexplained = [f for f in findings if not audit.accepted(f, reviewed, REPO)]
    assert not unexplained, "\n".join(
        f"{f}\n    fix: make the code safe; if it is insecure on purpose, name the function "
        f"*_vulnerable and list it in the module's VULNERABLE tuple; if bandit is wrong, add "
        f"an entry with the reason to {audit.REVIEWED}" for f in unexplained
    )


def test_every_reviewed_finding_still_exists(findings: list[audit.Finding]) -> None:
    stale = [entry for entry in audit.load_reviewed(REPO)
             if not any(entry.matches(f) for f in findings)]
    assert not stale, "\n".join(
        f"{audit.REVIEWED}: {e.path} {e.test} in {e.where} no longer matches a bandit finding"
        "\n    fix: delete the entry" for e in stale
    )


def test_bandit_catches_an_undeclared_vulnerable_function(tmp_path: Path) -> None:
    """The check is live: the same code passes only while it is declared."""
    package = tmp_path / "snippets"
    package.mkdir()
    code = ('import subprocess\n\n\ndef run_vulnerable(command: str) -> None:\n'
            '    subprocess.run(command, shell=True)\n')
    (package / "demo.py").write_text(code)
    (tmp_path / audit.REVIEWED).parent.mkdir(parents=True)
    (tmp_path / audit.REVIEWED).write_text("")
    shell = [f for f in audit.run_bandit(["snippets"], tmp_path) if f.test_id == "B602"]
    assert shell and shell[0].where == "run_vulnerable" and shell[0].path == "snippets/demo.py"
    assert not audit.accepted(shell[0], [], tmp_path)
    (package / "demo.py").write_text('VULNERABLE = ("run_vulnerable",)\n' + code)
    assert audit.accepted(shell[0], [], tmp_path)


def test_vulnerable_names_and_declarations_agree() -> None:
    problems = []
    for path in python_files():
        relative = path.relative_to(REPO).as_posix()
        listed = set(audit.declared_vulnerable(path))
        defined = dict(audit.defined_vulnerable(path))
        problems += [f"{relative}:{line}: {name} is not listed in VULNERABLE\n    fix: add "
                     f'VULNERABLE = ("{name}",) at the top of the module'
                     for name, line in defined.items() if name not in listed]
        problems += [f"{relative}:1: VULNERABLE lists {name}, which the module does not define"
                     "\n    fix: remove it from the tuple" for name in listed - set(defined)]
    assert not problems, "\n".join(problems)


def test_every_vulnerable_example_is_attacked_by_a_test() -> None:
    tests_text = "\n".join(p.read_text(encoding="utf-8") for p in (REPO / "tests").rglob("*.py")
                           if p.name != Path(__file__).name)
    missing = [f"{module}: {name} has no test\n    fix: add a test under tests/ that runs the "
               "attack on it (it must succeed) and on the fix (it must fail)"
               for module, names in declared().items() for name in names
               if not re.search(rf"\b{name}\b", tests_text)]
    assert not missing, "\n".join(missing)


def test_pages_that_show_vulnerable_code_warn_the_reader() -> None:
    vulnerable = declared()
    problems = []
    for page in sorted((REPO / "docs").rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        for match in SNIPPET.finditer(text):
            target, _, region = match.group(1).partition("#")
            module = f"snippets/{target}"
            names = vulnerable.get(module, ())
            if not names:
                continue
            code = regions.load(REPO / module).excerpt(region or None).code
            shown = [n for n in names if re.search(rf"(def|class) {n}\b", code)]
            if shown and WARNING not in text:
                line = text.count("\n", 0, match.start()) + 1
                problems.append(f"{page.relative_to(REPO)}:{line}: shows {', '.join(shown)} "
                                f'without a warning\n    fix: add {WARNING}" before it')
    assert not problems, "\n".join(problems)


# --- dependency audit ---------------------------------------------------------------------

OSV = "https://api.osv.dev/v1/query"


def _advisory_service_reachable() -> bool:
    query = json.dumps({"package": {"name": "jinja2", "ecosystem": "PyPI"}, "version": "3.1.6"})
    request = urllib.request.Request(OSV, data=query.encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:  # nosec B310: fixed https URL
            return response.status == 200
    except OSError:
        return False


def audit_exceptions() -> list[str]:
    """Vulnerability ids SECURITY.md accepts, each passed to pip-audit as --ignore-vuln."""
    text = (REPO / "SECURITY.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- audit-exceptions: start -->(.*?)<!-- audit-exceptions: end -->",
                      text, re.S)
    assert block, "SECURITY.md: the audit-exceptions block is missing"
    return re.findall(r"^- `([A-Z]+-[\w-]+)`", block.group(1), re.M)


def test_pinned_dependencies_have_no_known_vulnerability() -> None:
    if not _advisory_service_reachable():
        pytest.skip(f"the advisory service pip-audit queries ({OSV}) cannot be reached from "
                    "this machine; the audit job of .github/workflows/tests.yml runs it")
    ignores = [arg for vuln in audit_exceptions() for arg in ("--ignore-vuln", vuln)]
    result = subprocess.run(
        [sys.executable, "-m", "pip_audit", "--strict", "--disable-pip", "--no-deps",
         "--vulnerability-service", "osv", "-r", "requirements.lock", *ignores],
        cwd=REPO, capture_output=True, text=True, timeout=600, check=False,
    )
    assert result.returncode == 0, (
        f"{result.stdout}{result.stderr}\nfix: upgrade the package in pyproject.toml and run "
        "`make lock`, or record a justified exception in SECURITY.md"
    )
