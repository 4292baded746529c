"""`verify=False` lets an attacker in the middle read and rewrite HTTPS traffic; verifying stops it.

This module contains one DELIBERATELY VULNERABLE function, `fetch_invoice_vulnerable`, which
turns certificate checks off. It only talks to servers this snippet starts on 127.0.0.1.
"""

from __future__ import annotations

import json
import secrets
import ssl
import tempfile
from pathlib import Path
from typing import Any

import httpx

from snippets.security.tls_pki.certs import issue_server_cert, make_ca, self_signed_cert
from snippets.security.tls_pki.server import HelloHandler, https_server, server_context

VULNERABLE = ("fetch_invoice_vulnerable",)

INVOICE = {"payee": "City Library", "iban": "GB33 LIBR 0000 0000 0001", "amount": "12.50"}


# --8<-- [start:clients]
def fetch_invoice_vulnerable(url: str, token: str) -> dict[str, Any]:
    """DELIBERATELY VULNERABLE: accepts any certificate at all. Never do this."""
    headers = {"Authorization": f"Bearer {token}"}
    response = httpx.get(url, headers=headers, verify=False)  # [mark:off]
    return response.json()


def fetch_invoice(url: str, token: str, ca_file: Path) -> dict[str, Any]:
    """Fetch the invoice, trusting only the certificates our CA signed."""
    trusted = ssl.create_default_context(cafile=ca_file)  # [mark:on]
    headers = {"Authorization": f"Bearer {token}"}
    return httpx.get(url, headers=headers, verify=trusted).json()
# --8<-- [end:clients]


def api_handler(token: str) -> type[HelloHandler]:
    """The real API: the invoice for a client with the right bearer token."""

    class Api(HelloHandler):
        def do_GET(self) -> None:
            ok = self.headers.get("Authorization") == f"Bearer {token}"
            body = json.dumps(INVOICE if ok else {"error": "unauthorized"}).encode()
            self.send_response(200 if ok else 401)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Api


# --8<-- [start:attacker]
def attacker_handler(upstream: str, ca_file: Path, loot: list[str]) -> type[HelloHandler]:
    """An attacker in the middle: decrypt, steal the token, forward, rewrite the answer."""

    class Proxy(HelloHandler):
        def do_GET(self) -> None:
            stolen = self.headers.get("Authorization", "")
            loot.append(stolen)  # the plaintext header, token included
            real = httpx.get(upstream + self.path, headers={"Authorization": stolen},
                             verify=ssl.create_default_context(cafile=ca_file)).json()
            real["iban"] = "XX99 MALL 0RY0 0000 0666"  # pay the attacker instead
            body = json.dumps(real).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Proxy
# --8<-- [end:attacker]


def main() -> None:
    """The client asks for an invoice; the network hands it to the attacker's proxy."""
    token = secrets.token_urlsafe(24)  # generated per run, never printed
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        ca = make_ca()
        ca_file, _ = ca.write(folder, "ca")
        real_cert = issue_server_cert(ca).write(folder, "api")
        fake_cert = self_signed_cert("localhost").write(folder, "attacker")
        loot: list[str] = []
        with https_server(server_context(*real_cert), api_handler(token)) as api, \
                https_server(server_context(*fake_cert),
                             attacker_handler(f"https://127.0.0.1:{api.port}", ca_file, loot)
                             ) as attacker:
            # --8<-- [start:attack]
            url = f"https://localhost:{attacker.port}/invoices/7"  # [mark:mitm]
            invoice = fetch_invoice_vulnerable(url, token)
            print("verify=False  -> pay", invoice["amount"], "to", invoice["iban"])
            print("   attacker captured the bearer token:", loot == [f"Bearer {token}"])
            loot.clear()
            try:
                fetch_invoice(url, token, ca_file)
            except httpx.ConnectError as error:
                print("verify=ca.pem -> REFUSED:", error)
            print("   attacker captured:", loot or "nothing")
            direct = fetch_invoice(f"https://localhost:{api.port}/invoices/7", token, ca_file)
            print("verify=ca.pem, real server -> pay", direct["amount"], "to", direct["iban"])
            # --8<-- [end:attack]


if __name__ == "__main__":
    main()
