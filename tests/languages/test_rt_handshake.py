"""Mirrors snippets/languages/rt_handshake.py: the opening handshake of RFC 6455, by hand."""

from __future__ import annotations

import base64
import json
import os
import struct

from labkit.serve import serve_in_thread
from snippets.languages.rt_chat.app import create_app
from snippets.languages.rt_chat.hub import Hub
from snippets.languages.rt_chat.wire import accept_for, close_frame, open_raw, read_frame


def test_the_rfc_example_key_gives_the_rfc_accept_value() -> None:
    # RFC 6455 §1.3 works this exact example through.
    assert accept_for("dGhlIHNhbXBsZSBub25jZQ==") == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="


def test_the_server_answers_101_with_the_accept_we_compute_for_a_random_key() -> None:
    key = base64.b64encode(os.urandom(16)).decode()  # what a real client sends (§4.1)
    with serve_in_thread(create_app(Hub())) as base:
        sock, status, fields = open_raw(int(base.rsplit(":", 1)[1]), "/chat?name=t", key)
        with sock:
            headers = {name.lower(): value for name, value in fields}
            assert status == "HTTP/1.1 101 Switching Protocols"
            assert headers["upgrade"].lower() == "websocket"
            assert headers["connection"].lower() == "upgrade"
            assert headers["sec-websocket-accept"] == accept_for(key)
            _, fin, opcode, masked, payload = read_frame(sock)
            assert (fin, opcode, masked) == (True, 1, False)  # server frames are never masked
            assert json.loads(payload) == {"seq": 1, "kind": "join", "who": "t"}
            sock.sendall(close_frame(4001))
            _, _, opcode, _, payload = read_frame(sock)
            assert opcode == 8 and struct.unpack("!H", payload[:2])[0] == 4001  # echoed (§5.5.1)


def test_a_request_without_upgrade_is_not_switched() -> None:
    with serve_in_thread(create_app(Hub())) as base:
        import httpx

        response = httpx.get(f"{base}/chat", params={"name": "t"})
        assert response.status_code != 101
        assert response.status_code >= 400
