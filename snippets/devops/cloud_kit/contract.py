"""One suite of behaviour checks that every BlobStore backend must pass."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from labkit.clock import FakeClock
from snippets.devops.cloud_kit.blobstore import (
    BadKey,
    BlobNotFound,
    BlobStore,
    LocalBlobStore,
    MemoryBlobStore,
    SignatureInvalid,
    Signer,
)

START = 1_767_225_600.0
"""Where the checks' clock starts: 2026-01-01T00:00:00Z, so expiry prints the same each run."""


@dataclass
class Fixture:
    """A fresh, empty store, and the signer and clock behind its links."""

    store: BlobStore
    signer: Signer
    clock: FakeClock


BACKENDS: dict[str, Callable[[Path, Signer], BlobStore]] = {
    "memory": lambda root, signer: MemoryBlobStore(signer),
    "local": lambda root, signer: LocalBlobStore(root / "blobs", signer),
}


def fresh(backend: str, root: Path) -> Fixture:
    """An empty store of `backend` (files, if any, under `root`)."""
    clock = FakeClock(START)
    signer = Signer(b"contract-test-key", clock)
    return Fixture(BACKENDS[backend](root, signer), signer, clock)


# --8<-- [start:checks]
def check_round_trip(f: Fixture) -> None:
    """What you put is what you get, byte for byte, including non-UTF-8 bytes."""
    data = bytes(range(256)) * 4
    info = f.store.put("covers/dune.jpg", data)
    assert f.store.get("covers/dune.jpg") == data
    assert (info.key, info.size) == ("covers/dune.jpg", 1024)


def check_overwrite(f: Fixture) -> None:
    """A second put replaces the object and its entity tag changes."""
    first = f.store.put("covers/ubik.jpg", b"v1")
    second = f.store.put("covers/ubik.jpg", b"v2")
    assert f.store.get("covers/ubik.jpg") == b"v2" and first.etag != second.etag


def check_missing(f: Fixture) -> None:
    """Reading a key that was never written raises BlobNotFound."""
    try:
        f.store.get("covers/nothing.jpg")
    except BlobNotFound:
        return
    raise AssertionError("get() of a missing key must raise BlobNotFound")


def check_list(f: Fixture) -> None:
    """list() filters by prefix and sorts; a prefix is not a folder ("covers" ≠ "coversheet")."""
    for key in ("covers/b.jpg", "imports/x.csv", "covers/a.jpg", "coversheet.txt"):
        f.store.put(key, b".")
    assert f.store.list("covers/") == ["covers/a.jpg", "covers/b.jpg"]
    assert f.store.list() == ["covers/a.jpg", "covers/b.jpg", "coversheet.txt", "imports/x.csv"]


def check_delete(f: Fixture) -> None:
    """delete() removes the object, and deleting it again is not an error."""
    f.store.put("tmp/x", b".")
    f.store.delete("tmp/x")
    f.store.delete("tmp/x")
    assert f.store.list("tmp/") == []


def check_unsafe_keys(f: Fixture) -> None:
    """Keys that could climb out of the store are refused before any I/O."""
    for key in ("../etc/passwd", "/abs", "a/../../b", "", "a\\b", "dir/"):
        try:
            f.store.put(key, b"x")
        except BadKey:
            continue
        raise AssertionError(f"put({key!r}) must raise BadKey")


def check_signed_links(f: Fixture) -> None:
    """A link works for its key and method until it expires; any edit breaks it."""
    f.store.put("covers/dune.jpg", b"jpeg")
    link = f.store.signed_url("covers/dune.jpg", expires_in=300)
    assert f.signer.verify("GET", link) == "covers/dune.jpg"
    for forged, method in ((link.replace("dune", "ubik"), "GET"), (link, "PUT"),
                           (link.replace("expires=1", "expires=2"), "GET")):
        try:
            f.signer.verify(method, forged)
        except SignatureInvalid:
            continue
        raise AssertionError(f"{method} {forged} must be refused")
    f.clock.now += 301
    try:
        f.signer.verify("GET", link)
    except SignatureInvalid:
        return
    raise AssertionError("an expired link must be refused")
# --8<-- [end:checks]


CHECKS: tuple[Callable[[Fixture], None], ...] = (
    check_round_trip, check_overwrite, check_missing, check_list, check_delete,
    check_unsafe_keys, check_signed_links,
)
