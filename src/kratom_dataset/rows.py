"""Articles as rows of JSONL and Parquet files: one article per row (``id``, ``text``, optional
``title``, ``url``, ``retrieved_at``), read a batch of rows at a time.

A row that cannot be an article (no id, no text, a lone surrogate, a bad fetch time) becomes a
reject naming the file and row; it never stops the build.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from .errors import SourceError
from .ids import article_id_for
from .item import Item


def _row_item(path: Path, n: int, row: dict[str, Any]) -> Item:
    source = f"{path.as_posix()}#row={n}"
    rid, text = row.get("id"), row.get("text")
    if rid is None or str(rid) == "":
        return Item(f"row-{n}", source, reject="row has no id")
    if not isinstance(text, str):
        return Item(str(rid), source, reject="row has no text (a string) in 'text'")
    bad = next((name for name in ("id", "text", "title", "url") if isinstance(row.get(name), str) and not _encodable(row[name])), None)
    if bad is not None:  # "\ud800" in JSON: a lone surrogate, which no UTF-8 file can hold
        return Item(
            f"row-{n}" if bad == "id" else str(rid),
            source,
            reject=f"'{bad}' holds a lone surrogate, not Unicode text",
            reason="invalid-unicode",
        )
    given_title = row.get("title")
    title = given_title if isinstance(given_title, str) and given_title.strip() else None
    url = row.get("url")
    if url is not None and not (isinstance(url, str) and url.strip()):
        return Item(str(rid), source, reject=f"'url' is {url!r}, not a non-empty string")
    try:
        retrieved_at = utc_timestamp(row.get("retrieved_at"))
    except ValueError as exc:
        return Item(str(rid), source, reject=str(exc))
    return Item(article_id_for(f"{path.stem}/{rid}"), source, text=text, title=title, url=url or None, retrieved_at=retrieved_at)


def utc_timestamp(value: object) -> str | None:
    """An input's fetch time as ``YYYY-MM-DDTHH:MM:SS[.ffffff]Z``, or ``ValueError`` saying why not.

    Accepts ISO 8601 strings (``Z`` or any offset), ``datetime`` and ``date`` values (what a
    Parquet timestamp or date column reads as). A time without an offset, as crawlers commonly
    write it, is taken to be UTC.
    """
    if value is None:
        return None
    when: dt.datetime
    if isinstance(value, str):
        text = value.strip()
        try:
            when = dt.datetime.fromisoformat(text[:-1] + "+00:00" if text[-1:] in "zZ" and text else text)
        except ValueError:
            raise ValueError(f"'retrieved_at' is {value!r}, not an ISO 8601 date-time") from None
    elif isinstance(value, dt.datetime):
        when = value
    elif isinstance(value, dt.date):
        when = dt.datetime(value.year, value.month, value.day)
    else:
        raise ValueError(f"'retrieved_at' is {value!r}, not a date-time")  # noqa: TRY004 - any unusable value rejects the row
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    try:
        when = when.astimezone(dt.timezone.utc)
    except OverflowError:
        raise ValueError(f"'retrieved_at' is {value!r}, outside the years UTC can hold") from None
    return when.replace(tzinfo=None).isoformat() + "Z"


def _encodable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def jsonl_rows(path: Path) -> Iterator[Item]:
    with open(path, "rb") as fh:
        for n, raw in enumerate(fh):
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield Item(f"row-{n}", f"{path.as_posix()}#row={n}", reject=f"not UTF-8 (byte 0x{raw[exc.start]:02x})", reason="not-utf8")
                continue
            try:
                row = json.loads(line)
            except ValueError as exc:  # a JSONDecodeError, or a plain ValueError (a number too long for int)
                why = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
                yield Item(f"row-{n}", f"{path.as_posix()}#row={n}", reject=f"not JSON ({why})")
                continue
            if not isinstance(row, dict):
                yield Item(f"row-{n}", f"{path.as_posix()}#row={n}", reject="not a JSON object")
                continue
            yield _row_item(path, n, row)


def parquet_rows(path: Path) -> Iterator[Item]:
    pf = pq.ParquetFile(path)
    columns = [c for c in ("id", "text", "title", "url", "retrieved_at") if c in pf.schema_arrow.names]
    if "text" not in columns:
        raise SourceError("no 'text' column", reason="unreadable", where=str(path), hint="Rows need id and text columns.")
    n = 0
    for batch in pf.iter_batches(batch_size=1024, columns=columns):
        for row in batch.to_pylist():
            yield _row_item(path, n, row)
            n += 1
