"""Named regions and line marks in snippet files.

A region is a span of lines between two marker comments

```python
# --8<-- [start:connect]
conn = sqlite3.connect(":memory:")
# --8<-- [end:connect]
```

A mark tags one line so a page can highlight it by name: `total += x  # [mark:sum]`
(inside SQL text, `-- [mark:name]` works too). Marks are not shown on the page.
Pages never refer to line numbers, so code can move without breaking them.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from labkit.errors import LabError, read_text

REGION = re.compile(r"--8<--\s*\[(start|end):([A-Za-z0-9_-]*)\]")
MARK = re.compile(r"\s*\[mark:([A-Za-z0-9_-]+)\]\s*$")
COMMENT_END = re.compile(r"\s*(#|--|//)\s*$")
NAME = re.compile(r"[A-Za-z0-9_-]+")


@dataclass(frozen=True)
class Excerpt:
    """Lines cut from a snippet file, ready to show.

    Attributes:
        code: The text, marker comments removed and common indentation stripped.
        highlights: 1-based line numbers within `code` to highlight.
    """

    code: str
    highlights: tuple[int, ...] = ()


@dataclass
class SourceMap:
    """Where the regions and marks of one file are (0-based line indexes)."""

    path: Path
    lines: list[str]
    regions: dict[str, tuple[int, int]] = field(default_factory=dict)
    marks: dict[str, list[int]] = field(default_factory=dict)
    marker_lines: set[int] = field(default_factory=set)

    def excerpt(self, region: str | None = None, highlight: tuple[str, ...] = ()) -> Excerpt:
        """Cut out `region` (or the whole file) and resolve `highlight` names to lines.

        Raises:
            LabError: if the region or a highlight name does not exist.
        """
        if region is None:
            first, last = 0, len(self.lines)
        elif region in self.regions:
            first, last = self.regions[region]
        else:
            raise LabError(self.path, 0, f"no region named '{region}'", self._regions_fix(region))
        kept = [i for i in range(first, last) if i not in self.marker_lines]
        wanted: set[int] = set()
        for name in highlight:
            if name in self.regions:
                start, end = self.regions[name]
                wanted.update(range(start, end))
            elif name in self.marks:
                wanted.update(self.marks[name])
            else:
                raise LabError(
                    self.path,
                    0,
                    f"nothing named '{name}' to highlight",
                    f"tag the line with `# [mark:{name}]` or wrap the lines in a region "
                    f"'{name}'; names in this file: {self._names()}",
                )
        text = textwrap.dedent("\n".join(_strip_mark(self.lines[i]) for i in kept))
        numbers = tuple(n for n, i in enumerate(kept, start=1) if i in wanted)
        return Excerpt(code=text.strip("\n") + "\n", highlights=numbers)

    def _names(self) -> str:
        names = sorted(set(self.regions) | set(self.marks))
        return ", ".join(names) if names else "(none)"

    def _regions_fix(self, region: str) -> str:
        known = ", ".join(sorted(self.regions)) or "(none)"
        return (
            f"add `# --8<-- [start:{region}]` and `# --8<-- [end:{region}]` around the lines "
            f"in {self.path.name}, or use an existing region: {known}"
        )


def _mark_of(line: str) -> tuple[str, str] | None:
    """`(name, line without the mark)` if the line ends in a `#`, `--` (SQL) or `//` (JavaScript,
    Java) comment with a mark."""
    mark = MARK.search(line)
    if not mark or not re.search(r"#|--|//", line[: mark.start()]):
        return None
    return mark.group(1), COMMENT_END.sub("", line[: mark.start()])


def _strip_mark(line: str) -> str:
    found = _mark_of(line)
    return found[1] if found else line


def load(path: Path) -> SourceMap:
    """Read and index a snippet file.

    Raises:
        LabError: if the file is missing or not UTF-8, or a region is unclosed, unopened,
            unnamed or defined twice.
    """
    if not path.is_file():
        raise LabError(path, 0, "snippet file not found", "check the path (relative to snippets/)")
    return _parse(str(path), read_text(path))


@lru_cache(maxsize=512)
def _parse(path_text: str, text: str) -> SourceMap:
    path = Path(path_text)
    source = SourceMap(path=path, lines=text.splitlines())
    open_regions: dict[str, int] = {}
    for index, line in enumerate(source.lines):
        number = index + 1
        marker = REGION.search(line)
        if marker:
            kind, name = marker.groups()
            source.marker_lines.add(index)
            if not NAME.fullmatch(name):
                raise LabError(path, number, "region marker without a name",
                               "write `# --8<-- [start:a-name]` with letters, digits, - or _")
            if kind == "start":
                if name in open_regions or name in source.regions:
                    first = open_regions.get(name, source.regions.get(name, (0, 0))[0])
                    raise LabError(path, number, f"region '{name}' is defined twice "
                                   f"(first at line {first})",
                                   "give each region in a file its own name")
                open_regions[name] = number
            else:
                if name not in open_regions:
                    raise LabError(path, number, f"region '{name}' ends here but never starts",
                                   f"add `# --8<-- [start:{name}]` above its first line")
                source.regions[name] = (open_regions.pop(name), index)
            continue
        if found := _mark_of(line):
            source.marks.setdefault(found[0], []).append(index)
    for name, start in open_regions.items():
        raise LabError(path, start, f"region '{name}' starts here but is never closed",
                       f"add `# --8<-- [end:{name}]` after its last line")
    return source
