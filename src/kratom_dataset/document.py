"""The parsed article as data: its sections, paragraphs and sentences as code-point spans.

Every layer above the parser reads these types and nothing else of it, so they live apart from
the parsing rules.
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, field

from .ids import record_id
from .vocabulary import ArticleFormat, SectionRole

# Characters that carry no text: white space, the byte-order mark, zero-width spaces and joiners.
_BLANK = " \t\n\r\f\v\ufeff\u200b\u200c\u200d\u2060\u00a0"


@dataclass(frozen=True)
class Block:
    """A section, paragraph or sentence: a span plus what the parser knows about it."""

    start: int
    end: int
    section_index: int = 0
    paragraph_index: int = 0
    is_heading: bool = False


@dataclass(frozen=True)
class SectionSpan:
    """A section of the document: its role, its heading (if any) and its span."""

    index: int
    role: SectionRole
    heading: str | None
    start: int
    end: int

    @property
    def name(self) -> str:
        """Heading text, or the role for sections without one (what provenance calls ``section``)."""
        return self.heading or self.role


@dataclass(frozen=True)
class Document:
    """A parsed article. Pure data: extractors read it, nothing mutates it."""

    article_id: str
    source_file: str
    sha256: str
    size_bytes: int
    text: str
    format: ArticleFormat
    title: str | None
    sections: tuple[SectionSpan, ...]
    paragraphs: tuple[Block, ...]
    sentences: tuple[Block, ...]
    _sentence_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)
    flat: str = field(default="", repr=False, compare=False)
    """The text with every soft line break (a line break inside a paragraph) read as a space: the
    same length and offsets as ``text``, so rules match "binds the\\nmu-opioid receptor" as one
    phrase while every quote is still sliced from ``text``. It is ``text`` itself when the
    article has no soft breaks."""

    def __post_init__(self) -> None:
        if not self.flat:
            object.__setattr__(self, "flat", self.text)

    def section_of(self, offset: int) -> SectionSpan:
        """The section containing ``offset`` (the last one starting at or before it): a binary
        search, since a page of one-line headings has as many sections as lines."""
        starts = self.__dict__.get("_section_starts")
        if starts is None:
            starts = [section.start for section in self.sections]
            object.__setattr__(self, "_section_starts", starts)
        return self.sections[max(0, bisect.bisect_right(starts, offset) - 1)]

    @functools.cached_property
    def sentence_ids(self) -> tuple[str, ...]:
        """Record id of every sentence, made once: the sentences table and every provenance share them."""
        return tuple(record_id("sen", self.article_id, s.start, s.end) for s in self.sentences)

    def sentence_at(self, offset: int) -> int | None:
        """Index of the sentence containing ``offset``, or None between sentences."""

        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return i
        return None


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start] in _BLANK or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _BLANK or text[end - 1].isspace()):
        end -= 1
    return start, end
