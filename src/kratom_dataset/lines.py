"""How lines of plain text are read: which one is a heading, a byline, a menu or a note. The
parser's layouts and :mod:`.wrapping`'s soft line breaks rest on these judgements, which carry
most of its heuristics.
"""

from __future__ import annotations

import re

from .lexicon import factored

MD_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")
OPEN_QUOTES = '“"‘'

#: What a bullet may be: a dash, a star, a dot, a square, a tick, a cross ("✓ weigh it", "✗ don't mix") or a callout's bar ("┃ Call us").
BULLETS = "-*•▪◦–—✓✔✗✘☐☑☒►▸➤┃│▌"
# Signs and pictographs that open a line before its words: "⚠", "★", "🔥".
_SIGNS = re.compile("^[\u2600-\u27bf\u2b50\U0001f300-\U0001faff\ufe0f]+\\s*")
# A list item: a bullet, a number with a dot, bracket or a thread's slash ("1.", "2)", "3/"), or a letter ("a.").
# An outline's item numbers its section too ("3.2 MG is a partial agonist."): a sentence opening in a
# capital, where an amount's unit ("2.5 g") would not, and not a numbered heading ("2.3 Metabolism").
# The sentence may be wrapped: its line then stops on a word such as "at" or runs on in lower case.
OUTLINE_NUMBER = (
    r"\d{1,2}\.\d{1,2}(?=[ \t]+[A-Z][^\n]*?(?:[.!?][ \t]*\r?(?:\n|$)|\n[ \t]*[a-z]"
    r"|[ \t](?:at|on|in|of|to|by|for|with|from|the|a|an|and|or)[ \t]*\r?(?:\n|$)))"
)
LIST_ITEM = re.compile(rf"[ \t]*(?:[{BULLETS}][ \t]+|#?\d{{1,2}}[.)/][ \t]+|{OUTLINE_NUMBER}[ \t]+|[a-zA-Z][.)][ \t]+(?=[A-Z0-9]))")
# "Week 2: 9 g/day", "Serving size: 1 tsp": a label, a colon and a value on one line.
LABEL = re.compile(r"^[^:.!?]{1,40}:[ \t]+(?P<value>\S.*)$")
TERMINAL = ".!?;,…"
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
        "than",
        "with",
        "within",
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
    if not line or len(line) > 200 or _BULLET_ITEM.match(line) or STAMP_LINE.fullmatch(line) or _SCHEDULE_END.fullmatch(line):
        return False  # "0:12" over a caption opens no section; "Week 10: stop", a schedule's last step, closes one
    line = _SIGNS.sub("", line) or "."  # "⚠ OVERDOSE ALERT": a sign before a heading is no word of it
    numbered = LIST_ITEM.match(line)
    if numbered:
        rest = line[numbered.end() :]
        return bool(rest) and rest[-1] not in TERMINAL and len(rest.split()) <= 12 and _title_case(rest)
    if line.endswith(":"):  # "A person starting at 12g/day might follow this schedule:" states an amount
        return len(line.split()) <= 10 and not (len(line.split()) >= 6 and AMOUNT.search(line))
    core = line.rstrip(_CLOSERS)
    if not core or core[-1] in TERMINAL or not (line[0].isupper() or line[0].isdigit() or line[0] in OPEN_QUOTES):
        return False
    if NOTE_MARK.search(line) or _CLAUSES.search(line):
        return False  # "MG = partial agonist at MOR", "MG inhibits CYP2D6; weak effect on CYP1A2": notes, which no heading is
    label = LABEL.match(line)
    if label and not AMOUNT.search(line) and _numbered_heading_label(line, label.group("value").lstrip()):
        return True  # "Step 2: Make the first cut", "Days 2–3: The peak": a listicle's or a timeline's numbered heading
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
        if unbracketed and len(unbracketed.split()) <= 6 and not AMOUNT.search(unbracketed) and unbracketed[-1] not in TERMINAL:
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
        and line[-1:] not in ":" + TERMINAL
        and not _title_case(line)
        and not BYLINE.search(line)
        and not LABEL.match(line)
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
    label = LABEL.match(line.strip())
    if not label:
        return False
    value = label.group("value")
    return value.lstrip()[:1].isdigit() or _spec(line.strip()[: label.start("value")], value)


