"""XML external entities (XXE): read a local file through a deliberately vulnerable parser.

The attack runs only against a throwaway file this snippet creates in a temporary folder.
"""

from __future__ import annotations

import re
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException
from lxml import etree

VULNERABLE = ("parse_title_deliberately_vulnerable",)
"""Deliberately vulnerable functions in this module, for the attack demonstration only."""


# --8<-- [start:vulnerable]
def parse_title_deliberately_vulnerable(document: bytes) -> str:
    """DELIBERATELY VULNERABLE: lxml told to resolve external entities. Never do this."""
    parser = etree.XMLParser(resolve_entities=True, no_network=True)  # [mark:unsafe]
    return etree.fromstring(document, parser).findtext("title") or ""
# --8<-- [end:vulnerable]


# --8<-- [start:hardened]
def parse_title_defusedxml(document: bytes) -> str:
    """defusedxml refuses any entity declaration (and, with forbid_dtd=True, any DTD)."""
    return SafeET.fromstring(document).findtext("title") or ""  # [mark:defused]


def parse_title_lxml_hardened(document: bytes) -> str:
    """lxml that keeps entity references as they are and loads nothing from outside."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)  # [mark:lxml]
    root = etree.fromstring(document, parser)
    return etree.tostring(root.find("title"), encoding="unicode")
# --8<-- [end:hardened]


def parse_title_lxml_default(document: bytes) -> str:
    """lxml 5+ with its defaults: resolve_entities='internal' (no external files or URLs)."""
    return etree.fromstring(document).findtext("title") or ""


def parse_title_stdlib(document: bytes) -> str:
    """xml.etree.ElementTree (Expat): it never fetches external entities."""
    return ET.fromstring(document).findtext("title") or ""


def attack_document(target: Path) -> bytes:
    """A book whose title is an external entity pointing at `target`."""
    # --8<-- [start:payload]
    return (
        '<?xml version="1.0"?>\n'
        f'<!DOCTYPE book [<!ENTITY xxe SYSTEM "{target.as_uri()}">]>\n'  # [mark:entity]
        "<book><title>&xxe;</title></book>"
    ).encode()
    # --8<-- [end:payload]


def describe(error: Exception) -> str:
    """A short, run-independent description of a parser's refusal."""
    if isinstance(error, DefusedXmlException):
        return f"{type(error).__name__}: entity {getattr(error, 'name', '?')!r}"
    return f"{type(error).__name__}: {re.split(r'[,:]? line [0-9]', str(error))[0]}"


PARSERS: dict[str, Callable[[bytes], str]] = {
    "lxml, resolve_entities=True (vulnerable)": parse_title_deliberately_vulnerable,
    "lxml 6 defaults": parse_title_lxml_default,
    "xml.etree (Expat)": parse_title_stdlib,
    "lxml, resolve_entities=False": parse_title_lxml_hardened,
    "defusedxml.ElementTree": parse_title_defusedxml,
}


def main() -> None:
    """Send the same attack document to five parsers and print what each returns."""
    # --8<-- [start:run]
    with tempfile.TemporaryDirectory() as folder:
        secret = Path(folder) / "secret.txt"
        secret.write_text("DB_PASSWORD=throwaway-demo-value\n")  # a throwaway, fake secret
        document = attack_document(secret)
        print(document.decode().replace(folder, "<folder>"), end="\n\n")
        for name, parse in PARSERS.items():
            try:
                result = repr(parse(document))
            except (etree.XMLSyntaxError, ET.ParseError, DefusedXmlException) as error:
                result = describe(error)
            print(f"{name:41} {result}")
    # --8<-- [end:run]


if __name__ == "__main__":
    main()
