"""Hidden checks for the rt_upgrade exercise."""

from types import ModuleType

RFC_KEY = "dGhlIHNhbXBsZSBub25jZQ=="


def handshake(**changes: str) -> dict[str, str]:
    """A valid opening handshake, with some fields changed (an empty value removes one)."""
    headers = {
        "host": "chat.example", "upgrade": "websocket", "connection": "Upgrade",
        "sec-websocket-key": RFC_KEY, "sec-websocket-version": "13",
    }
    for name, value in changes.items():
        name = name.replace("_", "-")
        if value:
            headers[name] = value
        else:
            headers.pop(name, None)
    return headers


def check_the_rfc_example(module: ModuleType) -> None:
    """The example of RFC 6455 §1.3 gets 101 and the accept value the RFC prints."""
    status, headers = module.answer_upgrade("GET", handshake())
    assert status == 101, f"a valid handshake gets 101, got {status}"
    assert headers.get("Sec-WebSocket-Accept") == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=", (
        f"the accept value should be base64(SHA-1(key + GUID)), got {headers!r}")
    assert headers.get("Upgrade", "").lower() == "websocket", "say Upgrade: websocket"
    assert headers.get("Connection", "").lower() == "upgrade", "say Connection: Upgrade"


def check_token_lists_and_case(module: ModuleType) -> None:
    """`Connection: keep-alive, Upgrade` and `Upgrade: WebSocket` are valid (browsers send them)."""
    status, _ = module.answer_upgrade(
        "GET", handshake(connection="keep-alive, Upgrade", upgrade="WebSocket"))
    assert status == 101, (
        f"Connection is a comma-separated list and tokens ignore case; got {status}")


def check_not_a_handshake(module: ModuleType) -> None:
    """POST, a missing field, or another protocol in Upgrade: 400."""
    cases = {
        "POST instead of GET": ("POST", handshake()),
        "no Upgrade field": ("GET", handshake(upgrade="")),
        "Upgrade: h2c": ("GET", handshake(upgrade="h2c")),
        "Connection: keep-alive only": ("GET", handshake(connection="keep-alive")),
        "no key": ("GET", handshake(sec_websocket_key="")),
        "no version": ("GET", handshake(sec_websocket_version="")),
    }
    for label, (method, headers) in cases.items():
        status, _ = module.answer_upgrade(method, headers)
        assert status == 400, f"{label}: expected 400, got {status}"


def check_the_key_must_be_16_bytes_of_base64(module: ModuleType) -> None:
    """A key of 12 bytes, or text that is not base64, is refused with 400."""
    for key in ("AAAAAAAAAAAAAAAA", "not base64 at all!", "dGhlIHNhbXBsZSBub25jZQ"):
        status, _ = module.answer_upgrade("GET", handshake(sec_websocket_key=key))
        assert status == 400, f"key {key!r} does not decode to 16 bytes: expected 400, got {status}"


def check_an_unknown_version_gets_426(module: ModuleType) -> None:
    """Version 8: 426, naming the version the server speaks."""
    status, headers = module.answer_upgrade("GET", handshake(sec_websocket_version="8"))
    assert status == 426, f"an unsupported version gets 426 Upgrade Required, got {status}"
    assert headers.get("Sec-WebSocket-Version") == "13", (
        f"tell the client which version you support, got {headers!r}")
