"""Unicode in JSON: ensure_ascii, surrogate pairs, lone surrogates and UTF-8 on the wire."""

from __future__ import annotations

import json


def main() -> None:
    """Encode a title with accents and an emoji both ways, then feed in broken text."""
    # --8<-- [start:ascii]
    book = {"title": "Cien años de soledad 📚"}
    escaped = json.dumps(book)  # ensure_ascii=True is the default
    readable = json.dumps(book, ensure_ascii=False)  # [mark:ensure-ascii]
    print("default:           ", escaped, f"({len(escaped.encode('utf-8'))} bytes)")
    print("ensure_ascii=False:", readable, f"({len(readable.encode('utf-8'))} bytes)")
    print("same data?", json.loads(escaped) == json.loads(readable))
    # --8<-- [end:ascii]

    # --8<-- [start:surrogate]
    lone = json.loads('{"title": "half an emoji \\ud83d"}')["title"]  # [mark:lone]
    print("parsed:", ascii(lone))
    try:
        json.dumps({"title": lone}, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as error:
        print("encode to UTF-8:", error.reason)
    # --8<-- [end:surrogate]

    # --8<-- [start:bytes]
    samples = {
        "UTF-8": '{"title": "años"}'.encode(),
        "UTF-8 with BOM": '\ufeff{"title": "años"}'.encode("utf-8"),
        "Latin-1": '{"title": "años"}'.encode("latin-1"),
    }
    for name, raw in samples.items():
        try:
            print(f"{name:15} -> {json.loads(raw)}")
        except UnicodeDecodeError as error:
            print(f"{name:15} -> UnicodeDecodeError: {error.reason}")
    # --8<-- [end:bytes]


if __name__ == "__main__":
    main()
