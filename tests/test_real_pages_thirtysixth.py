"""What real pages write, rule by rule: the forms the thirty-sixth round of rules reads.

Each row is a text in a form real pages use and what a reader finds in it; earlier rounds are in
tests/test_real_pages.py and tests/test_real_pages_fifth.py to _thirtyfifth.py.
"""

from __future__ import annotations

import pytest

from conftest import AROUND, claimed, claims_around, rules_claim_of
from conftest import bounds as amounts

# Claims and page furniture ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Yellow highlight | Location: 812",
        "Note | Location: 2030\nlol.",
        "New episodes every Tuesday.",
        "Wherever you listen.",
        "Stay curious, stay safe.",
        "Load more replies (7)",
        "quiet hands, loud brain\nan autistic adult writing about the practical stuff",
        "Please don't take my story as advice.",
        "→ Book a free 20-minute integration call",
    ],
)
def test_page_chrome_and_talk_about_the_page_are_no_claims(line):
    assert claims_around(line) == list(AROUND)


@pytest.mark.parametrize(
    "line",
    [
        '"Great for winding down, and no crash the next day."',
        "Note the dose: 2 g is plenty for most people.",
        "Stay under 8 g a day, and stay hydrated.",
    ],
)
def test_a_review_in_quotes_or_a_line_that_opens_like_chrome_still_asserts(line):
    assert claimed(f"Notes\n\n{line}\n") == [line.strip('"')]


@pytest.mark.parametrize(
    "line",
    [
        "Book the Lakeview Inn instead.",
        "Open the airway with a head-tilt/chin-lift.",
        "Remove the victim from the water and place on a firm surface.",
        "Block out light completely; eye mask or foil on the windows.",
        "Nap in the afternoon when call volume allows, 20-30 minutes max.",
        "Have him take his last kratom dose in the afternoon.",
        "Document the time of every dose given.",
    ],
)
def test_an_imperative_is_a_recommendation(line):
    assert rules_claim_of(line).claim_type == "recommendation"


@pytest.mark.parametrize(
    "line",
    ["Have been using for three years and sleep is rough.", "Open-label design; doses were self-reported."],
)
def test_a_verb_that_opens_no_imperative_leaves_the_type(line):
    assert rules_claim_of(line).claim_type != "recommendation"


# Doses ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Some patients are later titrated up to 0.75 mg/kg based on response.",
        "They got him up to 6 mg at bedtime.",
        "When I bumped it up to 3 g I felt sedated.",
    ],
)
def test_up_to_after_a_rise_is_no_cap(text):
    ((low, high, _, comparator),) = amounts(text)
    assert (low, high, comparator) == (high, high, None)


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("I wouldn't take more than 2 g the night before a comp.", (None, 2.0, "g", "<=")),
        ("Doc says never go back above 3 grams a day.", (None, 3.0, "g", "<=")),
        ("You can take up to 8 g a day.", (None, 8.0, "g", "<=")),
    ],
)
def test_a_denied_amount_is_a_cap(text, amount):
    assert amounts(text) == [amount]
