"""Doses as stated: numeric amounts with units, and qualitative levels ("at high doses").

Numbers are kept exactly as written (a range stays a range, "around" sets ``approximate``), the
unit is mapped to its UCUM code, and the preparation is recorded only when the text names it:
"1-3 grams of leaf powder" and "1-3 grams of kratom extract" are different statements.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from dataclasses import dataclass

from .. import lexicon as lexicons
from ..document import Document
from ..ids import record_id
from ..models import MG_PER_UNIT, Dose
from ..provenance import anchor
from ._match import Matcher, looking_back
from ._words import INDEX

NAME = "kratom_dataset.extractors.doses"
VERSION = f"1.1.0+{lexicons.version('doses')}"

_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}
_VULGAR = "[" + "".join(_FRACTIONS) + "]"
# Digits as pages write them: "1 1/2", "1/2", "1½", "½", "1.5", European "1,5", "1,000", ".75".
_DIGITS = rf"(?:\d+[ \t]+\d/\d{{1,2}}(?!\d)|\d+/\d{{1,2}}(?![\d/])|\d+(?:[.,]\d+)?{_VULGAR}?|\.\d+|{_VULGAR})"
_DASH = r"\s*(?:-|–|—|to|or)\s*"


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
    number: str
    number_re: re.Pattern
    amount_words: int
    level_words: int
    change_words: int
    taper: re.Pattern
    taper_after: re.Pattern
    dose_noun: re.Pattern
    elliptic_before: re.Pattern
    elliptic_after: re.Pattern
    equivalence: re.Pattern
    bare_number: re.Pattern
    single: re.Pattern
    approximate_measure: re.Pattern
    label_not_range: re.Pattern
    listed_before: re.Pattern
    listed: re.Pattern
    trailing: Matcher
    non_dose_before: re.Pattern
    non_dose_after: re.Pattern
    timings: Matcher
    frequencies: Matcher
    substances: Matcher
    changes: Matcher


@functools.cache
def _lexicon() -> _Lexicon:
    lex = lexicons.read("doses")
    units = {spelling.lower(): code for code, spellings in lex["units"].items() for spelling in spellings}
    words = lex["number_words"]
    # "one and a half", "two and a half": a whole number and a half.
    _NUMBER = rf"(?:(?:{_DIGITS}|{lexicons.alternation(list(words))})(?:\s+and\s+a\s+half)?)"
    unit = lexicons.alternation(list(units))
    # A unit may carry a per-day denominator ("12g/day"); "mg/kg" is a unit of its own.
    unit_re = rf"(?:{unit})(?:/(?:day|d)\b)?(?![\w/])(?!%)"
    numeric = lexicons.guarded(
        rf"(?<![\w.,/])(?:(?P<between>between)\s+(?P<b_low>{_NUMBER})\s*(?P<b_unit1>{unit_re})?\s*(?:and|-|–|—|to)\s*(?P<b_high>{_NUMBER})"
        rf"|(?P<low>{_NUMBER})\s*(?P<unit1>{unit_re})?{_DASH}(?P<high>{_NUMBER})"
        rf"|(?P<value>{_NUMBER}))(?:\s*|-)(?:(?P<measure>level|heaping|heaped|rounded|scant)\s+)?(?P<unit>{unit_re})",
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
    # A qualitative dose needs a level: "typical amounts" or "the recommended dosage" alone says no size.
    adjectives = "|".join(entry["pattern"] for entry in lex["levels"])
    qualitative = lexicons.pattern(
        rf"(?:{adjectives})(?:\s+(?:kratom|evening|morning|nighttime|night|daily|nightly))?\s+(?:{lex['dose_nouns']}|(?P<pronoun>ones?))",
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
            rf"|(?P<what2>sleep|pain|withdrawal) dose\b"
            # "an hour before bed", "people self-treating withdrawal report ..."
            rf"|\b(?:before|at)\s+(?P<what3>bed|bedtime|lights out)\b"
            rf"|\b(?:self-treat\w*|treat\w* (?:their|your|my) own)\s+(?:\w+\s+)?(?P<what4>withdrawal)\b)",
            re.IGNORECASE,
        ),
        purpose_label=re.compile(lex["purpose_labels"] + r"[^:]*$", re.IGNORECASE),
        purpose_after=re.compile(lex["purpose_after"], re.IGNORECASE),
        preparation_before=preparation_before,
        number_words={k.lower(): float(v) for k, v in words.items()},
        number=_NUMBER,
        number_re=re.compile(_NUMBER, re.IGNORECASE),
        taper=re.compile(rf"\b(?:{lex['taper_cues']})\b[^.;]*$", re.IGNORECASE),
        taper_after=re.compile(lex["taper_after"], re.IGNORECASE),
        dose_noun=re.compile(rf"\b(?:{lex['dose_nouns']})\b", re.IGNORECASE),
        elliptic_before=re.compile(lex["elliptic_before"], re.IGNORECASE),
        elliptic_after=re.compile(lex["elliptic_after"], re.IGNORECASE),
        equivalence=re.compile(lex["measure_equivalence"], re.IGNORECASE),
        bare_number=re.compile(rf"(?<![\w.,/$€£#:-])(?:{_DIGITS})(?![\w/%:-]|[.,]\d|\s*(?:[-–—]|to)\s*\d)", re.IGNORECASE),
        listed_before=re.compile(rf"(?<![\w.,/])(?P<items>{_NUMBER}(?:\s*,\s*{_NUMBER})*)\s*,\s*$", re.IGNORECASE),
        # "a gram", "an ounce a day", "a heaping tablespoon", "a gram and a half": one of a unit.
        single=lexicons.pattern(
            rf"(?P<one>an?|one)\s+(?:(?P<modifier>{lex['measure_modifiers']['approximate']}|{lex['measure_modifiers']['exact']})\s+)?"
            rf"(?P<unit>{lex['single_units']})(?P<half>\s+and\s+a\s+half)?",
            guard=True,
        ),
        approximate_measure=re.compile(lex["measure_modifiers"]["approximate"], re.IGNORECASE),
        label_not_range=re.compile(rf"(?:^|\W)(?:{lex['labels_not_ranges']})\s*(?:\d+\s*(?:[-–—]|to)\s*)?$", re.IGNORECASE),
        # "single doses of 2, 4 and 8 mg": the amounts listed before the last one and its unit.
        listed=re.compile(rf"(?<![\w.,/])(?P<items>{_NUMBER}(?:\s*,\s*{_NUMBER})*)\s*,?\s*(?:and|or|&)\s*$", re.IGNORECASE),
        amount_words=functools.reduce(
            operator.or_, (INDEX.register({w.lower()}) for w in [*words, *lex["single_units"].split("|"), *_FRACTIONS])
        ),
        level_words=functools.reduce(operator.or_, (INDEX.register({w}) for w in ["dos", "amount", "serving", "one"])),
        change_words=functools.reduce(
            operator.or_, (INDEX.register({w}) for w in ["gradual", "increas", "slow", "steadil", "reduc", "lower", "taper"])
        ),
        trailing=Matcher([(c["comparator"], c["pattern"], c) for c in lex["trailing_comparators"]]),
        non_dose_before=re.compile(lex["non_dose_before"], re.IGNORECASE),
        non_dose_after=re.compile(lex["non_dose_after"], re.IGNORECASE),
        timings=matcher(lex["timings"], "timing"),
        frequencies=matcher(lex["frequencies"], "frequency"),
        substances=matcher(lex["substances"], "substance"),
        changes=matcher(lex["dose_changes"], "role"),
    )


def _number(text: str) -> float:
    """A number as written: digits ("1.5", European "1,5", "1,000", ".75"), fractions ("1/2",
    "1 1/2", "1½"), words ("three", "half a", "four-"), and "... and a half"."""
    words = _lexicon().number_words
    key = " ".join(text.lower().split())
    half = re.search(r"\s+and\s+a\s+half$", key)
    if half:
        return _number(key[: half.start()]) + 0.5
    if key in words:
        return words[key]
    whole, _, fraction = key.partition(" ")
    if fraction:  # "1 1/2"
        return _number(whole) + _number(fraction)
    if "/" in key:
        numerator, denominator = key.split("/")
        return float(numerator) / float(denominator)
    if key[-1] in _FRACTIONS:
        return (float(key[:-1]) if key[:-1] else 0.0) + _FRACTIONS[key[-1]]
    if re.fullmatch(r"\d{1,3},\d{3}", key):  # a thousands separator, not a decimal comma
        return float(key.replace(",", ""))
    return float(key.replace(",", "."))


def extract_doses(doc: Document, claim_ids: dict[int, str]) -> list[Dose]:
    """Every dose statement in the claim sentences of ``doc`` (``claim_ids``: sentence index -> claim id)."""
    return doses_and_amounts(doc, claim_ids)[0]


def doses_and_amounts(doc: Document, claim_ids: dict[int, str]) -> tuple[list[Dose], set[int]]:
    """:func:`extract_doses`, and the claim sentences that state a numeric dose (claims read them as ``dosage``)."""
    records = []
    numeric = set()
    for index, claim_id in sorted(claim_ids.items()):
        found = _sentence_doses(doc, index, claim_id)
        records.extend(found)
        if any(d.kind == "numeric" for d in found):
            numeric.add(index)
    return records, numeric


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
    if not (may_amount or may_level or may_change):
        return []
    out: list[Dose] = []
    numeric_spans = []
    cursor = s
    for start, end, low, high, unit, extra in _amounts(text, s, e) if may_amount else ():
        if low <= 0 or high <= 0 or low > high:
            continue
        if lex.non_dose_before.search(text, max(s, start - 40), start) or lex.non_dose_after.match(text, end, e):
            continue  # "$20 for 50 g", "our 250 g bag", "lead below 0.5 mg per kg": quantities, not doses
        if unit == "%" and not (lex.taper.search(text, max(s, start - 80), start) or lex.taper_after.match(text, end, e)):
            continue  # "1.2% mitragynine", "40% of users": a share is a dose only as a step of a taper
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
        if role is None and out and out[-1].kind == "numeric" and _RESTATED.fullmatch(text, out[-1].provenance.char_end, start):
            role = out[-1].role  # "Serving size: 1 level teaspoon (about 2.5 g)": the same amount again
        if role is None:
            role = _heading_role(doc, start)  # "Typical doses" over "Methadone: 60-120 mg/day"
        if role is None and _in_taper(doc, index):
            role = "taper_step"  # an amount in a taper's schedule is a step of it
        if role is None and comparator in (">", ">=", "<="):
            role = "maximum"  # "doses above 15 g", "up to 30 mg": a bound is a limit
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
                approximate=bool(lex.approximate.search(before[-20:])) or extra.get("approximate", False),
                role=role,
                level=level_hit.label if level_hit else None,
                preparation=preparation,
            )
        )
        numeric_spans.append((start, end))
        cursor = end if extra.get("last", True) else cursor
    numeric_starts = [a for a, _ in numeric_spans]
    for m in lex.qualitative.finditer(text, s, e) if may_level else ():
        if _overlaps(numeric_spans, numeric_starts, m.start(), max(m.end(), m.start() + 1)):
            continue
        following = bisect.bisect_left(numeric_starts, m.end())
        if following < len(numeric_starts) and _SAME_DOSE.fullmatch(text, m.end(), numeric_starts[following]):
            continue  # "a low dose of around 1-3 grams": the numeric record carries level and role
        if m.group("pronoun") and not lex.dose_noun.search(text, s, m.start()):
            continue  # "larger ones" is a dose only after a dose was named: "Small doses ..., larger ones ..."
        if _NOT_A_DOSE_LEVEL.search(text, max(s, m.start() - 20), m.start()):
            continue  # "found in small amounts", "25% of the starting dose": a content or a reference
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
_SAME_DOSE = re.compile(r"[^,;:.]*(?:,\s*(?:around|about|roughly|approximately|~|say|like|i\.e\.|e\.g\.)?\s*)?", re.IGNORECASE)
_NOT_A_DOSE_LEVEL = re.compile(r"(?:\b(?:found|present|occurs?|contained|contains?)\s+in|\b(?:of|from)\s+(?:the|your|their|my|his|her))\s+$", re.IGNORECASE)


# Between an amount and the same amount in other units: "1 level teaspoon (about 2.5 g)".
_RESTATED = re.compile(r"\s*(?:\(|,|/|=|or)\s*(?:about|around|roughly|approximately|approx\.?|~|≈)?\s*")


def _heading_role(doc: Document, start: int) -> str | None:
    """The role a short section heading gives every amount under it ("Typical doses", "Maximum")."""
    heading = doc.section_of(start).heading
    if not heading or len(heading) > 60:
        return None
    hit = _lexicon().roles.first(heading)
    return hit.label if hit and hit.label in ("typical", "starting", "maximum") else None


def _heading_purpose(doc: Document, start: int) -> str | None:
    """The purpose a short heading or the page's title names ("Melatonin for Sleep", "Opioid
    Withdrawal: Medications"): the reason for every dose under it."""
    section = doc.section_of(start)
    for line in (section.heading, doc.title if section.index == 0 or not section.heading else None):
        if line and len(line) <= 80:
            hit = _lexicon().purposes.first(line)
            if hit:
                return hit.label
    return None


