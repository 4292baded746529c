"""Answer a WebSocket opening handshake.

A server receives an HTTP/1.1 request and must decide whether it is a valid WebSocket
opening handshake (RFC 6455, section 4.2.1) before it switches protocols. Write
`answer_upgrade(method, headers)`; `headers` maps lower-case field names to their values.
Return a tuple `(status, response_headers)`:

- `(101, {"Upgrade": "websocket", "Connection": "Upgrade", "Sec-WebSocket-Accept": ...})`
  when the request is valid: the method is GET; `upgrade` holds the token `websocket`;
  `connection` holds the token `upgrade` (both case-insensitive, and both fields may list
  several comma-separated tokens, e.g. `keep-alive, Upgrade`); `sec-websocket-key` is base64
  that decodes to exactly 16 bytes; and `sec-websocket-version` is `13`. The accept value
  is base64(SHA-1(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")) (section 4.2.2).
- `(426, {"Sec-WebSocket-Version": "13"})` when the request is valid except for a version
  other than 13: tell the client which version you speak (section 4.2.2).
- `(400, {})` for anything else that is not a valid handshake.
"""


def answer_upgrade(method: str, headers: dict[str, str]) -> tuple[int, dict[str, str]]:
    """Return the status and header fields of the server's answer to this request."""
    raise NotImplementedError("write answer_upgrade")
