"""A second handler: import a CSV of new books when it lands in object storage (S3 event)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote_plus

from pydantic import ValidationError

from snippets.apis.rest_app.models import BookCreate
from snippets.devops.cloud_kit.blobstore import BlobNotFound, BlobStore

Handler = Callable[[dict[str, Any], Any], dict[str, Any]]


# --8<-- [start:handler]
def make_import_handler(store: BlobStore) -> Handler:
    """A handler for "ObjectCreated" records; `store` stands in for the bucket."""

    def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
        results = []
        for record in event["Records"]:
            if not record["eventName"].startswith("ObjectCreated:"):
                continue
            key = unquote_plus(record["s3"]["object"]["key"])  # [mark:decode]
            if not key.startswith("imports/"):  # our own reports must not re-trigger us
                results.append({"key": key, "skipped": "not under imports/"})
                continue
            try:
                rows = list(csv.DictReader(io.StringIO(store.get(key).decode("utf-8"))))
            except BlobNotFound:
                results.append({"key": key, "error": "object is gone"})
                continue
            accepted, rejected = [], []
            for line, row in enumerate(rows, start=2):
                try:
                    accepted.append(BookCreate.model_validate(row).title)
                except ValidationError as error:
                    rejected.append({"line": line, "fields": [e["loc"][0] for e in error.errors()]})
            report = {"source": key, "accepted": accepted, "rejected": rejected}
            report_key = "reports/" + key.removeprefix("imports/") + ".json"
            store.put(report_key, json.dumps(report).encode())
            results.append({"key": key, "report": report_key, "accepted": len(accepted),
                            "rejected": len(rejected)})
        return {"processed": results, "request": context.aws_request_id}

    return handler
# --8<-- [end:handler]
