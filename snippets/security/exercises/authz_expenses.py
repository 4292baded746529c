"""Write an attribute-based policy for approving expenses.

A company's expense tool asks one function whether an approver may approve an expense claim.
Write `can_approve(approver, claim, at)` as a pure function (no database, no server) that
returns True only when **every** rule holds:

- the approver's role is `"manager"` or `"finance"`;
- a manager approves only claims of their own department; finance approves any department;
- nobody approves their own claim (`claim.claimant_id == approver.id`);
- the amount is at most the approver's `limit_cents`;
- the claim's status is `"submitted"`;
- `at` is on a working day, Monday to Friday (any hour).

Anything else is denied: an unknown role, an unknown status, a missing attribute. Deny by
default means the function returns False unless it has positively found a reason to allow.
"""

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
    raise NotImplementedError("write can_approve")