def _in_taper(doc: Document, index: int) -> bool:
    """Whether the sentence lies under a heading, a lead-in line or a title that names a taper."""
    lex = _lexicon()
    sentence = doc.sentences[index]
    heading = doc.sections[sentence.section_index].heading
    if heading and lex.taper.search(heading):
        return True
    for j in range(index - 1, max(-1, index - 8), -1):
        prior = doc.sentences[j]
        if prior.section_index != sentence.section_index:
            break
        line = doc.flat[prior.start : prior.end]
        if line.rstrip().endswith(":"):
            if lex.taper.search(line):
                return True
            break  # a lead-in that names no taper: the page's title may still name one
    return bool(doc.title and lex.taper.search(doc.title))


def _amounts(text: str, s: int, e: int):
    """Every amount with a unit in ``text[s:e]``, leftmost first: ``(start, unit_end, low, high, unit, extra)``.

    The amount grammar: a number (digits, fractions, words), a range ("1-3", "two or three",
    "between 2 and 4") or a list ("2, 4 and 8 mg": one amount each, sharing the last one's
    unit), then a unit; or one of a unit ("a gram", "a heaping tablespoon"). A number after a
    schedule label ("Day 1 – 6 g") is not the low end of a range.
    """
    lex = _lexicon()
    found = []
    for m in lex.numeric.finditer(text, s, e):
        unit_text = m.group("unit")
        unit = lex.units[re.sub(r"/(?:day|d)$", "", unit_text, flags=re.IGNORECASE).lower()]
        if m.group("between"):
            items = [(m.start("b_low"), _number(m.group("b_low")), _number(m.group("b_high")))]
        elif m.group("value"):
            items = [(m.start("value"), _number(m.group("value")), _number(m.group("value")))]
        elif lex.label_not_range.search(text, max(s, m.start("low") - 12), m.start("low")):
            items = [(m.start("high"), _number(m.group("high")), _number(m.group("high")))]
        else:
            items = [(m.start("low"), _number(m.group("low")), _number(m.group("high")))]
            joiner = text[m.end("low") : m.start("high")].strip().lower()
            if joiner in ("or", "and") and lex.listed_before.search(text, max(s, m.start("low") - 80), m.start("low")):
                # "7.5, 15, 22.5 or 30 mg": the last two of a list, not a range
                items = [(m.start("low"), items[0][1], items[0][1]), (m.start("high"), items[0][2], items[0][2])]
        listed = lex.listed.search(text, max(s, items[0][0] - 80), items[0][0]) or lex.listed_before.search(
            text, max(s, items[0][0] - 80), items[0][0]
        )
        if listed and ("," in listed.group("items") or len(items) > 1):
            before = [(n.start(), _number(n.group())) for n in lex.number_re.finditer(listed.group("items"))]
            items = [(listed.start("items") + at, v, v) for at, v in before] + items
        for n, (start, low, high) in enumerate(items):
            last = n == len(items) - 1
            end = m.end("unit") if last else lex.number_re.match(text, start).end()
            found.append((start, end, low, high, unit, {"last": last, "approximate": bool(m.group("measure") and lex.approximate_measure.fullmatch(m.group("measure")))}))
    taken = sorted((f[0], f[1]) for f in found)
    taken_starts = [a for a, _ in taken]
    for m in lex.single.finditer(text, s, e):
        if _overlaps(taken, taken_starts, m.start(), m.end()):
            continue
        amount = 1.5 if m.group("half") else 1.0
        modifier = m.group("modifier")
        approximate = bool(modifier and lex.approximate_measure.fullmatch(modifier))
        found.append((m.start(), m.end(), amount, amount, lex.units[m.group("unit").lower()], {"approximate": approximate}))
    found.sort(key=lambda f: f[0])
    return _elliptic(text, s, e, _without_equivalences(text, found))


