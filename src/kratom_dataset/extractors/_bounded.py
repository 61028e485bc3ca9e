"""Patterns that start only after a boundary, searched in a form that consumes the boundary."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from typing import NamedTuple

from ..lexicon import factored, first_characters, open_class

if sys.version_info >= (3, 11):  # the regex parser moved in Python 3.11
    from re import _parser as _sre_parser
else:  # pragma: no cover - Python 3.10
    import sre_parse as _sre_parser


def after_boundary(source: str, first: str | None) -> str:
    """What follows the boundary a form consumes: ``source`` as group 1, from the next character.

    With a class of first characters, the form consumes that character too and looks back one
    to match from it: a character test where a lookahead would be entered first.
    """
    return f"(?-i:{first})(?<=(?=({source}))[\\s\\S])" if first else f"(?=({source}))"


class Bounded(NamedTuple):
    """The forms :func:`bounded_matches` searches a pattern in, and the pattern itself."""

    at_start: re.Pattern[str]
    """The pattern as a lookahead, for a match at the start of the text."""
    after: re.Pattern[str]
    """The form that first consumes the character before a match."""
    plain: re.Pattern[str]
    """The pattern as it is, whose ``finditer`` the forms find the matches of."""


def bounded(source: str, flags: int, boundary: str) -> Bounded:
    """The forms :func:`bounded_matches` finds the matches of ``source`` in.

    ``source`` must open with a lookbehind that rules out every character ``boundary`` (a
    class) matches, as ``(?<![\\w-])`` does for ``[\\w-]``, and must not match the empty
    string. The form that consumes the character before a match lets sre skip along the text
    on a set test; a lookahead such as :func:`~kratom_dataset.lexicon.guarded`'s makes it enter
    the pattern at every position.
    """
    if _sre_width(source, flags) == 0:
        raise ValueError(f"a pattern that can match the empty string: {source!r}")
    first = first_characters(source, flags)
    before = open_class(c for c in range(128) if not re.match(boundary, chr(c)))
    after = factored(f"(?-i:{before}){after_boundary(source, first)}", flags)
    return Bounded(factored(f"(?=({source}))", flags), after, re.compile(source, flags))


def bounded_matches(forms: Bounded, text: str, pos: int, end: int) -> Iterator[re.Match[str]]:
    """What ``finditer`` of the pattern finds in ``text[pos:end]``, as matches whose group 1 is the
    pattern's match (its named groups keep their names; group 0 is the character before it)."""
    at_start, after, _ = forms
    if pos == 0:
        m = at_start.match(text, 0, end)
        if m is not None:
            yield m
            pos = m.end(1)
    while True:
        m = after.search(text, max(pos - 1, 0), end)
        if m is None:
            return
        yield m
        pos = m.end(1)


def _sre_width(source: str, flags: int) -> int:
    """The fewest characters a match of ``source`` can hold."""
    low: int = _sre_parser.parse(source, flags).getwidth()[0]
    return low
