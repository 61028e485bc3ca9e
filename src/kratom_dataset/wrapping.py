"""Soft line breaks: which line of plain text goes on with the paragraph of the line before it.

As in CommonMark a blank line ends a paragraph and a single line break inside a sentence does not;
pages copied from a browser add lines that end without a stop (headings, bylines, menus, rows of
tables, notes), which end their line all the same. What a line is rests on :mod:`.lines`.
"""

from __future__ import annotations

import itertools
import re

from .cells import COLUMNS, TABLE_ROW
from .lines import (
    AMOUNT,
    BYLINE,
    CHAT_STAMP,
    CLOCK,
    DATELINE_TAIL,
    LABEL,
    LIST_ITEM,
    MD_HEADING,
    MINOR_WORDS,
    NOTE_ARROWS,
    NOTE_MARK,
    STAMP_LINE,
    TERMINAL,
    TITLES,
    is_author_line,
    is_byline,
    is_forum_byline,
    is_forum_handle_line,
    is_heading_line,
)
from .menus import is_menu_line

#: Parts of a byline set apart: "By Jane Doe | 3 March 2024 | 4 min read".
_PIPED = re.compile(r"\s[|·•]\s")
#: A thematic break: a line of three or more dashes, stars, underscores or equals signs.
_RULE = re.compile(r"[ \t]*(?:[-*_=][ \t]*){3,}")
#: Articles no line ends on, whatever their case: a dateline's "– The" goes on with its sentence.
_ARTICLES = frozenset({"The", "An"})
_COMPARATORS = frozenset({"<", ">", "≤", "≥", "<=", ">=", "="})
#: Words that set an amount's size by eye, which a line stopping on runs on to its number.
_APPROXIMATORS = frozenset({"about", "around", "roughly", "approximately", "nearly", "almost", "~"})
#: Words no label's value or title ends on, so a line stopping on one runs on even into a label.
_BOUND_WORDS = frozenset({"the", "a", "an", "of", "and", "or", "but", "nor"})
_DASH_ITEM = re.compile(r"[ \t]*[–—][ \t]")
_LETTER_ITEM = re.compile(r"[ \t]*[A-Za-z][.)][ \t]")
#: How long a dateline's place may be ("WASHINGTON, D.C.", "GAINESVILLE, Fla.").
_PLACE_WIDTH = 40
#: A press release's dateline opening a line: "VANCOUVER, British Columbia, June 4, 2024 -- ...".
_CAPS_DATELINE = re.compile(r"[A-Z][A-Z.]{2,}(?:[ -][A-Z][A-Za-z.]*)*,[^\n]{0,40}?\b(?:19|20)\d\d\b")


def _runs_on_note(before: str, after: str) -> bool:
    """Whether a note runs on into the next line: a long one that stops mid-phrase over a line in
    lower case ("... locus coeruleus -> decreases" over "noradrenaline outflow -> less sweating"),
    one that stops on a comma over a line in lower case ("MOR = analgesia, euphoria," over "resp.
    depression, ..."), one that stops on a sentence's first word ("MOR = Gi/o-coupled GPCR. Agonist"
    over "binding → ↓ cAMP"), or one that stops on its arrow ("58 → 48 →" over "38 → race week")."""
    if _DANGLING_MARK.search(before):
        return True
    if not after[:1].islower():
        return False
    return before[-1] == "," or _opens_with_word(before) or (len(before) >= _LONG_NOTE and before[-1] not in TERMINAL)


#: A note's arrow with nothing after it on its line.
_DANGLING_MARK = re.compile(rf"\s(?:{NOTE_ARROWS})$")


#: How long a note's line is when a wrapper, not its writer, may have ended it.
_LONG_NOTE = 50


