"""Mirrors snippets/security/tls_versions.py: negotiated version and a TLS 1.3 minimum."""

from __future__ import annotations

import ssl
from pathlib import Path

import pytest

from snippets.security.tls_pki.certs import issue_server_cert, make_ca
from snippets.security.tls_pki.server import handshake, https_server, server_context
from snippets.security.tls_versions import client_context


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path, Path]:
    ca = make_ca()
    ca_file, _ = ca.write(tmp_path, "ca")
    cert_file, key_file = issue_server_cert(ca).write(tmp_path, "server")
    return ca_file, cert_file, key_file


def test_version_and_cipher_are_stable(files: tuple[Path, Path, Path]) -> None:
    ca_file, cert_file, key_file = files
    with https_server(server_context(cert_file, key_file)) as server:
        first = handshake(server.port, client_context(ca_file))
        second = handshake(server.port, client_context(ca_file))
        old = handshake(server.port, client_context(ca_file, ssl.TLSVersion.TLSv1_2))
    assert first == second and first[0] == "TLSv1.3" and first[1].startswith("TLS_AES_")
    assert old[0] == "TLSv1.2" and old[1].startswith("ECDHE-")  # forward secrecy in 1.2 too


def test_tls13_minimum_refuses_a_tls12_client(files: tuple[Path, Path, Path]) -> None:
    ca_file, cert_file, key_file = files
    context = server_context(cert_file, key_file, minimum=ssl.TLSVersion.TLSv1_3)
    with https_server(context) as server:
        with pytest.raises(ssl.SSLError, match="PROTOCOL_VERSION"):
            handshake(server.port, client_context(ca_file, ssl.TLSVersion.TLSv1_2))
        assert handshake(server.port, client_context(ca_file))[0] == "TLSv1.3"
    assert server.refused == ["UNSUPPORTED_PROTOCOL"]
