"""Doses as stated: numeric amounts with units, and qualitative levels ("at high doses").

Numbers are kept exactly as written (a range stays a range, "around" sets ``approximate``), the
unit is mapped to its UCUM code, and the preparation is recorded only when the text names it:
"1-3 grams of leaf powder" and "1-3 grams of kratom extract" are different statements.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

from .. import lexicon as lexicons
from ..document import Document
from ..ids import record_id
from ..lines import is_size_list
from ..models import MG_PER_UNIT, Dose
from ..provenance import anchor
from ..vocabulary import Comparator, DoseRole, Preparation, Purpose, Unit
from . import dose_reading
from ._match import Hit, Matcher, looking_back
from ._words import INDEX
from .amounts import amounts, overlaps
from .dose_cues import lexicon as _lexicon
from .dose_layout import column_amounts, column_level, column_role, heading_purpose, heading_role, list_header_preparation
from .mentions import find_agents
from .mentions import lexicon as mention_lexicon
from .quantities import packed_amounts, taper_share
from .tapers import descending_steps, in_taper, starts_taper

NAME = "kratom_dataset.extractors.doses"
VERSION = f"1.23.0+{lexicons.version('doses', dose_reading.MODEL)}"


def extract_doses(doc: Document, claim_ids: dict[int, str]) -> list[Dose]:
    """Every dose statement in the claim sentences of ``doc`` (``claim_ids``: sentence index -> claim id)."""
    return doses_and_amounts(doc, claim_ids)[0]


def doses_and_amounts(doc: Document, claim_ids: dict[int, str], *, reading: bool = True) -> tuple[list[Dose], set[int]]:
    """:func:`extract_doses`, and the claim sentences that state a numeric dose (claims read them as ``dosage``).

    ``reading=False`` keeps the role and purpose the rules give, which is what
    :mod:`.dose_reading`'s model reads and is trained on."""
    indexed: list[tuple[int, Dose]] = []
    numeric: set[int] = set()
    for index, claim_id in sorted(claim_ids.items()):
        found = _sentence_doses(doc, index, claim_id)
        indexed.extend((index, d) for d in found)
        if any(d.kind == "numeric" for d in found):
            numeric.add(index)
    found = descending_steps(doc, indexed)
    return (dose_reading.read(doc, found) if reading else found), numeric


_DIGIT = re.compile(r"\d")


def _may_hold_dose(text: str, start: int, end: int, words: int) -> tuple[bool, bool, bool]:
    """Cheap tests first: whether the span may hold an amount (a digit, a number word, a unit
    word), a level with a dose noun, and a change of dose, read off its word mask."""
    lex = _lexicon()
    amounts = bool(words & lex.amount_words) or _DIGIT.search(text, start, end) is not None
    return amounts, bool(words & lex.level_words), bool(words & lex.change_words)


def sentence_has_dose(doc: Document, index: int) -> bool:
    """Whether sentence ``index`` states any dose, numeric or qualitative."""
    return bool(_sentence_doses(doc, index, "probe"))


