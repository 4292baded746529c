"""Mirrors snippets/devops/cloud_s3_event.py: decode keys, validate rows, never re-trigger."""

from __future__ import annotations

import json
from pathlib import Path

from snippets.devops.cloud_kit.blobstore import MemoryBlobStore, Signer
from snippets.devops.cloud_kit.importer import make_import_handler
from snippets.devops.cloud_kit.runtime import LocalContext, load_event
from snippets.devops.cloud_s3_event import CSV

CONTEXT = LocalContext("importer", "req-1", "stream")


def test_sample_event_matches_the_documented_structure() -> None:
    record = load_event("s3_object_created.json")["Records"][0]
    assert record["eventSource"] == "aws:s3" and record["eventName"] == "ObjectCreated:Put"
    assert {"s3SchemaVersion", "configurationId", "bucket", "object"} <= set(record["s3"])
    assert {"key", "size", "eTag", "sequencer"} <= set(record["s3"]["object"])
    assert record["s3"]["object"]["size"] == len(CSV.encode())


def test_import_decodes_the_key_and_reports(tmp_path: Path) -> None:
    store = MemoryBlobStore(Signer(b"k"))
    store.put("imports/new arrivals (March).csv", CSV.encode())
    handler = make_import_handler(store)
    result = handler(load_event("s3_object_created.json"), CONTEXT)["processed"][0]
    assert (result["accepted"], result["rejected"]) == (2, 2)
    report = json.loads(store.get(result["report"]))
    assert report["rejected"] == [{"line": 4, "fields": ["year"]},
                                  {"line": 5, "fields": ["title", "isbn"]}]


def test_reports_and_vanished_objects_do_not_fail(tmp_path: Path) -> None:
    store = MemoryBlobStore(Signer(b"k"))
    handler = make_import_handler(store)
    event = load_event("s3_object_created.json")
    assert handler(event, CONTEXT)["processed"] == [
        {"key": "imports/new arrivals (March).csv", "error": "object is gone"}]
    event["Records"][0]["s3"]["object"]["key"] = "reports/x.json"
    assert handler(event, CONTEXT)["processed"][0]["skipped"] == "not under imports/"
    event["Records"][0]["eventName"] = "ObjectRemoved:Delete"
    assert handler(event, CONTEXT)["processed"] == []
