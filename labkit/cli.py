"""`python -m snippets`: list, run and record snippets, and check exercises."""

from __future__ import annotations

import argparse
import os
import runpy
import sys
from collections.abc import Sequence

from labkit import catalog, db, exercises, outputs, paths, scaffold
from labkit.catalog import UnknownName
from labkit.errors import LabError


def cmd_list(args: argparse.Namespace) -> int:
    """Print every chapter with its snippets and exercises."""
    found = catalog.snippets()
    tasks = catalog.exercises()
    for chapter in catalog.chapters():
        print(f"{chapter.name}")
        for snippet in (s for s in found if s.chapter == chapter.name):
            print(f"  {snippet.name:<34} {snippet.description}")
        for exercise in (e for e in tasks if e.name.startswith(chapter.name + ".")):
            print(f"  {exercise.name:<34} (exercise) check with: "
                  f"python -m snippets check {exercise.name}")
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    """Run one snippet here, exactly as `python -m snippets.<chapter>.<topic>` would."""
    snippet = catalog.find_snippet(args.name)
    os.environ[db.ENGINE_ENV] = args.engine
    sys.argv = [snippet.module]
    runpy.run_module(snippet.module, run_name="__main__", alter_sys=True)
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """Run an exercise's checks and print what passes and what fails."""
    exercise = catalog.find_exercise(args.name)
    try:
        results = exercises.run_checks_sandboxed(exercise, solution=args.solution)
    except LabError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(exercises.report(exercise, results, solution=args.solution))
    return 0 if all(r.passed for r in results) else 1


def stale_outputs() -> list[tuple[catalog.Snippet, str, LabError]]:
    """Every (snippet, engine) whose recorded output is missing or stale, with the reason."""
    found = []
    for snippet in catalog.snippets():
        for engine in snippet.engines:
            try:
                outputs.fresh(snippet, engine)
            except LabError as error:
                found.append((snippet, engine, error))
    return found


def cmd_stale(args: argparse.Namespace) -> int:
    """List recorded outputs that are missing or no longer match their source (fast: no runs)."""
    found = stale_outputs()
    for snippet, engine, error in found:
        fix = outputs.record_command(snippet, engine)
        print(f"{error.location}: {error.message}\n    fix: {fix}")
    if found:
        print(f"{len(found)} output(s) to record: `python -m snippets record --stale`")
    return 1 if found else 0


def cmd_record(args: argparse.Namespace) -> int:
    """Run snippets in the sandbox and store their output."""
    wanted: set[tuple[str, str]] | None = None
    if args.stale:
        wanted = {(s.name, e) for s, e, _ in stale_outputs()}
        chosen = [s for s in catalog.snippets() if any(s.name == n for n, _ in wanted)]
    elif args.all:
        chosen = catalog.snippets()
    else:
        chosen = [catalog.find_snippet(n) for n in args.names]
    if not chosen:
        if args.stale:
            print("every recorded output is fresh")
            return 0
        raise SystemExit("name the snippets to record, or pass --all or --stale")
    failed = 0
    for snippet in chosen:
        for engine in snippet.engines:
            if args.engine and engine != args.engine:
                continue
            if wanted is not None and (snippet.name, engine) not in wanted:
                continue
            reason = db.reachable(db.ENGINES[engine])
            if reason:
                print(f"skip  {snippet.name} on {engine}: {reason}")
                failed += bool(os.environ.get("CI"))
                continue
            try:
                changed = outputs.record(snippet, engine)
            except LabError as error:
                print(f"FAIL  {error}", file=sys.stderr)
                failed += 1
                continue
            state = "wrote" if changed else "same "
            print(f"{state} {outputs.output_path(snippet, engine).relative_to(paths.ROOT)}")
    return 1 if failed else 0


def cmd_new(args: argparse.Namespace) -> int:
    """Create a page, its snippet, exercise and test from templates, and record the output."""
    chapter, _, topic = args.name.partition("/")
    try:
        created = scaffold.create(chapter, topic)
        outputs.record(catalog.find_snippet(f"{chapter}.{topic}"))
    except LabError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for path in created:
        print(f"created  {path.relative_to(paths.ROOT)}")
    print(f"recorded {outputs.output_path(catalog.find_snippet(f'{chapter}.{topic}'))}"
          .replace(str(paths.ROOT) + "/", ""))
    page = f"{chapter}/{topic.replace('_', '-')}.md"
    print("\nNext:")
    print(f"  1. add the page to nav: in mkdocs.yml, under its chapter:  - {page}")
    print("  2. make serve, and replace every placeholder (each file says what to write)")
    print(f"  3. python -m snippets record {chapter}.{topic}   after each change to the snippet")
    return 0


def cmd_check_pages(args: argparse.Namespace) -> int:
    from labkit import pagecheck

    problems = pagecheck.check()
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s)" if problems else "every page is fine")
    return 1 if problems else 0


def parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    top = argparse.ArgumentParser(prog="python -m snippets", description=__doc__)
    sub = top.add_subparsers(dest="command", required=True)
    sub.add_parser("list", help="list chapters, snippets and exercises").set_defaults(fn=cmd_list)
    run = sub.add_parser("run", help="run one snippet, e.g. tour.hello")
    run.add_argument("name")
    run.add_argument("--engine", default="sqlite", choices=sorted(db.ENGINES))
    run.set_defaults(fn=cmd_run)
    check = sub.add_parser("check", help="check your answer to an exercise, e.g. tour.fizzbuzz")
    check.add_argument("name")
    check.add_argument("--solution", action="store_true", help="check the reference solution")
    check.set_defaults(fn=cmd_check)
    record = sub.add_parser("record", help="run snippets and store their real output")
    record.add_argument("names", nargs="*")
    record.add_argument("--all", action="store_true", help="every snippet")
    record.add_argument("--stale", action="store_true", help="only missing or stale outputs")
    record.add_argument("--engine", choices=sorted(db.ENGINES), help="only this engine")
    sub.add_parser("stale", help="list missing or stale outputs (fast, runs nothing)"
                   ).set_defaults(fn=cmd_stale)
    record.set_defaults(fn=cmd_record)
    sub.add_parser("check-pages", help="the build's page checks, without a site generator"
                   ).set_defaults(fn=cmd_check_pages)
    new = sub.add_parser("new", help="start a new page: python -m snippets new <chapter>/<topic>")
    new.add_argument("name", help="<chapter>/<topic>, e.g. databases/caching")
    new.set_defaults(fn=cmd_new)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit code (2 for an unknown name)."""
    args = parser().parse_args(argv)
    try:
        return args.fn(args)
    except UnknownName as error:
        print(f"error: {error.args[0]}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `python -m snippets list | head`
        sys.stderr.close()
        return 0
