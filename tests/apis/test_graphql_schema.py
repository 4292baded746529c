"""Mirrors snippets/apis/graphql_schema.py: the SDL has the types, the input and both roots."""

from __future__ import annotations

from snippets.apis.graphql_app.schema import make_schema


def test_schema_declares_types_input_query_and_mutation() -> None:
    sdl = make_schema().as_str()
    for line in ("type Book {", "type Author {", "type Loan {", "input LoanInput {",
                 "type Query {", "type Mutation {", "borrowBook(loan: LoanInput!): Loan",
                 "author: Author!"):
        assert line in sdl, line
    assert "authorId" not in sdl.split("input LoanInput")[0], "Private fields must stay hidden"
