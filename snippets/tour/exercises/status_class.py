"""Name the class of an HTTP status code.

RFC 9110 (section 15) groups status codes by their first digit. Write
`status_class(code)` so that it returns "informational" for 1xx, "success" for 2xx,
"redirection" for 3xx, "client error" for 4xx and "server error" for 5xx, and raises
`ValueError` for any number outside 100–599.
"""


def status_class(code: int) -> str:
    """Return the class of an HTTP status code, e.g. "client error" for 404."""
    raise NotImplementedError("write status_class")
