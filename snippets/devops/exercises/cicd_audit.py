"""Review a GitHub Actions workflow for four security mistakes.

Write `problems(text)`. It receives the YAML text of a workflow and returns the set of
problems it finds, each a string:

- `"no-permissions"`: the workflow has no top-level `permissions:` key, or it is
  `write-all`. (Without the key, the GITHUB_TOKEN gets the repository's default
  permissions, which may allow writes.)
- `"pull_request_target"`: the workflow is triggered by `pull_request_target`, which runs
  with the base repository's token and secrets on a pull request from anyone. Triggers may
  be written as a string (`on: push`), a list (`on: [push, pull_request_target]`) or a
  mapping.
- `"unpinned <uses>"`, e.g. `"unpinned actions/checkout@main"`: a step's `uses:` whose ref
  (after the `@`) is neither a version tag like `v4` or `v4.2.1` nor a full 40-character
  commit SHA; also a `uses:` with no `@` at all. Local actions (`./...`) and `docker://`
  images are not checked.
- `"injection <job>"`, e.g. `"injection build"`: a step of that job whose `run:` script
  contains a `${{ ... }}` expression that reads `github.event.` or `github.head_ref`:
  text an outsider controls, pasted into a shell script.

Careful: PyYAML reads the key `on` as the boolean `True` (YAML 1.1).
A workflow with none of these problems returns an empty set.
"""

from __future__ import annotations


def problems(text: str) -> set[str]:
    """The problems found in the workflow `text`."""
    raise NotImplementedError("write problems")
