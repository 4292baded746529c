"""Hidden checks for the authz_expenses exercise."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from types import ModuleType

TUESDAY = datetime(2024, 3, 12, 10, 0)
SATURDAY = datetime(2024, 3, 16, 10, 0)


def _people(module: ModuleType) -> tuple:
    mia = module.Approver(1, "manager", "sales", 50_000)
    fay = module.Approver(2, "finance", "finance", 500_000)
    claim = module.Claim(10, 7, "sales", 12_000, "submitted")
    return mia, fay, claim


def _check(module: ModuleType, approver: object, claim: object, at: datetime,
           expected: bool, why: str) -> None:
    got = module.can_approve(approver, claim, at)
    assert got is expected, (  # nosec B101 # checks report through assert
        f"{why}: can_approve returned {got!r}, expected {expected}")


def check_allows_the_normal_cases(module: ModuleType) -> None:
    """A manager approves a claim of their department; finance approves any department."""
    mia, fay, claim = _people(module)
    _check(module, mia, claim, TUESDAY, True, "manager, same department, within limit")
    _check(module, fay, replace(claim, department="legal"), TUESDAY, True,
           "finance approves another department")


def check_department_and_own_claims(module: ModuleType) -> None:
    """A manager may not approve another department's claim, and nobody approves their own."""
    mia, fay, claim = _people(module)
    _check(module, mia, replace(claim, department="legal"), TUESDAY, False,
           "manager, other department")
    _check(module, mia, replace(claim, claimant_id=mia.id), TUESDAY, False,
           "manager approving their own claim")
    _check(module, fay, replace(claim, claimant_id=fay.id), TUESDAY, False,
           "finance approving their own claim")


def check_limit_status_and_day(module: ModuleType) -> None:
    """Over the limit, not submitted, or on a weekend: denied; exactly the limit is allowed."""
    mia, _, claim = _people(module)
    _check(module, mia, replace(claim, amount_cents=50_000), TUESDAY, True, "exactly the limit")
    _check(module, mia, replace(claim, amount_cents=50_001), TUESDAY, False, "one cent over")
    for status in ("draft", "approved", "rejected", "SUBMITTED"):
        _check(module, mia, replace(claim, status=status), TUESDAY, False, f"status {status!r}")
    _check(module, mia, claim, SATURDAY, False, "on a Saturday")


def check_deny_by_default(module: ModuleType) -> None:
    """Unknown roles get nothing, whatever their other attributes are."""
    _, _, claim = _people(module)
    for role in ("clerk", "admin", "Manager", ""):
        stranger = module.Approver(3, role, "sales", 10**9)
        _check(module, stranger, claim, TUESDAY, False, f"role {role!r}")


def check_returns_a_bool(module: ModuleType) -> None:
    """The answer is exactly True or False, never a truthy value such as a reason string."""
    mia, _, claim = _people(module)
    got = module.can_approve(mia, claim, TUESDAY)
    assert got is True, "return True, not a truthy value"  # nosec B101 # checks report by assert
