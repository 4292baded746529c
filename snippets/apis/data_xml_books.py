"""Build and parse a list of books as XML with xml.etree.ElementTree, namespaces included."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import defusedxml.ElementTree as SafeET

BOOKS = [
    {"id": "1", "title": "The Dispossessed", "author": "Ursula K. Le Guin", "year": 1974},
    {"id": "2", "title": "Cien años de soledad", "author": "Gabriel García Márquez",
     "year": 1967},
]


# --8<-- [start:build]
def books_to_xml(books: list[dict[str, object]]) -> bytes:
    """Serialize books as `<books><book id="..."><title>...</title>...</book></books>`."""
    root = ET.Element("books")
    for book in books:
        element = ET.SubElement(root, "book", id=str(book["id"]))  # [mark:attribute]
        for field in ("title", "author", "year"):
            ET.SubElement(element, field).text = str(book[field])  # [mark:text]
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
# --8<-- [end:build]


# --8<-- [start:parse]
def xml_to_books(document: bytes) -> list[dict[str, object]]:
    """Parse the XML back; every value arrives as text, so convert `year` yourself."""
    root = SafeET.fromstring(document)  # defusedxml: same API, safe on untrusted input
    return [
        {"id": book.get("id"), "title": book.findtext("title"),
         "author": book.findtext("author"), "year": int(book.findtext("year", "0"))}  # [mark:int]
        for book in root.findall("book")
    ]
# --8<-- [end:parse]


def main() -> None:
    """Build the document, parse it back, then query a namespaced one."""
    # --8<-- [start:run]
    document = books_to_xml(BOOKS)
    print(document.decode("utf-8"))
    print("round trip equal:", xml_to_books(document) == BOOKS)
    # --8<-- [end:run]

    # --8<-- [start:namespaces]
    feed = b"""<catalog xmlns="urn:example:library" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <book><dc:title>The Dispossessed</dc:title></book>
    </catalog>"""
    root = SafeET.fromstring(feed)
    print("root tag:", root.tag)  # [mark:clark]
    print("findall('book'):", root.findall("book"))
    names = {"lib": "urn:example:library", "dc": "http://purl.org/dc/elements/1.1/"}
    print("with prefixes:", [t.text for t in root.findall("lib:book/dc:title", names)])
    # --8<-- [end:namespaces]


if __name__ == "__main__":
    main()
