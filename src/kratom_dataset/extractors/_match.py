"""Small matching helpers shared by the extractors: labelled patterns over a span of text."""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, NamedTuple

from ..document import Document
from ..lexicon import WORD_END, WORD_START, body, factored, first_characters, pattern, trie_pattern
from ._alternatives import NUMBERED_REFERENCE, Entry, spread_entries
from ._bounded import after_boundary, boundary_form, bounded, bounded_matches
from ._words import INDEX, fragments

#: An entry of a :class:`LiteralMatcher`: a label, the words that name it, what the lexicon says of it.
Aliases = tuple[Any, list[str], dict[str, Any]]
#: How an entry is searched: its pattern, the form sre scans fast (see :func:`_scan`) and how to read that form.
Scan = tuple["re.Pattern[str]", "re.Pattern[str]", int]
#: The entries a span may match, by index, each with its compiled pattern and how it is searched.
Candidates = list[tuple[int, "re.Pattern[str]", Scan]]


class Hit(NamedTuple):
    """A labelled match: where it is and what the lexicon says about it (a tuple: made by the thousand)."""

    start: int
    end: int
    label: Any
    info: dict[str, Any]

    def text(self, source: str) -> str:
        return source[self.start : self.end]


#: Entries a per-mask cache of matcher subsets keeps before it starts again (masks repeat, so few are made).
SUBSETS_LIMIT = 4096

#: How a :data:`Scan` form is read: the pattern itself; group 1 of a form that starts where the
#: pattern does; group 1 of a form that starts one character before it (see :func:`_scan`).
PLAIN, AT_START, BEFORE_START = 0, 1, 2


def _scan(plain: re.Pattern[str], *, bounded: bool) -> Scan:
    """``plain`` as a pattern that opens by consuming a character from a set, so that sre tests
    each character against that set before it enters the pattern at all.

    A pattern that opens with a lookbehind or a case-insensitive letter is entered at every
    position of the text, and that entry costs far more than the set test. The form holds the
    pattern in a lookahead, as group 1, so it finds the same matches. A bounded pattern can
    start only after a character that is no word character or hyphen: its form consumes that
    character (:data:`BEFORE_START`, searched from one character before the span). Any other
    consumes the first character of the match itself and then looks back to match from it
    (:data:`AT_START`). A pattern anchored at the start of the text, one whose first character
    cannot be worked out, and one that refers back to a group by number (the form's group 1
    would shift its groups) are searched as they are. A bounded pattern that opens with a
    character rarer than a boundary ("[", "(") is searched from that character, as any other.
    """
    source, flags = plain.pattern, plain.flags
    if NUMBERED_REFERENCE.search(source):
        return plain, plain, PLAIN
    first = first_characters(source, flags)
    if bounded and not _rare(first):
        return plain, boundary_form(source, flags, r"[\w-]", first), BEFORE_START
    if first is None or source.startswith(("^", "\\A")):
        return plain, plain, PLAIN
    return plain, factored(after_boundary(source, first), flags), AT_START


def _rare(first: str | None) -> bool:
    """Whether a class of first characters holds no ASCII letter or digit: rarer than a boundary."""
    return first is not None and re.search(first, _LETTERS_AND_DIGITS) is None


_LETTERS_AND_DIGITS = string.ascii_letters + string.digits


def _leftmost(scan: Scan, text: str, pos: int, end: int) -> tuple[int, int] | None:
    """The span of the leftmost match of an entry in ``text[pos:end]``, as ``plain.search`` finds it."""
    plain, form, kind = scan
    if kind == BEFORE_START:
        if pos:
            m = form.search(text, pos - 1, end)
        else:
            m = plain.match(text, 0, end) or form.search(text, 0, end)
            if m is not None and m.re is plain:
                return m.span()
        return None if m is None else m.span(1)
    m = form.search(text, pos, end)
    return None if m is None else m.span(kind)


def led(pattern: re.Pattern[str]) -> Scan:
    """``pattern`` in the form that opens by consuming a set of its first characters, for a
    module-level pattern searched in every sentence; :func:`leftmost_span` reads it."""
    return _scan(pattern, bounded=False)


def leftmost_span(scan: Scan, text: str, pos: int, end: int) -> tuple[int, int] | None:
    """The span ``scan``'s pattern's ``search`` finds in ``text[pos:end]``, or None."""
    return _leftmost(scan, text, pos, end)


