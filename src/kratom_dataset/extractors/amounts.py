"""The amount grammar of a dose: numbers as pages write them, units, ranges and lists.

:func:`amounts` finds every amount with a unit in a span and nothing else; what an amount is
for (its level, role, purpose, timing) is read from its context in :mod:`.doses`.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from .. import lexicon as lexicons
from ..vocabulary import Unit
from ._bounded import Bounded, bounded, bounded_matches
from .shares import dose_shares

FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅛": 0.125}
_VULGAR = "[" + "".join(FRACTIONS) + "]"
# Digits as pages write them: "1 1/2", "1/2", "1½", "½", "1.5", European "1,5" and ",5", "1,000", ".75";
# but "6/10" out of ten is a rating ("pain down to 6/10"), and only "1/10" a tenth.
_DIGITS = rf"(?:\d+[ \t]+\d/\d{{1,2}}(?!\d)|(?:1/\d{{1,2}}|\d+/(?!10(?!\d))\d{{1,2}})(?![\d/])|\d+(?:[.,]\d+)?{_VULGAR}?|\.\d+|(?<!\d )(?<!\d),\d+|{_VULGAR})"
# "3/4 of a teaspoon", "½ of a gram", "1/2 a milligram": a fraction of one unit.
_OF_A = r"(?:(?:(?<=\d/\d\s)|(?<=\d/\d\d\s)|(?<=[½¼¾⅓⅔⅛]\s))(?:of\s+)?an?\s+)"
# A unit's per-day denominator written onto it: "12g/day", "15 gpd" (grams per day, as forums write it).
_PER_DAY_TAIL = r"/(?:day|d)\b|(?<=g)pd\b"
_PER_DAY = re.compile(rf"(?:{_PER_DAY_TAIL})$", re.IGNORECASE)
# "until" joins a range in the English of Malay and Indonesian writers ("4 until 6 gram").
_DASH = r"\s*(?:-|–|—|to|or|until)\s*"


class Amount(NamedTuple):
    """One amount with a unit: ``text[start:end]``, its bounds as stated and its UCUM unit."""

    start: int
    end: int
    low: float
    high: float
    unit: Unit
    last: bool = True
    """False for an amount listed before the one that carries the unit ("2, 4 and 8 mg")."""
    approximate: bool = False
    """Hedged by its measure ("a heaping teaspoon")."""


@dataclass(frozen=True)
class _Grammar:
    numeric: re.Pattern[str]
    numeric_forms: Bounded
    units: dict[str, Unit]
    number_words: dict[str, float]
    number_re: re.Pattern[str]
    bare_number: Bounded
    another_word: re.Pattern[str]
    listed_before: re.Pattern[str]
    listed: re.Pattern[str]
    single: Bounded
    approximate_measure: re.Pattern[str]
    approximate_number: re.Pattern[str]
    label_not_range: re.Pattern[str]
    elliptic_before: re.Pattern[str]
    elliptic_after: re.Pattern[str]
    changed_from: re.Pattern[str]


def number_pattern(words: dict[str, object]) -> str:
    """A number: digits, a fraction or a number word, perhaps "... and a half" ("two and a half",
    or as some write it "two and half")."""
    return rf"(?:(?:{_DIGITS}|{_POINT_ONLY}|{lexicons.alternation(list(words))}{_SPOKEN_TAIL}?)(?:{_AND_HALF})?)"


# Numbers as they are said (transcripts, read-out doses): "three hundred", "point one", "one point five".
_DIGIT_WORDS = {"zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_DIGIT_WORD = "(?:" + "|".join(_DIGIT_WORDS) + ")"
# Read as a tail of a number word, so that only a word already read as a number tries them.
_SPOKEN_TAIL = (
    rf"(?:[ -]hundred(?:(?:\s+and)?\s+(?:fifty|twenty(?:-five)?|{_DIGIT_WORD}))?(?![\w-])"
    rf"|\s+point\s+{_DIGIT_WORD}(?:\s+{_DIGIT_WORD})?(?![\w-])"
    rf"|(?<=ty)[ -]{_DIGIT_WORD}(?![\w-]))"  # "twenty-seven", "forty five"
)
_POINT_ONLY = rf"point\s+{_DIGIT_WORD}(?:\s+{_DIGIT_WORD})?(?![\w-])"
_HUNDREDS = re.compile(r"(.+?)[ -]hundred(?:(?: and)? (.+))?")
_TENS = re.compile(r"(\w+ty)[ -](" + _DIGIT_WORD + r")")
_POINT = re.compile(r"(?:(.+?) )?point (" + _DIGIT_WORD + r")(?: (" + _DIGIT_WORD + r"))?")


# What follows a "half" that is a thing's own half, not a number's: "and half the bag", "and a half cup of water".
_HALF_OF_A_THING = (
    r"(?:the|as|my|your|his|her|their|its|that|this|those|these"
    r"|cups?|glass(?:es)?|mugs?|litres?|liters?|pints?|bags?|bottles?|hours?|days?|doses?)"
)
# "... and a half", "... and half", "1 and ½" but not "a gram and half the bag" or "2 teaspoons and a half cup of water";
# "a gram and a half of leaf" is one amount, "a gram and half of the bag" two things.
_AND_HALF = rf"\s+and\s+(?:½|a\s+half(?![\w-]|\s+{_HALF_OF_A_THING}\b)|half(?![\w-]|\s+(?:of|{_HALF_OF_A_THING})\b))"


@functools.cache
def _grammar() -> _Grammar:
    lex = lexicons.read("doses")
    units = {spelling.lower(): code for code, spellings in lex["units"].items() for spelling in spellings}
    words = lex["number_words"]
    _NUMBER = number_pattern(words)
    unit = lexicons.alternation(list(units))
    # A unit may carry a per-day denominator ("12g/day"); "mg/kg" is a unit of its own.
    unit_re = rf"(?:{unit})(?:{_PER_DAY_TAIL})?(?![\w]|/(?!\s*\d))(?!%)"
    # "8 mg/2 mg film": a slash between two amounts of one product, but not a fraction's ("1/2")
    numeric = (
        rf"(?<![\w.,])(?<!\d/)(?:(?P<between>between)\s+(?P<b_low>{_NUMBER})\s*(?P<b_unit1>{unit_re})?\s*(?:and|-|–|—|to)\s*(?P<b_high>{_NUMBER})"
        rf"|(?P<low>{_NUMBER})\s*(?P<unit1>{unit_re})?{_DASH}(?P<high>{_NUMBER})"
        rf"|(?P<value>{_NUMBER})(?P<plus>\+)?)(?:\s*|-){_OF_A}?(?:(?P<measure>level|heaping|heaped|rounded|scant)\s+)?(?P<unit>{unit_re})"
        rf"(?P<tail_half>{_AND_HALF})?"  # "one teaspoon and a half"
    )
    single = (
        rf"(?P<one>an?|one|another)\s+(?:(?P<modifier>{lex['measure_modifiers']['approximate']}|{lex['measure_modifiers']['exact']})\s+)?"
        rf"(?P<unit>{lex['single_units']})(?P<half>{_AND_HALF})?(?P<or_two>\s+or\s+two(?![\w-]|\s+(?:hundred|thousand|dozen)))?"
    )
    return _Grammar(
        numeric=lexicons.guarded(numeric, re.IGNORECASE),
        numeric_forms=bounded(numeric, re.IGNORECASE, r"[\w.,]"),
        units=units,
        number_words={k.lower(): float(v) for k, v in words.items()},
        number_re=lexicons.factored(_NUMBER, re.IGNORECASE),
        # Searched in the form that consumes the character before a number: a set test per character;
        # never a clock's "0600".
        bare_number=bounded(
            rf"(?<![\w.,/$€£#:-])(?!0\d)(?:{_DIGITS})(?![\w/%:-]|[.,]\d|\s*(?:[-–—]|to)\s*\d)", re.IGNORECASE, r"[\w.,/$€£#:-]"
        ),
        # "four grams in the morning and another four after dinner": a number word the unit before counts
        another_word=lexicons.factored(rf"\banother\s+({lexicons.alternation(list(words))})(?![\w-])", re.IGNORECASE),
        listed_before=lexicons.factored(
            rf"(?<![\w.,/])(?P<items>{_NUMBER}(?:\s*,\s*{_NUMBER})*)\s*,\s*(?:(?:even|sometimes|occasionally|maybe)\s+)?$", re.IGNORECASE
        ),
        # "single doses of 2, 4 and 8 mg": the amounts listed before the last one and its unit.
        listed=lexicons.factored(
            rf"(?<![\w.,/])(?P<items>{_NUMBER}(?:\s*,\s*{_NUMBER})*)\s*,?\s*(?:and|or|&)\s*(?:(?:even|sometimes|occasionally|maybe)\s+)?$",
            re.IGNORECASE,
        ),
        # "a gram", "an ounce a day", "a heaping tablespoon", "a gram and a half": one of a unit.
        single=bounded(rf"{lexicons.WORD_START}(?:{lexicons.body(single)}){lexicons.WORD_END}", re.IGNORECASE, r"[\w-]"),
        approximate_measure=lexicons.factored(lex["measure_modifiers"]["approximate"], re.IGNORECASE),
        # "a couple of grams": a number word that is itself an estimate
        approximate_number=lexicons.factored(lex["approximate_numbers"], re.IGNORECASE),
        label_not_range=lexicons.factored(rf"(?<!\w)(?:{lex['labels_not_ranges']})\s*(?:\d+\s*(?:[-–—]|to)\s*)?$", re.IGNORECASE),
        elliptic_before=lexicons.factored(lex["elliptic_before"], re.IGNORECASE),
        elliptic_after=lexicons.factored(lex["elliptic_after"], re.IGNORECASE),
        changed_from=lexicons.factored(
            rf"\b(?:{lex['changed_from']})\w*\b[^.;:]{{0,40}}?\bfrom\s+(?:(?:about|around|roughly|approximately)\s+|~\s*)?$", re.IGNORECASE
        ),
    )


def amount_pattern() -> re.Pattern[str]:
    """The pattern of a number, a range or a list's last number, and its unit."""
    return _grammar().numeric


