"""Doses as stated: numeric amounts with units, and qualitative levels ("at high doses").

Numbers are kept exactly as written (a range stays a range, "around" sets ``approximate``), the
unit is mapped to its UCUM code, and the preparation is recorded only when the text names it:
"1-3 grams of leaf powder" and "1-3 grams of kratom extract" are different statements.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .. import lexicon as lexicons
from ..models import MG_PER_UNIT, Dose
from ..parse import Block, Document
from ..provenance import anchor, record_id
from ._match import Matcher, looking_back

NAME = "kratom_dataset.extractors.doses"
VERSION = f"1.0.0+{lexicons.version('doses')}"

_NUMBER = r"\d+(?:[.,]\d+)?"
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
    timings: Matcher
    frequencies: Matcher
    substances: Matcher


@functools.cache
def _lexicon() -> _Lexicon:
    lex = lexicons.read("doses")
    units = {spelling.lower(): code for code, spellings in lex["units"].items() for spelling in spellings}
    unit = lexicons.alternation(list(units))
    unit_re = rf"(?:{unit})(?![\w/])"
    numeric = re.compile(
        rf"(?<![\w.,])(?:(?P<between>between)\s+(?P<b_low>{_NUMBER})\s*(?P<b_unit1>{unit_re})?\s*(?:and|-|–|—|to)\s*(?P<b_high>{_NUMBER})"
        rf"|(?P<low>{_NUMBER})\s*(?P<unit1>{unit_re})?{_DASH}(?P<high>{_NUMBER})"
        rf"|(?P<value>{_NUMBER}))\s*(?P<unit>{unit_re})",
        re.IGNORECASE,
    )
    preparations = {
        spelling.lower(): code for code, spellings in lex["preparations"].items() for spelling in spellings
    }
    preparation = re.compile(
        rf"\s+(?:of\s+)?(?:the\s+|a\s+|an\s+)?(?:kratom\s+|dried\s+)?(?P<prep>{lexicons.alternation(list(preparations))})(?!\w)",
        re.IGNORECASE,
    )
    adjectives = "|".join([*(entry["pattern"] for entry in lex["levels"]), lex["role_adjectives"]])
    qualitative = lexicons.pattern(rf"(?:{adjectives})(?:\s+kratom)?\s+(?:{lex['dose_nouns']})")

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
            rf"\bfor\s+(?:the\s+|better\s+|improved\s+)?(?P<what>{'|'.join(e['pattern'] for e in lex['purposes'])})\b",
            re.IGNORECASE,
        ),
        timings=matcher(lex["timings"], "timing"),
        frequencies=matcher(lex["frequencies"], "frequency"),
        substances=matcher(lex["substances"], "substance"),
    )


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def extract_doses(doc: Document, claim_ids: dict[int, str]) -> list[Dose]:
    """Every dose statement in the claim sentences of ``doc`` (``claim_ids``: sentence index -> claim id)."""
    records = []
    for index, claim_id in sorted(claim_ids.items()):
        records.extend(_sentence_doses(doc, index, claim_id))
    return records


def has_numeric_dose(doc: Document, sentence: Block) -> bool:
    """Whether the sentence states an amount with a unit (claims use it to pick the ``dosage`` type)."""
    return _lexicon().numeric.search(doc.text, sentence.start, sentence.end) is not None


def sentence_has_dose(doc: Document, sentence: Block) -> bool:
    """Whether the sentence states any dose, numeric or qualitative."""
    lex = _lexicon()
    return bool(
        lex.numeric.search(doc.text, sentence.start, sentence.end)
        or lex.qualitative.search(doc.text, sentence.start, sentence.end)
    )


def _sentence_doses(doc: Document, index: int, claim_id: str) -> list[Dose]:
    lex = _lexicon()
    text = doc.text
    sentence = doc.sentences[index]
    s, e = sentence.start, sentence.end
    out: list[Dose] = []
    numeric_spans = []
    cursor = s
    for m in lex.numeric.finditer(text, s, e):
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
        unit = lex.units[m.group("unit").lower()]
        end = m.end("unit")
        prep = lex.preparation.match(text, end, e)
        preparation = None
        if prep:
            preparation = lex.preparations[prep.group("prep").lower()]
            end = prep.end()
        before = text[cursor:start]
        comparator = None
        hit = _last(lex.comparators.find(text, max(cursor, start - 30), start))
        if hit and not text[hit.end : start].strip(" around about roughly approximately"):
            comparator = hit.label
        role_hit = _last(lex.roles.find(text, cursor, start))
        role = role_hit.label if role_hit else None
        if low == high:  # a single bound: "up to 15 g" says nothing of a lower end
            if comparator in ("<", "<="):
                low = None
            elif comparator in (">", ">="):
                high = None
        level_hit = _last(lex.levels.find(text, max(cursor, start - 40), start))
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
                level=level_hit.label if level_hit and _adjacent_level(text, level_hit.end, start) else None,
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
        level_hit = lex.levels.first(adjective)
        role_hit = lex.roles.first(adjective) or _last(lex.roles.find(text, max(s, m.start() - 20), m.start()))
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
    if not out:
        titration = lex.roles.find(text, s, e)
        for hit in titration:
            if hit.label == "titration" and re.search(r"\bdos(?:e|es|age)\b", text[hit.start : e][:40], re.I):
                out.append(_dose(doc, index, claim_id, hit.start, hit.end, kind="qualitative", role="titration"))
    return sorted(out, key=lambda d: (d.provenance.char_start, d.provenance.char_end))


def _adjacent_level(text: str, level_end: int, number_start: int) -> bool:
    """A level word counts for a number only in the same phrase ("a low dose of around 1-3 grams")."""
    between = text[level_end:number_start]
    return bool(re.fullmatch(r"\s+(?:kratom\s+)?dos(?:e|es|age)\s+of\s+(?:around\s+|about\s+|roughly\s+)?", between))


def _last(hits):
    return hits[-1] if hits else None


def _dose(doc: Document, index: int, claim_id: str, start: int, end: int, **fields) -> Dose:
    lex = _lexicon()
    text = doc.text
    sentence = doc.sentences[index]
    s, e = sentence.start, sentence.end
    fields.setdefault("approximate", False)
    substance = _last(lex.substances.find(text, s, end)) or _context(doc, index, lex.substances)
    timing = lex.timings.first(text, end, e) or _last(lex.timings.find(text, s, start))
    frequency = lex.frequencies.first(text, end, e)
    purpose = lex.purpose_phrase.search(text, s, e)
    if purpose is None:
        heading = doc.section_of(start).heading
        purpose = lex.purpose_phrase.search(heading) if heading else None
        purpose_text = heading
    else:
        purpose_text = text
    purpose_hit = lex.purposes.first(purpose_text, purpose.start("what"), purpose.end("what")) if purpose else None
    return Dose(
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