def _sentence_doses(doc: Document, index: int, claim_id: str) -> list[Dose]:
    """The doses of one sentence."""
    lex = _lexicon()
    text = doc.flat
    sentence = doc.sentences[index]
    s, e = sentence.start, sentence.end
    words = INDEX.sentence_words(doc)[index]  # every matcher below reads inside the sentence
    may_amount, may_level, may_change = _may_hold_dose(text, s, e, words)
    if not (may_amount or may_level or may_change) or size_options(doc, index):
        return []
    out: list[Dose] = []
    numeric_spans: list[tuple[int, int]] = []
    cursor = s
    found = amounts(text, s, e, lambda: _unit_before(doc, index)) if may_amount else []
    if may_amount and ("|" in text[s:e] or "\t" in text[s:e]):
        found = column_amounts(text, s, e, found)  # "1–2" under "Low (g)"
    packed = packed_amounts(text, found, e)
    for n, (start, end, low, high, unit, last, approximate) in enumerate(found):
        if low <= 0 or high <= 0 or low > high or n in packed:
            continue
        if lex.non_dose_before.search(text, max(s, start - 40), start):
            continue  # "$20 for 50 g", "lead below 0.5 mg per kg": quantities, not doses
        if unit == "%" and not taper_share(text, s, e, start, end, found):
            continue  # "1.2% mitragynine", "40% of users", "by 58% compared with vehicle": a share is a dose only as a step of a taper
        prep = lex.preparation.match(text, end, e)
        preparation: Preparation | None = None
        if prep:
            preparation = lex.preparations[prep.group("prep").lower()]
            end = prep.end()
        before = text[cursor:start]
        comparator: Comparator | None = None
        hit = _last(lex.comparators.find(text, max(cursor, start - _BOUND_REACH), start, words=words))
        if hit and _TO_BOUND.fullmatch(text, hit.end, start):
            comparator = hit.label
        elif symbol := _SYMBOL.search(text, max(cursor, start - 3), start):
            comparator = _SYMBOLS[symbol.group(1)]  # "(>15 g/day)", "<0.5 mg": a sign written against its number
        trailing = lex.trailing.first(text, end, min(e, end + 24), words=words)
        if comparator is None and trailing and _PER_PERIOD.fullmatch(text, end, trailing.start):
            comparator = trailing.label
        if (text.startswith("+", end) and not text[end + 1 : end + 2].isalnum()) or _PLUS_BEFORE_UNIT.match(text, start, end):
            comparator = ">="  # "Heavy: 8 g+", "from 2 g up to 30+ g a day": the plus says "or more" whatever comes before
        # "Serving size: 1 level teaspoon (about 2.5 g)", "Do not exceed 16 capsules (8 g)": the same amount again
        restated = bool(out) and out[-1].kind == "numeric" and _RESTATED.fullmatch(text, out[-1].provenance.char_end, start) is not None
        if comparator is None and (restated or (out and _COORDINATED.fullmatch(text, out[-1].provenance.char_end, start))):
            comparator = out[-1].comparator  # "Do not exceed 8 g in one serving or 15 g in a day": one bound over both
        clause_end = _clause_end(text, end, e)
        role_hit = _last(lex.roles.find(text, cursor, start, words=words)) or lex.roles.first(text, end, clause_end, words=words)
        role: DoseRole | None = role_hit.label if role_hit else None
        if role is None and restated:
            role = out[-1].role
        if role is None:
            role = heading_role(doc, start) or column_role(text, start)  # "Typical doses" over "Methadone: 60-120 mg/day"
        if unit == "%" and role != "maximum":
            role = "taper_step"  # a share is read only as a step of a taper, whoever is said to take it
        elif role is None and in_taper(doc, index, start):
            role = "taper_step"  # an amount in a taper's schedule is a step of it
        if role == "taper_step" and role_hit is None and (_other_drug(text, start, end, s, e) or starts_taper(text, start)):
            role = None  # "clonidine 0.1 mg" under a kratom taper's heading, or "Starting point: 20 g/day", is no step of it
        bound_at = hit.start if hit and comparator == hit.label else start
        if role is None and comparator in (">", "<=") and not _TAKERS.search(text, max(cursor, bound_at - 80), bound_at):
            # "doses above 15 g", "up to 30 mg": a bound is a limit, not who took how much; "15 g or
            # more", "at least 20 g" name where something starts, and limit nothing
            role = "maximum"
        if preparation is None:
            before_prep = lex.preparation_before.search(text, max(cursor, start - 40), start) or list_header_preparation(doc, index)
            if before_prep:
                preparation = lex.preparations[before_prep.group("prep").lower()]
        if preparation is None:
            # "15 mg of 7-OH per tablet", "5 to 6 grams (ten to twelve capsules)": the form the amount comes in
            form = lex.preparation_per.match(text, end, clause_end) or lex.preparation_count.search(text, max(cursor, start - 30), start)
            if form:
                preparation = lex.preparations[form.group(form.lastgroup or "prep").lower()]
            elif restated:
                preparation = out[-1].preparation  # "a level teaspoon of powder weighs roughly 2.5 g"
        amount_low: float | None = low
        amount_high: float | None = high
        if low == high:  # a single bound: "up to 15 g" says nothing of a lower end
            if comparator in ("<", "<="):
                amount_low = None
            elif comparator in (">", ">="):
                amount_high = None
        level_hit = _last(lex.levels.find(text, max(cursor, start - 40), start, words=words))
        if level_hit and not _adjacent_level(text, level_hit.end, start):
            level_hit = None
        if level_hit is None:
            after = re.match(r"\s+(?:counts?|is|are)\s+(?:considered\s+)?(?:as\s+)?(?:a\s+)?", text[end:clause_end])
            level_hit = lex.levels.first(text, end + after.end(), clause_end, words=words) if after else None
        if level_hit is None:
            level_hit = column_level(text, start)  # "Low" heading the column of "1–2 g" in a dosing chart
        if level_hit and role == "maximum" and comparator in (">", ">=") and _TIER_LABEL.fullmatch(text, level_hit.end, start):
            role = None  # "High: 6 g or more (not advised ...)": a tier's lower bound, not a limit
        factor = MG_PER_UNIT[unit]
        out.append(
            _dose(
                doc,
                index,
                claim_id,
                start,
                end,
                kind="numeric",
                amount_low=amount_low,
                amount_high=amount_high,
                unit=unit,
                amount_low_mg=None if amount_low is None or factor is None else amount_low * factor,
                amount_high_mg=None if amount_high is None or factor is None else amount_high * factor,
                comparator=comparator,
                approximate=bool(lex.approximate.search(before[-20:])) or approximate,
                role=role,
                level=level_hit.label if level_hit else None,
                preparation=preparation,
            )
        )
        numeric_spans.append((start, end))
        cursor = end if last else cursor
    numeric_starts = [a for a, _ in numeric_spans]
    for m in lex.qualitative.finditer(text, s, e) if may_level else ():
        if overlaps(numeric_spans, numeric_starts, m.start(), max(m.end(), m.start() + 1)):
            continue
        following = bisect.bisect_left(numeric_starts, m.end())
        if following < len(numeric_starts) and _SAME_DOSE.fullmatch(text, m.end(), numeric_starts[following]):
            continue  # "a low dose of around 1-3 grams": the numeric record carries level and role
        if m.group("pronoun") and not lex.dose_noun.search(text, s, m.start()):
            continue  # "larger ones" is a dose only after a dose was named: "Small doses ..., larger ones ..."
        if _NOT_A_DOSE_LEVEL.search(text, max(s, m.start() - 80), m.start()) or (
            _AMOUNTS.search(text, m.start(), m.end()) and _CONTENT.search(text, max(s, m.start() - 80), m.start())
        ):
            continue  # "found in small amounts", "the leaf has only tiny amounts of it", "25% of the starting dose"
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
    for hit in lex.changes.find(text, s, e, words=words):
        clause_end = _clause_end(text, hit.end, e)
        if bisect.bisect_left(numeric_starts, clause_end) > bisect.bisect_left(numeric_starts, hit.end):
            continue  # "increase by 0.5 g": the amount carries the role
        out.append(_dose(doc, index, claim_id, hit.start, hit.end, kind="qualitative", role=hit.label))
    return sorted(out, key=lambda d: (d.provenance.char_start, d.provenance.char_end))


