"""Read the lexicons and the taxonomy shipped in ``kratom_dataset/lexicons`` and compile them.

Lexicons are data, not code: each file carries its own version, and the extractors fold those
versions into theirs so a change of words is visible in provenance.
"""

from __future__ import annotations

import functools
import json
import re
from importlib import resources
from typing import Any

APOSTROPHE = "['’]"


@functools.cache
def read(name: str) -> dict[str, Any]:
    """Parsed JSON of lexicon ``name`` (without extension)."""
    with resources.files("kratom_dataset.lexicons").joinpath(f"{name}.json").open("rb") as fh:
        return json.load(fh)


WORD_START = r"(?<![\w-])"
WORD_END = r"(?![\w])"


def body(words: str) -> str:
    """A lexicon pattern's regex body: a straight apostrophe also matches a curly one."""
    return words.replace("'", APOSTROPHE)


def pattern(words: str, *, case_sensitive: bool = False) -> re.Pattern[str]:
    """Compile a lexicon pattern on word boundaries, letting ' match a straight or curly apostrophe.

    Boundaries are lookarounds on word characters rather than ``\\b``, so a pattern may start or
    end with a symbol such as ``µ`` or ``~``.
    """
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.compile(rf"{WORD_START}(?:{body(words)}){WORD_END}", flags)


def alternation(items: list[str]) -> str:
    """Longest-first alternation of literal words, so 'leaf powder' wins over 'leaf'."""
    return "|".join(re.escape(i).replace("'", APOSTROPHE) for i in sorted(items, key=len, reverse=True))


def version(*names: str) -> str:
    """Combined version string of several lexicons, e.g. ``claims-1.0.0+taxonomy-1.0.0``."""
    return "+".join(f"{n}-{read(n)['version']}" for n in names)