_HOUSEHOLD = frozenset({"[tsp_us]", "[tbs_us]"})


def _without_equivalences(text: str, found: list) -> list:
    """Drop a household measure and the mass it is said to weigh ("a level teaspoon weighs
    about 2.5 g"): a conversion between units, not an amount anyone takes."""
    lex = _lexicon()
    dropped = set()
    for n, (start, end, *_rest) in enumerate(found):
        if found[n][4] not in _HOUSEHOLD:
            continue
        for m in range(n + 1, len(found)):
            if found[m][4] in ("g", "mg") and lex.equivalence.search(text[end : found[m][0]]):
                dropped.update((n, m))
            break
    return [f for n, f in enumerate(found) if n not in dropped]


def _elliptic(text: str, s: int, e: int, found: list) -> list:
    """Add the bare numbers that stand for an amount of the sentence's unit ("9 g instead of my
    usual 12", "3 grams with breakfast and 3 more after work", "at 3g when I normally need 5")."""
    if not found:
        return found
    lex = _lexicon()
    taken = sorted((f[0], f[1]) for f in found)
    starts = [a for a, _ in taken]
    found_by_start = sorted(found, key=lambda f: f[0])
    extra = []
    for m in lex.bare_number.finditer(text, s, e):
        if _overlaps(taken, starts, m.start(), m.start() + 1) or not lex.elliptic_after.match(text, m.end(), e):
            continue
        if not lex.elliptic_before.search(text, max(s, m.start() - 40), m.start()):
            continue
        value = _number(m.group())
        if not 0 < value < 1000:
            continue
        at = bisect.bisect_left(starts, m.start())
        nearest = min(found_by_start[max(0, at - 1) : at + 1], key=lambda f: abs(f[0] - m.start()))
        extra.append((m.start(), m.end(), value, value, nearest[4], {"last": True}))
    return sorted(found + extra, key=lambda f: f[0])


