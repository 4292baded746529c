"""Pydantic models of the library API: what goes in, what comes out, what an error looks like."""

from datetime import date

from pydantic import BaseModel, ConfigDict, Field


# --8<-- [start:book]
class BookIn(BaseModel):
    """A book as a client sends it, without an id."""

    model_config = ConfigDict(
        json_schema_extra={  # [mark:example]
            "examples": [
                {"title": "The Dispossessed", "author": "Ursula K. Le Guin",
                 "year": 1974, "isbn": "9780060512750"}
            ]
        }
    )

    title: str = Field(min_length=1, max_length=200, description="Title as printed on the cover")
    author: str = Field(min_length=1, max_length=120)
    year: int = Field(ge=1450, le=2100, description="Year of first publication")
    isbn: str = Field(pattern=r"^\d{13}$", description="ISBN-13, digits only")


class Book(BookIn):
    """A book as the API returns it."""

    id: int
# --8<-- [end:book]


class Loan(BaseModel):
    """A loan of one book to one member."""

    id: int
    book_id: int
    member: str
    due: date


# --8<-- [start:loan-request-v1]
class LoanRequestV1(BaseModel):
    """First version: any whole number of days is accepted."""

    member: str = Field(min_length=1, max_length=80)
    days: int = 14  # [mark:unbounded]
# --8<-- [end:loan-request-v1]


# --8<-- [start:loan-request]
class LoanRequest(BaseModel):
    """Fixed version: the library lends books for 1 to 60 days."""

    member: str = Field(min_length=1, max_length=80)
    days: int = Field(default=14, ge=1, le=60)  # [mark:bounded]
# --8<-- [end:loan-request]


# --8<-- [start:problem]
class Problem(BaseModel):
    """An error body in the shape of RFC 9457 (Problem Details for HTTP APIs)."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
# --8<-- [end:problem]
