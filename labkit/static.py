"""Serve a built site from its folder on 127.0.0.1, the way a static host such as GitHub Pages
does: gzip for text, `404.html` with status 404 for a missing page, and optionally the
Content-Security-Policy header that SECURITY.md asks hosts to send.

```python
with serve_site(Path("site")) as base_url:       # http://127.0.0.1:<free port>/
    ...
```

From the command line, to preview a strict build: `python -m labkit.static site --port 8000`.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import ClassVar

from labkit.serve import running

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml",
                "image/svg+xml")


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """A quiet static file handler with gzip, a real 404 page and an optional CSP header."""

    policy = ""
    _gzipped: ClassVar[dict[tuple[str, float], bytes]] = {}

    def end_headers(self) -> None:
        if self.policy:
            self.send_header("Content-Security-Policy", self.policy)
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if not path.is_file():
            if path.is_dir():
                return super().send_head()  # redirects /page to /page/
            return self._send(Path(self.directory) / "404.html", 404)
        return self._send(path, 200)

    def _send(self, path: Path, status: int):  # type: ignore[no-untyped-def]
        if not path.is_file():
            self.send_error(404)
            return None
        body = path.read_bytes()
        kind = self.guess_type(str(path))
        gzipped = "gzip" in self.headers.get("Accept-Encoding", "") and kind.startswith(
            COMPRESSIBLE)
        if gzipped:
            key = (str(path), path.stat().st_mtime)
            if key not in self._gzipped:
                self._gzipped[key] = gzip.compress(body, compresslevel=6, mtime=0)
            body = self._gzipped[key]
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        if self.command == "HEAD":
            return None
        self.wfile.write(body)
        return None


@contextmanager
def serve_site(folder: Path, *, policy: str = "", port: int = 0) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 in a thread; yields the base URL, ending in `/`.

    Args:
        folder: A built site (the output of `mkdocs build`).
        policy: A Content-Security-Policy header value to send with every answer, if any.
        port: The port to listen on; 0 picks a free one.
    """
    handler = functools.partial(
        type("_Site", (SiteHandler,), {"policy": policy, "_gzipped": {}}),
        directory=os.fspath(folder),
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    with running(server):
        yield f"http://127.0.0.1:{server.server_address[1]}/"


def main(argv: list[str] | None = None) -> None:
    """`python -m labkit.static FOLDER [--port N]`: preview a built site until Ctrl+C."""
    parser = argparse.ArgumentParser(prog="python -m labkit.static", description=main.__doc__)
    parser.add_argument("folder", type=Path, nargs="?", default=Path("site"))
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    from labkit import csp

    with serve_site(args.folder, policy=csp.policy(args.folder), port=args.port) as url:
        print(f"Serving {args.folder} at {url} (Ctrl+C to stop)")
        with suppress(KeyboardInterrupt):
            threading.Event().wait()


if __name__ == "__main__":
    main()
