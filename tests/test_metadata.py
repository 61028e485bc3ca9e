"""Croissant and Frictionless descriptors of a release: valid, read by the standards' own tools, true to the models."""

from __future__ import annotations

import copy
import json
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import RAW, examples
from kratom_dataset import about, metadata
from kratom_dataset.arrow import arrow_schema, optional_of
from kratom_dataset.build import build_release
from kratom_dataset.checksums import sha256_file
from kratom_dataset.models import TABLES

mlc = pytest.importorskip("mlcroissant")
frictionless = pytest.importorskip("frictionless")

#: What mlcroissant recommends and a release leaves out on purpose: a date would make rebuilds differ.
ACCEPTED_CROISSANT_WARNINGS = {'[Metadata(kratom-dataset)] Property "https://schema.org/datePublished" is recommended, but does not exist.'}


def _read(folder: Path, name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((folder / name).read_text(encoding="utf-8"))
    return data


def _manifest(folder: Path) -> dict[str, Any]:
    return _read(folder, "manifest.json")


def _plain(value: Any) -> Any:
    """A value as mlcroissant gives it, in the shape pyarrow's ``to_pylist`` gives it: text decoded, keys bare."""
    if isinstance(value, bytes):
        return value.decode("utf-8")
    if isinstance(value, dict):
        return {key.rsplit("/", 1)[-1]: _plain(v) for key, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _null_structs(value: Any, arrow_type: Any) -> Any:
    """A Parquet value with a null struct spelled as mlcroissant spells it: every member null."""
    import pyarrow as pa

    if pa.types.is_struct(arrow_type):
        if value is None:
            return {f.name: None for f in arrow_type}
        return {f.name: _null_structs(value[f.name], f.type) for f in arrow_type}
    if pa.types.is_list(arrow_type):
        return None if value is None else [_null_structs(v, arrow_type.value_type) for v in value]
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def test_release_writes_both_descriptors_and_checksums_them(built_release):
    manifest = _manifest(built_release)
    assert manifest["metadata_files"] == ["croissant.json", "datapackage.json"]
    assert sorted(manifest["files"]) == sorted(f"{t}.parquet" for t in TABLES)
    sums = dict(reversed(line.split("  ", 1)) for line in (built_release / "SHA256SUMS").read_text().splitlines())
    for name in manifest["metadata_files"]:
        assert sums[name] == sha256_file(built_release / name)
        text = (built_release / name).read_text(encoding="utf-8")
        assert text == json.dumps(json.loads(text), indent=2, sort_keys=True) + "\n"


def test_descriptors_are_a_pure_function_of_the_manifest(built_release):
    manifest = _manifest(built_release)
    version, files = manifest["version"], manifest["files"]
    assert (built_release / "croissant.json").read_text() == metadata.render(metadata.croissant(version, files))
    assert (built_release / "datapackage.json").read_text() == metadata.render(metadata.datapackage(version, files))


def test_croissant_passes_mlcroissant_validation(built_release):
    issues = mlc.Dataset(jsonld=str(built_release / "croissant.json")).metadata.ctx.issues
    assert issues.errors == set()
    assert issues.warnings <= ACCEPTED_CROISSANT_WARNINGS


@pytest.mark.slow
def test_mlcroissant_validate_command_accepts_the_release(built_release):
    result = subprocess.run(
        [str(Path(sys.executable).with_name("mlcroissant")), "validate", "--jsonld", str(built_release / "croissant.json")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_croissant_describes_every_table_with_the_models_fields_and_hashes(built_release):
    doc = _read(built_release, "croissant.json")
    files = _manifest(built_release)["files"]
    assert doc["conformsTo"] == "http://mlcommons.org/croissant/1.0"
    assert doc["license"] == about.RECORDS_LICENSE_URL and doc["citeAs"] == about.bibtex(doc["version"])
    assert {d["contentUrl"]: d["sha256"] for d in doc["distribution"]} == {n: sha256_file(built_release / n) for n in files}
    assert all(d["encodingFormat"] == "application/x-parquet" for d in doc["distribution"])
    assert [r["name"] for r in doc["recordSet"]] == list(TABLES)
    for record_set in doc["recordSet"]:
        model = TABLES[record_set["name"]]
        assert [f["name"] for f in record_set["field"]] == list(model.model_fields)
        for field in record_set["field"]:
            assert field["description"] == model.model_fields[field["name"]].description
            assert field["source"]["fileObject"]["@id"] == f"{record_set['name']}.parquet"
    doses = {f["name"]: f for f in doc["recordSet"][list(TABLES).index("doses")]["field"]}
    assert doses["amount_low"]["dataType"] == "sc:Float" and doses["frequency"]["dataType"] == "sc:Integer"
    assert doses["approximate"]["dataType"] == "sc:Boolean" and doses["unit"]["dataType"] == "sc:Text"
    assert [f["name"] for f in doses["provenance"]["subField"]] == list(TABLES["doses"].model_fields["provenance"].annotation.model_fields)
    claims = {f["name"]: f for f in doc["recordSet"][list(TABLES).index("claims")]["field"]}
    assert claims["topic_ids"]["repeated"] is True and claims["hedge_cues"]["repeated"] is True
    assert "repeated" not in claims["evidence_cue"]


def test_mlcroissant_reads_the_doses_back(built_release):
    records = list(mlc.Dataset(jsonld=str(built_release / "croissant.json")).records("doses"))
    expected = pq.read_table(built_release / "doses.parquet").column("id").to_pylist()
    assert [r["doses/id"].decode() for r in records] == expected


@pytest.mark.slow
@pytest.mark.parametrize("table", TABLES)
def test_mlcroissant_reads_every_row_of_every_table(built_release, table):
    data = pq.read_table(built_release / f"{table}.parquet")
    schema = arrow_schema(table)
    expected = [{f.name: _null_structs(row[f.name], f.type) for f in schema} for row in data.to_pylist()]
    dataset = mlc.Dataset(jsonld=str(built_release / "croissant.json"))
    found = [_plain(r) for r in dataset.records(table)]
    assert len(found) == data.num_rows
    assert found == expected


def test_datapackage_descriptor_is_valid_frictionless(built_release):
    report = frictionless.Package.validate_descriptor(_read(built_release, "datapackage.json"))
    assert report.valid, report.flatten(["type", "message"])


def test_datapackage_describes_every_table_with_the_models_fields_and_hashes(built_release):
    package = _read(built_release, "datapackage.json")
    assert package["licenses"] == [{"name": about.RECORDS_LICENSE, "path": about.RECORDS_LICENSE_URL}]
    assert [r["name"] for r in package["resources"]] == list(TABLES)
    for resource in package["resources"]:
        path = built_release / resource["path"]
        assert resource["hash"] == f"sha256:{sha256_file(path)}" and "bytes" not in resource
        model = TABLES[resource["name"]]
        fields = resource["schema"]["fields"]
        assert [f["name"] for f in fields] == list(model.model_fields)
        for field in fields:
            info = model.model_fields[field["name"]]
            assert field["description"].endswith(info.description or "")
            assert field.get("constraints", {}).get("required", False) == (not optional_of(info.annotation)[0])
        assert resource["schema"]["primaryKey"] == "id"
        keys = {k["fields"]: k["reference"]["resource"] for k in resource["schema"].get("foreignKeys", [])}
        if "article_id" in model.model_fields:
            assert keys["article_id"] == "articles"
    doses = {f["name"]: f["type"] for f in package["resources"][list(TABLES).index("doses")]["schema"]["fields"]}
    assert doses["amount_low"] == "number" and doses["frequency"] == "integer"
    assert doses["approximate"] == "boolean" and doses["provenance"] == "object"
    sections = {f["name"]: f for f in package["resources"][0]["schema"]["fields"]}["sections"]
    assert sections["type"] == "any" and sections["description"].startswith("A list of records.")


def test_frictionless_validates_every_row_against_the_table_schemas(built_release):
    """The rows as pyarrow reads them, checked by frictionless against the descriptor's schemas and keys.

    frictionless reads Parquet through pandas, which turns lists into numpy arrays and nullable
    integers into floats, so its own reader reports type errors on valid cells (see the next test);
    the rows are handed to it as plain Python values instead.
    """
    package = copy.deepcopy(_read(built_release, "datapackage.json"))
    for resource in package["resources"]:
        data = pq.read_table(built_release / resource["path"]).to_pylist()
        for key in ("path", "format", "mediatype", "hash"):
            del resource[key]
        resource["data"] = data
    report = frictionless.Package(package).validate()
    assert report.valid, report.flatten(["type", "message"])
    assert [task.stats["rows"] for task in report.tasks] == [_manifest(built_release)["files"][f"{t}.parquet"]["rows"] for t in TABLES]

    broken = copy.deepcopy(package)
    doses = broken["resources"][list(TABLES).index("doses")]["data"]
    doses[0]["article_id"] = "no-such-article"
    doses[1]["kind"] = None
    errors = {e[0] for e in frictionless.Package(broken).validate().flatten(["type"])}
    assert errors == {"foreign-key", "constraint-error"}


@pytest.mark.slow
def test_frictionless_validate_passes_on_the_release_files_themselves(built_release):
    """``frictionless validate datapackage.json``, as a user runs it: its own Parquet reader, every row."""
    report = frictionless.validate(str(built_release / "datapackage.json"))
    assert report.valid, report.flatten(["type", "message"])[:5]
    for task in report.tasks:
        assert task.stats["rows"] == _manifest(built_release)["files"][f"{task.name}.parquet"]["rows"]


@settings(max_examples=examples(30), deadline=None)
@given(data=st.data(), description=st.text(min_size=1))
def test_a_changed_field_description_reaches_both_descriptors(data, description):
    table = data.draw(st.sampled_from(list(TABLES)))
    field = data.draw(st.sampled_from(list(TABLES[table].model_fields)))
    info = TABLES[table].model_fields[field]
    files = {f"{t}.parquet": {"table": t, "rows": 1, "bytes": 1, "sha256": "0" * 64} for t in TABLES}
    before = metadata.render(metadata.croissant("9.9.9", files)), metadata.render(metadata.datapackage("9.9.9", files))
    old = info.description
    try:
        info.description = description
        arrow_schema.cache_clear()
        croissant, package = metadata.croissant("9.9.9", files), metadata.datapackage("9.9.9", files)
    finally:
        info.description = old
        arrow_schema.cache_clear()
    position = list(TABLES).index(table)
    column = list(TABLES[table].model_fields).index(field)
    assert croissant["recordSet"][position]["field"][column]["description"] == description
    assert package["resources"][position]["schema"]["fields"][column]["description"].endswith(description)
    if description != old:
        assert (metadata.render(croissant), metadata.render(package)) != before


@pytest.mark.slow
def test_a_second_build_writes_the_same_descriptors(tmp_path):
    first, _, _ = build_release(RAW, tmp_path / "a", version="9.9.9", workers=1, progress=False)
    second, _, _ = build_release(RAW, tmp_path / "b", version="9.9.9", workers=2, progress=False)
    for name in (*metadata.METADATA_FILES, "SHA256SUMS", "manifest.json"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