def _continues(text: str, prev: tuple[int, int], nxt: tuple[int, int], gap: str, width: int) -> bool:
    """Whether line ``nxt`` goes on with the paragraph of line ``prev`` (a soft line break).

    As in CommonMark a blank line ends a paragraph; so do a list item and a heading. A wrapped
    line runs close to the text's wrap ``width`` and no longer; a line that stops without
    closing punctuation ends its paragraph ("Day 1-3 - 10 g", a title, a byline) unless the next
    line plainly goes on with it in lower case ("Kratom is a tree\nnative to ...") and does not
    repeat its first word as a parallel list would ("week 1 - 35g/day\nweek 2 - 30g/day"), or it
    is a wrapped line and the next one goes on with a capital ("binds the\nMOR").
    """
    if gap.count("\n") + gap.count("\r") - gap.count("\r\n") > 1:
        return False
    before, after = text[prev[0] : prev[1]], text[nxt[0] : nxt[1]]
    if (
        LIST_ITEM.match(text, nxt[0])  # read on from the line, so that an outline's number sees its sentence run on
        and not (_WRAPPED_UNIT.match(after) and before[-1] not in TERMINAL + ":")
        and not (_CLOSED_UNIT.match(after) and before[-1].isdigit())
        and not ((_DASH_ITEM.match(after) or _LETTER_ITEM.match(after)) and before.split()[-1].lower() in MINOR_WORDS)
    ):
        # a list item opens a line; "h. Two" after "peaked at 1.1" is a unit ("1.1 h.") wrapped, and
        # "— insomnia is ..." after "Thanks for writing in" a spaced dash of a sentence that runs on
        return False
    if MD_HEADING.match(after) or MD_HEADING.match(before) or _RULE.fullmatch(after) or _RULE.fullmatch(before):
        return False  # a heading, or a rule ("---") between posts, is a line of its own
    if COLUMNS.search(after) or (TABLE_ROW.search(before) and TABLE_ROW.search(after)):
        return False  # "1–2     16 g     8 g AM", "1 | 15 g | 5 g x3": a row of a table is a line of its own
    if COLUMNS.search(before) and not ((after[:1].islower() and before[-1] not in ".!?;") or _cell_runs_on(before)):
        return False  # so is a row above another line, unless its last cell runs on in lower case or stops on "on"
    if NOTE_MARK.search(before) and NOTE_MARK.search(after) and not _runs_on_note(before, after):
        return False  # "MG → MOR partial agonist" over "7-OH-MG → MOR agonist": notes, a line each
    turn = _TURN.match(after)
    if turn and before.rsplit(None, 1)[-1].lower() in _BOUND_WORDS:
        return True  # "... And the" over "3:30 wakeups are classic ...": a clock after "the" is no turn's stamp
    if turn or _HANDLE_TURN.match(after) or STAMP_LINE.fullmatch(before) or STAMP_LINE.fullmatch(after):
        return False  # "[21:05] mossy_k: ...", "jwalker88: i did ...", "0:12" over a caption: each turn or cue is a line of its own
    if after.startswith("· ") and _PIPED.search(before) and before[-1] not in TERMINAL:
        return True  # "© 2026 Shop · Portland, OR" over "· You must be 21+ ...": a footer's line of separators runs on
    if is_menu_line(before) and not (after[:1].islower() and after[-1] in ".!?" and len(after.split()) >= _SENTENCE_WORDS):
        # "Main page | Random article | Log in": a menu ends its line, whatever its last word; but
        # "© Forum 2024 · Privacy · We" over "use cookies ..." is a footer's sentence wrapped
        return False
    if _CONTROL.fullmatch(after):
        return False  # "Click to expand...", "Show more replies": a page's control, never a sentence's end
    item = LIST_ITEM.match(before)
    if item and before[-1] not in ".!?:" and len(gap) - len(gap.rstrip(" ")) == item.end() >= 2:
        return True  # "- Three receptors: mu, kappa and delta" over "  (DOR), all GPCRs.": a hanging indent goes on with its item
    if "(" in before and _OPEN_BRACKET.search(before) and _CLOSES_BRACKET.match(after):
        return True  # "an open-label pilot (n" over "= 14) indicate ...": a bracket left open goes on to its close
    if after[:1].islower() and _MARKED_END.search(before) and is_author_line(before):
        return False  # "Priya Natarajan a, Thomas K. Ellery b" over "a Department of Psychiatry, ...": the authors end their line
    last = before.split()[-1]
    if last in _COMPARATORS or (last.lower() in _APPROXIMATORS and after[:1].isdigit()):
        # "if ingestion was <" over "1-2 h ago ...", "cut by about" over "10% each week: ...": a comparison runs on to its number
        return True
    if (
        last in MINOR_WORDS
        or last in _ARTICLES
        or _OPENS_SENTENCE.search(before)
        or (last.lower() in MINOR_WORDS and _STOP_INSIDE.search(before))
    ) and not (LABEL.match(after) and after[0].isupper() and last not in _BOUND_WORDS):
        # "broken down mainly by\nCYP3A4", "... some of them. In\nMalaysia", "... Withdrawal. Doctors
        # Are\nDivided.", "Bangkok, 18 March 2025 – The\nThai ...": a line ending in "by" or "the",
        # in an article in capitals, or in a minor word of a sentence begun on it, runs on; a title's
        # "Stick To" does not
        return True
    if _TITLE_END.search(before) and after[:1].isupper():
        return True  # '... said Dr.\nAlan Reyes': a title before a name runs on, whatever the width
    wrapped = width and _WRAPPED * width <= len(before) <= _OVER_WIDTH * width and len(before) >= 25 and before.count(" ") >= 3
    if is_forum_byline(before) or is_forum_handle_line(before) or (_BYLINE_OPENS.match(after) and not _AUXILIARY_END.search(before)):
        # "u/name · 37 points", "posted by ...": a post's byline, never part of a sentence; but
        # "Results were" over "submitted by the sponsor ..." is a passive that runs on
        return False
    if after[0] in '“"' and _ATTRIBUTED.search(before):
        return False  # '"Steady energy." — Verified buyer, Ohio' over the next review's quote
    first = after.lstrip("([“‘\"'")[:1] or after[0]  # "(standardised to 45%)" opens in lower case
    if first.isdigit() and _opens_with_word(before):
        return True  # "... until you have 7 sts. Row" over "2 (WS): K3, ...": a sentence's first word runs on to its number
    if first.islower() or (
        first.isdigit() and not _short_label_head(after) and not (is_heading_line(before) and AMOUNT.search(after[:24]))
    ):
        return before[-1] not in ".!?" and (wrapped or not _parallel(before, after))
    if len(before) <= _PLACE_WIDTH and before[:1].isupper() and DATELINE_TAIL.match(after):
        return True  # "WASHINGTON, D.C." over "(June 18, 2024) – The Council ...": a dateline's place runs on into its date
    if before[-1] == "," and _FRONTED.match(before) and len(before.split()) >= _FRONTED_WORDS:
        return True  # "If I go past fifteen grams in a day," over "I get itchy ...": a clause set before its main clause runs on to it
    if (
        not wrapped
        or not first.isupper()
        or _short_label(before)
        or LABEL.match(after)
        or before[-1] in ":;…"
        or _PIPED.search(after)
        or _CAPS_DATELINE.match(after)
        or NOTE_MARK.search(before)
        or _parallel(before, after)
        or _parallel(_line_before(text, prev[0]), before)
        or (_tier(before) and _tier(_line_before(text, prev[0])))
        or _under_capital_title(text, prev[0])
    ):
        # but "Background: Kratom ... is widely used in Southeast\nAsia ..." is prose under its label; a
        # line of arrows ("3 tsp → 2¾ tsp → 2½ tsp") is a note or a schedule, which no wrapper runs on,
        # and neither does it run an entry of a list ("Day 7–9 – 8 g" over "Day 10 and after – 7 g") on
        return False
    if before[-1] != "," and is_author_line(after):
        return False  # a paper's title over its authors ("... crossover trial" over "Nurul Aina Ismail, Chen Wei Liang, ...")
    if before[-1] == ")" and before.count("(") == before.count(")") and LABEL.match(before):
        return False  # "Serving size: 0.05 g (a piece the size of a grain of rice)": a value closed by its bracket ends there
    if is_heading_line(before) or BYLINE.search(before) or _QUESTION_LINE.fullmatch(after) or (is_byline(after) and _PIPED.search(after)):
        return False  # a heading or a byline ends its line whatever comes next; a question or a byline ("By X | date") opens one
    if len(after) > _OVER_WIDTH * width:
        return False  # a wrapper makes no line longer than its width: this one, and the break before it, are the writer's
    if item and not (wrapped and before[-1] not in TERMINAL + ":;" and not _fragment_item(_line_before(text, prev[0]))):
        # an item ends its line, unless it was wrapped mid-sentence ("3) ... the Kratom Consumer" over
        # "Protection Act"); an item under one that stops without a stop is a fragment of a list, whole on its line
        return False
    if len(before) + 1 + len(after.split()[0]) <= width - _FIT_SLACK:
        return False  # a wrapper breaks a line only where the next word would not fit (by hand or in a proportional font, nearly)
    return before[-1] not in ".!?" and not (len(after.split()) <= 4 and is_heading_line(after, strict=False))


