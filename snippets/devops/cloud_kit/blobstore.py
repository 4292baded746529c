"""Object storage behind one small interface, with a local-disk and an in-memory backend."""

from __future__ import annotations

import hashlib
import hmac
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Protocol
from urllib.parse import parse_qs, quote, unquote, urlsplit


class BlobNotFound(KeyError):
    """No object is stored under that key."""


class BadKey(ValueError):
    """A key that could escape the store or that object stores refuse."""


class SignatureInvalid(PermissionError):
    """A signed link that was tampered with, made for another key or method, or expired."""


@dataclass(frozen=True)
class BlobInfo:
    """What a put returns: the key, the size in bytes, and an entity tag of the content."""

    key: str
    size: int
    etag: str


# --8<-- [start:protocol]
class BlobStore(Protocol):
    """What the library needs from object storage, whoever provides it."""

    def put(self, key: str, data: bytes) -> BlobInfo:
        """Store `data` under `key`, replacing any object already there, all at once."""
        ...

    def get(self, key: str) -> bytes:
        """The object's bytes; BlobNotFound if there is none."""
        ...

    def list(self, prefix: str = "") -> list[str]:
        """Keys that start with `prefix`, in sorted order."""
        ...

    def delete(self, key: str) -> None:
        """Remove the object; deleting a missing key is not an error."""
        ...

    def signed_url(self, key: str, *, expires_in: int, method: str = "GET") -> str:
        """A link that allows one method on one key until it expires, with no credentials."""
        ...
# --8<-- [end:protocol]


# --8<-- [start:check-key]
def check_key(key: str) -> str:
    """Accept keys like `covers/dune.jpg`; refuse anything that could leave the store."""
    parts = PurePosixPath(key).parts
    if (not key or len(key.encode()) > 1024 or key.startswith("/") or "\\" in key
            or "\x00" in key or any(part in (".", "..") for part in parts)
            or key.endswith("/")):
        raise BadKey(f"refused key {key!r}")
    return key
# --8<-- [end:check-key]


def etag_of(data: bytes) -> str:
    """A short content hash, quoted like an HTTP entity tag."""
    return f'"{hashlib.sha256(data).hexdigest()[:16]}"'


# --8<-- [start:signer]
class Signer:
    """Makes and checks presigned-style links: HMAC-SHA256 over method, key and expiry."""

    def __init__(self, secret: bytes, clock: Callable[[], float] = time.time) -> None:
        self._secret = secret
        self.clock = clock

    def _signature(self, method: str, key: str, expires: int) -> str:
        message = f"{method}\n{key}\n{expires}".encode()
        return hmac.new(self._secret, message, hashlib.sha256).hexdigest()

    def url(self, key: str, *, expires_in: int, method: str = "GET") -> str:
        """`/blobs/<key>?expires=<unix time>&signature=<hex>`."""
        expires = int(self.clock()) + expires_in
        signature = self._signature(method, check_key(key), expires)
        return f"/blobs/{quote(key)}?expires={expires}&signature={signature}"

    def verify(self, method: str, url: str) -> str:
        """The key the link grants `method` on, or SignatureInvalid."""
        parts = urlsplit(url)
        key = unquote(parts.path.removeprefix("/blobs/"))
        query = parse_qs(parts.query)
        try:
            expires = int(query["expires"][0])
            given = query["signature"][0]
        except (KeyError, ValueError):
            raise SignatureInvalid("not a signed link") from None
        expected = self._signature(method, key, expires)
        if not hmac.compare_digest(given, expected):  # [mark:compare]
            raise SignatureInvalid("signature does not match")
        if self.clock() > expires:
            raise SignatureInvalid("link expired")
        return key
# --8<-- [end:signer]


class MemoryBlobStore:
    """Objects in a dict: for tests, and to show what the interface promises."""

    def __init__(self, signer: Signer) -> None:
        self._objects: dict[str, bytes] = {}
        self._signer = signer

    def put(self, key: str, data: bytes) -> BlobInfo:
        """Store a copy of `data` under `key`."""
        self._objects[check_key(key)] = bytes(data)
        return BlobInfo(key, len(data), etag_of(data))

    def get(self, key: str) -> bytes:
        """The bytes stored under `key`."""
        try:
            return self._objects[check_key(key)]
        except KeyError:
            raise BlobNotFound(key) from None

    def list(self, prefix: str = "") -> list[str]:
        """Sorted keys that start with `prefix`."""
        return sorted(key for key in self._objects if key.startswith(prefix))

    def delete(self, key: str) -> None:
        """Forget `key`, if it is there."""
        self._objects.pop(check_key(key), None)

    def signed_url(self, key: str, *, expires_in: int, method: str = "GET") -> str:
        """A link for `method` on `key`, valid for `expires_in` seconds."""
        return self._signer.url(key, expires_in=expires_in, method=method)


# --8<-- [start:local]
class LocalBlobStore:
    """Objects as files under `root`: the development backend for a laptop or a test."""

    def __init__(self, root: Path, signer: Signer) -> None:
        self.root = root
        self._staging = root / ".staging"  # same filesystem, so os.replace is atomic
        self._staging.mkdir(parents=True, exist_ok=True)
        self._signer = signer

    def _path(self, key: str) -> Path:
        return self.root.joinpath(*PurePosixPath(check_key(key)).parts)

    def put(self, key: str, data: bytes) -> BlobInfo:
        """Write to a staging file, then rename it into place: readers never see half."""
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, staged = tempfile.mkstemp(dir=self._staging)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(staged, path)  # [mark:atomic]
        return BlobInfo(key, len(data), etag_of(data))

    def get(self, key: str) -> bytes:
        """The file's bytes."""
        try:
            return self._path(key).read_bytes()
        except (FileNotFoundError, IsADirectoryError):
            raise BlobNotFound(key) from None

    def list(self, prefix: str = "") -> list[str]:
        """Sorted keys (paths relative to the root, with `/`) that start with `prefix`."""
        keys = (path.relative_to(self.root).as_posix() for path in self.root.rglob("*")
                if path.is_file() and self._staging not in path.parents)
        return sorted(key for key in keys if key.startswith(prefix))

    def delete(self, key: str) -> None:
        """Remove the file, if it is there."""
        self._path(key).unlink(missing_ok=True)

    def signed_url(self, key: str, *, expires_in: int, method: str = "GET") -> str:
        """A link for `method` on `key`, valid for `expires_in` seconds."""
        return self._signer.url(key, expires_in=expires_in, method=method)
# --8<-- [end:local]
