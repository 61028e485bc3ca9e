"""Extraction quality against the hand-written gold set: the targets are part of the spec."""

from __future__ import annotations

import pytest

from conftest import RAW
from kratom_dataset.scoring import evaluate_dirs

# kind -> (minimum F1, minimum field accuracy on matched records)
SEED_TARGETS = {
    "dose": (0.95, 0.95),
    "numeric_dose": (0.95, 0.95),
    "mechanism": (0.95, 0.95),
    "claim": (0.95, 0.9),
    "topic": (0.95, None),
}


@pytest.fixture(scope="module")
def seed_scores():
    return evaluate_dirs(RAW / "gold", RAW)


@pytest.mark.parametrize("kind", SEED_TARGETS)
def test_seed_gold_targets(seed_scores, kind):
    score = seed_scores.kinds[kind]
    min_f1, min_fields = SEED_TARGETS[kind]
    assert score.gold > 0
    assert score.f1 >= min_f1, (kind, score.f1, [m for m in seed_scores.missed + seed_scores.spurious if m["kind"] == kind])
    if min_fields is not None:
        assert score.field_accuracy >= min_fields, [d for d in seed_scores.disagreements if d["kind"] == kind]
