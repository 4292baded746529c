"""Answer a WebSocket opening handshake (reference solution)."""

import base64
import binascii
import hashlib

GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


def tokens(value: str) -> set[str]:
    """The comma-separated tokens of a header field, lower-cased."""
    return {token.strip().lower() for token in value.split(",") if token.strip()}


def key_is_valid(key: str) -> bool:
    """A key is base64 for exactly 16 bytes."""
    try:
        return len(base64.b64decode(key, validate=True)) == 16
    except (binascii.Error, ValueError):
        return False


def answer_upgrade(method: str, headers: dict[str, str]) -> tuple[int, dict[str, str]]:
    """Return the status and header fields of the server's answer to this request."""
    key = headers.get("sec-websocket-key", "").strip()
    valid = (
        method == "GET"
        and "websocket" in tokens(headers.get("upgrade", ""))
        and "upgrade" in tokens(headers.get("connection", ""))
        and key_is_valid(key)
        and "sec-websocket-version" in headers
    )
    if not valid:
        return 400, {}
    if headers["sec-websocket-version"].strip() != "13":
        return 426, {"Sec-WebSocket-Version": "13"}
    digest = hashlib.sha1((key + GUID).encode("ascii"), usedforsecurity=False).digest()
    accept = base64.b64encode(digest).decode("ascii")
    return 101, {"Upgrade": "websocket", "Connection": "Upgrade", "Sec-WebSocket-Accept": accept}
