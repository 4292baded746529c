"""The library's GraphQL schema in Strawberry: types, queries, a mutation, an input, loaders."""

from __future__ import annotations

import datetime
import sqlite3
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.dataloader import DataLoader
from strawberry.extensions import MaxAliasesLimiter, QueryDepthLimiter
from strawberry.types import ExecutionContext, Info

Context = dict[str, Any]
"""What every resolver gets as `info.context`: the connection and this request's loaders."""


# --8<-- [start:types]
@strawberry.type
class Author:
    """A person who wrote books."""

    id: int
    name: str
    born: int | None

    @strawberry.field
    async def books(self, info: Info[Context, None]) -> list[Book]:
        """The books this author wrote."""
        return await info.context["books_by_author"].load(self.id)


@strawberry.type
class Book:
    """A book in the catalogue."""

    id: int
    title: str
    year: int | None
    isbn: str | None
    author_id: strawberry.Private[int]  # a column, hidden from the schema  # [mark:private]

    @strawberry.field
    async def author(self, info: Info[Context, None]) -> Author:
        """Who wrote it, loaded in one batch with every other book's author."""
        return await info.context["authors"].load(self.author_id)  # [mark:load]


@strawberry.type
class Loan:
    """A book lent to a member until a due date."""

    id: int
    member: str
    due: datetime.date
    book_id: strawberry.Private[int]

    @strawberry.field
    async def book(self, info: Info[Context, None]) -> Book:
        """The book on loan."""
        return await info.context["books"].load(self.book_id)


@strawberry.input
class LoanInput:
    """What a client sends to borrow a book."""

    book_id: int
    member: str
    due: datetime.date
# --8<-- [end:types]


def to_author(row: sqlite3.Row) -> Author:
    """An Author from a row of the authors table."""
    return Author(id=row["id"], name=row["name"], born=row["born"])


def to_book(row: sqlite3.Row) -> Book:
    """A Book from a row of the books table."""
    return Book(id=row["id"], title=row["title"], year=row["year"], isbn=row["isbn"],
                author_id=row["author_id"])


def to_loan(row: sqlite3.Row) -> Loan:
    """A Loan from a row of the loans table."""
    return Loan(id=row["id"], member=row["member"],
                due=datetime.date.fromisoformat(row["due"]), book_id=row["book_id"])


# --8<-- [start:loaders]
def placeholders(keys: list[int]) -> str:
    """`?, ?, ?` for three keys."""
    return ", ".join("?" * len(keys))


def make_loaders(conn: sqlite3.Connection) -> Context:
    """Fresh loaders for one request: each batches the keys asked for, then runs one query."""

    async def load_authors(ids: list[int]) -> list[Author]:
        rows = conn.execute(
            f"SELECT * FROM authors WHERE id IN ({placeholders(ids)})", ids  # [mark:in]
        ).fetchall()
        by_id = {row["id"]: to_author(row) for row in rows}
        return [by_id[i] for i in ids]  # one result per key, in the order of the keys

    async def load_books(ids: list[int]) -> list[Book]:
        rows = conn.execute(f"SELECT * FROM books WHERE id IN ({placeholders(ids)})", ids)
        by_id = {row["id"]: to_book(row) for row in rows}
        return [by_id[i] for i in ids]

    async def load_books_by_author(ids: list[int]) -> list[list[Book]]:
        rows = conn.execute(
            f"SELECT * FROM books WHERE author_id IN ({placeholders(ids)}) ORDER BY id", ids
        )
        found: dict[int, list[Book]] = {i: [] for i in ids}
        for row in rows:
            found[row["author_id"]].append(to_book(row))
        return [found[i] for i in ids]

    return {
        "conn": conn,
        "authors": DataLoader(load_fn=load_authors),  # [mark:dataloader]
        "books": DataLoader(load_fn=load_books),
        "books_by_author": DataLoader(load_fn=load_books_by_author),
    }
# --8<-- [end:loaders]


class BookUnavailable(Exception):
    """The book is already lent to someone."""


# --8<-- [start:root]
@strawberry.type
class Query:
    """What clients can read."""

    @strawberry.field
    def books(self, info: Info[Context, None]) -> list[Book]:
        """Every book, by id."""
        rows = info.context["conn"].execute("SELECT * FROM books ORDER BY id")
        return [to_book(row) for row in rows]

    @strawberry.field
    def book(self, info: Info[Context, None], id: int) -> Book | None:
        """One book, or null if there is no such book."""
        row = info.context["conn"].execute("SELECT * FROM books WHERE id = ?", (id,)).fetchone()
        return to_book(row) if row else None

    @strawberry.field
    def loans(self, info: Info[Context, None], member: str) -> list[Loan]:
        """A member's loans, soonest due first."""
        rows = info.context["conn"].execute(
            "SELECT * FROM loans WHERE member = ? ORDER BY due", (member,))
        return [to_loan(row) for row in rows]


@strawberry.type
class Mutation:
    """What clients can change."""

    @strawberry.mutation
    def borrow_book(self, info: Info[Context, None], loan: LoanInput) -> Loan | None:
        """Lend a book to a member; an error if someone already has it."""
        conn: sqlite3.Connection = info.context["conn"]
        try:
            with conn:  # commit, or roll back on error
                cursor = conn.execute(
                    "INSERT INTO loans (book_id, member, due) VALUES (?, ?, ?)",
                    (loan.book_id, loan.member, loan.due.isoformat()))
        except sqlite3.IntegrityError:
            message = f"book {loan.book_id} is already on loan"
            raise BookUnavailable(message) from None  # [mark:raise]
        return Loan(id=cursor.lastrowid, member=loan.member, due=loan.due, book_id=loan.book_id)
# --8<-- [end:root]


class LibrarySchema(strawberry.Schema):
    """A schema that logs only the errors a developer must look at, not the client's mistakes."""

    def process_errors(self, errors: list[GraphQLError],
                       execution_context: ExecutionContext | None = None) -> None:
        """Log unexpected exceptions only (Strawberry logs every error by default)."""
        unexpected = [e for e in errors if e.original_error is not None  # not a syntax error
                      and not isinstance(e.original_error, BookUnavailable)]
        if unexpected:
            super().process_errors(unexpected, execution_context)


# --8<-- [start:limits]
def make_schema(*, limits: bool = True) -> strawberry.Schema:
    """The library schema; with `limits`, deep or alias-heavy queries are refused."""
    extensions = [  # factories: Strawberry builds fresh extensions for each request
        lambda: QueryDepthLimiter(max_depth=4),  # [mark:depth]
        lambda: MaxAliasesLimiter(max_alias_count=10),  # [mark:aliases]
    ] if limits else []
    return LibrarySchema(query=Query, mutation=Mutation, extensions=extensions)
# --8<-- [end:limits]
