"""Print the library's GraphQL schema, written by Strawberry from Python classes, in SDL."""

from __future__ import annotations

from snippets.apis.graphql_app.schema import make_schema

DEPENDS = ("graphql_app/",)


def main() -> None:
    """Print the schema in the GraphQL schema definition language."""
    # --8<-- [start:main]
    schema = make_schema()
    print(schema.as_str())
    # --8<-- [end:main]


if __name__ == "__main__":
    main()
