"""Fuzzing the parser and the extractors with text that looks like the articles, and worse.

CI runs a short pass; ``python -m pytest tests/test_fuzz.py --long`` runs 100,000 examples.
Whatever the text: no exception but a :class:`SourceError` for text with nothing in it (or
with NUL bytes), every record validates, and every span slices its text (all checked by
``validate_rows``).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import SEEDS, seed_text
from kratom_dataset.checks import validate_rows
from kratom_dataset.errors import SourceError
from kratom_dataset.extractors import extract_document
from kratom_dataset.parse import parse_article

SEED_TEXT = "\n".join(seed_text(a) for a in SEEDS)
SEED_WORDS = sorted(set(re.findall(r"\S+", SEED_TEXT)))
ODD = ["\u200b", "\u200f", "\u202e", "\ufeff", "\u0301", "😀", "🧪", "\r", "\r\n", "\t", "\xa0", "–", "—", "’", "“", "”", "µ", "…"]
NUMBERS = st.one_of(
    st.integers(0, 5000).map(str),
    st.floats(0, 100, allow_nan=False).map(lambda f: f"{f:.2f}"),
    st.tuples(st.integers(0, 20), st.sampled_from(["-", "–", "—", " to ", " and "]), st.integers(0, 30)).map(
        lambda t: f"{t[0]}{t[1]}{t[2]}"
    ),
)
UNITS = st.sampled_from(["g", "grams", "mg", "mcg", "µg", "mg/kg", "gram", "kg", "%", "hours"])
TOKENS = st.one_of(
    st.sampled_from(SEED_WORDS),
    NUMBERS,
    st.tuples(NUMBERS, st.sampled_from(["", " "]), UNITS).map("".join),
    st.sampled_from(ODD),
    st.sampled_from(["- ", "# ", "## ", "\n", "\n\n", ". ", "? ", "! "]),
    st.text(max_size=3),
)
PASSAGES = st.lists(TOKENS, min_size=1, max_size=80).map(lambda parts: " ".join(parts))
SLICES = st.tuples(st.integers(0, len(SEED_TEXT)), st.integers(1, 1500)).map(lambda t: SEED_TEXT[t[0] : t[0] + t[1]])


def check(text: str) -> None:
    try:
        doc = parse_article(text.encode("utf-8"), article_id="fuzz", source_file="fuzz.txt")
    except SourceError as exc:
        # Refusing is right only for text with nothing in it, or with NUL bytes in it.
        assert exc.reason in ("empty", "whitespace-only", "html", "nul-bytes", "utf16", "binary"), exc
        if exc.reason in ("nul-bytes", "utf16", "binary"):
            assert "\x00" in text or text.startswith(("\x89PNG", "GIF8", "%PDF", "PK\x03\x04", "\x1f\x8b")), exc
        return
    rows = extract_document(doc)
    report = validate_rows(rows)
    assert report.valid, report.to_text()


# Slices of the seeds that once broke a check, as (start, length), with what they broke.
FOUND = [
    (11758, 1500),  # a clause leaving both agent and target to the one before spanned back into it
]


@pytest.mark.parametrize(("start", "length"), FOUND)
def test_slices_that_once_failed(start, length):
    check(SEED_TEXT[start : start + length])


@pytest.mark.parametrize("text", ['"does 0 to 0 0/0', "Take 1/0 g.", "I was on 5 g. Then 0 0/0, then 2."])
def test_texts_that_once_failed(text):
    check(text)  # a fraction over zero once raised ZeroDivisionError from a bare number


def test_fuzz_parser_and_extractors(fuzz_examples):
    calls = []

    @settings(max_examples=fuzz_examples, deadline=None, suppress_health_check=list(HealthCheck), derandomize=False)
    @given(st.one_of(PASSAGES, SLICES))
    def run(text):
        calls.append(1)
        check(text)

    run()
    print(f"fuzz: {len(calls)} examples, no failure")
    assert len(calls) >= fuzz_examples
