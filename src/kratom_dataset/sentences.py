"""Sentence splitting: one paragraph's span cut into sentence spans, abbreviations and initials kept whole."""

from __future__ import annotations

import re

from .document import Block, trim
from .lines import CHAT_STAMP, DATELINE_TAIL, TITLES

# A sentence ends at . ! or ? (plus closing quotes or brackets, and reference marks such as
# "[3]", "[4, 5]" or a superscript "¹²") followed by space and then something that can start
# one: a capital, a digit, or a letter of a script without case. Abbreviations and initials are
# checked separately.
# Written "[.!?][.!?]*", not "[.!?]+": a pattern that opens with a class lets sre skip along on a
# set test, and one that opens with a repeat is entered at every character.
_SENTENCE_END = re.compile(r"[.!?][.!?]*[\"'”’)\]]*(?:\[\d{1,3}(?:[,–-]\s?\d{1,3})*\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)*(?=\s)")
# "Chamomile Flower Extract ....... 100 mg": dots that lead to a value on the same line.
_DOT_LEADER = re.compile(r"\.{3,}[ \t]*(?=[\d$€£])|\.{5,}")
_LETTER = re.compile(r"[^\W\d_]")
# "← 2. Ethnobotany | 4. Toxicology →", "#4. Chamomile": an item's number ends no sentence.
_ITEM_NUMBER = re.compile(r"[|←«‹·•#][ \t]*\d{1,2}$")
# A stop followed by a word in lower case: where an informal hand would start a sentence.
_STOP_THEN_LOWER = re.compile(r"[.!?][\"'”’)\]]*\s+[a-z]")
_LOWER_I = re.compile(
    r"(?<![\w'’.-])i(?=(?:\s|['’](?:m|ve|d|ll)\b)\s*[a-z])"
    # contractions without their apostrophe and chat shorthand: the same informal hand
    r"|\b(?:dont|cant|wont|doesnt|didnt|isnt|wasnt|im|ive|btw|tbh|lol|imo|idk|ur)\b"
    # a turn of a chat log: "[11:02 PM] Visitor: hi, ..."
    rf"|^{CHAT_STAMP}"
)
# "... 11 g/day and so on. does that sound reasonable??": a word that opens a sentence of a casual
# hand even where the rest of the paragraph keeps its capitals.
_CASUAL_OPENER = re.compile(
    r"(?:it|then|does|did|anyone|anybody|thanks|thx|edit|update|anyway|btw|lol|idk|tbh|imo|honestly|i(?:['’](?:m|ve|d|ll))?)\b(?![.'’-])"
)
_SKIP_BEFORE_START = " \t\n\r\f\v\u00a0\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\"“‘'(["
_ABBREVIATIONS = frozenset(
    [
        "e.g",
        "i.e",
        "etc",
        "vs",
        *TITLES,
        "approx",
        "no",
        "fig",
        "st",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "mt",
        "ca",
        "cf",
        "al",
        # a case's name: "Doe v. Botanic Vitality Labs"
        "v",
        "u.s",
        "wt",
        # German academic titles: "Dr. rer. nat. Lukas Brunner", "Dr. med.", "Dipl.-Ing."
        "rer",
        "nat",
        "med",
        "habil",
        "dipl",
        "dipl.-ing",
        # botanical authorities: "Mitragyna speciosa (Korth.) Havil."
        "korth",
        "havil",
    ]
)


