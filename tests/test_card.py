"""The data card: Hugging Face metadata that ``datasets`` loads, statistics true to the tables,
licence and origin, the citation; and the repository's LICENSE and CITATION.cff beside it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from conftest import RAW, ROOT
from kratom_dataset import __version__, about, datacard
from kratom_dataset.models import TABLES
from kratom_dataset.record import Provenance

yaml = pytest.importorskip("yaml")


def split_card(text: str) -> tuple[dict, str]:
    """The card's metadata block, parsed, and the Markdown after it."""
    assert text.startswith("---\n"), "the card must open with its metadata block"
    block, body = text[4:].split("\n---\n", 1)
    return yaml.safe_load(block), body


def section(body: str, heading: str) -> str:
    """The text of ``## heading`` up to the next second-level heading."""
    start = body.index(f"\n## {heading}\n")
    end = body.find("\n## ", start + 1)
    return body[start : end if end != -1 else len(body)]


def card_statistics(body: str) -> dict[str, tuple[int, dict[str, list[tuple[str | None, int]]]]]:
    """Each table's rows and value counts as the statistics section states them, in card order."""
    stats: dict[str, tuple[int, dict[str, list[tuple[str | None, int]]]]] = {}
    table = column = None
    for line in section(body, "Statistics").splitlines():
        if m := re.fullmatch(r"### `(\w+)`: (\d+) rows", line):
            table, column = m[1], None
            stats[table] = (int(m[2]), {})
        elif m := re.fullmatch(r"\| `(\w+)` \| rows \|", line):
            column = m[1]
            stats[table][1][column] = []
        elif column and (m := re.fullmatch(r"\| (?:`([^`]*)`|(null)) \| (\d+) \|", line)):
            stats[table][1][column].append((m[1], int(m[3])))
    return stats


