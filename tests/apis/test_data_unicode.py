"""Mirrors snippets/apis/data_unicode.py: escapes vs UTF-8, lone surrogates, wrong encodings."""

from __future__ import annotations

import json

import pytest

TITLE = "Cien años de soledad 📚"


def test_default_output_is_ascii_with_a_surrogate_pair() -> None:
    text = json.dumps(TITLE)
    assert text.isascii()
    assert "\\ud83d\\udcda" in text


def test_ensure_ascii_false_is_shorter_and_equal() -> None:
    readable = json.dumps(TITLE, ensure_ascii=False)
    assert len(readable.encode("utf-8")) < len(json.dumps(TITLE).encode("utf-8"))
    assert json.loads(readable) == json.loads(json.dumps(TITLE)) == TITLE


def test_a_lone_surrogate_parses_but_cannot_be_utf8() -> None:
    lone = json.loads('"\\ud83d"')
    with pytest.raises(UnicodeEncodeError):
        lone.encode("utf-8")


def test_latin1_bytes_are_refused() -> None:
    with pytest.raises(UnicodeDecodeError):
        json.loads('{"t": "años"}'.encode("latin-1"))
