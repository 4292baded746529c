"""Mass assignment (OWASP API3:2023): the body sets fields the user must never set."""

from __future__ import annotations

from typing import Annotated, Any

import httpx
from fastapi import Body, Depends, FastAPI
from pydantic import BaseModel, ConfigDict, Field

from labkit.serve import serve_in_thread
from snippets.security.authz_app.identity import Directory, User, current_user
from snippets.security.authz_app.invoices import Invoices
from snippets.security.authz_app.rbac import require

DEPENDS = ("authz_app/",)
VULNERABLE = ("create_app_vulnerable",)

INSERT = ("INSERT INTO invoices (owner_id, customer, amount_cents, pay_to) "
          "VALUES (:owner_id, :customer, :amount_cents, :pay_to)")


def profiles_for(directory: Directory) -> dict[int, dict[str, Any]]:
    """The stored profile of every user: what they may edit, and what only admins may."""
    return {user.id: {"display_name": user.name.title(), "is_admin": user.role == "admin"}
            for user in directory.users.values()}


# --8<-- [start:vulnerable]
def create_app_vulnerable() -> FastAPI:
    """DELIBERATELY VULNERABLE: copies whatever the client sends onto the stored records."""
    app = FastAPI()
    app.state.directory = directory = Directory()
    app.state.profiles = profiles = profiles_for(directory)
    app.state.invoices = invoices = Invoices()

    @app.patch("/me")
    def edit_profile(changes: Annotated[dict[str, Any], Body()],
                     user: Annotated[User, Depends(current_user)]) -> dict[str, Any]:
        profiles[user.id].update(changes)  # [mark:update]
        return profiles[user.id]

    @app.post("/invoices", status_code=201)
    def create_invoice(body: Annotated[dict[str, Any], Body()],
                       user: Annotated[User, Depends(require("invoices:create"))],
                       ) -> dict[str, Any]:
        row = {"owner_id": user.id, **body}  # the body comes last, so it wins  [mark:spread]
        invoices.change(INSERT, row)
        return row

    return app
# --8<-- [end:vulnerable]


# --8<-- [start:models]
class ProfileChange(BaseModel):
    """What a user may change about themselves. Nothing else is accepted."""

    model_config = ConfigDict(extra="forbid")  # [mark:forbid]
    display_name: str = Field(min_length=1, max_length=40)


class InvoiceIn(BaseModel):
    """What a user sends to create an invoice; the owner is never one of them."""

    model_config = ConfigDict(extra="forbid")
    customer: str = Field(min_length=1, max_length=80)
    amount_cents: int = Field(gt=0)
    pay_to: str = Field(min_length=1, max_length=34)
# --8<-- [end:models]


# --8<-- [start:fixed]
def create_app() -> FastAPI:
    """The fix: explicit input models, and the owner taken from the authenticated user."""
    app = FastAPI()
    app.state.directory = directory = Directory()
    app.state.profiles = profiles = profiles_for(directory)
    app.state.invoices = invoices = Invoices()

    @app.patch("/me")
    def edit_profile(change: ProfileChange,
                     user: Annotated[User, Depends(current_user)]) -> dict[str, Any]:
        profiles[user.id]["display_name"] = change.display_name
        return profiles[user.id]

    @app.post("/invoices", status_code=201)
    def create_invoice(invoice: InvoiceIn,
                       user: Annotated[User, Depends(require("invoices:create"))],
                       ) -> dict[str, Any]:
        row = {**invoice.model_dump(), "owner_id": user.id}  # [mark:owner]
        invoices.change(INSERT, row)
        return row

    return app
# --8<-- [end:fixed]


def short(response: httpx.Response) -> str:
    """The status and the body, or the first validation error of a 422."""
    body = response.json()
    if response.status_code == 422:
        first = body["detail"][0]
        return f"422 {first['msg']}: {first['loc'][-1]}"
    return f"{response.status_code} {body}"


# --8<-- [start:attack]
def attack(app: FastAPI) -> None:
    """Alice makes herself an admin, then bills a customer in Bob's name (owner 2)."""
    with serve_in_thread(app) as base, httpx.Client(base_url=base) as client:
        alice = app.state.directory.headers("alice")
        print("  PATCH /me {'display_name': 'Ally'}")
        print("   ", short(client.patch("/me", json={"display_name": "Ally"}, headers=alice)))
        promote = {"display_name": "Alice", "is_admin": True}
        print("  PATCH /me", promote)
        print("   ", short(client.patch("/me", json=promote, headers=alice)))
        invoice = {"customer": "Initech", "amount_cents": 5000, "pay_to": "alice-bank",
                   "owner_id": 2}
        print("  POST /invoices with owner_id 2")
        print("   ", short(client.post("/invoices", json=invoice, headers=alice)))
        bobs = app.state.invoices.all("SELECT id FROM invoices WHERE owner_id = 2")
        print(f"  stored: alice is_admin={app.state.profiles[1]['is_admin']}, "
              f"invoices owned by bob: {len(bobs)}")
# --8<-- [end:attack]


def main() -> None:
    """Run the same requests against both apps."""
    print("vulnerable app:")
    attack(create_app_vulnerable())
    print("fixed app:")
    attack(create_app())


if __name__ == "__main__":
    main()
