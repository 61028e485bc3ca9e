"""Builds: inputs → batches → checked part files; for a release, then a publish step.

One pipeline serves both kinds of build. :func:`build_corpus` streams any inputs
(:mod:`kratom_dataset.inputs`) in batches of a fixed number of articles; each batch is parsed,
extracted and checked on its own (:mod:`kratom_dataset.batch`) on the engine chosen
(:mod:`kratom_dataset.engine`), and writes one part file per table. The build folder's
manifest, written last, lists every part: ``validate`` checks the folder and ``load(table,
path=...)`` reads it as one table. :func:`build_release` runs the same pipeline over a raw
folder into a scratch folder, then gathers the parts into one file per table and publishes
them (:mod:`kratom_dataset.release`).

The same inputs and batch size give the same batches, ids and bytes whatever the number of
workers or the engine; an interrupted build resumes from the first batch without a valid
done-marker. An input that cannot be read as an article is never dropped silently: it goes
into the rejects report with its reason.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from tqdm import tqdm

from . import __version__
from .batch import Marker, finished, process_batch
from .engine import Pending, start
from .errors import SourceError
from .extractors import EXTRACTORS
from .files import TEXT_SUFFIXES, writing_to
from .inputs import DEFAULT_MAX_BYTES, Source, expand, is_raw_folder, iter_items, raw_items, read_sources
from .item import Item, Reject
from .layout import DONE, MANIFEST, REJECTS, JsonStream, marker_name, part_path, write_streamed
from .models import SCHEMA_VERSION, TABLES
from .semver import Version

DEFAULT_BATCH = 128
#: A release is small and built while someone waits: smaller batches keep every core busy.
RELEASE_BATCH = 4

__all__ = ["DEFAULT_BATCH", "DEFAULT_MAX_BYTES", "build_corpus", "build_release", "read_sources", "rejects_path"]


def batched(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


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
) -> dict[str, Any]:
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
    paths = [p.as_posix() for p in expand(inputs)]
    with writing_to(out):
        out.mkdir(parents=True, exist_ok=True)
        total = sum(_size(Path(p)) for p in paths)
        batches = run_batches(
            iter_items(paths, max_bytes=max_bytes),
            out,
            total,
            workers=workers,
            engine=engine,
            scheduler=scheduler,
            batch_size=batch_size,
            progress=progress,
        )
        return _write_manifest(out, paths, batch_size, batches)


def run_batches(
    items: Iterable[Item],
    out: Path,
    total_bytes: int,
    *,
    workers: int | None,
    engine: str = "local",
    scheduler: str | None = None,
    batch_size: int,
    progress: bool | None,
) -> int:
    """Build every batch of ``items`` not already done into ``out``; return the number of batches."""
    workers = workers or os.cpu_count() or 1
    show = sys.stderr.isatty() if progress is None else progress
    bar = tqdm(total=total_bytes, unit="B", unit_scale=True, unit_divisor=1000, desc="build", disable=not show)
    tally = _Progress(bar)
    runner = start(engine, workers, scheduler)
    pending: list[Pending] = []
    batches = 0
    try:
        for index, batch in enumerate(batched(items, batch_size)):
            batches = index + 1
            done = finished(out, index, batch)
            if done is not None:
                tally.update(done)
                continue
            pending.append(runner.submit(process_batch, index, batch, str(out)))
            tally.queue(len(batch))
            while len(pending) >= 2 * workers:
                _collect(runner.completed(pending), pending, tally)
        while pending:
            _collect(runner.completed(pending), pending, tally)
        tally.finish()
    finally:
        bar.close()
        runner.close()
    _remove_stale(out, batches)
    return batches


def _collect(done: list[Pending], pending: list[Pending], tally: _Progress) -> None:
    for future in done:
        pending.remove(future)
        tally.update(future.result())


class _Progress:
    """MB of article text and articles done, with MB/s, on the progress bar: running totals, not a
    list of batches. Articles handed to workers show at once, before the first batch is done.

    The bar's total starts as the inputs' size on disk, which for JSONL and Parquet is more than
    their texts; when the build ends it becomes the text actually read, so a finished build
    stands at 100%.
    """

    def __init__(self, bar: tqdm[Any]):
        self.bar = bar
        self.articles = 0
        self.queued = 0

    def queue(self, n: int) -> None:
        self.queued += n
        self._show()

    def update(self, marker: Marker) -> None:
        self.articles += marker["articles"]
        self.bar.update(marker["bytes"])
        self._show()

    def finish(self) -> None:
        self.bar.total = self.bar.n
        self._show()

    def _show(self) -> None:
        self.bar.set_postfix_str(f"{self.articles} articles done, {self.queued} read", refresh=True)


def _size(path: Path) -> int:
    if is_raw_folder(path):
        path = path / "articles"
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
    return path.stat().st_size


def _remove_stale(out: Path, batches: int) -> None:
    """Delete part files and done-markers numbered ``batches`` and up: left by an earlier build of more batches."""
    stale = [out / marker_name(index) for index in _numbers(out / DONE, "*.json") if index >= batches]
    for table in TABLES:
        stale += [out / part_path(table, index) for index in _numbers(out / table, "part-*.parquet") if index >= batches]
    for path in stale:
        path.unlink()


def _numbers(folder: Path, pattern: str) -> list[int]:
    return [int(p.stem.rsplit("-", 1)[-1]) for p in folder.glob(pattern) if p.stem.rsplit("-", 1)[-1].isdigit()]


def markers(out: Path, batches: int) -> Iterator[Marker]:
    """The done-markers of batches ``0 .. batches - 1``, read one at a time."""
    for index in range(batches):
        marker: Marker = json.loads((out / marker_name(index)).read_text(encoding="utf-8"))
        yield marker


def _write_manifest(out: Path, inputs: list[str], batch_size: int, batches: int) -> dict[str, Any]:
    """Write ``rejects.json`` (in input order) and ``manifest.json`` from the done-markers; return the summary.

    Both files are streamed, a marker at a time, so writing them takes memory for one batch
    whatever the number of batches; the bytes are those of ``json.dumps(..., indent=2,
    sort_keys=True)`` of the whole objects.
    """
    rows = dict.fromkeys(TABLES, 0)
    articles = size = rejected = 0
    with open(out / REJECTS, "w", encoding="utf-8") as fh:
        listing = JsonStream(fh, depth=0)
        for marker in markers(out, batches):
            articles += marker["articles"]
            size += marker["bytes"]
            for table in TABLES:
                rows[table] += marker["parts"][table]["rows"]
            for reject in marker["rejects"]:
                listing.add(reject)
                rejected += 1
        listing.close()
        fh.write("\n")
    summary = {
        "dataset": "kratom-dataset",
        "kind": "build",
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

    def files() -> Iterator[tuple[str | None, Any]]:
        for table in sorted(TABLES):
            for marker in markers(out, batches):
                yield part_path(table, marker["batch"]), marker["parts"][table]

    write_streamed(out / MANIFEST, summary, {"files": files()}, mappings=frozenset({"files"}))
    return summary


# Releases ------------------------------------------------------------------------------------


def rejects_path(out_root: Path, version: str) -> Path:
    """Where a release build writes its rejects report: beside the release folder."""
    return Path(out_root) / f"{version}.rejects.json"


def build_release(
    raw_dir: Path,
    out_root: Path,
    *,
    version: str | None = None,
    workers: int | None = None,
    progress: bool | None = None,
    strict: bool = False,
    allow_rejects: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    lock_timeout: float | None = None,
) -> tuple[Path, bool, list[Reject]]:
    """Build release ``version`` (the package version by default) from ``raw_dir`` into ``out_root``.

    Returns ``(folder, changed, rejects)``; ``changed`` is False when an identical release
    already existed. Rejected files are listed in ``<version>.rejects.json`` beside the release;
    unless ``allow_rejects`` is set, any reject stops the build before anything is published.
    """
    from .release import publish_build, scratch_folder

    version = str(Version.parse(__version__ if version is None else version))  # before any path is made of it
    raw_dir, out_root = Path(raw_dir), Path(out_root)
    sources, rejects = read_sources(raw_dir, max_bytes=max_bytes)
    if strict and rejects:
        _stop(rejects[0])
    with writing_to(out_root):
        out_root.mkdir(parents=True, exist_ok=True)
        scratch = scratch_folder(out_root, version)
        try:
            items = raw_items(raw_dir, listing=(sources, rejects))
            total = sum(s["size_bytes"] for s in sources)
            size = min(RELEASE_BATCH, max(1, len(sources)))
            batches = run_batches(
                items, scratch, total, workers=workers or min(len(sources), os.cpu_count() or 1), batch_size=size, progress=progress
            )
            found = sorted((Reject(**r) for m in markers(scratch, batches) for r in m["rejects"]), key=lambda r: r.file)
            if strict and found:
                _stop(found[0])
            kept = _kept(sources, found)
            folder, changed = publish_build(
                scratch, batches, raw_dir=raw_dir, out_root=out_root, version=version, sources=kept, rejects=found,
                allow_rejects=allow_rejects, lock_timeout=lock_timeout, report=rejects_path(out_root, version),
            )  # fmt: skip
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    return folder, changed, found


def _kept(sources: list[Source], rejects: list[Reject]) -> list[Source]:
    gone = {r.file for r in rejects}
    return [s for s in sources if s["file"] not in gone]


def _stop(reject: Reject) -> None:
    raise SourceError(reject.detail, reason=reject.reason, where=reject.file, hint="Fix or remove the file, or build without --strict.")
