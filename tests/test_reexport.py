"""Release tables re-exported by pandas, Polars and DuckDB: the same values stored another way.

Such a copy is valid with warnings (string width, nullability, dropped metadata, no manifest),
and a value changed in it is still found; so is the output of ``extract --format parquet``.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from conftest import PROCESSED, RAW
from kratom_dataset import __version__
from kratom_dataset.cli import main
from kratom_dataset.validate import validate_release

RELEASE = PROCESSED / __version__
TABLES = sorted(p.stem for p in RELEASE.glob("*.parquet"))
LIBRARIES = ["pandas", "polars", "duckdb"]


def export(library: str, source, target) -> None:
    """Read ``source`` and write it to ``target`` the plain way each library does."""
    if library == "pandas":
        pd = pytest.importorskip("pandas")
        pd.read_parquet(source).to_parquet(target)
    elif library == "polars":
        pl = pytest.importorskip("polars")
        pl.read_parquet(source).write_parquet(target)
    else:
        duckdb = pytest.importorskip("duckdb")
        duckdb.sql(f"COPY (SELECT * FROM read_parquet('{source}')) TO '{target}' (FORMAT parquet)")


def export_release(library: str, folder) -> None:
    folder.mkdir()
    for table in TABLES:
        export(library, RELEASE / f"{table}.parquet", folder / f"{table}.parquet")


def change_row(path, change) -> None:
    """Apply ``change`` to the first row of the file (a dict, nested dicts included), keeping its schema."""
    data = pq.read_table(path)
    rows = data.to_pylist()
    change(rows[0])
    pq.write_table(pa.Table.from_pylist(rows, schema=data.schema), path)


def run(*args: str):
    result = CliRunner().invoke(main, ["validate", *args])
    assert "Traceback" not in result.output
    return result


@pytest.mark.parametrize("library", LIBRARIES)
@pytest.mark.parametrize("table", TABLES)
def test_one_exported_table_is_valid_with_warnings(library, table, tmp_path):
    path = tmp_path / f"{table}.parquet"
    export(library, RELEASE / path.name, path)
    report = validate_release(path)
    assert report.valid, report.to_text()
    assert report.checked[table] == pq.read_metadata(RELEASE / path.name).num_rows
    assert {w.code for w in report.warnings} <= {"file-metadata", "column-type"}
    assert any(w.code == "file-metadata" for w in report.warnings)


@pytest.mark.parametrize("library", LIBRARIES)
def test_an_exported_release_folder_is_valid_with_warnings_and_every_rule_runs(library, tmp_path):
    folder = tmp_path / "export"
    export_release(library, folder)
    report = validate_release(folder)
    assert report.valid, report.to_text()
    assert {t: report.checked[t] for t in TABLES} == {t: pq.read_metadata(RELEASE / f"{t}.parquet").num_rows for t in TABLES}
    assert "manifest-missing" in {w.code for w in report.warnings}
    assert report.to_dict()["warnings"] and report.to_dict()["valid"] is True


@pytest.mark.parametrize("library", LIBRARIES)
def test_a_changed_unit_is_an_invalid_value(library, tmp_path):
    folder = tmp_path / "export"
    export_release(library, folder)
    change_row(folder / "doses.parquet", lambda row: row.update(unit="furlong"))
    report = validate_release(folder)
    assert ("doses", "unit", "invalid-value") in {(i.table, i.field, i.code) for i in report.errors}
    lone = validate_release(folder / "doses.parquet")
    assert ("doses", "unit", "invalid-value") in {(i.table, i.field, i.code) for i in lone.errors}


@pytest.mark.parametrize("library", LIBRARIES)
def test_a_changed_span_text_is_a_span_mismatch(library, tmp_path):
    folder = tmp_path / "export"
    export_release(library, folder)
    rows = pq.read_table(folder / "claims.parquet").to_pylist()

    def edit(row):
        row["provenance"]["exact"] = row["provenance"]["exact"].swapcase()  # same length, other text

    change_row(folder / "claims.parquet", edit)
    found = {(i.table, i.record_id, i.field, i.code) for i in validate_release(folder).errors}
    assert ("claims", rows[0]["id"], "provenance.exact", "span-mismatch") in found


def test_a_fraction_in_an_integer_column_is_not_read_as_a_whole_number(tmp_path):
    path = tmp_path / "doses.parquet"
    export("pandas", RELEASE / path.name, path)
    data = pq.read_table(path)
    index = data.schema.get_field_index("frequency")
    assert pa.types.is_float64(data.schema.field(index).type)  # pandas keeps integers with nulls as floats
    pq.write_table(data.set_column(index, "frequency", pa.array([1.5] * data.num_rows)), path)
    assert ("doses", "frequency", "column-type") in {(i.table, i.field, i.code) for i in validate_release(path).errors}


def test_extract_parquet_output_validates(tmp_path):
    out = tmp_path / "extracted"
    articles = sorted((RAW / "articles").glob("*.txt"))
    result = CliRunner().invoke(main, ["extract", "--format", "parquet", "--out", str(out), *map(str, articles)])
    assert result.exit_code == 0, result.output
    assert not (out / "articles.parquet").exists()
    report = validate_release(out)
    assert report.valid, report.to_text()
    assert report.checked["claims"] > 0 and report.checked["doses"] > 0
    assert {"manifest-missing", "missing-file"} <= {w.code for w in report.warnings}
    assert run(str(out)).exit_code == 0
    assert run(str(out / "doses.parquet")).exit_code == 0


def test_a_folder_without_any_table_is_invalid(tmp_path):
    result = run(str(tmp_path))
    assert result.exit_code == 1 and "[missing-file]" in result.output


@pytest.mark.parametrize("library", LIBRARIES)
def test_cli_exit_codes(library, tmp_path):
    folder = tmp_path / "export"
    export_release(library, folder)
    good = run(str(folder))
    assert good.exit_code == 0, good.output
    assert good.output.startswith(f"{folder}: valid: 0 issue(s), ") and "warning [file-metadata]" in good.output
    change_row(folder / "doses.parquet", lambda row: row.update(unit="furlong"))
    bad = run(str(folder))
    assert bad.exit_code == 1 and "[invalid-value] doses/" in bad.output
    assert run("--json", str(folder)).exit_code == 1
