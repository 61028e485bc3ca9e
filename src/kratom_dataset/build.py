"""Build a release from ``data/raw``: read sources, parse, extract, validate, write.

Articles are processed independently (a process pool when there are several workers) and
their rows gathered in source order, so the output never depends on scheduling.
"""

from __future__ import annotations

import csv
import hashlib
import os
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from tqdm import tqdm

from .errors import SourceError, ValidationFailed
from .extract import EXTRACTORS, extract_document
from .models import TABLES
from .parse import parse_article
from .arrow import to_table

SOURCES = "sources.csv"
ARTICLES = "articles"
_SLUG = re.compile(r"[^a-z0-9]+")


def slug(name: str) -> str:
    """A safe, stable article id from a file name: lowercase letters, digits and hyphens."""
    stem = Path(name).stem.lower()
    text = _SLUG.sub("-", stem).strip("-")[:120]
    return text or "article-" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:12]


def read_sources(raw_dir: Path) -> list[dict]:
    """The articles of a raw folder: ``sources.csv`` entries first, then any unlisted ``articles/*``.

    Each listed file must exist and match its recorded sha256 and size, so a release can only be
    built from the exact bytes it claims.
    """
    raw_dir = Path(raw_dir)
    articles_dir = raw_dir / ARTICLES
    if not articles_dir.is_dir():
        raise SourceError("no articles folder", where=str(articles_dir), hint="Put the raw articles in data/raw/articles/.")
    listed: list[dict] = []
    sources_path = raw_dir / SOURCES
    if sources_path.is_file():
        with open(sources_path, newline="", encoding="utf-8") as fh:
            for line, row in enumerate(csv.DictReader(fh), start=2):
                where = f"{sources_path}:{line}"
                path = raw_dir / row["file"]
                if not path.is_file():
                    raise SourceError(f"listed file {row['file']!r} does not exist", where=where)
                data = path.read_bytes()
                digest = hashlib.sha256(data).hexdigest()
                if digest != row["sha256"] or len(data) != int(row["size_bytes"]):
                    raise SourceError(
                        f"{row['file']} does not match its recorded sha256/size (found {digest}, {len(data)} bytes)",
                        where=where,
                        hint="Raw articles are kept byte-for-byte; restore the file or record a new source.",
                    )
                listed.append({**row, "size_bytes": len(data)})
    known = {row["file"] for row in listed}
    for path in sorted(articles_dir.rglob("*")):
        rel = path.relative_to(raw_dir).as_posix()
        if path.is_file() and not path.name.startswith(".") and rel not in known:
            data = path.read_bytes()
            listed.append(
                {
                    "article_id": slug(path.name),
                    "file": rel,
                    "sha256": hashlib.sha256(data).hexdigest(),
                    "size_bytes": len(data),
                    "origin": "",
                }
            )
    ids = [row["article_id"] for row in listed]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise SourceError(f"duplicate article ids: {', '.join(duplicates)}", where=str(raw_dir), hint="Give each file its own id in sources.csv.")
    return sorted(listed, key=lambda row: row["article_id"])


def _process(job: tuple[str, str, bytes]) -> dict[str, list]:
    article_id, rel, data = job
    return extract_document(parse_article(data, article_id=article_id, source_file=rel))


def extract_all(raw_dir: Path, sources: list[dict], *, workers: int | None = None, progress: bool | None = None) -> dict[str, list]:
    """Rows of every table for every source article, in source order."""
    jobs = [(s["article_id"], s["file"], (Path(raw_dir) / s["file"]).read_bytes()) for s in sources]
    workers = workers or min(len(jobs), os.cpu_count() or 1)
    show = sys.stderr.isatty() if progress is None else progress
    rows: dict[str, list] = {t: [] for t in TABLES}
    bar = tqdm(total=len(jobs), unit="article", desc="extract", disable=not show)
    if workers <= 1 or len(jobs) <= 1:
        results = map(_process, jobs)
        executor = None
    else:
        executor = ProcessPoolExecutor(max_workers=workers)
        results = executor.map(_process, jobs)
    try:
        for result in results:
            for table, records in result.items():
                rows[table].extend(records)
            bar.update(1)
    finally:
        bar.close()
        if executor:
            executor.shutdown()
    return rows


def build_release(
    raw_dir: Path, out_root: Path, *, version: str | None = None, workers: int | None = None, progress: bool | None = None
):
    """Build release ``version`` (the package version by default) from ``raw_dir`` into ``out_root``.

    Returns ``(folder, changed)``; ``changed`` is False when an identical release already existed.
    """
    from . import __version__
    from .release import write_release
    from .checks import validate_rows

    version = version or __version__
    sources = read_sources(raw_dir)
    rows = extract_all(raw_dir, sources, workers=workers, progress=progress)
    report = validate_rows(rows)
    if not report.valid:
        raise ValidationFailed(
            f"extraction produced {len(report.errors)} inconsistent records; nothing was written.",
            report=report,
            hint="See the report; this is a bug in an extractor or a lexicon.",
        )
    tables = {name: to_table(name, records) for name, records in rows.items()}
    return write_release(tables, version=version, out_root=Path(out_root), sources=sources, extractors=EXTRACTORS)
