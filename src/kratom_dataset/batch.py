"""One batch of a build: parse and extract its articles, check the tables, write the part files.

The step every build shares, release or corpus: a batch's records become Arrow tables that
must pass every single-record rule of their models (:mod:`kratom_dataset.constraints`) and
every cross-record rule (:func:`kratom_dataset.checks.validate_rows`: keys, foreign keys,
spans against the text, doses inside their claim, counts) before a part file is written. A
done-marker, written last, lets an interrupted build resume.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypedDict

import pyarrow as pa
import pyarrow.parquet as pq

from . import __version__
from .arrow import to_table
from .checks import validate_rows
from .checksums import sha256_file
from .constraints import check_table, table_issue
from .errors import SourceError, ValidationFailed
from .extractors import EXTRACTORS, extract_document
from .gold import gold_records
from .item import Item, Reject, RejectRow, reject_reason
from .layout import PART_OPTIONS, FileEntry, marker_name, part_path
from .models import TABLES, Record
from .parse import Document, parse_article

Rows = dict[str, list[Record]]


class Marker(TypedDict):
    """What a finished batch left: its part files, counts and rejects, and what it was built from."""

    batch: int
    articles: int
    bytes: int
    parts: dict[str, FileEntry]
    rejects: list[RejectRow]
    fingerprint: str


def read_article(data: bytes, *, article_id: str, source: str) -> tuple[Document, Rows] | Reject:
    """Parse and extract one article: ``(document, rows by table)``, or the :class:`Reject` saying why not.

    Records are made unvalidated: the batch checks whole tables instead (:func:`checked_tables`).
    """
    try:
        doc = parse_article(data, article_id=article_id, source_file=source)
    except SourceError as exc:
        return Reject(source, reject_reason(exc.reason), exc.message)
    rows: Rows = dict(extract_document(doc, validate=False))
    return doc, rows


def batch_rows(items: list[Item]) -> tuple[Rows, list[Reject], int]:
    """Every table's records of a batch, its rejects and its size in bytes."""
    rows: Rows = {t: [] for t in TABLES}
    rejects: list[Reject] = []
    size = 0
    for item in items:
        if item.reject:
            rejects.append(item.as_reject())
            continue
        data = item.payload()
        size += len(data)
        read = read_article(data, article_id=item.article_id, source=item.source)
        if isinstance(read, Reject):
            rejects.append(read)
            continue
        doc, result = read
        given = item.metadata()
        if result["articles"][0].title and "title" in given:  # type: ignore[attr-defined]
            del given["title"]  # the text's own heading wins over the row's title
        if given:
            result["articles"][0] = result["articles"][0].model_copy(update=given)
        result["gold"] = list(gold_records(doc, item.gold, where=item.gold_source or item.source)) if item.gold is not None else []
        for table in TABLES:
            rows[table].extend(result.get(table, []))
    return rows, rejects, size


def checked_tables(index: int, rows: Rows) -> dict[str, pa.Table]:
    """The batch's Arrow tables after every rule passed, or a :class:`ValidationFailed` naming the records."""
    report = validate_rows(rows)
    report.checked.clear()  # counted once, by the table checks below
    tables = {}
    for table in TABLES:
        try:
            tables[table] = to_table(table, rows[table])
        except (pa.ArrowException, TypeError, ValueError) as exc:
            table_issue(report, table, exc)
            continue
        check_table(table, tables[table], report)
    if not report.valid:
        shown = "; ".join(str(i) for i in report.errors[:3])
        raise ValidationFailed(
            f"batch {index}: extraction produced {len(report.errors)} invalid record(s), so the batch was not written: {shown}",
            report=report,
            where=f"batch {index}",
            hint="This is a bug in an extractor or a lexicon; report it with the batch's input.",
        )
    return tables


def batch_tables(index: int, items: list[Item]) -> tuple[dict[str, pa.Table], list[Reject], int]:
    """A batch's checked Arrow tables, its rejects and its size in bytes: all of a batch but the writing."""
    rows, rejects, size = batch_rows(items)
    return checked_tables(index, rows), rejects, size


def process_batch(index: int, items: list[Item], out: str) -> Marker:
    """Parse, extract, check and write one batch; return its done-marker (also written to disk, last)."""
    out_dir = Path(out)
    with paused_collector():
        tables, rejects, size = batch_tables(index, items)
        parts: dict[str, FileEntry] = {}
        for table in TABLES:
            final = out_dir / part_path(table, index)
            final.parent.mkdir(parents=True, exist_ok=True)
            tmp = final.with_name(f".{final.name}.tmp-{os.getpid()}")
            pq.write_table(tables[table], tmp, **PART_OPTIONS)
            os.replace(tmp, final)
            parts[table] = {"table": table, "rows": tables[table].num_rows, "bytes": final.stat().st_size, "sha256": sha256_file(final)}
    marker: Marker = {
        "batch": index,
        "articles": len(items) - len(rejects),
        "bytes": size,
        "parts": parts,
        "rejects": [r.to_row() for r in rejects],
        "fingerprint": fingerprint(items),
    }
    path = out_dir / marker_name(index)
    path.parent.mkdir(exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.write_text(json.dumps(marker, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)
    return marker


@contextlib.contextmanager
def paused_collector() -> Iterator[None]:
    """Pause the cyclic garbage collector while a batch is made, then collect once.

    A batch holds a few hundred thousand records that make no reference cycles, and the
    collector's repeated walks over them cost a fifth of a build.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
        gc.collect()


def fingerprint(items: list[Item]) -> str:
    """A digest of what a batch is built from: its articles (id, source, row fields, text, gold) and the extractors' versions.

    A done-marker is reused only for the same fingerprint, so a build run again over changed
    inputs, or after an upgrade that changed an extractor, redoes the batch instead of keeping
    parts made from something else.
    """
    digest = hashlib.sha256(json.dumps([__version__, sorted(EXTRACTORS.items())]).encode("utf-8"))
    for item in items:
        gold = None if item.gold is None else hashlib.sha256(item.gold).hexdigest()
        fields: list[Any] = [item.article_id, item.source, item.title, item.url, item.retrieved_at, item.reject]
        fields += [hashlib.sha256(item.payload()).hexdigest(), gold]
        digest.update(json.dumps(fields).encode("utf-8"))
    return digest.hexdigest()


def finished(out: Path, index: int, items: list[Item]) -> Marker | None:
    """The done-marker of a batch built from these items whose part files are all present and intact, else None."""
    try:
        marker: Marker = json.loads((out / marker_name(index)).read_text(encoding="utf-8"))
        if marker["fingerprint"] != fingerprint(items) or set(marker["parts"]) != set(TABLES):
            return None
        for table, part in marker["parts"].items():
            if sha256_file(out / part_path(table, index)) != part["sha256"]:
                return None
        return marker
    except (OSError, ValueError, KeyError):
        return None
