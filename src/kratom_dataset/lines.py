"""How lines of plain text are read: which one is a heading, and which soft line break goes on
with the paragraph before it. The parser's layouts all rest on these two judgements, which
carry most of its heuristics.
"""

from __future__ import annotations

import itertools
import re

from .lexicon import factored

MD_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")
OPEN_QUOTES = '“"‘'

# A list item: a bullet, or a number or letter with a dot or bracket ("1.", "2)", "a.").
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*•▪◦–—][ \t]+|\d{1,2}[.)][ \t]+|[a-zA-Z][.)][ \t]+(?=[A-Z0-9]))")
# "Week 2: 9 g/day", "Serving size: 1 tsp": a label, a colon and a value on one line.
_LABEL = re.compile(r"^[^:.!?]{1,40}:[ \t]+(?P<value>\S.*)$")
_TERMINAL = ".!?;,…"
MINOR_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "nor",
        "of",
        "on",
        "or",
        "per",
        "the",
        "to",
        "vs",
        "via",
        "with",
        "without",
        "your",
        "you",
        "is",
        "are",
    ]
)


def is_heading_line(line: str, *, strict: bool = True, words_limit: int = 15, title: bool = False) -> bool:
    """Whether a line of plain text reads as a heading, a title or page furniture, not a sentence.

    A heading has no closing punctuation and starts with a capital or a digit. ``strict`` asks
    more, as for a line that might be a wrapped piece of a sentence: Title Case or a closing
    colon. Otherwise any such line of up to ``words_limit`` words that stands as
    its own paragraph is one (a byline, a dateline, a tagline under a title); none ends in a word
    such as "in" or "the", as a piece of a wrapped sentence does. A "Label: value"
    line ("Week 2: 9 g/day") and a line stating an amount ("Day 4 - 7 g") are content, unless
    the rest is Title Case ("Kratom and Sleep: What to Know", "Red Bali Powder - 250 g"); an
    attribute ("Origin: Sumatra, Indonesia"), a value opening with a number ("Serving Size: 2
    Capsules") and a dot-leader amount are content whatever their case, and "Step 2: Make the
    first cut" is a heading. A numbered line is a heading only in Title Case ("2. Forgetting
    About Sleep"); a bulleted one never.
    The first line of a page (``title``) is its title whatever the case after a label: "Kratom
    tea for withdrawal: an open-label pilot study", "Thread: my taper log".
    """
    line = line.strip()
    if not line or len(line) > 200 or _BULLET_ITEM.match(line) or _STAMP_LINE.fullmatch(line):
        return False  # "0:12" over a caption opens no section
    numbered = _LIST_ITEM.match(line)
    if numbered:
        rest = line[numbered.end() :]
        return bool(rest) and rest[-1] not in _TERMINAL and len(rest.split()) <= 12 and _title_case(rest)
    if line.endswith(":"):  # "A person starting at 12g/day might follow this schedule:" states an amount
        return len(line.split()) <= 10 and not (len(line.split()) >= 6 and AMOUNT.search(line))
    core = line.rstrip(_CLOSERS)
    if not core or core[-1] in _TERMINAL or not (line[0].isupper() or line[0].isdigit() or line[0] in OPEN_QUOTES):
        return False
    if _NOTE_MARK.search(line) or _CLAUSES.search(line):
        return False  # "MG = partial agonist at MOR", "MG inhibits CYP2D6; weak effect on CYP1A2": notes, which no heading is
    label = _LABEL.match(line)
    if label and _STEP_LABEL.match(line) and not AMOUNT.search(line) and not label.group("value").lstrip()[:1].isdigit():
        return True  # "Step 2: Make the first cut": a listicle's numbered heading
    if label and not title and (not _title_case(label.group("value")) or label.group("value").lstrip()[:1].isdigit()):
        return False  # "Week 2: 9 g/day", "Serving Size: 2 Capsules": a value, not a heading
    if label and not title and _spec(line[: label.start("value")], label.group("value")):
        return False  # "Origin: West Kalimantan, Indonesia", "Severity: Major": a product's or a drug's attribute
    if _DOT_LEADER_AMOUNT.search(line):
        return False  # "Kratom Leaf Powder .... 850 mg": a line of a facts panel
    words = line.split()
    if words[-1] in MINOR_WORDS:
        return False  # "Red vein strains are higher in": a piece of a wrapped sentence ("... Stick To" ends a title)
    if AMOUNT.search(line):  # "Day 4 – 7 g" states an amount; "Red Bali Kratom Powder – 250 g" names a product
        unbracketed = _BRACKETED.sub("", line).strip()
        if unbracketed and len(unbracketed.split()) <= 6 and not AMOUNT.search(unbracketed) and unbracketed[-1] not in _TERMINAL:
            # "A sample schedule (starting at 16 g/day)": the amount only qualifies the heading
            return is_heading_line(unbracketed, strict=strict, words_limit=words_limit, title=title)
        rest = AMOUNT.sub(" ", line)
        if title and len(words) >= 6:
            return True  # "Kratom taper plan – how I came down from 12 g": a page's title, in any case
        return (
            len(words) <= (words_limit if title else 12)
            and _title_case(rest)
            and sum(1 for w in rest.split() if w[0].isupper() and not w.isupper()) >= 2
        )
    if strict:
        return len(words) <= 12 and _title_case(line)
    return len(words) <= words_limit