# An author's mark at the end of a line: "... Min-seo Park a", "... Lee Wong 3".
_MARKED_END = re.compile(r"(?<=\w) (?:[a-f]|\d{1,2})$")
# A bracket opened and not closed on its line, and the line after that closes it before any stop.
_OPEN_BRACKET = re.compile(r"\([^()]*$")
_CLOSES_BRACKET = re.compile(r"[^()\n.!?]*\)")


def _short_label_head(line: str) -> bool:
    """Whether ``line`` opens with a label ("Day 3: 9 g", "2 g: mild", "8 On Your Side: ..."), not
    with an amount that a sentence runs on from ("30 mg on two occasions: alone, and after ...")."""
    label = LABEL.match(line)
    return label is not None and (len(line[: label.start("value")].split()) <= _LABEL_HEAD_WORDS or not _AMOUNT_HEAD.match(line))


#: The most words a label opening a line may hold ("Week 2 total:") when it opens with an amount.
_LABEL_HEAD_WORDS = 3
#: An amount opening a line: "30 mg ...", "2.5 g ...".
_AMOUNT_HEAD = re.compile(r"\d[\d.,]*\s*(?:g|mg|mcg|µg|grams?|milligrams?|tsp|teaspoons?|ml)\b", re.IGNORECASE)


