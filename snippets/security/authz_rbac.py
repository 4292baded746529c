"""Role-based access control in FastAPI: one permission per endpoint, checked by a dependency."""

from __future__ import annotations

from typing import Annotated, Any

import httpx
from fastapi import Depends, FastAPI

from labkit.serve import serve_in_thread
from snippets.security.authz_app.identity import Directory, User
from snippets.security.authz_app.invoices import Invoices
from snippets.security.authz_app.rbac import require

DEPENDS = ("authz_app/",)
CALLS = [
    ("GET", "/invoices"),
    ("POST", "/invoices/2/approve"),
    ("GET", "/admin/users"),
]
CALLERS = ["alice", "carol", "dave", "erin", None]


# --8<-- [start:app]
def create_app() -> FastAPI:
    """Three endpoints, each declaring the one permission it needs."""
    app = FastAPI()
    app.state.directory = Directory()
    invoices = Invoices()

    @app.get("/invoices")
    def list_invoices(
        user: Annotated[User, Depends(require("invoices:read"))],  # [mark:read]
    ) -> list[dict[str, Any]]:
        return invoices.all("SELECT id, customer FROM invoices WHERE owner_id = ?", user.id)

    @app.post("/invoices/{invoice_id}/approve")
    def approve(invoice_id: int,
                user: Annotated[User, Depends(require("invoices:approve"))]) -> dict[str, Any]:
        return {"approved": invoice_id, "by": user.name}

    @app.get("/admin/users")
    def list_users(user: Annotated[User, Depends(require("users:read"))]) -> list[str]:
        return sorted(app.state.directory.users)

    return app
# --8<-- [end:app]


def matrix(client: httpx.Client, directory: Directory) -> list[list[str]]:
    """Call every endpoint as every caller; one row of status codes per caller."""
    table = []
    for name in CALLERS:
        headers = directory.headers(name) if name else {}
        role = directory.users[name].role if name else "-"
        codes = [str(client.request(method, path, headers=headers).status_code)
                 for method, path in CALLS]
        table.append([name or "(no token)", role, *codes])
    return table


def main() -> None:
    """Print who may call what, as status codes."""
    app = create_app()
    with serve_in_thread(app) as base, httpx.Client(base_url=base) as client:
        # --8<-- [start:matrix]
        header = ["caller", "role", *(f"{method} {path}" for method, path in CALLS)]
        widths = [10, 8, 15, 26, 16]
        for row in [header, *matrix(client, app.state.directory)]:
            cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
            print("  ".join(cells).rstrip())
        erin = client.get("/invoices", headers=app.state.directory.headers("erin"))
        print("erin's 403 says:", erin.json())
        # --8<-- [end:matrix]
    # --8<-- [start:typo]
    try:
        require("invoice:read")  # a typo in a permission name
    except ValueError as error:
        print("at start-up:", error)
    # --8<-- [end:typo]


if __name__ == "__main__":
    main()
