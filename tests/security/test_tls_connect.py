"""Mirrors snippets/security/tls_connect.py: uvicorn over HTTPS, a client that trusts our CA."""

from __future__ import annotations

import ssl
from pathlib import Path

import httpx
import pytest

from labkit.serve import serve_in_thread
from snippets.security.tls_connect import create_app, tls13_only
from snippets.security.tls_pki.certs import issue_server_cert, make_ca


def test_trusting_client_connects_and_stranger_is_refused(tmp_path: Path) -> None:
    ca = make_ca()
    ca_file, _ = ca.write(tmp_path, "ca")
    cert_file, key_file = issue_server_cert(ca).write(tmp_path, "server")
    with serve_in_thread(create_app(), ssl_certfile=str(cert_file), ssl_keyfile=str(key_file),
                         ssl_context_factory=tls13_only) as base:
        url = base.replace("http://", "https://") + "/hello"
        with httpx.Client(verify=ssl.create_default_context(cafile=ca_file)) as client:
            response = client.get(url)
            assert response.json() == {"message": "hello over TLS"}
            tls = response.extensions["network_stream"].get_extra_info("ssl_object")
            assert tls.version() == "TLSv1.3"
        with pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"):
            httpx.get(url)
        old = ssl.create_default_context(cafile=ca_file)
        old.maximum_version = ssl.TLSVersion.TLSv1_2
        with pytest.raises(httpx.ConnectError):
            httpx.get(url, verify=old)  # the server's minimum is TLS 1.3
        with pytest.raises(httpx.TransportError):
            httpx.get(base + "/hello")  # plain HTTP to a TLS port gets no answer