def _tier(line: str) -> bool:
    """Whether ``line`` is an entry of a list of dose tiers, a label before an amount ("Medium:
    3–6 g – more relaxed"): under another, it ends its line however near the wrap width it runs."""
    label = LABEL.match(line)
    return label is not None and _TIER_AMOUNT.match(line, label.start("value")) is not None


#: An amount or a range of amounts opening a tier's value: "6 g+", "3–6 g", "1-3 grams".
_TIER_AMOUNT = re.compile(r"\d[\d.,]*(?:\s*[–-]\s*\d[\d.,]*)?\s*(?:g|mg|grams?|milligrams?|tsp|teaspoons?|capsules?|caps)\b", re.IGNORECASE)


def _short_label(line: str) -> bool:
    """Whether ``line`` is a "Label: value" line whose value is a few words ("Severity: Moderate to
    major"), which ends its line, rather than prose under its label, which a wrapper may break."""
    label = LABEL.match(line)
    return label is not None and len(label.group("value").split()) <= _LABEL_VALUE_WORDS


_LABEL_VALUE_WORDS = 7


# A turn of a chat log or a transcript, opened by its time: "[21:05] ", "21:05 ", "[00:03:12] ".
_TURN = re.compile(rf"{CHAT_STAMP}\s|\({CLOCK}\)\s|{CLOCK}\s(?![ap]\.?m\b)", re.IGNORECASE)


# A comment opened by its writer's handle, which a digit or an underscore marks as no word: "jwalker88: ", "tess_r: ".
_HANDLE_TURN = re.compile(r"[A-Za-z][\w.-]*(?:\d|_)[\w.-]*:[ \t]")


# A line that ends on the first word of a sentence, a minor word: "... some of them. In".
_OPENS_SENTENCE = re.compile(r"(?:[.!?][\"'”’)\]]*|\s[—–]|\s--)\s+(?:In|The|A|An|By|For|From|On|At|Of|To|With|As|And|But|Or)$")


# A title that stands before a name, at the end of a line: "said Dr.", "Sponsor: Rep.".
_TITLE_END = re.compile(r"(?<![\w.])(?:" + "|".join(title.capitalize() for title in TITLES) + r")\.$")


