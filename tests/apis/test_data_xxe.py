"""Mirrors snippets/apis/data_xxe.py: the XXE attack works on the vulnerable parser only."""

from __future__ import annotations

import contextlib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from defusedxml import EntitiesForbidden
from lxml import etree

from snippets.apis import data_xxe

SECRET = "DB_PASSWORD=pytest-throwaway\n"


@pytest.fixture
def attack(tmp_path: Path) -> bytes:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    return data_xxe.attack_document(secret)


def test_attack_reads_the_file_through_the_vulnerable_parser(attack: bytes) -> None:
    assert data_xxe.parse_title_deliberately_vulnerable(attack) == SECRET


def test_defusedxml_refuses(attack: bytes) -> None:
    with pytest.raises(EntitiesForbidden):
        data_xxe.parse_title_defusedxml(attack)


def test_hardened_lxml_keeps_the_reference(attack: bytes) -> None:
    title = data_xxe.parse_title_lxml_hardened(attack)
    assert "pytest-throwaway" not in title
    assert title == "<title>&xxe;</title>"


def test_lxml_defaults_and_stdlib_do_not_read_the_file(attack: bytes) -> None:
    with pytest.raises(etree.XMLSyntaxError):
        data_xxe.parse_title_lxml_default(attack)
    with pytest.raises(ET.ParseError):
        data_xxe.parse_title_stdlib(attack)


def test_no_parser_but_the_vulnerable_one_leaks(attack: bytes) -> None:
    for name, parse in data_xxe.PARSERS.items():
        if parse is data_xxe.parse_title_deliberately_vulnerable:
            continue
        with contextlib.suppress(etree.XMLSyntaxError, ET.ParseError, EntitiesForbidden):
            assert "pytest-throwaway" not in parse(attack), name