def is_bare_item(line: str) -> bool:
    """Whether a line with no closing punctuation could be an item of a list whose bullets a
    page's copy lost ("Start low and go slow"): three words or more, not Title Case, and not a
    byline, a breadcrumb or a label. Alone such a line is a tagline or a heading; only a run of
    them makes a list (see ``parse``)."""
    line = line.strip()
    return (
        len(line.split()) >= 3
        and line[-1:] not in ":" + _TERMINAL
        and not _title_case(line)
        and not _BYLINE.search(line)
        and not _LABEL.match(line)
        and not is_forum_byline(line)
    )


def is_size_list(text: str, unit: tuple[int, int], label: tuple[int, int]) -> bool:
    """Whether the span ``unit`` of ``text`` is a shop's choice of sizes under the span ``label``:
    amounts alone, one after another ("50 g 100 g 250 g 1 kg"), under "Size", "Weight" or "Select
    an option". Such amounts are what a product is sold in, not doses, and the list asserts nothing."""
    return _AMOUNTS_ONLY.fullmatch(text, *unit) is not None and _SIZE_LABEL.fullmatch(text, *label) is not None


_AMOUNTS_ONLY = re.compile(
    r"\s*(?:\d[\d.,]*\s*(?:g|kg|mg|oz|lbs?|grams?|kilos?|ounces?|capsules?|caps|ct|count)\b[\s|/,·•]*){2,}", re.IGNORECASE
)
_SIZE_LABEL = re.compile(
    r"\W*(?:(?:select|choose|pick)\s+(?:an?\s+|your\s+)?)?(?:size|weight|pack(?:age)?(?: size)?|amount|quantity|options?|variant|count)s?\W*",
    re.IGNORECASE,
)


def is_attribute_line(line: str) -> bool:
    """Whether a line states an attribute and its value ("Serving Size: 2 Capsules", "Severity:
    Major"), which no title is, unlike "Kratom tea for withdrawal: an open-label pilot study"."""
    label = _LABEL.match(line.strip())
    if not label:
        return False
    value = label.group("value")
    return value.lstrip()[:1].isdigit() or _spec(line.strip()[: label.start("value")], value)


def _spec(label: str, value: str) -> bool:
    """Whether "label: value" states an attribute: a one-word label and a value of at most three
    words with no minor word in it, unlike a title's "Kratom: Reducing the Risks"."""
    words = value.split()
    return len(label.rstrip(": ").split()) == 1 and len(words) <= 3 and not any(w.lower().strip(",") in MINOR_WORDS for w in words)