def _overlaps(spans: list[tuple[int, int]], starts: list[int], lo: int, hi: int) -> bool:
    """Whether any of ``spans`` (sorted, not overlapping each other; ``starts`` their starts)
    overlaps ``[lo, hi)``: a binary search, so a sentence of many amounts stays linear."""
    i = bisect.bisect_left(starts, hi)
    return i > 0 and spans[i - 1][1] > lo


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
        line = doc.flat[prior.start : prior.end]
        if line.rstrip().endswith(":"):
            words = re.search(rf"(?<!\w)(?P<prep>{'|'.join(re.escape(p) for p in sorted(lex.preparations, key=len, reverse=True))})\b", line, re.IGNORECASE)
            return words
        if len(line) > 80:
            return None
    return None


#: How far from a dose (in characters) its substance, timing, frequency and purpose are looked for.
CONTEXT = 300
_CLAUSE_BREAK = re.compile(r"[,;]|\.(?!\d)")


def _clause_end(text: str, start: int, end: int) -> int:
    """Where the clause holding a dose ends: the next comma, semicolon or sentence end, and never
    further than :data:`CONTEXT` characters on (a run-on "sentence" has no end worth reading to)."""
    end = min(end, start + CONTEXT)
    m = _CLAUSE_BREAK.search(text, start, end)
    return m.start() if m else end


def _last(hits):
    return hits[-1] if hits else None


def _dose(doc: Document, index: int, claim_id: str, start: int, end: int, **fields) -> Dose:
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
    if purpose is None:
        heading = doc.section_of(start).heading
        purpose = lex.purpose_phrase.search(heading) if heading else None
        purpose_text = heading
    else:
        purpose_text = text
    group = None
    if purpose:
        group = next(name for name, value in purpose.groupdict().items() if value is not None)
    purpose_hit = (
        lex.purposes.first(purpose_text, purpose.start(group), purpose.end(group), words=words if purpose_text is text else None)
        if purpose
        else None
    )
    purpose_label = purpose_hit.label if purpose_hit else None
    if purpose_label is None and fields.get("kind") == "numeric":
        purpose_label = _heading_purpose(doc, start)
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


def _context(doc: Document, index: int, matcher: Matcher):
    """Latest match in the earlier sentences of the same paragraph: what "the dose" refers to."""
    for start, end in looking_back(doc, index, doc.sentences[index].start):
        hit = _last(matcher.find(doc.flat, start, end))
        if hit:
            return hit
    return None
