"""Why CMD is written in exec form: where SIGTERM goes when `docker stop` sends it.

Docker signals the container's main process. In exec form (`CMD ["python", ...]`) that is
the server itself; in shell form (`CMD python ...`) it is `/bin/sh -c "python ..."`, and
Debian's /bin/sh (dash) runs the server as a child instead of replacing itself with it.
We replay three CMDs on this machine and send SIGTERM to the main process of each.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from snippets.devops.container_kit import replay
from snippets.devops.container_kit.replay import Runtime

DEPENDS = ("container_kit/", "container_app/", "../../Dockerfile", "../../.dockerignore")


def yes(flag: bool) -> str:
    """'yes' or 'no'."""
    return "yes" if flag else "no"


# --8<-- [start:stop]
def stop(runtime: Runtime, label: str, argv: list[str], via_shell: bool) -> None:
    """Start a CMD, send SIGTERM to its main process, and say who is still serving."""
    with replay.running(runtime, argv, via_shell=via_shell) as server:
        server.process.terminate()  # docker stop: SIGTERM to the main process
        server.process.wait(timeout=15)
        time.sleep(0.5)  # give a server that is shutting down the time to finish
        serving = replay.run_healthcheck(runtime, server.port) == 0
        drained = "Application shutdown complete." in server.log()
        ended = server.process.poll() is not None
        print(f"{label:<34} {yes(ended):<14} {yes(drained):<18} {yes(serving)}")
# --8<-- [end:stop]


def main() -> None:
    """Exec form, shell form, and shell form with `exec`."""
    with tempfile.TemporaryDirectory() as folder:
        runtime = replay.lay_out(Path(folder))
        print(f"{'CMD as written':<34} {'main exited':<14} {'app drained':<18} still serving")
        # --8<-- [start:forms]
        stop(runtime, 'CMD ["python", "-m", "uvicorn", …]', runtime.cmd, via_shell=False)
        stop(runtime, "CMD python -m uvicorn …", runtime.cmd, via_shell=True)
        stop(runtime, "CMD exec python -m uvicorn …", ["exec", *runtime.cmd], via_shell=True)
        # --8<-- [end:forms]


if __name__ == "__main__":
    main()
