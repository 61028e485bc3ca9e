"""Units that where they stand on the page, not what they say, keeps from being claims: a title
over its byline, an item of a course's objectives, a field of a form, a line that links, a
script's direction, a label heading the paragraph under it."""

from __future__ import annotations

import re

from ..document import Document
from ..lines import is_author_line, is_byline


def placed_apart(doc: Document, index: int, unit: str) -> bool:
    """Whether unit ``index`` (its text ``unit``) is no claim for where it stands on the page."""
    s = doc.sentences[index]
    return (
        _objective(doc, index, unit)
        or ("____" in unit and _BLANK.search(doc.text, s.start, s.end) is not None)
        or _LINK_LINE.match(doc.flat, doc.flat.rfind("\n", 0, s.start) + 1) is not None
        or _directs(doc.flat, s.start)
        or (": " in unit and _heads_paragraph(doc.flat, s.start, s.end))
    )


# A line that links or cites, whatever sentences follow its label ("Related: Kratom was sold as a
# gentle herb. Then came the shots.", "Suggested citation: Office X. Kratom Use, 2024. Report 4.").
_LINK_LINE = re.compile(
    r"[ \t]*(?:related(?: (?:articles?|stories|posts?|reading))?|read (?:more|next|also)|see also|more from [^:\n]{1,30}|more (?:health|news|stories|reading)|"
    r"suggested citation|how to cite|cite (?:this|as)|next (?:entry|post|episode|issue|installment|instalment|stop))\s*:",
    re.IGNORECASE,
)
# A form's field to fill in, a blank beside words on its line ("Current daily amount: ____ g",
# "Patient signature ____"); a rule of underscores alone on its line is no field.
_BLANK = re.compile(r"[^\s_][^\n_]*_{4,}|_{4,}[^\n_]*[^\s_]")
# "Describe ...", "2. Identify ...": what a course's objectives list, and what opens their list.
_OBJECTIVE = re.compile(
    r"\W*(?:\d+[.)]\s*)?(?:describe|explain|identify|name|list|compare|contrast|plan|recogni[sz]e|discuss|outline|define|summari[sz]e|"
    r"apply|evaluate|differentiate|distinguish|state|recall|calculate|interpret|score|choose|select|match|counsel|assess|"
    r"demonstrate|understand|analy[sz]e|classify|determine|predict|monitor|manage)\b",
    re.IGNORECASE,
)
_OBJECTIVES = re.compile(r"\b(?:objectives|learning outcomes|(?:will|should) be able to)\b", re.IGNORECASE)


def _objective(doc: Document, index: int, unit: str) -> bool:
    """Whether a unit is an item of a course's learning objectives ("Learning objectives" over
    "Identify common signs of kratom withdrawal."): what a reader will learn, not what is so."""
    if not _OBJECTIVE.match(unit):
        return False
    for j in range(index - 1, max(-1, index - 12), -1):
        line = doc.flat[doc.sentences[j].start : doc.sentences[j].end]
        if not _OBJECTIVE.match(line):
            return _OBJECTIVES.search(line) is not None
    return False


def over_byline(doc: Document, index: int, unit: str) -> bool:
    """Whether a line with no closing punctuation stands over the page's byline, one or two lines
    below it ("Reducing kratom use: a planned taper" over "Reviewed 14 February 2024") or over
    its author line: the page's title, whatever its case."""
    if "\n" in unit or unit.rstrip()[-1:] in '.!?;:)"”' or len(unit.split()) > 16:
        return False
    for j in range(index + 1, min(index + 3, len(doc.sentences))):
        line = doc.flat[doc.sentences[j].start : doc.sentences[j].end]
        if is_byline(line) or is_author_line(line):
            return True
        if "\n" in line or line.rstrip()[-1:] in ".!?":
            return False
    return False


# "Melatonin: timing matters more than dose": a label and a phrase with no figure and no stop.
_TITLED_LABEL = re.compile(r"[A-Z][\w'’ &/-]{1,30}: [^.!?;\d\s]+(?: [^.!?;\d\s]+)+")
#: The fewest characters of the line under such a label that make it a paragraph, not another label line.
_PARAGRAPH_LINE = 80


def _heads_paragraph(text: str, start: int, end: int) -> bool:
    """Whether a unit is a line of its own of :data:`_TITLED_LABEL` over a paragraph of sentences
    ("Kratom: the wild card" over what the section says): a section's heading, not a "Label: value" line."""
    opening = text.rfind("\n", 0, start) + 1
    closing = text.find("\n", end)
    closing = len(text) if closing < 0 else closing
    if text[opening:start].strip() or text[end:closing].strip() or not _TITLED_LABEL.fullmatch(text, start, end):
        return False
    if opening and text[text.rfind("\n", 0, opening - 1) + 1 : opening].strip():
        return False  # "Drug: kratom" over "Severity: Minor": a line of a block of labels
    below = next((line for line in text[closing:].split("\n", 3)[1:] if line.strip()), "")
    return len(below) >= _PARAGRAPH_LINE and re.search(r"[.!?](?:\s|$)", below) is not None


# "[SOUND: rain stops. Soft heartbeat.]", "[MUSIC UNDER]": a script's direction, however many sentences it holds.
_DIRECTION = re.compile(
    r"\[[ \t]*(?:SOUND|SFX|MUSIC|AMBIEN(?:CE|T)|B-ROLL|CUT TO|FADE|APPLAUSE|LAUGHTER|PAUSE|(?:AD )?BREAK|INAUDIBLE|CROSSTALK|VIDEO|GRAPHIC|ON SCREEN)\b[A-Z /-]{0,12}[:\]]"
)


def _directs(text: str, start: int) -> bool:
    """Whether the unit at ``start`` lies in a script's direction: after its opening bracket, before its close."""
    opening = text.rfind("[", max(0, start - 300), start + 1)
    return opening >= 0 and "]" not in text[opening:start] and _DIRECTION.match(text, opening) is not None