def _spec(label: str, value: str) -> bool:
    """Whether "label: value" states an attribute: a one-word label, or two in sentence case
    ("Interaction severity"), and a value of at most three words with no minor word in it, unlike
    a title's "Kratom: Reducing the Risks" or a pair's "Interaction results: kratom + tramadol"."""
    words, named = value.split(), label.rstrip(": ").split()
    return (
        (len(named) == 1 or (len(named) == 2 and named[1].islower()))
        and len(words) <= 3
        and not any(w.lower().strip(",") in MINOR_WORDS or w == "+" for w in words)
    )


def is_numbered_heading(line: str, following: str) -> bool:
    """Whether a numbered line is a listicle's heading rather than an item of a list: a short line
    with no closing punctuation ("1. It is not a sleeping pill") followed by a paragraph, not by
    the next item; a line of up to five words and no amount ("2. Receptor pharmacology") followed
    by anything but the next item heads an outline's section."""
    numbered = LIST_ITEM.match(line)
    if not numbered or _BULLET_ITEM.match(line) or not following:
        return False
    # "2. Kratom alkaloids" over "- mitragynine = partial mu agonist": a numbered heading over bullets
    under_it = following.rstrip()[-1:] in ".!?" or _BULLET_ITEM.match(following) is not None
    sub = _OUTLINE_ITEM.match(following)
    if sub is not None and line.lstrip().startswith(sub.group(1) + "."):
        under_it = True  # "7. Opioid agonist treatment" over "7.1 Buprenorphine may be ...": its own items
    elif LIST_ITEM.match(following) and not _BULLET_ITEM.match(following):
        return False
    rest = line[numbered.end() :].strip()
    # "2. Receptor pharmacology" over lines of notes: an outline's short numbered heading
    under_it = under_it or (len(rest.split()) <= 5 and AMOUNT.search(rest) is None)
    return bool(rest) and rest[-1] not in TERMINAL and len(rest.split()) <= 12 and under_it


_BULLET_ITEM = re.compile(rf"[ \t]*[{BULLETS}][ \t]+")
# An outline's item and the number of the section it is in: "7.1 " under "7. ".
_OUTLINE_ITEM = re.compile(r"[ \t]*(\d{1,2})\.\d{1,2}[ \t]")
# The mark a list item's unit leaves out: a bullet but a dash, which may sign a quotation ("— Tomas, Sundown Leaf").
ITEM_MARK = re.compile(rf"[ \t]*[{BULLETS.replace('–—', '')}][ \t]+")
_CLOSERS = '"”’)]'


_BRACKETED = re.compile(r"\s*\([^()\n]*\)")
# An equals sign or an arrow between words: how notes are written ("MG = partial agonist",
# "MG → MOR partial agonist"), not headings; an equals sign inside brackets gives a figure of a
# sentence ("(Ki = 13 nM)", "(n = 14)").
#: The arrows a note joins its terms with ("MG → MOR partial agonist").
NOTE_ARROWS = "→|->|=>|⇒"
NOTE_MARK = re.compile(rf"\w\s+(?:=(?![^()\n]*\))|{NOTE_ARROWS})\s+\w")
# Two clauses a semicolon joins: a note or a sentence, not a heading.
_CLAUSES = re.compile(r"[^\W\d_][)\]]?;\s+[^\W\d_]")
_STEP_LABEL = factored(
    r"(?:step|part|phase|stage|tip|rule|mistake|reason|myth|fact|sign|aim|objective|goal|lesson|module|chapter|session)\s*#?\d{1,2}\s*:",
    re.IGNORECASE,
)
# A day or a week of a timeline: "Day 1:", "Days 2–3:", "Weeks 9-12:".
_TIMELINE_LABEL = factored(r"(?:days?|nights?|weeks?|months?)\s*\d{1,2}(?:\s*[-–]\s*\d{1,2})?\s*:", re.IGNORECASE)


def _numbered_heading_label(line: str, value: str) -> bool:
    """Whether a numbered label heads what follows: a step's whatever its case ("Step 2: Make the
    first cut"), a day's or a week's only when its value opens with a capital ("Day 1: The first
    24 hours"), since "Week 10: stop" is a step of a schedule, and not when it runs on past a comma
    in sentence case."""
    if value[:1].isdigit():
        return False
    if _STEP_LABEL.match(line) is not None:
        return True
    # "Day 1: When withdrawal has clearly started, place" over "2 mg ...": a clause, which no day's heading is
    return value[:1].isupper() and ("," not in value or _title_case(value)) and _TIMELINE_LABEL.match(line) is not None


