"""Role-based access control: roles map to permissions, and a FastAPI dependency checks one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, HTTPException

from snippets.security.authz_app.identity import User, current_user

# --8<-- [start:roles]
ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    "clerk": frozenset({"invoices:read", "invoices:create"}),
    "manager": frozenset({"invoices:read", "invoices:create", "invoices:approve"}),
    "admin": frozenset({"users:read", "users:delete"}),  # no invoices: least privilege
}
KNOWN = frozenset().union(*ROLE_PERMISSIONS.values())


def permissions_of(role: str) -> frozenset[str]:
    """The permissions of a role; an unknown role has none (deny by default)."""
    return ROLE_PERMISSIONS.get(role, frozenset())  # [mark:default]
# --8<-- [end:roles]


# --8<-- [start:require]
def require(permission: str) -> Callable[[User], User]:
    """A FastAPI dependency that lets the request through only with `permission`."""
    if permission not in KNOWN:  # a typo must fail at start-up, not deny (or allow) at run time
        raise ValueError(f"unknown permission {permission!r}")

    def check(user: Annotated[User, Depends(current_user)]) -> User:
        if permission not in permissions_of(user.role):
            raise HTTPException(403, f"{user.role} may not {permission}")  # [mark:forbid]
        return user

    check.permission = permission  # type: ignore[attr-defined]  # read by route audits
    return check
# --8<-- [end:require]
