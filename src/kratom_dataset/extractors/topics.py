"""Topics: which taxonomy topics an article covers, and the span that establishes each."""

from __future__ import annotations

import bisect
import functools
from collections import Counter
from typing import Any

from .. import lexicon as lexicons
from ..document import Document
from ..ids import record_id
from ..models import Topic
from ..provenance import anchor
from ._match import Hit, LiteralMatcher, Matcher

NAME = "kratom_dataset.extractors.topics"
VERSION = f"1.0.0+{lexicons.version('taxonomy')}"


@functools.cache
def taxonomy() -> dict[str, dict[str, Any]]:
    """The curated taxonomy: topic id -> entry (label, parent, aliases, MeSH id and its status)."""
    return {t["id"]: t for t in lexicons.read("taxonomy")["topics"]}


@functools.cache
def _matcher() -> LiteralMatcher:
    return Matcher.literals([(t["id"], t["aliases"], {}) for t in taxonomy().values()])


def mentions(text: str, start: int = 0, end: int | None = None) -> list[Hit]:
    """Every alias mention in ``text[start:end]``, longest alias first where two overlap."""
    return _matcher().find(text, start, end)


def extract_topics(doc: Document, hits: list[Hit] | None = None) -> list[Topic]:
    """One record per topic the article mentions, anchored at a heading mention if there is one."""
    headings = [s for s in doc.sentences if s.is_heading and doc.sections[s.section_index].role != "toc"]
    starts = [s.start for s in headings]  # in order, never overlapping: only the last to start can hold a mention
    hits = mentions(doc.flat) if hits is None else hits
    counts = Counter(h.label for h in hits)
    chosen: dict[str, tuple[Hit, str]] = {}
    for h in hits:
        i = bisect.bisect_right(starts, h.start) - 1
        in_heading = i >= 0 and h.end <= headings[i].end
        previous = chosen.get(h.label)
        if previous is None or (in_heading and previous[1] != "heading"):
            chosen[h.label] = (h, "heading" if in_heading else "first_mention")
    entries = taxonomy()
    records = []
    for topic_id in sorted(chosen):
        hit, established_by = chosen[topic_id]
        entry = entries[topic_id]
        records.append(
            Topic.trusted(
                id=record_id("top", doc.article_id, topic_id),
                article_id=doc.article_id,
                topic_id=topic_id,
                label=entry["label"],
                parent_id=entry["parent"],
                mention_count=counts[topic_id],
                established_by=established_by,
                provenance=anchor(doc, hit.start, hit.end, extractor=NAME, extractor_version=VERSION),
            )
        )
    return records
