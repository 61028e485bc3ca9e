"""Small matching helpers shared by the extractors: labelled patterns over a span of text."""

from __future__ import annotations

import functools
import re
from typing import Any, NamedTuple

from ..lexicon import WORD_END, WORD_START, body, guarded, pattern
from ..lexicon import _sre as _sc
from ..lexicon import _sre_parser as _sp


class Hit(NamedTuple):
    """A labelled match: where it is and what the lexicon says about it (a tuple: made by the thousand)."""

    start: int
    end: int
    label: Any
    info: dict

    def text(self, source: str) -> str:
        return source[self.start : self.end]


class WordIndex:
    """Which lexicon entries a span of text could match, read from the words in it.

    Every entry has fragments of which each match contains one (see :func:`_required`); each
    fragment's longest run of word characters must then lie inside one word of the span. The
    words of a span are looked up in a cache of word -> entries, so a sentence costs one
    tokenisation and a few dict lookups instead of a substring test per keyword per matcher;
    and a span is read once however many matchers ask about it.
    """

    _WORD = re.compile(r"\w+")
    _CACHE_LIMIT = 200_000

    def __init__(self):
        self._runs: dict[str, int] = {}
        self._words: dict[str, int] = {}
        self._bits = 0
        self._texts: dict[int, tuple[str, dict[tuple[int, int], int]]] = {}
        self._last: tuple[str | None, int, int, int] = (None, 0, 0, 0)
        self._document: tuple[object, list[int]] = (None, [])

    def register(self, fragments: set[str] | None) -> int | None:
        """A bit for an entry needing one of ``fragments``; None when some fragment has no word in it."""
        if not fragments:
            return None
        runs = []
        for fragment in fragments:
            words = self._WORD.findall(fragment)
            if not words:
                return None
            runs.append(max(words, key=len))
        bit = 1 << self._bits
        self._bits += 1
        for run in runs:
            self._runs[run] = self._runs.get(run, 0) | bit
        # Masks read before this entry existed lack its bit: a lexicon loaded midway through a
        # document (the first one a process reads) must not find less in it than in any other.
        self._words.clear()
        self._texts.clear()
        self._last = (None, 0, 0, 0)
        self._document = (None, [])
        return bit

    def sentence_words(self, doc) -> list[int]:
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
        words, runs = self._words, self._runs
        if len(words) > self._CACHE_LIMIT:
            words.clear()
        found = 0
        for word in set(self._WORD.findall(text[start:end].lower())):
            bits = words.get(word)
            if bits is None:
                bits = 0
                for run, entries in runs.items():
                    if run in word:
                        bits |= entries
                words[word] = bits
            found |= bits
        spans[key] = found
        self._last = (text, start, end, found)
        return found


#: One index for every matcher, so a sentence is tokenised once for all of them.
INDEX = WordIndex()


#: Entries a per-mask cache of matcher subsets keeps before it starts again (masks repeat, so few are made).
SUBSETS_LIMIT = 4096


