"""Releases: deterministic bytes, manifest and checksums, self-describing Parquet, immutability."""

from __future__ import annotations

import json
import shutil
import subprocess

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import PROCESSED, RAW
from kratom_dataset import __version__
from kratom_dataset.build import build_release
from kratom_dataset.checksums import sha256_file
from kratom_dataset.errors import ReleaseError
from kratom_dataset.models import SCHEMA_VERSION, TABLES
from kratom_dataset.schemas import schema_sha256
from kratom_dataset.semver import Version
from kratom_dataset.validate import validate_release

PUBLISHED = sorted((p for p in PROCESSED.iterdir() if Version.is_valid(p.name)), key=lambda p: Version.parse(p.name))


def test_built_release_passes_every_consistency_check(built_release):
    report = validate_release(built_release)
    assert report.valid, report.to_text()
    assert set(report.checked) == set(TABLES)


@pytest.mark.parametrize("release", PUBLISHED, ids=[p.name for p in PUBLISHED])
def test_every_published_release_validates_against_its_own_schema(release):
    report = validate_release(release)
    assert report.valid, report.to_text()


@pytest.mark.parametrize("table", TABLES)
def test_every_table_is_non_empty(built_release, table):
    assert pq.read_metadata(built_release / f"{table}.parquet").num_rows > 0


def test_rebuild_is_byte_identical_to_the_committed_release(built_release):
    committed = PROCESSED / __version__
    writer = json.loads((committed / "manifest.json").read_text())["writer"]["pyarrow"]
    assert pa.__version__ == writer, f"byte comparison needs pyarrow {writer} (constraints.txt); found {pa.__version__}"
    names = sorted(p.name for p in committed.iterdir())
    assert names == sorted(p.name for p in built_release.iterdir())
    for name in names:
        assert (built_release / name).read_bytes() == (committed / name).read_bytes(), name


def test_parallelism_does_not_change_the_bytes(built_release, tmp_path):
    folder, _, _ = build_release(RAW, tmp_path, version=__version__, workers=1, progress=False)
    for p in built_release.iterdir():
        assert (folder / p.name).read_bytes() == p.read_bytes(), p.name


def test_manifest_lists_every_file_with_rows_bytes_and_sha256(built_release):
    manifest = json.loads((built_release / "manifest.json").read_text())
    assert manifest["version"] == __version__ and manifest["schema_version"] == SCHEMA_VERSION
    assert sorted(manifest["files"]) == sorted(f"{t}.parquet" for t in TABLES)
    for name, entry in manifest["files"].items():
        path = built_release / name
        assert entry["bytes"] == path.stat().st_size
        assert entry["sha256"] == sha256_file(path)
        assert entry["rows"] == pq.read_metadata(path).num_rows
    assert sorted(manifest["articles"]) == sorted(line.split(",")[0] for line in (RAW / "sources.csv").read_text().splitlines()[1:])
    assert "kratom_dataset.extractors.doses" in manifest["extractors"]


def test_stock_sha256sum_accepts_the_checksums_file(built_release):
    result = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=built_release, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    # the tables, manifest.json, README.md, croissant.json and datapackage.json
    assert result.stdout.count(": OK") == len(TABLES) + 4


@pytest.mark.parametrize("table", TABLES)
def test_each_parquet_file_describes_itself(built_release, table):
    meta = json.loads(pq.read_schema(built_release / f"{table}.parquet").metadata[b"kratom_dataset"])
    assert meta["table"] == table
    assert meta["dataset_version"] == __version__
    assert meta["schema_version"] == SCHEMA_VERSION
    assert meta["primary_key"] == "id"
    assert meta["json_schema_sha256"] == schema_sha256(table)


@pytest.mark.parametrize("table", TABLES)
def test_field_descriptions_survive_in_the_parquet_schema(built_release, table):
    schema = pq.read_schema(built_release / f"{table}.parquet")
    assert schema.field("provenance").metadata[b"description"]


def test_data_card_states_counts_and_the_as_stated_caveat(built_release):
    card = (built_release / "README.md").read_text()
    assert "As stated, not as fact" in card
    for row in ("| seed gold | dose |", "| seed gold | mechanism |", "| challenge | dose |", "| challenge | mechanism |"):
        assert row in card
    for table in TABLES:
        rows = pq.read_metadata(built_release / f"{table}.parquet").num_rows
        assert f"| `{table}` | {rows} |" in card


def test_republishing_identical_data_is_a_no_op(built_release):
    mtimes = {p.name: p.stat().st_mtime_ns for p in built_release.iterdir()}
    folder, changed, rejects = build_release(RAW, built_release.parent, version=__version__, progress=False)
    assert (folder, changed, rejects) == (built_release, False, [])
    assert mtimes == {p.name: p.stat().st_mtime_ns for p in built_release.iterdir()}


def test_a_published_release_is_never_overwritten_with_different_data(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw, ignore=shutil.ignore_patterns("passages"))  # seeds alone: nothing to score twice
    out = tmp_path / "out"
    folder, _, _ = build_release(raw, out, version="9.9.9", progress=False)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    (raw / "articles" / "extra.txt").write_text("Kratom may cause insomnia at high doses.", encoding="utf-8")
    with pytest.raises(ReleaseError, match="already published"):
        build_release(raw, out, version="9.9.9", progress=False)
    assert before == {p.name: p.read_bytes() for p in folder.iterdir()}
    assert [p.name for p in out.iterdir()] == ["9.9.9"]  # no temporary folder or lock file left


def test_package_version_is_the_newest_release():
    assert PUBLISHED[-1].name == __version__
