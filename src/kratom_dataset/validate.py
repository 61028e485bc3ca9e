"""Validate release folders, build folders and lone Parquet files: every rule, located issues.

The manifest and checksums, each file's Arrow schema and key-value metadata, every row through
its model, then the cross-record rules of :mod:`kratom_dataset.checks`. Works on files someone
else produced too: what cannot be checked is reported, never raised.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from .checks import MAX_ISSUES_PER_CHECK, Report, validate_rows
from .layout import MANIFEST, METADATA_KEY, Manifest, ManifestError, parquet_name
from .models import SCHEMA_VERSION, TABLES, TABLES_BY_SCHEMA, Record
from .semver import Version

if TYPE_CHECKING:
    import pyarrow as pa


def validate_release(folder: Path) -> Report:
    """Validate a release or build folder, or any folder or Parquet file that claims to hold release tables.

    Checks the manifest and checksums, each file's Arrow schema and key-value metadata, every
    row through its model, then every cross-record rule. Foreign data (no manifest, wrong
    columns, broken rows) gets located issues for everything that can be checked, never an
    exception. A build folder is checked part by part (:func:`validate_build`).
    """
    import pyarrow.parquet as pq

    from .arrow import arrow_schema
    from .checksums import sha256_file
    from .release import file_metadata

    folder = Path(folder)
    report = Report()
    manifest: dict[str, Any] | None = None
    if folder.is_file():
        candidates: dict[str | None, Path] = {_table_of(folder): folder}
    else:
        read = _read_manifest(report, folder)
        if read is not None and read.kind == "build":
            return validate_build(folder, read, report)
        manifest = None if read is None else read.data
        schema_version = (manifest or {}).get("schema_version", SCHEMA_VERSION)
        if schema_version not in TABLES_BY_SCHEMA:
            report.add("manifest-schema", f"schema version {schema_version!r} is not one this package knows", field="schema_version")
        expected = TABLES_BY_SCHEMA.get(schema_version, tuple(TABLES))
        candidates = {t: folder / parquet_name(t) for t in expected}
    version = None
    files = {}
    schema_version = SCHEMA_VERSION
    if manifest is not None:
        version, files = manifest["version"], manifest["files"]
        schema_version = manifest.get("schema_version", SCHEMA_VERSION)
        if not Version.is_valid(version):
            report.add("manifest-version", f"version {version!r} is not MAJOR.MINOR.PATCH", field="version")
        if folder.name != version:
            report.add("manifest-version", f"folder {folder.name!r} holds a manifest for {version!r}", field="version")
        _check_checksums(report, folder)
        for name in sorted(set(files) - {parquet_name(t) for t in candidates if t is not None}):
            report.add("manifest-extra-file", f"{name} is listed but is not a release table")
    rows: dict[str, list[Record]] = {}
    for table, path in candidates.items():
        if table is None:
            report.add("unknown-table", f"{path.name} is not named after a release table and does not say which it is")
            continue
        name = path.name
        entry = files.get(name)
        if manifest is not None and entry is None:
            report.add("manifest-missing-file", f"{name} is not listed in the manifest", table)
        if not path.is_file():
            if manifest is not None or table == "articles":
                report.add("missing-file", f"{name} does not exist", table)
            continue
        if entry is not None and (path.stat().st_size != entry.get("bytes") or sha256_file(path) != entry.get("sha256")):
            report.add("checksum-mismatch", f"{name} does not match its manifest entry (size or sha256)", table)
        try:
            data = pq.read_table(path)
        except Exception as exc:  # noqa: BLE001 - a corrupt file can fail anywhere inside the reader
            report.add("unreadable-file", f"{name} cannot be read as Parquet ({exc.__class__.__name__}: {exc})", table)
            continue
        if entry is not None and data.num_rows != entry.get("rows"):
            report.add("row-count", f"{data.num_rows} rows, the manifest says {entry.get('rows')}", table)
        raw_meta = (data.schema.metadata or {}).get(METADATA_KEY)
        try:
            found_meta = json.loads(raw_meta) if raw_meta else None
        except ValueError:
            found_meta = None
        file_schema = schema_version if manifest is not None else (found_meta or {}).get("schema_version", SCHEMA_VERSION)
        expected_meta = file_metadata(table, version or (found_meta or {}).get("dataset_version") or "", file_schema)
        if file_schema != SCHEMA_VERSION and found_meta:
            # An older schema's JSON Schema text differs; its hash is checked for form only.
            expected_meta["json_schema_sha256"] = found_meta.get("json_schema_sha256")
            if not re.fullmatch(r"[0-9a-f]{64}", str(found_meta.get("json_schema_sha256"))):
                report.add("file-metadata", "json_schema_sha256 is not a sha256", table)
        if found_meta != expected_meta:
            report.add("file-metadata", f"the {METADATA_KEY.decode()} key-value metadata is missing or differs", table)
        rows[table] = _check_table(report, table, data, arrow_schema(table, file_schema))
    cross = validate_rows(rows)
    report.errors.extend(cross.errors)
    report.checked.update(cross.checked)
    return report


def _read_manifest(report: Report, folder: Path) -> Manifest | None:
    try:
        return Manifest.read(folder)
    except ManifestError as exc:
        if exc.missing:
            report.add("manifest-missing", f"{MANIFEST} does not exist: this folder is not a published release or a build")
        else:
            report.add("manifest-unreadable", str(exc))
    return None


def validate_build(folder: Path, manifest: Manifest, report: Report | None = None) -> Report:
    """Every rule on a build folder: each part file against its manifest entry, its schema and its
    model, and the cross-record rules on each batch (a batch holds whole articles)."""
    import pyarrow.parquet as pq

    from .arrow import arrow_schema
    from .checksums import sha256_file

    report = report if report is not None else Report()
    if manifest.schema_version != SCHEMA_VERSION:
        report.add(
            "manifest-schema",
            f"schema version {manifest.schema_version!r} is not the one this package writes ({SCHEMA_VERSION})",
            field="schema_version",
        )
        return report
    batches: dict[str, dict[str, str]] = defaultdict(dict)
    for name, entry in sorted(manifest.files.items()):
        batches[Path(name).name][entry["table"]] = name
    for part, names in sorted(batches.items()):
        rows: dict[str, list[Record]] = {}
        for table in TABLES:
            part_file = names.get(table)
            if part_file is None:
                report.add("missing-file", f"no {table} part {part} in the manifest", table)
                continue
            path, entry = folder / part_file, manifest.files[part_file]
            if not path.is_file():
                report.add("missing-file", f"{part_file} does not exist", table)
                continue
            if path.stat().st_size != entry.get("bytes", path.stat().st_size) or sha256_file(path) != entry["sha256"]:
                report.add("checksum-mismatch", f"{part_file} does not match its manifest entry (size or sha256)", table)
            try:
                data = pq.read_table(path)
            except Exception as exc:  # noqa: BLE001 - a corrupt file can fail anywhere inside the reader
                report.add("unreadable-file", f"{part_file} cannot be read as Parquet ({exc.__class__.__name__}: {exc})", table)
                continue
            if data.num_rows != entry["rows"]:
                report.add("row-count", f"{part_file}: {data.num_rows} rows, the manifest says {entry['rows']}", table)
            rows[table] = _check_table(report, table, data, arrow_schema(table))
        cross = validate_rows(rows)
        report.errors.extend(cross.errors)
        report.checked.update(cross.checked)
    return report


def _table_of(path: Path) -> str | None:
    """Which table a lone Parquet file holds: its own metadata says, else its file name."""
    import pyarrow.parquet as pq

    try:
        meta = json.loads((pq.read_schema(path).metadata or {}).get(METADATA_KEY, b"{}"))
        table = meta.get("table")
        if isinstance(table, str) and table in TABLES:
            return table
    except Exception:  # noqa: BLE001, S110 - unreadable files are reported when they are read
        pass
    return path.stem if path.stem in TABLES else None


def _check_checksums(report: Report, folder: Path) -> None:
    from .checksums import check_sums

    for problem in check_sums(folder):
        report.add("checksum-mismatch", problem)


def _check_table(report: Report, table: str, data: pa.Table, expected: pa.Schema) -> list[Record]:
    """Schema of one Parquet table against the expected one, then every row through its model."""
    model = TABLES[table]
    found = {f.name: f for f in data.schema}
    for f in expected:
        if f.name not in found:
            report.add("missing-column", f"column {f.name!r} ({f.type}) is missing", table, field=f.name)
        elif not found[f.name].type.equals(f.type):
            report.add("column-type", f"column {f.name!r} is {found[f.name].type}, expected {f.type}", table, field=f.name)
    for name in found:
        if expected.get_field_index(name) < 0:
            report.add("extra-column", f"column {name!r} is not part of the {table} schema", table, field=name)
    if any(i.table == table and i.code in ("missing-column", "column-type") for i in report.errors):
        return []
    records: list[Record] = []
    shown = 0
    for n, row in enumerate(data.select([f.name for f in expected]).to_pylist()):
        try:
            records.append(model.model_validate(row))
        except ValidationError as exc:
            rid = row.get("id") if isinstance(row.get("id"), str) else f"row {n}"
            for err in exc.errors():
                if shown >= MAX_ISSUES_PER_CHECK:
                    break
                shown += 1
                loc = ".".join(str(x) for x in err["loc"]) or None
                report.add("invalid-value", err["msg"], table, rid, loc)
    if shown >= MAX_ISSUES_PER_CHECK:
        report.add("too-many-issues", f"stopped listing row errors after {MAX_ISSUES_PER_CHECK}", table)
    return records
