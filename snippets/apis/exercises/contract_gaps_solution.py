"""Reference solution: find the gaps in an OpenAPI document."""

from typing import Any

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def missing_responses(document: dict[str, Any]) -> list[str]:
    """List the responses each operation of an OpenAPI document should declare but does not."""
    gaps = []
    for path, item in document.get("paths", {}).items():
        shared = item.get("parameters", [])
        for method in METHODS:
            if method not in item:
                continue
            operation = item[method]
            label = f"{method.upper()} {path}"
            codes = set(operation.get("responses", {}))
            parameters = [*shared, *operation.get("parameters", [])]
            if not any(code.startswith("2") for code in codes):
                gaps.append(f"{label}: missing 2xx")
            if any(p.get("in") == "path" for p in parameters) and "404" not in codes:
                gaps.append(f"{label}: missing 404")
            takes_input = bool(parameters) or "requestBody" in operation
            if takes_input and not codes & {"400", "422"}:
                gaps.append(f"{label}: missing 400 or 422")
    return sorted(gaps)
