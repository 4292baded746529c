"""Mirrors snippets/apis/data_laughs.py: what each parser does with an entity bomb."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from defusedxml import EntitiesForbidden
from lxml import etree

from snippets.apis import data_laughs


def test_stdlib_expands_a_small_bomb_thousands_of_times_over() -> None:
    document = data_laughs.entity_bomb(6)
    expanded = data_laughs.expand_deliberately_vulnerable(document)
    assert expanded == 2_000_000
    assert expanded / len(document) > 4000


def test_expat_stops_the_full_billion_laughs() -> None:
    with pytest.raises(ET.ParseError, match="amplification"):
        data_laughs.expand_deliberately_vulnerable(data_laughs.entity_bomb(9))


def test_libxml2_stops_it_earlier() -> None:
    assert data_laughs.expand_lxml_default(data_laughs.entity_bomb(4)) == 20_000
    with pytest.raises(etree.XMLSyntaxError, match="amplification"):
        data_laughs.expand_lxml_default(data_laughs.entity_bomb(6))


def test_lxml_without_entity_resolution_expands_nothing() -> None:
    assert data_laughs.expand_lxml_hardened(data_laughs.entity_bomb(3)) == 0


@pytest.mark.parametrize("levels", [1, 3, 9])
def test_defusedxml_refuses_every_size(levels: int) -> None:
    with pytest.raises(EntitiesForbidden):
        data_laughs.expand_defusedxml(data_laughs.entity_bomb(levels))
