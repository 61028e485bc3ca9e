"""Lexicon patterns as their top-level alternatives, for matchers that search them one by one."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..lexicon import body
from ._words import INDEX, fragments

#: A lexicon entry of a :class:`~kratom_dataset.extractors._match.Matcher`: its label, its pattern
#: and what the lexicon says of it.
Entry = tuple[Any, str, dict[str, Any]]

#: A back-reference or a condition naming a group by its number.
NUMBERED_REFERENCE = re.compile(r"\\[1-9]|\(\?\(\d")


def alternatives(source: str) -> list[str]:
    """The top-level alternatives of a regex source ("a|(b|c)" -> ["a", "(b|c)"]), so each can be
    an entry of its own and the word index can skip the ones a span cannot match."""
    out: list[str] = []
    current: list[str] = []
    depth, i, in_class = 0, 0, False
    while i < len(source):
        char = source[i]
        if char == "\\":
            current.append(source[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = char != "]" or (bool(current) and current[-1] == "[")
        elif char == "[":
            in_class = True
            if source[i + 1 : i + 2] == "^":
                current.append("[^")
                i += 2
                if source[i : i + 1] == "]":
                    current.append("]")
                    i += 1
                continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            out.append("".join(current))
            current = []
            i += 1
            continue
        current.append(char)
        i += 1
    out.append("".join(current))
    return out


def spread_entries(entries: Sequence[Entry]) -> tuple[list[Entry], list[int]]:
    """Each top-level alternative of each entry as an entry of its own, and the entry each came from.

    An entry that is a long alternation ("interact(?:s|ed)? with|acts? on|affects?|...") is
    scanned whole wherever any of its words occurs, and that scan tries every alternative at
    every word. Apart, the word index narrows it to the alternatives whose own words occur.
    The entry's match is still the one its alternation finds: the leftmost place any alternative
    matches, and there the first alternative in order that does.
    """
    spread: list[Entry] = []
    groups: list[int] = []
    for n, (label, source, info) in enumerate(entries):
        parts = [source] if NUMBERED_REFERENCE.search(source) else _worded_runs(alternatives(source))
        spread += [(label, part, info) for part in parts]
        groups += [n] * len(parts)
    return spread, groups


def _worded_runs(parts: list[str]) -> list[str]:
    """``parts`` with the neighbours that hold no word the index can look for joined into one
    alternation again, or all of them joined when such parts lie apart.

    Each part with no word is scanned over every span; a run of them costs one scan joined,
    and next to each other they keep their order. Two runs apart would cost a scan each.
    """
    out: list[str] = []
    wordless, runs = False, 0
    for part in parts:
        worded = INDEX.has_words(fragments(body(part)))
        if not worded and wordless:
            out[-1] += "|" + part
        else:
            out.append(part)
            runs += not worded
        wordless = not worded
    return out if runs <= 1 else ["|".join(parts)]
