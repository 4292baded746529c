"""Mirrors snippets/security/tls_refusals.py: self-signed, wrong name and expired are refused."""

from __future__ import annotations

import ssl
from pathlib import Path

import pytest

from snippets.security.tls_pki.certs import (
    expired_cert,
    issue_server_cert,
    make_ca,
    self_signed_cert,
)
from snippets.security.tls_pki.server import handshake, https_server, server_context
from snippets.security.tls_refusals import try_server


@pytest.fixture
def setup(tmp_path: Path) -> tuple:
    ca = make_ca()
    ca_file, _ = ca.write(tmp_path, "ca")
    return ca, ssl.create_default_context(cafile=ca_file), tmp_path


def test_good_certificate_connects_by_name_and_by_ip(setup: tuple) -> None:
    ca, client, folder = setup
    cert_file, key_file = issue_server_cert(ca).write(folder, "good")
    with https_server(server_context(cert_file, key_file)) as server:
        assert handshake(server.port, client, "localhost")[0] == "TLSv1.3"
        assert handshake(server.port, client, "127.0.0.1")[0] == "TLSv1.3"


@pytest.mark.parametrize(("make", "code", "message"), [
    (lambda ca: self_signed_cert("localhost"), 18, "self-signed certificate"),
    (lambda ca: issue_server_cert(ca, ("api.example.com",), ()), 62, "Hostname mismatch"),
    (expired_cert, 10, "certificate has expired"),
])
def test_bad_certificates_are_refused(setup: tuple, make, code: int, message: str) -> None:
    ca, client, folder = setup
    cert_file, key_file = make(ca).write(folder, "bad")
    with https_server(server_context(cert_file, key_file)) as server, \
            pytest.raises(ssl.SSLCertVerificationError) as caught:
        handshake(server.port, client, "localhost")
    assert caught.value.verify_code == code
    assert message in caught.value.verify_message


def test_try_server_reports_the_refusal(setup: tuple) -> None:
    _, client, folder = setup
    assert try_server(self_signed_cert(), folder, client).startswith("REFUSED (verify code 18)")
