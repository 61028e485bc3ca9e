"""Patterns that start only after a boundary, searched in a form that consumes the boundary."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import NamedTuple

from ..lexicon import factored, first_characters, min_width, open_class


def after_boundary(source: str, first: str | None) -> str:
    """What follows the boundary a form consumes: ``source`` as group 1, from the next character.

    With a class of first characters, the form consumes that character too and looks back one
    to match from it: a character test where a lookahead would be entered first.
    """
    return f"(?-i:{first})(?<=(?=({source}))[\\s\\S])" if first else f"(?=({source}))"


def boundary_form(source: str, flags: int, boundary: str, first: str | None) -> re.Pattern[str]:
    """The form that consumes the character before a match of ``source`` (one the class
    ``boundary`` does not match) and then matches ``source`` as group 1; ``first`` is the class
    of the characters a match can start with, or None."""
    return factored(f"(?-i:{_before(boundary)}){after_boundary(source, first)}", flags)


@functools.cache
def _before(boundary: str) -> str:
    """The class of ASCII characters ``boundary`` does not match (and every other), as a set test."""
    return open_class(c for c in range(128) if not re.match(boundary, chr(c))) or r"[\s\S]"


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
    if min_width(source, flags) == 0:
        raise ValueError(f"a pattern that can match the empty string: {source!r}")
    after = boundary_form(source, flags, boundary, first_characters(source, flags))
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
