"""The rules the page "Containers" teaches, checked on a parsed Dockerfile.

Each rule is a function that takes the stages and yields findings. hadolint checks many
of the same things line by line; these rules look at the file as a whole (is there a USER
before CMD? a HEALTHCHECK at all? is code copied before the dependencies are installed?).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from snippets.devops.container_kit.dockerfile import Instruction, Stage

SECRET_NAME = re.compile(r"PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL", re.I)
DEPENDENCY_FILE = re.compile(r"requirements[^ ]*\.(txt|lock)$|pyproject\.toml$|poetry\.lock$")
WHERE_SEEN = {"ENV": "kept in the image config (docker inspect shows it)",
              "ARG": "visible in the image history (docker history)"}
ROOT_USERS = {"root", "0", "root:root", "0:0"}


@dataclass(frozen=True)
class Finding:
    """A broken rule, with the line it was found on (0 for the whole file)."""

    rule: str
    line: int
    message: str


def multi_stage(stages: list[Stage]) -> Iterator[Finding]:
    """A build stage for tools and a runtime stage that copies only the results."""
    if len(stages) < 2:
        yield Finding("multi-stage", 0, "one stage only: build tools ship in the image")


def pinned_base(stages: list[Stage]) -> Iterator[Finding]:
    """Every base image names a tag (not `latest`) or a digest."""
    names = {stage.name for stage in stages if stage.name}
    for stage in stages:
        image = stage.base
        if image in names or image == "scratch" or "@sha256:" in image:
            continue
        tag = image.rpartition(":")[2] if ":" in image.rpartition("/")[2] else None
        if tag is None or tag == "latest":
            yield Finding("pinned-base", stage.start.line,
                          f"FROM {image}: no fixed tag, so each build may get another image")


def non_root(stages: list[Stage]) -> Iterator[Finding]:
    """The final stage switches to a user that is not root before its CMD."""
    final = stages[-1]
    users = final.find("USER")
    cmd_lines = [i.line for i in final.find("CMD") + final.find("ENTRYPOINT")]
    first_cmd = min(cmd_lines, default=10**9)
    before = [u for u in users if u.line < first_cmd]
    if not before or before[-1].text.strip() in ROOT_USERS:
        yield Finding("non-root", final.start.line, "no USER that is not root before CMD: "
                      "the process runs as root")


def healthcheck(stages: list[Stage]) -> Iterator[Finding]:
    """The final stage says how to tell that the service is healthy."""
    checks = stages[-1].find("HEALTHCHECK")
    if not checks or checks[-1].text.upper() == "NONE":
        yield Finding("healthcheck", 0, "no HEALTHCHECK: the engine cannot tell a hung "
                      "service from a healthy one")


def exec_form(stages: list[Stage]) -> Iterator[Finding]:
    """CMD and ENTRYPOINT are JSON arrays, so the program itself is PID 1."""
    for stage in stages:
        for instruction in stage.find("CMD") + stage.find("ENTRYPOINT"):
            if instruction.exec_form() is None:
                yield Finding("exec-form", instruction.line, f"{instruction.keyword} in shell "
                              "form: /bin/sh is PID 1 and SIGTERM never reaches the app")


def _installs(instruction: Instruction) -> bool:
    return instruction.keyword == "RUN" and "pip install" in instruction.text


def dependencies_first(stages: list[Stage]) -> Iterator[Finding]:
    """The dependency list is copied and installed before the code is copied."""
    for stage in stages:
        install = next((i for i in stage.body if _installs(i)), None)
        if install is None:
            continue
        for copy in stage.find("COPY") + stage.find("ADD"):
            if copy.line > install.line or "from" in copy.flags():
                continue
            sources = [s for s in copy.args()[:-1] if not re.match(r"https?://", s)]
            if sources and not all(DEPENDENCY_FILE.search(source) for source in sources):
                yield Finding("dependencies-first", copy.line, f"{copy.keyword} "
                              f"{' '.join(sources)} before `pip install`: any code change "
                              "invalidates the dependency layer")


def no_remote_add(stages: list[Stage]) -> Iterator[Finding]:
    """No `ADD` of a URL without `--checksum`: it fetches unverified bytes at build time."""
    for stage in stages:
        for add in stage.find("ADD"):
            if "checksum" in add.flags():
                continue
            if any(re.match(r"https?://", source) for source in add.args()[:-1]):
                yield Finding("no-remote-add", add.line, "ADD of a URL without --checksum: "
                              "unverified download baked into a layer")


def no_secrets(stages: list[Stage]) -> Iterator[Finding]:
    """No ENV or ARG whose name looks like a secret: both end up in the image's history."""
    for stage in stages:
        for instruction in stage.find("ENV") + stage.find("ARG"):
            for word in instruction.args():
                name = word.partition("=")[0]
                if SECRET_NAME.search(name):
                    where = WHERE_SEEN[instruction.keyword]
                    yield Finding("no-secrets", instruction.line,
                                  f"{instruction.keyword} {name}: a secret {where}")


RULES: list[Callable[[list[Stage]], Iterator[Finding]]] = [
    multi_stage, pinned_base, non_root, healthcheck, exec_form, dependencies_first,
    no_remote_add, no_secrets,
]


def check(stages: list[Stage]) -> list[Finding]:
    """Every finding of every rule, in line order."""
    found = [finding for rule in RULES for finding in rule(stages)]
    return sorted(found, key=lambda finding: finding.line)
