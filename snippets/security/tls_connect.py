"""Serve a FastAPI app over HTTPS with uvicorn (TLS 1.3 minimum), and call it with httpx."""

from __future__ import annotations

import ssl
import tempfile
from collections.abc import Callable
from pathlib import Path

import httpx
from fastapi import FastAPI
from uvicorn import Config

from labkit.serve import serve_in_thread
from snippets.security.tls_pki.certs import issue_server_cert, make_ca


def create_app() -> FastAPI:
    """A one-endpoint API; the encryption is uvicorn's job, not the app's."""
    app = FastAPI()

    @app.get("/hello")
    def hello() -> dict[str, str]:
        return {"message": "hello over TLS"}

    return app


# --8<-- [start:factory]
def tls13_only(config: Config, default_factory: Callable[[], ssl.SSLContext]) -> ssl.SSLContext:
    """uvicorn's context (certificate and key loaded), with TLS 1.3 as the minimum."""
    context = default_factory()
    context.minimum_version = ssl.TLSVersion.TLSv1_3  # [mark:min]
    return context
# --8<-- [end:factory]


def main() -> None:
    """Start uvicorn with a certificate, connect with and without trusting its CA."""
    with tempfile.TemporaryDirectory() as folder:
        ca = make_ca()
        ca_file, _ = ca.write(Path(folder), "ca")
        cert_file, key_file = issue_server_cert(ca).write(Path(folder), "server")
        # --8<-- [start:serve]
        tls = {"ssl_certfile": str(cert_file), "ssl_keyfile": str(key_file),  # [mark:uvicorn]
               "ssl_context_factory": tls13_only}
        with serve_in_thread(create_app(), **tls) as base:
            url = base.replace("http://", "https://") + "/hello"
            # --8<-- [end:serve]
            # --8<-- [start:trust]
            trusting = ssl.create_default_context(cafile=ca_file)  # [mark:cafile]
            with httpx.Client(verify=trusting) as client:
                response = client.get(url)
                tls_object = response.extensions["network_stream"].get_extra_info("ssl_object")
                print("GET https://127.0.0.1:<port>/hello")  # the port changes every run
                print("->", response.status_code, response.json())
                print("TLS version:", tls_object.version())
                print("cipher suite:", tls_object.cipher()[0])
                print("server certificate for:", tls_object.getpeercert()["subjectAltName"])
            # --8<-- [end:trust]
            # --8<-- [start:default]
            with httpx.Client() as stranger:  # trusts the public CAs only
                try:
                    stranger.get(url)
                except httpx.ConnectError as error:
                    print("client without our CA -> refused:", error)
            old = ssl.create_default_context(cafile=ca_file)
            old.maximum_version = ssl.TLSVersion.TLSv1_2  # a client stuck on TLS 1.2
            try:
                httpx.get(url, verify=old)
            except httpx.ConnectError as error:
                print("TLS 1.2-only client -> refused:", error)
            # --8<-- [end:default]
        print("client's OpenSSL:", ssl.OPENSSL_VERSION)


if __name__ == "__main__":
    main()
