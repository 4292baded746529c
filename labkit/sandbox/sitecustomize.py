"""Loaded at start-up by every snippet the runner starts (it is first on `PYTHONPATH`).

When `LAB_SANDBOX=1` it

- keeps the snippet on loopback: any other address is refused with a `PermissionError`
  that names the host;
- keeps its writes inside its temporary folder: opening a file for writing, creating,
  renaming, removing or changing a file anywhere but the folder the runner made for it
  (`LAB_WORKDIR`, which holds `HOME` and `TMPDIR`), `/dev/null`, `/dev/shm` and the
  standard streams is refused with a `PermissionError` that names the path;
- caps its memory (address space) at `LAB_MEMORY_MB` megabytes, so a runaway allocation
  ends in a `MemoryError` instead of slowing the whole machine;
- shortly before the runner's time limit, prints where every thread is, so a hang is
  reported with its `file:line`.
"""

import faulthandler
import ipaddress
import os
import sys
import time

LOCAL_NAMES = {None, "", "localhost", b"localhost"}
NETWORK_EVENTS = ("socket.getaddrinfo", "socket.connect", "socket.sendto")
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
WRITABLE_DEVICES = ("/dev/null", "/dev/stdout", "/dev/stderr", "/dev/tty", "/dev/shm")
# Audit events that change the file system: event -> indexes of the path arguments to check.
# The last argument of most `os.*` events is a `dir_fd` that relative paths are taken from.
WRITE_EVENTS = {
    "os.remove": (0,), "os.rmdir": (0,), "os.mkdir": (0,), "os.rename": (0, 1),
    "os.link": (1,), "os.symlink": (1,), "os.truncate": (0,), "os.chmod": (0,),
    "os.chown": (0,), "os.utime": (0,), "os.mkfifo": (0,), "os.mknod": (0,),
    "os.setxattr": (0,), "os.removexattr": (0,), "os.chflags": (0,),
    "shutil.copyfile": (1,), "shutil.copymode": (1,), "shutil.copystat": (1,),
    "shutil.copytree": (1,), "shutil.move": (0, 1), "shutil.rmtree": (0,),
    "shutil.make_archive": (0,), "shutil.unpack_archive": (1,),
}


def _is_local(host: object) -> bool:
    if host in LOCAL_NAMES:
        return True
    text = host.decode() if isinstance(host, bytes) else str(host)
    try:
        return ipaddress.ip_address(text.split("%")[0]).is_loopback
    except ValueError:
        return False


def _network(event: str, args: tuple) -> None:
    if event == "socket.getaddrinfo":
        host = args[0]
    else:
        address = args[1]
        if not isinstance(address, tuple):
            return  # a Unix socket path: local by definition
        host = address[0]
    if not _is_local(host):
        raise PermissionError(
            f"labkit sandbox: network access to {host!r} is blocked; "
            "snippets may only talk to 127.0.0.1 / ::1"
        )


def _allowed_roots() -> tuple[str, ...]:
    """The folder the runner made for this run (`LAB_WORKDIR`; `HOME` and `TMPDIR` are in it)."""
    folder = os.environ.get("LAB_WORKDIR") or os.environ.get("TMPDIR") or os.getcwd()
    return (os.path.realpath(folder),)


ALLOWED: tuple[str, ...] = ()


def _absolute(path: object, dir_fd: object) -> str | None:
    """The real path that `path` (relative to `dir_fd` if given) names; None for an fd."""
    if isinstance(path, int) or path is None:
        return None
    text = os.fsdecode(os.fspath(path))  # type: ignore[arg-type]
    if not os.path.isabs(text) and isinstance(dir_fd, int):
        try:
            text = os.path.join(os.readlink(f"/proc/self/fd/{dir_fd}"), text)
        except OSError:
            return None  # cannot tell where dir_fd points: the open itself will tell
    return os.path.realpath(text)


def _check_write(path: object, dir_fd: object = None) -> None:
    target = _absolute(path, dir_fd)
    if target is None:
        return
    for root in (*ALLOWED, *WRITABLE_DEVICES):
        if target == root or target.startswith(root.rstrip("/") + "/"):
            return
    if target.startswith("/proc/self/fd/") or target.startswith("/dev/fd/"):
        return
    raise PermissionError(
        f"labkit sandbox: writing to {target!r} is blocked; snippets may only write inside "
        "their temporary folder (the working directory, tempfile.gettempdir())"
    )


def _files(event: str, args: tuple) -> None:
    if event == "open":
        path, mode, flags = args
        writing = any(c in mode for c in "wax+") if isinstance(mode, str) else (
            isinstance(flags, int) and flags & WRITE_FLAGS)
        if writing:
            _check_write(path)
        return
    indexes = WRITE_EVENTS[event]
    dir_fd = args[-1] if event.startswith("os.") and len(args) > 1 else None
    for index in indexes:
        if index < len(args):
            _check_write(args[index], dir_fd)


def _guard(event: str, args: tuple) -> None:
    if event in NETWORK_EVENTS:
        _network(event, args)
    elif event == "open" or event in WRITE_EVENTS:
        _files(event, args)


def _cap_memory(megabytes: int) -> None:
    """Limit the address space; a soft limit only, so the snippet's children inherit it."""
    try:
        import resource
    except ImportError:  # not on this platform
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    wanted = megabytes * 1024 * 1024
    if hard != resource.RLIM_INFINITY:
        wanted = min(wanted, hard)
    resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))


if os.environ.get("LAB_SANDBOX") == "1":
    ALLOWED = _allowed_roots()
    sys.addaudithook(_guard)
    if int(os.environ.get("LAB_MEMORY_MB", "0")) > 0:
        _cap_memory(int(os.environ["LAB_MEMORY_MB"]))
    limit = float(os.environ.get("LAB_TIMEOUT", "0"))
    if limit > 1:
        _deadline = time.monotonic() + max(limit - 1.0, 0.5)

        def _arm() -> None:
            faulthandler.dump_traceback_later(max(_deadline - time.monotonic(), 0.1), exit=False)

        _arm()
        # A child forked while the timer is armed inherits its state but not its thread, and
        # on CPython 3.11 hangs at exit (gunicorn workers, multiprocessing with fork). So the
        # timer is off across a fork and re-armed in the parent; the child has none.
        os.register_at_fork(before=faulthandler.cancel_dump_traceback_later,
                            after_in_parent=_arm)
