"""Tapers: whether an amount is a step of a taper, read from where it stands (under a heading, a
lead-in or a title that names a taper) and from the amounts around it (falling amounts of one
unit down a sentence or a schedule)."""

from __future__ import annotations

import re

from ..cells import table_cells
from ..document import Document
from ..models import Dose
from .dose_cues import lexicon as _lexicon

# "Week 2: 36 g/day", "Mar 20: 18 g": a line of a schedule, by its place in the series or its date.
_SCHEDULE_LINE = re.compile(
    r"\s*(?:[-*•]\s+)?(?:(?:weeks?|days?|months?|steps?|stages?)\s*\d"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?\s*[:–—-]\s)",
    re.IGNORECASE,
)
# "from 12 g/day down to 2 g/day", "16, then 14.5": words that step from one amount to the next.
_STEP_WORDS = re.compile(r"\b(?:then|down to|to|dropp\w*|cut\w*)\b|→|->", re.IGNORECASE)
# "40, 20 or 10 mg": arms of a study, not steps.
_ALTERNATIVES = re.compile(r"\bor\b", re.IGNORECASE)
# "Starting point: 20 g/day", "If you are taking 20 g a day": where a taper starts, not a step of it.
_TAPER_START = re.compile(
    r"(?:\bstart(?:s|ing|ed)? (?:point|amount)|\bstart(?:s|ed)? (?:from|at)|\bif you(?:['’]re| are) (?:taking|on|using|at)|"
    r"\bcurrently (?:taking|on|at|using)|\bbaseline(?: of| dose)?|\bpeaked at(?: like)?)\s*:?\s*(?:(?:about|around|roughly|like)\s+|~\s*)?$",
    re.IGNORECASE,
)


def starts_taper(text: str, start: int) -> bool:
    """Whether the amount at ``start`` is named as the one a taper starts from."""
    return _TAPER_START.search(text, max(0, start - 50), start) is not None


def descending_steps(doc: Document, indexed: list[tuple[int, Dose]]) -> list[Dose]:
    """The doses, with amounts that step down one after another made taper steps: three or more
    falling amounts of one unit in a sentence or down the lines of a schedule ("30, 27, 24 and 21
    g", "Week 1: 40 g/day" ... "Week 3: 32 g/day"), or two joined by a step word ("from 12 g/day
    down to 2 g/day")."""
    runs: list[list[int]] = []
    for n, (index, dose) in enumerate(indexed):
        if runs and _steps_down(doc, indexed[runs[-1][-1]], (index, dose)):
            runs[-1].append(n)
        else:
            runs.append([n])
    out = [d for _, d in indexed]
    for run in runs + _column_runs(doc, indexed):
        (i, first), (j, last) = indexed[run[0]], indexed[run[-1]]
        between = doc.flat[first.provenance.char_end : last.provenance.char_start] if i == j else ""
        # two falling amounts are steps when a step word joins them or each opens a line of a schedule
        paired = len(run) == 2 and (_STEP_WORDS.search(between) is not None or (i != j and _scheduled(doc, i) and _scheduled(doc, j)))
        if (len(run) >= 3 or paired) and not _ALTERNATIVES.search(between):
            for n in run:
                if out[n].role in (None, "typical") and not starts_taper(doc.flat, out[n].provenance.char_start):
                    out[n] = out[n].model_copy(update={"role": "taper_step", "purpose": out[n].purpose or "withdrawal"})
    return out


def _column_runs(doc: Document, indexed: list[tuple[int, Dose]]) -> list[list[int]]:
    """Runs of amounts that fall down one column of a table, row after row ("| 3–4 | 17 g |" over
    "| 5–6 | 14 g |"), as indices into ``indexed``: a schedule's rows, whatever their first cell says."""
    text = doc.flat
    last: dict[int, tuple[int, int]] = {}  # column -> (the row's end, the run's index in runs)
    runs: list[list[int]] = []
    for n, (_, dose) in enumerate(indexed):
        at = dose.provenance.char_start
        row = text.rfind("\n", 0, at) + 1
        cells = table_cells(text, row)
        column = next((c for c, (a, b) in enumerate(cells) if a <= at < b), None)
        if column is None:
            continue
        end = text.find("\n", row)
        end = len(text) if end < 0 else end
        before = last.get(column)
        if before is not None and before[0] + 1 == row and _falls(indexed[runs[before[1]][-1]][1], dose):
            runs[before[1]].append(n)
            last[column] = (end, before[1])
        else:
            runs.append([n])
            last[column] = (end, len(runs) - 1)
    return [run for run in runs if len(run) >= 3]


def _scheduled(doc: Document, index: int) -> bool:
    """Whether sentence ``index`` opens a line of a schedule ("Week 2: 36 g/day")."""
    return _SCHEDULE_LINE.match(doc.flat, doc.sentences[index].start) is not None


def _steps_down(doc: Document, before: tuple[int, Dose], after: tuple[int, Dose]) -> bool:
    (i, a), (j, b) = before, after
    if a.kind != "numeric" or b.kind != "numeric" or a.unit != b.unit:
        return False
    lines = j == i + 1 and _scheduled(doc, i) and _scheduled(doc, j)
    return (j == i or lines) and _falls(a, b)


def _falls(a: Dose, b: Dose) -> bool:
    """Whether ``b`` is a smaller amount than ``a`` of the same unit."""
    if a.kind != "numeric" or b.kind != "numeric" or a.unit != b.unit:
        return False
    high_a = a.amount_high if a.amount_high is not None else a.amount_low
    high_b = b.amount_high if b.amount_high is not None else b.amount_low
    return high_a is not None and high_b is not None and high_b < high_a


def in_taper(doc: Document, index: int, start: int) -> bool:
    """Whether the amount at ``start`` is a step of a taper its sentence lies under: under a
    heading or a lead-in line that names one, any amount; under a page title that names one,
    only an amount a schedule line or a step word gives ("Week 2: 10 g", "cut to 9 g"). The
    rest of such a page says how much people took, what a spoon holds, when to ask a doctor."""
    lex = _lexicon()
    sentence = doc.sentences[index]
    heading = doc.sections[sentence.section_index].heading
    if heading and heading != doc.title and lex.taper.search(heading):
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
    if not (doc.title and lex.taper.search(doc.title)):
        return False
    text = doc.flat
    return (
        _scheduled(doc, index)
        or _STEPPED_TO.search(text, max(sentence.start, start - 30), start) is not None
        or len(table_cells(text, text.rfind("\n", 0, start) + 1)) >= 2
    )


# "down to 9 g", "cut by 2 g", "Day 4 – 8 g", "then 6 g": an amount a step of a taper names.
_STEPPED_TO = re.compile(
    r"(?:\b(?:to|then|by|down|cut\w*|drop\w*|reduc\w*|lower\w*|shav\w*|trim\w*|wean\w*)|→|->|[–—-]|:)\s*"
    r"(?:(?:about|around|roughly|approximately|just|only|another|a further)\s+|~\s*)?$",
    re.IGNORECASE,
)
