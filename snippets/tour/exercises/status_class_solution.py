"""Reference solution: name the class of an HTTP status code."""

CLASSES = {
    1: "informational",
    2: "success",
    3: "redirection",
    4: "client error",
    5: "server error",
}


def status_class(code: int) -> str:
    """Return the class of an HTTP status code, e.g. "client error" for 404."""
    if not 100 <= code <= 599:
        raise ValueError(f"{code} is not an HTTP status code (100-599)")
    return CLASSES[code // 100]
