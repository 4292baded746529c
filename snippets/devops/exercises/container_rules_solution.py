"""Reference solution: lint a Dockerfile for three mistakes."""

import json


def _instructions(text: str) -> list[tuple[str, str]]:
    """(KEYWORD, rest) for each instruction, continued lines joined, comments dropped."""
    found = []
    pending = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        keyword, _, rest = (pending + line).partition(" ")
        found.append((keyword.upper(), rest.strip()))
        pending = ""
    return found


def _is_json_array(text: str) -> bool:
    try:
        return isinstance(json.loads(text), list)
    except ValueError:
        return False


def problems(text: str) -> set[str]:
    """The names of the rules the Dockerfile `text` breaks, e.g. {"unpinned", "root"}."""
    found: set[str] = set()
    stages: set[str] = set()
    user = None
    seen_cmd = False
    for keyword, rest in _instructions(text):
        if keyword == "FROM":
            words = rest.split()
            image = next(w for w in words if not w.startswith("--"))
            if len(words) >= 3 and words[-2].upper() == "AS":
                stages.add(words[-1].lower())
            name_part = image.rsplit("/", 1)[-1]
            pinned = "@" in image or (":" in name_part and not name_part.endswith(":latest"))
            if not pinned and image.lower() not in stages | {"scratch"}:
                found.add("unpinned")
            user, seen_cmd = None, False
        elif keyword in ("CMD", "ENTRYPOINT"):
            if not _is_json_array(rest):
                found.add("shell-form")
            if keyword == "CMD" and not seen_cmd:
                seen_cmd = True
                if user is None or user in {"root", "0", "root:root", "0:0"}:
                    found.add("root")
        elif keyword == "USER" and not seen_cmd:
            user = rest.strip()
    if not seen_cmd and (user is None or user in {"root", "0", "root:root", "0:0"}):
        found.add("root")
    return found
