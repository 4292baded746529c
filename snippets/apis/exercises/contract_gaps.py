"""Find the gaps in an OpenAPI document.

A contract test can only hold an API to what its OpenAPI document declares. Write
`missing_responses(document)`, a small linter that reads an OpenAPI 3.1 document (a dict, as
`app.openapi()` or `GET /openapi.json` returns it) and lists what each operation forgot to
declare. An operation is one HTTP method under one path in `document["paths"]`.

Report, for each operation, with the label `"METHOD /path: missing X"`:

- `"missing 2xx"` when none of its response codes starts with 2;
- `"missing 404"` when it has a path parameter and does not declare 404;
- `"missing 400 or 422"` when it has a request body or any parameter and declares neither.

Parameters can be listed on the operation *and* on the path item (they apply to every operation
under that path); keys of a path item such as `parameters`, `summary` or `servers` are not
operations. The methods are get, put, post, delete, options, head, patch and trace. Return the
labels sorted, with the method in upper case, e.g. `["GET /books/{book_id}: missing 404"]`.
"""

from typing import Any


def missing_responses(document: dict[str, Any]) -> list[str]:
    """List the responses each operation of an OpenAPI document should declare but does not."""
    raise NotImplementedError("write missing_responses")
