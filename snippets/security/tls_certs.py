"""Make a certificate authority and a server certificate for localhost, and check the chain.

Everything is generated at run time with `cryptography` and written only to a temporary
folder: nothing here is a real secret, and nothing outlives the run.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from cryptography import x509
from cryptography.x509.oid import ExtendedKeyUsageOID
from cryptography.x509.verification import PolicyBuilder, Store, VerificationError

from snippets.security.tls_pki.certs import issue_server_cert, make_ca

EKU_NAMES = {ExtendedKeyUsageOID.SERVER_AUTH: "serverAuth", ExtendedKeyUsageOID.CLIENT_AUTH:
             "clientAuth"}


def describe(cert: x509.Certificate) -> list[str]:
    """The fields of `cert` that decide what it may be used for, one per line."""
    ext = cert.extensions
    constraints = ext.get_extension_for_class(x509.BasicConstraints)
    usage = ext.get_extension_for_class(x509.KeyUsage)
    allowed = [name for name in ("digital_signature", "key_cert_sign", "crl_sign")
               if getattr(usage.value, name)]
    lines = [
        f"subject:    {cert.subject.rfc4514_string()}",
        f"issuer:     {cert.issuer.rfc4514_string()}",
        f"valid for:  {(cert.not_valid_after_utc - cert.not_valid_before_utc).days} days",
        f"basic constraints (critical={constraints.critical}): ca={constraints.value.ca}, "
        f"path_length={constraints.value.path_length}",
        f"key usage (critical={usage.critical}): {', '.join(allowed)}",
    ]
    try:
        eku = ext.get_extension_for_class(x509.ExtendedKeyUsage).value
        names = [EKU_NAMES.get(oid, oid.dotted_string) for oid in eku]
        lines.append(f"extended key usage: {', '.join(names)}")
        san = ext.get_extension_for_class(x509.SubjectAlternativeName).value
        dns = san.get_values_for_type(x509.DNSName)
        ips = [str(ip) for ip in san.get_values_for_type(x509.IPAddress)]
        lines.append(f"subject alt names: DNS:{', DNS:'.join(dns)}, IP:{', IP:'.join(ips)}")
    except x509.ExtensionNotFound:
        pass  # the CA has neither: it is nobody's server
    return lines


def main() -> None:
    """Issue the two certificates, show them, write them to a temp folder, verify the chain."""
    # --8<-- [start:issue]
    ca = make_ca()
    server = issue_server_cert(ca, dns_names=("localhost",), ips=("127.0.0.1",))
    for label, issued in (("CA certificate", ca), ("server certificate", server)):
        print(f"-- {label}")
        print("\n".join(describe(issued.cert)))
    # --8<-- [end:issue]

    # --8<-- [start:write]
    with tempfile.TemporaryDirectory() as folder:
        ca_file, _ = ca.write(Path(folder), "ca")
        cert_file, key_file = server.write(Path(folder), "server")
        print("-- written to a temp folder:", ", ".join(p.name for p in (ca_file, cert_file,
                                                                         key_file)))
        print(f"server.key mode: {oct(key_file.stat().st_mode & 0o777)}, "
              f"begins {key_file.read_text().splitlines()[0]!r}")
    # --8<-- [end:write]

    # --8<-- [start:verify]
    store = Store([ca.cert])  # the only root this verifier trusts
    for host in ("localhost", "api.example.com"):
        verifier = PolicyBuilder().store(store).build_server_verifier(x509.DNSName(host))
        try:
            chain = verifier.verify(server.cert, [])
            print(f"verify for {host}: ok, chain = "
                  + " -> ".join(c.subject.rfc4514_string() for c in chain))
        except VerificationError as error:
            reason = str(error).split(" (encountered")[0]  # drop the certificate's repr
            print(f"verify for {host}: refused: {reason}")
    # --8<-- [end:verify]


if __name__ == "__main__":
    main()