def grammar_units() -> dict[str, Unit]:
    """Every unit spelling the grammar knows (lower case), with its UCUM code."""
    return _grammar().units


def without_per_day(unit: str) -> str:
    """``unit`` as written without a per-day denominator ("g/day", "gpd" -> "g")."""
    return _PER_DAY.sub("", unit)


def number(text: str) -> float:
    """A number as written: digits ("1.5", European "1,5", "1,000", ".75"), fractions ("1/2",
    "1 1/2", "1½"), words ("three", "half a", "four-"), and "... and a half". A fraction over zero
    reads as 0, which no amount is."""
    words = _grammar().number_words
    key = " ".join(text.lower().split())
    half = re.search(r"\s+and\s+(?:(?:a\s+)?half|½)$", key)
    if half:
        return number(key[: half.start()]) + 0.5
    if key in words:
        return words[key]
    if spoken := _HUNDREDS.fullmatch(key):  # "three hundred", "two hundred and fifty"
        return number(spoken.group(1)) * 100 + (number(spoken.group(2)) if spoken.group(2) else 0.0)
    if spoken := _TENS.fullmatch(key):  # "twenty-seven"
        return number(spoken.group(1)) + _DIGIT_WORDS[spoken.group(2)]
    if spoken := _POINT.fullmatch(key):  # "point one", "one point five"
        decimals = "".join(str(_DIGIT_WORDS[d]) for d in spoken.groups()[1:] if d)
        return (number(spoken.group(1)) if spoken.group(1) else 0.0) + float(f"0.{decimals}")
    whole, _, fraction = key.partition(" ")
    if fraction:  # "1 1/2"
        return number(whole) + number(fraction)
    if "/" in key:
        numerator, denominator = key.split("/")
        return float(numerator) / float(denominator) if float(denominator) else 0.0  # "0/0" is no amount
    if key[-1] in FRACTIONS:
        return (float(key[:-1]) if key[:-1] else 0.0) + FRACTIONS[key[-1]]
    if re.fullmatch(r"\d{1,3},\d{3}", key):  # a thousands separator, not a decimal comma
        return float(key.replace(",", ""))
    return float(key.replace(",", "."))


