"""One error type for everything a contributor can get wrong, with `file:line` and a fix."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from labkit.paths import display_path


@dataclass
class LabError(Exception):
    """A mistake in a page, a snippet or an output file.

    Attributes:
        path: The file at fault.
        line: The 1-based line in that file, or 0 when the whole file is at fault.
        message: What is wrong.
        fix: What to do about it, as one instruction.
        detail: Supporting text (a diff, the end of a traceback), shown indented.
    """

    path: Path | str
    line: int
    message: str
    fix: str = ""
    detail: str = ""

    def __post_init__(self) -> None:
        super().__init__(str(self))

    @property
    def location(self) -> str:
        """`file:line`, with the file relative to the repository root."""
        where = display_path(self.path)
        return f"{where}:{self.line}" if self.line else where

    def __str__(self) -> str:
        text = f"{self.location}: {self.message}"
        if self.fix:
            text += f"\n    fix: {self.fix}"
        if self.detail:
            text += "\n" + "\n".join("    | " + line for line in self.detail.splitlines())
        return text


def read_text(path: Path) -> str:
    """Read a contributor's file (page, snippet, output) as UTF-8.

    Raises:
        LabError: if it is not UTF-8, naming the line and byte offset of the first bad byte.
    """
    data = Path(path).read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        bad = data[error.start : error.start + 1]
        raise LabError(
            path, line,
            f"not UTF-8 text: byte {bad!r} at byte offset {error.start} cannot be decoded",
            "save the file as UTF-8 (in most editors: 'Save with encoding' > UTF-8), or "
            "replace the character; `iconv -f latin1 -t utf-8` converts a Latin-1 file",
        ) from None
