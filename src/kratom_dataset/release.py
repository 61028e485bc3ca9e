"""Write a release folder: Parquet per table, manifest, SHA256SUMS and data card, atomically.

Everything is written into a temporary folder beside the target and renamed into place only
when complete, so a reader never sees half a release. A published release is immutable:
writing the same version again is a no-op when every byte is identical and an error otherwise.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from . import datacard
from .errors import ReleaseError
from .models import PRIMARY_KEY, SCHEMA_VERSION, TABLES
from .schemas import schema_sha256

MANIFEST = "manifest.json"
CHECKSUMS = "SHA256SUMS"
CARD = "README.md"
METADATA_KEY = b"kratom_dataset"

# Fixed writer options: the same table always gives the same bytes with the same pyarrow.
PARQUET_OPTIONS = dict(
    compression="zstd",
    compression_level=9,
    use_dictionary=True,
    write_statistics=True,
    version="2.6",
    data_page_version="1.0",
    row_group_size=64 * 1024,
)


def parquet_name(table: str) -> str:
    return f"{table}.parquet"


def file_metadata(table: str, version: str) -> dict:
    """What each Parquet file says about itself under the ``kratom_dataset`` key."""
    return {
        "dataset": "kratom-dataset",
        "dataset_version": version,
        "table": table,
        "schema_version": SCHEMA_VERSION,
        "primary_key": PRIMARY_KEY,
        "json_schema_sha256": schema_sha256(table),
        "description": (TABLES[table].__doc__ or "").strip(),
    }


def write_parquet(table_name: str, data: pa.Table, path: Path, version: str) -> None:
    """One table to one Parquet file, with its self-description in the key-value metadata."""
    meta = dict(data.schema.metadata or {})
    meta[METADATA_KEY] = json.dumps(file_metadata(table_name, version), sort_keys=True).encode("utf-8")
    pq.write_table(data.replace_schema_metadata(meta), path, **PARQUET_OPTIONS)


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def write_release(
    tables: dict[str, pa.Table],
    *,
    version: str,
    out_root: Path,
    sources: list[dict],
    extractors: dict[str, str],
) -> tuple[Path, bool]:
    """Write release ``version`` under ``out_root``; return its folder and whether anything changed."""
    out_root.mkdir(parents=True, exist_ok=True)
    target = out_root / version
    tmp = out_root / f".{version}.incomplete-{os.getpid()}"
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir()
    try:
        files = {}
        for name in TABLES:
            path = tmp / parquet_name(name)
            write_parquet(name, tables[name], path, version)
            files[path.name] = {"table": name, "rows": tables[name].num_rows, "bytes": path.stat().st_size, "sha256": sha256_file(path)}
        manifest = {
            "dataset": "kratom-dataset",
            "version": version,
            "schema_version": SCHEMA_VERSION,
            "writer": {"pyarrow": pa.__version__, "parquet_options": PARQUET_OPTIONS},
            "files": files,
            "articles": {s["article_id"]: {"file": s["file"], "sha256": s["sha256"], "bytes": s["size_bytes"]} for s in sources},
            "extractors": dict(sorted(extractors.items())),
        }
        (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8", newline="\n")
        (tmp / CARD).write_text(datacard.render(manifest, tables), encoding="utf-8", newline="\n")
        sums = {name: sha256_file(tmp / name) for name in sorted([*files, MANIFEST, CARD])}
        (tmp / CHECKSUMS).write_text("".join(f"{h}  {n}\n" for n, h in sums.items()), encoding="utf-8", newline="\n")
        if target.exists():
            if _same_tree(tmp, target):
                shutil.rmtree(tmp)
                return target, False
            raise ReleaseError(
                f"release {version} is already published and the new build differs from it.",
                where=str(target),
                hint="Published releases never change: bump the version (and CHANGELOG) for new data.",
            )
        os.replace(tmp, target)
        return target, True
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _same_tree(a: Path, b: Path) -> bool:
    names_a = sorted(p.name for p in a.iterdir())
    names_b = sorted(p.name for p in b.iterdir())
    return names_a == names_b and all((a / n).read_bytes() == (b / n).read_bytes() for n in names_a)