class Matcher:
    """Labelled patterns; ``find`` returns non-overlapping hits, leftmost first, longest on ties.

    The word index first narrows the lexicon to the entries whose required words occur in the
    span; each of those entries' own compiled pattern then scans the span, and the leftmost
    match wins, the longest where two start at one place. Compiling one alternation per set of
    candidate entries, as this class once did, cost more than it saved: sentences hold so many
    different sets that most alternations were compiled for a handful of sentences, and counted
    instructions fell by a third without them. ``longest=False`` keeps the first entry that
    matches where two start at one place, as ``re.finditer`` over the alternation of the entries
    does (and is searched apart too: compiling that alternation per set cost milliseconds each
    time). ``bounded=False`` leaves the word boundaries to the patterns.
    ``prefilter=False`` scans with every entry (tests hold the two to each other).
    ``apart=True`` searches each top-level alternative of an entry as an entry of its own (see
    :func:`~kratom_dataset.extractors._alternatives.spread_entries`).
    """

    def __init__(
        self,
        entries: Sequence[Entry],
        *,
        case_sensitive: bool = False,
        bounded: bool = True,
        longest: bool = True,
        prefilter: bool = True,
        apart: bool = False,
    ) -> None:
        self._groups: list[int] | None = None
        if apart:
            entries, self._groups = spread_entries(entries)
        self._entries = entries
        self._flags = 0 if case_sensitive else re.IGNORECASE
        self._longest = longest
        self._patterns = [pattern(p, case_sensitive=case_sensitive) if bounded else factored(body(p), self._flags) for _, p, _ in entries]
        self._scans = [_scan(p, bounded=bounded) for p in self._patterns]
        bits = [None if case_sensitive else INDEX.register(fragments(body(p))) for _, p, _ in entries]
        self._bits = bits
        self._needed = 0
        for bit in bits:
            self._needed |= bit or 0
        self._always = any(bit is None for bit in bits)
        self.prefilter = prefilter
        self._subsets: dict[int, Candidates | None] = {}

    @property
    def needs(self) -> int:
        """:data:`INDEX` bits of which a span must hold one for any entry to match (-1: some entry has no word to look for)."""
        return -1 if self._always else self._needed

    @classmethod
    def literals(cls, items: list[Aliases]) -> LiteralMatcher:
        """A matcher over plain words (aliases), case-insensitive: see :class:`LiteralMatcher`."""
        return LiteralMatcher(items)

    def _scanner(self, text: str, start: int, end: int, words: int | None = None) -> Candidates | None:
        """The entries ``text[start:end]`` may match (all of them without the prefilter), or None."""
        if not self.prefilter:
            key = -1
        else:
            key = (INDEX.mask(text, start, end) if words is None else words) & self._needed
        if key == 0 and not self._always:
            return None
        try:
            return self._subsets[key]
        except KeyError:
            if len(self._subsets) >= SUBSETS_LIMIT:
                self._subsets.clear()
            chosen = [(i, self._patterns[i], self._scans[i]) for i, bit in enumerate(self._bits) if bit is None or bit & key]
            candidates = self._subsets[key] = chosen or None
            return candidates

    def find(self, text: str, start: int = 0, end: int | None = None, *, words: int | None = None) -> list[Hit]:
        """Every hit in ``text[start:end]``; ``words`` as in :meth:`search`."""
        if words is not None and not words & self._needed and self.prefilter and not self._always:
            return []  # most sentences hold no word of most matchers
        end = len(text) if end is None else end
        candidates = self._scanner(text, start, end, words)
        return [] if candidates is None else self._separate(text, start, end, candidates)

    def first(self, text: str, start: int = 0, end: int | None = None, *, words: int | None = None) -> Hit | None:
        if words is not None and not words & self._needed and self.prefilter and not self._always:
            return None  # most sentences hold no word of most matchers
        end = len(text) if end is None else end
        candidates = self._scanner(text, start, end, words)
        return None if candidates is None else self._leftmost_hit(text, start, end, candidates)

    def search(self, text: str, start: int = 0, end: int | None = None, *, words: int | None = None) -> int | None:
        """Where the leftmost match starts, or None: ``re.search`` over the entries as one alternation.

        ``words`` is the :data:`INDEX` mask of a span holding this one (the sentence), when the
        caller has it: any span's mask holds the masks of the spans inside it, and a mask only
        narrows which entries are tried, so a larger one finds the same hits.
        """
        if words is not None and not words & self._needed and self.prefilter and not self._always:
            return None
        end = len(text) if end is None else end
        candidates = self._scanner(text, start, end, words)
        if candidates is None:
            return None
        starts = [span[0] for _, _, scan in candidates if (span := _leftmost(scan, text, start, end))]
        return min(starts) if starts else None

    def matches(self, text: str, start: int = 0, end: int | None = None, *, words: int | None = None) -> bool:
        """Whether any entry matches in ``text[start:end]``: :meth:`search` is not None, but the
        first entry found to match ends the scan (``words`` as in :meth:`search`)."""
        if words is not None and not words & self._needed and self.prefilter and not self._always:
            return False
        end = len(text) if end is None else end
        scanner = self._scanner(text, start, end, words)
        if scanner is None:
            return False
        for _, _, scan in scanner:
            if _leftmost(scan, text, start, end) is not None:
                return True
        return False

    def _leftmost_hit(self, text: str, start: int, end: int, entries: Candidates) -> Hit | None:
        """The first hit :meth:`_separate` would find, read in one pass over the entries: the
        leftmost match, and at one position the first entry unless a later one matches longer."""
        if self._groups is not None:
            return self._leftmost_group_hit(text, start, end, entries, self._groups)
        best: tuple[int, int] | None = None
        chosen = -1
        longest = self._longest
        for i, _, scan in entries:
            span = _leftmost(scan, text, start, end)
            if span is not None and (best is None or span[0] < best[0] or (longest and span[0] == best[0] and span[1] > best[1])):
                best, chosen = span, i
        if best is None:
            return None
        label, _, info = self._entries[chosen]
        return Hit(best[0], best[1], label, info)

    def _leftmost_group_hit(self, text: str, start: int, end: int, entries: Candidates, groups: list[int]) -> Hit | None:
        """:meth:`_leftmost_hit` of a matcher made ``apart``: each entry's match is the leftmost of
        its alternatives, the first of them where two start at one place, as the entry's own
        alternation finds it; entries then compete as they do unsplit."""
        best: tuple[int, int] | None = None
        chosen = -1
        own: tuple[int, int] | None = None  # the leftmost match of the entry being read, and which alternative
        choice = -1
        last = len(entries) - 1
        for n, (i, _, scan) in enumerate(entries):
            span = _leftmost(scan, text, start, end)
            if span is not None and (own is None or span[0] < own[0]):
                own, choice = span, i
            if own is not None and (n == last or groups[entries[n + 1][0]] != groups[i]):
                if best is None or own[0] < best[0] or (self._longest and own[0] == best[0] and own[1] > best[1]):
                    best, chosen = own, choice
                own = None
        if best is None:
            return None
        label, _, info = self._entries[chosen]
        return Hit(best[0], best[1], label, info)

    def _separate(self, text: str, start: int, end: int, entries: Candidates) -> list[Hit]:
        """:meth:`find` over a few entries searched apart: the leftmost match wins, and at one
        position the first entry in lexicon order unless a later one matches longer (for a
        matcher made ``longest=False``, the first entry, as one alternation of them would choose)."""
        if len(entries) == 1:
            return self._each(text, start, end, entries[0])
        hits: list[Hit] = []
        ahead: list[tuple[int, int] | None] = []
        groups = self._groups
        pos = start
        while pos < end:
            best: tuple[int, int] | None = None
            for k, (_, _, scan) in enumerate(entries):
                if k == len(ahead):
                    ahead.append(_leftmost(scan, text, pos, end))
                elif (span := ahead[k]) is not None and span[0] < pos:
                    ahead[k] = _leftmost(scan, text, pos, end)
                span = ahead[k]
                if span is not None and (best is None or span[0] < best[0]):
                    best = span
            if best is None:
                break
            at, i, matched = best[0], -1, -1
            for k, (j, _, _) in enumerate(entries):
                span = ahead[k]
                if span is None or span[0] != at:
                    continue
                if groups is not None:
                    if groups[j] == matched:
                        continue  # a later alternative of an entry an earlier one matched here for
                    matched = groups[j]
                if i < 0 or self._longest and span[1] > best[1]:
                    i, best = j, span
            label, _, info = self._entries[i]
            hits.append(Hit(best[0], best[1], label, info))
            pos = max(best[1], best[0] + 1)
        return hits

    def _each(self, text: str, start: int, end: int, entry: tuple[int, re.Pattern[str], Scan]) -> list[Hit]:
        """:meth:`_separate` when a span may match only one entry: each match in turn, without the
        bookkeeping that several entries need."""
        i, _, scan = entry
        label, _, info = self._entries[i]
        hits: list[Hit] = []
        pos = start
        while pos < end:
            span = _leftmost(scan, text, pos, end)
            if span is None:
                break
            hits.append(Hit(span[0], span[1], label, info))
            pos = max(span[1], span[0] + 1)
        return hits