class Matcher:
    """Labelled patterns; ``find`` returns non-overlapping hits, leftmost first, longest on ties.

    The word index first narrows the lexicon to the entries whose required words occur in the
    span; each of those entries' own compiled pattern then scans the span, and the leftmost
    match wins, the longest where two start at one place. Compiling one alternation per set of
    candidate entries, as this class once did, cost more than it saved: sentences hold so many
    different sets that most alternations were compiled for a handful of sentences, and counted
    instructions fell by a third without them. ``longest=False`` keeps the first entry that
    matches, as ``re.finditer`` over the alternation does (such a matcher still compiles one per
    set). ``bounded=False`` leaves the word boundaries to the patterns.
    ``prefilter=False`` scans with every entry (tests hold the two to each other).
    """

    def __init__(
        self,
        entries: list[tuple[Any, str, dict]],
        *,
        case_sensitive: bool = False,
        bounded: bool = True,
        longest: bool = True,
        prefilter: bool = True,
    ):
        self._entries = entries
        self._flags = 0 if case_sensitive else re.IGNORECASE
        self._bounded = bounded
        self._longest = longest
        self._patterns = [
            pattern(p, case_sensitive=case_sensitive) if bounded else re.compile(body(p), self._flags) for _, p, _ in entries
        ]
        bits = [None if case_sensitive else INDEX.register(_fragments(body(p))) for _, p, _ in entries]
        self._bits = bits
        self._needed = 0
        for bit in bits:
            self._needed |= bit or 0
        self._always = any(bit is None for bit in bits)
        self.prefilter = prefilter
        self._subsets: dict[int, tuple[re.Pattern, list[re.Pattern]] | None] = {}

    @property
    def needs(self) -> int:
        """:data:`INDEX` bits of which a span must hold one for any entry to match (-1: some entry has no word to look for)."""
        return -1 if self._always else self._needed

    @classmethod
    def literals(cls, items: list[tuple[Any, list[str], dict]]) -> LiteralMatcher:
        """A matcher over plain words (aliases), case-insensitive: see :class:`LiteralMatcher`."""
        return LiteralMatcher(items)

    def _compile(self, chosen: list[int]) -> tuple[re.Pattern | None, list[tuple[int, re.Pattern]]] | None:
        if not chosen:
            return None
        if self._longest:
            return None, [(i, self._patterns[i]) for i in chosen]
        alternatives = "|".join(f"(?P<e{i}>{body(self._entries[i][1])})" for i in chosen)
        combined = f"{WORD_START}(?:{alternatives}){WORD_END}" if self._bounded else f"(?:{alternatives})"
        recheck = [(i, self._patterns[i]) for i in chosen] if self._longest and len(chosen) > 1 else []
        return re.compile(combined, self._flags), recheck

    def _scanner(self, text: str, start: int, end: int, words: int | None = None):
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
            chosen = [i for i, bit in enumerate(self._bits) if bit is None or bit & key]
            compiled = self._subsets[key] = self._compile(chosen)
            return compiled

    def _hit(self, m: re.Match, text: str, end: int, recheck) -> Hit:
        i, mm = int(m.lastgroup[1:]), m
        for j, p in recheck:
            other = p.match(text, m.start(), end)
            if other and other.end() > mm.end():
                i, mm = j, other
        label, _, info = self._entries[i]
        return Hit(mm.start(), mm.end(), label, info)

    def find(self, text: str, start: int = 0, end: int | None = None, *, words: int | None = None) -> list[Hit]:
        """Every hit in ``text[start:end]``; ``words`` as in :meth:`search`."""
        if words is not None and not words & self._needed and self.prefilter and not self._always:
            return []  # most sentences hold no word of most matchers
        end = len(text) if end is None else end
        scanner = self._scanner(text, start, end, words)
        if scanner is None:
            return []
        combined, recheck = scanner
        if combined is None:
            return self._separate(text, start, end, recheck)
        hits = []
        pos = start
        while pos < end:
            m = combined.search(text, pos, end)
            if not m:
                break
            hit = self._hit(m, text, end, recheck)
            hits.append(hit)
            pos = max(hit.end, m.start() + 1)
        return hits

    def first(self, text: str, start: int = 0, end: int | None = None, *, words: int | None = None) -> Hit | None:
        if words is not None and not words & self._needed and self.prefilter and not self._always:
            return None  # most sentences hold no word of most matchers
        end = len(text) if end is None else end
        scanner = self._scanner(text, start, end, words)
        if scanner is None:
            return None
        combined, recheck = scanner
        if combined is None:
            found = self._separate(text, start, end, recheck, first=True)
            return found[0] if found else None
        m = combined.search(text, start, end)
        return self._hit(m, text, end, recheck) if m else None

    def search(self, text: str, start: int = 0, end: int | None = None, *, words: int | None = None) -> int | None:
        """Where the leftmost match starts, or None: ``re.search`` over the entries as one alternation.

        ``words`` is the :data:`INDEX` mask of a span holding this one (the sentence), when the
        caller has it: any span's mask holds the masks of the spans inside it, and a mask only
        narrows which entries are tried, so a larger one finds the same hits.
        """
        if words is not None and not words & self._needed and self.prefilter and not self._always:
            return None
        end = len(text) if end is None else end
        scanner = self._scanner(text, start, end, words)
        if scanner is None:
            return None
        if scanner[0] is None:
            starts = [m.start() for _, p in scanner[1] if (m := p.search(text, start, end))]
            return min(starts) if starts else None
        m = scanner[0].search(text, start, end)
        return m.start() if m else None

    def _separate(self, text: str, start: int, end: int, entries: list[tuple[int, re.Pattern]], *, first: bool = False) -> list[Hit]:
        """:meth:`find` over a few entries searched apart: the leftmost match wins, and at one
        position the first entry in lexicon order unless a later one matches longer, as the
        alternation with its re-check would choose."""
        hits: list[Hit] = []
        ahead: dict[int, re.Match | None] = {}
        pos = start
        while pos < end:
            best = None
            for i, p in entries:
                m = ahead.get(i, False)
                if m is False or (m is not None and m.start() < pos):
                    m = ahead[i] = p.search(text, pos, end)
                if m is not None and (best is None or m.start() < best.start()):
                    best = m
            if best is None:
                break
            i, mm = next((i, ahead[i]) for i, _ in entries if ahead[i] is not None and ahead[i].start() == best.start())
            for j, _ in entries:
                other = ahead[j]
                if other is not None and other.start() == mm.start() and other.end() > mm.end():
                    i, mm = j, other
            label, _, info = self._entries[i]
            hits.append(Hit(mm.start(), mm.end(), label, info))
            if first:
                break
            pos = max(mm.end(), mm.start() + 1)
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

    def __init__(self, items: list[tuple[Any, list[str], dict]], *, trie: bool = True):
        self._labels: dict[str, tuple[Any, dict]] = {}
        for label, words, info in items:
            for word in words:
                self._labels.setdefault(_fold(word), (label, info))
        self.trie = trie
        self._words = sorted(self._labels, key=len, reverse=True)
        self._trie = guarded(f"{WORD_START}(?:{trie_pattern(self._words)}){WORD_END}", re.IGNORECASE) if self._words else None

    @functools.cached_property
    def _full(self) -> re.Pattern | None:
        """The longest-first alternation, compiled only when asked for (``trie=False``)."""
        alternation = "|".join(body(re.escape(w)) for w in self._words)
        return re.compile(f"{WORD_START}(?:{alternation}){WORD_END}", re.IGNORECASE) if self._words else None

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Hit]:
        end = len(text) if end is None else end
        regex = self._trie if self.trie else self._full
        if regex is None:
            return []
        out = []
        for m in regex.finditer(text, start, end):
            label, info = self._labels[_fold(m.group())]
            out.append(Hit(m.start(), m.end(), label, info))
        return out

    def first(self, text: str, start: int = 0, end: int | None = None) -> Hit | None:
        hits = self.find(text, start, end)
        return hits[0] if hits else None


