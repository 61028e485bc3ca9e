"""Doses as stated: numeric amounts with units, and qualitative levels ("at high doses").

Numbers are kept exactly as written (a range stays a range, "around" sets ``approximate``), the
unit is mapped to its UCUM code, and the preparation is recorded only when the text names it:
"1-3 grams of leaf powder" and "1-3 grams of kratom extract" are different statements.
"""

from __future__ import annotations

import functools
import operator
import re
from dataclasses import dataclass

from .. import lexicon as lexicons
from ..models import MG_PER_UNIT, Dose
from ..parse import Block, Document
from ..provenance import anchor, record_id
from ._match import INDEX, Matcher, looking_back

NAME = "kratom_dataset.extractors.doses"
VERSION = f"1.0.0+{lexicons.version('doses')}"

_DIGITS = r"\d+(?:[.,]\d+)?"
_DASH = r"\s*(?:-|–|—|to)\s*"


@dataclass(frozen=True)
class _Lexicon:
    numeric: re.Pattern
    units: dict[str, str]
    preparation: re.Pattern
    preparations: dict[str, str]
    qualitative: re.Pattern
    approximate: re.Pattern
    comparators: Matcher
    roles: Matcher
    levels: Matcher
    purposes: Matcher
    purpose_phrase: re.Pattern
    purpose_label: re.Pattern
    purpose_after: re.Pattern
    preparation_before: re.Pattern
    number_words: dict
    dose_words: int
    trailing: Matcher
    non_dose_before: re.Pattern
    non_dose_after: re.Pattern
    timings: Matcher
    frequencies: Matcher
    substances: Matcher


@functools.cache
def _lexicon() -> _Lexicon:
    lex = lexicons.read("doses")
    units = {spelling.lower(): code for code, spellings in lex["units"].items() for spelling in spellings}
    words = lex["number_words"]
    _NUMBER = rf"(?:{_DIGITS}|{lexicons.alternation(list(words))})"
    unit = lexicons.alternation(list(units))
    unit_re = rf"(?:{unit})(?![\w/])"
    numeric = lexicons.guarded(
        rf"(?<![\w.,])(?:(?P<between>between)\s+(?P<b_low>{_NUMBER})\s*(?P<b_unit1>{unit_re})?\s*(?:and|-|–|—|to)\s*(?P<b_high>{_NUMBER})"
        rf"|(?P<low>{_NUMBER})\s*(?P<unit1>{unit_re})?{_DASH}(?P<high>{_NUMBER})"
        rf"|(?P<value>{_NUMBER}))\s*(?P<unit>{unit_re})",
        re.IGNORECASE,
    )
    preparations = {
        spelling.lower(): code for code, spellings in lex["preparations"].items() for spelling in spellings
    }
    prep_words = lexicons.alternation(list(preparations))
    preparation = re.compile(
        rf"\s+(?:of\s+)?(?:the\s+|a\s+|an\s+)?(?:(?!(?:of|in|with|before|after|per|and|or|to|for|on|at|is|are|was|daily|each|every|a|an|the)\b)[\w-]+\s+){{0,2}}?(?P<prep>{prep_words})(?!\w)",
        re.IGNORECASE,
    )
    # "our kratom capsules contain 500 mg", "six capsules equal 3 grams", "1 to 2 capsules (500 mg each)"
    preparation_before = re.compile(rf"(?<!\w)(?P<prep>{prep_words})\b[^,.;]{{0,20}}$", re.IGNORECASE)
    adjectives = "|".join([*(entry["pattern"] for entry in lex["levels"]), lex["role_adjectives"]])
    qualitative = lexicons.pattern(
        rf"(?:{adjectives})(?:\s+(?:kratom|evening|morning|nighttime|night|daily|nightly))?\s+(?:{lex['dose_nouns']})",
        guard=True,
    )

    def matcher(entries, key):
        return Matcher([(e[key], e["pattern"], e) for e in entries])

    return _Lexicon(
        numeric=numeric,
        units=units,
        preparation=preparation,
        preparations=preparations,
        qualitative=qualitative,
        approximate=re.compile(rf"(?:{'|'.join(lex['approximate'])})\s*$", re.IGNORECASE),
        comparators=matcher(lex["comparators"], "comparator"),
        roles=matcher(lex["roles"], "role"),
        levels=matcher(lex["levels"], "level"),
        purposes=matcher(lex["purposes"], "purpose"),
        purpose_phrase=re.compile(
            rf"\b(?:(?:for|during|against)\s+(?:(?!\w+ing\b)\w+\s+){{0,2}}?(?P<what>{'|'.join(e['pattern'] for e in lex['purposes'])})\b"
            rf"|(?P<what2>sleep|pain|withdrawal) dose\b)",
            re.IGNORECASE,
        ),
        purpose_label=re.compile(lex["purpose_labels"] + r"[^:]*$", re.IGNORECASE),
        purpose_after=re.compile(lex["purpose_after"], re.IGNORECASE),
        preparation_before=preparation_before,
        number_words={k.lower(): float(v) for k, v in words.items()},
        dose_words=functools.reduce(operator.or_, (INDEX.register({w.lower()}) for w in ["dos", *words])),
        trailing=Matcher([(c["comparator"], c["pattern"], c) for c in lex["trailing_comparators"]]),
        non_dose_before=re.compile(lex["non_dose_before"], re.IGNORECASE),
        non_dose_after=re.compile(lex["non_dose_after"], re.IGNORECASE),
        timings=matcher(lex["timings"], "timing"),
        frequencies=matcher(lex["frequencies"], "frequency"),
        substances=matcher(lex["substances"], "substance"),
    )


