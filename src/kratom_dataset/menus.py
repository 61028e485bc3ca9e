"""Lines of a page's navigation, never a claim: a site's menus, link rows and footers, a post's
share bar and a recording's chapter list. Each is told by its layout (items set apart by dots,
pipes or wide gaps; a time stamp before a short title), not by its words."""

from __future__ import annotations

import re

from .lines import AMOUNT, CHAT_STAMP, CLOCK

# "Print   Download XML   Report an error", "About this site · Accessibility · Privacy": a menu's items.
_MENU_BREAK = re.compile(r"[ \t]+[·•|][ \t]+|[ \t]{3,}")
_MENU_ITEM = re.compile(r"https?://\S+|[^\s@]+@[^\s@]+|[^\s.!?;:,|]+(?:[ \t][^\s.!?;:,|]+){0,3}")
# Items set apart by dots may be the titles of linked pages ("Red vs green for sleep?"), after a label.
_LINKED_ITEM = re.compile(r"[^\s.!;:,|]+(?:[ \t][^\s.!;:,|]+){0,6}\??")
_MENU_LABEL = re.compile(r"[^:.!?\n|]{1,40}:[ \t]+")
# Links set apart by pipes alone ("Main page | Random article | Recent changes | Log in"): four
# items or more, each in capitals, as a row of a table seldom is.
_PIPED_ITEMS = 4


# The links a site's footer or a post's share bar holds, maybe after an icon ("↗ Share").
_SITE_LINK = re.compile(
    r"[^\w\s]*\s*(?:privacy(?: policy| notice)?|accessibility|cookies?(?: settings| preferences| policy)?|"
    r"terms(?: of use| (?:and|&) conditions)?|contact(?: us)?|about(?: us)?|sitemap|careers|imprint|share|save|reply|report|like)",
    re.IGNORECASE,
)


def is_footer_row(sentence: str) -> bool:
    """Whether a unit is a site's footer or a post's share bar: one line of three or more items
    set apart by dots, pipes or wide gaps, two of them the links such rows hold ("Registered
    charity no. 2001 · Privacy · Accessibility", "💬 38 comments   ↗ Share   ☆ Save"), whatever
    the others say."""
    if not ("·" in sentence or "•" in sentence or "|" in sentence or "   " in sentence) or "\n" in sentence.strip():
        return False
    items = _MENU_BREAK.split(sentence.strip())
    return len(items) >= 3 and sum(1 for i in items if _SITE_LINK.fullmatch(i.rstrip("."))) >= 2


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
    ("(12:35) The pharmacology in plain words.", "[04:10] Why the sleep benefit fades", "04:12 — How
    Priya first heard about kratom")."""
    return _CHAPTER.fullmatch(line) is not None


_CHAPTER = re.compile(
    # no amount in it: "8:00 am 3 g with tea" is a schedule's line
    r"(?![^\n]*\d\s?(?:g|mg|grams?|tsp|teaspoons?)\b)"
    rf"(?:\s*(?:\({CLOCK}\)|{CHAT_STAMP}|{CLOCK})[ \t]+(?![—–-]?[ \t]*\d)[^\s:]+(?:[ \t]+[^\s:]+){{0,7}}[.?]?\s*"
    # "04:12 — How Priya first heard about kratom from her patients": a dash after the time, a longer title, no stop
    # and not an amount ("08:00 – 3 g with breakfast" is a schedule's line); a word of it may end in a colon
    rf"|\s*(?:{CHAT_STAMP}|{CLOCK})[ \t]*[—–-][ \t]*(?!\d)[^\s:]+:?(?:[ \t]+[^\s:]+:?){{0,15}})"
)
