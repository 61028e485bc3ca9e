"""A dose's role, purpose and preparation as a reader takes them from the page: a linear model
(:mod:`.linear`) over the words around the amount and the rules' own reading of it, learned from
the dev passages.

The rules find amounts well and read their role and purpose from cue words, but a person reads
"12 g" as a taper's step, a habit or a cap from the whole line, its heading and the page's title
at once; two annotators agree on about nine in ten roles where cue words reach three in four.
A preparation the line leaves to its page ("2.5 g" on a page about powder) is read the same way.
The weights are ``lexicons/dose_model.json``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..document import Document
from ..models import Dose
from . import linear
from .dose_cues import lexicon
from .linear import Features, Linear, models, rules_value, sentence_at, value, words
from .tapers import starts_taper

#: The lexicon the weights are read from.
MODEL = "dose_model"
#: The fields the model reads.
FIELDS = ("role", "purpose", "preparation")
#: The fields of the rules' own reading that are features (a feature each: ``"unit=g"``).
RULE_FIELDS = ("role", "purpose", "comparator", "unit", "level", "preparation", "substance", "timing", "kind")
#: How much more likely than the rules' reading the model's own must be to replace it. At 0.6
#: dev read batch by batch loses 0.014 of roles against no margin, and the rules keep the
#: readings they were written for: "15 g or more" is a threshold, the amount a taper starts
#: from is no step of it.
MARGIN = 0.6
#: Words either side of the amount, inside its sentence, read as features of their own.
WINDOW = 6


class Page:
    """Where each sentence of a page starts and ends, and the words of those already read: what
    the features of many doses of one page share, so a sentence of a thousand amounts is read
    once rather than once per amount."""

    def __init__(self, doc: Document) -> None:
        self.starts = [s.start for s in doc.sentences]
        self.ends = [s.end for s in doc.sentences]
        self.said: dict[tuple[int, int], list[str]] = {}

    def sentence_words(self, text: str, s: int, e: int) -> list[str]:
        key = (s, e)
        if key not in self.said:
            self.said[key] = sorted({"s:" + w for w in words(text[s:e])})
        return self.said[key]


def features(doc: Document, dose: Dose, page: Page | None = None) -> Features:
    """What the model reads of one dose, each feature with the value 1.0: the rules' fields, the
    words of its sentence, the words just before and after it (and the one or two next to it, as
    they stand), the words of its section heading,
    how far into its line it stands and whether its sentence asks. Not the page title: it says
    what the page is about, and read as a feature it cost roles in cross-validation. ``page``:
    the :class:`Page` of ``doc``, when the caller reads many doses of it."""
    text = doc.flat
    start, end = dose.provenance.char_start, dose.provenance.char_end
    page = page or Page(doc)
    k = sentence_at(page.starts, page.ends, start)
    s, e = (page.starts[k], page.ends[k]) if k is not None else (max(0, start - 100), min(len(text), end + 100))
    out = {f"{name}={value(getattr(dose, name))}" for name in RULE_FIELDS}
    out.add(f"freq={dose.period_unit is not None}")
    out.add(f"start={starts_taper(text, start)}")
    out.add(f"begin={_BEGIN.search(text, max(s, start - 60), start) is not None}")
    out.add(f"stated={dose.preparation is not None and lexicon().preparation.search(dose.provenance.exact) is not None}")
    out.update(page.sentence_words(text, s, e))
    before, after = _words_before(text, s, start, WINDOW), _words_after(text, end, e, WINDOW)
    out.update("l:" + w for w in before)
    out.update("r:" + w for w in after)
    # the words next to the amount, alone and in pairs: "per day", "a day", "up to", "cut to"
    out.update(f"l{n}:" + " ".join(before[-n:]) for n in (1, 2) if len(before) >= n)
    out.update(f"r{n}:" + " ".join(after[:n]) for n in (1, 2) if len(after) >= n)
    out.update("h:" + w for w in words(doc.section_of(start).heading or ""))
    line_start = text.rfind("\n", 0, start) + 1
    out.add(f"linepos={len(_words_before(text, line_start, start, 3))}")
    last = e - 1
    while last >= s and text[last].isspace():
        last -= 1
    out.add(f"q={last >= s and text[last] == '?'}")
    return [(1.0, sorted(out))]


def _words_before(text: str, lo: int, at: int, n: int) -> list[str]:
    """The last ``n`` words of ``text[lo:at]``, read back from ``at`` only as far as they reach."""
    reach = at
    while True:
        reach = max(lo, reach - _STEP)
        found = words(text[reach:at])
        if len(found) > n or reach == lo:
            return found[-n:]  # past n words, the first (perhaps cut) one is never among the last n


def _words_after(text: str, at: int, hi: int, n: int) -> list[str]:
    """The first ``n`` words of ``text[at:hi]``, read on from ``at`` only as far as they reach."""
    reach = at
    while True:
        reach = min(hi, reach + _STEP)
        found = words(text[at:reach])
        if len(found) > n or reach == hi:
            return found[:n]


#: Characters added at a time while reading words out from an amount.
_STEP = 64


def decide(fields: dict[str, Linear], seen: Features) -> dict[str, Any]:
    """Each field as the models read it from the features ``seen``, the rules' reading kept
    unless the model is :data:`MARGIN` surer of its own. Two roles are the rules' by what the
    amount is: a qualitative dose whose own words give it ("gradually increase it", "a starting
    dose"), where the words are the statement; and a share ("cut by 10%"), which the data
    contract reads only as a taper's step or its cap. The amount a taper is said to start from
    ("If you are taking 20 g a day, drop to 18 g") keeps the rules' role too: it is no step, and
    dev's readers leave it without a role more often than they give it one; nor does an amount
    the words before it say to start with ("Start with a low dose of 1-3 g"). A preparation the
    amount's own words state ("1-3 grams of kratom extract") is the rules': the words are there."""
    out = linear.decide(fields, FIELDS, seen, MARGIN)
    if rules_value(seen, "stated") == "True":
        out["preparation"] = rules_value(seen, "preparation")
    role = rules_value(seen, "role")
    worded = role != "None" and (rules_value(seen, "kind") == "qualitative" or rules_value(seen, "unit") == "%")
    if worded or rules_value(seen, "start") == "True" or (role == "starting" and rules_value(seen, "begin") == "True"):
        out["role"] = None if role == "None" else role
    return out


#: "Start with a low dose of around 1-3 grams", "begin at 2 g": the words that make an amount the one
#: to start on; dev's readers give the amount after them the starting role 212 times in 214.
_BEGIN = re.compile(r"\b(?:start(?:ing)?|begin(?:ning)?)\s+(?:off\s+)?(?:with|at)\b[^.;:!?]{0,40}$", re.IGNORECASE)


def page_features(doc: Document, doses: Sequence[Dose]) -> list[Features]:
    """The features of each dose of one page, in order: what :func:`read` and training read."""
    page = Page(doc)
    return [features(doc, dose, page) for dose in doses]


def read(doc: Document, doses: Sequence[Dose]) -> list[Dose]:
    """``doses`` with the role and purpose the model reads for each."""
    fields = models(MODEL)
    return [linear.updated(dose, decide(fields, seen)) for dose, seen in zip(doses, page_features(doc, doses), strict=True)]
