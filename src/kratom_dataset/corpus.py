"""Corpus builds: the release tables over many inputs, streamed in batches, on one machine or a cluster.

Inputs are folders of ``.txt``/``.md`` files (recursive), JSONL files and Parquet files with one
article per row (``id``, ``text``, optional ``title``, ``url``, ``retrieved_at``), and globs of these. Articles are read
lazily and cut into batches of a fixed number of articles, so memory is bounded by the batch,
not the corpus. Each batch is parsed and extracted on its own and writes one part file per table
(``<out>/<table>/part-00000.parquet``) plus a done-marker; the manifest is written last. The
same inputs and batch size give the same batches, ids and bytes whatever the number of workers
or the engine, and a build that was interrupted resumes from the first batch without a valid
done-marker.
"""

from __future__ import annotations

import contextlib
import gc
import glob
import hashlib
import json
import os
import sqlite3
import sys
import tempfile
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .checksums import sha256_file
from .errors import EngineError, KratomDatasetError, SourceError, ValidationFailed
from .files import TEXT_SUFFIXES, check_regular, is_listable, read_input, writing_to
from .lifeline import die_with_parent

if TYPE_CHECKING:
    from typing_extensions import Self

ROW_SUFFIXES = (".jsonl", ".ndjson", ".parquet")
DEFAULT_BATCH = 128
DONE = "_batches"
MANIFEST = "manifest.json"
REJECTS = "rejects.json"
#: Part files are compressed with zstd level 1, not the releases' 9: about 3% larger, and writing
#: takes under half the time (a tenth of a build at level 9).
PART_ZSTD_LEVEL = 1
CORPUS_TABLES = ("articles", "sentences", "topics", "claims", "doses", "mechanisms")


@dataclass(frozen=True)
class Item:
    """One article to build, or a row that could not even be read as one (``reject`` set)."""

    article_id: str
    source: str
    text: str | None = None
    data: bytes | None = None
    title: str | None = None
    url: str | None = None
    retrieved_at: str | None = None
    reject: str | None = None
    reason: str = "unreadable"
    """The rejects report's reason code for ``reject``."""

    def metadata(self) -> dict:
        """What the input row says about the article that its text cannot: title, url, fetch time."""
        return {k: v for k, v in (("title", self.title), ("source_url", self.url), ("retrieved_at", self.retrieved_at)) if v is not None}


def expand(inputs: Iterable[str]) -> list[Path]:
    """Input paths with globs expanded, in a stable order; a path that matches nothing is an error."""
    out: list[Path] = []
    for item in inputs:
        matches = sorted(glob.glob(item, recursive=True)) if glob.has_magic(item) else [item]
        if not matches or not all(Path(m).exists() for m in matches):
            raise SourceError(f"no such input: {item}", reason="missing", where=item, hint="Give folders, .jsonl or .parquet files, or globs.")
        for match in matches:
            path = Path(match)
            if path.is_dir() and not any(_text_files(path)):
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
    from .build import DEFAULT_MAX_BYTES

    limit = max_bytes or DEFAULT_MAX_BYTES
    with SeenIds() as seen:
        for item in _items(inputs, limit):
            if item.reject is None and item.text is not None and len(item.text) > limit // 4:
                size = len(item.text.encode("utf-8"))
                if size > limit:
                    item = _too_large(item.article_id, item.source, size, limit)
            first = seen.add(item.article_id, item.source)
            if first is not None and item.reject is None:
                item = Item(item.article_id, item.source, reject=f"duplicate id {item.article_id!r}: {first} has it", reason="duplicate-id")
            yield item


def _too_large(article_id: str, source: str, size: int, limit: int) -> Item:
    from .build import too_large

    return Item(article_id, source, reject=too_large(size, limit), reason="too-large")


def _file_item(article_id: str, path: Path, limit: int) -> Item:
    try:
        return Item(article_id, path.as_posix(), data=read_input(path, limit=limit))
    except SourceError as exc:
        return Item(article_id, path.as_posix(), reject=exc.message, reason=exc.reason)


