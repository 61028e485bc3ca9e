"""Hostile versions and damaged release folders: each is refused with a typed error, never skipped."""

from __future__ import annotations

import hashlib
import json
import shutil

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

import kratom_dataset as kd
from conftest import PROCESSED, RAW
from kratom_dataset import pins, reader
from kratom_dataset.build import build_release
from kratom_dataset.checksums import render_sums
from kratom_dataset.cli import main
from kratom_dataset.errors import IntegrityError, InvalidVersionError
from kratom_dataset.semver import Version

HOSTILE_VERSIONS = ["x/../../ESCAPED", "../x", "/abs/1.0.0", "1.0", "v1.0.0", "01.0.0", "  ", "", "1.0.0\n", "1.0.0-", "1.0.0+", "1.0.0-01"]


@pytest.mark.parametrize("version", HOSTILE_VERSIONS)
def test_a_version_that_is_not_semver_is_refused_before_anything_is_written(tmp_path, version):
    (tmp_path / "out" / "x").mkdir(parents=True)
    result = CliRunner().invoke(main, ["build", "--raw", str(RAW), "--out", str(tmp_path / "out"), "--version", version])
    assert result.exit_code == 1
    assert "[invalid-version]" in result.output
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["out", "x"]


@pytest.mark.parametrize("version", HOSTILE_VERSIONS)
def test_the_library_refuses_the_same_versions(tmp_path, version):
    with pytest.raises(InvalidVersionError):
        build_release(RAW, tmp_path, version=version)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0.5.0", (0, 5, 0, (), "")),
        ("1.0.0-rc.1", (1, 0, 0, ("rc", "1"), "")),
        ("1.0.0-alpha-2.x+build.7", (1, 0, 0, ("alpha-2", "x"), "build.7")),
        ("10.20.30+0001", (10, 20, 30, (), "0001")),
    ],
)
def test_semver_versions_parse_with_pre_release_and_build(text, expected):
    v = Version.parse(text)
    assert (v.major, v.minor, v.patch, v.prerelease, v.build) == expected
    assert str(v) == text


def test_versions_order_by_semver_precedence():
    spelled = ["1.0.0", "1.0.0-rc.1", "0.10.0", "1.0.0-alpha", "1.0.0-alpha.beta", "0.9.0", "1.0.0-alpha.1", "1.0.0-beta.11", "1.0.0-beta.2"]
    ordered = [str(v) for v in sorted(Version.parse(t) for t in spelled)]
    assert ordered == ["0.9.0", "0.10.0", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0"]


@pytest.fixture
def releases(tmp_path, monkeypatch):
    """Copies of two published releases that the loaders read instead of the installed ones."""
    root = tmp_path / "releases"
    for version in ("0.1.0", "0.2.0"):
        shutil.copytree(PROCESSED / version, root / version)
    monkeypatch.setenv(reader.ENV_RELEASES, str(root))
    reader._read_manifest.cache_clear()
    yield root
    reader._read_manifest.cache_clear()


def test_a_release_folder_without_its_manifest_is_an_integrity_error_not_skipped(releases):
    (releases / "0.2.0" / "manifest.json").unlink()
    with pytest.raises(IntegrityError) as info:
        kd.load("claims")
    assert info.value.where.endswith("0.2.0")
    for command in (["verify"], ["validate"], ["versions"]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 1 and "[integrity-error]" in result.output, command


def rewrite_consistently(folder):
    """Replace a table and then the manifest and SHA256SUMS to match it: every in-folder check passes."""
    table = pq.read_table(folder / "doses.parquet")
    pq.write_table(table.slice(1), folder / "doses.parquet")
    manifest = json.loads((folder / "manifest.json").read_text())
    entry = manifest["files"]["doses.parquet"]
    data = (folder / "doses.parquet").read_bytes()
    entry.update(rows=table.num_rows - 1, bytes=len(data), sha256=hashlib.sha256(data).hexdigest())
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    (folder / "SHA256SUMS").write_text(render_sums(folder, sorted(manifest["files"]) + ["manifest.json"]))


def test_a_consistently_rewritten_release_is_caught_by_its_pin(releases):
    rewrite_consistently(releases / "0.1.0")
    with pytest.raises(IntegrityError, match="pinned"):
        kd.load("doses", version="0.1.0")


def test_an_untouched_copy_of_a_pinned_release_loads(releases):
    assert kd.load("doses", version="0.1.0").num_rows == pq.read_table(PROCESSED / "0.1.0" / "doses.parquet").num_rows


def test_every_published_release_is_pinned_and_every_pin_is_published():
    assert pins.pins_for(PROCESSED) == pins.PINNED
    assert CliRunner().invoke(main, ["pin", "--check", "--out", str(PROCESSED)]).exit_code == 0


def test_pin_check_fails_when_a_release_is_not_pinned(tmp_path):
    shutil.copytree(PROCESSED / "0.1.0", tmp_path / "0.1.0")
    shutil.copytree(PROCESSED / "0.1.0", tmp_path / "9.0.0")
    result = CliRunner().invoke(main, ["pin", "--check", "--out", str(tmp_path)])
    assert result.exit_code == 1 and "9.0.0" in result.output
