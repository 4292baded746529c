"""The WebSocket opening handshake and first frames, sent and read by hand on a plain socket."""

from __future__ import annotations

import json
import struct

from labkit.serve import serve_in_thread
from snippets.languages.rt_chat.app import create_app
from snippets.languages.rt_chat.hub import Hub
from snippets.languages.rt_chat.wire import (
    accept_for,
    close_frame,
    open_raw,
    read_frame,
    upgrade_request,
)

DEPENDS = ("rt_chat/",)  # the shared chat server and clients

RFC_KEY = "dGhlIHNhbXBsZSBub25jZQ=="  # the sample key of RFC 6455 §1.3
RFC_ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="  # the answer the RFC prints for it
OPCODES = {1: "text", 2: "binary", 8: "close", 9: "ping", 10: "pong"}


def show_frame(label: str, head: bytes, fin: bool, opcode: int, masked: bool) -> None:
    """Print a frame's header bytes and what they mean."""
    print(f"{label}: header bytes {head.hex(' ')} -> FIN={int(fin)} "
          f"opcode={opcode} ({OPCODES[opcode]}) MASK={int(masked)}")


def main() -> None:
    """Upgrade a connection by hand, check the accept value, read a text frame, close."""
    with serve_in_thread(create_app(Hub())) as base:
        port = int(base.rsplit(":", 1)[1])
        # --8<-- [start:upgrade]
        request = upgrade_request("127.0.0.1:<port>", "/chat?name=raw", RFC_KEY)
        print(request.decode("ascii").rstrip())  # what open_raw sends (with the real port)
        print()
        sock, status, fields = open_raw(port, "/chat?name=raw", RFC_KEY)
        print(status)
        for name, value in fields:
            print(f"{name}: {value}" if name.lower() != "date" else f"{name}: <now>")
        # --8<-- [end:upgrade]
        print()
        # --8<-- [start:check]
        received = dict((name.lower(), value) for name, value in fields)["sec-websocket-accept"]
        mine = accept_for(RFC_KEY)
        print(f"base64(SHA-1(key + GUID)) = {mine}")
        print(f"the server sent             {received}  same: {mine == received}")
        print(f"RFC 6455 §1.3 prints        {RFC_ACCEPT}  same: {mine == RFC_ACCEPT}")
        # --8<-- [end:check]
        print()
        with sock:
            # --8<-- [start:frames]
            head, fin, opcode, masked, payload = read_frame(sock)
            show_frame("server frame", head, fin, opcode, masked)
            print(f"  payload ({len(payload)} bytes): {json.loads(payload)}")
            sock.sendall(close_frame(1000))  # masked, as every client frame must be
            head, fin, opcode, masked, payload = read_frame(sock)
            show_frame("server reply", head, fin, opcode, masked)
            print(f"  payload: status code {struct.unpack('!H', payload[:2])[0]}")
            # --8<-- [end:frames]


if __name__ == "__main__":
    main()
