"""Which TLS version and cipher suite a handshake picks, and a server that refuses TLS 1.2."""

from __future__ import annotations

import ssl
import tempfile
from pathlib import Path

from snippets.security.tls_pki.certs import issue_server_cert, make_ca
from snippets.security.tls_pki.server import handshake, https_server, server_context


def client_context(ca_file: Path, maximum: ssl.TLSVersion | None = None) -> ssl.SSLContext:
    """A verifying client that trusts `ca_file`, optionally capped at `maximum`."""
    context = ssl.create_default_context(cafile=ca_file)
    if maximum is not None:
        context.maximum_version = maximum  # an old client, simulated
    return context


def main() -> None:
    """A modern and a TLS 1.2-only client, against a 1.2+ server and a 1.3-only server."""
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        ca = make_ca()
        ca_file, _ = ca.write(folder, "ca")
        cert_file, key_file = issue_server_cert(ca).write(folder, "server")
        clients = {"modern client": client_context(ca_file),
                   "TLS 1.2-only client": client_context(ca_file, ssl.TLSVersion.TLSv1_2)}
        # --8<-- [start:servers]
        for minimum in (ssl.TLSVersion.TLSv1_2, ssl.TLSVersion.TLSv1_3):
            context = server_context(cert_file, key_file, minimum=minimum)  # [mark:minimum]
            with https_server(context) as server:
                print(f"-- server with minimum_version = {minimum.name}")
                for label, client in clients.items():
                    try:
                        version, cipher = handshake(server.port, client)
                        print(f"{label:20} -> {version}, {cipher}")
                    except ssl.SSLError as error:
                        print(f"{label:20} -> REFUSED: {error}")
            if server.refused:
                print(f"{'server log':20} -> handshake refused: {', '.join(server.refused)}")
        # --8<-- [end:servers]


if __name__ == "__main__":
    main()
