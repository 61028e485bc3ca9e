"""The challenge set: passages written for the purpose, annotated by hand, scored against targets."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT
from kratom_dataset.scoring import evaluate_passages

CHALLENGE = ROOT / "tests" / "challenge" / "passages.jsonl"
# kind -> (minimum F1, minimum field accuracy on matched records)
TARGETS = {"dose": (0.95, 0.95), "mechanism": (0.90, 0.95)}


def passages():
    return [json.loads(line) for line in CHALLENGE.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_challenge_set_is_large_and_every_span_slices_its_passage():
    items = passages()
    assert len(items) >= 60
    assert len({p["id"] for p in items}) == len(items)
    for p in items:
        for r in p["records"]:
            assert r["kind"] in ("dose", "mechanism")
            assert p["text"][r["char_start"] : r["char_end"]] == r["exact"], (p["id"], r)


def test_the_challenge_set_has_negatives():
    assert sum(1 for p in passages() if not p["records"]) >= 10


@pytest.fixture(scope="module")
def scores():
    return evaluate_passages(CHALLENGE)


@pytest.mark.parametrize("kind", TARGETS)
def test_challenge_targets(scores, kind):
    score = scores.kinds[kind]
    min_f1, min_fields = TARGETS[kind]
    assert score.f1 >= min_f1, (kind, round(score.f1, 3), [m for m in scores.missed + scores.spurious if m["kind"] == kind])
    assert score.field_accuracy >= min_fields, (
        kind,
        round(score.field_accuracy, 3),
        [d for d in scores.disagreements if d["kind"] == kind],
    )