def amounts(text: str, s: int, e: int, unit_hint: Callable[[], Unit | None] | None = None) -> list[Amount]:
    """Every amount with a unit in ``text[s:e]``, leftmost first.

    The amount grammar: a number (digits, fractions, words), a range ("1-3", "two or three",
    "between 2 and 4") or a list ("2, 4 and 8 mg": one amount each, sharing the last one's
    unit), then a unit; or one of a unit ("a gram", "a heaping tablespoon"). A number after a
    schedule label ("Day 1 – 6 g") is not the low end of a range. ``unit_hint`` gives the unit of
    the amounts just before the span, which a bare number in it may leave unsaid ("I was on
    12g a day. Then 10, then 8"); it is called only when such a number is there.
    """
    lex = _grammar()
    found: list[Amount] = []
    for m in bounded_matches(lex.numeric_forms, text, s, e):
        unit_text = m.group("unit")
        unit = lex.units[without_per_day(unit_text).lower()]
        if m.group("between"):
            items = [(m.start("b_low"), number(m.group("b_low")), number(m.group("b_high")))]
        elif m.group("value"):
            value = number(m.group("value")) + (0.5 if m.group("tail_half") else 0.0)
            items = [(m.start("value"), value, value)]
        elif lex.label_not_range.search(text, max(s, m.start("low") - 12), m.start("low")):
            items = [(m.start("high"), number(m.group("high")), number(m.group("high")))]
        elif _TENS.fullmatch(compound := text[m.start("low") : m.end("high")].lower()) or compound in lex.number_words:
            items = [(m.start("low"), number(compound), number(compound))]  # "twenty-five grams": one number, no range
        else:
            low, high = number(m.group("low")), number(m.group("high"))
            items = [(m.start("low"), low, high)]
            joiner = text[m.end("unit1") if m.group("unit1") else m.end("low") : m.start("high")].strip().lower()
            if (
                (
                    joiner in ("or", "and")
                    and (m.group("unit1") or lex.listed_before.search(text, max(s, m.start("low") - 80), m.start("low")))
                )
                or low > high
                or (joiner == "or" and _alternatives(low, high, unit))
                or (joiner in ("to", "until") and lex.changed_from.search(text, max(s, m.start("low") - 60), m.start("low")))
            ):
                # "7.5, 15, 22.5 or 30 mg", "either 20 mg or 40 mg": two amounts of a list, not a
                # range; "from 18 to 15 g", "my dose crept from 3 g to 9 g": a change from one
                # amount to another, not a range ("doses range from 2 to 4 g"); "5 or 10 mg": a choice
                items = [(m.start("low"), low, low), (m.start("high"), high, high)]
        listed = lex.listed.search(text, max(s, items[0][0] - 80), items[0][0]) or lex.listed_before.search(
            text, max(s, items[0][0] - 80), items[0][0]
        )
        if listed and _LABELLED.search(text, max(s, listed.start("items") - 12), listed.start("items")):
            listed = None  # "10.8 g in week 2, 9.7 g in week 3": a week's number, not an amount of a list
        if listed and ("," in listed.group("items") or len(items) > 1 or _adjacent_pair(listed.group("items"))):
            before = [(n.start(), number(n.group())) for n in lex.number_re.finditer(listed.group("items"))]
            items = [(listed.start("items") + at, v, v) for at, v in before] + items
        for n, (start, low, high) in enumerate(items):
            last = n == len(items) - 1
            if last:
                end = m.end("tail_half") if m.group("tail_half") and m.group("value") else m.end("unit")
            elif m.group("unit1") and start == m.start("low"):
                end = m.end("unit1")  # "20 mg or 40 mg": each amount with its own unit
            else:
                listed_number = lex.number_re.match(text, start)
                assert listed_number is not None  # found by the same pattern, at the same place
                end = listed_number.end()
            approximate = bool(m.group("measure") and lex.approximate_measure.fullmatch(m.group("measure"))) or bool(
                lex.approximate_number.match(text, start)
            )
            found.append(Amount(start, end, low, high, unit, last=last, approximate=approximate))
    taken = sorted((f[0], f[1]) for f in found)
    taken_starts = [a for a, _ in taken]
    for m in bounded_matches(lex.single, text, s, e):
        if overlaps(taken, taken_starts, m.start(1), m.end(1)):
            continue
        amount = 1.5 if m.group("half") else 1.0
        modifier = m.group("modifier")
        approximate = bool(modifier and lex.approximate_measure.fullmatch(modifier))
        high = 2.0 if m.group("or_two") else amount  # "a teaspoon or two": one to two
        single = Amount(m.start(1), m.end(1), amount, high, lex.units[m.group("unit").lower()], approximate=approximate)
        found.append(_up_to_one(text, s, found, single) or single)
    shared: set[int] = set()
    for start, end, share in dose_shares(text, s, e):
        if start not in shared and not overlaps(taken, taken_starts, start, end):
            shared.add(start)
            found.append(Amount(start, end, share, share, "%"))
    found.sort(key=lambda f: f[0])
    return _elliptic(text, s, e, found, unit_hint)


