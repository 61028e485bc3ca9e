"""What real pages write, rule by rule: the forms the twenty-third round of rules reads.

Each row is a text in a form real pages use and what a reader finds in it; earlier rounds are in
tests/test_real_pages.py and tests/test_real_pages_fifth.py to _twentysecond.py.
"""

from __future__ import annotations

import pytest

from conftest import claimed, triples

# A talk's, a letter's and a slide deck's frame ------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "--- Slide 1: Patient Snapshot ---",
        "=== Part 2 ===",
        "Chair Delgado and members of the committee,",
        "I am happy to take questions.",
        "Questions from the floor followed; see the departmental site for the recording.",
        "— Worried in Wichita",
        "So let me start with a patient.",
    ],
)
def test_a_slide_rule_a_salutation_a_sign_off_and_a_speakers_turns_are_no_claims(line):
    assert claimed(f"Page\n\nKratom can cause dependence.\n{line}\n") == ["Kratom can cause dependence."]


@pytest.mark.parametrize(
    "line",
    [
        "Let me be clear: kratom is risky at high doses.",
        "Kratom can cause dependence - up to 30% of daily users --- a survey found.",
        "The chair of the board, a pharmacist, said kratom is risky.",
    ],
)
def test_a_claim_that_opens_or_runs_like_a_frame_is_still_a_claim(line):
    assert claimed(f"Page\n\nKratom can cause dependence.\n{line}\n") == ["Kratom can cause dependence.", line]


# Mechanisms ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Paynantheine binds weakly to opioid receptors and is considered a competitive antagonist at the mu-opioid receptor.",
            {("paynantheine", "binds", "opioid receptors"), ("paynantheine", "antagonist", "mu-opioid receptor")},
        ),
        (
            "Mitragynine binds opioid receptors and is regarded as a partial agonist at the mu-opioid receptor.",
            {("mitragynine", "binds", "opioid receptors"), ("mitragynine", "partial_agonist", "mu-opioid receptor")},
        ),
        ("Opioid-type drugs suppress REM sleep.", {("opioids", "inhibits", "REM sleep")}),
    ],
)
def test_a_second_clause_that_considers_the_subject_a_role_and_opioid_type_drugs(text, expected):
    assert triples(text) == expected
