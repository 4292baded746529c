"""Run the same books endpoint in Python, Node.js, Java and Ruby; compare answers and costs.

Each program in `lang_programs/` is started as a process of its own on a free port of
127.0.0.1 and asked the same questions by the same client. The snippet prints what came
back, then measures start-up time, peak memory and requests per second from one client.
"""

from __future__ import annotations

import json
import textwrap

from labkit.measure import measured
from labkit.serve import free_port
from snippets.languages.lang_programs.launch import (
    PROGRAMS,
    Program,
    get,
    missing_tools,
    requests_per_second,
    running,
)

MEMORY_MB = 16384  # the JVM and V8 reserve gigabytes of address space they never touch
TIMEOUT = 120
DEPENDS = ("lang_programs/",)

COLD, WARM = 200, 2000  # requests in the first burst, and in the burst right after it


def main() -> None:
    """Ask the four programs the same questions, then measure each."""
    if missing := missing_tools():
        raise SystemExit(f"this comparison needs all four toolchains; missing: {missing}")
    # --8<-- [start:compare]
    bodies: dict[str, list[object]] = {}
    headers: dict[str, tuple[str, ...]] = {}
    figures: list[tuple[Program, float, float, float, float]] = []
    for program in PROGRAMS:
        with running(program, free_port()) as server:
            conn = server.connect()
            for path in ("/books/1", "/books/99"):
                reply = get(conn, path)
                bodies.setdefault(program.language, []).append(json.loads(reply.body))
                print(f"{program.language:8} GET {path:9} -> {reply.status} "
                      f"{reply.content_type:31} {reply.body.decode()}")
            headers[program.language] = reply.headers
            conn.close()
            cold = requests_per_second(server, COLD)  # [mark:cold]
            warm = requests_per_second(server, WARM)  # [mark:warm]
            figures.append((program, server.startup_s, server.peak_rss_mb(), cold, warm))
    answers = list(bodies.values())
    print("the four sent the same JSON:", all(a == answers[0] for a in answers))
    # --8<-- [end:compare]
    print("\nthe other headers of each 404 (Date and Content-* left out):")
    for language, names in headers.items():
        print(textwrap.fill(", ".join(names) or "(none)", width=78, break_on_hyphens=False,
                            initial_indent=f"  {language:9}", subsequent_indent=" " * 11))
    # --8<-- [start:table]
    print(f"\nrequests per second: the first {COLD}, then the next {WARM}, from one client")
    for program, startup_s, rss_mb, cold, warm in figures:
        print(f"{program.language:8} "
              f"start-up {measured(startup_s, unit=' s', digits=2, at_most=15)}, "  # [mark:claims]
              f"peak RSS {measured(rss_mb, unit=' MB', digits=0, at_most=500)}, "
              f"{measured(cold, unit='/s', digits=0, at_least=20)} then "
              f"{measured(warm, unit='/s', digits=0, at_least=50)}")
    # --8<-- [end:table]


if __name__ == "__main__":
    main()
