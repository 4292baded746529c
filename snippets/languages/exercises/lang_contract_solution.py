"""Check the books contract, whatever language the server is written in (solution)."""

from __future__ import annotations

import http.client
import json
from urllib.parse import urlsplit


def _get(base_url: str, path: str) -> tuple[int, str, bytes]:
    """Status, media type (without parameters) and body of `GET path`."""
    url = urlsplit(base_url)
    conn = http.client.HTTPConnection(url.hostname or "127.0.0.1", url.port, timeout=10)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        media_type = response.getheader("Content-Type", "").split(";")[0].strip().lower()
        return response.status, media_type, response.read()
    finally:
        conn.close()


def _json_object(path: str, body: bytes, found: list[str]) -> dict | None:
    """The body as a JSON object, or None after noting why it is not one."""
    try:
        value = json.loads(body)
    except ValueError:
        found.append(f"{path}: the body is not JSON")
        return None
    if not isinstance(value, dict):
        found.append(f"{path}: the body is JSON but not an object")
        return None
    return value


def problems(base_url: str) -> list[str]:
    """Every way the server at `base_url` breaks the books contract ([] if none)."""
    found: list[str] = []
    status, media_type, body = _get(base_url, "/books/1")
    if status != 200:
        found.append(f"/books/1: status {status}, not 200")
    if media_type != "application/json":
        found.append(f"/books/1: content type {media_type!r}, not application/json")
    book = _json_object("/books/1", body, found)
    if book is not None:
        title = book.get("title")
        if type(book.get("id")) is not int or book["id"] != 1:
            found.append(f"/books/1: id is {book.get('id')!r}, not the number 1")
        if not isinstance(title, str) or not title:
            found.append(f"/books/1: title is {title!r}, not a non-empty string")
        if set(book) != {"id", "title"}:
            found.append(f"/books/1: members {sorted(book)}, not exactly id and title")

    status, media_type, body = _get(base_url, "/books/999999")
    if status != 404:
        found.append(f"/books/999999: status {status}, not 404")
    if media_type != "application/json":
        found.append(f"/books/999999: content type {media_type!r}, not application/json")
    error = _json_object("/books/999999", body, found)
    if error is not None and not isinstance(error.get("error"), str):
        found.append("/books/999999: no \"error\" string in the body")
    return found
