"""The three shapes of a book: what a client sends to create it, to patch it, and reads back."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

Title = Annotated[str, Field(min_length=1, max_length=200)]
Author = Annotated[str, Field(min_length=1, max_length=120)]
Year = Annotated[int, Field(ge=1450, le=2100)]
Isbn = Annotated[str, Field(pattern=r"^\d{13}$", description="ISBN-13, digits only")]


# --8<-- [start:create]
class BookCreate(BaseModel):
    """What a client sends to create a book (POST) or replace one (PUT): every field."""

    model_config = ConfigDict(extra="forbid")  # [mark:forbid]

    title: Title
    author: Author
    year: Year
    isbn: Isbn
# --8<-- [end:create]


# --8<-- [start:update]
class BookUpdate(BaseModel):
    """What a client sends to PATCH a book: any subset of the fields."""

    model_config = ConfigDict(extra="forbid")

    title: Title | None = None
    author: Author | None = None
    year: Year | None = None
    isbn: Isbn | None = None

    @field_validator("*", mode="before")
    @classmethod
    def refuse_null(cls, value: Any) -> Any:
        """A field may be left out, but not sent as null: every book has all four."""
        if value is None:  # [mark:null]
            raise ValueError("may be left out, but not null")
        return value
# --8<-- [end:update]


# --8<-- [start:read]
class BookRead(BaseModel):
    """What the API returns: the id the server gave the book, then its fields."""

    id: int
    title: str
    author: str
    year: int
    isbn: str
# --8<-- [end:read]