def split_sentences(text: str, paragraph: Block) -> list[Block]:
    """Split one paragraph into sentence spans; headings stay whole."""
    start, end = paragraph.start, paragraph.end
    if start >= end:
        return []
    if paragraph.is_heading:
        return [paragraph]
    pieces = []
    cursor = start
    # A paragraph that opens in lower case ("congrats!! day 15 was ...") is written without
    # capitals, so its sentences may open in lower case too.
    # So is one whose writer spells the pronoun "i" in lower case ("for pain i find 4 g ..."), drops
    # the apostrophes of contractions ("dont go past 5 g") or writes in a chat.
    first = _LETTER.search(text, start, end)
    lower = first is not None and (
        first.group().islower() or (_STOP_THEN_LOWER.search(text, start, end) is not None and _LOWER_I.search(text[start:end]) is not None)
    )
    for m in _SENTENCE_END.finditer(text, start, end):
        if (
            not _starts_sentence(text, m.end(), end, lower=lower or text[m.end() - 1] in "?!")
            or _is_abbreviation(text, cursor, m.start(), lower=lower)
            or _DOT_LEADER.match(text, m.start())
            or (text[m.start() - 1].isdigit() and _ITEM_NUMBER.search(text, max(cursor, m.start() - 12), m.start()) is not None)
            or (lower and text.count("(", cursor, m.start()) > text.count(")", cursor, m.start()))
        ):
            continue
        pieces.append((cursor, m.end()))
        cursor = m.end()
    pieces.append((cursor, end))
    out = []
    for s, e in pieces:
        s, e = trim(text, s, e)
        if s < e:
            out.append(Block(s, e, paragraph.section_index, paragraph.paragraph_index, False))
    return out


def _starts_sentence(text: str, pos: int, end: int, *, lower: bool = False) -> bool:
    while pos < end and text[pos] in _SKIP_BEFORE_START:
        pos += 1
    if pos >= end:
        return False
    ch = text[pos]
    return ch.isupper() or ch.isdigit() or (ch.isalpha() and (lower or not ch.islower() or _CASUAL_OPENER.match(text, pos) is not None))


def _is_abbreviation(text: str, start: int, dot: int, *, lower: bool = False) -> bool:
    if text[dot] != ".":
        return False
    word_start = dot
    while word_start > start and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:dot].lstrip("(\"“‘'—–")
    # An initial ("J. Smith") is a capital letter; "5 g." ends a sentence with a unit.
    if word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper()):
        return True
    if "." in word and (text[dot + 1 : dot + 3].lstrip()[:1] == "(" or text.count("(", start, dot) > text.count(")", start, dot)):
        return True  # "Whitcomb, M.D. (\"Respondent\")", "(C.D. Cal.)": an initialism before or inside brackets goes on
    if _CAPTION.fullmatch(text, start, dot):
        return True  # "Table 1. Binding at human receptors": a caption's number, not a sentence
    if word[:1].isupper() and DATELINE_TAIL.match(text, dot + 1):
        return True  # "GAINESVILLE, Fla. (Oct. 14, 2024) — A compound ...": a dateline's state goes on with it
    if word.lower() in ("a.m", "p.m") and _TIME_ZONE.match(text, dot + 1):
        return True  # "before 2 p.m. Eastern ship the same day": the hour's zone goes on with it
    if lower and (len(word) == 1 or "." in word):
        return True  # "9 p.m. and", "a. the first": in text without capitals, an initialism goes on
    # "Oct. 12", "Ep. 41", "Vol. 3", "ext. 4410": a date or a number follows, not a new sentence
    return word.lower() in _BEFORE_NUMBER and text[dot + 1 : dot + 3].lstrip()[:1].isdigit()


# A table's or a figure's number opening a caption: "Table 1", "Figure 2.3".
_CAPTION = re.compile(r"(?:Table|TABLE|Figure|FIGURE|Fig\.|Box|Chart)\s*\d+(?:\.\d+)*")
# A time zone after "a.m." or "p.m.": part of the time, not a new sentence.
_TIME_ZONE = re.compile(
    r"\s+(?:Eastern|Central|Pacific|Mountain|Atlantic|E[SD]T|C[SD]T|P[SD]T|M[SD]T|ET|CT|PT|MT|GMT|UTC|BST|CET|CEST|AEST|IST)\b"
)
_MONTHS = ("jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
_BEFORE_NUMBER = frozenset((*_MONTHS, "ep", "vol", "pp", "p", "ext", "tel", "art", "sec", "ch", "para", "ref", "exp"))
