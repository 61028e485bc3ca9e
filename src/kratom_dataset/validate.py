"""Validate release folders, build folders and lone Parquet files: every rule, located issues.

The manifest and checksums, each file's Arrow schema and key-value metadata, every row through
its model, then the cross-record rules of :mod:`kratom_dataset.checks`. Works on files someone
else produced too: what cannot be checked is reported, never raised. What a re-export through
pandas, Polars or DuckDB changes without changing a value is a warning, and the rows are read
as the release types and checked all the same, so a changed value is still found.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from .checks import MAX_ISSUES_PER_CHECK, Issue, Report, ReportDict, validate_rows
from .layout import MANIFEST, METADATA_KEY, Manifest, ManifestError, parquet_name
from .models import SCHEMA_VERSION, TABLES, TABLES_BY_SCHEMA, Record
from .semver import Version

if TYPE_CHECKING:
    import pyarrow as pa


class FolderReportDict(ReportDict):
    """A :class:`FolderReport` as JSON: the issues plus the warnings."""

    warnings: list[dict[str, str | None]]


@dataclass
class FolderReport(Report):
    """A :class:`Report` that also keeps warnings: differences a re-export makes without changing
    a value (string or list width, nullability flags, dropped key-value metadata, no manifest).

    They are shown so nobody mistakes a copy for the published files, and never make it invalid.
    """

    warnings: list[Issue] = field(default_factory=list)

    def warn(self, issue: Issue) -> None:
        """Keep ``issue`` as a warning (built as an ``Issue`` so the code scan in tests sees its code)."""
        self.warnings.append(issue)

    def to_dict(self) -> FolderReportDict:
        base = super().to_dict()
        return {
            "valid": base["valid"],
            "checked": base["checked"],
            "errors": base["errors"],
            "warnings": [asdict(w) for w in self.warnings],
        }

    def to_text(self) -> str:
        head, *issues = super().to_text().split("\n")
        if self.warnings:
            head = head.replace(" issue(s);", f" issue(s), {len(self.warnings)} warning(s);", 1)
        return "\n".join([head, *issues, *(f"  warning {w}" for w in self.warnings)])


def validate_release(folder: Path) -> FolderReport:
    """Validate a release or build folder, or any folder or Parquet file that claims to hold release tables.

    Checks the manifest and checksums, each file's Arrow schema and key-value metadata, every
    row through its model, then every cross-record rule. Foreign data (no manifest, wrong
    columns, broken rows) gets located issues for everything that can be checked, never an
    exception. What a plain re-export changes without changing a value (see :class:`FolderReport`)
    is a warning, and its rows are still checked: a changed value is what matters. A folder
    without a manifest is checked with the tables it has (``extract --format parquet`` writes
    no articles). A build folder is checked part by part (:func:`validate_build`).
    """

    from .arrow import arrow_schema

    folder = Path(folder)
    report = FolderReport()
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
        if manifest is None and not any(p.is_file() for p in candidates.values()):
            names = ", ".join(parquet_name(t) for t in expected)
            report.add("missing-file", f"no release table in this folder (looked for {names})")
            return report
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
            if manifest is not None:
                report.add("missing-file", f"{name} does not exist", table)
            elif table == "articles":
                report.warn(
                    Issue(
                        "missing-file", f"{name} does not exist: spans, hashes and counts are not checked against the article texts", table
                    )
                )
            continue
        data = _read_listed(report, table, path, name, entry)
        if data is None:
            continue
        file_schema = _check_metadata(report, table, data.schema, version, schema_version if manifest is not None else None)
        rows[table] = _check_table(report, table, data, arrow_schema(table, file_schema))
    cross = validate_rows(rows)
    report.errors.extend(cross.errors)
    report.checked.update(cross.checked)
    return report


def _check_metadata(report: FolderReport, table: str, schema: pa.Schema, version: str | None, manifest_schema: str | None) -> str:
    """Compare a file's self-description with what this package writes; return the schema version to check it against.

    Differences are warnings: the description names the file, it does not change a value, and
    every re-export through pandas, Polars or DuckDB drops it. Without it (and without a
    manifest) the schema version is the newest one whose columns are the file's.
    """
    from .release import file_metadata

    raw_meta = (schema.metadata or {}).get(METADATA_KEY)
    try:
        found_meta = json.loads(raw_meta) if raw_meta else None
    except ValueError:
        found_meta = None
    if not isinstance(found_meta, dict):
        found_meta = None
    if manifest_schema is not None:
        file_schema = manifest_schema
    elif found_meta is not None and found_meta.get("schema_version") in TABLES_BY_SCHEMA:
        file_schema = str(found_meta["schema_version"])
    else:
        file_schema = _schema_of_columns(table, set(schema.names))
    if found_meta is None:
        report.warn(
            Issue(
                "file-metadata",
                f"no {METADATA_KEY.decode()} key-value metadata (re-exports and extract output have none); checked as schema {file_schema}",
                table,
            )
        )
        return file_schema
    expected_meta = file_metadata(table, version or found_meta.get("dataset_version") or "", file_schema)
    if file_schema != SCHEMA_VERSION:
        # An older schema's JSON Schema text differs; its hash is checked for form only.
        expected_meta["json_schema_sha256"] = found_meta.get("json_schema_sha256")
        if not re.fullmatch(r"[0-9a-f]{64}", str(found_meta.get("json_schema_sha256"))):
            report.warn(Issue("file-metadata", "json_schema_sha256 is not a sha256", table))
    differ = sorted(k for k in expected_meta.keys() | found_meta.keys() if expected_meta.get(k) != found_meta.get(k))
    if differ:
        report.warn(
            Issue(
                "file-metadata", f"the {METADATA_KEY.decode()} key-value metadata differs from this package's ({', '.join(differ)})", table
            )
        )
    return file_schema


def _schema_of_columns(table: str, columns: set[str]) -> str:
    """The newest schema version whose ``table`` has exactly these columns (else the current one)."""
    from .arrow import arrow_schema

    for schema_version in sorted(TABLES_BY_SCHEMA, key=Version.parse, reverse=True):
        if table in TABLES_BY_SCHEMA[schema_version] and set(arrow_schema(table, schema_version).names) == columns:
            return schema_version
    return SCHEMA_VERSION


def _read_manifest(report: FolderReport, folder: Path) -> Manifest | None:
    """The folder's manifest; none at all is a warning (someone's export), an unreadable one an issue."""
    try:
        return Manifest.read(folder)
    except ManifestError as exc:
        if exc.missing:
            report.warn(
                Issue(
                    "manifest-missing",
                    f"{MANIFEST} does not exist: not a published release or a build, so checksums and row counts are not checked",
                )
            )
        else:
            report.add("manifest-unreadable", str(exc))
    return None


def validate_build(folder: Path, manifest: Manifest, report: FolderReport | None = None) -> FolderReport:
    """Every rule on a build folder: each part file against its manifest entry, its schema and its
    model, and the cross-record rules on each batch (a batch holds whole articles)."""

    from .arrow import arrow_schema

    report = report if report is not None else FolderReport()
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
            data = _read_listed(report, table, path, part_file, entry)
            if data is None:
                continue
            rows[table] = _check_table(report, table, data, arrow_schema(table))
        cross = validate_rows(rows)
        report.errors.extend(cross.errors)
        report.checked.update(cross.checked)
    return report


def _read_listed(report: Report, table: str, path: Path, name: str, entry: Mapping[str, Any] | None) -> pa.Table | None:
    """The table in ``path``, checked against its manifest entry (size, sha256, rows) when it has
    one; None, with the issue reported, when it cannot be read as Parquet."""
    import pyarrow.parquet as pq

    from .checksums import sha256_file

    if entry is not None and (path.stat().st_size != entry.get("bytes", path.stat().st_size) or sha256_file(path) != entry.get("sha256")):
        report.add("checksum-mismatch", f"{name} does not match its manifest entry (size or sha256)", table)
    try:
        data = pq.read_table(path)
    except Exception as exc:  # noqa: BLE001 - a corrupt file can fail anywhere inside the reader
        report.add("unreadable-file", f"{name} cannot be read as Parquet ({exc.__class__.__name__}: {exc})", table)
        return None
    if entry is not None and data.num_rows != entry.get("rows"):
        report.add("row-count", f"{name}: {data.num_rows} rows, the manifest says {entry.get('rows')}", table)
    return data


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


def _check_table(report: FolderReport, table: str, data: pa.Table, expected: pa.Schema) -> list[Record]:
    """Schema of one Parquet table against the expected one, then every row through its model.

    Columns that store the same values another way (:func:`_readable_as`) are a warning and are
    read as the expected types, so their rows are still checked; any other type is an issue and
    the rows are not read (they would not mean what the model says).
    """
    import pyarrow as pa

    model = TABLES[table]
    found = {f.name: f for f in data.schema}
    loose: list[str] = []
    for f in expected:
        if f.name not in found:
            report.add("missing-column", f"column {f.name!r} ({f.type}) is missing", table, field=f.name)
        elif not _readable_as(found[f.name].type, f.type):
            report.add("column-type", f"column {f.name!r} is {found[f.name].type}, expected {f.type}", table, field=f.name)
        elif not found[f.name].type.equals(f.type) or found[f.name].nullable != f.nullable:
            loose.append(f.name)
    for name in found:
        if expected.get_field_index(name) < 0:
            report.add("extra-column", f"column {name!r} is not part of the {table} schema", table, field=name)
    if any(i.table == table and i.code in ("missing-column", "column-type") for i in report.errors):
        return []
    if loose:
        report.warn(
            Issue(
                "column-type",
                f"{len(loose)} column(s) differ from the release schema only in how they store the same values"
                f" (string or list width, nullability, whole numbers as double): {', '.join(loose)}; read as the release types",
                table,
            )
        )
    # Every level nullable, so a null where the model forbids one reaches the model and is located.
    # The cast is safe: a double that is not a whole number never becomes an int64.
    columns = []
    for f in _nullable_schema(expected):
        try:
            columns.append(data.column(f.name).cast(f.type))
        except Exception as exc:  # noqa: BLE001 - pyarrow raises several kinds on a cast it cannot do
            report.add(
                "column-type", f"column {f.name!r} cannot be read as {f.type} ({exc.__class__.__name__}: {exc})", table, field=f.name
            )
    if len(columns) < len(expected):
        return []
    cast = pa.Table.from_arrays(columns, schema=_nullable_schema(expected))
    records: list[Record] = []
    shown = 0
    for n, row in enumerate(cast.to_pylist()):
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


def _readable_as(found: pa.DataType, expected: pa.DataType) -> bool:
    """Whether a column of type ``found`` holds the values of ``expected`` unchanged.

    True for the same type, ``large_string`` (or a string view) for ``string``, ``large_list``
    for ``list``, structs of the same fields in the same order, any nullability, the null type
    (how a writer may type a column whose values are all null) and ``double`` for ``int64``
    (pandas stores integers with nulls as floats; the safe cast then refuses a fraction).
    """
    import pyarrow as pa

    t = pa.types
    if t.is_null(found) or (t.is_int64(expected) and t.is_float64(found)):
        return True
    if t.is_string(expected):
        return bool(t.is_string(found) or t.is_large_string(found) or (hasattr(t, "is_string_view") and t.is_string_view(found)))
    if t.is_list(expected):
        return bool((t.is_list(found) or t.is_large_list(found)) and _readable_as(found.value_type, expected.value_type))
    if t.is_struct(expected):
        if not t.is_struct(found) or [f.name for f in found] != [f.name for f in expected]:
            return False
        return all(_readable_as(a.type, b.type) for a, b in zip(found, expected))
    return bool(found.equals(expected))


def _nullable_schema(schema: pa.Schema) -> pa.Schema:
    import pyarrow as pa

    return pa.schema([pa.field(f.name, _nullable(f.type)) for f in schema])


def _nullable(arrow_type: pa.DataType) -> pa.DataType:
    """``arrow_type`` with every nested field nullable."""
    import pyarrow as pa

    if pa.types.is_struct(arrow_type):
        return pa.struct([pa.field(f.name, _nullable(f.type)) for f in arrow_type])
    if pa.types.is_list(arrow_type):
        return pa.list_(pa.field(arrow_type.value_field.name, _nullable(arrow_type.value_type)))
    return arrow_type