def _fold(word: str) -> str:
    return word.lower().replace("’", "'")


class LiteralMatcher:
    """Plain words (aliases), case-insensitive, longest first where two start at one place.

    The words go into one regex shaped as a trie: words sharing a prefix share its branch, and
    at each node the longer continuations are tried before the word may end there, so the
    first match at a position is the longest word, exactly as a longest-first alternation of
    every word would give (``trie=False`` scans with that alternation; tests hold the two to
    each other). The alternation tries every word at every word start, and narrowing it per
    text would compile a new regex for nearly every document; the trie is compiled once and
    costs a few character tests per word start. Matched words are looked up in a dict for
    their label.
    """

    def __init__(self, items: list[Aliases], *, trie: bool = True) -> None:
        self._labels: dict[str, tuple[Any, dict[str, Any]]] = {}
        for label, words, info in items:
            for word in words:
                self._labels.setdefault(_fold(word), (label, info))
        self.trie = trie
        self._words = sorted(self._labels, key=len, reverse=True)
        source = f"{WORD_START}(?:{trie_pattern(self._words)}){WORD_END}"
        self._trie = bounded(source, re.IGNORECASE, r"[\w-]") if self._words else None

    @functools.cached_property
    def _full(self) -> re.Pattern[str] | None:
        """The longest-first alternation, compiled only when asked for (``trie=False``)."""
        alternation = "|".join(body(re.escape(w)) for w in self._words)
        return re.compile(f"{WORD_START}(?:{alternation}){WORD_END}", re.IGNORECASE) if self._words else None

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Hit]:
        end = len(text) if end is None else end
        if not self.trie:
            return self._found(self._full.finditer(text, start, end) if self._full else (), 0)
        return self._found(bounded_matches(self._trie, text, start, end) if self._trie else (), 1)

    def _found(self, matches: Iterable[re.Match[str]], group: int) -> list[Hit]:
        out = []
        labels = self._labels
        for m in matches:
            label, info = labels[_fold(m.group(group))]
            out.append(Hit(m.start(group), m.end(group), label, info))
        return out

    def first(self, text: str, start: int = 0, end: int | None = None) -> Hit | None:
        hits = self.find(text, start, end)
        return hits[0] if hits else None


