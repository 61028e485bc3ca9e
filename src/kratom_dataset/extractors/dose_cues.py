"""The cues a dose statement is read with, compiled once from ``lexicons/doses.json``: units,
preparations, comparators, roles, levels, purposes, timings and the taper words."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .. import lexicon as lexicons
from ..vocabulary import Preparation
from ._match import Matcher
from ._words import INDEX
from .amounts import FRACTIONS, amount_pattern


@dataclass(frozen=True)
class DoseCues:
    numeric: re.Pattern[str]
    """The amount grammar's own pattern (:mod:`.amounts`), which tests/test_extract.py reads here."""
    preparation: re.Pattern[str]
    preparations: dict[str, Preparation]
    qualitative: re.Pattern[str]
    approximate: re.Pattern[str]
    comparators: Matcher
    roles: Matcher
    levels: Matcher
    purposes: Matcher
    purpose_phrase: re.Pattern[str]
    purpose_label: re.Pattern[str]
    purpose_after: re.Pattern[str]
    preparation_before: re.Pattern[str]
    preparation_per: re.Pattern[str]
    preparation_count: re.Pattern[str]
    amount_words: int
    level_words: int
    change_words: int
    taper: re.Pattern[str]
    taper_words: re.Pattern[str]  # the taper cues alone, where ``taper`` runs on to the sentence's end
    taper_after: re.Pattern[str]
    dose_noun: re.Pattern[str]
    trailing: Matcher
    non_dose_before: re.Pattern[str]
    non_dose_after: re.Pattern[str]
    timings: Matcher
    frequencies: Matcher
    substances: Matcher
    changes: Matcher


def _word_bits(words: Iterable[str]) -> int:
    """The :data:`INDEX` bits of ``words``, or-ed: a span holding none of them holds no such cue."""
    bits = 0
    for word in words:
        bit = INDEX.register({word})
        assert bit is not None  # a word always has a word character to look for
        bits |= bit
    return bits


@functools.cache
def lexicon() -> DoseCues:
    lex = lexicons.read("doses")
    words = lex["number_words"]
    preparations = {spelling.lower(): code for code, spellings in lex["preparations"].items() for spelling in spellings}
    prep_words = lexicons.alternation(list(preparations))
    preparation = re.compile(
        rf"\s+(?:of\s+)?(?:the\s+|a\s+|an\s+)?(?:(?!(?:of|in|with|before|after|per|and|or|to|for|on|at|is|are|was|daily|each|every|a|an|the)\b)[\w-]+\s+){{0,2}}?(?P<prep>{prep_words})(?!\w)",
        re.IGNORECASE,
    )
    # "our kratom capsules contain 500 mg", "six capsules equal 3 grams", "1 to 2 capsules (500 mg each)"
    preparation_before = re.compile(rf"(?<!\w)(?P<prep>{prep_words})\b[^,.;]{{0,20}}$", re.IGNORECASE)
    # "500 mg per capsule", "15 mg of 7-OH per tablet", "25 mg pure 7-OH in one tablet", "(ten capsules)"
    preparation_per = re.compile(
        rf"(?:\s+(?:of\s+)?(?:pure\s+)?[\w-]+)?\s+(?:per|in\s+(?:one|each|a|every)|each)\s+(?P<prep>{prep_words})(?!\w)"
        rf"|\s*\(\s*(?:[\w-]+\s+){{1,3}}(?P<prep2>{prep_words})\s*\)",
        re.IGNORECASE,
    )
    # "Took 16 capsules, about 8 g", "up to 8 capsules, or 4 g": a count of a form the amount restates
    preparation_count = re.compile(
        rf"(?<!\w)(?P<prep>{prep_words})\s*(?:,|\(|=|or)\s*(?:(?:or|about|around|roughly|approx\.?|~)\s*)?$", re.IGNORECASE
    )
    # A qualitative dose needs a level: "typical amounts" or "the recommended dosage" alone says no size.
    adjectives = "|".join(entry["pattern"] for entry in lex["levels"])
    qualitative = lexicons.pattern(
        rf"(?:{adjectives})(?:\s+(?:kratom|evening|morning|nighttime|night|daily|nightly))?\s+(?:{lex['dose_nouns']}|(?P<pronoun>ones?))",
        guard=True,
    )

    def matcher(entries: list[dict[str, Any]], key: str) -> Matcher:
        return Matcher([(e[key], e["pattern"], e) for e in entries])

    return DoseCues(
        numeric=amount_pattern(),
        preparation=preparation,
        preparations=preparations,
        qualitative=qualitative,
        approximate=re.compile(rf"(?<![\w.])(?:{'|'.join(lex['approximate'])})\s*$", re.IGNORECASE),  # "ca. 5 g", not "in Africa. 5 g"
        comparators=matcher(lex["comparators"], "comparator"),
        roles=matcher(lex["roles"], "role"),
        levels=matcher(lex["levels"], "level"),
        purposes=matcher(lex["purposes"], "purpose"),
        purpose_phrase=lexicons.guarded(
            rf"\b(?:(?:for|during|against)\s+(?:(?!\w+ing\b)\w+\s+){{0,2}}?(?P<what>{'|'.join(e['pattern'] for e in lex['purposes'])})\b"
            rf"|(?P<what2>sleep|pain|withdrawal) dose\b"
            # "an hour before bed", "people self-treating withdrawal report ..."
            rf"|\b(?:before|at)\s+(?P<what3>bed|bedtime|lights out)\b"
            rf"|\b(?:self-treat\w*|treat\w* (?:their|your|my) own)\s+(?:\w+\s+)?(?P<what4>withdrawal)\b)",
            re.IGNORECASE,
        ),
        purpose_label=re.compile(lex["purpose_labels"] + r"[^:]*$", re.IGNORECASE),
        purpose_after=re.compile(lex["purpose_after"], re.IGNORECASE),
        preparation_before=preparation_before,
        preparation_per=preparation_per,
        preparation_count=preparation_count,
        taper=lexicons.guarded(rf"\b(?:{lex['taper_cues']})\b[^.;]*$", re.IGNORECASE),
        taper_words=re.compile(rf"\b(?:{lex['taper_cues']})\b", re.IGNORECASE),
        taper_after=re.compile(lex["taper_after"], re.IGNORECASE),
        dose_noun=re.compile(rf"\b(?:{lex['dose_nouns']})\b", re.IGNORECASE),
        amount_words=_word_bits(w.lower() for w in [*words, *lex["single_units"].split("|"), *FRACTIONS]),
        level_words=_word_bits(["dos", "amount", "serving", "one"]),
        change_words=_word_bits(["gradual", "increas", "slow", "steadil", "reduc", "lower", "taper"]),
        trailing=Matcher([(c["comparator"], c["pattern"], c) for c in lex["trailing_comparators"]]),
        non_dose_before=lexicons.guarded(lex["non_dose_before"], re.IGNORECASE),
        non_dose_after=re.compile(lex["non_dose_after"], re.IGNORECASE),
        timings=matcher(lex["timings"], "timing"),
        frequencies=matcher(lex["frequencies"], "frequency"),
        substances=matcher(lex["substances"], "substance"),
        changes=matcher(lex["dose_changes"], "role"),
    )
