"""Hidden checks for the container_rules exercise."""

from types import ModuleType

GOOD = """\
FROM python:3.11.7-slim-bookworm AS build
RUN python -m venv /opt/venv
FROM python:3.11.7-slim-bookworm
COPY --from=build /opt/venv /opt/venv
USER 10001:10001
CMD ["python", "-m", "http.server"]
"""


def _check(module: ModuleType, text: str, expected: set[str]) -> None:
    got = module.problems(text)
    assert got == expected, f"problems() returned {got!r}, expected {expected!r} for:\n{text}"


def check_clean(module: ModuleType) -> None:
    """A pinned, exec-form, non-root Dockerfile has no problems (stage names are fine)."""
    _check(module, GOOD, set())


def check_unpinned(module: ModuleType) -> None:
    """`FROM python`, `FROM python:latest` and a registry path without a tag are unpinned."""
    for base in ("python", "python:latest", "registry.example.com:5000/team/python"):
        _check(module, GOOD.replace("python:3.11.7-slim-bookworm AS build", base + " AS build"),
               {"unpinned"})


def check_digest_and_scratch(module: ModuleType) -> None:
    """A digest or `scratch` counts as pinned."""
    digest = "python@sha256:" + "0" * 64
    _check(module, GOOD.replace("python:3.11.7-slim-bookworm AS build", digest + " AS build"),
           set())
    _check(module, "FROM scratch\nUSER 1000\nCMD [\"/app\"]\n", set())


def check_shell_form(module: ModuleType) -> None:
    """A shell-form CMD or ENTRYPOINT is reported, across a continued line too."""
    _check(module, GOOD.replace('CMD ["python", "-m", "http.server"]',
                                "CMD python -m \\\n    http.server"), {"shell-form"})
    _check(module, GOOD.replace("CMD", "ENTRYPOINT"), set())
    _check(module, GOOD.replace('CMD ["python", "-m", "http.server"]', "entrypoint python"),
           {"shell-form"})


def check_root(module: ModuleType) -> None:
    """No USER, USER root, USER 0:0 or a USER only after CMD all run as root."""
    _check(module, GOOD.replace("USER 10001:10001\n", ""), {"root"})
    _check(module, GOOD.replace("USER 10001:10001", "USER root"), {"root"})
    _check(module, GOOD.replace("USER 10001:10001", "user 0:0"), {"root"})
    moved = GOOD.replace("USER 10001:10001\n", "") + "USER 10001\n"
    _check(module, moved, {"root"})


def check_user_of_the_last_stage(module: ModuleType) -> None:
    """A USER in the build stage does not count for the final stage."""
    text = GOOD.replace("RUN python -m venv", "USER 10001\nRUN python -m venv")
    _check(module, text.replace("USER 10001:10001\n", ""), {"root"})


def check_comments_ignored(module: ModuleType) -> None:
    """Comments, blank lines and lower-case keywords are handled."""
    text = "# FROM python:latest\n\n" + GOOD.lower().replace("as build", "AS build")
    _check(module, text.replace("from python:3.11.7-slim-bookworm\n", "from python:3.11.7\n"),
           set())