class SeenIds:
    """A set of article ids kept in a throwaway SQLite file, so memory does not grow with the corpus.

    Ten million ids in a Python set take over a gigabyte; in SQLite's B-tree they take a few
    megabytes of page cache and about 40 bytes each of disk, at some 7 microseconds an insert
    (an article takes milliseconds to extract). Nothing is committed or synced: the file is
    scratch space, deleted on :meth:`close`.
    """

    def __init__(self):
        try:
            self._dir = tempfile.TemporaryDirectory(prefix="kratom-dataset-ids-")
            self._db = sqlite3.connect(os.path.join(self._dir.name, "ids.sqlite"), isolation_level=None)
            self._db.executescript(
                "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-4096;"
                "CREATE TABLE ids (id TEXT PRIMARY KEY, source TEXT) WITHOUT ROWID; BEGIN;"
            )
        except (OSError, sqlite3.Error) as exc:
            raise KratomDatasetError(
                f"no scratch space for the article ids ({exc})", where=tempfile.gettempdir(), hint="Point TMPDIR at a writable folder."
            ) from None

    def add(self, article_id: str, source: str = "") -> str | None:
        """Remember ``article_id`` as read from ``source``; None when it is new, else the source that had it first."""
        if self._db.execute("INSERT OR IGNORE INTO ids VALUES (?, ?)", (article_id, source)).rowcount == 1:
            return None
        return self._db.execute("SELECT source FROM ids WHERE id = ?", (article_id,)).fetchone()[0]

    def close(self) -> None:
        self._db.close()
        self._dir.cleanup()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _items(inputs: Iterable[str], limit: int) -> Iterator[Item]:
    from .ids import article_id_for

    for path in expand(inputs):
        if path.is_dir():
            for file in sorted(_text_files(path)):
                yield _file_item(article_id_for(f"{path.name}/{file.relative_to(path).as_posix()}"), file, limit)
        elif path.suffix.lower() in TEXT_SUFFIXES:
            yield _file_item(article_id_for(path.name), path, limit)
        elif path.suffix.lower() in (".jsonl", ".ndjson"):
            yield from _rows_or_reject(path, _jsonl_rows, article_id_for)
        elif path.suffix.lower() == ".parquet":
            yield from _rows_or_reject(path, _parquet_rows, article_id_for)
        else:
            raise SourceError(f"unsupported input {path.name}", reason="unreadable", where=str(path), hint="Use .txt, .md, .jsonl or .parquet inputs.")


def _rows_or_reject(path: Path, rows, article_id_for) -> Iterator[Item]:
    """The rows of a JSONL or Parquet file; a file that cannot be read (or stops being readable
    midway) becomes one reject naming it and the error, and the build goes on."""
    try:
        check_regular(path)
        yield from rows(path, article_id_for)
    except SourceError as exc:
        yield Item(f"file-{path.name}", path.as_posix(), reject=exc.message, reason=exc.reason)
    except OSError as exc:
        yield Item(f"file-{path.name}", path.as_posix(), reject=f"cannot be read: {exc.strerror or exc}", reason="unreadable")
    except Exception as exc:
        if path.suffix.lower() != ".parquet":
            raise
        yield Item(f"file-{path.name}", path.as_posix(), reject=f"not a readable Parquet file ({exc.__class__.__name__}: {exc})", reason="unreadable-parquet")


def _row_item(path: Path, n: int, row: dict, article_id_for) -> Item:
    source = f"{path.as_posix()}#row={n}"
    rid, text = row.get("id"), row.get("text")
    if rid is None or str(rid) == "":
        return Item(f"row-{n}", source, reject="row has no id")
    if not isinstance(text, str):
        return Item(str(rid), source, reject="row has no text (a string) in 'text'")
    bad = next((name for name in ("id", "text", "title", "url") if isinstance(row.get(name), str) and not _encodable(row[name])), None)
    if bad is not None:  # "\ud800" in JSON: a lone surrogate, which no UTF-8 file can hold
        return Item(f"row-{n}" if bad == "id" else str(rid), source, reject=f"'{bad}' holds a lone surrogate, not Unicode text", reason="invalid-unicode")
    title = row.get("title") if isinstance(row.get("title"), str) and row.get("title").strip() else None
    url = row.get("url")
    if url is not None and not (isinstance(url, str) and url.strip()):
        return Item(str(rid), source, reject=f"'url' is {url!r}, not a non-empty string")
    try:
        retrieved_at = utc_timestamp(row.get("retrieved_at"))
    except ValueError as exc:
        return Item(str(rid), source, reject=str(exc))
    return Item(article_id_for(f"{path.stem}/{rid}"), source, text=text, title=title, url=url or None, retrieved_at=retrieved_at)


