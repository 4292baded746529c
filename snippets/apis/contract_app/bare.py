"""GET /books/{book_id} with nothing declared: no return type, no docstring, no responses."""

from fastapi import FastAPI
from fastapi.responses import JSONResponse

# --8<-- [start:bare]
app = FastAPI(title="Library API (bare)", version="0.1.0")
BOOKS = {1: {"id": 1, "title": "The Dispossessed", "author": "Ursula K. Le Guin",
             "year": 1974, "isbn": "9780060512750"}}


@app.get("/books/{book_id}")
def get_book(book_id: int):  # no return type, on purpose
    if book_id not in BOOKS:
        return JSONResponse({"error": "no such book"}, status_code=404)
    return BOOKS[book_id]
# --8<-- [end:bare]
