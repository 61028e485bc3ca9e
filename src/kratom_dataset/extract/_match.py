"""Small matching helpers shared by the extractors: labelled patterns over a span of text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..lexicon import pattern


@dataclass(frozen=True)
class Hit:
    """A labelled match: where it is and what the lexicon says about it."""

    start: int
    end: int
    label: Any
    info: dict

    def text(self, source: str) -> str:
        return source[self.start : self.end]


class Matcher:
    """Labelled patterns; ``find`` returns non-overlapping hits, leftmost first, longest on ties.

    One combined regex with a named group per entry does the scan in a single pass, so the cost
    stays one pass over the text however large the lexicon grows.
    """

    def __init__(self, entries: list[tuple[Any, str, dict]], *, case_sensitive: bool = False):
        self._entries = entries
        self._patterns = [pattern(p, case_sensitive=case_sensitive) for _, p, _ in entries]
        alternatives = "|".join(f"(?P<e{i}>{p.pattern})" for i, p in enumerate(self._patterns))
        flags = 0 if case_sensitive else re.IGNORECASE
        self._combined = re.compile(alternatives, flags) if entries else None

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Hit]:
        if self._combined is None:
            return []
        end = len(text) if end is None else end
        hits = []
        pos = start
        while pos < end:
            m = self._combined.search(text, pos, end)
            if not m:
                break
            best = None
            for i, p in enumerate(self._patterns):
                # The combined regex tries entries in order; re-check each at this position so the
                # longest entry wins, not merely the first listed.
                mm = p.match(text, m.start(), end)
                if mm and mm.end() > mm.start() and (best is None or mm.end() > best[1].end()):
                    best = (i, mm)
            i, mm = best if best else (int(m.lastgroup[1:]), m)
            label, _, info = self._entries[i]
            hits.append(Hit(mm.start(), mm.end(), label, info))
            pos = max(mm.end(), m.start() + 1)
        return hits

    def first(self, text: str, start: int = 0, end: int | None = None) -> Hit | None:
        hits = self.find(text, start, end)
        return hits[0] if hits else None


def looking_back(doc, index: int, offset: int):
    """Spans to search for what a reference points back to, nearest first.

    First the sentence ``index`` up to ``offset``, then each earlier sentence of the same
    paragraph: a pronoun or "the dose" is read against its paragraph, never across one.
    """
    sentence = doc.sentences[index]
    for j in range(index, -1, -1):
        prior = doc.sentences[j]
        if prior.paragraph_index != sentence.paragraph_index:
            return
        end = offset if j == index else prior.end
        if end > prior.start:
            yield prior.start, end
