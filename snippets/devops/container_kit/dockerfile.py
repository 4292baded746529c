"""Read a Dockerfile into instructions and stages, the way a builder does (the parts we need).

Handles comments, line continuations with a trailing backslash, and the two forms of
`CMD`/`ENTRYPOINT`/`RUN`: exec form (a JSON array) and shell form (a string for `/bin/sh -c`).
It does not handle heredocs or a changed escape character, which our Dockerfiles do not use.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
"""The repository root: the build context of `/Dockerfile`."""


@dataclass(frozen=True)
class Instruction:
    """One instruction: its keyword (upper case), its text, and the line it starts on."""

    keyword: str
    text: str
    line: int

    def exec_form(self) -> list[str] | None:
        """The JSON array of an exec-form instruction, or None for shell form."""
        text = self.text
        if self.keyword == "HEALTHCHECK":
            words = text.split()
            if "CMD" not in words:
                return None
            text = text[text.index("CMD") + 3:].strip()
        try:
            value = json.loads(text)
        except ValueError:
            return None
        return value if isinstance(value, list) else None

    def flags(self) -> dict[str, str]:
        """The `--name=value` options at the start of the text (`COPY --from=build ...`)."""
        found = {}
        for word in self.text.split():
            if not word.startswith("--"):
                break
            name, _, value = word[2:].partition("=")
            found[name] = value
        return found

    def args(self) -> list[str]:
        """The words after the options, split on white space."""
        return [word for word in self.text.split() if not word.startswith("--")]


@dataclass
class Stage:
    """A `FROM` and the instructions up to the next one."""

    base: str
    name: str | None
    start: Instruction
    body: list[Instruction] = field(default_factory=list)

    def find(self, keyword: str) -> list[Instruction]:
        """The instructions of this stage with this keyword, in order."""
        return [i for i in self.body if i.keyword == keyword]


def instructions(text: str) -> list[Instruction]:
    """Split Dockerfile text into instructions, joining continued lines."""
    found: list[Instruction] = []
    pending: list[str] = []
    start = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if pending and line.startswith("#"):
            continue  # a comment inside a continued instruction is dropped
        if not pending:
            start = number
        if line.endswith("\\"):
            pending.append(line[:-1].strip())
            continue
        pending.append(line)
        keyword, _, rest = " ".join(part for part in pending if part).partition(" ")
        found.append(Instruction(keyword.upper(), rest.strip(), start))
        pending = []
    return found


def stages(text: str) -> list[Stage]:
    """Group the instructions into stages, one per `FROM`."""
    result: list[Stage] = []
    for instruction in instructions(text):
        if instruction.keyword == "FROM":
            words = instruction.args()
            name = words[2] if len(words) >= 3 and words[1].upper() == "AS" else None
            result.append(Stage(words[0], name, instruction))
        elif result:
            result[-1].body.append(instruction)
    return result


def read(path: Path) -> list[Stage]:
    """The stages of the Dockerfile at `path`."""
    return stages(path.read_text(encoding="utf-8"))
