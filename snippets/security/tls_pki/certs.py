"""A throwaway certificate authority and the certificates it issues, made at run time.

Keys are ECDSA P-256, generated fresh on every run and written only to a temporary folder.
The extensions follow the RFC 5280 profile: a CA certificate says `cA=TRUE` and may only sign
certificates and CRLs; a server certificate says `cA=FALSE`, may only sign handshakes, is
for `serverAuth`, and names its host in the subjectAltName.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

Key = ec.EllipticCurvePrivateKey


@dataclass(frozen=True)
class Issued:
    """A certificate and its private key."""

    cert: x509.Certificate
    key: Key

    def write(self, folder: Path, name: str) -> tuple[Path, Path]:
        """Write `<name>.pem` (certificate) and `<name>.key` (private key) into `folder`."""
        cert_file, key_file = folder / f"{name}.pem", folder / f"{name}.key"
        cert_file.write_bytes(self.cert.public_bytes(serialization.Encoding.PEM))
        key_file.write_bytes(self.key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption()))  # a demo key in a temp folder; real keys stay in a vault
        key_file.chmod(0o600)
        return cert_file, key_file


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _name(common_name: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Backend Skills Lab"),
                      x509.NameAttribute(NameOID.COMMON_NAME, common_name)])


# --8<-- [start:ca]
def make_ca(common_name: str = "Lab Root CA", days: int = 365) -> Issued:
    """A self-signed root CA that may sign server certificates, and nothing else."""
    key = ec.generate_private_key(ec.SECP256R1())
    now = _now()
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name(common_name))
        .issuer_name(_name(common_name))  # a root signs itself
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)  # [mark:ca]
        .add_extension(x509.KeyUsage(  # [mark:ca-usage]
            digital_signature=False, content_commitment=False, key_encipherment=False,
            data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
            encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                       critical=False)
        .sign(key, hashes.SHA256())
    )
    return Issued(cert, key)
# --8<-- [end:ca]


# --8<-- [start:leaf]
def issue_server_cert(
    ca: Issued | None,
    dns_names: tuple[str, ...] = ("localhost",),
    ips: tuple[str, ...] = ("127.0.0.1",),
    *,
    valid_from: dt.datetime | None = None,
    days: int = 90,
) -> Issued:
    """A server certificate for `dns_names` and `ips`, signed by `ca` (None: by itself)."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = _name(dns_names[0])
    issuer_name, issuer_key = (ca.cert.subject, ca.key) if ca else (subject, key)
    start = valid_from or _now() - dt.timedelta(minutes=5)
    names: list[x509.GeneralName] = [x509.DNSName(name) for name in dns_names]
    names += [x509.IPAddress(ipaddress.ip_address(ip)) for ip in ips]
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + dt.timedelta(days=days))
        .add_extension(x509.SubjectAlternativeName(names), critical=False)  # [mark:san]
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(  # [mark:usage]
            digital_signature=True, content_commitment=False, key_encipherment=False,
            data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
            encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]),
                       critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                       critical=False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
            issuer_key.public_key()), critical=False)
        .sign(issuer_key, hashes.SHA256())  # [mark:sign]
    )
    return Issued(cert, key)
# --8<-- [end:leaf]


def self_signed_cert(dns_name: str = "localhost", ip: str = "127.0.0.1") -> Issued:
    """A certificate for `dns_name` that signs itself: what an attacker can always make."""
    return issue_server_cert(None, (dns_name,), (ip,))


def expired_cert(ca: Issued) -> Issued:
    """A certificate for localhost, signed by `ca`, that expired ten days ago."""
    start = _now() - dt.timedelta(days=100)
    return issue_server_cert(ca, valid_from=start, days=90)
