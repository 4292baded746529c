"""Check the books contract, whatever language the server is written in.

Four programs on this page promise the same contract. A language-neutral test of it is
what lets a team rewrite a service in another language, or compare two, without guessing.
Write `problems(base_url)`, which sends real requests to the server at `base_url` (for
example `http://127.0.0.1:8000`) and returns a list of short messages, one per broken
promise, or `[]` when the server keeps them all:

- `GET /books/1` answers 200 with the JSON object `{"id": 1, "title": <a non-empty string>}`:
  `id` is the number 1, not the string `"1"`, and there are no other members.
- `GET /books/999999` answers 404 with a JSON object that has an `"error"` string.
- Both answers have the content type `application/json`; a parameter such as
  `; charset=utf-8` is allowed (Rails sends one).

A server that sends a body which is not JSON at all is a problem to report, not a crash.
"""

from __future__ import annotations


def problems(base_url: str) -> list[str]:
    """Every way the server at `base_url` breaks the books contract ([] if none)."""
    raise NotImplementedError("write problems")
