"""Rows of a table that state nothing: the row that heads its columns ("Week | Daily total |
Split", "Compound | MOR | KOR | 5-HT1A") and a row of prices ("100 g | $24.99 | $0.25"). A row of
amounts or effects under them states something and is a claim."""

from __future__ import annotations

import re

from ..cells import table_cells, under_row
from ..document import Document
from ..lines import AMOUNT


def heads_columns(doc: Document, start: int, unit: str) -> bool:
    """Whether a unit is the first row of a table copied from a page with its cells set apart by
    tabs, and holds only short cells of words ("Week\tDaily total\tSplit"): it heads the columns. A
    row of words under it ("Zolpidem\tNext-day drowsiness\tModerate") states something."""
    if "\t" not in unit or "|" in unit or under_row(doc.flat, start):
        return False
    line = unit.split("\n", 1)[0]
    return _heads(" | ".join(line[a:b] for a, b in table_cells(line, 0)))


def table_furniture(sentence: str, under_row: bool) -> bool:
    """Whether a unit written with pipes is a table's header row (``under_row``: a row stands
    above it, so it is data) or a row of prices."""
    line = sentence.split("\n", 1)[0]
    if "|" not in line:
        return False
    return (not under_row and _heads(line)) or (_PRICE.search(line) is not None and _ROW.match(line) is not None)


def _heads(row: str) -> bool:
    """Whether a row written with pipes holds only short cells of words: digits stand only in a
    name or a count of the column ("5-HT1A", "Per dose (×3)"), never open a cell nor make an
    amount outside a bracket ("Mon 12 g | Tue 12 g" is a week of doses; "Price (250 g)" heads one)."""
    return _HEADER_ROW.match(row) is not None and _NUMBER_CELL.search(row) is None and AMOUNT.search(_BRACKETED.sub("", row)) is None


# A row of short cells of words, the first maybe empty ("| | Kratom | Suboxone |").
_HEADER_ROW = re.compile(
    r"\|?[ \t]*(?:(?:[^\s|.!?:]+[ \t]+){0,3}[^\s|.!?:]+[ \t]*)?(?:\|[ \t]*(?:(?:[^\s|.!?:]+[ \t]+){0,3}[^\s|.!?:]+[ \t]*)?)+\|?\s*$"
)
# A cell that is a number or opens with one ("| 12 |", "| 3 days |"), a share or a price: data.
_NUMBER_CELL = re.compile(r"(?:^|\|)\s*[~≈<>≤≥]?\s*\d[\d.,]*(?!-?[A-Za-z])|\d\s*%|[$€£]\s?\d")
_BRACKETED = re.compile(r"\([^()|]*\)")
_ROW = re.compile(r"\|?[^|\n]{1,40}(?:\|[^|\n]{0,40})+\|?\s*$")
_PRICE = re.compile(r"[$€£]\s?\d")