def looking_back(doc: Document, index: int, offset: int, *, list_items: int = 0, window: int | None = None) -> Iterator[tuple[int, int]]:
    """Spans to search for what a reference points back to, nearest first.

    First the sentence ``index`` up to ``offset``, then each earlier sentence of the same
    paragraph: a pronoun or "the dose" is read against its paragraph, never across one. With
    ``list_items``, that many earlier one-line paragraphs of the same section are read too, so
    "- 7-OH: stronger at the same receptor" can point at the bullet above it, past a one-line
    question between turns of a dialogue. With ``window``,
    each span is cut to its last ``window`` characters: what a reference names is near it, and a
    run-on sentence must not be read again for each of its references.
    """
    sentence = doc.sentences[index]
    crossed = 0
    paragraph = sentence.paragraph_index
    for j in range(index, -1, -1):
        prior = doc.sentences[j]
        if prior.section_index != sentence.section_index:
            return
        if prior.paragraph_index != paragraph:
            # a one-line question between two turns of a dialogue ("And the other receptors?") leaves
            # the answer pointing back to what its speaker said before it
            asked = list_items and doc.flat[prior.start : prior.end].rstrip().endswith("?") and prior.paragraph_index == paragraph - 1
            crossed += 0 if asked else 1
            if crossed > list_items:
                return
            paragraph = prior.paragraph_index
        end = offset if j == index else prior.end
        if end > prior.start:
            yield (prior.start if window is None else max(prior.start, end - window)), end