def _up_to_one(text: str, s: int, found: list[Amount], single: Amount) -> Amount | None:
    """The range an amount before ``single`` opens and ``single`` closes ("half a gram to a gram",
    "a gram to a gram and a half"), taking that amount's place in ``found``; None where ``single``
    stands alone, or the two are a change from one amount to the other ("from half a gram to a gram")."""
    before = max((a for a in found if a.end <= single.start), key=lambda a: a.end, default=None)
    if (
        before is None
        or before.unit != single.unit
        or before.high >= single.low
        or not _RANGE_TO.fullmatch(text, before.end, single.start)
        or _grammar().changed_from.search(text, max(s, before.start - 60), before.start)
    ):
        return None
    found.remove(before)
    return Amount(before.start, single.end, before.low, single.high, single.unit, approximate=before.approximate or single.approximate)


_RANGE_TO = re.compile(r"\s*(?:to|-|–|—)\s*")


def _alternatives(low: float, high: float, unit: Unit) -> bool:
    """Whether "low or high" names two amounts to choose from ("5 or 10 mg", "0.1 or 0.3 mg", the
    arms of a trial) rather than one loose range ("two or three grams", "5 or 6 g")."""
    return high > 2 * low or (unit in ("mg", "ug") and high - low > 1)


def _adjacent_pair(items: str) -> bool:
    """Whether a lone number before "and"/"or" and an amount is the list's first item ("10 and 30
    mg/kg"), not a year or a count of something else."""
    value = number(items.strip())
    return 0 < value < 1000 and not re.fullmatch(r"(?:19|20)\d\d", items.strip())


