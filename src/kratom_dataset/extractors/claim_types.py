"""The claim type of a sentence's main assertion, by a fixed priority of cues."""

from __future__ import annotations

import re

from .. import lexicon as lexicons
from ._match import SUBSETS_LIMIT, Matcher
from ._words import Worded
from .claim_cues import Types, lexicon

# "X inhibits CYP3A4, which can raise levels of ...": the harm follows from the mechanism stated first.
_CONSEQUENCE = re.compile(r",\s*(?:which|so|thereby|therefore)\b|\bwhich means\b|\bso that\b|;\s*all\b", re.IGNORECASE)

# "two servings a day", "Down to 14 capsules", "chew 3–10 leaves per session": an amount counted
# in the form it is taken in, which no unit measures but which states a dose all the same. The
# form is looked for first (few sentences hold one), then the count before it.
_FORM = Worded(
    lexicons.guarded(
        r"\b(?:capsules?|caps|tablets?|tabs|gummies|gummy|servings?|leaves|leaf|droppers?(?:ful)?|scoops?|pills?|shots?|cups?|glass(?:es)?|doses)\b",
        re.IGNORECASE,
    )
)
_COUNT_BEFORE = re.compile(
    r"\b(?:\d+(?:[.,]\d+)?(?:\s*(?:-|–|to|or|until)\s*\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a couple of|a few|half a|a full|a)\s+"
    r"(?:(?:fresh|dried|level|heaping|full|small|big|large|\w+-sized)\s+)?$",
    re.IGNORECASE,
)


def counted_form(sentence: str, words: int | None = None) -> bool:
    """Whether the sentence counts an amount in the form it is taken in ("two servings a day");
    ``words`` is the sentence's word-index mask, when the caller has it."""
    return any(_COUNT_BEFORE.search(sentence, max(0, m.start() - 40), m.start()) for m in _FORM.finditer(sentence, words))


def claim_type(sentence: str, has_mechanism: bool, words: int | None = None, has_dose: bool = False) -> str:
    """The claim type of the sentence's main assertion, by a fixed priority.

    In "While X, Y" only Y is read, and a leading aside ("Kratom, derived from ..., has") is
    skipped. Priority: recommendation (an imperative, also after a lead-in clause or a
    semicolon, or "should", "ask your doctor"); a definition by form ("is a ... plant", "refers
    to"); an explicit safety statement (legal status, contamination, "safe"); mechanism (a
    mechanism record in the sentence, unless it is only the cause or means: "due to its
    interaction with"); adverse effect, unless a relief word comes first ("alleviates ...
    sleep disturbances" is efficacy); dosage (an amount stated as a dose, unless the sentence
    says what the dose did: "around 2 grams helped me fall asleep" is efficacy, or how a study was
    run: "were randomised to 2, 4 or 8 mg" is other); a mechanism by its
    words (receptors, enzymes, metabolism); risk; efficacy; definition; other. ``words`` is the
    word-index mask of the whole sentence, whose words include the clause's.
    """
    lex = lexicon()
    fallback = "mechanism" if has_mechanism else "dosage" if has_dose else "other"
    present = -1 if words is None or lex.type_words == -1 else words & lex.type_words
    if present == 0:
        return fallback  # no type word: what the cascade below ends with
    candidates = lex.type_subsets.get(present)
    if candidates is None:  # sentences share a few combinations of type words: read far more often than made
        if len(lex.type_subsets) >= SUBSETS_LIMIT:
            lex.type_subsets.clear()
        candidates = lex.type_subsets[present] = _by_type([t for t in lex.types if t[2].needs & present])
    if lex.study_frame.match(sentence):
        return "other"  # "Primary outcome: total sleep time": how a study is framed, not a finding
    main = lex.main_clause.match(sentence)
    clause = sentence[main.end() :] if main else sentence
    aside = lex.appositive.match(clause)
    if aside:  # "Kratom, a natural pain reliever from ..., may cause insomnia": read past the aside
        clause = f"{aside.group('subject')} {clause[aside.end() :]}"
    cues = _TypeCues(candidates, clause, words, lex.use_motive)
    if cues.holds("recommendation", False):
        return "recommendation"
    for ruling in ("definition", "safety"):
        if cues.holds(ruling, True):
            return ruling
    if has_mechanism:
        at = cues.start("adverse_effect", True)
        if at is not None and not _CONSEQUENCE.search(clause, 0, at):
            return "adverse_effect"
    elif cues.holds("adverse_effect", True):
        return "adverse_effect"
    if has_mechanism and not lex.subordinate_mechanism.search(sentence):
        return "mechanism"
    adverse = cues.start("adverse_effect", False)
    if adverse is not None and adverse < _or(cues.start("efficacy", False), len(clause)):
        return "adverse_effect"
    if has_dose and not lex.dose_outcomes.search(clause, words):
        # "helped me fall asleep" after a dose: the point is what it did; "were randomised to 2, 4
        # or 8 mg": the point is how a study was run
        return "other" if lex.study_design.search(clause, words) else "dosage"
    for name in ("mechanism", "safety", "efficacy", "definition"):
        if cues.holds(name, False):
            return name
    return fallback


def _by_type(types: list[tuple[str, bool, Matcher]]) -> Types:
    """Type matchers grouped by type name and strength, in lexicon order."""
    out: Types = {}
    for name, strong, matcher in types:
        out.setdefault((name, strong), []).append(matcher)
    return out


def _or(value: int | None, default: int) -> int:
    return default if value is None else value


_EFFICACY = ("efficacy", False)


class _TypeCues:
    """Where the type patterns of a clause first match, each searched only when the cascade of
    :func:`_type` asks: most sentences are typed by the first rule that holds, and a rule that
    only asks whether a type matches stops at its first entry that does."""

    def __init__(self, candidates: Types, clause: str, words: int | None, motive: Worded | None = None) -> None:
        self._candidates = candidates
        self._clause = clause
        self._words = words
        self._motive = motive
        self._starts: dict[tuple[str, bool], int | None] = {}

    def start(self, name: str, strong: bool) -> int | None:
        """Where the type's leftmost match in the clause starts, or None."""
        key = (name, strong)
        if key not in self._starts:
            found = [m.search(self._clause, words=self._words) for m in self._candidates.get(key, ())]
            at = min((at for at in found if at is not None), default=None)
            if at is not None and key == _EFFICACY and self._motive is not None:
                motive = self._motive.search(self._clause, self._words)
                if motive and motive.start() <= at < motive.end():
                    # "many turn to kratom to ease withdrawal": why people use it, not whether it
                    # works; an efficacy word after it still counts ("..., and many say it helps")
                    rest = self._clause[motive.end() :]
                    later = [m.search(rest) for m in self._candidates.get(key, ())]
                    at = min((motive.end() + at for at in later if at is not None), default=None)
            self._starts[key] = at
        return self._starts[key]

    def holds(self, name: str, strong: bool) -> bool:
        """Whether the type matches anywhere in the clause."""
        key = (name, strong)
        if key in self._starts or key == _EFFICACY:
            return self.start(name, strong) is not None
        for matcher in self._candidates.get(key, ()):
            if matcher.matches(self._clause, words=self._words):
                return True
        return False
