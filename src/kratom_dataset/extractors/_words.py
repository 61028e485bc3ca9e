"""The word index: which lexicon entries a span of text could match, read from the words in it.

Every matcher registers its entries here, and each sentence is tokenised once for all of them;
a matcher then scans a sentence only with the entries its words allow. Kept apart from the
matchers because it is shared state with a cache of its own.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from typing import Any

from ..document import Document

if sys.version_info >= (3, 11):  # the regex parser moved in Python 3.11
    from re import _constants as _sc
    from re import _parser as _sp
else:  # pragma: no cover - Python 3.10
    import sre_constants as _sc
    import sre_parse as _sp


#: What the index reads as words: runs of word characters, and each symbol outside ASCII ("↑").
_TOKEN = re.compile(r"\w+|[^\w\s\x00-\x7f]")
#: Each ASCII byte to itself lower-cased when it is a word character, else to a space (see :func:`ascii_words`).
_LOWER_WORD_BYTES = bytes(ord(chr(c).lower()) if chr(c).isalnum() or chr(c) == "_" else 32 for c in range(128)).ljust(256, b" ")


def ascii_words(text: str) -> list[str]:
    """The words of ASCII text lower-cased, in order, as :data:`_TOKEN` finds them in the text
    lower-cased: the word characters of ASCII are the same either way, and a symbol outside it
    cannot occur.

    Lower-cased and its non-word characters turned to spaces in one translation of its bytes,
    then split there: a byte table, read in C, costs a third of a regex that makes a match per word.
    """
    return text.encode("ascii").translate(_LOWER_WORD_BYTES).decode("ascii").split()


class WordIndex:
    """Which lexicon entries a span of text could match, read from the words in it.

    Every entry has fragments of which each match contains one (see :func:`_required`); each
    fragment's longest word (a run of word characters, or a symbol such as "↑") must then lie
    inside one word of the span. The words of a span are looked up in a cache of word ->
    entries, so a sentence costs one tokenisation and a few dict lookups instead of a substring
    test per keyword per matcher; and a span is read once however many matchers ask about it.
    """

    _WORD = _TOKEN
    _CACHE_LIMIT = 200_000

    def __init__(self) -> None:
        self._runs: dict[str, int] = {}
        self._longest = 0
        self._words: dict[str, int] = {}
        self._bits = 0
        self._texts: dict[int, tuple[str, dict[tuple[int, int], int]]] = {}
        self._last: tuple[str | None, int, int, int] = (None, 0, 0, 0)
        self._document: tuple[Document | None, list[int]] = (None, [])

    @property
    def registered(self) -> int:
        """How many entries have a bit."""
        return self._bits

    def has_words(self, fragments: set[str] | None) -> bool:
        """Whether :meth:`register` gives an entry needing one of ``fragments`` a bit."""
        return bool(fragments) and all(self._WORD.search(fragment) for fragment in fragments or ())

    def register(self, fragments: set[str] | None) -> int | None:
        """A bit for an entry needing one of ``fragments``; None when some fragment has no word in it."""
        if not fragments or not self.has_words(fragments):
            return None
        runs = [max(self._WORD.findall(fragment), key=len) for fragment in fragments]
        bit = 1 << self._bits
        self._bits += 1
        for run in runs:
            self._runs[run] = self._runs.get(run, 0) | bit
            self._longest = max(self._longest, len(run))
        # Masks read before this entry existed lack its bit: a lexicon loaded midway through a
        # document (the first one a process reads) must not find less in it than in any other.
        self._words.clear()
        self._texts.clear()
        self._last = (None, 0, 0, 0)
        self._document = (None, [])
        return bit

    def sentence_words(self, doc: Document) -> list[int]:
        """The mask of every sentence of ``doc``, worked out once for all the extractors reading it."""
        known, masks = self._document
        if known is doc:
            return masks
        text = doc.flat
        masks = [self.mask(text, s.start, s.end) for s in doc.sentences]
        self._document = (doc, masks)
        return masks

    def mask(self, text: str, start: int, end: int) -> int:
        """Bits of every entry whose words all occur in ``text[start:end]`` (a superset of what matches)."""
        last = self._last
        if last[0] is text and last[1] == start and last[2] == end:
            return last[3]  # the matchers of one sentence ask in turn
        texts = self._texts
        cached = texts.get(id(text))
        if cached is None or cached[0] is not text:
            if len(texts) >= 8:  # the document, and the least recently asked of the words and clauses cut from it
                del texts[next(iter(texts))]
            cached = texts[id(text)] = (text, {})
        elif len(texts) > 1:
            texts[id(text)] = texts.pop(id(text))  # most recently asked last
        spans = cached[1]
        key = (start, end)
        found = spans.get(key)
        if found is not None:
            self._last = (text, start, end, found)
            return found
        words = self._words
        if len(words) > self._CACHE_LIMIT:
            words.clear()
        found = 0
        span = text[start:end]
        for word in set(ascii_words(span) if span.isascii() else self._WORD.findall(span.lower())):
            bits = words.get(word)
            if bits is None:
                bits = words[word] = self._word_bits(word)
            found |= bits
        spans[key] = found
        self._last = (text, start, end, found)
        return found

    def _word_bits(self, word: str) -> int:
        """Bits of every entry with a run inside ``word``: each of the word's substrings up to the
        longest run is looked up, far fewer than the runs of every lexicon."""
        runs, longest, size = self._runs, self._longest, len(word)
        bits = 0
        for i in range(size):
            for j in range(i + 1, min(size, i + longest) + 1):
                bits |= runs.get(word[i:j], 0)
        return bits


#: One index for every matcher, so a sentence is tokenised once for all of them.
INDEX = WordIndex()


class Worded:
    """A pattern searched only where :data:`INDEX` says its words may be.

    For a pattern scanned over whole sentences: most sentences hold none of its words, and
    the sentence's word mask, read once for every matcher, says so without a scan. The mask
    decides only for ASCII text, where a case-insensitive match holds its words lower-cased
    as the index reads them; any other text, or a call without a mask, is scanned as it is.
    """

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.bit = INDEX.register(fragments(pattern.pattern))

    def _absent(self, text: str, words: int | None) -> bool:
        """Whether ``words`` (the mask of ``text`` or of a span holding it) rules a match out."""
        return words is not None and self.bit is not None and not words & self.bit and text.isascii()

    def search(self, text: str, words: int | None = None) -> re.Match[str] | None:
        return None if self._absent(text, words) else self.pattern.search(text)

    def finditer(self, text: str, words: int | None = None) -> Iterator[re.Match[str]]:
        return iter(()) if self._absent(text, words) else self.pattern.finditer(text)


def _run(fragment: str) -> str:
    """The longest word of ``fragment`` as the index reads words ("" for one such as ", ")."""
    return max(_TOKEN.findall(fragment), key=len, default="")


def _usable(fragment: str) -> bool:
    """A fragment the index can look for: two characters or a non-ASCII one, and a word in it."""
    return (len(fragment) >= 2 or (len(fragment) == 1 and not fragment.isascii())) and bool(_run(fragment))


def _required(items: Iterable[tuple[Any, Any]]) -> set[str] | None:
    """Fragments of which every match of a parsed pattern contains at least one, or None.

    Each literal run is one candidate; a group or a required repeat passes its own up; an
    alternation offers the union of its branches' fragments when every branch has some. The
    candidate whose shortest word (the part the index looks for) is longest wins.
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
            inner = set[str]().union(*(p for p in parts if p)) if all(parts) else None
        elif op in (_sc.MAX_REPEAT, _sc.MIN_REPEAT) and av[0] >= 1:
            inner = _required(av[2])
        else:
            inner = None
        if inner:
            candidates.append(inner)
    if not candidates:
        return None
    return max(candidates, key=lambda c: (min(len(_run(k)) for k in c), min(len(k) for k in c)))


def fragments(source: str) -> set[str] | None:
    """Lowercase fragments of which every match of the pattern ``source`` contains one, or None."""
    try:
        return _required(list(_sp.parse(source.lower()).data))
    except re.error:
        return None


def folded_fragments(source: str, flags: int = 0, *, most: int = 3) -> tuple[str, ...] | None:
    """Lower-case ASCII fragments of which every match of the pattern ``source`` holds one, or None.

    None too for more than ``most`` fragments: a test per fragment then costs about what the
    pattern's own scan would.

    Read from the pattern as written (:func:`fragments` lower-cases the source first, which
    turns an escape such as ``\\A`` into another). For a unit of ASCII text, a case-insensitive
    match holds its fragment lower-cased in the unit lower-cased; a fragment outside ASCII could
    be matched by an ASCII letter ("\u017f" by "s"), so a pattern with one gets None.
    """
    try:
        found = _required(list(_sp.parse(source, flags).data))
    except re.error:
        return None
    if not found or len(found) > most:
        return None
    folded = sorted({f.lower() for f in found})
    return tuple(folded) if all(f.isascii() for f in folded) else None
