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
