"""Run every benchmark against bare Material, in one run, and print one table.

Ratios are taken between figures measured in the same run. Builds are compared by CPU time
(user + system of the build process), which a busy machine disturbs far less than wall time;
both are shown. Test-suite figures are wall times (parallelism is the point).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from bench.convert import IGNORED, bare_project
from bench.course import edit_snippet, make_course
from labkit.serve import free_port

REPO = Path(__file__).resolve().parent.parent
PAGE = "databases/indexing/index.html"
"""The chapter page weighed (a lesson with many snippets, outputs and engine tabs)."""
EDITED = ("tour/request_line.py", "how-this-site-works/index.html")
"""The snippet edited for the rebuild benchmarks, and a page that shows the whole file."""


@dataclass
class Timing:
    """Seconds of wall-clock and CPU time one command took."""

    wall: float
    cpu: float

    def __str__(self) -> str:
        return f"{self.cpu:.2f} s CPU ({self.wall:.2f} s wall)"


@dataclass
class Row:
    """One line of the table."""

    measure: str
    ours: str
    bare: str = ""
    ratio: float | None = None
    target: str = ""
    met: bool | None = None


def _env(root: Path, cache: Path | None = None) -> dict[str, str]:
    env = {**os.environ, "LAB_ROOT": str(root), "NO_MKDOCS_2_WARNING": "1"}
    if cache is not None:
        env["LAB_CACHE"] = str(cache)  # where labkit.pyfacts keeps what it parsed
    return env


def timed(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Timing:
    """Run `command`; raise with its output if it fails."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True,
                            check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode:
        raise RuntimeError(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Timing(wall, cpu)


def build(root: Path, out: Path, cache: Path | None = None) -> Timing:
    """Strict build of the project at `root` into `out` (labkit's parse cache in `cache`)."""
    return timed([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(out)],
                 root, _env(root, cache))


def median(timings: list[Timing]) -> Timing:
    """The middle of several runs (wall and CPU each)."""
    return Timing(statistics.median(t.wall for t in timings),
                  statistics.median(t.cpu for t in timings))


def build_overhead(work: Path, rounds: int) -> tuple[list[Row], Path, Path]:
    """Our strict build of the site vs the bare-Material build of the same pages: with the
    parse cache an earlier build left (what a contributor's next build finds) and with none
    (the first build of a fresh clone). Each round builds all three, one after the other, and
    each ratio is the median of the rounds' ratios, so a slow moment hits one round only."""
    bare = bare_project(REPO, work / "bare")
    ours_site, bare_site = work / "site-ours", work / "site-bare"
    warm_cache = work / "cache-warm"
    build(REPO, ours_site, warm_cache)  # fills the cache; not timed
    runs: dict[str, list[Timing]] = {"warm": [], "cold": [], "bare": []}
    for number in range(rounds):
        runs["warm"].append(build(REPO, ours_site, warm_cache))
        runs["bare"].append(build(bare, bare_site))
        runs["cold"].append(build(REPO, ours_site, work / f"cache-cold-{number}"))
        print(f"    round {number + 1}: ours {runs['warm'][-1].cpu:.2f} s, bare "
              f"{runs['bare'][-1].cpu:.2f} s, ours without cache {runs['cold'][-1].cpu:.2f} s "
              "(CPU)", flush=True)
    rows = []
    for kind, label in (("warm", "1. full strict build (the cache of an earlier build)"),
                        ("cold", "1. full strict build of a fresh clone (no cache)")):
        ratio = statistics.median(o.cpu / b.cpu for o, b in zip(runs[kind], runs["bare"],
                                                                 strict=True))
        rows.append(Row(label, str(median(runs[kind])), str(median(runs["bare"])), ratio,
                        "≤ 1.25×", ratio <= 1.25))
    return rows, ours_site, bare_site


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode()
    except OSError:
        return ""


def serve_rebuild(work: Path, dirty: bool, edits: int = 3) -> float:
    """Seconds from saving a snippet to `mkdocs serve` serving the page that shows it: the
    median of `edits` edits to one server (its file watcher polls every 0.5 s, so one edit
    alone is a draw of where in that interval the save falls)."""
    root = work / ("serve-dirty" if dirty else "serve")
    shutil.copytree(REPO, root, ignore=IGNORED, symlinks=True)
    port = free_port()
    env = {**_env(root), "SITE_URL": f"http://127.0.0.1:{port}/"}
    command = [sys.executable, "-m", "mkdocs", "serve", "--no-strict", "--dev-addr",
               f"127.0.0.1:{port}", *(["--dirty"] if dirty else [])]
    server = subprocess.Popen(command, cwd=root, env=env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    url = f"http://127.0.0.1:{port}/{EDITED[1].removesuffix('index.html')}"
    try:
        deadline = time.monotonic() + 300
        while "request_line" not in _fetch(url):
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("mkdocs serve did not start")
            time.sleep(0.2)
        seconds = []
        for _ in range(edits):
            time.sleep(1.5)  # let the watcher settle after the last build
            note = f"edited while serving {time.time_ns()}"
            start = time.perf_counter()
            edit_snippet(root, EDITED[0], note)
            while note not in _fetch(url):
                if time.perf_counter() - start > 300:
                    raise RuntimeError("the page was not rebuilt after the edit")
                time.sleep(0.02)
            seconds.append(time.perf_counter() - start)
        return statistics.median(seconds)
    finally:
        os.killpg(server.pid, 9)
        server.wait()


def rebuild(work: Path) -> list[Row]:
    """A snippet edit: dirty rebuild in one process, and end to end under `mkdocs serve`."""
    root = work / "rebuild"
    shutil.copytree(REPO, root, ignore=IGNORED, symlinks=True)
    result = subprocess.run([sys.executable, "-m", "bench.rebuild", str(root), *EDITED],
                            cwd=root, env=_env(root), capture_output=True, text=True,
                            check=True)
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    ratio = figures["rebuild"] / figures["full"]
    served, dirty = serve_rebuild(work, dirty=False, edits=1), serve_rebuild(work, dirty=True)
    return [
        Row("2. dirty rebuild after a snippet edit (config load + build)",
            f"{figures['rebuild']:.2f} s", f"full build {figures['full']:.2f} s", ratio,
            "< 1 s, ≤ 0.1×", figures["rebuild"] < 1 and ratio <= 0.1),
        Row("2. edit → page served: mkdocs serve (default)", f"{served:.2f} s",
            target="(before: everything rebuilt)"),
        Row("2. edit → page served: mkdocs serve --dirty (median of 3 edits)",
            f"{dirty:.2f} s", "", None,
            "< 1 s", dirty < 1),
    ]


def scale(work: Path, sizes: tuple[int, ...]) -> list[Row]:
    """Build time per page of synthetic courses, ours and bare."""
    rows, first = [], None
    for pages in sizes:
        course = make_course(work / f"course-{pages}", pages)
        bare = bare_project(course, work / f"course-{pages}-bare")
        ours = build(course, work / f"course-{pages}-site")
        base = build(bare, work / f"course-{pages}-bare-site")
        per_page = (ours.cpu / pages, base.cpu / pages)
        first = first or per_page
        growth = (per_page[0] / first[0], per_page[1] / first[1])
        rows.append(Row(
            f"3. {pages} pages × 5 snippets: CPU per page (vs {sizes[0]} pages)",
            f"{per_page[0] * 1000:.0f} ms ({growth[0]:.2f}×)",
            f"{per_page[1] * 1000:.0f} ms ({growth[1]:.2f}×)", per_page[0] / per_page[1],
            "ours ≤ 1.3× the first size" if pages != sizes[0] else "",
            growth[0] <= 1.3 if pages != sizes[0] else None,
        ))
    return rows


def pytest_wall(*args: str) -> float:
    """Wall seconds of one pytest run in the repository (failures are reported, not fatal)."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                             *args], cwd=REPO, capture_output=True, text=True, check=False)
    if result.returncode:
        tail = "\n".join(result.stdout.splitlines()[-5:])
        print(f"note: pytest {' '.join(args)} exited with {result.returncode}:\n{tail}")
    return time.perf_counter() - start


def tests(quick: bool) -> list[Row]:
    """The snippet runs serial vs on 2 workers, and (not --quick) the whole suite on 2."""
    serial = pytest_wall("-n", "0", "tests/test_snippets.py")
    parallel = pytest_wall("-n", "2", "tests/test_snippets.py")
    rows = [Row("4. snippet tests: -n 2 vs -n 0 (wall)", f"{parallel:.0f} s",
                f"serial {serial:.0f} s", parallel / serial, "≤ 0.6×", parallel / serial <= 0.6)]
    if not quick:
        rows.append(Row("4. whole test suite, -n 2 (wall)", f"{pytest_wall('-n', '2'):.0f} s"))
    return rows


def _gzipped(data: bytes) -> int:
    return len(gzip.compress(data, 9))


def page_bytes(site: Path, page: str) -> tuple[int, int]:
    """(gzipped HTML, gzipped CSS + JS it links) of one page of a built site."""
    html_path = site / page
    html = html_path.read_text(encoding="utf-8")
    assets = {m for m in re.findall(r'<(?:link|script)[^>]+(?:href|src)="([^"]+)"', html)
              if not m.startswith(("http:", "https:", "data:")) and
              m.split("?")[0].endswith((".css", ".js"))}
    linked = sum(_gzipped((html_path.parent / a.split("?")[0]).read_bytes()) for a in assets)
    return _gzipped(html.encode()), linked


def weight(ours: Path, bare: Path) -> list[Row]:
    """Bytes a reader downloads for a chapter page, and the search index."""
    (ours_html, ours_assets), (bare_html, bare_assets) = page_bytes(ours, PAGE), page_bytes(
        bare, PAGE)
    index = "search/search_index.json"
    ours_index, bare_index = ((s / index).stat().st_size for s in (ours, bare))
    total = ours_html + ours_assets, bare_html + bare_assets
    return [
        Row(f"5. {PAGE}: HTML + CSS + JS, gzip", f"{total[0] / 1024:.0f} KiB "
            f"(HTML {ours_html / 1024:.0f})", f"{total[1] / 1024:.0f} KiB "
            f"(HTML {bare_html / 1024:.0f})", total[0] / total[1]),
        Row("5. search index (raw)", f"{ours_index / 1024:.0f} KiB",
            f"{bare_index / 1024:.0f} KiB", ours_index / bare_index),
    ]


def table(rows: list[Row]) -> str:
    """The rows as a Markdown table."""
    lines = ["| measure | ours | bare Material | ratio | target | met |",
             "| --- | --- | --- | --- | --- | --- |"]
    for row in rows:
        ratio = f"{row.ratio:.2f}×" if row.ratio is not None else ""
        met = {True: "yes", False: "**no**", None: ""}[row.met]
        lines.append(f"| {row.measure} | {row.ours} | {row.bare} | {ratio} | {row.target} "
                     f"| {met} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks; print the table; exit 1 if a target is missed."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true",
                        help="courses of 50 and 200 pages only; no whole-suite timing")
    args = parser.parse_args(argv)
    load = os.getloadavg()[0]
    print(f"load average at start: {load:.1f} on {os.cpu_count()} CPUs"
          + (" — the machine is busy: wall times are inflated; ratios are from this run"
             if load > 1 else ""), flush=True)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="bench-") as folder:
        work = Path(folder)
        overhead, ours_site, bare_site = build_overhead(work, 3 if args.quick else 5)
        sizes = (50, 200) if args.quick else (50, 200, 1000)
        for section in (lambda: overhead, lambda: rebuild(work), lambda: scale(work, sizes),
                        lambda: weight(ours_site, bare_site), lambda: tests(args.quick)):
            found = section()
            rows += found
            for row in found:
                print(f"  {row.measure}: {row.ours}", flush=True)
    print(f"load average at end: {os.getloadavg()[0]:.1f}\n")
    print(table(rows))
    return 1 if any(row.met is False for row in rows) else 0
