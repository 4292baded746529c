"""Entity expansion ("billion laughs"): what Expat, libxml2 and defusedxml each really do.

Sizes are kept small: the largest document asks for 2 GB, and every parser here stops
long before that.
"""

from __future__ import annotations

import pyexpat
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException
from lxml import etree

VULNERABLE = ("expand_deliberately_vulnerable",)
"""Deliberately vulnerable functions in this module, for the attack demonstration only."""


# --8<-- [start:bomb]
def entity_bomb(levels: int, fan_out: int = 10) -> bytes:
    """A document whose one entity reference expands to 2 * fan_out**levels characters."""
    lines = ['<?xml version="1.0"?>', "<!DOCTYPE laughs [", '  <!ENTITY l0 "ha">']
    for level in range(1, levels + 1):
        lines.append(f'  <!ENTITY l{level} "{f"&l{level - 1};" * fan_out}">')  # [mark:fan]
    lines += ["]>", f"<laughs>&l{levels};</laughs>"]
    return "\n".join(lines).encode()
# --8<-- [end:bomb]


# --8<-- [start:parsers]
def expand_deliberately_vulnerable(document: bytes) -> int:
    """DELIBERATELY VULNERABLE: the standard library parser on untrusted input."""
    return len(ET.fromstring(document).text or "")


def expand_lxml_default(document: bytes) -> int:
    """lxml 6 with its defaults (libxml2 limits entity amplification)."""
    return len(etree.fromstring(document).text or "")


def expand_lxml_hardened(document: bytes) -> int:
    """lxml told to keep entity references instead of replacing them."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return len(etree.fromstring(document, parser).text or "")


def expand_defusedxml(document: bytes) -> int:
    """defusedxml refuses the first entity declaration it meets."""
    return len(SafeET.fromstring(document).text or "")
# --8<-- [end:parsers]


PARSERS: dict[str, Callable[[bytes], int]] = {
    f"xml.etree, Expat {pyexpat.EXPAT_VERSION.removeprefix('expat_')}":
        expand_deliberately_vulnerable,
    f"lxml, libxml2 {'.'.join(map(str, etree.LIBXML_VERSION))}": expand_lxml_default,
    "lxml, resolve_entities=False": expand_lxml_hardened,
    "defusedxml": expand_defusedxml,
}


def outcome(parse: Callable[[bytes], int], document: bytes) -> str:
    """What one parser did with one document, in a few words."""
    try:
        return f"expanded to {parse(document):,} characters"
    except DefusedXmlException as error:
        return f"{type(error).__name__}"
    except (ET.ParseError, etree.XMLSyntaxError) as error:
        return f"{type(error).__name__}: {re.split(r'[,:]? line [0-9]|, see ', str(error))[0]}"


def main() -> None:
    """Show a small bomb, then feed three sizes of it to four parsers."""
    # --8<-- [start:run]
    print(entity_bomb(3).decode(), end="\n\n")
    for levels in (3, 6, 9):
        document = entity_bomb(levels)
        asked = 2 * 10**levels
        print(f"{levels} levels: {len(document)} bytes in, {asked:,} characters asked for")
        for name, parse in PARSERS.items():
            print(f"  {name:29} {outcome(parse, document)}")
    # --8<-- [end:run]


if __name__ == "__main__":
    main()
