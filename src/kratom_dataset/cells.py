"""Rows and cells of tables as pages copy them: cells between pipes, or between tabs as a browser
copies an HTML table, and the cell that heads a column."""

from __future__ import annotations

import itertools
import re

# Columns laid out in spaces: a gap of three or more spaces (or a tab) between two words.
COLUMNS = re.compile(r"\S(?: {3,}|\t)\S")

# A row of a table written with pipes: two cell borders or more.
TABLE_ROW = re.compile(r"\|[^|\n]*\|")


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


def under_row(text: str, start: int) -> bool:
    """Whether the line above the one at ``start`` is a table's row (its header, its rule or a row
    of data): a row of words under it is data ("Methadone | Mu-opioid receptor agonist | Decrease";
    dev's gold makes 8 of 10 such rows claims), not the row that heads the columns."""
    above = text.rfind("\n", 0, max(0, start - 1)) + 1 if start else 0
    return bool(start) and len(table_cells(text, above)) >= 2


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