def _number(text: str) -> float:
    """A number as written: digits ("1.5", European "1,5", "1,000"), or words ("three", "half a")."""
    words = _lexicon().number_words
    key = " ".join(text.lower().split())
    if key in words:
        return words[key]
    if re.fullmatch(r"\d{1,3},\d{3}", text):  # a thousands separator, not a decimal comma
        return float(text.replace(",", ""))
    return float(text.replace(",", "."))


def extract_doses(doc: Document, claim_ids: dict[int, str]) -> list[Dose]:
    """Every dose statement in the claim sentences of ``doc`` (``claim_ids``: sentence index -> claim id)."""
    return doses_and_amounts(doc, claim_ids)[0]


def doses_and_amounts(doc: Document, claim_ids: dict[int, str]) -> tuple[list[Dose], set[int]]:
    """:func:`extract_doses`, and the claim sentences that state an amount with a unit.

    The second is :func:`has_numeric_dose` of each claim sentence, read off the same scan.
    """
    records = []
    numeric = set()
    for index, claim_id in sorted(claim_ids.items()):
        found, amounts = _sentence_doses(doc, index, claim_id)
        records.extend(found)
        if amounts:
            numeric.add(index)
    return records, numeric


_DIGIT = re.compile(r"\d")
_DOS = re.compile(r"dos", re.IGNORECASE)


def _may_hold_dose(text: str, start: int, end: int, words: int | None = None) -> bool:
    """Cheap test first: a dose needs a digit, a number word or a dose word."""
    if _DIGIT.search(text, start, end) is not None:
        return True
    return bool((INDEX.mask(text, start, end) if words is None else words) & _lexicon().dose_words)


def has_numeric_dose(doc: Document, sentence: Block) -> bool:
    """Whether the sentence states an amount with a unit (claims use it to pick the ``dosage`` type)."""
    if not _may_hold_dose(doc.text, sentence.start, sentence.end):
        return False
    return _lexicon().numeric.search(doc.text, sentence.start, sentence.end) is not None


def sentence_has_dose(doc: Document, sentence: Block) -> bool:
    """Whether the sentence states any dose, numeric or qualitative."""
    lex = _lexicon()
    return bool(
        lex.numeric.search(doc.text, sentence.start, sentence.end)
        or lex.qualitative.search(doc.text, sentence.start, sentence.end)
    )


