"""Validating Parquet files someone else produced: located errors, exit 1, never a traceback."""

from __future__ import annotations

import shutil

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from conftest import PROCESSED
from kratom_dataset import __version__
from kratom_dataset.cli import main
from kratom_dataset.validate import validate_release


@pytest.fixture
def foreign(tmp_path):
    """The published tables as plain Parquet files, without manifest or metadata: someone else's export."""
    folder = tmp_path / "export"
    folder.mkdir()
    for path in (PROCESSED / __version__).glob("*.parquet"):
        table = pq.read_table(path)
        pq.write_table(table.replace_schema_metadata(None), folder / path.name)
    return folder


def rewrite(folder, table, change):
    path = folder / f"{table}.parquet"
    pq.write_table(change(pq.read_table(path)), path)


def set_rows(change):
    def apply(table):
        rows = table.to_pylist()
        change(rows)
        # Someone else's writer: top-level columns nullable, so a null can be written at all.
        schema = pa.schema([f.with_nullable(True) for f in table.schema])
        return pa.Table.from_pylist(rows, schema=schema)

    return apply


def run_validate(target):
    result = CliRunner().invoke(main, ["validate", str(target)])
    assert "Traceback" not in result.output
    return result


def codes(report):
    return {(i.table, i.field, i.code) for i in report.errors}


def test_plain_export_is_reported_as_not_a_release_but_its_rows_check_out(foreign):
    report = validate_release(foreign)
    assert report.valid, report.to_text()
    assert {i.code for i in report.warnings} == {"manifest-missing", "file-metadata"}


CASES = [
    (
        "wrong column type",
        "doses",
        lambda t: t.set_column(t.schema.get_field_index("amount_low"), "amount_low", pa.array(["1"] * t.num_rows)),
        ("doses", "amount_low", "column-type"),
    ),
    ("missing column", "claims", lambda t: t.drop_columns(["certainty"]), ("claims", "certainty", "missing-column")),
    ("extra column", "topics", lambda t: t.append_column("score", pa.array([0.5] * t.num_rows)), ("topics", "score", "extra-column")),
    ("null in a required field", "mechanisms", set_rows(lambda rows: rows[0].update(agent=None)), ("mechanisms", "agent", "invalid-value")),
    (
        "broken span",
        "claims",
        set_rows(lambda rows: rows[0]["provenance"].update(exact=rows[0]["provenance"]["exact"][::-1])),
        ("claims", "provenance.exact", "span-mismatch"),
    ),
    (
        "span past the article's end",
        "sentences",
        set_rows(lambda rows: rows[-1]["provenance"].update(char_start=10**6, char_end=10**6 + len(rows[-1]["provenance"]["exact"]))),
        ("sentences", "provenance.char_end", "span-out-of-range"),
    ),
]


@pytest.mark.parametrize("name, table, change, expected", CASES, ids=[c[0] for c in CASES])
def test_foreign_defects_are_located(foreign, name, table, change, expected):
    rewrite(foreign, table, change)
    assert expected in codes(validate_release(foreign))
    result = run_validate(foreign)
    assert result.exit_code == 1 and f"[{expected[2]}]" in result.output


def test_huge_strings_are_reported_without_being_printed(foreign):
    huge = "x" * 5_000_000
    rewrite(foreign, "claims", set_rows(lambda rows: rows[0]["provenance"].update(exact=huge)))
    result = run_validate(foreign)
    assert result.exit_code == 1 and "[invalid-value]" in result.output
    assert len(result.output) < 100_000


def test_a_file_that_is_not_parquet(foreign):
    (foreign / "doses.parquet").write_bytes(b"PAR1 but not really")
    result = run_validate(foreign)
    assert result.exit_code == 1 and "[unreadable-file] doses" in result.output


def test_a_lone_file_is_validated_on_its_own(foreign, tmp_path):
    lone = tmp_path / "my_doses.parquet"
    shutil.copy(PROCESSED / "0.1.0" / "doses.parquet", lone)
    assert validate_release(lone).valid  # its metadata says which table it is
    strange = tmp_path / "unknown.parquet"
    pq.write_table(pa.table({"a": [1]}), strange)
    result = run_validate(strange)
    assert result.exit_code == 1 and "[unknown-table]" in result.output


def test_a_missing_folder_is_a_one_line_error(tmp_path):
    result = run_validate(tmp_path / "nope")
    assert result.exit_code == 1 and result.output.startswith("[kratom-dataset-error]") and "no such file" in result.output
