"""`python -m snippets`: the command-line companion to the site (see `labkit.cli`)."""

from labkit.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
