"""The loaders: one call per table, pinned or newest, typed errors that name what exists."""

from __future__ import annotations

import subprocess
import sys

import pyarrow as pa
import pytest

import kratom_dataset as kd
from kratom_dataset.errors import KratomDatasetError, UnknownTableError, UnknownVersionError
from kratom_dataset.models import TABLES


@pytest.mark.parametrize("table", TABLES)
def test_load_returns_the_newest_release_as_an_arrow_table(table):
    data = kd.load(table)
    assert isinstance(data, pa.Table) and data.num_rows > 0
    assert data.schema.equals(kd.schema(table), check_metadata=False)


@pytest.mark.parametrize("version", ["0.1.0", "0.2.0", "0.3.0"])
def test_load_a_pinned_version(version):
    files = kd.manifest(version)["files"]
    for name, entry in files.items():
        assert kd.load(name.removesuffix(".parquet"), version=version).num_rows == entry["rows"]


@pytest.mark.parametrize("version", ["0.1.0", "0.2.0", "0.3.0"])
@pytest.mark.parametrize("table", ["articles", "claims"])
def test_schema_of_a_pinned_version_is_the_schema_of_its_files(version, table):
    assert kd.load(table, version=version).schema.equals(kd.schema(table, version=version), check_metadata=False)


@pytest.mark.parametrize(("version", "has_url"), [("0.2.0", False), ("0.3.0", True)])
def test_fields_added_later_are_not_in_an_older_release(version, has_url):
    names = kd.load("articles", version=version).schema.names
    assert ("source_url" in names, "retrieved_at" in names) == (has_url, has_url)


def test_a_table_added_later_is_not_in_an_older_release():
    assert kd.load("gold", version="0.2.0").num_rows > 0
    with pytest.raises(UnknownTableError, match="not part of release 0.1.0"):
        kd.load("gold", version="0.1.0")


def test_versions_and_tables():
    assert kd.versions() == [
        "0.1.0",
        "0.2.0",
        "0.3.0",
        "0.4.0",
        "0.5.0",
        "0.6.0",
        "0.7.0",
        "0.8.0",
        "0.9.0",
        "0.10.0",
        "0.11.0",
        "0.12.0",
        "0.13.0",
        "0.14.0",
        "0.15.0",
        "0.16.0",
        "0.17.0",
        "0.18.0",
        "0.19.0",
        "0.20.0",
        "0.21.0",
        "0.22.0",
        "0.23.0",
        "0.24.0",
        "0.25.0",
        "0.26.0",
        "0.27.0",
        "0.28.0",
        "0.29.0",
        "0.30.0",
        "0.31.0",
        "0.32.0",
        "0.33.0",
        "0.34.0",
        "0.35.0",
        "0.36.0",
        "0.37.0",
        "0.38.0",
        "0.39.0",
        "0.40.0",
        "0.41.0",
        "0.42.0",
        "0.43.0",
        "0.44.0",
        "0.45.0",
    ]
    assert kd.tables() == ["articles", "sentences", "topics", "claims", "doses", "mechanisms", "gold"]


def test_unknown_table_names_the_tables():
    with pytest.raises(UnknownTableError) as info:
        kd.load("claim")
    message = str(info.value)
    assert "Did you mean 'claims'?" in message and "doses" in message
    assert isinstance(info.value, KratomDatasetError) and info.value.code == "unknown-table"


@pytest.mark.parametrize("version", ["9.9.9", "../../etc", "latest", "0.1"])
def test_unknown_version_names_the_versions(version):
    with pytest.raises(UnknownVersionError) as info:
        kd.path("doses", version=version)
    assert "0.1.0" in str(info.value)


def test_every_provenance_slices_its_article_text():
    texts = {a["id"]: a["provenance"]["exact"] for a in kd.load("articles").to_pylist()}
    for table in TABLES:
        for row in kd.load(table).to_pylist():
            p = row["provenance"]
            assert texts[p["article_id"]][p["char_start"] : p["char_end"]] == p["exact"], (table, row["id"])


def test_loading_works_from_any_directory(tmp_path):
    code = "import kratom_dataset as kd; print(kd.load('doses').num_rows, kd.path('claims').is_file())"
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    rows, exists = result.stdout.split()
    assert int(rows) > 0 and exists == "True"


def test_import_is_lazy():
    code = "import sys, kratom_dataset; print('pyarrow' in sys.modules, 'pydantic' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.stdout.split() == ["False", "False"]


def test_load_reads_one_file_without_the_dataset_layer_or_pandas():
    code = "import sys, kratom_dataset as kd; kd.load('claims'); print('pyarrow.dataset' in sys.modules, 'pandas' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False"]
