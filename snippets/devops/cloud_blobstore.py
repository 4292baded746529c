"""Covers in object storage: a local backend in a temp folder, and signed links over HTTP."""

from __future__ import annotations

import tempfile
from pathlib import Path

import httpx
from fastapi import FastAPI, Request, Response

from labkit.clock import FakeClock
from labkit.serve import serve_in_thread
from snippets.devops.cloud_kit.blobstore import (
    BlobNotFound,
    BlobStore,
    LocalBlobStore,
    SignatureInvalid,
    Signer,
)
from snippets.devops.cloud_kit.contract import START


# --8<-- [start:gateway]
def storage_gateway(store: BlobStore, signer: Signer) -> FastAPI:
    """What the storage service does with a signed link: check it, then read or write."""
    app = FastAPI()

    @app.api_route("/blobs/{key:path}", methods=["GET", "PUT"])
    async def blob(key: str, request: Request) -> Response:
        try:
            granted = signer.verify(request.method, str(request.url))
        except SignatureInvalid as refused:
            return Response(f"{refused}\n", status_code=403)
        if request.method == "PUT":
            info = store.put(granted, await request.body())
            return Response(status_code=200, headers={"ETag": info.etag})
        try:
            return Response(store.get(granted), media_type="image/jpeg")
        except BlobNotFound:
            return Response("no such object\n", status_code=404)

    return app
# --8<-- [end:gateway]


def main() -> None:
    """Upload and download a cover through signed links; try to abuse them."""
    clock = FakeClock(START)
    signer = Signer(b"signing-key-from-the-secret-store", clock)
    with tempfile.TemporaryDirectory() as folder:
        # --8<-- [start:use]
        store = LocalBlobStore(Path(folder) / "blobs", signer)
        store.put("covers/ubik.jpg", b"\xff\xd8 ubik cover")
        store.put("imports/2026-01.csv", b"title,author,year,isbn\n")
        print("keys:", store.list())
        print("covers:", store.list("covers/"))
        upload = store.signed_url("covers/dune.jpg", expires_in=300, method="PUT")
        download = store.signed_url("covers/dune.jpg", expires_in=300)
        print("download link:", download)
        # --8<-- [end:use]
        # --8<-- [start:http]
        with serve_in_thread(storage_gateway(store, signer)) as base, \
                httpx.Client(base_url=base) as client:
            def show(method: str, link: str, label: str, body: bytes | None = None) -> None:
                response = client.request(method, link, content=body)
                said = (response.text.strip() if response.status_code >= 400
                        else f"{len(response.content)} bytes")
                print(f"{method:<4}{label:<31}-> {response.status_code} {said}")

            show("PUT", upload, "upload link", b"\xff\xd8 dune cover")
            show("GET", download, "download link")
            show("PUT", download, "download link used to upload", b"x")
            show("GET", download.replace("dune", "ubik"), "key edited to another cover")
            clock.now += 301  # five minutes and one second later
            show("GET", download, "same link, expired")
        # --8<-- [end:http]
        print("stored:", store.get("covers/dune.jpg"))
        print("files on disk:", sorted(p.relative_to(folder).as_posix()
                                       for p in Path(folder).rglob("*") if p.is_file()))


if __name__ == "__main__":
    main()
