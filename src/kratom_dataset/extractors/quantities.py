"""Amounts that are no doses though they are written as one: the share a study measured ("REM
was 14% lower", "reduced shakes by 58% compared with vehicle") rather than the step of a taper
("cut your dose by 10%"), and the size a product is sold or mixed in ("our 250 g bag", "50 g,
100 g and 250 g pouches", "350 mL water").
"""

from __future__ import annotations

import re

from ..cells import column_head
from .amounts import Amount
from .dose_cues import lexicon as _lexicon

# "reduced shakes by 58% compared with vehicle": a share a study compares is a finding.
_COMPARED_SHARE = re.compile(
    r"\s*(?:compared (?:with|to)|versus|vs\.?|relative to|than (?:placebo|vehicle|controls?|baseline))\b", re.IGNORECASE
)
# "15% off your whole order": a discount, not a step of a taper.
_PRICE_CUT = re.compile(
    r"\s*off\s+(?:(?:your|the|our|an?|any|all|every|each)\s+)?(?:[\w-]+\s+)?"
    r"(?:orders?|purchases?|cart|subscriptions?|bundles?|prices?|everything|sitewide|shipping|retail|checkout|months?|years?|memberships?|plans?|boxes|kits?)\b",
    re.IGNORECASE,
)
# What a cut may cut besides a dose, or a taper's outcome: "reduced REM sleep by 14%", "lowered pain
# scores by 30%", "Taper completion was 85%".
_CUT_OTHER = re.compile(
    r";|\.(?<!\bca\.)(?<!\bapprox\.)|\b(?:rem|sleep|latency|scores?|symptoms?|pain|risks?|levels?|activity|firing|cravings?|anxiety|depression|deaths?|"
    r"mortality|severity|incidence|odds|(?<!a )time|duration|frequency|prices?|costs?|weight|blood pressure|heart rate|"
    r"efflux|uptake|transport|clearance|metabolism|formation|binding|signal\w*|expression|concentrations?|auc|cmax|exposure|"
    r"ventilation|ve\d+|breathing|respiration|respiratory|oxygen|saturation|completion|retention|success|adherence|dropout)\b",
    re.IGNORECASE,
)


def _cut_by(text: str, start: int, end: int) -> bool:
    """Whether a taper's verb before ``end`` cuts the dose, not something else: "cut your dose by
    10%" steps a taper, "reduced REM sleep by 14%" and "deep sleep dropped from 16% to 11%"
    report a finding, of what the verb cuts or of its subject."""
    return any(
        not _CUT_OTHER.search(text, cue.end(), end) and not _measured_share(text, start, cue.start(), ",;.)")
        for cue in _lexicon().taper_words.finditer(text, start, end)
    )


def taper_share(text: str, s: int, e: int, start: int, end: int, found: list[Amount]) -> bool:
    """Whether the share at ``text[start:end]`` (in the sentence ``text[s:e]``) steps a taper:
    cut by a taper's verb, followed by a taper's words ("10% less each week") and not said of
    something measured, or written as a cut in a column of doses; and not compared with a control."""
    stepped = (
        _cut_by(text, max(s, start - 80), start)
        or (_lexicon().taper_after.match(text, end, e) is not None and not _measured_share(text, s, start))
        or _minus_step(text, s, start, found)
        or _cut_column(text, start)
    )
    return stepped and not _COMPARED_SHARE.match(text, end, e) and not _PRICE_CUT.match(text, end, e)


# Between two amounts of one list: "50 g, 100 g and 250 g".
_LIST_GAP = re.compile(r"\s*(?:,|/|,?\s*(?:and|or|&))\s*", re.IGNORECASE)


def packed_amounts(text: str, found: list[Amount], e: int) -> set[int]:
    """The amounts (by index) that name what something is sold or mixed in, not a dose: "our 250 g
    bag", "350 mL water", and every amount of a list whose last one does ("50 g, 100 g and 250 g
    pouches")."""
    after = _lexicon().non_dose_after
    out: set[int] = set()
    run: list[int] = []
    for n, amount in enumerate(found):
        run.append(n)
        if after.match(text, amount.end, e):
            out.update(run)
            run = []
        elif _pack_column(text, amount.start):
            out.add(n)
        elif not (n + 1 < len(found) and _LIST_GAP.fullmatch(text, amount.end, found[n + 1].start)):
            run = []
    return out


def _measured_share(text: str, s: int, start: int, marks: str = ",;.") -> bool:
    """Whether the clause before ``start`` (a share, or a taper's verb) names something measured:
    "REM was 14% lower" and "deep sleep dropped from 16% to 11%" report a finding, where "take 10%
    less each week" steps a taper. The clause opens after the last of ``marks``; before a verb, a
    bracket that closes ends the words before its subject too ("(mean weight 78 kg) reducing")."""
    clause = text[max(s, start - 60) : start]
    opened = max(clause.rfind(mark) for mark in marks)
    return _CUT_OTHER.search(clause, opened + 1) is not None


def _pack_column(text: str, start: int) -> bool:
    """Whether an amount stands in a table's column headed as what a product is sold in ("Pack",
    "Size", "Net wt", "Price"), not as what is taken ("Serving", "Per unit")."""
    before = text[text.rfind("\n", 0, start) + 1 : start]
    if "\t" not in before and "|" not in before:
        return False
    head = column_head(text, start)
    return head is not None and _PACK_HEAD.fullmatch(text[head[0] : head[1]].strip()) is not None


_PACK_HEAD = re.compile(
    r"(?:pack(?:age)?|pack size|bag(?: size)?|size|sizes|net (?:wt\.?|weight|contents)|weight|quantity|qty|contents|count|price|cost)(?:\s*\([^()]*\))?",
    re.IGNORECASE,
)


def _cut_column(text: str, start: int) -> bool:
    """Whether a share stands in a table's column headed as a cut ("% cut", "Reduction"), a
    taper schedule's change from the row before."""
    head = column_head(text, start)
    return head is not None and _CUT_HEAD.search(text, head[0], head[1]) is not None


_CUT_HEAD = re.compile(r"\b(?:cut|drop|reduction|decrease|step)\b", re.IGNORECASE)


def _minus_step(text: str, s: int, start: int, found: list[Amount]) -> bool:
    """Whether a share at ``start`` is written as a cut ("−10%") on a line that states doses by
    mass, as a taper table's change column does ("2   10.8 g   3.6 g   −10%")."""
    if start <= s or text[start - 1] not in "−–-" or (start - 1 > s and not text[start - 2].isspace()):
        return False
    return any(a.unit in ("g", "mg") for a in found)
