"""Whether a unit is a claim as a reader takes it: a linear model (:mod:`.linear`) over the
unit's words, its shape and the rules' own reading, learned from the dev passages.

The rules tell page chrome and page talk from claims by patterns, one per shape a batch of pages
showed; every new site brings a footer, a share bar or a sign-off of its own. A person reads
them by what such lines share: few words, no closing stop, capitals, separators, the words
sites use. The model reads those; the rules' reading stands unless the model is :data:`MARGIN`
surer of its own, and a unit that states a dose or a mechanism, or says who backs it, stays a
claim. The weights are ``lexicons/unit_model.json``.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable
from typing import Any

from ..document import Document
from . import linear
from .linear import Features, Linear, models, words

#: The lexicon the weights are read from.
MODEL = "unit_model"
#: The field the model reads: "yes" for a claim, "no" for anything else.
FIELDS = ("claim",)
#: The value of the rules' reading, above the 1.0 of other features.
RULES = 3.0
#: The summed value of a unit's words and word pairs, spread over them as in the claim reader.
BAG = 3.0
#: How much more likely than the rules' reading the model's own must be to replace it.
MARGIN = 0.6
#: The first character of each word as whitespace sets words apart.
_FIRST = re.compile(r"(?<!\S)\S")
_STOPS = {".": "stop", "!": "stop", "?": "ask", ":": "colon", ";": "stop", ")": "bracket", '"': "quote", "”": "quote"}


def candidates(doc: Document, roles: frozenset[str]) -> list[int]:
    """The units a claim may be read in: not headings, in a section whose role holds claims."""
    return [i for i, s in enumerate(doc.sentences) if not s.is_heading and doc.sections[s.section_index].role in roles]


def features(doc: Document, index: int, claimed: bool) -> Features:
    """What the model reads of unit ``index``: the rules' reading (valued :data:`RULES`); its
    closing mark, its size in words, its first three and last words, whether most of its words
    open in capitals, whether it holds separators or a digit, whether it is a line of its own,
    and the closing marks of the units beside it (1.0 each); and its words and word pairs
    (:data:`BAG` between them). Not where it stands on the page, first or last: read so, the one
    sentence of a short text reads like a page's title or its footer."""
    sentences = doc.sentences
    s = sentences[index]
    text = doc.flat[s.start : s.end]
    said = words(text)
    firsts = "".join(_FIRST.findall(text))
    ones = [
        "end=" + _end(text),
        "size=" + _size(len(said)),
        *("b:" + w for w in dict.fromkeys(said[:3])),
        *("e:" + w for w in said[-1:]),
        *(("caps=most",) if len(firsts) >= 2 and 2 * sum(map(str.isupper, firsts)) > len(firsts) else ()),
        *(("sep",) if "·" in text or "•" in text or "|" in text or "   " in text else ()),
        *(("digit",) if any(map(str.isdigit, text)) else ()),
        *(("line",) if _own_line(doc.flat, s.start, s.end) else ()),
        *(("prev=" + _end(doc.flat[sentences[index - 1].start : sentences[index - 1].end]),) if index else ()),
        *(("next=" + _end(doc.flat[sentences[index + 1].start : sentences[index + 1].end]),) if index + 1 < len(sentences) else ()),
    ]
    bag = list(dict.fromkeys(["s:" + w for w in said] + ["bg:" + a + "_" + b for a, b in itertools.pairwise(said)]))
    return [(RULES, ["claim=" + ("yes" if claimed else "no")]), (1.0, ones), (BAG / math.sqrt(len(bag)) if bag else 0.0, bag)]


def decide(fields: dict[str, Linear], seen: Features) -> dict[str, Any]:
    """Whether the unit is a claim as the model reads it, the rules' reading kept unless the
    model is :data:`MARGIN` surer of its own."""
    return linear.decide(fields, FIELDS, seen, MARGIN)


def read(doc: Document, units: list[int], claimed: set[int], keeps: Callable[[int], bool]) -> set[int]:
    """The claim units of ``units`` as the model reads them, given the rules' (``claimed``); a
    unit the rules take for a claim that ``keeps`` its place (it states a dose or a mechanism, or
    says who backs it) stays one."""
    if len(doc.sentences) <= 1:
        return set(claimed)  # a sentence alone has no page around it, which is what the model reads a unit against
    fields = models(MODEL)
    out = set(claimed)
    for i in units:
        said = decide(fields, features(doc, i, i in claimed))["claim"] == "yes"
        if said and i not in claimed:
            out.add(i)
        elif not said and i in claimed and not keeps(i):
            out.discard(i)
    return out


def _end(unit: str) -> str:
    last = unit.rstrip()[-1:]
    return _STOPS.get(last, "word" if last.isalnum() else "mark")


def _size(n: int) -> str:
    return "1" if n <= 1 else "2-3" if n <= 3 else "4-7" if n <= 7 else "8-15" if n <= 15 else "16+"


def _own_line(text: str, start: int, end: int) -> bool:
    return (start == 0 or text[start - 1] == "\n") and text[end : end + 2].lstrip(" \t")[:1] in ("\n", "")
