"""Lint a Dockerfile for three mistakes.

Write `problems(text)`, which takes the text of a Dockerfile and returns the set of the
names of the rules it breaks, out of these three:

- "unpinned": a `FROM` whose image has no tag (`FROM python`) or the tag `latest`
  (`FROM python:latest`). A tag such as `3.11.7-slim-bookworm`, a digest (`@sha256:...`),
  `scratch` and the name of an earlier stage (`FROM build`) are all fine.
- "shell-form": a `CMD` or `ENTRYPOINT` that is not a JSON array (`CMD python app.py`).
- "root": the last stage has no `USER` instruction before its `CMD`, or its last such `USER`
  is `root` or `0` (with or without a group, as in `root:root` or `0:0`).

Instructions are case-insensitive; lines starting with `#` are comments; a line ending
with a backslash continues on the next line. A clean Dockerfile returns an empty set.
"""


def problems(text: str) -> set[str]:
    """The names of the rules the Dockerfile `text` breaks, e.g. {"unpinned", "root"}."""
    raise NotImplementedError("write problems")