# An amount and "at" before a bare number: "1.5g at 9", "2 capsules at 10".
_TIMED_AT = re.compile(r"\d\s*(?:g|mg|grams?|tsp|capsules?|caps)\s+at\s+$", re.IGNORECASE)
# An hour of waking or of bed and "or" before another: "wake at 3 or 4", "lights out by 10 or 11", "awake to 3 or 4".
_CLOCK_PAIR = re.compile(
    r"\b(?:(?:wak(?:e|es|ing)|woke|up|bed|asleep|awake|out)\s+(?:at|around|by|until|till|til)|awake\s+to)\s+\d{1,2}\s*or\s*$", re.IGNORECASE
)


def _elliptic(text: str, s: int, e: int, found: list[Amount], unit_hint: Callable[[], Unit | None] | None = None) -> list[Amount]:
    """Add the bare numbers that stand for an amount of the sentence's unit ("9 g instead of my
    usual 12", "3 grams with breakfast and 3 more after work", "at 3g when I normally need 5"),
    or of ``unit_hint`` when the sentence names none ("I went 28 -> 25 -> 22")."""
    if not found and unit_hint is None:
        return found
    lex = _grammar()
    taken = sorted((f[0], f[1]) for f in found)
    starts = [a for a, _ in taken]
    found_by_start = sorted(found, key=lambda f: f[0])
    extra: list[Amount] = []
    hinted: list[Unit | None] = []  # the hint, asked for once
    numbers = itertools.chain(
        (m.span(1) for m in bounded_matches(lex.bare_number, text, s, e)), (m.span(1) for m in lex.another_word.finditer(text, s, e))
    )
    for start, end in numbers:
        if overlaps(taken, starts, start, start + 1) or not lex.elliptic_after.match(text, end, e):
            continue
        if not lex.elliptic_before.search(text, max(s, start - 40), start):
            continue
        value = number(text[start:end])
        if not 0 < value < 1000:
            continue
        if (
            _OTHER_COMPARED.search(text, max(s, start - 40), start)
            or _NUMBERED.search(text, max(s, start - 40), start)
            or _ON_STAGE.search(text, max(s, start - 20), start)
        ):
            continue  # "around 9pm instead of 6", "over days 6 and 7", "on night 27": a time, not an amount
        if _CLOCK_PAIR.search(text, max(s, start - 30), start) or _TIMED_AT.search(text, max(s, start - 20), start):
            continue  # "I wake at 3 or 4", "1.5g at 9": an hour, of waking or of the amount before it
        if _TIMES_LISTED.match(text, end, e):
            continue  # "at baseline and 1, 2, 4 and 6 hours after dosing": times, listed
        if _MEASURED.search(text, max(s, start - 80), start):
            continue  # "his Finnegan score peaked at 12", "a heart rate of 110 at rest, down to 90": another measure's number
        if _COUNTED.search(text, max(s, start - 50), start):
            continue  # "6 caps in the morning and 4 after lunch": more of the things counted, not of a unit
        if found_by_start:
            at = bisect.bisect_left(starts, start)
            unit = min(found_by_start[max(0, at - 1) : at + 1], key=lambda f: abs(f[0] - start)).unit
        else:
            assert unit_hint is not None  # no amount in the span: only a hinted unit gets here
            if not hinted:
                hinted.append(unit_hint())
            if hinted[0] is None:
                break
            unit = hinted[0]
        extra.append(Amount(start, end, value, value, unit))
    return sorted(found + extra, key=lambda f: f[0])


