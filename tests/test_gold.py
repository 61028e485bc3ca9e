"""The hand-written gold annotations anchor exactly in their articles."""

from __future__ import annotations

import json

import pytest

from conftest import RAW, SEEDS, seed_text

KINDS = {"claim", "dose", "mechanism", "topic"}


def gold(article_id):
    path = RAW / "gold" / f"{article_id}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("article_id", SEEDS)
def test_every_gold_span_slices_its_article(article_id):
    text = seed_text(article_id)
    records = gold(article_id)
    assert {r["kind"] for r in records} <= KINDS and records
    for r in records:
        assert r["article_id"] == article_id
        assert text[r["char_start"] : r["char_end"]] == r["exact"], r


def test_the_release_ships_every_gold_annotation_as_curated_records(rows):
    expected = sorted((r["article_id"], r["kind"], r["char_start"], r["char_end"]) for a in SEEDS for r in gold(a))
    found = sorted((g.article_id, g.kind, g.provenance.char_start, g.provenance.char_end) for g in rows["gold"])
    assert found == expected
    assert {g.provenance.method for g in rows["gold"]} == {"curated"}


def test_gold_fields_are_carried_as_written(rows):
    names = ("claim_type", "evidence", "dose_kind", "unit", "agent", "action", "target", "topic_id", "note")
    shipped = {
        (g.article_id, g.kind, g.provenance.char_start, g.provenance.char_end, tuple(getattr(g, n) for n in names)) for g in rows["gold"]
    }
    for a in SEEDS:
        for r in gold(a):
            key = (a, r["kind"], r["char_start"], r["char_end"], tuple(r.get(n) for n in names))
            assert key in shipped, r