@pytest.fixture(scope="module")
def card(built_release) -> str:
    return (built_release / "README.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def arrow_tables(built_release) -> dict[str, pa.Table]:
    return {t: pq.read_table(built_release / f"{t}.parquet") for t in TABLES}


def test_metadata_block_has_one_config_per_table_and_the_records_licence(card, built_release, arrow_tables):
    meta, _ = split_card(card)
    assert meta["license"] == "cc-by-4.0" == about.RECORDS_LICENSE.lower()
    assert meta["pretty_name"] == about.TITLE
    assert meta["language"] == ["en"]
    assert meta["task_categories"] and set(meta["task_categories"]) <= {"text-classification", "token-classification"}
    total = sum(t.num_rows for t in arrow_tables.values())
    assert meta["size_categories"] == [datacard.size_category(total)]
    assert [c["config_name"] for c in meta["configs"]] == list(TABLES)
    for config in meta["configs"]:
        assert config["data_files"] == [{"split": "train", "path": f"{config['config_name']}.parquet"}]
        assert (built_release / config["data_files"][0]["path"]).is_file()
    assert [c["config_name"] for c in meta["configs"] if c.get("default")] == [datacard.DEFAULT_CONFIG] == ["claims"]


def test_metadata_block_reads_as_hugging_face_configs(card):
    pytest.importorskip("datasets")
    from datasets.utils.metadata import MetadataConfigs
    from huggingface_hub import DatasetCardData

    meta, _ = split_card(card)
    configs = MetadataConfigs.from_dataset_card_data(DatasetCardData(**meta))
    assert list(configs) == list(TABLES)
    assert configs.get_default_config_name() == "claims"


@pytest.mark.parametrize(
    ("rows", "label"),
    [
        (0, "n<1K"),
        (999, "n<1K"),
        (1_000, "1K<n<10K"),
        (9_999, "1K<n<10K"),
        (10_000, "10K<n<100K"),
        (2_000_000_000, "1B<n<10B"),
        (10**13, "n>1T"),
    ],
)
def test_size_category(rows, label):
    assert datacard.size_category(rows) == label


@pytest.mark.slow
def test_datasets_loads_every_table_with_nested_provenance(built_release, arrow_tables, tmp_path):
    """Loaded in a child process whose Hugging Face caches all lie in tmp, offline."""
    pytest.importorskip("datasets")
    script = """
import json, sys
from datasets import load_dataset
folder, cache, names = sys.argv[1], sys.argv[2], sys.argv[3:]
out = {}
for name in [*names, None]:
    ds = load_dataset(folder, name, cache_dir=cache)
    split = ds["train"]
    prov = split.features["provenance"]
    out[str(name)] = {
        "splits": sorted(ds),
        "rows": split.num_rows,
        "columns": split.column_names,
        "provenance": sorted(prov) if isinstance(prov, dict) else repr(prov),
        "char_start": repr(prov["char_start"]) if isinstance(prov, dict) else None,
        "first_exact": split[0]["provenance"]["exact"],
    }
print(json.dumps(out))
"""
    home = tmp_path / "hf"
    env = {
        **os.environ,
        "HF_HOME": str(home),
        "HF_DATASETS_CACHE": str(home / "datasets"),
        "HF_HUB_OFFLINE": "1",
        "HF_DATASETS_OFFLINE": "1",
        "XDG_CACHE_HOME": str(tmp_path / "xdg"),
    }
    before = sorted(p.name for p in built_release.iterdir())
    result = subprocess.run(
        [sys.executable, "-c", script, str(built_release), str(home / "load"), *TABLES],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    loaded = json.loads(result.stdout.strip().splitlines()[-1])
    for name, table in arrow_tables.items():
        got = loaded[name]
        assert got["splits"] == ["train"]
        assert got["rows"] == table.num_rows
        assert got["columns"] == table.column_names
        assert got["provenance"] == sorted(Provenance.model_fields)
        assert "int64" in got["char_start"]
        assert got["first_exact"] == table.column("provenance")[0]["exact"].as_py()
    assert loaded["None"]["rows"] == arrow_tables["claims"].num_rows  # the default config
    assert sorted(p.name for p in built_release.iterdir()) == before  # nothing written beside the data


def test_statistics_match_counts_from_the_tables(card, arrow_tables):
    stats = card_statistics(split_card(card)[1])
    assert list(stats) == list(TABLES)
    for name, table in arrow_tables.items():
        rows, columns = stats[name]
        assert rows == table.num_rows
        assert list(columns) == list(datacard.BREAKDOWNS[name])
        for column, stated in columns.items():
            values = table.column(column).to_pylist()
            expected = Counter(None if v is None else str(v).lower() if isinstance(v, bool) else v for v in values)
            assert dict(stated) == dict(expected), (name, column)
            assert sum(n for _, n in stated) == table.num_rows
            order = [(-n, v is None, v or "") for v, n in stated]
            assert order == sorted(order), (name, column)
    doses = stats["doses"][1]
    assert set(doses) == {"kind", "unit", "role"}
    assert set(stats["claims"][1]) == {"claim_type", "certainty", "evidence"}
    assert set(stats["mechanisms"][1]) == {"action", "target_type"}


def test_value_counts_put_most_first_then_by_value_with_null_last():
    table = pa.table({"c": ["b", None, "a", "b", None, "c"], "f": [True, False, True, None, True, False]})
    assert datacard.value_counts(table, "c") == [("b", 2), (None, 2), ("a", 1), ("c", 1)]
    assert datacard.value_counts(table, "f") == [("true", 3), ("false", 2), (None, 1)]


def test_licence_and_origin_states_both_licences_and_what_is_unknown(card):
    text = section(split_card(card)[1], "Licence and origin")
    assert about.RECORDS_LICENSE in text and about.RECORDS_LICENSE_URL in text
    assert f": {about.CODE_LICENSE}." in text
    assert about.TEXT_ORIGIN in text
    assert "not covered by the records' licence" in text


def test_citing_gives_the_bibtex_of_the_release(card, built_release):
    version = json.loads((built_release / "manifest.json").read_text(encoding="utf-8"))["version"]
    blocks = re.findall(r"```bibtex\n(.*?)\n```", section(split_card(card)[1], "Citing"), flags=re.DOTALL)
    assert blocks == [about.bibtex(version)]


def test_files_section_names_every_file_beside_the_tables(card, built_release):
    text = section(split_card(card)[1], "Files")
    manifest = json.loads((built_release / "manifest.json").read_text(encoding="utf-8"))
    for name in ("manifest.json", "SHA256SUMS", "README.md", *manifest.get("metadata_files", [])):
        assert f"- `{name}`: " in text
        assert (built_release / name).is_file()


def test_files_section_describes_the_descriptors_the_manifest_lists(arrow_tables):
    manifest = {"version": "9.9.9", "schema_version": "1.4.0", "articles": {}, "extractors": {}}
    plain = section(datacard.render(manifest, arrow_tables), "Files")
    assert "croissant.json" not in plain
    listed = section(datacard.render({**manifest, "metadata_files": ["croissant.json", "datapackage.json"]}, arrow_tables), "Files")
    assert "- `croissant.json`: " in listed and "Croissant" in listed
    assert "- `datapackage.json`: " in listed and "Frictionless" in listed


def test_card_is_the_same_on_a_second_render(card, built_release, arrow_tables):
    manifest = json.loads((built_release / "manifest.json").read_text(encoding="utf-8"))
    first = datacard.render(manifest, arrow_tables)
    assert first == datacard.render(manifest, arrow_tables)
    # manifest.json stores its keys sorted, so read back it lists the scored sets in another order
    # than the build handed them to the card: the same lines, the quality rows reordered.
    assert sorted(first.splitlines()) == sorted(card.splitlines())
    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", first)  # no build date


def test_citation_cff_parses_and_holds_to_the_package():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    assert cff["version"] == __version__
    assert cff["type"] == "dataset"
    assert cff["title"] == about.TITLE
    assert cff["authors"] == [{"name": about.AUTHORS}]
    assert cff["license"] == about.RECORDS_LICENSE
    assert about.CODE_LICENSE in cff["message"]
    assert cff["abstract"] == about.DESCRIPTION
    assert tuple(cff["keywords"]) == about.KEYWORDS


def test_license_file_is_mit_for_the_contributors():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert about.CODE_LICENSE == "MIT"
    assert text.startswith("MIT License\n")
    assert "Copyright (c) 2026 kratom-dataset contributors" in text
    assert 'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND' in text


def test_the_card_gives_the_agreement_of_a_second_reader_beside_the_rules(card):
    from kratom_dataset.agreement import second_reading
    from kratom_dataset.scoring import passage_files

    agreement = section(card, "Extraction quality").split("### Agreement between annotators", 1)[1]
    reader, rules = second_reading(RAW / "passages" / "second_reading.jsonl", list(passage_files(RAW).values())).values()
    for name, scored in (("second reader", reader), ("rules, same passages", rules)):
        mechanism = scored.kinds["mechanism"]
        assert f"| {name} | mechanism | {mechanism.gold} | {mechanism.predicted} | {mechanism.matched} |" in agreement