def trie_pattern(words: list[str]) -> str:
    """A regex matching any of ``words`` (lowercase literals; ' also matches ’), longest first.

    Siblings differ in their next character, so at most one branch can go on at any place in
    the text; ``(?:...)?`` is greedy, so a node tries to continue before it lets a word end.
    """
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(body(re.escape(char)), {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [atom + emit(child) for atom, child in sorted(node.items()) if atom]
        if not branches:
            return ""
        inner = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        if "" in node:
            return inner + "?" if len(branches) == 1 and len(branches[0]) == 1 else f"(?:{inner})?"
        return inner

    return emit(root)


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


def alternatives(source: str) -> list[str]:
    """The top-level alternatives of a regex source ("a|(b|c)" -> ["a", "(b|c)"]), so each can be
    an entry of its own and the word index can skip the ones a span cannot match."""
    out, depth, current, i, in_class = [], 0, [], 0, False
    while i < len(source):
        char = source[i]
        if char == "\\":
            current.append(source[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = char != "]" or (current and current[-1] == "[")
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


def _fragments(source: str) -> set[str] | None:
    """Lowercase fragments of which every match of the pattern ``source`` contains one, or None."""
    try:
        return _required(list(_sp.parse(source.lower())))
    except re.error:
        return None


def looking_back(doc, index: int, offset: int, *, list_items: int = 0, window: int | None = None):
    """Spans to search for what a reference points back to, nearest first.

    First the sentence ``index`` up to ``offset``, then each earlier sentence of the same
    paragraph: a pronoun or "the dose" is read against its paragraph, never across one. With
    ``list_items``, that many earlier one-line paragraphs of the same section are read too, so
    "- 7-OH: stronger at the same receptor" can point at the bullet above it. With ``window``,
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
            crossed += 1
            if crossed > list_items:
                return
            paragraph = prior.paragraph_index
        end = offset if j == index else prior.end
        if end > prior.start:
            yield (prior.start if window is None else max(prior.start, end - window)), end
