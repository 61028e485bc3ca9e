"""Publish a release: gather a build's part files into one Parquet file per table, and write
the folder (manifest, SHA256SUMS and data card) atomically.

Everything is written into a temporary folder beside the target and renamed into place only
when complete, so a reader never sees half a release. A published release is immutable:
writing the same version again is a no-op when every byte is identical and an error otherwise.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from . import datacard, metadata
from .arrow import to_table
from .checksums import render_sums, sha256_file
from .errors import ReleaseError, SourceError
from .extractors import EXTRACTORS
from .inputs import Source
from .item import Reject, RejectRow
from .layout import CARD, CHECKSUMS, MANIFEST, METADATA_KEY, PARQUET_OPTIONS, FileEntry, dumps, parquet_name, part_path
from .models import PRIMARY_KEY, SCHEMA_VERSION, TABLES
from .schemas import schema_sha256
from .semver import Version

LOCK_TIMEOUT_S = 120.0

__all__ = ["LOCK_TIMEOUT_S", "MANIFEST", "METADATA_KEY", "file_metadata", "publish_build", "publish_lock", "write_parquet", "write_release"]


def file_metadata(table: str, version: str, schema_version: str = SCHEMA_VERSION) -> dict[str, Any]:
    """What each Parquet file says about itself under the ``kratom_dataset`` key."""
    return {
        "dataset": "kratom-dataset",
        "dataset_version": version,
        "table": table,
        "schema_version": schema_version,
        "primary_key": PRIMARY_KEY,
        "json_schema_sha256": schema_sha256(table),
        "description": (TABLES[table].__doc__ or "").strip(),
    }


def write_parquet(table_name: str, data: pa.Table, path: Path, version: str) -> None:
    """One table to one Parquet file, with its self-description in the key-value metadata."""
    meta = dict(data.schema.metadata or {})
    meta[METADATA_KEY] = json.dumps(file_metadata(table_name, version), sort_keys=True).encode("utf-8")
    pq.write_table(data.replace_schema_metadata(meta), path, **PARQUET_OPTIONS)


@contextlib.contextmanager
def publish_lock(out_root: Path, timeout: float = LOCK_TIMEOUT_S) -> Iterator[None]:
    """Hold the folder's publish lock: a second build on the same folder waits, then gives up clearly.

    The lock is an advisory ``flock`` on the folder itself, so it leaves no file behind and dies
    with its process: a killed build never leaves a stale lock.
    """
    try:
        import fcntl
    except ImportError:  # not POSIX: no advisory locks on folders; atomic renames still hold
        yield
        return
    fd = os.open(out_root, os.O_RDONLY)
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise ReleaseError(
                        f"another build has been publishing into this folder for over {timeout:.0f} s",
                        where=str(out_root),
                        hint="Wait for it to finish, then run the build again.",
                    ) from None
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)


def write_release(
    tables: dict[str, pa.Table],
    *,
    version: str,
    out_root: Path,
    sources: list[Source],
    extractors: dict[str, str],
    rejects: list[RejectRow] | None = None,
    evaluation: dict[str, Any] | None = None,
    lock_timeout: float = LOCK_TIMEOUT_S,
) -> tuple[Path, bool]:
    """Write release ``version`` under ``out_root``; return its folder and whether anything changed.

    The files go to a temporary folder beside the target, are flushed to disk, and the folder is
    renamed into place under the publish lock: a reader (or a crash) sees no release or a whole
    one, and an older release is never touched.
    """
    out_root.mkdir(parents=True, exist_ok=True)
    Version.parse(version)  # a folder name: never a path of its own
    target = out_root / version
    tmp = out_root / f".{version}.incomplete-{os.getpid()}"
    with publish_lock(out_root, lock_timeout):
        _sweep(out_root)
        if tmp.exists():
            shutil.rmtree(tmp)
        tmp.mkdir()
        try:
            _write_files(
                tmp, tables, version=version, sources=sources, extractors=extractors, rejects=list(rejects or []), evaluation=evaluation
            )
            if target.exists():
                if _same_tree(tmp, target):
                    shutil.rmtree(tmp)
                    return target, False
                raise ReleaseError(
                    f"release {version} is already published and the new build differs from it.",
                    where=str(target),
                    hint="Published releases never change: bump the version (and CHANGELOG) for new data.",
                )
            os.rename(tmp, target)
            _fsync_dir(out_root)
            return target, True
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise


def _write_files(
    tmp: Path,
    tables: dict[str, pa.Table],
    *,
    version: str,
    sources: list[Source],
    extractors: dict[str, str],
    rejects: list[RejectRow],
    evaluation: dict[str, Any] | None,
) -> None:
    files: dict[str, FileEntry] = {}
    for name in TABLES:
        path = tmp / parquet_name(name)
        write_parquet(name, tables[name], path, version)
        files[path.name] = {"table": name, "rows": tables[name].num_rows, "bytes": path.stat().st_size, "sha256": sha256_file(path)}
    descriptors = {metadata.CROISSANT: metadata.croissant(version, files), metadata.DATAPACKAGE: metadata.datapackage(version, files)}
    for file_name, descriptor in descriptors.items():
        (tmp / file_name).write_text(metadata.render(descriptor), encoding="utf-8", newline="\n")
    manifest = {
        "dataset": "kratom-dataset",
        "version": version,
        "schema_version": SCHEMA_VERSION,
        "writer": {"pyarrow": pa.__version__, "parquet_options": PARQUET_OPTIONS},
        "files": files,
        "metadata_files": sorted(descriptors),
        "articles": {s["article_id"]: {"file": s["file"], "sha256": s["sha256"], "bytes": s["size_bytes"]} for s in sources},
        "rejected": rejects,
        "extractors": dict(sorted(extractors.items())),
    }
    if evaluation is not None:
        manifest["evaluation"] = evaluation
    (tmp / MANIFEST).write_text(dumps(manifest), encoding="utf-8", newline="\n")
    (tmp / CARD).write_text(datacard.render(manifest, tables), encoding="utf-8", newline="\n")
    (tmp / CHECKSUMS).write_text(render_sums(tmp, [*files, *descriptors, MANIFEST, CARD]), encoding="utf-8", newline="\n")
    for path in tmp.iterdir():
        with open(path, "rb") as fh:
            os.fsync(fh.fileno())
    _fsync_dir(tmp)


def _fsync_dir(folder: Path) -> None:
    """Make a rename or a new file durable: flush the directory entry itself (POSIX)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def scratch_folder(out_root: Path, version: str) -> Path:
    """A build's own folder for part files beside the releases, named after its process."""
    folder = out_root / f".{version}.incomplete-parts-{os.getpid()}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    return folder


