"""Send a GraphQL query and a mutation over real HTTP to the library's FastAPI app on 127.0.0.1."""

from __future__ import annotations

import json
from typing import Any

import httpx

from labkit.serve import serve_in_thread
from snippets.apis.graphql_app.app import create_app
from snippets.apis.graphql_app.data import open_library

DEPENDS = ("graphql_app/",)

# --8<-- [start:documents]
MEMBER_LOANS = """
query MemberLoans($member: String!) {
  loans(member: $member) {
    due
    book { title author { name } }
  }
}
"""

BORROW = """
mutation Borrow($loan: LoanInput!) {
  borrowBook(loan: $loan) { id member due book { title } }
}
"""
# --8<-- [end:documents]


# --8<-- [start:post]
def post_graphql(client: httpx.Client, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    """POST one operation to /graphql as JSON; print the status line and return the body."""
    response = client.post("/graphql", json={"query": query, "variables": variables})  # [mark:post]
    print(f"POST /graphql -> {response.status_code} {response.headers['content-type']}")
    return response.json()
# --8<-- [end:post]


def main() -> None:
    """Ask for a member's loans, borrow a book, and ask again."""
    # --8<-- [start:main]
    app = create_app(open_library())
    with serve_in_thread(app) as base_url, httpx.Client(base_url=base_url) as client:
        body = post_graphql(client, MEMBER_LOANS, {"member": "grace"})
        print(json.dumps(body, indent=2))

        loan = {"bookId": 6, "member": "grace", "due": "2025-03-20"}
        body = post_graphql(client, BORROW, {"loan": loan})
        print(json.dumps(body, indent=2))

        body = post_graphql(client, MEMBER_LOANS, {"member": "grace"})
        print(json.dumps(body, ensure_ascii=False))
    # --8<-- [end:main]


if __name__ == "__main__":
    main()
