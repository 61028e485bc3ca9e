"""The CLI is a thin door onto the library: same answers, one-line errors, exit codes."""

from __future__ import annotations

import shutil

from click.testing import CliRunner

import kratom_dataset as kd
from conftest import RAW, ROOT
from kratom_dataset.cli import main


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_tables_and_versions_match_the_library():
    assert run("tables").output.split() == kd.tables()
    assert run("versions").output.split() == kd.versions()


def test_path_matches_the_library():
    assert run("path", "doses").output.strip() == str(kd.path("doses"))


def test_unknown_table_is_one_line_and_exit_1():
    result = run("path", "dose")
    assert result.exit_code == 1
    assert result.output.startswith("[unknown-table] Unknown table 'dose'. Did you mean 'doses'?")
    assert "Traceback" not in result.output


def test_validate_exits_0_on_a_good_release_and_1_on_a_bad_one(built_release, tmp_path):
    assert run("validate", str(built_release)).exit_code == 0
    bad = tmp_path / built_release.name
    shutil.copytree(built_release, bad)
    (bad / "doses.parquet").write_bytes(b"not parquet")
    result = run("validate", str(bad))
    assert result.exit_code == 1
    assert "[checksum-mismatch]" in result.output and "[unreadable-file]" in result.output


def test_validate_json_report(built_release):
    import json

    result = run("validate", "--json", str(built_release))
    assert json.loads(result.output)["valid"] is True


def test_schema_check_passes_on_the_checked_in_files_and_fails_on_drift(tmp_path):
    assert run("schema", "--check", "--dir", str(ROOT / "schema")).exit_code == 0
    shutil.copytree(ROOT / "schema", tmp_path / "schema")
    (tmp_path / "schema" / "doses.schema.json").write_text("{}")
    result = run("schema", "--check", "--dir", str(tmp_path / "schema"))
    assert result.exit_code == 1 and "[schema-drift]" in result.output and "doses" in result.output


def test_build_reports_an_identical_release_as_nothing_to_do(built_release):
    result = run("build", "--raw", str(RAW), "--out", str(built_release.parent), "--version", built_release.name)
    assert result.exit_code == 0 and "already published and identical" in result.output


def test_build_rejects_a_missing_raw_folder(tmp_path):
    result = run("build", "--raw", str(tmp_path / "nope"), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1 and result.output.startswith("[source-error]")