# A line that is one of a page's controls: "Click to expand...", "Read more", "Show 3 more replies".
_CONTROL = re.compile(
    r"(?:(?:click|tap)(?: here)? to (?:expand|collapse|read more|see more|show more)"
    r"|(?:read|show|see|load|view)(?: \d+)? (?:more|less|all)(?: replies| comments| answers)?)\s*(?:\.{0,3}|…)\s*",
    re.IGNORECASE,
)


# A sentence's stop inside a line, before more words: "Withdrawal. Doctors Are".
_STOP_INSIDE = re.compile(r"[.!?][\"'”’)\]]*\s+\S")


# A letter and a stop that may be a unit wrapped onto the next line ("1.1\nh.", "of 3\ng."), not
# a lettered list item, when the line before stops mid-sentence.
_WRAPPED_UNIT = re.compile(r"[a-z]\.[ \t]")
# "g) 1 hour before bed" after "(more or less 2": a unit and its bracket's close, wrapped after the number.
_CLOSED_UNIT = re.compile(r"[a-z]\)[ \t]")


# A line that is a question of its own, as an FAQ writes one: "Is kratom a stimulant or a sedative?"
_QUESTION_LINE = re.compile(r"(?:Is|Are|Can|Could|Does|Do|Did|How|What|Why|When|Which|Who|Should|Will|Would|Where)\b.*\?\s*")


def _under_capital_title(text: str, start: int) -> bool:
    """Whether the line at ``start`` is the page's second, under a title in capitals ("KRATOM: SAFER
    USE" over "A leaflet from the Riverside Drug Checking Project"): a tagline, which the wrap width
    alone never runs on into the body."""
    first_break = text.find("\n")
    if not 0 <= first_break < start or text.find("\n", first_break + 1, start) >= 0:
        return False  # looked for from the page's first break, so a page of many lines is not read again for each
    title = _line_before(text, start)
    return any(c.isalpha() for c in title) and title == title.upper()


def _cell_runs_on(row: str) -> bool:
    """Whether a row's last cell is a sentence stopped on a word such as "on" ("Melatonin\tLow\tMelatonin acts on")."""
    cell = _CELL_BREAK.split(row)[-1]
    words = cell.split()
    return len(words) >= _SENTENCE_WORDS and words[-1] in MINOR_WORDS and not _PIPED.search(cell)  # "... | News | Sign in": a menu


_CELL_BREAK = re.compile(r"\t| {2,}")
#: How many words a line needs to read as (the end of) a sentence rather than a label or a control.
_SENTENCE_WORDS = 3


def _fragment_item(line: str) -> bool:
    """Whether ``line`` is a list item that stops without punctuation ("• Benzodiazepines and alcohol")."""
    return bool(LIST_ITEM.match(line)) and line[-1] not in TERMINAL + ":"


def _opens_with_word(line: str) -> bool:
    """Whether ``line`` stops on the first word of a sentence, after a word that ends the one before
    ("Cast on 7 sts. Row 1 (RS): ... k3. Row"), not after an item's number ("3. Ashwagandha")."""
    words = line.rsplit(None, 2)
    if len(words) < 3 or not (words[2].isalpha() and words[2][0].isupper() and words[2][1:].islower()):
        return False
    stop = words[1].rstrip("\"'”’)]")
    return stop[-1:] in (".", "!", "?") and any(c.isalpha() for c in stop)


def _line_before(text: str, start: int) -> str:
    """The line of ``text`` before the one that starts at ``start``, or "" for the first."""
    if start == 0:
        return ""
    return text[text.rfind("\n", 0, start - 1) + 1 : start - 1].strip()


