"""The hand-written gold annotations as release records (table ``gold``, method ``curated``).

Gold files live in ``data/raw/gold/<article_id>.jsonl``; each line is one annotation with its
span and the fields of its kind. They are read as written: nothing here infers a value.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from .document import Document
from .errors import SourceError
from .ids import record_id
from .models import GoldRecord
from .provenance import anchor

GOLD_DIR = "gold"
EXTRACTOR = "kratom_dataset.gold"
_SPAN = ("kind", "article_id", "char_start", "char_end", "exact")


def gold_file(raw_dir: Path, article_id: str) -> Path:
    return Path(raw_dir) / GOLD_DIR / f"{article_id}.jsonl"


def gold_records(doc: Document, data: bytes, *, where: str) -> list[GoldRecord]:
    """Gold records of one article from the bytes of its gold file; every span must slice the text."""
    version = "sha256-" + hashlib.sha256(data).hexdigest()[:12]
    out = []
    for n, line in enumerate(data.decode("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            start, end = item["char_start"], item["char_end"]
        except (ValueError, KeyError, TypeError) as exc:
            raise SourceError(f"line {n} is not a gold annotation ({exc})", reason="unreadable", where=where) from None
        if doc.text[start:end] != item.get("exact"):
            raise SourceError(f"line {n}: the span does not slice its exact text", reason="changed", where=where)
        fields = {k: v for k, v in item.items() if k not in _SPAN}
        if item["kind"] == "dose":
            fields["amount_low"] = None if fields.get("amount_low") is None else float(fields["amount_low"])
            fields["amount_high"] = None if fields.get("amount_high") is None else float(fields["amount_high"])
        out.append(
            GoldRecord(
                id=record_id("gld", doc.article_id, item["kind"], start, end, {k: v for k, v in fields.items() if k != "note"}),
                article_id=doc.article_id,
                kind=item["kind"],
                **fields,
                provenance=anchor(doc, start, end, extractor=EXTRACTOR, extractor_version=version, method="curated"),
            )
        )
    return out
