"""The WebSocket protocol by hand, on a plain socket: the opening handshake and frames."""

from __future__ import annotations

import base64
import hashlib
import os
import socket
import struct

GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
"""The fixed string of RFC 6455 §1.3 and §4.2.2 that every server appends to the key."""


# --8<-- [start:accept]
def accept_for(key: str) -> str:
    """Sec-WebSocket-Accept for a Sec-WebSocket-Key: base64(SHA-1(key + GUID))."""
    digest = hashlib.sha1((key + GUID).encode("ascii"), usedforsecurity=False).digest()
    return base64.b64encode(digest).decode("ascii")
# --8<-- [end:accept]


def upgrade_request(host: str, path: str, key: str) -> bytes:
    """The client's opening handshake: an HTTP/1.1 GET asking to switch to WebSocket."""
    lines = [
        f"GET {path} HTTP/1.1",
        f"Host: {host}",
        "Upgrade: websocket",
        "Connection: Upgrade",
        f"Sec-WebSocket-Key: {key}",
        "Sec-WebSocket-Version: 13",
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("ascii")


def read_head(sock: socket.socket) -> tuple[str, list[tuple[str, str]]]:
    """Read the server's response up to the empty line: the status line and the fields."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(1)  # one byte at a time, so no frame byte is read by mistake
        if not chunk:
            raise ConnectionError("the server closed the connection during the handshake")
        data += chunk
    status, *fields = data.decode("latin-1").split("\r\n")[:-2]
    return status, [(name, value.strip()) for name, _, value in (f.partition(":") for f in fields)]


def open_raw(port: int, path: str, key: str) -> tuple[socket.socket, str, list[tuple[str, str]]]:
    """Connect to 127.0.0.1:`port` and do the opening handshake; return the socket and reply."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    sock.sendall(upgrade_request(f"127.0.0.1:{port}", path, key))
    status, fields = read_head(sock)
    return sock, status, fields


def recv_exactly(sock: socket.socket, size: int) -> bytes:
    """Read exactly `size` bytes."""
    data = b""
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            raise ConnectionError("connection closed in the middle of a frame")
        data += chunk
    return data


# --8<-- [start:frame]
def read_frame(sock: socket.socket) -> tuple[bytes, bool, int, bool, bytes]:
    """Read one server frame: (its first bytes, FIN, opcode, MASK, payload) - RFC 6455 §5.2."""
    head = recv_exactly(sock, 2)
    fin, opcode = bool(head[0] & 0x80), head[0] & 0x0F
    masked, length = bool(head[1] & 0x80), head[1] & 0x7F
    if length == 126:
        head += recv_exactly(sock, 2)
        length = struct.unpack("!H", head[2:])[0]
    elif length == 127:
        head += recv_exactly(sock, 8)
        length = struct.unpack("!Q", head[2:])[0]
    return head, fin, opcode, masked, recv_exactly(sock, length)
# --8<-- [end:frame]


def close_frame(code: int) -> bytes:
    """A client Close frame: FIN + opcode 8, masked with a fresh random key (§5.3)."""
    payload = struct.pack("!H", code)
    mask = os.urandom(4)
    masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
    return bytes([0x88, 0x80 | len(payload)]) + mask + masked
