"""Mirrors snippets/apis/data_xml_books.py: build, parse back, and namespaces."""

from __future__ import annotations

import defusedxml.ElementTree as SafeET

from snippets.apis.data_xml_books import BOOKS, books_to_xml, xml_to_books


def test_round_trip() -> None:
    assert xml_to_books(books_to_xml(BOOKS)) == BOOKS


def test_document_is_utf8_with_declaration_and_attributes() -> None:
    document = books_to_xml(BOOKS)
    assert document.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    assert 'García'.encode() in document
    assert b'<book id="1">' in document


def test_unprefixed_search_misses_namespaced_elements() -> None:
    root = SafeET.fromstring(b'<c xmlns="urn:x"><book/></c>')
    assert root.findall("book") == []
    assert len(root.findall("{urn:x}book")) == 1
