"""Mirrors snippets/security/audit_bandit.py: bandit flags the insecure file, not the fixed one."""

from __future__ import annotations

import ast

from snippets.security.audit_bandit import FIXED, INSECURE
from snippets.security.audit_tools import run_bandit

EXPECTED = {"B608", "B602", "B506", "B301", "B105", "B311", "B501", "B324", "B101"}


def test_every_mistake_is_found_inside_a_vulnerable_function() -> None:
    report = run_bandit([INSECURE])
    assert {f.test_id for f in report.findings} >= EXPECTED
    assert all(f.function.endswith("_vulnerable") for f in report.findings)
    assert all(f.path == "snippets/security/audit_examples/library_insecure.py"
               for f in report.findings)  # relative to the repository, never absolute


def test_the_vulnerable_names_are_declared() -> None:
    tree = ast.parse(INSECURE.read_text())
    declared = next(ast.literal_eval(n.value) for n in tree.body if isinstance(n, ast.Assign)
                    and any(getattr(t, "id", "") == "VULNERABLE" for t in n.targets))
    defined = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    assert set(declared) == {name for name in defined if name.endswith("_vulnerable")}


def test_bandit_cannot_see_the_idor() -> None:
    report = run_bandit([INSECURE])
    assert "show_loan_vulnerable" not in {f.function for f in report.findings}


def test_the_fixed_file_is_clean_and_its_nosec_comments_are_specific() -> None:
    assert run_bandit([FIXED]).findings == []
    silenced = run_bandit([FIXED], ignore_nosec=True).findings
    assert {f.test_id for f in silenced} == {"B404", "B603"}
    for line in FIXED.read_text().splitlines():
        if "nosec" in line:
            assert "# nosec B" in line and line.count("#") >= 2, f"id and reason, please: {line}"


FOUND_IN = {  # each deliberately vulnerable example, and what bandit must report inside it
    "find_member_vulnerable": {"B608"},
    "export_catalogue_vulnerable": {"B404", "B602"},
    "load_import_config_vulnerable": {"B506"},
    "restore_session_vulnerable": {"B301", "B403"},
    "connect_backup_vulnerable": {"B105"},
    "reset_token_vulnerable": {"B311"},
    "fetch_cover_vulnerable": {"B501"},
    "hash_password_vulnerable": {"B324"},
    "delete_book_vulnerable": {"B101"},
    "show_loan_vulnerable": set(),  # an IDOR: a logic flaw no pattern matches
}


def test_each_vulnerable_example_is_caught_by_its_own_check() -> None:
    found: dict[str, set[str]] = {name: set() for name in FOUND_IN}
    for finding in run_bandit([INSECURE]).findings:
        found[finding.function].add(finding.test_id)
    assert found == FOUND_IN
