"""Find where an HTTP/1.1 response ends.

A client reading from a connection gets a stream of bytes; several responses may
follow each other on it. Write `split_response(data, method)` that takes the bytes
received so far and the method of the request they answer, and returns a tuple
`(status, headers, body, rest)`:

- `status`: the status code, an `int`;
- `headers`: a dict of header fields, names lower-cased, values without surrounding spaces;
- `body`: exactly the bytes of this response's content;
- `rest`: whatever follows (the start of the next response), unchanged.

Apply the rules of RFC 9112, section 6.3: a response to HEAD, and any 1xx, 204 or 304
response, has no body whatever its header fields say; otherwise `Content-Length` gives the
length of the body in bytes. Raise `ValueError` when the header section has not ended yet
(no empty line), when the body is shorter than `Content-Length` says, or when a response
that needs a body length has no `Content-Length`. That last rule is this exercise's
simplification: the RFC lets such a response run until the server closes the connection,
and it also defines chunked encoding, which this exercise skips.
"""


def split_response(data: bytes, method: str = "GET") -> tuple[int, dict[str, str], bytes, bytes]:
    """Split one response off the front of `data`: (status, headers, body, rest)."""
    raise NotImplementedError("write split_response")