def _sentence_doses(doc: Document, index: int, claim_id: str) -> tuple[list[Dose], bool]:
    """The doses of one sentence, and whether it states any amount with a unit at all."""
    lex = _lexicon()
    text = doc.text
    sentence = doc.sentences[index]
    s, e = sentence.start, sentence.end
    words = INDEX.sentence_words(doc)[index]  # every matcher below reads inside the sentence
    if not _may_hold_dose(text, s, e, words):
        return [], False
    out: list[Dose] = []
    numeric_spans = []
    cursor = s
    amounts = False
    for m in lex.numeric.finditer(text, s, e):
        amounts = True
        if m.group("between"):
            low, high = _number(m.group("b_low")), _number(m.group("b_high"))
            start = m.start("b_low")
        elif m.group("value"):
            low = high = _number(m.group("value"))
            start = m.start("value")
        else:
            low, high = _number(m.group("low")), _number(m.group("high"))
            start = m.start("low")
        if low <= 0 or high <= 0 or low > high:
            continue
        if lex.non_dose_before.search(text, max(s, start - 40), start) or lex.non_dose_after.match(text, m.end(), e):
            continue  # "$20 for 50 g", "our 250 g bag", "lead below 0.5 mg per kg": quantities, not doses
        unit = lex.units[m.group("unit").lower()]
        end = m.end("unit")
        prep = lex.preparation.match(text, end, e)
        preparation = None
        if prep:
            preparation = lex.preparations[prep.group("prep").lower()]
            end = prep.end()
        before = text[cursor:start]
        comparator = None
        hit = _last(lex.comparators.find(text, max(cursor, start - 30), start, words=words))
        if hit and re.fullmatch(r"(?:\s|around|about|roughly|approximately|the|an?\b)*", text[hit.end : start]):
            comparator = hit.label
        trailing = lex.trailing.first(text, end, min(e, end + 12), words=words)
        if comparator is None and trailing and not text[end : trailing.start].strip():
            comparator = trailing.label
        clause_end = _clause_end(text, end, e)
        role_hit = _last(lex.roles.find(text, cursor, start, words=words)) or lex.roles.first(text, end, clause_end, words=words)
        role = role_hit.label if role_hit else None
        if preparation is None:
            before_prep = lex.preparation_before.search(text, max(cursor, start - 40), start) or _list_header_preparation(doc, index)
            if before_prep:
                preparation = lex.preparations[before_prep.group("prep").lower()]
        if low == high:  # a single bound: "up to 15 g" says nothing of a lower end
            if comparator in ("<", "<="):
                low = None
            elif comparator in (">", ">="):
                high = None
        level_hit = _last(lex.levels.find(text, max(cursor, start - 40), start, words=words))
        if level_hit and not _adjacent_level(text, level_hit.end, start):
            level_hit = None
        if level_hit is None:
            after = re.match(r"\s+(?:counts?|is|are)\s+(?:considered\s+)?(?:as\s+)?(?:a\s+)?", text[end:clause_end])
            level_hit = lex.levels.first(text, end + after.end(), clause_end, words=words) if after else None
        factor = MG_PER_UNIT[unit]
        out.append(
            _dose(
                doc,
                index,
                claim_id,
                start,
                end,
                kind="numeric",
                amount_low=low,
                amount_high=high,
                unit=unit,
                amount_low_mg=None if low is None or factor is None else low * factor,
                amount_high_mg=None if high is None or factor is None else high * factor,
                comparator=comparator,
                approximate=bool(lex.approximate.search(before[-20:])),
                role=role,
                level=level_hit.label if level_hit else None,
                preparation=preparation,
            )
        )
        numeric_spans.append((start, end))
        cursor = end
    for m in lex.qualitative.finditer(text, s, e):
        if any(a <= m.start() < b or m.start() <= a < m.end() for a, b in numeric_spans):
            continue
        if any(a >= m.end() and not re.search(r"[,;:]", text[m.end() : a]) for a, _ in numeric_spans):
            continue  # "a low dose of around 1-3 grams": the numeric record carries level and role
        adjective = text[m.start() : m.end()]
        level_hit = lex.levels.first(adjective, words=words)
        role_hit = lex.roles.first(adjective, words=words) or _last(lex.roles.find(text, max(s, m.start() - 20), m.start(), words=words))
        out.append(
            _dose(
                doc,
                index,
                claim_id,
                m.start(),
                m.end(),
                kind="qualitative",
                level=level_hit.label if level_hit else None,
                role=role_hit.label if role_hit else None,
            )
        )
    if not out and _DOS.search(text, s, e):  # a titration needs "dose" near it; most sentences have none
        titration = lex.roles.find(text, s, e, words=words)
        for hit in titration:
            if hit.label == "titration" and re.search(r"\bdos(?:e|es|age)\b", text[hit.start : e][:40], re.IGNORECASE):
                out.append(_dose(doc, index, claim_id, hit.start, hit.end, kind="qualitative", role="titration"))
    return sorted(out, key=lambda d: (d.provenance.char_start, d.provenance.char_end)), amounts


