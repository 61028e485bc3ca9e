"""A dose's role and purpose as a reader takes them from the page: a linear model (:mod:`.linear`)
over the words around the amount and the rules' own reading of it, learned from the dev passages.

The rules find amounts well and read their role and purpose from cue words, but a person reads
"12 g" as a taper's step, a habit or a cap from the whole line, its heading and the page's title
at once; two annotators agree on about nine in ten roles where cue words reach three in four.
The weights are ``lexicons/dose_model.json``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..document import Document
from ..models import Dose
from .linear import Features, Linear, models, rules_value, sentence_at, value, words

#: The lexicon the weights are read from.
MODEL = "dose_model"
#: The fields the model reads.
FIELDS = ("role", "purpose")
#: The fields of the rules' own reading that are features (a feature each: ``"unit=g"``).
RULE_FIELDS = ("role", "purpose", "comparator", "unit", "level", "preparation", "substance", "timing", "kind")
#: Words either side of the amount, inside its sentence, read as features of their own.
WINDOW = 6


def features(doc: Document, dose: Dose, sentences: tuple[list[int], list[int]] | None = None) -> Features:
    """What the model reads of one dose, each feature with the value 1.0: the rules' fields, the words of its sentence,
    the words just before and after it, the words of its section heading, how far into its line
    it stands and whether its sentence asks. Not the page title: it says what the page is about,
    and read as a feature it cost roles in cross-validation. ``sentences``: where each
    sentence of ``doc`` starts and ends, when the caller reads many doses of one page."""
    text = doc.flat
    start, end = dose.provenance.char_start, dose.provenance.char_end
    starts, ends = sentences or _bounds(doc)
    k = sentence_at(starts, ends, start)
    s, e = (starts[k], ends[k]) if k is not None else (max(0, start - 100), min(len(text), end + 100))
    out = {f"{name}={value(getattr(dose, name))}" for name in RULE_FIELDS}
    out.add(f"freq={dose.period_unit is not None}")
    out.update("s:" + w for w in words(text[s:e]))
    out.update("l:" + w for w in words(text[s:start])[-WINDOW:])
    out.update("r:" + w for w in words(text[end:e])[:WINDOW])
    out.update("h:" + w for w in words(doc.section_of(start).heading or ""))
    line = text[text.rfind("\n", 0, start) + 1 : start]
    out.add(f"linepos={min(3, len(words(line)))}")
    out.add(f"q={text[s:e].rstrip().endswith('?')}")
    return [(1.0, sorted(out))]


def decide(fields: dict[str, Linear], seen: Features) -> dict[str, Any]:
    """Each field as the models read it from the features ``seen``. A qualitative dose whose own
    words give its role ("gradually increase it", "a starting dose") keeps that role: the words
    are the statement, and the context has nothing to add to them."""
    out = {name: fields[name].choose(seen) for name in FIELDS}
    if rules_value(seen, "kind") == "qualitative" and (own := rules_value(seen, "role")) != "None":
        out["role"] = own
    return out


def read(doc: Document, doses: Iterable[Dose]) -> list[Dose]:
    """``doses`` with the role and purpose the model reads for each."""
    fields = models(MODEL)
    bounds = _bounds(doc)
    out: list[Dose] = []
    for dose in doses:
        update = decide(fields, features(doc, dose, bounds))
        out.append(dose if all(getattr(dose, k) == v for k, v in update.items()) else dose.model_copy(update=update))
    return out


def _bounds(doc: Document) -> tuple[list[int], list[int]]:
    return [s.start for s in doc.sentences], [s.end for s in doc.sentences]
