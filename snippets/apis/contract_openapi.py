"""Fetch the OpenAPI 3.1 document FastAPI serves, and compare a bare route with a documented one."""

from __future__ import annotations

import json
from typing import Any

import httpx

from labkit.serve import serve_in_thread
from snippets.apis.contract_app import build_app
from snippets.apis.contract_app.bare import app as bare_app

DEPENDS = ("contract_app/",)


# --8<-- [start:describe]
def schema_name(content: dict[str, Any]) -> str:
    """Name the JSON schema of a response: a $ref's last part, or the schema itself."""
    schema = content.get("application/json", {}).get("schema")
    if schema is None:
        return "(no body declared)"
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    return json.dumps(schema)


def describe(document: dict[str, Any], path: str, method: str) -> None:
    """Print what a client learns about one operation from the document."""
    operation = document["paths"][path][method]
    print(f"  {method.upper()} {path}: summary={operation['summary']!r}")
    print(f"    description: {operation.get('description', '(none)')!r}")
    for status, response in operation["responses"].items():
        body = schema_name(response.get("content", {}))
        print(f"    {status} {response['description']}: {body}")
# --8<-- [end:describe]


def main() -> None:
    """Fetch /openapi.json from both apps over HTTP and print selected parts."""
    # --8<-- [start:main]
    # --8<-- [start:fetch]
    documents = {}
    for name, app in (("bare", bare_app), ("documented", build_app())):
        with serve_in_thread(app) as base_url:
            response = httpx.get(f"{base_url}/openapi.json", timeout=5)
            documents[name] = response.json()
    documented = documents["documented"]
    print("openapi:", documented["openapi"])
    print("info:", documented["info"])
    print("paths:")
    for path, operations in documented["paths"].items():
        print(f"  {path}: {', '.join(method.upper() for method in operations)}")
    # --8<-- [end:fetch]
    # --8<-- [start:compare]
    for name, document in documents.items():
        print(f"{name}:")
        describe(document, "/books/{book_id}", "get")
    # --8<-- [end:compare]
    # --8<-- [start:schema]
    book_in = documented["components"]["schemas"]["BookIn"]
    print("BookIn schema:")
    print(json.dumps(book_in, indent=2))
    # --8<-- [end:schema]
    # --8<-- [end:main]


if __name__ == "__main__":
    main()
