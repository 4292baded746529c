"""Mirrors snippets/security/authz_abac.py: the policy is tested as plain functions, no server."""

from __future__ import annotations

from datetime import datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from snippets.security.authz_abac import Context, Document, Subject, decide, working_hours

DEPARTMENTS = st.sampled_from(["legal", "sales", "it"])
ROLES = st.sampled_from(["editor", "writer", "admin", "intern"])
ACTIONS = st.sampled_from(["read", "edit", "delete", "publish"])
MOMENTS = st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2024, 12, 31))
subjects = st.builds(Subject, id=st.integers(1, 50), role=ROLES, department=DEPARTMENTS)
documents = st.builds(Document, id=st.integers(1, 50), department=DEPARTMENTS,
                      author_id=st.integers(1, 50),
                      status=st.sampled_from(["draft", "published"]))

TUESDAY_10 = Context(datetime(2024, 3, 12, 10, 0))


def test_the_editor_rule() -> None:
    nina = Subject(7, "editor", "legal")
    draft = Document(100, "legal", author_id=8, status="draft")
    assert decide(nina, "edit", draft, TUESDAY_10).allowed
    assert not decide(nina, "edit", draft, Context(datetime(2024, 3, 12, 18, 0))).allowed
    assert not decide(nina, "edit", draft, Context(datetime(2024, 3, 16, 10, 0))).allowed
    other = Document(200, "sales", author_id=9, status="draft")
    assert not decide(nina, "edit", other, TUESDAY_10).allowed


def test_working_hours_edges() -> None:
    monday_8 = datetime(2024, 3, 11, 8, 0)
    assert working_hours(Context(monday_8))
    assert not working_hours(Context(monday_8 - timedelta(minutes=1)))
    assert not working_hours(Context(monday_8 + timedelta(hours=10)))  # 18:00 is closed


@given(subjects, ACTIONS, documents, MOMENTS)
def test_nobody_edits_another_departments_document(subject, action, doc, at) -> None:
    decision = decide(subject, action, doc, Context(at))
    if action == "edit" and doc.department != subject.department:
        assert not decision.allowed


@given(subjects, ACTIONS, documents, MOMENTS)
def test_only_reads_and_editor_edits_are_ever_allowed(subject, action, doc, at) -> None:
    decision = decide(subject, action, doc, Context(at))
    if decision.allowed:
        assert action == "read" or (action == "edit" and subject.role == "editor"
                                    and working_hours(Context(at)))
    else:
        assert decision.reason.endswith("(deny by default)")


def test_an_empty_policy_denies_everything() -> None:
    nina = Subject(7, "editor", "legal")
    doc = Document(1, "legal", author_id=7, status="published")
    assert decide(nina, "read", doc, TUESDAY_10, policy=()).allowed is False
