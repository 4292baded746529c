"""Hidden checks for the status_class exercise."""

from types import ModuleType


def check_success(module: ModuleType) -> None:
    """200, 201 and 204 are "success"."""
    for code in (200, 201, 204):
        got = module.status_class(code)
        assert got == "success", f"status_class({code}) returned {got!r}, expected 'success'"


def check_every_class(module: ModuleType) -> None:
    """One code of each class gets the right name."""
    expected = {101: "informational", 304: "redirection", 404: "client error",
                503: "server error"}
    for code, name in expected.items():
        got = module.status_class(code)
        assert got == name, f"status_class({code}) returned {got!r}, expected {name!r}"


def check_edges(module: ModuleType) -> None:
    """The first and last code of a class belong to it (400 and 499)."""
    for code in (400, 499):
        got = module.status_class(code)
        assert got == "client error", f"status_class({code}) returned {got!r}"


def check_rejects_non_codes(module: ModuleType) -> None:
    """Numbers outside 100-599 raise ValueError."""
    for code in (99, 600, -1):
        try:
            module.status_class(code)
        except ValueError:
            continue
        raise AssertionError(f"status_class({code}) should raise ValueError")