# Between a level word and the amount that defines it: "a low dose of around 1-3 grams", "A
# small dose of red vein in the evening, around 2 grams".
# A level's gloss in brackets, with no number in it: "(stimulant effects)", "(sedation; not advised)".
_GLOSS = r"\([^()\d\n]{1,60}\)"
_SAME_DOSE = re.compile(
    rf"[^,;:.(]*(?:{_GLOSS}\s*)?(?:[,:(]\s*(?:around|about|roughly|approximately|~|say|like|i\.e\.|e\.g\.)?\s*)?", re.IGNORECASE
)
_NOT_A_DOSE_LEVEL = re.compile(
    r"(?:\b(?:found|present|occurs?|occurring|forms?|formed|produced?|produces|contained|contains?)\b(?:[^.;!?]{0,60}?\s)?in"
    r"|\b(?:of|from)\s+(?:the|your|their|my|his|her))\s+$",
    re.IGNORECASE,
)


# What a thing holds, not what someone takes: "the leaves contain mitragynine and smaller amounts of 7-OH".
_AMOUNTS = re.compile(r"\b(?:amounts?|quantit(?:y|ies)|traces?)\b", re.IGNORECASE)
_CONTENT = re.compile(
    r"\b(?:has|have|had|contains?|contained|containing|holds?|yields?|carries)\b"
    r"(?![^.;!?]*\b(?:tak|us|consum|ingest|swallow|drink|drank|dos)\w*)[^.;!?]{0,60}$",
    re.IGNORECASE,
)


# A tier's label glossed with its effects before the amount: "Low (stimulant effects): ", "High
# dose (sedation; not advised): above ".
_GLOSSED_TIER = re.compile(
    rf"(?:\s+(?:doses?|dosage|amounts?))?\s*{_GLOSS}\s*:\s*(?:(?:over|under|above|below|up to|about|around|roughly)\s+|~\s*)?",
    re.IGNORECASE,
)

# Between a tier's level word and its amount: "High: ", "Heavy dose (".
_TIER_LABEL = re.compile(r"\s*(?:doses?|use|users?)?\s*[:(]\s*(?:over\s+|above\s+)?")


