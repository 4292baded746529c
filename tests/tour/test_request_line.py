"""Mirrors snippets/tour/request_line.py: the parser on its own, without the runner."""

from snippets.tour.request_line import parse_request_line


def test_query_values_are_lists_and_plus_is_a_space() -> None:
    parsed = parse_request_line("GET /books?author=Le+Guin&tag=a&tag=b HTTP/1.1")
    assert parsed["query"] == {"author": ["Le Guin"], "tag": ["a", "b"]}


def test_path_without_query() -> None:
    assert parse_request_line("DELETE /books/42 HTTP/1.1")["path"] == "/books/42"