def utc_timestamp(value) -> str | None:
    """An input's fetch time as ``YYYY-MM-DDTHH:MM:SS[.ffffff]Z``, or ``ValueError`` saying why not.

    Accepts ISO 8601 strings (``Z`` or any offset), ``datetime`` and ``date`` values (what a
    Parquet timestamp or date column reads as). A time without an offset, as crawlers commonly
    write it, is taken to be UTC.
    """
    import datetime as dt

    if value is None:
        return None
    when = value
    if isinstance(value, str):
        text = value.strip()
        try:
            when = dt.datetime.fromisoformat(text[:-1] + "+00:00" if text[-1:] in "zZ" and text else text)
        except ValueError:
            raise ValueError(f"'retrieved_at' is {value!r}, not an ISO 8601 date-time") from None
    elif isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        when = dt.datetime(value.year, value.month, value.day)
    elif not isinstance(value, dt.datetime):
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


def _jsonl_rows(path: Path, article_id_for) -> Iterator[Item]:
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
            except ValueError as exc:
                yield Item(f"row-{n}", f"{path.as_posix()}#row={n}", reject=f"not JSON ({exc.msg})")
                continue
            if not isinstance(row, dict):
                yield Item(f"row-{n}", f"{path.as_posix()}#row={n}", reject="not a JSON object")
                continue
            yield _row_item(path, n, row, article_id_for)


def _parquet_rows(path: Path, article_id_for) -> Iterator[Item]:
    import pyarrow.parquet as pq

    pf = pq.ParquetFile(path)
    columns = [c for c in ("id", "text", "title", "url", "retrieved_at") if c in pf.schema_arrow.names]
    if "text" not in columns:
        raise SourceError("no 'text' column", reason="unreadable", where=str(path), hint="Rows need id and text columns.")
    n = 0
    for batch in pf.iter_batches(batch_size=1024, columns=columns):
        for row in batch.to_pylist():
            yield _row_item(path, n, row, article_id_for)
            n += 1


