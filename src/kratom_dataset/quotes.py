"""Quoted replies: the ">" that marks each line an email, a mailing list or a newsgroup quotes.

"> Sam's binding data is attached. In short,\n> mitragynine binds MOR": a page with a few such
lines (">>" quoted twice) is read without the marks, so a quoted paragraph wraps, and its
sentences split, as any other does; a paragraph never runs on from one depth of quoting to
another (a reply under the line it quotes). Offsets never move: a mark is read as a space.
"""

from __future__ import annotations

import itertools
import re

_QUOTE_MARK = re.compile(r">[> \t]*")
_QUOTED_LINE = re.compile(r"^[ \t]*>", re.MULTILINE)
#: A line break inside a quoted paragraph, with the marks of the line below it.
QUOTED_BREAK = re.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t]*(?:>[> \t]*)?")
#: How many quoted lines make a page one that quotes, not one with a line that opens with ">" ("> 15 g: high").
_QUOTED_LINES = 3


def quoted(text: str) -> bool:
    """Whether ``text`` quotes with ">" marks."""
    return ">" in text and sum(1 for _ in itertools.islice(_QUOTED_LINE.finditer(text), _QUOTED_LINES)) == _QUOTED_LINES


def unmarked(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``lines`` without the quote marks of a quoted block (two lines or more at one depth; a
    line of marks alone is a blank line). A line quoted alone keeps its mark: a forum reply's
    "> Usually 4 g at night" quotes one line, which is no heading of the reply under it."""
    marks = [_QUOTE_MARK.match(text, start, end) for start, end in lines]
    depths = [text.count(">", m.start(), m.end()) if m else 0 for m in marks]
    out = []
    for n, (start, end) in enumerate(lines):
        mark, depth = marks[n], depths[n]
        block = depth and any(0 <= k < len(lines) and depths[k] == depth and _adjacent(text, lines, n, k) for k in (n - 1, n + 1))
        start = mark.end() if mark and block else start
        if start < end:
            out.append((start, end))
    return out


def by_depth(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """``span`` cut where a line is quoted to another depth than the line above it."""
    start, end = span
    if text.find("\n", start, end) < 0:
        return [span]
    out = []
    depth = text.count(">", text.rfind("\n", 0, start) + 1, start)
    for m in QUOTED_BREAK.finditer(text, start, end):
        below = text.count(">", m.start(), m.end())
        if below != depth:
            out.append((start, m.start()))
            start, depth = m.end(), below
    return [*out, (start, end)]


def _adjacent(text: str, lines: list[tuple[int, int]], n: int, k: int) -> bool:
    a, b = sorted((n, k))
    return text.count("\n", lines[a][1], lines[b][0]) == 1
