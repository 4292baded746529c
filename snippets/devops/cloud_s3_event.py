"""Handle an S3 "ObjectCreated" event locally: a CSV of new books lands, a report comes out."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from snippets.devops.cloud_kit.blobstore import BlobNotFound, LocalBlobStore, Signer
from snippets.devops.cloud_kit.importer import make_import_handler
from snippets.devops.cloud_kit.runtime import LocalContext, load_event

CSV = """title,author,year,isbn
Piranesi,Susanna Clarke,2020,9781635575637
Klara and the Sun,Kazuo Ishiguro,2021,9780571364879
The Dispossessed,Ursula K. Le Guin,19744,9780061054884
,Unknown,2020,123
"""


def main() -> None:
    """Upload the CSV, deliver the event, read the report, and replay the report's event."""
    with tempfile.TemporaryDirectory() as folder:
        # --8<-- [start:run]
        store = LocalBlobStore(Path(folder) / "bucket", Signer(b"unused-here"))
        store.put("imports/new arrivals (March).csv", CSV.encode())
        event = load_event("s3_object_created.json")
        record = event["Records"][0]
        raw_key = record["s3"]["object"]["key"]
        print(record["eventName"], record["s3"]["bucket"]["name"], repr(raw_key),
              record["s3"]["object"]["size"], "bytes")
        try:
            store.get(raw_key)
        except BlobNotFound:
            print(f"get({raw_key!r}) -> BlobNotFound: the key in the event is URL-encoded")

        handler = make_import_handler(store)
        context = LocalContext("library-importer", "req-0001", "2026/03/04/[$LATEST]c3d4")
        print(json.dumps(handler(event, context), indent=2))
        print("report:", store.get("reports/new arrivals (March).csv.json").decode())

        record["s3"]["object"]["key"] = "reports/new+arrivals+%28March%29.csv.json"
        print("the report's own event:", handler(event, context)["processed"])
        # --8<-- [end:run]


if __name__ == "__main__":
    main()