# Who took an amount past a bound: "people who said they had taken more than 15 g", "clients using 30 g or more".
_TAKERS = re.compile(
    r"\b(?:who|those|people|patients|users|clients|respondents|participants|subjects|when i|when we)\b[^.;:]{0,50}?"
    r"\b(?:took|taken|take|taking|consumed|consuming|consume|using|used|use|were on|was on)\s+(?:(?:a|an|the|daily|doses?|amounts?)\s+)*$",
    re.IGNORECASE,
)


#: How far before an amount its bound may start: "do not take more than 12 capsules (6 g)".
_BOUND_REACH = 48
# What may stand between a comparator and its amount: an approximator, an article, a filler
# ("more then like half a gram"), or a count the amount restates ("Do not exceed 16 capsules (8 g)").
_TO_BOUND = re.compile(
    r"(?:\s|around|about|roughly|approximately|the|an?\b|like\b|total(?:\s+of)?\b)*"
    r"(?:\d+\s+(?:capsules?|caps|tablets?|tabs|gummies|servings?|scoops?|pills?|shots?|droppers?)\s*[(,]\s*(?:about|around|roughly|approx\.?|~)?\s*)?",
    re.IGNORECASE,
)
# Between an amount and a trailing bound: nothing, its period ("150 mg a day or more") or what it
# is of ("80 mg mitragynine at most").
_PER_PERIOD = re.compile(r"\s*(?:(?:a|per|each) (?:day|night|week)|daily|nightly|(?:of )?(?-i:[a-z][a-z-]+))?\s*", re.IGNORECASE)
# Between an amount and the same amount in other units: "1 level teaspoon (about 2.5 g)".
_RESTATED = re.compile(
    r"\s*(?:\(|,|/|=|or|(?:\)\s*)?(?:weighs?|weighed|holds?|held|equals?|comes to|works out (?:to|at))\b)\s*(?:about|around|roughly|approximately|approx\.?|~|≈)?\s*",
    re.IGNORECASE,
)


def _other_drug(text: str, start: int, end: int, s: int, e: int) -> bool:
    """Whether the name nearest an amount ("clonidine 0.1 mg", "0.3 mg melatonin") is a drug other
    than kratom or its alkaloids: such an amount is no step of a kratom taper. (No sentence mask
    is passed: one read before the drug names were first loaded would lack their words.)"""
    named = find_agents(text, max(s, start - 30), min(e, end + 20))
    if not named:
        return False
    nearest = min(named, key=lambda h: start - h.end if h.end <= start else h.start - end)
    return nearest.label != "kratom" and nearest.label not in mention_lexicon().alkaloids


_PLUS_BEFORE_UNIT = re.compile(r"[\d.,]+\+")
# A sign of order right before an amount; not an arrow's head ("->", "=>", "<-" are no bounds).
_SYMBOL = re.compile(r"(?<![-=<>])([<>≤≥])[ \t]?(?=[\d.]|$)")
_SYMBOLS: dict[str, Comparator] = {"<": "<", ">": ">", "≤": "<=", "≥": ">="}
# What joins a bound's second amount to its first: a few words of what the first is per ("in a
# single serving", "a day") and "or"/"and", nothing that starts a clause of its own.
_COORDINATED = re.compile(r"[^\d.;:!?,]{0,30}?\s(?:or|and)\s+(?:(?:about|around|roughly)\s+)?", re.IGNORECASE)


def size_options(doc: Document, index: int) -> bool:
    """Whether sentence ``index`` lists the sizes a product is sold in (:func:`lines.is_size_list`)."""
    if index == 0:
        return False
    unit, label = doc.sentences[index], doc.sentences[index - 1]
    return is_size_list(doc.flat, (unit.start, unit.end), (label.start, label.end))


def _unit_before(doc: Document, index: int) -> Unit | None:
    """The mass unit of the last amount in the few sentences before ``index`` in its section,
    which a bare number may leave unsaid ("I was on 12g a day. Then 10, then 8"); a reply in a
    thread goes on with the unit of the posts above it ("40 is a lot")."""
    sentence = doc.sentences[index]
    for j in range(index - 1, max(-1, index - _UNIT_REACH - 1), -1):
        prior = doc.sentences[j]
        if prior.section_index != sentence.section_index:
            break
        stated = amounts(doc.flat, prior.start, prior.end)
        if stated:
            return stated[-1].unit if stated[-1].unit in ("g", "mg") else None
    return None


#: How many sentences back a bare number may find the unit it leaves unsaid.
_UNIT_REACH = 6


