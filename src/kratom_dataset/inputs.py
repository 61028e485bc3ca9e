"""The inputs of a build, streamed as articles: raw folders, folders of text files, JSONL and
Parquet files, and globs of these.

A **raw folder** (one with ``sources.csv``, as ``data/raw``) is read as a release is built
from it: the listed files must match their recorded sha256 and size, unlisted files under
``articles/`` are added with an id from their path, and each article brings its gold file.
Any other folder is read for its ``.txt``/``.md`` files (recursively); JSONL and Parquet files
give one article per row (:mod:`kratom_dataset.rows`). An input that cannot be an article
becomes a reject with its reason; nothing is dropped silently.
"""

from __future__ import annotations

import csv
import glob
import hashlib
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

from .errors import KratomDatasetError, SourceError
from .files import TEXT_SUFFIXES, check_regular, is_listable, read_input, too_large
from .gold import gold_file
from .ids import article_id_for
from .item import Item, Reject, reject_reason
from .rows import jsonl_rows, parquet_rows

if TYPE_CHECKING:
    from typing_extensions import Self

SOURCES = "sources.csv"


class Source(TypedDict):
    """One article of a raw folder: a row of ``sources.csv``, or an unlisted file found beside them."""

    article_id: str
    file: str
    sha256: str
    size_bytes: int
    origin: str


ARTICLES = "articles"
ROW_SUFFIXES = (".jsonl", ".ndjson", ".parquet")
DEFAULT_MAX_BYTES = 8 * 1024 * 1024


def is_raw_folder(path: Path) -> bool:
    """A folder laid out as ``data/raw``: ``sources.csv`` beside ``articles/``."""
    return path.is_dir() and (path / SOURCES).is_file()


def expand(inputs: Iterable[str]) -> list[Path]:
    """Input paths with globs expanded, in a stable order; a path that matches nothing is an error."""
    out: list[Path] = []
    for item in inputs:
        matches = sorted(glob.glob(item, recursive=True)) if glob.has_magic(item) else [item]
        if not matches or not all(Path(m).exists() for m in matches):
            raise SourceError(
                f"no such input: {item}", reason="missing", where=item, hint="Give folders, .jsonl or .parquet files, or globs."
            )
        for match in matches:
            path = Path(match)
            if path.is_dir() and not is_raw_folder(path) and not any(_text_files(path)):
                rows = next((p for p in path.rglob("*") if p.suffix.lower() in ROW_SUFFIXES), None)
                if rows is None:
                    hint = "Give a folder with .txt or .md articles, or .jsonl / .parquet files."
                else:
                    example = (rows.parent / f"*{rows.suffix}").as_posix()
                    hint = f"Row files are not read from folders; give them as inputs, e.g. {example}."
                raise SourceError(f"folder {match} has no .txt or .md files", reason="missing", where=match, hint=hint)
            out.append(path)
    return out


def _text_files(folder: Path) -> Iterator[Path]:
    return (p for p in folder.rglob("*") if p.suffix.lower() in TEXT_SUFFIXES and is_listable(p))


def iter_items(inputs: Iterable[str], *, max_bytes: int | None = None) -> Iterator[Item]:
    """Every article of the inputs, streamed: files one by one, rows batch by batch.

    A second article with an id already seen is rejected as a duplicate (ids are the primary key
    of every table); only the ids are remembered, never the texts, and on disk (:class:`SeenIds`).
    An article over ``max_bytes`` of UTF-8 (default 8 MiB, as for releases) is rejected as
    ``too-large`` (a file that big is not even read), so a batch holds at most its size times the limit.
    """
    limit = max_bytes or DEFAULT_MAX_BYTES
    with SeenIds() as seen:
        for item in _items(inputs, limit):
            if item.reject is None and item.text is not None and len(item.text) > limit // 4:
                size = len(item.text.encode("utf-8"))
                if size > limit:
                    item = Item(item.article_id, item.source, reject=too_large(size, limit), reason="too-large")
            first = seen.add(item.article_id, item.source)
            if first is not None and item.reject is None:
                item = Item(item.article_id, item.source, reject=f"duplicate id {item.article_id!r}: {first} has it", reason="duplicate-id")
            yield item


def _file_item(article_id: str, path: Path, limit: int) -> Item:
    try:
        return Item(article_id, path.as_posix(), data=read_input(path, limit=limit))
    except SourceError as exc:
        return Item(article_id, path.as_posix(), reject=exc.message, reason=reject_reason(exc.reason))


