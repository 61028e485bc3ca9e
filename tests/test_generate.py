"""The benchmark corpus generator: deterministic, sized as asked, shaped like a crawl, and full of
what the extractors look for (so throughput is measured on text that exercises every step)."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from collections import Counter
from pathlib import Path

import pytest

import kratom_dataset as kd
from conftest import ROOT
from kratom_dataset.build import build_corpus

_spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
generate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(generate)

MB = 1_000_000


def rows(folder: Path) -> list[dict]:
    out = []
    for shard in sorted(folder.glob("part-*.jsonl")):
        with open(shard, encoding="utf-8") as fh:
            out.extend(json.loads(line) for line in fh)
    return out


def shard_bytes(folder: Path) -> list[bytes]:
    return [p.read_bytes() for p in sorted(folder.glob("part-*.jsonl"))]


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> tuple[Path, dict]:
    folder = tmp_path_factory.mktemp("gen") / "jsonl"
    return folder, generate.generate(0.3, folder, seed=3)


@pytest.fixture(scope="module")
def first_articles() -> list[dict]:
    it = generate.articles(0)
    return [next(it) for _ in range(200)]


def test_the_same_seed_writes_the_same_bytes(small, tmp_path):
    folder, counts = small
    again = generate.generate(0.3, tmp_path / "again", seed=3)
    assert again == counts
    assert shard_bytes(tmp_path / "again") == shard_bytes(folder)


def test_another_seed_writes_other_articles(small, tmp_path):
    folder, _ = small
    generate.generate(0.3, tmp_path / "other", seed=4)
    texts = {r["text"] for r in rows(folder)}
    assert not texts & {r["text"] for r in rows(tmp_path / "other")}


def test_article_n_does_not_depend_on_the_articles_made_before_it():
    it = generate.articles(5)
    tenth = [next(it) for _ in range(10)][-1]
    assert generate.make_article(5, 9) == tenth


def test_writes_as_many_megabytes_of_text_as_asked_and_counts_them_truly(small):
    folder, counts = small
    written = rows(folder)
    size = sum(len(r["text"].encode("utf-8")) for r in written)
    assert counts["bytes"] == size
    assert counts["articles"] == len(written)
    assert 0.3 * MB <= size < 0.3 * MB + 20_000  # stops after the article that reaches the size


def test_rows_have_the_crawl_fields_unique_ids_urls_and_utc_times(small):
    folder, _ = small
    written = rows(folder)
    assert all(list(r) == ["id", "url", "title", "retrieved_at", "text"] for r in written)
    assert len({r["id"] for r in written}) == len(written)
    assert all(r["url"].startswith("https://example.org/") and " " not in r["url"] for r in written)
    for r in written:
        assert r["retrieved_at"].endswith("Z")
        assert dt.datetime.fromisoformat(r["retrieved_at"].replace("Z", "+00:00")).tzinfo is not None


def test_jsonl_shards_roll_over_at_the_shard_size(tmp_path):
    counts = generate.generate(0.2, tmp_path, seed=1, shard_bytes=50_000)
    shards = sorted(tmp_path.glob("part-*.jsonl"))
    assert counts["files"] == len(shards) > 1
    for shard in shards:
        lines = shard.read_bytes().splitlines(keepends=True)
        assert len(lines) == 1 or sum(map(len, lines)) <= 50_000


def test_txt_format_writes_the_same_texts_one_file_each_in_folders(small, tmp_path):
    folder, counts = small
    got = generate.generate(0.3, tmp_path, seed=3, fmt="txt", per_folder=10)
    files = sorted(tmp_path.glob("*/*"))
    assert got["files"] == len(files) == counts["articles"]
    assert {p.parent.name for p in files} == {f"{i:05d}" for i in range((len(files) + 9) // 10)}
    assert {p.suffix for p in files} == {".md", ".txt"}
    by_id = {r["id"]: r["text"] for r in rows(folder)}
    assert {p.stem: p.read_bytes().decode("utf-8") for p in files} == by_id


def test_a_second_run_replaces_the_files_of_the_first(tmp_path):
    generate.generate(0.3, tmp_path, seed=2, shard_bytes=40_000)
    (tmp_path / "keep.txt").write_text("not ours", encoding="utf-8")
    counts = generate.generate(0.05, tmp_path, seed=2, shard_bytes=40_000)
    assert len(list(tmp_path.glob("part-*.jsonl"))) == counts["files"]
    assert (tmp_path / "keep.txt").exists()


@pytest.mark.parametrize("kwargs", [{"mb": 0}, {"mb": -1}, {"mb": 1, "fmt": "csv"}])
def test_bad_arguments_are_refused(tmp_path, kwargs):
    mb = kwargs.pop("mb")
    with pytest.raises(ValueError):
        generate.generate(mb, tmp_path, **kwargs)


def test_every_style_appears_among_the_first_articles(first_articles):
    assert set(Counter(a["style"] for a in first_articles)) == set(generate.STYLES)


def test_articles_are_one_to_twenty_kilobytes(first_articles):
    sizes = [len(a["text"].encode("utf-8")) for a in first_articles]
    assert min(sizes) >= 1_000 and max(sizes) <= 20_000
    assert 3_000 <= sum(sizes) / len(sizes) <= 8_000


def test_some_articles_use_typographic_punctuation(first_articles):
    assert any("’" in a["text"] or "“" in a["text"] for a in first_articles)
    assert any(a["text"].isascii() for a in first_articles)


def test_the_extractors_find_every_kind_of_record_and_claim_in_generated_text(first_articles):
    records = [r for a in first_articles[:40] for r in kd.extract(a["text"])]
    kinds = Counter(type(r).__name__ for r in records)
    assert {"Topic", "Claim", "Dose", "Mechanism"} <= set(kinds)
    claims = [r for r in records if type(r).__name__ == "Claim"]
    assert {c.certainty for c in claims} == {"certain", "uncertain"}
    assert {c.polarity for c in claims} == {"affirmed", "negated"}
    assert {"studies", "users_report", "experts"} <= {c.evidence for c in claims}


def test_a_corpus_build_of_generated_articles_rejects_none(small, tmp_path):
    folder, counts = small
    manifest = build_corpus([str(folder / "part-*.jsonl")], tmp_path / "build", workers=1, progress=False)
    assert manifest["articles"] == counts["articles"]
    assert json.loads((tmp_path / "build" / "rejects.json").read_text(encoding="utf-8")) == []


def test_the_command_line_writes_the_corpus(tmp_path, capsys):
    generate.main(["--mb", "0.05", "--out", str(tmp_path), "--seed", "9"])
    assert "articles" in capsys.readouterr().out
    assert rows(tmp_path)[0]["id"] == "gen-9-00000000"
