"""Small matching helpers shared by the extractors: labelled patterns over a span of text."""

from __future__ import annotations

import re
from dataclasses import dataclass

try:  # the regex parser moved in Python 3.11
    from re import _constants as _sc
    from re import _parser as _sp
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sc
    import sre_parse as _sp
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
        # Words every match must contain: a span holding none of them cannot match, and a
        # substring test is far cheaper than the regex scan.
        self._keywords = _keywords([body(p) for _, p, _ in entries]) if not case_sensitive else None

    @classmethod
    def literals(cls, items: list[tuple[Any, list[str], dict]]) -> "LiteralMatcher":
        """A matcher over plain words (aliases), case-insensitive: see :class:`LiteralMatcher`."""
        return LiteralMatcher(items)

    def _hit(self, m: re.Match, text: str, end: int) -> Hit:
        i, mm = int(m.lastgroup[1:]), m
        if self._recheck:
            for j, p in enumerate(self._patterns):
                other = p.match(text, m.start(), end)
                if other and other.end() > mm.end():
                    i, mm = j, other
        label, _, info = self._entries[i]
        return Hit(mm.start(), mm.end(), label, info)

    def _hopeless(self, text: str, start: int, end: int) -> bool:
        if self._keywords is None:
            return False
        window = text[start:end].lower()
        return not any(k in window for k in self._keywords)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Hit]:
        if self._combined is None:
            return []
        end = len(text) if end is None else end
        if self._hopeless(text, start, end):
            return []
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
        if self._hopeless(text, start, end):
            return None
        m = self._combined.search(text, start, end)
        return self._hit(m, text, end) if m else None


def _fold(word: str) -> str:
    return word.lower().replace("’", "'")


class LiteralMatcher:
    """Plain words, longest first, in one alternation without groups; the matched words are
    looked up in a dict to find their label. Far faster than a group per word."""

    def __init__(self, items: list[tuple[Any, list[str], dict]]):
        self._labels: dict[str, tuple[Any, dict]] = {}
        for label, words, info in items:
            for word in words:
                self._labels.setdefault(_fold(word), (label, info))
        alternatives = "|".join(body(re.escape(w)) for w in sorted(self._labels, key=len, reverse=True))
        self._regex = re.compile(f"{WORD_START}(?:{alternatives}){WORD_END}", re.IGNORECASE)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Hit]:
        end = len(text) if end is None else end
        out = []
        for m in self._regex.finditer(text, start, end):
            label, info = self._labels[_fold(m.group())]
            out.append(Hit(m.start(), m.end(), label, info))
        return out

    def first(self, text: str, start: int = 0, end: int | None = None) -> Hit | None:
        hits = self.find(text, start, end)
        return hits[0] if hits else None


def _usable(fragment: str) -> bool:
    return len(fragment) >= 2 or (len(fragment) == 1 and not fragment.isascii())


def _required(items) -> set[str] | None:
    """Fragments of which every match of a parsed pattern contains at least one, or None.

    Each literal run is one candidate; a group or a required repeat passes its own up; an
    alternation offers the union of its branches' fragments when every branch has some. The
    candidate whose shortest fragment is longest wins.
    """
    candidates: list[set[str]] = []
    run = ""
    for op, av in [*items, (None, None)]:
        if op is _sc.LITERAL:
            run += chr(av)
            continue
        if _usable(run):
            candidates.append({run})
        run = ""
        if op is _sc.SUBPATTERN:
            inner = _required(av[-1])
        elif op is _sc.BRANCH:
            parts = [_required(b) for b in av[1]]
            inner = set().union(*parts) if all(parts) else None
        elif op in (_sc.MAX_REPEAT, _sc.MIN_REPEAT) and av[0] >= 1:
            inner = _required(av[2])
        else:
            inner = None
        if inner:
            candidates.append(inner)
    if not candidates:
        return None
    return max(candidates, key=lambda c: min(len(k) for k in c))


def _keywords(patterns: list[str]) -> list[str] | None:
    """Lowercase fragments of which every match of every pattern contains one, or None when
    some pattern has none (then no prefilter is safe)."""
    out: set[str] = set()
    for source in patterns:
        try:
            fragments = _required(list(_sp.parse(source.lower())))
        except re.error:
            return None
        if not fragments:
            return None
        out |= fragments
    return sorted(out)


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
