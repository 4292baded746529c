"""Loaded at start-up by every snippet the runner starts (it is first on `PYTHONPATH`).

When `LAB_SANDBOX=1` it keeps the snippet on loopback (any other address is refused
with a `PermissionError` that names the host) and, shortly before the runner's time
limit, prints where every thread is, so a hang is reported with its `file:line`.
"""

import faulthandler
import ipaddress
import os
import sys

LOCAL_NAMES = {None, "", "localhost", b"localhost"}


def _is_local(host: object) -> bool:
    if host in LOCAL_NAMES:
        return True
    text = host.decode() if isinstance(host, bytes) else str(host)
    try:
        return ipaddress.ip_address(text.split("%")[0]).is_loopback
    except ValueError:
        return False


def _guard(event: str, args: tuple) -> None:
    if event == "socket.getaddrinfo":
        host = args[0]
    elif event in ("socket.connect", "socket.sendto"):
        address = args[1]
        if not isinstance(address, tuple):
            return  # a Unix socket path: local by definition
        host = address[0]
    else:
        return
    if not _is_local(host):
        raise PermissionError(
            f"labkit sandbox: network access to {host!r} is blocked; "
            "snippets may only talk to 127.0.0.1 / ::1"
        )


if os.environ.get("LAB_SANDBOX") == "1":
    sys.addaudithook(_guard)
    limit = float(os.environ.get("LAB_TIMEOUT", "0"))
    if limit > 1:
        faulthandler.dump_traceback_later(max(limit - 1.0, 0.5), exit=False)
