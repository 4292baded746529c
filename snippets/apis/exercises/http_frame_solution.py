"""Reference solution: find where an HTTP/1.1 response ends."""

NO_BODY = {204, 304}


def split_response(data: bytes, method: str = "GET") -> tuple[int, dict[str, str], bytes, bytes]:
    """Split one response off the front of `data`: (status, headers, body, rest)."""
    head, found, after = data.partition(b"\r\n\r\n")
    if not found:
        raise ValueError("the header section has not ended: no empty line yet")
    status_line, *field_lines = head.decode("latin-1").split("\r\n")
    status = int(status_line.split(" ", 2)[1])
    headers: dict[str, str] = {}
    for line in field_lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    if method == "HEAD" or status < 200 or status in NO_BODY:
        return status, headers, b"", after
    if "content-length" not in headers:
        raise ValueError("no Content-Length: cannot tell where the body ends")
    length = int(headers["content-length"])
    if len(after) < length:
        raise ValueError(f"body incomplete: {len(after)} of {length} bytes")
    return status, headers, after[:length], after[length:]