def _sweep(out_root: Path) -> None:
    """Remove temporary folders left by builds that were killed: every unfinished release (we
    hold the lock, so none is live) and the part files of builds whose process is gone."""
    for leftover in out_root.glob(".*.incomplete-*"):
        owner = leftover.name.rsplit("-", 1)[-1]
        if ".incomplete-parts-" in leftover.name and owner.isdigit() and _alive(int(owner)):
            continue
        shutil.rmtree(leftover, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _same_tree(a: Path, b: Path) -> bool:
    names_a = sorted(p.name for p in a.iterdir())
    names_b = sorted(p.name for p in b.iterdir())
    return names_a == names_b and all((a / n).read_bytes() == (b / n).read_bytes() for n in names_a)


def gather(build: Path, batches: int) -> dict[str, pa.Table]:
    """Every table of a build as one table, sorted by id as each part is, in one chunk per column:
    the Parquet bytes do not depend on how the articles were batched."""
    tables = {}
    for table in TABLES:
        parts = [pq.read_table(build / part_path(table, index)) for index in range(batches)]
        tables[table] = pa.concat_tables(parts).sort_by("id").combine_chunks() if parts else to_table(table, [])
    return tables


def publish_build(
    build: Path,
    batches: int,
    *,
    raw_dir: Path,
    out_root: Path,
    version: str,
    sources: list[Source],
    rejects: list[Reject],
    allow_rejects: bool,
    lock_timeout: float | None,
    report: Path,
) -> tuple[Path, bool]:
    """Publish release ``version`` from the part files of a build of ``raw_dir``; return its folder and whether it changed.

    With rejects, the rejects report is written beside the release first, and nothing is
    published unless ``allow_rejects``.
    """
    timeout = LOCK_TIMEOUT_S if lock_timeout is None else lock_timeout
    with publish_lock(out_root, timeout):
        if rejects:
            report.write_text(json.dumps([r.to_row() for r in rejects], indent=2) + "\n", encoding="utf-8")
        elif report.exists():
            report.unlink()
    if rejects and not allow_rejects:
        raise SourceError(
            f"{len(rejects)} input file(s) rejected; nothing was published (see {report.name})",
            reason="rejected",
            where=str(report),
            hint="Fix or remove them, or pass --allow-rejects to publish without them.",
        )
    tables = gather(build, batches)
    evaluation = None
    if tables["gold"].num_rows:
        from .agreement import release_agreement
        from .scoring import release_evaluation

        evaluation = {**release_evaluation(raw_dir), **release_agreement(raw_dir)}
    return write_release(
        tables,
        version=version,
        out_root=out_root,
        sources=sources,
        extractors=EXTRACTORS,
        rejects=[r.to_row() for r in rejects],
        evaluation=evaluation,
        lock_timeout=timeout,
    )