def _adjacent_level(text: str, level_end: int, number_start: int) -> bool:
    """A level word counts for a number only in the same short phrase: "a low dose of around
    1-3 grams", "A moderate dose sits around 3 to 5 grams", a tier label "Low: 1-5 g"."""
    between = text[level_end:number_start]
    if re.fullmatch(r"\s*:\s*(?:over\s+|under\s+|up to\s+)?", between):
        return True
    return bool(
        re.fullmatch(r"\s+(?:kratom\s+)?dos(?:e|es|age)\b(?:\s+(?:of|for|is|are|sits|lies|ranges?|around|about|roughly|between|at|from|kratom)){0,5}\s*", between)
    )


def _list_header_preparation(doc: Document, index: int):
    """The preparation named by the lead-in of a list ("Kratom dose tiers (leaf powder):")."""
    lex = _lexicon()
    sentence = doc.sentences[index]
    for j in range(index - 1, max(-1, index - 8), -1):
        prior = doc.sentences[j]
        if prior.section_index != sentence.section_index:
            return None
        line = doc.text[prior.start : prior.end]
        if line.rstrip().endswith(":"):
            words = re.search(rf"(?<!\w)(?P<prep>{'|'.join(re.escape(p) for p in sorted(lex.preparations, key=len, reverse=True))})\b", line, re.IGNORECASE)
            return words
        if len(line) > 80:
            return None
    return None


def _clause_end(text: str, start: int, end: int) -> int:
    """Where the clause holding a dose ends: the next comma, semicolon or sentence end."""
    m = re.search(r"[,;]|\.(?!\d)", text[start:end])
    return start + m.start() if m else end


def _last(hits):
    return hits[-1] if hits else None


def _dose(doc: Document, index: int, claim_id: str, start: int, end: int, **fields) -> Dose:
    lex = _lexicon()
    text = doc.text
    sentence = doc.sentences[index]
    s, e = sentence.start, sentence.end
    fields.setdefault("approximate", False)
    words = INDEX.sentence_words(doc)[index]
    substance = _last(lex.substances.find(text, s, end, words=words)) or _context(doc, index, lex.substances)
    timing = lex.timings.first(text, end, e, words=words) or _last(lex.timings.find(text, s, start, words=words))
    frequency = lex.frequencies.first(text, end, e, words=words)
    purpose = lex.purpose_phrase.search(text, s, e) or lex.purpose_label.search(text, s, start) or lex.purpose_after.match(text, end, e)
    if purpose is None:
        heading = doc.section_of(start).heading
        purpose = lex.purpose_phrase.search(heading) if heading else None
        purpose_text = heading
    else:
        purpose_text = text
    group = None
    if purpose:
        group = "what" if purpose.groupdict().get("what") is not None else "what2"
    purpose_hit = (
        lex.purposes.first(purpose_text, purpose.start(group), purpose.end(group), words=words if purpose_text is text else None)
        if purpose
        else None
    )
    return Dose.trusted(
        id=record_id("dos", doc.article_id, start, end),
        article_id=doc.article_id,
        claim_id=claim_id,
        substance=substance.label if substance else None,
        purpose=purpose_hit.label if purpose_hit else None,
        timing=timing.label if timing else None,
        frequency=frequency.info["frequency"] if frequency else None,
        period=float(frequency.info["period"]) if frequency else None,
        period_unit=frequency.info["period_unit"] if frequency else None,
        provenance=anchor(doc, start, end, extractor=NAME, extractor_version=VERSION),
        **fields,
    )


def _context(doc: Document, index: int, matcher: Matcher):
    """Latest match in the earlier sentences of the same paragraph: what "the dose" refers to."""
    for start, end in looking_back(doc, index, doc.sentences[index].start):
        hit = _last(matcher.find(doc.text, start, end))
        if hit:
            return hit
    return None