def is_numbered_heading(line: str, following: str) -> bool:
    """Whether a numbered line is a listicle's heading rather than an item of a list: a short line
    with no closing punctuation ("1. It is not a sleeping pill") followed by a paragraph, not by
    the next item; a line of up to five words and no amount ("2. Receptor pharmacology") followed
    by anything but the next item heads an outline's section."""
    numbered = _LIST_ITEM.match(line)
    if not numbered or _BULLET_ITEM.match(line) or not following:
        return False
    # "2. Kratom alkaloids" over "- mitragynine = partial mu agonist": a numbered heading over bullets
    under_it = following.rstrip()[-1:] in ".!?" or _BULLET_ITEM.match(following) is not None
    if _LIST_ITEM.match(following) and not _BULLET_ITEM.match(following):
        return False
    rest = line[numbered.end() :].strip()
    # "2. Receptor pharmacology" over lines of notes: an outline's short numbered heading
    under_it = under_it or (len(rest.split()) <= 5 and AMOUNT.search(rest) is None)
    return bool(rest) and rest[-1] not in _TERMINAL and len(rest.split()) <= 12 and under_it


_BULLET_ITEM = re.compile(r"[ \t]*[-*•▪◦–—][ \t]+")
_CLOSERS = '"”’)]'


_BRACKETED = re.compile(r"\s*\([^()\n]*\)")
# An equals sign or an arrow between words: how notes are written ("MG = partial agonist",
# "MG → MOR partial agonist"), not headings.
_NOTE_MARK = re.compile(r"\w\s+(?:=|→|->|=>|⇒)\s+\w")
# Two clauses a semicolon joins: a note or a sentence, not a heading.
_CLAUSES = re.compile(r"[^\W\d_][)\]]?;\s+[^\W\d_]")
_STEP_LABEL = factored(r"(?:step|part|phase|stage|tip|rule|mistake|reason|myth|fact|sign)\s*#?\d{1,2}\s*:", re.IGNORECASE)
_DOT_LEADER_AMOUNT = re.compile(r"\.{3,}\s*\d")

# A number and a unit of amount, as a heading rarely holds one: "8 g", "12g/day", "10%", "1/2 tsp".
AMOUNT = factored(r"\d\s*(?:g|mg|mcg|µg|grams?|%|tsp|tbsp|teaspoons?|tablespoons?|oz|ml)(?![^\W\d_])", re.IGNORECASE)


# A word in lower case that Title Case would capitalise ("Kratom may help" has "may").
_LOWER_MAJOR = re.compile(r"(?<![\w'’-])(?!(?:" + "|".join(sorted(MINOR_WORDS, key=len, reverse=True)) + r")(?![\w'’-]))[a-z]")


def is_headline(line: str) -> bool:
    """Whether a line is written as a headline: four or more words in Title Case and no comma,
    perhaps closed by a full stop ("More Americans Are Using Kratom to Quit Opioids."). A
    sentence is seldom written so; a place or a list of names brings commas ("Origin: West
    Kalimantan, Indonesia"), and an attribute line a short value ("Serving Size: 2 Capsules")."""
    if "," in line or _LOWER_MAJOR.search(line):
        return False  # most sentences have a lower-case word of weight early on: the cheap test first
    line = line.strip().removesuffix(".")
    _, colon, value = line.partition(":")
    if colon and len(value.split()) <= 3:
        return False  # "Servings Per Container: 30": an attribute and its value
    return "," not in line and len(re.findall(r"[^\W\d_]{2,}", line)) >= 4 and _title_case(line)


def is_note_run(previous: str, line: str, following: str | None) -> bool:
    """Whether ``line``, one line break under ``previous``, goes on a run of notes or items rather
    than heading what follows: both stop without closing punctuation, ``previous`` is no heading
    of its own kind (a note, an item, a "Label: value" line), ``line`` is not in Title Case, and
    what follows it in its block (``following``, None at the block's end) is no paragraph of
    sentences ("7-OH-MG: tenfold higher MOR affinity" over "CYP2D6 inhibition at high
    concentrations"; "Sleep tips during the taper" over a paragraph heads it)."""
    previous, line = previous.strip(), line.strip()
    return (
        (following is None or following.rstrip()[-1:] not in ".!?")
        and bool(previous)
        and bool(line)
        and previous[-1] not in _TERMINAL + ":"
        and (is_bare_item(previous) or _LABEL.match(previous) is not None)
        and not _title_case(line)
        and len(line.split()) >= 3
    )


