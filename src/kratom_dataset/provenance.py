"""Anchor spans to their source: Web Annotation quote + position, and content-derived ids."""

from __future__ import annotations

from .document import Document, SectionSpan
from .models import Provenance

CONTEXT_CHARS = 32


def anchor(
    doc: Document,
    start: int,
    end: int,
    *,
    extractor: str,
    extractor_version: str,
    method: str = "rule",
    sentence: bool = True,
) -> Provenance:
    """Provenance of ``doc.text[start:end]``: quote, context, section and sentence."""
    sentence_id = None
    if sentence:
        index = doc.sentence_at(start)
        if index is not None and end <= doc.sentences[index].end:
            sentence_id = sentence_record_id(doc, index)
    return _quote(doc, start, end, doc.section_of(start), sentence_id, method, extractor, extractor_version)


def sentence_anchor(doc: Document, index: int, *, extractor: str, extractor_version: str) -> Provenance:
    """:func:`anchor` of the whole of sentence ``index``, whose section and id the parse already knows.

    Every sentence row and every claim is anchored this way: skipping the two look-ups saves a
    per cent of a corpus build.
    """
    s = doc.sentences[index]
    return _quote(doc, s.start, s.end, doc.sections[s.section_index], doc.sentence_ids[index], "rule", extractor, extractor_version)


def _quote(
    doc: Document,
    start: int,
    end: int,
    section: SectionSpan,
    sentence_id: str | None,
    method: str,
    extractor: str,
    extractor_version: str,
) -> Provenance:
    text = doc.text
    return Provenance.trusted(
        article_id=doc.article_id,
        article_sha256=doc.sha256,
        char_start=start,
        char_end=end,
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
        section_index=section.index,
        section=section.name,
        sentence_id=sentence_id,
        method=method,
        extractor=extractor,
        extractor_version=extractor_version,
    )


def sentence_record_id(doc: Document, index: int) -> str:
    """Id of sentence ``index`` of ``doc``, shared by the sentences table and every provenance."""
    return doc.sentence_ids[index]