# A time or a duration, then the words that set a bare number against it.
_OTHER_COMPARED = re.compile(
    r"\d\s*(?:[ap]\.?m\.?|hrs?|hours?|mins?|minutes?|days?|weeks?|nights?|months?|years?|yrs?)(?!\w)[^\d.;]{0,20}?"
    r"\b(?:instead of|rather than|than|vs\.?|versus)\s+(?:my\s+|the\s+|your\s+)?(?:usual\s+|normal\s+|regular\s+|old\s+)?$",
    re.IGNORECASE,
)


# A measure of something other than an amount taken, whose number a bare number goes on with
# ("his Finnegan score peaked at 12", "SOWS scores were lower with lofexidine (18.4 vs 27.9"), or a
# scale named by its letters ("ISI rose from 11.2 at baseline to 15.8").
_MEASURED = re.compile(
    r"\b(?:scores?|scales?|ratings?|rates?|pressure|temperature|pulse|saturation|counts?|index|age|weight|bmi|grade"
    r"|isi|psqi|cows|sows|oows|phq(?:-\d+)?|gad(?:-\d+)?|bdi|vas|nrs|mmse|ham-[ad])\b(?:[^.;!?]|(?<=\d)\.(?=\d)){0,70}$",
    re.IGNORECASE,
)


# A count of things that are no unit, then the words that go on to a bare number of them.
_COUNTED = re.compile(
    r"\b\d+\s+(?:caps?|capsules?|tabs?|tablets?|pills?|gummies|shots?|scoops?|pieces?|leaves)\b[^\d.;]{0,30}?\b(?:and|or|then|to)\s+$",
    re.IGNORECASE,
)


# The rest of a list of numbers that ends in a time: ", 2, 4 and 6 hours".
_TIMES_LISTED = re.compile(
    r"(?:\s*,\s*\d+(?:\.\d+)?)*\s*,?\s*(?:and|or|to|-|–)\s*\d+(?:\.\d+)?\s*(?:h|hrs?|hours?|mins?|minutes?|days?|weeks?|months?|years?)\b",
    re.IGNORECASE,
)


# The days, weeks and steps a number names by its place in a series: "week 2", "day 6".
_STAGES = r"days?|weeks?|wks?|nights?|months?|visits?|steps?|phases?|stages?"
# A word that a number labels rather than counts: "week 2", "step 3", "No. 4", the second of "wks 1-2".
_LABELLED = re.compile(rf"\b(?:{_STAGES}|levels?|tiers?|no\.|#)\s*(?:\d+\s*[-–]\s*)?$", re.IGNORECASE)
# "On night 27 I slept": a day the number names, where "night 1.5" in a day's split is an amount.
_ON_STAGE = re.compile(rf"\b(?:on|by|from|until|till|since|after|before)\s+(?:the\s+)?(?:{_STAGES})\s*$", re.IGNORECASE)


# Days, weeks or steps named by number, the bare number the last of them: "tapered over days 6 and 7".
_NUMBERED = re.compile(
    rf"\b(?:{_STAGES})\s+\d+(?:\s*(?:,|and|or|to|-|–)\s*\d+)*\s*(?:,|and|or|to|-|–)\s*$",
    re.IGNORECASE,
)


def overlaps(spans: list[tuple[int, int]], starts: list[int], lo: int, hi: int) -> bool:
    """Whether any of ``spans`` (sorted, not overlapping each other; ``starts`` their starts)
    overlaps ``[lo, hi)``: a binary search, so a sentence of many amounts stays linear."""
    i = bisect.bisect_left(starts, hi)
    return i > 0 and spans[i - 1][1] > lo
