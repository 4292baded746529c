"""Broken function level authorization (OWASP API5:2023): a clerk calls an admin endpoint."""

from __future__ import annotations

import re
from typing import Annotated, Any

import httpx
from fastapi import APIRouter, Depends, FastAPI

from labkit.serve import serve_in_thread
from snippets.security.authz_app.identity import Directory, User, current_user
from snippets.security.authz_app.rbac import require

DEPENDS = ("authz_app/",)
VULNERABLE = ("create_app_vulnerable",)

PUBLIC = {"/health"}


# --8<-- [start:vulnerable]
def create_app_vulnerable() -> FastAPI:
    """DELIBERATELY VULNERABLE: the admin endpoints only check that someone is logged in."""
    app = FastAPI()
    app.state.directory = directory = Directory()
    admin = APIRouter(prefix="/admin")

    @admin.get("/users")
    def export_users(user: Annotated[User, Depends(current_user)]) -> list[dict[str, Any]]:
        return [vars(u) for u in directory.users.values()]  # [mark:authn_only]

    @admin.delete("/users/{name}", status_code=204)
    def delete_user(name: str, user: Annotated[User, Depends(current_user)]) -> None:
        directory.users.pop(name, None)

    app.include_router(admin)

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    return app
# --8<-- [end:vulnerable]


# --8<-- [start:fixed]
def create_app() -> FastAPI:
    """The fix: the whole admin router requires a permission, so no endpoint can forget it."""
    app = FastAPI()
    app.state.directory = directory = Directory()
    admin = APIRouter(prefix="/admin",
                      dependencies=[Depends(require("users:read"))])  # [mark:router]

    @admin.get("/users")
    def export_users() -> list[dict[str, Any]]:
        return [vars(u) for u in directory.users.values()]

    @admin.delete("/users/{name}", status_code=204,
                  dependencies=[Depends(require("users:delete"))])
    def delete_user(name: str) -> None:
        directory.users.pop(name, None)

    app.include_router(admin)

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}

    return app
# --8<-- [end:fixed]


# --8<-- [start:audit]
def open_to(client: httpx.Client, app: FastAPI, headers: dict[str, str]) -> list[str]:
    """Call every operation in the app's OpenAPI document; list those that did not refuse."""
    answered = []
    for path, operations in app.openapi()["paths"].items():
        if path in PUBLIC:
            continue
        url = re.sub(r"\{[^}]+\}", "1", path)  # any id will do: the check comes first
        for method in operations:
            status = client.request(method.upper(), url, headers=headers).status_code
            if status not in (401, 403):
                answered.append(f"{method.upper()} {path} -> {status}")
    return sorted(answered)
# --8<-- [end:audit]


# --8<-- [start:attack]
def attack(app: FastAPI) -> None:
    """Alice, a clerk, guesses the admin URLs; the UI never showed her these buttons."""
    with serve_in_thread(app) as base, httpx.Client(base_url=base) as client:
        alice = app.state.directory.headers("alice")
        export = client.get("/admin/users", headers=alice)
        print(f"  alice GET /admin/users          {export.status_code}  "
              + (f"{len(export.json())} users exported" if export.is_success
                 else str(export.json())))
        delete = client.delete("/admin/users/dave", headers=alice)
        print(f"  alice DELETE /admin/users/dave  {delete.status_code}")
        print(f"  dave, the admin, still exists:  {'dave' in app.state.directory.users}")
        erin = app.state.directory.headers("erin")  # a role with no permissions at all
        print(f"  answered erin, who has no permissions: {open_to(client, app, erin)}")
# --8<-- [end:attack]


def main() -> None:
    """Run the attack on both apps, and audit their routes."""
    print("vulnerable app:")
    attack(create_app_vulnerable())
    print("fixed app:")
    attack(create_app())


if __name__ == "__main__":
    main()
