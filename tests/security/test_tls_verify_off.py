"""Mirrors snippets/security/tls_verify_off.py: verify=False lets the attacker in; the fix not."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from snippets.security.tls_pki.certs import issue_server_cert, make_ca, self_signed_cert
from snippets.security.tls_pki.server import https_server, server_context
from snippets.security.tls_verify_off import (
    INVOICE,
    api_handler,
    attacker_handler,
    fetch_invoice,
    fetch_invoice_vulnerable,
)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[dict]:
    token = secrets.token_urlsafe(16)
    ca = make_ca()
    ca_file, _ = ca.write(tmp_path, "ca")
    loot: list[str] = []
    real = server_context(*issue_server_cert(ca).write(tmp_path, "api"))
    fake = server_context(*self_signed_cert().write(tmp_path, "attacker"))
    with https_server(real, api_handler(token)) as api, https_server(
            fake, attacker_handler(f"https://127.0.0.1:{api.port}", ca_file, loot)) as mitm:
        yield {"token": token, "ca": ca_file, "loot": loot,
               "api": f"https://localhost:{api.port}/invoices/7",
               "mitm": f"https://localhost:{mitm.port}/invoices/7"}


def test_attack_works_on_the_vulnerable_client(world: dict) -> None:
    invoice = fetch_invoice_vulnerable(world["mitm"], world["token"])
    assert invoice["iban"] != INVOICE["iban"]  # rewritten in transit
    assert world["loot"] == [f"Bearer {world['token']}"]  # and the token stolen


def test_attack_fails_on_the_verifying_client(world: dict) -> None:
    with pytest.raises(httpx.ConnectError, match="self-signed certificate"):
        fetch_invoice(world["mitm"], world["token"], world["ca"])
    assert world["loot"] == []  # refused before a single header was sent
    assert fetch_invoice(world["api"], world["token"], world["ca"]) == INVOICE
