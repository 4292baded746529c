"""The image's HEALTHCHECK: exit 0 if `GET /healthz` answers 200, else 1.

The slim base image has no curl or wget, and installing one only for this adds a package to
patch; Python is already there. Run as `python -m snippets.devops.container_app.healthcheck`.
The port is 8000 (the image's EXPOSE) unless `PORT` says otherwise.
"""

from __future__ import annotations

import os
import sys
from http.client import HTTPConnection, HTTPException


# --8<-- [start:probe]
def probe(port: int, timeout: float = 2.0) -> bool:
    """Whether http://127.0.0.1:`port`/healthz answers 200 within `timeout` seconds."""
    connection = HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", "/healthz")
        return connection.getresponse().status == 200
    except (OSError, HTTPException):
        return False
    finally:
        connection.close()


def main() -> None:
    """Probe the local server and exit with the status the engine reads."""
    sys.exit(0 if probe(int(os.environ.get("PORT", "8000"))) else 1)
# --8<-- [end:probe]


if __name__ == "__main__":
    main()
