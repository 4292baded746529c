"""Mirrors snippets/security/tls_certs.py and tls_pki/certs.py: the CA and server certificate."""

from __future__ import annotations

import ipaddress
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.x509.oid import ExtendedKeyUsageOID
from cryptography.x509.verification import PolicyBuilder, Store, VerificationError

from snippets.security.tls_certs import describe
from snippets.security.tls_pki.certs import expired_cert, issue_server_cert, make_ca


def test_ca_may_sign_certificates_and_nothing_else() -> None:
    ca = make_ca().cert
    constraints = ca.extensions.get_extension_for_class(x509.BasicConstraints)
    usage = ca.extensions.get_extension_for_class(x509.KeyUsage)
    assert constraints.critical and constraints.value.ca and constraints.value.path_length == 0
    assert usage.critical and usage.value.key_cert_sign and usage.value.crl_sign
    assert not usage.value.digital_signature
    assert ca.issuer == ca.subject


def test_server_cert_names_localhost_and_loopback() -> None:
    ca = make_ca()
    cert = issue_server_cert(ca).cert
    san = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    assert san.get_values_for_type(x509.DNSName) == ["localhost"]
    assert san.get_values_for_type(x509.IPAddress) == [ipaddress.ip_address("127.0.0.1")]
    assert not cert.extensions.get_extension_for_class(x509.BasicConstraints).value.ca
    usage = cert.extensions.get_extension_for_class(x509.KeyUsage)
    assert usage.critical and usage.value.digital_signature and not usage.value.key_cert_sign
    eku = cert.extensions.get_extension_for_class(x509.ExtendedKeyUsage).value
    assert list(eku) == [ExtendedKeyUsageOID.SERVER_AUTH]
    assert cert.issuer == ca.cert.subject
    assert any("subject alt names: DNS:localhost, IP:127.0.0.1" in line for line in describe(cert))


def test_strict_rfc5280_verifier_accepts_the_chain_for_localhost_only() -> None:
    ca = make_ca()
    store = Store([ca.cert])
    good = issue_server_cert(ca).cert
    verifier = PolicyBuilder().store(store).build_server_verifier(x509.DNSName("localhost"))
    assert verifier.verify(good, [])[-1] == ca.cert
    ip_verifier = PolicyBuilder().store(store).build_server_verifier(
        x509.IPAddress(ipaddress.ip_address("127.0.0.1")))
    assert ip_verifier.verify(good, [])[-1] == ca.cert
    other = PolicyBuilder().store(store).build_server_verifier(x509.DNSName("api.example.com"))
    with pytest.raises(VerificationError):
        other.verify(good, [])
    with pytest.raises(VerificationError):
        verifier.verify(expired_cert(ca).cert, [])


def test_private_key_is_written_readable_by_owner_only(tmp_path: Path) -> None:
    _, key_file = make_ca().write(tmp_path, "ca")
    assert key_file.stat().st_mode & 0o777 == 0o600
