"""A client that trusts only our CA connects to a good server and refuses three bad ones.

The three certificates a verifying client must refuse: one that signs itself (anyone can
make one), one for another host name, and one that has expired. Each refusal is the
`ssl.SSLCertVerificationError` Python raises during the handshake, before any HTTP is sent.
"""

from __future__ import annotations

import ssl
import tempfile
from pathlib import Path

from snippets.security.tls_pki.certs import (
    Issued,
    expired_cert,
    issue_server_cert,
    make_ca,
    self_signed_cert,
)
from snippets.security.tls_pki.server import handshake, https_server, server_context


def try_server(issued: Issued, folder: Path, client: ssl.SSLContext) -> str:
    """Serve `issued` on 127.0.0.1, connect as `localhost`; describe what the client saw."""
    cert_file, key_file = issued.write(folder, "server")
    with https_server(server_context(cert_file, key_file)) as server:
        try:
            version, _ = handshake(server.port, client, server_hostname="localhost")
        except ssl.SSLCertVerificationError as error:  # [mark:catch]
            return f"REFUSED (verify code {error.verify_code}): {error}"
        return f"connected, {version}"


def main() -> None:
    """One good certificate and three bad ones, against the same careful client."""
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        ca = make_ca()
        ca_file, _ = ca.write(folder, "ca")
        # --8<-- [start:client]
        client = ssl.create_default_context(cafile=ca_file)  # trusts our CA, nothing else
        print("check_hostname:", client.check_hostname,
              "| verify_mode:", client.verify_mode.name)  # [mark:defaults]
        # --8<-- [end:client]
        # --8<-- [start:cases]
        cases = {
            "signed by our CA, for localhost": issue_server_cert(ca),
            "self-signed, for localhost": self_signed_cert("localhost"),
            "signed by our CA, for api.example.com": issue_server_cert(
                ca, dns_names=("api.example.com",), ips=()),
            "signed by our CA, expired 10 days ago": expired_cert(ca),
        }
        for label, issued in cases.items():
            print(f"{label}\n    -> {try_server(issued, folder, client)}")
        # --8<-- [end:cases]


if __name__ == "__main__":
    main()