# Between a level word and the amount it sizes: "a low dose of around", "Low dose: ", "At low
# doses, roughly ", "Low doses (about ", "a small amount such as ", "low doses work best: ".
_LEVEL_PHRASE = re.compile(
    r"\s+(?:kratom\s+)?(?:dos(?:e|es|age)|amounts?|servings?)\b"
    r"(?:(?:\s+(?:of|for|is|are|sits|lies|ranges?|around|about|roughly|between|at|from|kratom|such as|like)){0,5}"
    r"|\s*(?:[:(,\u2014\u2013]|\s+work\s+best\s*:)\s*(?:(?:about|around|roughly|approximately|say|like|such as|e\.g\.,?|i\.e\.,?|typically|usually|over|above|under|below|more than|less than|up to)\s+|~\s*)?)\s*",
    re.IGNORECASE,
)


def _adjacent_level(text: str, level_end: int, number_start: int) -> bool:
    """A level word counts for a number only in the same short phrase: "a low dose of around
    1-3 grams", "A moderate dose sits around 3 to 5 grams", a tier label "Low: 1-5 g", "Low
    (1-3 g)", "Start low – 1 or 2 grams"."""
    between = text[level_end:number_start]
    if re.fullmatch(r"(?:\s*[:(\u2013\u2014]|\s+-)\s*(?:(?:over|under|up to|about|around|roughly)\s+|~\s*)?", between):
        return True
    if _GLOSSED_TIER.fullmatch(between):
        return True
    return bool(_LEVEL_PHRASE.fullmatch(between))


#: How far from a dose (in characters) its substance, timing, frequency and purpose are looked for.
CONTEXT = 300
_CLAUSE_BREAK = re.compile(r"[,;]|\.(?!\d)")


def _clause_end(text: str, start: int, end: int) -> int:
    """Where the clause holding a dose ends: the next comma, semicolon or sentence end, and never
    further than :data:`CONTEXT` characters on (a run-on "sentence" has no end worth reading to)."""
    end = min(end, start + CONTEXT)
    m = _CLAUSE_BREAK.search(text, start, end)
    return m.start() if m else end


def _last(hits: list[Hit]) -> Hit | None:
    return hits[-1] if hits else None


def _dose(doc: Document, index: int, claim_id: str, start: int, end: int, **fields: Any) -> Dose:
    lex = _lexicon()
    text = doc.flat
    sentence = doc.sentences[index]
    # The dose's context: its sentence, but no more than CONTEXT characters either side, so a
    # sentence of a thousand doses costs a thousand short reads rather than a thousand long ones.
    s, e = max(sentence.start, start - CONTEXT), min(sentence.end, end + CONTEXT)
    fields.setdefault("approximate", False)
    words = INDEX.sentence_words(doc)[index]
    substance = _last(lex.substances.find(text, s, end, words=words)) or _context(doc, index, lex.substances)
    timing = lex.timings.first(text, end, e, words=words) or _last(lex.timings.find(text, s, start, words=words))
    frequency = lex.frequencies.first(text, end, e, words=words)
    purpose = lex.purpose_phrase.search(text, s, e) or lex.purpose_label.search(text, s, start) or lex.purpose_after.match(text, end, e)
    purpose_text = text
    if purpose is None:
        heading = doc.section_of(start).heading
        if heading and heading != doc.title:
            purpose = lex.purpose_phrase.search(heading)
            purpose_text = heading
    purpose_hit = None
    if purpose:
        group = next(name for name, value in purpose.groupdict().items() if value is not None)
        purpose_hit = lex.purposes.first(
            purpose_text, purpose.start(group), purpose.end(group), words=words if purpose_text is text else None
        )
    purpose_label: Purpose | None = purpose_hit.label if purpose_hit else None
    if purpose_label is None and fields.get("kind") == "numeric":
        purpose_label = heading_purpose(doc, start)
    if purpose_label is None and fields.get("role") == "taper_step":
        purpose_label = "withdrawal"  # a taper is how a dose is come off
    return Dose.trusted(
        id=record_id("dos", doc.article_id, start, end),
        article_id=doc.article_id,
        claim_id=claim_id,
        substance=substance.label if substance else None,
        purpose=purpose_label,
        timing=timing.label if timing else None,
        frequency=frequency.info["frequency"] if frequency else None,
        period=float(frequency.info["period"]) if frequency else None,
        period_unit=frequency.info["period_unit"] if frequency else None,
        provenance=anchor(doc, start, end, extractor=NAME, extractor_version=VERSION),
        **fields,
    )


def _context(doc: Document, index: int, matcher: Matcher) -> Hit | None:
    """Latest match in the earlier sentences of the same paragraph: what "the dose" refers to."""
    for start, end in looking_back(doc, index, doc.sentences[index].start):
        hit = _last(matcher.find(doc.flat, start, end))
        if hit:
            return hit
    return None
