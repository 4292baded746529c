"""Mirrors snippets/devops/cloud_blobstore.py: signed links work once, for one key and method."""

from __future__ import annotations

from pathlib import Path

import httpx

from labkit.clock import FakeClock
from labkit.serve import serve_in_thread
from snippets.devops.cloud_blobstore import storage_gateway
from snippets.devops.cloud_kit.blobstore import LocalBlobStore, Signer
from snippets.devops.cloud_kit.contract import START


def test_signed_links_over_http(tmp_path: Path) -> None:
    clock = FakeClock(START)
    signer = Signer(b"k", clock)
    store = LocalBlobStore(tmp_path / "blobs", signer)
    upload = store.signed_url("covers/a b.jpg", expires_in=60, method="PUT")
    download = store.signed_url("covers/a b.jpg", expires_in=60)
    with serve_in_thread(storage_gateway(store, signer)) as base, \
            httpx.Client(base_url=base) as client:
        assert client.get(download).status_code == 404  # signed, but nothing there yet
        assert client.put(upload, content=b"jpeg").status_code == 200
        assert client.get(download).content == b"jpeg"
        assert client.put(download, content=b"x").status_code == 403
        assert client.get(download.replace("signature=", "signature=0")).status_code == 403
        assert client.get("/blobs/covers/a%20b.jpg").status_code == 403
        clock.now += 61
        assert client.get(download).status_code == 403
    assert store.get("covers/a b.jpg") == b"jpeg"
