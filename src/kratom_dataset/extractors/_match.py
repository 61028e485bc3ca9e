"""Small matching helpers shared by the extractors: labelled patterns over a span of text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..lexicon import WORD_END, WORD_START, body, pattern


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

    One combined regex, with the word boundaries outside the alternation so most positions fail
    at once, scans the text in a single pass however large the lexicon grows. Where two entries
    can match at the same place, each is re-tried there so the longest wins; a lexicon of plain
    words (:meth:`literals`) is sorted longest first instead and needs no re-try.
    """

    def __init__(self, entries: list[tuple[Any, str, dict]], *, case_sensitive: bool = False, _recheck: bool = True):
        self._entries = entries
        flags = 0 if case_sensitive else re.IGNORECASE
        self._patterns = [pattern(p, case_sensitive=case_sensitive) for _, p, _ in entries]
        alternatives = "|".join(f"(?P<e{i}>{body(p)})" for i, (_, p, _) in enumerate(entries))
        self._combined = re.compile(f"{WORD_START}(?:{alternatives}){WORD_END}", flags) if entries else None
        self._recheck = _recheck and len(entries) > 1

    @classmethod
    def literals(cls, items: list[tuple[Any, list[str], dict]], *, case_sensitive: bool = False) -> "Matcher":
        """A matcher over plain words (aliases): one entry per word, longest first."""
        entries = [(label, re.escape(word), info) for label, words, info in items for word in words]
        entries.sort(key=lambda e: -len(e[1]))
        return cls(entries, case_sensitive=case_sensitive, _recheck=False)

    def _hit(self, m: re.Match, text: str, end: int) -> Hit:
        i, mm = int(m.lastgroup[1:]), m
        if self._recheck:
            for j, p in enumerate(self._patterns):
                other = p.match(text, m.start(), end)
                if other and other.end() > mm.end():
                    i, mm = j, other
        label, _, info = self._entries[i]
        return Hit(mm.start(), mm.end(), label, info)

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
            hit = self._hit(m, text, end)
            hits.append(hit)
            pos = max(hit.end, m.start() + 1)
        return hits

    def first(self, text: str, start: int = 0, end: int | None = None) -> Hit | None:
        if self._combined is None:
            return None
        end = len(text) if end is None else end
        m = self._combined.search(text, start, end)
        return self._hit(m, text, end) if m else None


def looking_back(doc, index: int, offset: int, *, list_items: int = 0):
    """Spans to search for what a reference points back to, nearest first.

    First the sentence ``index`` up to ``offset``, then each earlier sentence of the same
    paragraph: a pronoun or "the dose" is read against its paragraph, never across one. With
    ``list_items``, that many earlier one-line paragraphs of the same section are read too, so
    "- 7-OH: stronger at the same receptor" can point at the bullet above it.
    """
    sentence = doc.sentences[index]
    crossed = 0
    paragraph = sentence.paragraph_index
    for j in range(index, -1, -1):
        prior = doc.sentences[j]
        if prior.section_index != sentence.section_index:
            return
        if prior.paragraph_index != paragraph:
            crossed += 1
            if crossed > list_items:
                return
            paragraph = prior.paragraph_index
        end = offset if j == index else prior.end
        if end > prior.start:
            yield prior.start, end
