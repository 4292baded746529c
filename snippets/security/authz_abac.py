"""Attribute-based access control: a policy is a pure function of who, what, which and when."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, time
from typing import NamedTuple


@dataclass(frozen=True)
class Subject:
    """Who asks: attributes of the user."""

    id: int
    role: str
    department: str


@dataclass(frozen=True)
class Document:
    """What they ask about: attributes of the resource."""

    id: int
    department: str
    author_id: int
    status: str  # "draft" or "published"


@dataclass(frozen=True)
class Context:
    """The circumstances: here, when (in the office's local time)."""

    at: datetime


class Decision(NamedTuple):
    """The answer, with the reason an auditor (or a test) can read."""

    allowed: bool
    reason: str


# --8<-- [start:rules]
WORKDAY_HOURS = (time(8, 0), time(18, 0))


def working_hours(context: Context) -> bool:
    """Monday to Friday, 08:00 to 18:00."""
    start, end = WORKDAY_HOURS
    return context.at.weekday() < 5 and start <= context.at.time() < end


def published_is_public(subject: Subject, action: str, doc: Document,
                        context: Context) -> Decision | None:
    """Anyone may read a published document."""
    if action == "read" and doc.status == "published":
        return Decision(True, "published documents are readable by all")
    return None


def department_reads(subject: Subject, action: str, doc: Document,
                     context: Context) -> Decision | None:
    """Staff may read drafts of their own department."""
    if action == "read" and doc.department == subject.department:
        return Decision(True, "same department may read drafts")
    return None


def editor_edits_own_department(subject: Subject, action: str, doc: Document,
                                context: Context) -> Decision | None:
    """An editor may edit documents of their own department during working hours."""
    if (action == "edit" and subject.role == "editor"  # [mark:editor]
            and doc.department == subject.department and working_hours(context)):
        return Decision(True, "editor, own department, working hours")
    return None


Rule = Callable[[Subject, str, Document, Context], Decision | None]
POLICY: tuple[Rule, ...] = (published_is_public, department_reads, editor_edits_own_department)
# --8<-- [end:rules]


# --8<-- [start:decide]
def decide(subject: Subject, action: str, doc: Document, context: Context,
           policy: tuple[Rule, ...] = POLICY) -> Decision:
    """The first rule that permits wins; if none does, the answer is no."""
    for rule in policy:
        decision = rule(subject, action, doc, context)
        if decision is not None:
            return decision
    return Decision(False, "no rule permits it (deny by default)")  # [mark:deny]
# --8<-- [end:decide]


def main() -> None:
    """Ask the policy about a few requests, without a server or a database."""
    # --8<-- [start:cases]
    nina = Subject(7, "editor", "legal")
    omar = Subject(8, "writer", "legal")
    draft = Document(100, "legal", author_id=8, status="draft")
    other = Document(200, "sales", author_id=9, status="draft")
    tuesday_10 = Context(datetime(2024, 3, 12, 10, 0))
    tuesday_22 = Context(datetime(2024, 3, 12, 22, 0))
    saturday_10 = Context(datetime(2024, 3, 16, 10, 0))
    cases = [
        ("nina", nina, "edit", draft, tuesday_10),
        ("nina", nina, "edit", draft, tuesday_22),
        ("nina", nina, "edit", draft, saturday_10),
        ("nina", nina, "edit", other, tuesday_10),
        ("omar", omar, "edit", draft, tuesday_10),
        ("omar", omar, "read", draft, tuesday_22),
        ("omar", omar, "read", other, tuesday_10),
        ("omar", omar, "delete", draft, tuesday_10),
    ]
    for name, subject, action, doc, context in cases:
        allowed, reason = decide(subject, action, doc, context)
        when = context.at.strftime("%a %H:%M")
        print(f"{name} {action:<6} doc {doc.id} ({doc.department:<5}) {when}: "
              f"{'ALLOW' if allowed else 'deny '}  {reason}")
    # --8<-- [end:cases]


if __name__ == "__main__":
    main()
