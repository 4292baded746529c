"""Reference solution for the authz_expenses exercise."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Approver:
    """The user asking to approve."""

    id: int
    role: str
    department: str
    limit_cents: int


@dataclass(frozen=True)
class Claim:
    """The expense claim to approve."""

    id: int
    claimant_id: int
    department: str
    amount_cents: int
    status: str


def can_approve(approver: Approver, claim: Claim, at: datetime) -> bool:
    """True only if every rule of the policy permits `approver` to approve `claim` at `at`."""
    if approver.role == "finance":
        department_ok = True
    elif approver.role == "manager":
        department_ok = claim.department == approver.department
    else:
        return False  # unknown role: deny by default
    return (department_ok
            and claim.claimant_id != approver.id
            and 0 < claim.amount_cents <= approver.limit_cents
            and claim.status == "submitted"
            and at.weekday() < 5)
