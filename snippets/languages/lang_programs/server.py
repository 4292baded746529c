"""The books endpoint in Python: FastAPI, served by uvicorn. Usage: `python server.py PORT`."""

import sys

import uvicorn
from fastapi import FastAPI
from fastapi.responses import JSONResponse

BOOKS = {1: "Dune", 2: "Kindred", 3: "Neuromancer"}

app = FastAPI()


@app.get("/books/{book_id}")
def show_book(book_id: int) -> JSONResponse:
    """One book as JSON, or a 404 with a JSON error."""
    if book_id not in BOOKS:
        return JSONResponse({"error": "book not found"}, status_code=404)
    return JSONResponse({"id": book_id, "title": BOOKS[book_id]})


if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
