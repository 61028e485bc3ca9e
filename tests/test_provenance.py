"""Record ids (content-derived, the same bytes whichever way the payload is written) and anchors."""

from __future__ import annotations

import hashlib
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SEEDS, examples, seed_text
from kratom_dataset.errors import SourceError
from kratom_dataset.ids import record_id
from kratom_dataset.parse import parse_article
from kratom_dataset.provenance import anchor, sentence_anchor

PARTS = st.lists(
    st.one_of(
        st.integers(min_value=-(10**12), max_value=10**12),
        st.text(max_size=20),
        st.text(alphabet="abc-._09", max_size=12),
        st.booleans(),
        st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
    ),
    max_size=6,
)


def by_json(prefix, *parts):
    """The definition: SHA-256 of the parts as compact, key-sorted JSON, 16 hex digits."""
    payload = json.dumps(parts, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return f"{prefix}-{hashlib.sha256(payload.encode('utf-8')).hexdigest()[:16]}"


@given(parts=PARTS)
def test_a_record_id_is_the_hash_of_its_parts_as_json(parts):
    assert record_id("clm", *parts) == by_json("clm", *parts)


def test_a_record_id_depends_on_every_part():
    assert len({record_id("clm", "a", 1, 2), record_id("clm", "a", 1, 3), record_id("clm", "b", 1, 2), record_id("dos", "a", 1, 2)}) == 4


# Anchors ------------------------------------------------------------------------------------------

_LINES = st.sampled_from(
    ["# Kratom and sleep", "## Doses", "Summary:", "- a bullet point.", "Kratom may help. It may harm!", "Take 2 g. Then rest?", "", "   "]
)
documents = st.lists(_LINES, min_size=1, max_size=12).map("\n".join)


def assert_sentence_anchors_match(doc):
    for i, s in enumerate(doc.sentences):
        fast = sentence_anchor(doc, i, extractor="x", extractor_version="1")
        assert fast == anchor(doc, s.start, s.end, extractor="x", extractor_version="1"), (i, doc.text[s.start : s.end])


@pytest.mark.parametrize("article_id", sorted(SEEDS))
def test_a_sentence_anchor_is_the_anchor_of_the_sentence_span_in_every_seed(article_id):
    assert_sentence_anchors_match(parse_article(seed_text(article_id).encode("utf-8"), article_id=article_id, source_file="a.txt"))


@settings(max_examples=examples(200), deadline=None)
@given(documents, st.sampled_from(["a.txt", "a.md"]))
def test_a_sentence_anchor_is_the_anchor_of_the_sentence_span(text, name):
    try:
        doc = parse_article(text.encode("utf-8"), article_id="a", source_file=name)
    except SourceError:
        return  # nothing but white space
    assert_sentence_anchors_match(doc)
