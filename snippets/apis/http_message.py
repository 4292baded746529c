"""An HTTP/1.1 request and response as bytes: start line, header fields, empty line, body."""

from __future__ import annotations

import json


# --8<-- [start:build]
def build_request(method: str, target: str, headers: dict[str, str], body: bytes = b"") -> bytes:
    """Assemble a request: start line, one line per header field, an empty line, the body."""
    lines = [f"{method} {target} HTTP/1.1"]
    if body:
        headers = {**headers, "Content-Length": str(len(body))}  # [mark:length]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    head = "\r\n".join(lines) + "\r\n\r\n"  # [mark:crlf]
    return head.encode("ascii") + body
# --8<-- [end:build]


# --8<-- [start:parse]
def parse_response(data: bytes) -> tuple[int, dict[str, str], bytes]:
    """Split a response into its status code, header fields (names lower-cased) and body."""
    head, _, rest = data.partition(b"\r\n\r\n")  # [mark:split]
    status_line, *field_lines = head.decode("ascii").split("\r\n")
    _version, code, _reason = status_line.split(" ", 2)
    headers = {}
    for line in field_lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()  # field names ignore case
    body = rest[: int(headers.get("content-length", "0"))]  # [mark:read-length]
    return int(code), headers, body
# --8<-- [end:parse]


def main() -> None:
    """Build a POST, show its bytes, then parse a response given as bytes."""
    # --8<-- [start:request]
    book = {"title": "Cien años de soledad", "author": "Gabriel García Márquez",
            "year": 1967, "isbn": "978-0060883287"}
    body = json.dumps(book, ensure_ascii=False).encode("utf-8")
    request = build_request("POST", "/books", {
        "Host": "library.example",
        "Content-Type": "application/json",
        "Accept": "application/json",
    }, body)
    for line in request.splitlines(keepends=True):  # keep the \r\n visible
        print(line)
    print(f"characters in the JSON text: {len(body.decode())}, bytes: {len(body)}")
    # --8<-- [end:request]
    print()
    # --8<-- [start:response]
    response = (
        b"HTTP/1.1 201 Created\r\n"
        b"Content-Type: application/json\r\n"
        b"Location: /books/2\r\n"
        b"content-length: 9\r\n"
        b"\r\n"
        b'{"id": 2}'
        b"HTTP/1.1 200 OK\r\n"  # the next response on the same connection
    )
    status, headers, content = parse_response(response)
    print("status:", status)
    print("headers:", headers)
    print("body:", content)
    # --8<-- [end:response]


if __name__ == "__main__":
    main()
