"""IDOR (OWASP API1:2023, Broken Object Level Authorization): change the id, get someone else's."""

from __future__ import annotations

from typing import Annotated, Any

import httpx
from fastapi import Depends, FastAPI, HTTPException
from pydantic import BaseModel, ConfigDict

from labkit.serve import serve_in_thread
from snippets.security.authz_app.identity import Directory, User
from snippets.security.authz_app.invoices import Invoices
from snippets.security.authz_app.rbac import require

DEPENDS = ("authz_app/",)
VULNERABLE = ("create_app_vulnerable",)

NOT_FOUND = "no such invoice"


class PayTo(BaseModel):
    """The one field a user may change on an invoice: the account it is paid to."""

    model_config = ConfigDict(extra="forbid")
    pay_to: str


# --8<-- [start:vulnerable]
def create_app_vulnerable() -> FastAPI:
    """DELIBERATELY VULNERABLE: any logged-in clerk can read and change any invoice by id."""
    app = FastAPI()
    app.state.directory = Directory()
    app.state.invoices = invoices = Invoices()

    @app.get("/invoices/{invoice_id}")
    def read(invoice_id: int,
             user: Annotated[User, Depends(require("invoices:read"))]) -> dict[str, Any]:
        row = invoices.one("SELECT * FROM invoices WHERE id = ?", invoice_id)  # [mark:any]
        if row is None:
            raise HTTPException(404, NOT_FOUND)
        return row

    @app.patch("/invoices/{invoice_id}")
    def update(invoice_id: int, change: PayTo,
               user: Annotated[User, Depends(require("invoices:create"))]) -> dict[str, Any]:
        invoices.change("UPDATE invoices SET pay_to = ? WHERE id = ?",
                        change.pay_to, invoice_id)  # [mark:any_update]
        return read(invoice_id, user)

    return app
# --8<-- [end:vulnerable]


# --8<-- [start:fixed]
def create_app() -> FastAPI:
    """The same API, with every query scoped to the caller: someone else's invoice is a 404."""
    app = FastAPI()
    app.state.directory = Directory()
    app.state.invoices = invoices = Invoices()

    @app.get("/invoices/{invoice_id}")
    def read(invoice_id: int,
             user: Annotated[User, Depends(require("invoices:read"))]) -> dict[str, Any]:
        row = invoices.one("SELECT * FROM invoices WHERE id = ? AND owner_id = ?",
                           invoice_id, user.id)  # [mark:scoped]
        if row is None:  # missing, or not yours: the same answer
            raise HTTPException(404, NOT_FOUND)
        return row

    @app.patch("/invoices/{invoice_id}")
    def update(invoice_id: int, change: PayTo,
               user: Annotated[User, Depends(require("invoices:create"))]) -> dict[str, Any]:
        changed = invoices.change("UPDATE invoices SET pay_to = ? WHERE id = ? AND owner_id = ?",
                                  change.pay_to, invoice_id, user.id)  # [mark:scoped_update]
        if changed == 0:
            raise HTTPException(404, NOT_FOUND)
        return read(invoice_id, user)

    return app
# --8<-- [end:fixed]


def show(label: str, response: httpx.Response) -> None:
    """One line per response: what was tried, the status, and the gist of the body."""
    body = response.json()
    gist = (f"owner {body['owner_id']}, {body['customer']}, pay_to={body['pay_to']}"
            if "pay_to" in body else body)
    print(f"  {label:<34} {response.status_code}  {gist}")


# --8<-- [start:attack]
def attack(app: FastAPI) -> None:
    """Alice (user 1, owns invoice 1) walks the ids, then redirects Bob's invoice 2 to herself."""
    with serve_in_thread(app) as base, httpx.Client(base_url=base) as client:
        alice = app.state.directory.headers("alice")
        show("alice GET /invoices/1 (hers)", client.get("/invoices/1", headers=alice))
        show("alice GET /invoices/2 (bob's)", client.get("/invoices/2", headers=alice))
        show("alice GET /invoices/99 (no such)", client.get("/invoices/99", headers=alice))
        readable = [n for n in range(1, 6)
                    if client.get(f"/invoices/{n}", headers=alice).status_code == 200]
        print(f"  alice walks ids 1-5 and can read: {readable}")
        show("alice PATCH /invoices/2 pay_to",
             client.patch("/invoices/2", json={"pay_to": "alice-bank"}, headers=alice))
        stored = app.state.invoices.one("SELECT pay_to FROM invoices WHERE id = 2")
        print(f"  invoice 2 is now paid to: {stored['pay_to']}")
# --8<-- [end:attack]


def main() -> None:
    """Run the same attack on both apps."""
    print("vulnerable app:")
    attack(create_app_vulnerable())
    print("fixed app:")
    attack(create_app())


if __name__ == "__main__":
    main()
