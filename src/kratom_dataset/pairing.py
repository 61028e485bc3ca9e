"""How extracted records pair with gold ones: the matching that scoring counts and that the
readers (:mod:`kratom_dataset.train`) learn from, written once so the two never disagree."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

#: A record in the gold shape: ``kind``, the span (``char_start``, ``char_end``, ``exact``) at top
#: level and the kind's own fields, any of which a gold record may leave out.
GoldRow = dict[str, Any]


def same(a: object, b: object) -> bool:
    """Whether two field values agree: numbers within 1e-9, anything else equal."""
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        return abs(a - b) < 1e-9
    return a == b


def matched_pairs(golds: Sequence[GoldRow], preds: Sequence[GoldRow], fields: Sequence[str]) -> list[tuple[int, int]]:
    """Which gold record each predicted one is scored against, as (gold index, predicted index):
    records whose spans overlap pair off largest overlap first, and between equal overlaps the
    pair whose ``fields`` agree most; each record pairs at most once."""
    pairs: list[tuple[int, int, int, int]] = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            overlap = min(g["char_end"], p["char_end"]) - max(g["char_start"], p["char_start"])
            if overlap > 0:
                pairs.append((-overlap, -sum(same(g.get(f), p.get(f)) for f in fields), gi, pi))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out: list[tuple[int, int]] = []
    for _, _, gi, pi in sorted(pairs):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out
