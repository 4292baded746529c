"""GraphQL errors over HTTP: a 200 with an "errors" array, partial data, and a 400 for bad JSON."""

from __future__ import annotations

import json

import httpx

from labkit.serve import serve_in_thread
from snippets.apis.graphql_app.app import create_app
from snippets.apis.graphql_app.data import open_library

DEPENDS = ("graphql_app/",)

# --8<-- [start:documents]
UNKNOWN_FIELD = "{ books { title publisher } }"  # Book has no publisher field  # [mark:unknown]

MISSING_BOOK = "{ book(id: 99) { title } }"  # no such book: null, and no error

TWO_BORROWS = """
mutation {
  first: borrowBook(loan: {bookId: 4, member: "grace", due: "2025-03-20"}) { id }
  second: borrowBook(loan: {bookId: 4, member: "alan", due: "2025-03-21"}) { id }
}
"""
# --8<-- [end:documents]


def show(response: httpx.Response) -> None:
    """Print the status code and the body (JSON when it is JSON) on one line each."""
    print(f"-> {response.status_code} {response.headers['content-type']}")
    if response.headers["content-type"] == "application/json":
        print(f"   {json.dumps(response.json())}")
    else:
        print(f"   {response.text}")


def main() -> None:
    """Send three GraphQL documents that go wrong in different ways, and one bad request."""
    # --8<-- [start:main]
    app = create_app(open_library())
    with serve_in_thread(app) as base_url, httpx.Client(base_url=base_url) as client:
        for title, document in [("unknown field", UNKNOWN_FIELD),
                                ("missing book", MISSING_BOOK),
                                ("the same book borrowed twice", TWO_BORROWS)]:
            print(f"{title}:")
            show(client.post("/graphql", json={"query": document}))

        print("body that is not JSON:")
        show(client.post("/graphql", content=b"{query: books}",  # [mark:not-json]
                         headers={"content-type": "application/json"}))
    # --8<-- [end:main]


if __name__ == "__main__":
    main()
