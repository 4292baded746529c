"""Validate library book documents against a JSON Schema (draft 2020-12) with jsonschema."""

from __future__ import annotations

from typing import Any

from jsonschema import Draft202012Validator

# --8<-- [start:schema]
BOOK_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "Book",
    "type": "object",
    "required": ["id", "title", "author", "year", "isbn"],
    "properties": {
        "id": {"type": "string", "pattern": "^[0-9]{1,20}$"},
        "title": {"type": "string", "minLength": 1},
        "author": {"type": "string", "minLength": 1},
        "year": {"type": "integer", "minimum": 1450, "maximum": 2100},
        "isbn": {"type": "string", "pattern": "^97[89][0-9]{10}$"},
        "added_on": {"type": "string", "format": "date"},
    },
    "additionalProperties": False,
}
# --8<-- [end:schema]


def problems(document: Any, *, check_formats: bool = False) -> list[str]:
    """Every reason `document` breaks BOOK_SCHEMA, as 'path: message', sorted by path."""
    # --8<-- [start:validate]
    Draft202012Validator.check_schema(BOOK_SCHEMA)  # a typo in the schema fails loudly
    checker = Draft202012Validator.FORMAT_CHECKER if check_formats else None
    validator = Draft202012Validator(BOOK_SCHEMA, format_checker=checker)  # [mark:format]
    errors = sorted(validator.iter_errors(document), key=lambda error: list(error.path))
    return [f"{error.json_path}: {error.message}" for error in errors]
    # --8<-- [end:validate]


def main() -> None:
    """Check a good book, a bad one, and an impossible date with and without format checks."""
    # --8<-- [start:run]
    good = {"id": "1", "title": "The Dispossessed", "author": "Ursula K. Le Guin",
            "year": 1974, "isbn": "9780060512750"}
    bad = {"id": 2, "title": "", "year": "1969", "isbn": "0-441-47812-3", "pages": 304}
    print("good:", problems(good) or "valid")
    print("bad:")
    for line in problems(bad):
        print("  ", line)
    odd_date = {**good, "added_on": "2025-02-30"}
    print("2025-02-30, default:      ", problems(odd_date) or "valid")  # [mark:default-valid]
    print("2025-02-30, format checks:", problems(odd_date, check_formats=True))
    # --8<-- [end:run]


if __name__ == "__main__":
    main()
