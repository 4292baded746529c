"""One screen, two APIs: count the HTTP requests and bytes REST and GraphQL need for it."""

from __future__ import annotations

import json
from dataclasses import dataclass

import httpx

from labkit.serve import serve_in_thread
from snippets.apis.graphql_app.app import create_app
from snippets.apis.graphql_app.data import open_library

DEPENDS = ("graphql_app/",)

MEMBER = "ada"


# --8<-- [start:meter]
@dataclass
class Meter:
    """Counts the requests an httpx client sends and the body bytes going each way."""

    requests: int = 0
    sent: int = 0
    received: int = 0

    def on_request(self, request: httpx.Request) -> None:
        """Event hook: one more request, and its body."""
        self.requests += 1
        self.sent += len(request.content)

    def on_response(self, response: httpx.Response) -> None:
        """Event hook: the response body, as it came over the wire."""
        self.received += len(response.read())
# --8<-- [end:meter]


# --8<-- [start:rest]
def screen_with_rest(client: httpx.Client) -> list[tuple[str, str, str]]:
    """The member's loans, each with its book's title and author's name, from REST."""
    rows = []
    for loan in client.get(f"/members/{MEMBER}/loans").json():  # 1 request
        book = client.get(f"/books/{loan['book_id']}").json()  # + 1 per loan  # [mark:per-loan]
        author = client.get(f"/authors/{book['author_id']}").json()  # + 1 per book
        rows.append((loan["due"], book["title"], author["name"]))
    return rows
# --8<-- [end:rest]


# --8<-- [start:graphql]
SCREEN = """query($member: String!) {
  loans(member: $member) { due book { title author { name } } }
}"""


def screen_with_graphql(client: httpx.Client) -> list[tuple[str, str, str]]:
    """The same screen from one GraphQL query that names exactly the fields it shows."""
    body = client.post("/graphql", json={"query": SCREEN, "variables": {"member": MEMBER}})
    return [(loan["due"], loan["book"]["title"], loan["book"]["author"]["name"])
            for loan in body.json()["data"]["loans"]]
# --8<-- [end:graphql]


def main() -> None:
    """Build the screen both ways on the same server, and compare what it cost."""
    # --8<-- [start:main]
    app = create_app(open_library())
    with serve_in_thread(app) as base_url:
        results = {}
        for name, build in [("REST", screen_with_rest), ("GraphQL", screen_with_graphql)]:
            meter = Meter()
            hooks = {"request": [meter.on_request], "response": [meter.on_response]}
            with httpx.Client(base_url=base_url, event_hooks=hooks) as client:
                results[name] = build(client)
            plural = "s" if meter.requests > 1 else " "
            print(f"{name:8} {meter.requests} request{plural}, {meter.sent:4} bytes sent, "
                  f"{meter.received:4} bytes received")
        assert results["REST"] == results["GraphQL"]
        for row in results["GraphQL"]:
            print("  ", " | ".join(row))

        with httpx.Client(base_url=base_url) as client:
            print("What REST sent for one book, of which the screen shows the title:")
            print("  ", json.dumps(client.get("/books/1").json(), ensure_ascii=False))
    # --8<-- [end:main]


if __name__ == "__main__":
    main()
