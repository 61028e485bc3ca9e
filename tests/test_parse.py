"""The parser: layouts, sentence boundaries and code-point offsets that always slice exactly."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import examples
from kratom_dataset.errors import SourceError
from kratom_dataset.parse import parse_article


def parse(text: str, **kw):
    return parse_article(text.encode("utf-8"), article_id="t", source_file="t.txt", **kw)


def sentences(text: str) -> list[str]:
    doc = parse(text)
    return [doc.text[s.start : s.end] for s in doc.sentences]


# Layouts ------------------------------------------------------------------------------------------

TEMPLATE = (
    "Summary line about kratom.\n"
    "“An intro that is quoted.”\n"
    "- First Heading\n"
    "- Second Heading\n"
    "First Heading\n"
    "Para one.\n"
    "Second Heading\n"
    "Para two.\n"
    "Para three.\n"
    "The conclusion."
)


def test_template_roles_and_headings():
    doc = parse(TEMPLATE)
    assert doc.format == "template"
    assert [(s.role, s.heading) for s in doc.sections] == [
        ("summary", None),
        ("intro", None),
        ("toc", None),
        ("section", "First Heading"),
        ("section", "Second Heading"),
        ("conclusion", None),
    ]


def test_template_toc_entries_are_heading_sentences_without_the_bullet():
    doc = parse(TEMPLATE)
    toc = [doc.text[s.start : s.end] for s in doc.sentences if doc.sections[s.section_index].role == "toc"]
    assert toc == ["First Heading", "Second Heading"]


def test_markdown_headings_title_and_conclusion():
    doc = parse("# Kratom and sleep\n\nIntro text here.\n\n## Dosing\n\nTake care.\n\n## Conclusion\n\nBe careful.\n")
    assert doc.format == "markdown"
    assert doc.title == "Kratom and sleep"
    assert [(s.role, s.heading) for s in doc.sections] == [
        ("section", "Kratom and sleep"),
        ("section", "Dosing"),
        ("conclusion", "Conclusion"),
    ]


def test_plain_paragraphs_form_one_body_section():
    doc = parse("Kratom is a plant. It is used by some.\n\nAnother paragraph here.")
    assert doc.format == "plain"
    assert [s.role for s in doc.sections] == ["body"]
    assert len(doc.paragraphs) == 2


def test_bullets_that_are_not_a_table_of_contents_do_not_make_a_template():
    doc = parse("Intro line.\n- a list item\n- another item\nText that follows.")
    assert doc.format == "plain"


# Sentences ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("One. Two.", ["One.", "Two."]),
        ("Take 1.5 grams. Then wait.", ["Take 1.5 grams.", "Then wait."]),
        ("Use e.g. tea. Or not.", ["Use e.g. tea.", "Or not."]),
        ("Ask Dr. Smith first. Then act.", ["Ask Dr. Smith first.", "Then act."]),
        ("Is it safe? Some say yes!", ["Is it safe?", "Some say yes!"]),
        ("Known as “kratom wobbles.” Research says so.", ["Known as “kratom wobbles.”", "Research says so."]),
        ("The dose was 5 g. 7-OH is potent.", ["The dose was 5 g.", "7-OH is potent."]),
        ("Capital first. lowercase after period does not split", ["Capital first. lowercase after period does not split"]),
        ("all in lower case. so each full stop splits", ["all in lower case.", "so each full stop splits"]),
    ],
)
def test_sentence_boundaries(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_ends_are_not_part_of_spans(newline):
    doc = parse(f"First line here.{newline}Second line here.")
    assert [doc.text[s.start : s.end] for s in doc.sentences] == ["First line here.", "Second line here."]


def test_offsets_count_code_points_not_bytes():
    text = "Kratom’s “effects” — noted. Then 1–3 grams."
    doc = parse(text)
    second = doc.sentences[1]
    assert text[second.start : second.end] == "Then 1–3 grams."
    assert second.start == len("Kratom’s “effects” — noted. ")
    assert len(text.encode("utf-8")) > len(text)


@pytest.mark.parametrize("raw, reason", [(b"", "is empty"), (b"  \n\t ", "only white space"), (b"caf\xe9 latte", "not valid UTF-8")])
def test_unreadable_input_raises_a_source_error_naming_the_file(raw, reason):
    with pytest.raises(SourceError) as info:
        parse_article(raw, article_id="t", source_file="odd.txt")
    assert reason in str(info.value) and "odd.txt" in str(info.value)


# Properties ---------------------------------------------------------------------------------------

_ALPHABET = st.sampled_from(list("abcXYZ .,;:!?-–—’“”\n\r\t#*0123456789") + ["kratom", " grams", "é", "😀", "\u200b", "\u0301"])
texts = st.lists(_ALPHABET, min_size=1, max_size=80).map("".join)


@settings(max_examples=examples(300), deadline=None)
@given(texts)
def test_parser_never_fails_on_text_and_every_span_slices(text):
    try:
        doc = parse(text)
    except SourceError as exc:
        assert exc.reason == "whitespace-only", exc
        return
    assert doc.text == text
    spans = [
        *((s.start, s.end) for s in doc.sections),
        *((b.start, b.end) for b in doc.paragraphs),
        *((b.start, b.end) for b in doc.sentences),
    ]
    for start, end in spans:
        assert 0 <= start < end <= len(text)
        assert text[start:end].strip()
    for a, b in zip(doc.sentences, doc.sentences[1:]):
        assert a.end <= b.start


# Past counterexamples found by the fuzz test, kept so they stay fixed.
@pytest.mark.parametrize("text", ["\x85", " \u2028 ", "\u200b\x85\ufeff", "\u3000"])
def test_text_of_only_unusual_white_space_is_rejected_not_crashed(text):
    with pytest.raises(SourceError) as info:
        parse(text)
    assert info.value.reason == "whitespace-only"
