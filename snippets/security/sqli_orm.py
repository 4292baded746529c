"""SQLAlchemy protects you only while values stay values: `text()` with and without bound params.

This module contains one DELIBERATELY VULNERABLE function, `search_text_vulnerable`. It runs
only against a throwaway SQLite database from `labkit.db.scratch_space()`. Never copy it.
"""

from __future__ import annotations

from sqlalchemy import Engine, String, create_engine, select, text
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from labkit import db
from snippets.security.sqli_app import create_library, short

VULNERABLE = ("search_text_vulnerable",)


class Base(DeclarativeBase):
    """Declarative base for the library's mapped classes."""


class Book(Base):
    """A row of the `books` table."""

    __tablename__ = "books"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String)
    author: Mapped[str] = mapped_column(String)


# --8<-- [start:vulnerable]
def search_text_vulnerable(session: Session, term: str) -> list[tuple[str, str]]:
    """DELIBERATELY VULNERABLE: raw SQL through text(), built with an f-string."""
    sql = text(f"SELECT title, author FROM books WHERE title LIKE '%{term}%'")  # [mark:fstring]
    return [tuple(row) for row in session.execute(sql)]
# --8<-- [end:vulnerable]


# --8<-- [start:bound]
def search_text(session: Session, term: str) -> list[tuple[str, str]]:
    """Raw SQL through text(), with the value as a bound parameter."""
    sql = text("SELECT title, author FROM books WHERE title LIKE :pattern")  # [mark:bind]
    return [tuple(row) for row in session.execute(sql, {"pattern": f"%{term}%"})]


def search_orm(session: Session, term: str) -> list[tuple[str, str]]:
    """The ORM way: the expression language makes every value a bound parameter."""
    query = select(Book.title, Book.author).where(Book.title.contains(term, autoescape=True))
    return [tuple(row) for row in session.execute(query)]
# --8<-- [end:bound]


def engine_for(space: db.Scratch) -> Engine:
    """A SQLAlchemy engine on the same throwaway database as `space`."""
    return create_engine(space.sqlalchemy_url)


def main() -> None:
    """Send one UNION payload through the three search functions."""
    with db.scratch_space() as space:
        create_library(space.connect())
        engine = engine_for(space)
        # --8<-- [start:run]
        leak = "zzz' UNION SELECT username, password_hash FROM users --"
        with Session(engine) as session:
            for search in (search_text_vulnerable, search_text, search_orm):
                rows = search(session, leak)
                print(f"{search.__name__}: {len(rows)} rows")
                for title, author in rows:
                    print(f"    {title:<8} {short(author)}")
        query = select(Book.title).where(Book.title.contains("Dune", autoescape=True))
        print("the ORM's SQL:", " ".join(str(query).split()))
        # --8<-- [end:run]
        engine.dispose()


if __name__ == "__main__":
    main()