def _parallel(before: str, after: str) -> bool:
    """Whether two lines are entries of one list: the same first word, and a number in each
    ("week 1 - 35g/day" then "week 2 - 30g/day"). Lines that open with a minor word ("to 2.3
    mg/kg ..., which corresponded" over "to roughly 12g/day of") are a sentence wrapped twice."""
    if not before.strip() or not after.strip():
        return False
    first = before.split()[0].lower()
    return (
        first == after.split()[0].lower()
        and not _STOP_INSIDE.search(before)  # "... more. Do not exceed 16" over "capsules (8 g) in ...": a sentence wrapped
        and not (before[0].isupper() and after[0].islower())  # "Capsules ... so 6" over "capsules is ...": a sentence wrapped
        and first not in MINOR_WORDS
        and max(len(before), len(after)) <= _ENTRY_WIDTH
        and _DIGIT_IN.search(before) is not None
        and _DIGIT_IN.search(after) is not None
    )


# A clause that opens with a subordinating word; ended by a comma, its main clause is still to come.
_FRONTED = re.compile(
    r"[ \t]*(?:If|When|Whenever|Although|Though|Because|Since|While|After|Before|Unless|Once|Until|Even if|Even though|As soon as)\b"
)
#: The fewest words such a line holds: "Until next time," over a team's name is a sign-off.
_FRONTED_WORDS = 5


#: The longest line an entry of such a list runs to; a longer one is prose that happens to open alike.
_ENTRY_WIDTH = 80


_DIGIT_IN = re.compile(r"\d")


# '... no crash." — Verified buyer, Ohio': a quote closed and attributed, which ends its line.
_ATTRIBUTED = re.compile(r"[”\"’]\s*(?:[—–]|-(?=\s))\s*\S[^”\"“]{0,60}$")


# "Results were": a line that ends in an auxiliary, whose participle opens the next line.
_AUXILIARY_END = re.compile(r"\b(?:is|are|was|were|be|been|being|has|have|had|get|gets|got)$", re.IGNORECASE)
# "posted by dana_k", "written by ...", "updated on ...": a byline in lower case under a title.
# "by CedarRidgeMare » Sat Apr 06, 2024 11:48 pm", "by Celeste Ravenwood · October 28": a byline, its writer and the date set apart.
_BYLINE_OPENS = re.compile(
    r"(?:posted|written|submitted|published|reviewed|updated|uploaded|shared)\s+(?:by|on)\b|by\s+(?:\S+\s+){1,3}?[»·•|]", re.IGNORECASE
)


#: A line at least this share of the text's wrap width may have been wrapped.
_WRAPPED = 0.5
#: A line longer than this share of the wrap width, which is read off the longest line known to
#: be wrapped and may fall a word short of the true one, was not wrapped at that width.
_OVER_WIDTH = 1.25
#: How near the longest the next two wrapped lines run when a wrapper, not chance, made them.
_SAME_WIDTH = 0.8
#: The narrowest width a wrapper is read to have used: no page is wrapped to a column of a few words.
_MIN_WIDTH = 40
#: How many characters short of the wrap width a line may stop where the next word would still have fit.
_FIT_SLACK = 3


def paragraph_lines(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Lines joined into paragraphs across soft line breaks (see :func:`_continues`)."""
    # The wrap width, read off the lines that certainly were wrapped: they stop mid-sentence and
    # the next line runs on in lower case. A wrapper makes no line longer than its width; a text
    # with none of them is not hard-wrapped.
    lengths = sorted(
        e - s
        for (s, e), (ns, _) in itertools.pairwise(lines)
        if text[e - 1] not in ".!?:;"
        and text[ns].islower()
        and text.count("\n", e, ns) + text.count("\r", e, ns) - text.count("\r\n", e, ns) == 1
    )
    # a wrap width is read off a few lines of about its length, not one, nor lines that stop anywhere
    width = lengths[-1] if len(lengths) >= 3 and lengths[-1] >= _MIN_WIDTH and lengths[-3] >= _SAME_WIDTH * lengths[-1] else 0
    if width and sum(e - s > _OVER_WIDTH * width for s, e in lines) > len(lengths):
        width = 0  # more lines run past that width than stop at it: the writer's lines, a few of them broken
    out: list[tuple[int, int]] = []
    previous = None  # the paragraph's last line so far: the line before, never searched for again
    for span in lines:
        if out and previous is not None and _continues(text, previous, span, text[out[-1][1] : span[0]], width):
            out[-1] = (out[-1][0], span[1])
        else:
            out.append(span)
        previous = span
    return out
