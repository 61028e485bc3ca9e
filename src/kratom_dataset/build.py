"""Build a release from ``data/raw``: read sources, parse, extract, validate, write.

Articles are processed independently (a process pool when there are several workers) and
their rows gathered in source order, so the output never depends on scheduling. A file that
cannot be read as an article is never dropped silently: it goes into the rejects report with
its reason, and the build fails unless rejects are explicitly allowed.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

from tqdm import tqdm

from .errors import SourceError, ValidationFailed
from .extractors import EXTRACTORS, extract_document
from .files import TEXT_SUFFIXES, is_listable, read_input, writing_to
from .gold import gold_file, gold_records
from .ids import article_id_for
from .lifeline import die_with_parent
from .models import TABLES
from .parse import parse_article

SOURCES = "sources.csv"
ARTICLES = "articles"
DEFAULT_MAX_BYTES = 8 * 1024 * 1024


@dataclass(frozen=True)
class Reject:
    """One input file that is not in the build, and why."""

    file: str
    reason: str
    detail: str


def too_large(size: int, limit: int) -> str:
    """What a ``too-large`` reject says, for release and corpus builds alike."""
    return f"{size} bytes is over the limit of {limit} (raise it with --max-bytes)"


def read_sources(raw_dir: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[list[dict], list[Reject]]:
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
        raise SourceError("no articles folder", reason="missing", where=str(articles_dir), hint="Put the raw articles in data/raw/articles/.")
    listed: list[dict] = []
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
            rejects.append(Reject(rel, exc.reason, exc.message))
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
            f"duplicate article ids: {', '.join(duplicates)}", reason="duplicate", where=str(sources_path), hint="Give each file its own id in sources.csv."
        )
    return sorted(listed, key=lambda row: row["article_id"]), rejects


def _listed(raw_dir: Path, row: dict, where: str) -> dict:
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
    return {**row, "size_bytes": len(data)}


def read_article(data: bytes, *, article_id: str, source: str, validate: bool = True):
    """Parse and extract one article: ``(document, rows by table)``, or the :class:`Reject` saying why not.

    The one step a release build and a corpus build share for every input; ``validate`` as
    in :func:`~kratom_dataset.extractors.extract_document`.
    """
    try:
        doc = parse_article(data, article_id=article_id, source_file=source)
    except SourceError as exc:
        return Reject(source, exc.reason, exc.message)
    return doc, extract_document(doc, validate=validate)


def _process(job: tuple[str, str, bytes, bytes | None, str | None]):
    article_id, rel, data, gold, gold_where = job
    result = read_article(data, article_id=article_id, source=rel)
    if isinstance(result, Reject):
        return result
    doc, rows = result
    rows["gold"] = gold_records(doc, gold, where=gold_where) if gold is not None else []
    return rows


def extract_all(
    raw_dir: Path, sources: list[dict], *, workers: int | None = None, progress: bool | None = None, strict: bool = False
) -> tuple[dict[str, list], list[Reject]]:
    """Rows of every table for every readable source article, in source order, and the rejects."""
    def job(source):
        gold = gold_file(raw_dir, source["article_id"])
        return (
            source["article_id"],
            source["file"],
            (Path(raw_dir) / source["file"]).read_bytes(),
            gold.read_bytes() if gold.is_file() else None,
            gold.as_posix(),
        )

    jobs = (job(s) for s in sources)
    workers = workers or min(len(sources), os.cpu_count() or 1)
    show = sys.stderr.isatty() if progress is None else progress
    rows: dict[str, list] = {t: [] for t in TABLES}
    rejects: list[Reject] = []
    bar = tqdm(total=len(sources), unit="article", desc="extract", disable=not show)
    executor = ProcessPoolExecutor(max_workers=workers, initializer=die_with_parent) if workers > 1 and len(sources) > 1 else None
    results = executor.map(_process, jobs) if executor else map(_process, jobs)
    try:
        for result in results:
            bar.update(1)
            if isinstance(result, Reject):
                if strict:
                    raise SourceError(result.detail, reason=result.reason, where=result.file, hint="Fix or remove the file, or build without --strict.")
                rejects.append(result)
                continue
            for table, records in result.items():
                rows[table].extend(records)
    finally:
        bar.close()
        if executor:
            executor.shutdown(cancel_futures=True)
    return rows, rejects


def challenge_file(raw_dir: Path) -> Path | None:
    """The challenge passages of the repository that holds ``raw_dir`` (``tests/challenge/``), if any."""
    path = Path(raw_dir).resolve().parent.parent / "tests" / "challenge" / "passages.jsonl"
    return path if path.is_file() else None


def rejects_path(out_root: Path, version: str) -> Path:
    """Where a build writes its rejects report: beside the release folder."""
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
):
    """Build release ``version`` (the package version by default) from ``raw_dir`` into ``out_root``.

    Returns ``(folder, changed, rejects)``; ``changed`` is False when an identical release
    already existed. Rejected files are listed in ``<version>.rejects.json`` beside the release;
    unless ``allow_rejects`` is set, any reject stops the build before anything is published.
    """
    from . import __version__
    from .semver import Version

    version = str(Version.parse(__version__ if version is None else version))  # before any path is made of it
    sources, rejects = read_sources(raw_dir, max_bytes=max_bytes)
    if strict and rejects:
        first = rejects[0]
        raise SourceError(first.detail, reason=first.reason, where=first.file, hint="Fix or remove the file, or build without --strict.")
    rows, unreadable = extract_all(raw_dir, sources, workers=workers, progress=progress, strict=strict)
    rejects = sorted([*rejects, *unreadable], key=lambda r: r.file)
    with writing_to(Path(out_root)):
        return _publish(raw_dir, out_root, version, sources, rows, rejects, allow_rejects, lock_timeout)


def _publish(raw_dir, out_root, version, sources, rows, rejects, allow_rejects, lock_timeout):
    """Check the rows and write the release (or, with rejects, only the rejects report)."""
    from .arrow import to_table
    from .checks import validate_rows
    from .release import LOCK_TIMEOUT_S, publish_lock, write_release

    report_path = rejects_path(out_root, version)
    Path(out_root).mkdir(parents=True, exist_ok=True)
    timeout = LOCK_TIMEOUT_S if lock_timeout is None else lock_timeout
    with publish_lock(Path(out_root), timeout):
        if rejects:
            report_path.write_text(json.dumps([asdict(r) for r in rejects], indent=2) + "\n", encoding="utf-8")
        elif report_path.exists():
            report_path.unlink()
    if rejects and not allow_rejects:
        raise SourceError(
            f"{len(rejects)} input file(s) rejected; nothing was published (see {report_path.name})",
            reason="rejected",
            where=str(report_path),
            hint="Fix or remove them, or pass --allow-rejects to publish without them.",
        )
    report = validate_rows(rows)
    if not report.valid:
        raise ValidationFailed(
            f"extraction produced {len(report.errors)} inconsistent records; nothing was written.",
            report=report,
            hint="See the report; this is a bug in an extractor or a lexicon.",
        )
    evaluation = None
    if any(rows["gold"]):
        from .scoring import evaluate_dirs, evaluate_passages, passage_files

        evaluation = {"seed_gold": evaluate_dirs(Path(raw_dir) / "gold", raw_dir).to_dict(details=False)}
        for name, path in passage_files(raw_dir).items():
            evaluation[f"{name}_passages"] = evaluate_passages(path).to_dict(details=False)
        challenge = challenge_file(raw_dir)
        if challenge is not None:
            scores = evaluate_passages(challenge).to_dict(details=False)
            evaluation["challenge"] = {k: scores[k] for k in ("dose", "mechanism")}
    kept = {a.id for a in rows["articles"]}
    tables = {name: to_table(name, records) for name, records in rows.items()}
    folder, changed = write_release(
        tables,
        version=version,
        out_root=Path(out_root),
        sources=[s for s in sources if s["article_id"] in kept],
        extractors=EXTRACTORS,
        rejects=[asdict(r) for r in rejects],
        evaluation=evaluation,
        lock_timeout=timeout,
    )
    return folder, changed, rejects
