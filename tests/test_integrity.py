"""Tamper evidence: a changed, truncated or missing release file is refused, never read."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

import kratom_dataset as kd
from conftest import PROCESSED
from kratom_dataset import reader
from kratom_dataset.cli import main
from kratom_dataset.errors import IntegrityError


@pytest.fixture
def releases(tmp_path, monkeypatch):
    """A private copy of the published releases that load() reads instead of the installed ones."""
    root = tmp_path / "releases"
    shutil.copytree(PROCESSED / "0.1.0", root / "0.1.0")
    monkeypatch.setenv(reader.ENV_RELEASES, str(root))
    return root / "0.1.0"


def flip_a_byte(path):
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


TAMPERING = {
    "changed": lambda folder: flip_a_byte(folder / "doses.parquet"),
    "truncated": lambda folder: (folder / "doses.parquet").write_bytes((folder / "doses.parquet").read_bytes()[:-100]),
    "missing": lambda folder: (folder / "doses.parquet").unlink(),
    "manifest unreadable": lambda folder: (folder / "manifest.json").write_text("{broken"),
    "manifest without the file": lambda folder: (folder / "manifest.json").write_text('{"version": "0.1.0", "files": {}}'),
}


@pytest.mark.parametrize("case", TAMPERING)
def test_load_refuses_a_tampered_release(releases, case):
    TAMPERING[case](releases)
    with pytest.raises(IntegrityError) as info:
        kd.load("doses")
    assert "0.1.0" in str(info.value)
    assert info.value.code == "integrity-error"


@pytest.mark.parametrize("case", TAMPERING)
def test_verify_reports_a_tampered_release(releases, case):
    TAMPERING[case](releases)
    with pytest.raises(IntegrityError):
        kd.verify()
    result = CliRunner().invoke(main, ["verify"])
    assert result.exit_code == 1 and result.output.startswith("[integrity-error]")


def test_a_changed_file_is_named(releases):
    flip_a_byte(releases / "topics.parquet")
    with pytest.raises(IntegrityError, match=r"topics\.parquet.*changed after publication"):
        kd.load("topics")


def test_other_files_of_a_tampered_release_still_load(releases):
    flip_a_byte(releases / "doses.parquet")
    assert kd.load("claims").num_rows > 0


def test_an_edited_checksums_file_is_caught_by_verify(releases):
    (releases / "SHA256SUMS").write_text("0" * 64 + "  doses.parquet\n")
    with pytest.raises(IntegrityError, match="does not match SHA256SUMS"):
        kd.verify()


def test_each_file_is_hashed_once_per_process(releases, monkeypatch):
    from kratom_dataset import checksums

    calls = []
    real = checksums.sha256_file
    monkeypatch.setattr(checksums, "sha256_file", lambda p: calls.append(p) or real(p))
    for _ in range(3):
        kd.load("mechanisms")
    assert len(calls) == 1


def test_a_file_replaced_after_its_first_read_is_checked_again(releases):
    kd.load("sentences")
    flip_a_byte(releases / "sentences.parquet")
    with pytest.raises(IntegrityError):
        kd.load("sentences")


def test_verify_passes_on_an_intact_release(releases):
    assert kd.verify() == sorted(kd.manifest("0.1.0")["files"])
    assert CliRunner().invoke(main, ["verify", "0.1.0"]).exit_code == 0


@pytest.mark.parametrize("version", ["../0.1.0", "0.1.0/../0.1.0", "/etc", "0.1.0\x00", "", "9.9.9"])
def test_versions_are_checked_before_any_path_is_built(releases, version):
    with pytest.raises(kd.KratomDatasetError):
        kd.path("doses", version=version)


@pytest.mark.parametrize("table", ["../manifest", "doses.parquet", "", "DOSES"])
def test_table_names_are_checked_before_any_path_is_built(releases, table):
    with pytest.raises(kd.KratomDatasetError):
        kd.path(table)