class SeenIds:
    """A set of article ids kept in a throwaway SQLite file, so memory does not grow with the corpus.

    Ten million ids in a Python set take over a gigabyte; in SQLite's B-tree they take a few
    megabytes of page cache and about 40 bytes each of disk, at some 7 microseconds an insert
    (an article takes milliseconds to extract). Nothing is committed or synced: the file is
    scratch space. Its name is removed as soon as SQLite holds it open (with no journal, SQLite
    never opens it by name again), so the space comes back when the build ends, however it ends:
    a build killed by the out-of-memory killer leaves no file behind. Where a file in use cannot
    lose its name, it is removed on :meth:`close`.
    """

    def __init__(self) -> None:
        self._path: str | None = None
        try:
            handle, self._path = tempfile.mkstemp(prefix="kratom-dataset-ids-", suffix=".sqlite")
            os.close(handle)
            self._db = sqlite3.connect(self._path, isolation_level=None)
            self._db.executescript(
                "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-4096;"
                "CREATE TABLE ids (id TEXT PRIMARY KEY, source TEXT) WITHOUT ROWID; BEGIN;"
            )
        except (OSError, sqlite3.Error) as exc:
            self._unlink()
            raise KratomDatasetError(
                f"no scratch space for the article ids ({exc})", where=tempfile.gettempdir(), hint="Point TMPDIR at a writable folder."
            ) from None
        self._unlink()

    def _unlink(self) -> None:
        if self._path is None:
            return
        try:
            os.unlink(self._path)
        except FileNotFoundError:
            pass
        except OSError:
            return  # a file in use on Windows: removed on close
        self._path = None

    def add(self, article_id: str, source: str = "") -> str | None:
        """Remember ``article_id`` as read from ``source``; None when it is new, else the source that had it first."""
        if self._db.execute("INSERT OR IGNORE INTO ids VALUES (?, ?)", (article_id, source)).rowcount == 1:
            return None
        first: str = self._db.execute("SELECT source FROM ids WHERE id = ?", (article_id,)).fetchone()[0]
        return first

    def close(self) -> None:
        self._db.close()
        self._unlink()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _items(inputs: Iterable[str], limit: int) -> Iterator[Item]:
    for path in expand(inputs):
        if is_raw_folder(path):
            yield from raw_items(path, max_bytes=limit)
        elif path.is_dir():
            for file in sorted(_text_files(path)):
                yield _file_item(article_id_for(f"{path.name}/{file.relative_to(path).as_posix()}"), file, limit)
        elif path.suffix.lower() in TEXT_SUFFIXES:
            yield _file_item(article_id_for(path.name), path, limit)
        elif path.suffix.lower() in (".jsonl", ".ndjson"):
            yield from _rows_or_reject(path, jsonl_rows)
        elif path.suffix.lower() == ".parquet":
            yield from _rows_or_reject(path, parquet_rows)
        else:
            raise SourceError(
                f"unsupported input {path.name}", reason="unreadable", where=str(path), hint="Use .txt, .md, .jsonl or .parquet inputs."
            )


def _rows_or_reject(path: Path, rows: Callable[[Path], Iterator[Item]]) -> Iterator[Item]:
    """The rows of a JSONL or Parquet file; a file that cannot be read (or stops being readable
    midway) becomes one reject naming it and the error, and the build goes on."""
    try:
        check_regular(path)
        yield from rows(path)
    except SourceError as exc:
        yield Item(f"file-{path.name}", path.as_posix(), reject=exc.message, reason=reject_reason(exc.reason))
    except OSError as exc:
        yield Item(f"file-{path.name}", path.as_posix(), reject=f"cannot be read: {exc.strerror or exc}", reason="unreadable")
    except Exception as exc:
        if path.suffix.lower() != ".parquet":
            raise
        yield Item(
            f"file-{path.name}",
            path.as_posix(),
            reject=f"not a readable Parquet file ({exc.__class__.__name__}: {exc})",
            reason="unreadable-parquet",
        )


