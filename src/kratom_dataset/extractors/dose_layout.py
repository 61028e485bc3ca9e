"""What the page around an amount says of it: the heading over it, the cell heading its column,
the lead-in line of the list it stands in. Read by :mod:`.doses` when the amount's own clause
says nothing of its level, role, purpose or preparation."""

from __future__ import annotations

import re

from ..cells import column_head, table_cells
from ..document import Document
from ..vocabulary import DoseRole, Purpose, Unit
from ._match import Hit
from .amounts import Amount, grammar_units, number, without_per_day
from .dose_cues import lexicon as _lexicon


def column_level(text: str, start: int) -> Hit | None:
    """The level the cell heading an amount's column names, in a table whose first row heads
    its columns with levels ("Strain | Low | Medium | High" over "Red Borneo | 2–3 g | 4–5 g | 6–8 g")."""
    head = column_head(text, start)
    if head is None:
        return None
    cell = text[head[0] : head[1]].strip()
    hit = _lexicon().levels.first(cell) if cell and len(cell) <= _LEVEL_CELL else None
    return hit if hit is not None and hit.start == 0 else None


#: The longest column heading read as a level ("Low", "Medium dose", "Strong (experienced)").
_LEVEL_CELL = 30


def column_role(text: str, start: int) -> DoseRole | None:
    """The role the cell heading an amount's column names ("Usual starting dose", "Beginner",
    "Max per day"); of two, the later one qualifies the earlier ("usual starting" is a start).
    Dev's gold agrees with such a heading on 71 of 82 amounts under one."""
    head = column_head(text, start)
    cell = text[head[0] : head[1]].strip() if head else ""
    hits = _lexicon().roles.find(cell) if cell and len(cell) <= _ROLE_CELL else []
    role: DoseRole | None = hits[-1].label if hits else None
    return role


#: The longest column heading read for a role.
_ROLE_CELL = 40


def heading_role(doc: Document, start: int) -> DoseRole | None:
    """The role a short section heading gives every amount under it ("Typical doses", "Maximum")."""
    heading = doc.section_of(start).heading
    if not heading or len(heading) > 60:
        return None
    hit = _lexicon().roles.first(heading)
    role: DoseRole | None = hit.label if hit and hit.label in ("typical", "starting", "maximum") else None
    return role


def heading_purpose(doc: Document, start: int) -> Purpose | None:
    """The purpose a short section heading names ("Melatonin for Sleep", "Opioid Withdrawal:
    Medications"): the reason for every dose under it. A page's title says what the page is
    about, not why each amount on it is taken ("Kratom for Withdrawal" over a vendor's tiers)."""
    heading = doc.section_of(start).heading
    if not heading or heading == doc.title or len(heading) > 80:
        return None
    hit = _lexicon().purposes.first(heading)
    purpose: Purpose | None = hit.label if hit else None
    return purpose


def list_header_preparation(doc: Document, index: int) -> re.Match[str] | None:
    """The preparation named by the lead-in of a list ("Kratom dose tiers (leaf powder):")."""
    lex = _lexicon()
    sentence = doc.sentences[index]
    for j in range(index - 1, max(-1, index - 8), -1):
        prior = doc.sentences[j]
        if prior.section_index != sentence.section_index:
            return None
        line = doc.flat[prior.start : prior.end]
        if line.rstrip().endswith(":"):
            words = re.search(
                rf"(?<!\w)(?P<prep>{'|'.join(re.escape(p) for p in sorted(lex.preparations, key=len, reverse=True))})\b",
                line,
                re.IGNORECASE,
            )
            return words
        if len(line) > 80:
            return None
    return None


def column_amounts(text: str, s: int, e: int, found: list[Amount]) -> list[Amount]:
    """The bare numbers of a table row whose column heading states their unit: "1–2" under
    "Low (g)", "3" under "Dose, mg". Amounts whose cells state a unit are in ``found``."""
    out: list[Amount] = []
    line = text.rfind("\n", 0, s) + 1
    for a, b in table_cells(text, line):
        if not s <= a < e or any(a <= f.start < b for f in found):
            continue
        cell = _BARE_CELL.fullmatch(text, a, b)
        head = column_head(text, a) if cell else None
        unit = _head_unit(text[head[0] : head[1]]) if cell and head else None
        if cell is None or unit is None:
            continue
        low = number(cell.group("low"))
        high = number(cell.group("high")) if cell.group("high") else low
        if 0 < low <= high:
            out.append(Amount(cell.start("low"), cell.end("high") if cell.group("high") else cell.end("low"), low, high, unit))
    return sorted(found + out, key=lambda f: f.start) if out else found


def _head_unit(head: str) -> Unit | None:
    """The mass or measure unit a column heading states: "Low (g)", "Dose, mg", "Amount in grams", "Grams/day"."""
    m = _HEAD_UNIT.search(head.strip())
    written = (m.group("unit") or m.group("unit2") or m.group("unit3") or m.group("unit4")).strip().lower() if m else ""
    unit = grammar_units().get(without_per_day(written).strip())  # "Planned (g/day)"
    return unit if unit and unit != "%" else None


_NUMBER_CELL = r"(?:\d+(?:[.,]\d+)?|\.\d+)"
# A cell holding only a number or a range: "1–2", " 4 ", "2.5-3".
_BARE_CELL = re.compile(
    rf"\s*(?:~\s*|(?:about|approx\.?|around)\s+)?(?P<low>{_NUMBER_CELL})(?:\s*(?:-|–|—|to)\s*(?P<high>{_NUMBER_CELL}))?\+?\s*"
)
_HEAD_UNIT = re.compile(
    r"\((?P<unit>[^()\d]{1,12})\)\s*$|,\s*(?P<unit2>[^,\d]{1,12})$|\bin\s+(?P<unit3>[a-z]{1,12})\s*$"
    r"|^(?P<unit4>grams?(?:\s*/\s*day)?|mg(?:\s*/\s*day)?|milligrams?)$",  # "Grams/day": the heading is the unit
    re.IGNORECASE,
)