def batched(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def part_name(index: int) -> str:
    return f"part-{index:05d}.parquet"


def process_batch(index: int, items: list[Item], out: str) -> dict:
    """Parse, extract and write one batch; return its done-marker (also written to disk, last)."""
    import pyarrow.parquet as pq

    from .release import PARQUET_OPTIONS

    options = {**PARQUET_OPTIONS, "compression_level": PART_ZSTD_LEVEL}
    out_dir = Path(out)
    with paused_collector():
        tables, rejects, size = batch_tables(index, items)
        parts = {}
        for table in CORPUS_TABLES:
            folder = out_dir / table
            folder.mkdir(parents=True, exist_ok=True)
            final = folder / part_name(index)
            tmp = folder / f".{part_name(index)}.tmp-{os.getpid()}"
            pq.write_table(tables[table], tmp, **options)
            os.replace(tmp, final)
            parts[table] = {"rows": tables[table].num_rows, "sha256": sha256_file(final)}
    marker = {
        "batch": index,
        "articles": len(items) - len(rejects),
        "bytes": size,
        "parts": parts,
        "rejects": rejects,
        "fingerprint": batch_fingerprint(items),
    }
    done = out_dir / DONE
    done.mkdir(exist_ok=True)
    tmp = done / f".{index:05d}.json.tmp-{os.getpid()}"
    tmp.write_text(json.dumps(marker, sort_keys=True), encoding="utf-8")
    os.replace(tmp, done / f"{index:05d}.json")
    return marker


@contextlib.contextmanager
def paused_collector():
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


def batch_tables(index: int, items: list[Item]) -> tuple[dict, list[dict], int]:
    """A batch's checked Arrow tables, its rejects and its size in bytes: all of a batch but the writing."""
    from .build import Reject, read_article

    rows: dict[str, list] = {t: [] for t in CORPUS_TABLES}
    rejects: list[dict] = []
    size = 0
    for item in items:
        if item.reject:
            rejects.append(asdict(Reject(item.source, item.reason, item.reject)))
            continue
        data = item.data if item.data is not None else item.text.encode("utf-8")
        size += len(data)
        read = read_article(data, article_id=item.article_id, source=item.source, validate=False)
        if isinstance(read, Reject):
            rejects.append(asdict(read))
            continue
        _, result = read
        given = item.metadata()
        if result["articles"][0].title and "title" in given:
            del given["title"]  # the text's own heading wins over the row's title
        if given:
            result["articles"][0] = result["articles"][0].model_copy(update=given)
        for table in CORPUS_TABLES:
            rows[table].extend(result[table])
    return checked_tables(index, rows), rejects, size


def checked_tables(index: int, rows: dict[str, list]) -> dict:
    """The batch's Arrow tables, each checked against its model's rules, or a ValidationFailed naming the records."""
    import pyarrow as pa

    from .arrow import to_table
    from .checks import Report
    from .constraints import check_table, table_issue

    report = Report()
    tables = {}
    for table in CORPUS_TABLES:
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


def batch_fingerprint(items: list[Item]) -> str:
    """A digest of what a batch is built from: its articles (id, source, row fields, text) and the extractors' versions.

    A done-marker is reused only for the same fingerprint, so a build run again over changed
    inputs, or after an upgrade that changed an extractor, redoes the batch instead of keeping
    parts made from something else.
    """
    from . import __version__
    from .extractors import EXTRACTORS

    digest = hashlib.sha256(json.dumps([__version__, sorted(EXTRACTORS.items())]).encode("utf-8"))
    for item in items:
        data = item.data if item.data is not None else (item.text or "").encode("utf-8")
        fields = [item.article_id, item.source, item.title, item.url, item.retrieved_at, item.reject, hashlib.sha256(data).hexdigest()]
        digest.update(json.dumps(fields).encode("utf-8"))
    return digest.hexdigest()


def _finished(out: Path, index: int, items: list[Item]) -> dict | None:
    """The done-marker of a batch built from these items whose part files are all present and intact, else None."""
    path = out / DONE / f"{index:05d}.json"
    try:
        marker = json.loads(path.read_text(encoding="utf-8"))
        if marker["fingerprint"] != batch_fingerprint(items):
            return None
        for table, part in marker["parts"].items():
            if sha256_file(out / table / part_name(index)) != part["sha256"]:
                return None
        return marker
    except (OSError, ValueError, KeyError):
        return None


def build_corpus(
    inputs: list[str],
    out: Path,
    *,
    workers: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    batch_size: int = DEFAULT_BATCH,
    progress: bool | None = None,
    max_bytes: int | None = None,
) -> dict:
    """Build the release tables of a corpus into ``out``; return the manifest's summary.

    ``engine`` is ``local`` (a process pool, the default) or ``dask`` (``dask.distributed``: a
    ``LocalCluster`` of ``workers`` processes, or the scheduler at ``scheduler``, an address
    such as ``tcp://host:8786`` or a scheduler file). Articles over ``max_bytes`` (default 8 MiB)
    are rejected as ``too-large``.

    The summary is ``manifest.json`` without its list of part files, which grows with the
    corpus: this process keeps only counts while the build runs and writes the manifest and
    the rejects report from the batches' done-markers on disk at the end.
    """

    out = Path(out)
    paths = expand(inputs)
    with writing_to(out):
        return _build_corpus(paths, out, workers=workers, engine=engine, scheduler=scheduler, batch_size=batch_size, progress=progress, max_bytes=max_bytes)


def _build_corpus(paths, out, *, workers, engine, scheduler, batch_size, progress, max_bytes) -> dict:
    from tqdm import tqdm

    out.mkdir(parents=True, exist_ok=True)
    total_bytes = sum(_size(p) for p in paths)
    workers = workers or os.cpu_count() or 1
    show = sys.stderr.isatty() if progress is None else progress
    bar = tqdm(total=total_bytes, unit="B", unit_scale=True, desc="build", disable=not show)
    tally = _Progress(bar)
    submit, finish = _engine(engine, workers, scheduler)
    pending: dict = {}
    limit = 2 * workers
    batches = 0
    try:
        for index, batch in enumerate(batched(iter_items([str(p) for p in paths], max_bytes=max_bytes), batch_size)):
            batches = index + 1
            done = _finished(out, index, batch)
            if done is not None:
                tally.update(done)
                continue
            pending[submit(index, batch, str(out))] = index
            while len(pending) >= limit:
                _collect(pending, tally, finish)
        while pending:
            _collect(pending, tally, finish)
    finally:
        bar.close()
        finish(None)
    _remove_stale(out, batches)
    return _write_manifest(out, [p.as_posix() for p in paths], batch_size, batches)


def _remove_stale(out: Path, batches: int) -> None:
    """Delete part files and done-markers numbered ``batches`` and up: left by an earlier build of more batches."""
    stale = [out / DONE / f"{index:05d}.json" for index in _numbers(out / DONE, "*.json") if index >= batches]
    for table in CORPUS_TABLES:
        stale += [out / table / part_name(index) for index in _numbers(out / table, "part-*.parquet") if index >= batches]
    for path in stale:
        path.unlink()


def _numbers(folder: Path, pattern: str) -> list[int]:
    return [int(p.stem.rsplit("-", 1)[-1]) for p in folder.glob(pattern) if p.stem.rsplit("-", 1)[-1].isdigit()]


def _size(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
    return path.stat().st_size


class _Progress:
    """Bytes and articles done so far, on the progress bar: running totals, not a list of batches."""

    def __init__(self, bar):
        self.bar = bar
        self.articles = 0

    def update(self, marker: dict) -> None:
        self.articles += marker["articles"]
        self.bar.update(marker["bytes"])
        self.bar.set_postfix(articles=self.articles)


def _collect(pending: dict, progress: _Progress, finish) -> None:
    for future in finish(list(pending)):
        pending.pop(future)
        progress.update(future.result())


def _engine(engine: str, workers: int, scheduler: str | None):
    """``submit(index, batch, out) -> future`` and ``finish(futures) -> completed futures``."""
    if engine == "local":
        pool = ProcessPoolExecutor(max_workers=workers, initializer=die_with_parent) if workers > 1 else None

        class _Now:
            def __init__(self, value):
                self._value = value

            def result(self):
                return self._value

        def submit(index, batch, out):
            return pool.submit(process_batch, index, batch, out) if pool else _Now(process_batch(index, batch, out))

        def finish(futures):
            if futures is None:
                if pool:
                    pool.shutdown(cancel_futures=True)
                return []
            if not pool:
                return futures
            done, _ = wait(futures, return_when=FIRST_COMPLETED)
            return list(done)

        return submit, finish
    if engine == "dask":
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError:
            raise EngineError(
                "the dask engine needs dask.distributed", hint="Install it with: pip install 'kratom-dataset[dask]'"
            ) from None
        from dask.distributed import wait as dask_wait

        if scheduler is None:
            import dask

            # The worker's statistical profiler samples the task thread every 10 ms; batches are
            # pure Python holding the GIL, so it only slows them down.
            # dask also starts workers with glibc's MALLOC_TRIM_THRESHOLD_ set, which turns off
            # glibc's adaptive thresholds; a batch allocates and frees a lot, and without the
            # setting the workers spend less time in the kernel. Memory stays bounded by the batch.
            settings = {
                "distributed.worker.profile.enabled": False,
                "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
            }
            with dask.config.set(settings):
                # Workers end with this process even when it is killed (kratom_dataset.lifeline).
                cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None, preload=["kratom_dataset.lifeline"])
            client = Client(cluster)
        else:
            cluster, client = None, _connect(scheduler)

        def submit(index, batch, out):
            return client.submit(process_batch, index, batch, out, pure=False)

        def finish(futures):
            if futures is None:
                client.close()
                if cluster is not None:
                    cluster.close()
                return []
            done = dask_wait(futures, return_when="FIRST_COMPLETED").done
            return list(done)

        return submit, finish
    raise EngineError(f"unknown engine {engine!r}", hint="Use --engine local or --engine dask.")


def _connect(scheduler: str):
    """A dask client of the scheduler at an address (``tcp://host:8786``) or named by a scheduler file."""
    from dask.distributed import Client

    start = "Start one with `dask scheduler --scheduler-file PATH` (and `dask worker --scheduler-file PATH`), or give its address."
    is_address = scheduler.startswith(("tcp://", "tls://", "inproc://", "ucx://")) or ":" in scheduler and not Path(scheduler).exists()
    if not is_address and not Path(scheduler).is_file():
        # dask would wait for the file to appear, with no end
        raise EngineError("no dask scheduler file there.", where=scheduler, hint=start)
    try:
        return Client(scheduler) if is_address else Client(scheduler_file=scheduler)
    except (OSError, ValueError) as exc:
        raise EngineError(f"could not reach the dask scheduler ({exc}).", where=scheduler, hint=f"Check that it is running and reachable from here. {start}") from None


def _markers(out: Path, batches: int) -> Iterator[dict]:
    """The done-markers of batches ``0 .. batches - 1``, read one at a time."""
    for index in range(batches):
        yield json.loads((out / DONE / f"{index:05d}.json").read_text(encoding="utf-8"))


def _write_manifest(out: Path, inputs: list[str], batch_size: int, batches: int) -> dict:
    """Write ``rejects.json`` (in input order) and ``manifest.json`` from the done-markers; return the summary.

    Both files are streamed, a marker at a time, so writing them takes memory for one batch
    whatever the number of batches; the bytes are those of ``json.dumps(..., indent=2,
    sort_keys=True)`` of the whole objects.
    """
    from . import __version__
    from .extractors import EXTRACTORS
    from .models import SCHEMA_VERSION

    rows = dict.fromkeys(CORPUS_TABLES, 0)
    articles = size = rejected = 0
    with open(out / REJECTS, "w", encoding="utf-8") as fh:
        listing = JsonList(fh, depth=0)
        for marker in _markers(out, batches):
            articles += marker["articles"]
            size += marker["bytes"]
            for table in CORPUS_TABLES:
                rows[table] += marker["parts"][table]["rows"]
            for reject in marker["rejects"]:
                listing.add(reject)
                rejected += 1
        listing.close()
        fh.write("\n")
    summary = {
        "dataset": "kratom-dataset corpus build",
        "package_version": __version__,
        "schema_version": SCHEMA_VERSION,
        "inputs": list(inputs),
        "batch_size": batch_size,
        "batches": batches,
        "articles": articles,
        "bytes": size,
        "rows": rows,
        "rejected": rejected,
        "extractors": dict(sorted(EXTRACTORS.items())),
    }
    placeholders = {table: f"\0parts:{table}\0" for table in sorted(CORPUS_TABLES)}  # in the order sort_keys writes them
    text = json.dumps({**summary, "parts": placeholders}, indent=2, sort_keys=True) + "\n"
    with open(out / MANIFEST, "w", encoding="utf-8") as fh:
        for table, placeholder in placeholders.items():
            before, text = text.split(json.dumps(placeholder), 1)
            fh.write(before)
            listing = JsonList(fh, depth=2)
            for marker in _markers(out, batches):
                listing.add({"file": f"{table}/{part_name(marker['batch'])}", **marker["parts"][table]})
            listing.close()
        fh.write(text)
    return summary


class JsonList:
    """A JSON array written an item at a time, laid out as ``json.dumps(indent=2, sort_keys=True)``
    lays out a list nested ``depth`` levels deep."""

    def __init__(self, fh, depth: int):
        self._fh = fh
        self._depth = depth
        self._pad = "  " * (depth + 1)
        self._empty = True

    def add(self, item) -> None:
        body = json.dumps(item, indent=2, sort_keys=True).replace("\n", "\n" + self._pad)
        self._fh.write(("[\n" if self._empty else ",\n") + self._pad + body)
        self._empty = False

    def close(self) -> None:
        self._fh.write("[]" if self._empty else "\n" + "  " * self._depth + "]")

