"""The benchmark trap: two of the four servers look slow only because of a socket option.

The JDK's HttpServer and Ruby's WEBrick leave Nagle's algorithm on and write a response's
headers and body in two writes. The body then waits for the client to acknowledge the
headers, and Linux delays that acknowledgement by about 40 ms. One option fixes it; the
language has nothing to do with it.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import replace

from labkit.measure import measured
from labkit.serve import free_port
from snippets.languages.lang_programs.launch import (
    JAVA,
    RUBY,
    Program,
    get,
    missing_tools,
    requests_per_second,
    running,
)

MEMORY_MB = 16384  # the JVM reserves gigabytes of address space it never touches
TIMEOUT = 120
DEPENDS = ("lang_programs/",)

WARM_UP, TIMED = 50, 40

# --8<-- [start:variants]
JAVA_AS_IT_COMES = replace(JAVA, command=tuple(
    arg for arg in JAVA.command if arg != "-Dsun.net.httpserver.nodelay=true"))  # [mark:java]
RUBY_AS_IT_COMES = replace(RUBY, command=(*RUBY.command, "--keep-nagle"))  # [mark:ruby]
PAIRS = (
    ("Java, JDK HttpServer", JAVA_AS_IT_COMES, JAVA, "-Dsun.net.httpserver.nodelay=true"),
    ("Ruby, Rails on WEBrick", RUBY_AS_IT_COMES, RUBY, "TCP_NODELAY in AcceptCallback"),
)
# --8<-- [end:variants]


# --8<-- [start:median]
def median_ms(program: Program) -> float:
    """The median time of one request to `program`, in ms, after a warm-up."""
    with running(program, free_port()) as server:
        requests_per_second(server, WARM_UP)  # let the JIT and lazy loading settle
        conn = server.connect()
        times = []
        for _ in range(TIMED):
            started = time.perf_counter()
            get(conn, "/books/1")
            times.append((time.perf_counter() - started) * 1000)
        conn.close()
        return statistics.median(times)
# --8<-- [end:median]


def main() -> None:
    """Time each server as it comes, then with Nagle's algorithm switched off."""
    if missing := missing_tools((JAVA, RUBY)):
        raise SystemExit(f"this comparison needs java and ruby; missing: {missing}")
    # --8<-- [start:measure]
    for name, as_it_comes, tuned, fix in PAIRS:
        slow, fast = median_ms(as_it_comes), median_ms(tuned)
        print(f"{name}: median time of one request, one client")
        print(f"  {'as it comes (Nagle on):':42}"
              + measured(slow, unit=" ms", at_least=30))  # [mark:slow]
        print(f"  {'with ' + fix + ':':42}" + measured(fast, unit=" ms", at_most=30))
        print(f"  {'saved on every request:':42}"
              + measured(slow - fast, unit=" ms", at_least=20))  # [mark:saved]
    # --8<-- [end:measure]


if __name__ == "__main__":
    main()
