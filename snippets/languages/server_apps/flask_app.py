"""The book API in Flask 3.1: a route with an `int` converter, a view that returns a dict."""

from __future__ import annotations

from flask import Flask

from snippets.languages.server_apps.books import BOOKS


# --8<-- [start:app]
def create_app() -> Flask:
    """A Flask app with one route; Flask turns a returned dict into a JSON response."""
    app = Flask(__name__)

    @app.get("/books/<int:book_id>")  # the converter: only digits reach the view
    def book(book_id: int) -> tuple[dict[str, object], int]:
        if book_id not in BOOKS:
            return {"error": "not found"}, 404
        return BOOKS[book_id], 200

    return app
# --8<-- [end:app]