def _title_case(phrase: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", phrase)]
    if not words or not words[0][0].isupper():
        return False
    major = [w for w in words if w.lower() not in MINOR_WORDS]
    return bool(major) and all(w[0].isupper() for w in major)


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
    if _LIST_ITEM.match(after) and not (_WRAPPED_UNIT.match(after) and before[-1] not in _TERMINAL + ":"):
        return False  # a list item opens a line; "h. Two" after "peaked at 1.1" is a unit ("1.1 h.") wrapped
    if MD_HEADING.match(after) or MD_HEADING.match(before):
        return False
    if _COLUMNS.search(before) or _COLUMNS.search(after) or (TABLE_ROW.search(before) and TABLE_ROW.search(after)):
        return False  # "1–2     16 g     8 g AM", "1 | 15 g | 5 g x3": a row of a table is a line of its own
    if _NOTE_MARK.search(before) and _NOTE_MARK.search(after):
        return False  # "MG → MOR partial agonist" over "7-OH-MG → MOR agonist": notes, a line each
    if _TURN.match(after) or _HANDLE_TURN.match(after) or _STAMP_LINE.fullmatch(before) or _STAMP_LINE.fullmatch(after):
        return False  # "[21:05] mossy_k: ...", "jwalker88: i did ...", "0:12" over a caption: each turn or cue is a line of its own
    if is_menu_line(before):
        return False  # "Main page | Random article | Log in": a menu ends its line, whatever its last word
    last = before.split()[-1]
    if (last in MINOR_WORDS or _OPENS_SENTENCE.search(before) or (last.lower() in MINOR_WORDS and _STOP_INSIDE.search(before))) and not (
        _LABEL.match(after) and after[0].isupper()
    ):
        # "broken down mainly by\nCYP3A4", "... some of them. In\nMalaysia", "... Withdrawal. Doctors
        # Are\nDivided.": a line ending in "by" or "the", or in a minor word of a sentence begun on
        # it, runs on; a title's "Stick To" does not
        return True
    wrapped = width and _WRAPPED * width <= len(before) <= width and len(before) >= 25 and before.count(" ") >= 3
    if is_forum_byline(before) or _BYLINE_OPENS.match(after):
        return False  # "u/name · 37 points", "posted by ...": a post's byline, never part of a sentence
    if after[0] in '“"' and _ATTRIBUTED.search(before):
        return False  # '"Steady energy." — Verified buyer, Ohio' over the next review's quote
    first = after.lstrip("([“‘\"'")[:1] or after[0]  # "(standardised to 45%)" opens in lower case
    if first.islower() or (first.isdigit() and not _LABEL.match(after) and not (is_heading_line(before) and AMOUNT.search(after[:24]))):
        return before[-1] not in ".!?" and (wrapped or not _parallel(before, after))
    if not wrapped or not first.isupper() or _LABEL.match(before) or _LABEL.match(after) or before[-1] in ":;…":
        return False
    if is_heading_line(before) or _BYLINE.search(before) or _QUESTION_LINE.fullmatch(after):
        return False  # a heading or a byline ends its line whatever comes next; a question opens one
    if _LIST_ITEM.match(before) or len(before) + 1 + len(after.split()[0]) <= width:
        return False  # a wrapper breaks a line only where the next word would not fit
    return before[-1] not in ".!?" and not (len(after.split()) <= 4 and is_heading_line(after, strict=False))


# A time of day, and the stamp a chat log puts before a turn: "21:05", "[00:03:12]", "[11:03 PM]".
CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?"
CHAT_STAMP = rf"\[{CLOCK}(?:\s*[AP]M)?\]"
# A turn of a chat log or a transcript, opened by its time: "[21:05] ", "21:05 ", "[00:03:12] ".
_TURN = re.compile(rf"{CHAT_STAMP}\s|\({CLOCK}\)\s|{CLOCK}\s(?![ap]\.?m\b)", re.IGNORECASE)

# A comment opened by its writer's handle, which a digit or an underscore marks as no word: "jwalker88: ", "tess_r: ".
_HANDLE_TURN = re.compile(r"[A-Za-z][\w.-]*(?:\d|_)[\w.-]*:[ \t]")

# A line that ends on the first word of a sentence, a minor word: "... some of them. In".
_OPENS_SENTENCE = re.compile(r"[.!?][\"'”’)\]]*\s+(?:In|The|A|An|By|For|From|On|At|Of|To|With|As|And|But|Or)$")

# A sentence's stop inside a line, before more words: "Withdrawal. Doctors Are".
_STOP_INSIDE = re.compile(r"[.!?][\"'”’)\]]*\s+\S")

# A letter and a stop that may be a unit wrapped onto the next line ("1.1\nh.", "of 3\ng."), not
# a lettered list item, when the line before stops mid-sentence.
_WRAPPED_UNIT = re.compile(r"[a-z]\.[ \t]")

# A line that is a question of its own, as an FAQ writes one: "Is kratom a stimulant or a sedative?"
_QUESTION_LINE = re.compile(r"(?:Is|Are|Can|Could|Does|Do|Did|How|What|Why|When|Which|Who|Should|Will|Would|Where)\b.*\?\s*")

# A line that holds only a time stamp: a video's caption cue ("0:12") or a chat's stamp.
_STAMP_LINE = re.compile(rf"\s*(?:{CHAT_STAMP}|{CLOCK})\s*")

# A row of a table written with pipes: two cell borders or more.
TABLE_ROW = re.compile(r"\|[^|\n]*\|")

# Columns laid out in spaces: a gap of three or more spaces (or a tab) between two words.
_COLUMNS = re.compile(r"\S(?: {3,}|\t)\S")


def table_cells(text: str, start: int) -> list[tuple[int, int]]:
    """The spans of the cells of the table row that starts at ``start``: cells between pipes
    ("| Low | 1-2 g |"), or between tabs, as a browser copies an HTML table ("Low\t1-2 g").
    A line that is no row has none."""
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    pipes: list[int] = []
    at = text.find("|", start, end)
    while at >= 0:
        pipes.append(at)
        at = text.find("|", at + 1, end)
    if len(pipes) >= 2:
        edges = (
            ([] if not text[start : pipes[0]].strip() else [start - 1]) + pipes + ([] if not text[pipes[-1] + 1 : end].strip() else [end])
        )
        return [(a + 1, b) for a, b in itertools.pairwise(edges)]
    if pipes or text.find("\t", start, end) < 0:
        return []
    cells, at = [], start
    for gap in re.finditer(r"\t+", text[start:end]):
        cells.append((at, start + gap.start()))
        at = start + gap.end()
    cells.append((at, end))
    return cells


def column_head(text: str, offset: int) -> tuple[int, int] | None:
    """The span of the cell that heads ``offset``'s column: the same cell of the first row of the
    table ``offset`` stands in, when it stands in a row below that one."""
    start = text.rfind("\n", 0, offset) + 1
    row = table_cells(text, start)
    if len(row) < 2:
        return None
    header = start
    while header > 0:
        above = text.rfind("\n", 0, header - 1) + 1
        if len(table_cells(text, above)) < 2:
            break
        header = above
    column = next((n for n, (a, b) in enumerate(row) if a <= offset < b), None)
    heads = table_cells(text, header) if header < start else []
    return None if column is None or column >= len(heads) else heads[column]


def _parallel(before: str, after: str) -> bool:
    """Whether two lines are entries of one list: the same first word, and a number in each
    ("week 1 - 35g/day" then "week 2 - 30g/day")."""
    return (
        before.split()[0].lower() == after.split()[0].lower()
        and max(len(before), len(after)) <= _ENTRY_WIDTH
        and _DIGIT_IN.search(before) is not None
        and _DIGIT_IN.search(after) is not None
    )


#: The longest line an entry of such a list runs to; a longer one is prose that happens to open alike.
_ENTRY_WIDTH = 80


_DIGIT_IN = re.compile(r"\d")

# A byline, a dateline or a breadcrumb, which a capitalised line never continues: "By Jane Doe |
# 3 March 2024", "Home > Extracts > Resin".
_BYLINE_WORD = r"(?:by|posted|updated|published|reviewed|medically reviewed|written|last (?:updated|edited))"
_BYLINE = re.compile(rf"^{_BYLINE_WORD}\b|\s[|·•»›>/]\s", re.IGNORECASE)

# '... no crash." — Verified buyer, Ohio': a quote closed and attributed, which ends its line.
_ATTRIBUTED = re.compile(r"[”\"’]\s*[—–]\s*\S[^”\"“]{0,60}$")

# "By Jane Doe | 3 March 2024", "Reviewed 14 February 2024": a line that opens as a byline or a dateline.
_BYLINE_START = re.compile(rf"(?:{_BYLINE_WORD}|last reviewed)\s+(?:by\s+|on\s+)?\S", re.IGNORECASE)


def is_byline(line: str) -> bool:
    """Whether a line opens as a byline or a dateline ("By Jane Doe | ...", "Reviewed 14 February 2024")."""
    return _BYLINE_START.match(line) is not None


# One author of a paper's author line: two to four capitalised names ("Jane Q Smith", "Rafael T.
# Moreira", "Ana Paula Lemos"), maybe marked with an affiliation ("1", "a", "*", "²").
_AUTHOR = r"(?-i:[A-Z][\w’'-]*\.?)(?:\s(?-i:[A-Z][\w’'-]*\.?|de|van|von|da|dos|del|der|le|la)){1,3}(?:\s?[\d¹²³⁴⁵⁶⁷⁸⁹*†‡,]{1,5}|\s(?-i:[a-f])(?:,(?-i:[a-f]))*)?"
_AUTHOR_LINE = re.compile(rf"{_AUTHOR}(?:\s*(?:,|;|&|\band\b)\s*{_AUTHOR}){{1,20}}\s*")


def is_author_line(line: str) -> bool:
    """Whether a line lists a paper's authors ("Jane Q Smith 1, Ravi Kumar 2, Lee Wong 3"): under a
    title, as a byline is."""
    return len(line) <= 400 and _AUTHOR_LINE.fullmatch(line.strip()) is not None


# "posted by dana_k", "written by ...", "updated on ...": a byline in lower case under a title.
_BYLINE_OPENS = re.compile(r"(?:posted|written|submitted|published|reviewed|updated)\s+(?:by|on)\b", re.IGNORECASE)

_FORUM_BYLINE = re.compile(
    r"(?:^|\s)(?:u|r)/[\w-]+\s*[·•|]|(?:^|[·•|]\s*)\d+\s+points?\s*$|^\s*[▲▼]\s*\d+\s"
    # "Reply #4 — Quokka_Dad": a numbered reply and its writer's handle
    r"|^\s*(?:reply|post|comment)\s*#\d+\s*[—–-]\s*\S+\s*$",
    re.IGNORECASE,
)


def is_forum_byline(line: str) -> bool:
    """Whether a line is the byline of a forum post ("u/name · 37 points", "▲ 8  u/name · 5h")."""
    return _FORUM_BYLINE.search(line) is not None


# "[reply] u/name · 28 points", "r/quittingkratom · Posted by u/name": a handle and what the forum adds.
# A handle is "u/name", "r/name" or a name joined by an underscore ("nightowl_leeds"), which no word is.
_FORUM_HANDLE_LINE = re.compile(
    r"^(?:\[[^\]\n]{1,20}\]\s*)?(?:[▲▼]\s*\d*\s*)*(?:[·•|]\s*)?(?:(?:u|r)/[\w-]+|@?[^\W_]+(?:_+[^\W_]+)+_*)\s*(?:[·•|]|$)"
)


# "Print   Download XML   Report an error", "About this site · Accessibility · Privacy": a menu's items.
_MENU_BREAK = re.compile(r"[ \t]+[·•|][ \t]+|[ \t]{3,}")
_MENU_ITEM = re.compile(r"https?://\S+|[^\s@]+@[^\s@]+|[^\s.!?;:,|]+(?:[ \t][^\s.!?;:,|]+){0,3}")
# Items set apart by dots may be the titles of linked pages ("Red vs green for sleep?"), after a label.
_LINKED_ITEM = re.compile(r"[^\s.!;:,|]+(?:[ \t][^\s.!;:,|]+){0,6}\??")
_MENU_LABEL = re.compile(r"[^:.!?\n|]{1,40}:[ \t]+")
# Links set apart by pipes alone ("Main page | Random article | Recent changes | Log in"): four
# items or more, each in capitals, as a row of a table seldom is.
_PIPED_ITEMS = 4


def is_menu_line(sentence: str) -> bool:
    """Whether a unit is one line of three or more short items set apart by dots or wide gaps, as
    a site's menus and link rows are, maybe after a label ("Similar threads: A · B? · C"); a row
    of amounts ("Low 1–2 g · High 6 g") is content."""
    dotted = "·" in sentence or "•" in sentence
    piped = not dotted and " | " in sentence
    if "\n" in sentence or not (dotted or piped or "   " in sentence or "\t" in sentence):
        return False  # no dot, pipe or wide gap: most units, told apart without a regex
    line = sentence.strip()
    label = _MENU_LABEL.match(line) if dotted or piped else None
    items = _MENU_BREAK.split(line[label.end() :] if label else line)
    item = _LINKED_ITEM if dotted else _MENU_ITEM
    if len(items) < 3 or not all(item.fullmatch(i) or _MENU_ITEM.fullmatch(i) for i in items) or AMOUNT.search(sentence):
        return False
    if piped:  # "In this issue: A | B | C" or four links in capitals; "Sertraline | Moderate | Nausea" is a row of a table
        return (label is not None or len(items) >= _PIPED_ITEMS) and all(i[0].isupper() for i in items)
    # Items set apart by gaps alone are a menu's when each opens in capitals, as link labels do;
    # "7-OH-MG     agonist     antagonist" is a row of a table laid out in spaces.
    return dotted or all(i[0].isupper() or i.startswith("http") for i in items)


def is_chapter_line(line: str) -> bool:
    """Whether a unit is an entry of a recording's chapter list: a time stamp and a short title
    ("(12:35) The pharmacology in plain words.", "[04:10] Why the sleep benefit fades")."""
    return _CHAPTER.fullmatch(line.strip()) is not None


_CHAPTER = re.compile(rf"(?:\({CLOCK}\)|{CHAT_STAMP}|{CLOCK})[ \t]+[^\s:]+(?:[ \t]+[^\s:]+){{0,7}}[.?]?")


def is_forum_handle_line(line: str) -> bool:
    """Whether a unit is a forum post's header line, opening with the poster's or the forum's
    handle: page furniture, never a claim."""
    return len(line) <= 120 and _FORUM_HANDLE_LINE.match(line.strip()) is not None


#: A line at least this share of the text's wrap width may have been wrapped.
_WRAPPED = 0.5


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
    width = lengths[-1] if len(lengths) >= 3 else 0  # a wrap width is read off a few lines, not one
    out: list[tuple[int, int]] = []
    previous = None  # the paragraph's last line so far: the line before, never searched for again
    for span in lines:
        if out and previous is not None and _continues(text, previous, span, text[out[-1][1] : span[0]], width):
            out[-1] = (out[-1][0], span[1])
        else:
            out.append(span)
        previous = span
    return out
