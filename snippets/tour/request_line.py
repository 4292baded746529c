"""Split an HTTP request line into method, path, query parameters and version."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit


# --8<-- [start:parse]
def parse_request_line(line: str) -> dict[str, object]:
    """Parse `GET /books?page=2 HTTP/1.1` into its parts (RFC 9112, section 3)."""
    # --8<-- [start:split]
    method, target, version = line.split(" ")
    # --8<-- [end:split]
    url = urlsplit(target)
    query = parse_qs(url.query)  # [mark:query]
    return {"method": method, "path": url.path, "query": query, "version": version}
# --8<-- [end:parse]


def main() -> None:
    """Parse three request lines and print what a server would see."""
    # --8<-- [start:main]
    for line in (
        "GET /books HTTP/1.1",
        "GET /books?author=Le+Guin&page=2 HTTP/1.1",
        "DELETE /books/42 HTTP/1.1",
    ):
        print(parse_request_line(line))
    # --8<-- [end:main]


if __name__ == "__main__":
    main()