_DOT_LEADER_AMOUNT = re.compile(r"\.{3,}\s*\d")
_SCHEDULE_END = re.compile(
    r"(?i)(?:days?|weeks?|wk|nights?)\s*\d+(?:\s*[-–]\s*\d+)?\s*[-–—:|]\s*(?:stop(?:ped)?|done|zero|none|nothing|off|quit)\W*"
)

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
        and previous[-1] not in TERMINAL + ":"
        and (is_bare_item(previous) or LABEL.match(previous) is not None)
        and not _title_case(line)
        and len(line.split()) >= 3
    )


def _title_case(phrase: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", phrase)]
    if not words or not words[0][0].isupper():
        return False
    major = [w for w in words if w.lower() not in MINOR_WORDS]
    return bool(major) and all(w[0].isupper() for w in major)


#: Titles that stand before a name with a stop ("Dr. Reyes", "Rep. D. Halvorsen", "Sgt. Ruiz"),
#: which end no sentence and no line.
TITLES = ("dr", "mr", "mrs", "ms", "prof", "rep", "sen", "gov", "hon", "sgt", "capt", "lt")


# A time of day, and the stamp a chat log puts before a turn: "21:05", "[00:03:12]", "[11:03 PM]".
CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?"
# A chat's time stamp, with the date an exported chat puts before it: "[21:05]", "[03/11/2025, 21:14]".
CHAT_STAMP = rf"\[(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}},?\s*)?{CLOCK}(?:\s*[AP]M)?\]"
# What follows a dateline's place: its date or agency in brackets, then a dash ("(June 18, 2024) –",
# "(AP) —"), maybe across a line break of a wrapped text.
DATELINE_TAIL = re.compile(r"\s*\([^()]{1,25}\)\s*[—–]")


# A line that holds only a time stamp: a video's caption cue ("0:12") or a chat's stamp.
STAMP_LINE = re.compile(rf"\s*(?:{CHAT_STAMP}|{CLOCK})\s*")


# A byline, a dateline or a breadcrumb, which a capitalised line never continues: "By Jane Doe |
# 3 March 2024", "Home > Extracts > Resin".
_BYLINE_WORD = (
    r"(?:by|posted|updated|published|reviewed|medically reviewed|written|answered|edited|fact[- ]checked|last (?:updated|edited))"
)
BYLINE = re.compile(rf"^{_BYLINE_WORD}\b|\s[|·•»›>/]\s", re.IGNORECASE)


# "By Jane Doe | 3 March 2024", "Reviewed 14 February 2024": a line that opens as a byline or a dateline.
_BYLINE_START = re.compile(rf"(?:{_BYLINE_WORD}|last reviewed)\s+(?:by\s+|on\s+)?\S", re.IGNORECASE)


def is_byline(line: str) -> bool:
    """Whether a line opens as a byline or a dateline ("By Jane Doe | ...", "Reviewed 14 February 2024")."""
    return _BYLINE_START.match(line) is not None


def is_dotted_byline(line: str) -> bool:
    """Whether a line of items set apart by dots or pipes holds a byline among them, after the
    site's or the service's name ("Kinloch Pain Service · Reviewed by Dr M Lindsay · Updated 1 May
    2024"): page furniture, whatever else its items say."""
    if "\n" in line or not ("·" in line or "•" in line or " | " in line):
        return False
    items = _ITEM_BREAK.split(line.strip())
    return len(items) >= 2 and any(_BYLINE_START.match(item) for item in items)


_ITEM_BREAK = re.compile(r"[ \t]+[·•|][ \t]+")


# One author of a paper's author line: two to four capitalised names ("Jane Q Smith", "Rafael T.
# Moreira", "Ana Paula Lemos", "Nguyen T.H."), maybe marked with an affiliation ("1", "a", "*", "²").
_AUTHOR = r"(?-i:[A-Z][\w’'-]*\.?)(?:\s(?-i:[A-Z][\w’'-]*\.?(?:[A-Z]\.)*|de|van|von|da|dos|del|der|le|la)){1,3}(?:\s?[\d¹²³⁴⁵⁶⁷⁸⁹*†‡,]{1,5}|\s(?-i:[a-f])(?:,(?-i:[a-f]))*)?"
_AUTHOR_LINE = re.compile(rf"{_AUTHOR}(?:\s*(?:,|;|&|\band\b)\s*{_AUTHOR}){{1,20}}\s*")


def is_author_line(line: str) -> bool:
    """Whether a line lists a paper's authors ("Jane Q Smith 1, Ravi Kumar 2, Lee Wong 3"): under a
    title, as a byline is."""
    return len(line) <= 400 and _AUTHOR_LINE.fullmatch(line.strip()) is not None


_FORUM_BYLINE = re.compile(
    r"(?:^|\s)(?:u|r)/[\w-]+\s*[·•|]|(?:^|[·•|]\s*)\d+\s+points?\s*$|^\s*[▲▼]\s*\d+\s"
    # "Reply #4 — Quokka_Dad": a numbered reply and its writer's handle
    r"|^\s*(?:reply|post|comment)\s*#\d+\s*[—–-]\s*\S+\s*$"
    # "kelpie_ns — Today at 7:44 AM", "oakmoss — 10:03 PM": a chat message's writer and time, as a chat copies them
    # "#5  dayshift_dale — 03-09-2023 05:30": a post's number, its writer and its date and time
    # "wig_goblin » Mon Jul 15, 2024 1:31 pm": its writer and the day and time, after a board's chevron
    r"|^[^\n]{1,40}?\s[—–»-]\s(?:(?:today|yesterday) at |(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?"
    r"(?:\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}|[a-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[a-z]{3,9}\.?,?\s+\d{4}),?\s+)?"
    r"\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?\s*$",
    re.IGNORECASE,
)


def is_forum_byline(line: str) -> bool:
    """Whether a line is the byline of a forum post ("u/name · 37 points", "▲ 8  u/name · 5h").
    Every such byline holds one of :data:`_BYLINE_SIGNS`: a line without them is not scanned."""
    return _BYLINE_SIGNS.search(line) is not None and _FORUM_BYLINE.search(line) is not None


#: What every forum byline holds: a handle's slash, a clock's colon, a reply's number sign, a vote's arrow, "points".
_BYLINE_SIGNS = re.compile(r"[/:#▲▼]|point", re.IGNORECASE)


# "[reply] u/name · 28 points", "r/quittingkratom · Posted by u/name": a handle and what the forum adds.
# A handle is "u/name", "r/name" or a name joined by an underscore ("nightowl_leeds"), which no word is.
_FORUM_HANDLE_LINE = re.compile(
    # the handle may carry a place or a badge: "kiwi_nightowl (Dunedin)", "dr_sandeep_k ✔ verified pharmacist"
    r"^(?:\[[^\]\n]{1,20}\]\s*)?(?:[▲▼]\s*\d*\s*)*(?:[·•|]\s*)?(?:(?:u|r)/[\w-]+|@?[^\W_]+(?:_+[^\W_]+)+_*)"
    r"(?:\s*\([^()\n]{1,40}\))?\s*(?:[·•|✔✓]|$)"
)


# "quietlamp — Oct 4, 2023", "harmreduxhannah (Moderator) — 5 Oct 2023, 21:14": a handle one word long, dated.
_DATED_HANDLE = re.compile(
    r"@?[\w.-]{3,30}(?:\s*\([^()\n]{1,30}\))?\s+[—–-]\s+"
    r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?)"
    r"(?:,?\s+\d{4})?(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?)?",
    re.IGNORECASE,
)


def is_forum_handle_line(line: str) -> bool:
    """Whether a unit is a forum post's header line, opening with the poster's or the forum's
    handle: page furniture, never a claim."""
    return len(line) <= 120 and (_FORUM_HANDLE_LINE.match(line.strip()) is not None or _DATED_HANDLE.fullmatch(line.strip()) is not None)


def single_break(gap: str) -> bool:
    """Whether the text between two lines is one line break: a line under the one before it."""
    return gap.count("\n") + gap.count("\r") - gap.count("\r\n") == 1 and not gap.strip(" \t\n\r>")  # ">": a quoted line's mark