def read_sources(raw_dir: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[list[Source], list[Reject]]:
    """The articles of a raw folder and the files rejected from it.

    ``sources.csv`` entries come first; each listed file must exist and match its recorded
    sha256 and size (a release is built only from the exact bytes it claims). Unlisted files in
    ``articles/`` (recursively) are added with an id from their path. Files over ``max_bytes``
    and second copies of the same bytes are rejected here; unreadable text is rejected later,
    when it is parsed.
    """
    raw_dir = Path(raw_dir)
    articles_dir = raw_dir / ARTICLES
    if not articles_dir.is_dir():
        raise SourceError(
            "no articles folder", reason="missing", where=str(articles_dir), hint="Put the raw articles in data/raw/articles/."
        )
    listed: list[Source] = []
    sources_path = raw_dir / SOURCES
    if sources_path.is_file():
        with open(sources_path, newline="", encoding="utf-8") as fh:
            for line, row in enumerate(csv.DictReader(fh), start=2):
                listed.append(_listed(raw_dir, row, f"{sources_path.as_posix()}:{line}"))
    known = {row["file"] for row in listed}
    rejects: list[Reject] = []
    seen: dict[str, str] = {row["sha256"]: row["file"] for row in listed}
    owners: dict[str, str] = {row["article_id"]: row["file"] for row in listed}
    # Text files first, so "page.txt" keeps the id "page" that "page.html" beside it would take.
    unlisted = (p for p in articles_dir.rglob("*") if is_listable(p) and not p.name.startswith("."))
    for path in sorted(unlisted, key=lambda p: (p.with_suffix("").as_posix(), p.suffix.lower() not in TEXT_SUFFIXES, p.as_posix())):
        rel = path.relative_to(raw_dir).as_posix()
        if rel in known:
            continue
        try:
            data = read_input(path, limit=max_bytes)
        except SourceError as exc:
            rejects.append(Reject(rel, reject_reason(exc.reason), exc.message))
            continue
        digest = hashlib.sha256(data).hexdigest()
        if digest in seen:
            rejects.append(Reject(rel, "duplicate", f"same bytes as {seen[digest]}, which is kept"))
            continue
        article_id = article_id_for(path.relative_to(articles_dir).as_posix())
        if article_id in owners:
            rejects.append(Reject(rel, "duplicate-id", f"its id {article_id!r} is taken by {owners[article_id]}; rename one of the two"))
            continue
        seen[digest] = rel
        owners[article_id] = rel
        listed.append({"article_id": article_id, "file": rel, "sha256": digest, "size_bytes": len(data), "origin": ""})
    ids = [row["article_id"] for row in listed]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise SourceError(
            f"duplicate article ids: {', '.join(duplicates)}",
            reason="duplicate",
            where=str(sources_path),
            hint="Give each file its own id in sources.csv.",
        )
    return sorted(listed, key=lambda row: row["article_id"]), rejects


def _listed(raw_dir: Path, row: dict[str, str], where: str) -> Source:
    rel = row.get("file") or ""
    path = (raw_dir / rel).resolve()
    if not rel or raw_dir.resolve() not in path.parents or not path.is_file():
        raise SourceError(f"listed file {rel!r} does not exist inside the raw folder", reason="missing", where=where)
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != row.get("sha256") or str(len(data)) != str(row.get("size_bytes")):
        raise SourceError(
            f"{rel} does not match its recorded sha256/size (found {digest}, {len(data)} bytes)",
            reason="changed",
            where=where,
            hint="Raw articles are kept byte-for-byte; restore the file or record a new source.",
        )
    return {
        "article_id": row.get("article_id") or "",
        "file": rel,
        "sha256": digest,
        "size_bytes": len(data),
        "origin": row.get("origin") or "",
    }


def raw_items(
    raw_dir: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, listing: tuple[list[Source], list[Reject]] | None = None
) -> Iterator[Item]:
    """The articles of a raw folder in id order, each with its gold file's bytes, then its rejects.

    ``listing`` is what :func:`read_sources` gave, when the caller has already read it.
    """
    sources, rejects = listing if listing is not None else read_sources(raw_dir, max_bytes=max_bytes)
    for source in sources:
        gold = gold_file(raw_dir, source["article_id"])
        yield Item(
            source["article_id"],
            source["file"],
            data=(Path(raw_dir) / source["file"]).read_bytes(),
            gold=gold.read_bytes() if gold.is_file() else None,
            gold_source=gold.as_posix(),
        )
    for reject in rejects:
        yield Item(
            f"reject-{hashlib.sha256(reject.file.encode('utf-8')).hexdigest()[:16]}",
            reject.file,
            reject=reject.detail,
            reason=reject.reason,
        )
