"""Hidden checks for the http_frame exercise."""

from types import ModuleType

CREATED = (b"HTTP/1.1 201 Created\r\nContent-Type: application/json\r\n"
           b"Location: /books/2\r\nContent-Length: 9\r\n\r\n{\"id\": 2}")


def check_simple_response(module: ModuleType) -> None:
    """A 201 with a 9-byte body: status, header fields, body, nothing left."""
    status, headers, body, rest = module.split_response(CREATED)
    assert status == 201, f"status should be the int 201, got {status!r}"
    assert headers.get("location") == "/books/2", (
        f"headers should map 'location' to '/books/2', got {headers!r}")
    assert body == b'{"id": 2}', f"body should be the 9 bytes after the empty line, got {body!r}"
    assert rest == b"", f"nothing should be left over, got {rest!r}"


def check_names_ignore_case(module: ModuleType) -> None:
    """Field names are lower-cased and values trimmed: `CONTENT-length:   2 ` works."""
    _, headers, body, _ = module.split_response(
        b"HTTP/1.1 200 OK\r\nCONTENT-length:   2 \r\n\r\n{}")
    assert headers.get("content-length") == "2", f"got headers {headers!r}"
    assert body == b"{}", f"got body {body!r}"


def check_next_response_left_over(module: ModuleType) -> None:
    """Bytes after Content-Length belong to the next response and come back in `rest`."""
    second = b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"
    _, _, body, rest = module.split_response(CREATED + second)
    assert body == b'{"id": 2}', f"the body must stop after Content-Length bytes, got {body!r}"
    assert rest == second, f"rest should be the next response, got {rest!r}"
    status, _, body, rest = module.split_response(rest)
    assert (status, body, rest) == (404, b"", b""), "the second response should parse too"


def check_counts_bytes_not_characters(module: ModuleType) -> None:
    """Content-Length counts bytes: "años" in UTF-8 is 5 bytes."""
    data = b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n" + "años".encode() + b"NEXT"
    _, _, body, rest = module.split_response(data)
    assert body.decode() == "años", f"got body {body!r}"
    assert rest == b"NEXT", f"got rest {rest!r}"


def check_no_body_cases(module: ModuleType) -> None:
    """HEAD responses and 204/304 have no body, even with a Content-Length."""
    head = b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n"
    _, _, body, rest = module.split_response(head + b"HTTP/1.1 ...", "HEAD")
    assert body == b"" and rest == b"HTTP/1.1 ...", (
        "a response to HEAD ends at the empty line; Content-Length describes the GET body")
    for code in (204, 304):
        data = f"HTTP/1.1 {code} X\r\nETag: \"a\"\r\n\r\nNEXT".encode()
        _, _, body, rest = module.split_response(data)
        assert body == b"" and rest == b"NEXT", f"a {code} response has no body"


def check_incomplete_raises(module: ModuleType) -> None:
    """Missing empty line, a short body, or no length at all: ValueError."""
    for data in (b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n",
                 b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{}",
                 b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nhello"):
        try:
            module.split_response(data)
        except ValueError:
            continue
        raise AssertionError(f"split_response should raise ValueError for {data!r}")
