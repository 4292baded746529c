"""A small HTTPS server on 127.0.0.1 from the standard library: `http.server` plus `ssl`.

Each connection's TLS handshake runs in its own thread, so a client that fails the
handshake never blocks the others; the server keeps the reason for every refused
handshake in `server.refused`.
"""

from __future__ import annotations

import socket
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


class HelloHandler(BaseHTTPRequestHandler):
    """Answer every GET with one line of text."""

    def do_GET(self) -> None:
        """Send 200 and a greeting."""
        body = b"hello over TLS\n"
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        """Keep the request log quiet."""


class TLSServer(ThreadingHTTPServer):
    """An HTTP server on 127.0.0.1 that wraps every accepted connection in TLS."""

    def __init__(self, context: ssl.SSLContext,
                 handler: type[BaseHTTPRequestHandler] = HelloHandler) -> None:
        super().__init__(("127.0.0.1", 0), handler)
        self.context = context
        self.refused: list[str] = []

    @property
    def port(self) -> int:
        """The port the server listens on."""
        return self.server_address[1]

    def finish_request(self, request: Any, client_address: Any) -> None:
        """Run the TLS handshake, then let the handler read the HTTP request."""
        request.settimeout(5)
        try:
            conn = self.context.wrap_socket(request, server_side=True)
        except (ssl.SSLError, OSError) as error:
            self.refused.append(getattr(error, "reason", None) or type(error).__name__)
            return
        try:
            self.RequestHandlerClass(conn, client_address, self)
        finally:
            conn.close()


def server_context(cert_file: Path, key_file: Path,
                   minimum: ssl.TLSVersion = ssl.TLSVersion.TLSv1_2) -> ssl.SSLContext:
    """A server-side context that presents `cert_file` and speaks `minimum` or newer."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = minimum
    context.load_cert_chain(cert_file, key_file)
    return context


@contextmanager
def https_server(context: ssl.SSLContext,
                 handler: type[BaseHTTPRequestHandler] = HelloHandler) -> Iterator[TLSServer]:
    """Serve HTTPS on 127.0.0.1 in a background thread until the block ends."""
    server = TLSServer(context, handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def handshake(port: int, context: ssl.SSLContext,
                server_hostname: str = "localhost") -> tuple[str, str]:
    """Connect to 127.0.0.1:`port`, verify as `context` says; return (TLS version, cipher)."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as raw, \
            context.wrap_socket(raw, server_hostname=server_hostname) as tls:
        version, cipher = tls.version(), tls.cipher()
        if version is None or cipher is None:  # both are set once the handshake is done
            raise ssl.SSLError("the TLS handshake did not complete")
        return version, cipher[0]
