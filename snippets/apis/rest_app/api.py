"""The library's books as a REST resource: FastAPI routes over an in-memory store."""

from __future__ import annotations

from fastapi import FastAPI, HTTPException, Response, status

from snippets.apis.rest_app.models import BookCreate, BookRead, BookUpdate


# --8<-- [start:store]
class BookStore:
    """Books in a dict, keyed by id; ids are handed out 1, 2, 3... and never reused."""

    def __init__(self) -> None:
        self.books: dict[int, BookRead] = {}
        self.last_id = 0

    def get(self, book_id: int) -> BookRead:
        """The book with this id, or a 404 for the client."""
        if book_id not in self.books:
            raise HTTPException(status.HTTP_404_NOT_FOUND, f"No book has id {book_id}")
        return self.books[book_id]

    def check_isbn(self, isbn: str, *, book_id: int | None = None) -> None:
        """Refuse, with a 409, an ISBN that another book already has."""
        for other in self.books.values():
            if other.isbn == isbn and other.id != book_id:
                raise HTTPException(status.HTTP_409_CONFLICT,
                                    f"Book {other.id} already has ISBN {isbn}")
# --8<-- [end:store]


def create_app() -> FastAPI:
    """A fresh app with an empty store: every call starts a new, empty library."""
    app = FastAPI(title="Library API")
    store = BookStore()

    # --8<-- [start:collection]
    @app.post("/books", status_code=status.HTTP_201_CREATED)  # [mark:created]
    def create_book(book: BookCreate, response: Response) -> BookRead:
        """Add a book; answer 201 with its URL in Location."""
        store.check_isbn(book.isbn)
        store.last_id += 1
        created = BookRead(id=store.last_id, **book.model_dump())
        store.books[created.id] = created
        location = app.url_path_for("read_book", book_id=created.id)
        response.headers["Location"] = location  # [mark:location]
        return created

    @app.get("/books")
    def list_books() -> list[BookRead]:
        """Every book, in id order."""
        return [store.books[book_id] for book_id in sorted(store.books)]
    # --8<-- [end:collection]

    # --8<-- [start:item]
    @app.get("/books/{book_id}")
    def read_book(book_id: int) -> BookRead:
        """One book, or 404."""
        return store.get(book_id)

    @app.put("/books/{book_id}")
    def replace_book(book_id: int, book: BookCreate) -> BookRead:
        """Replace every field of a book with the ones sent."""
        store.get(book_id)
        store.check_isbn(book.isbn, book_id=book_id)
        replaced = BookRead(id=book_id, **book.model_dump())
        store.books[book_id] = replaced
        return replaced

    @app.patch("/books/{book_id}")
    def update_book(book_id: int, changes: BookUpdate) -> BookRead:
        """Change only the fields the client sent."""
        current = store.get(book_id)
        sent = changes.model_dump(exclude_unset=True)  # [mark:unset]
        if "isbn" in sent:
            store.check_isbn(sent["isbn"], book_id=book_id)
        updated = current.model_copy(update=sent)
        store.books[book_id] = updated
        return updated

    @app.delete("/books/{book_id}", status_code=status.HTTP_204_NO_CONTENT)  # [mark:no-content]
    def delete_book(book_id: int) -> None:
        """Remove a book; answer 204 with no body."""
        store.get(book_id)
        del store.books[book_id]
    # --8<-- [end:item]

    return app
