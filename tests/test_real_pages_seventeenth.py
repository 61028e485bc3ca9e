"""What real pages write, rule by rule: the forms the seventeenth round of rules reads.

Each row is a text in a form real pages use and what a reader finds in it; earlier rounds are in
tests/test_real_pages.py and tests/test_real_pages_fifth.py to _sixteenth.py.
"""

from __future__ import annotations

import pytest

from conftest import AROUND, claim_of, claims_around, records_of, triples

# A reference to a target names a target of its kind ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "opioids" is named later, but "these receptors" names receptors
        (
            "Buprenorphine binds mu-opioid receptors more tightly than most opioids, yet it is only a partial agonist at these receptors.",
            ("buprenorphine", "partial_agonist", "mu-opioid receptor"),
        ),
        (
            "Naloxone displaces the alkaloids from mu-opioid receptors faster than other opioids. Mitragynine then has to compete for those receptors again.",
            ("mitragynine", "interacts_with", "mu-opioid receptor"),
        ),
        # a transporter, not the enzyme named beside it
        (
            "Mitragynine is a substrate of CYP3A4 and P-glycoprotein, and in cell assays it inhibits this transporter.",
            ("mitragynine", "inhibits", "P-glycoprotein"),
        ),
    ],
)
def test_a_reference_to_a_target_names_the_latest_target_of_its_kind(text, expected):
    assert expected in triples(text)


def test_a_reference_with_no_target_of_its_kind_before_it_still_names_the_latest_target():
    # no receptor before "these receptors": the opioid receptors the page named last stand for them
    assert ("mitragynine", "binds", "opioid receptors") in triples(
        "Kratom acts on opioid receptors. Mitragynine binds these receptors weakly."
    )


# A passive with a second agent ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Mitragynine is metabolised chiefly by CYP3A4, and to a small degree by CYP2D6 and CYP2C9.",
        "Mitragynine is metabolised mainly by CYP3A4 and partly by CYP2D6 and CYP2C9.",
    ],
)
def test_each_enzyme_of_a_passives_second_by_phrase_is_a_target(text):
    assert {t for _, _, t in triples(text)} == {"CYP3A4", "CYP2D6", "CYP2C9"}


# Amounts ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("We suggest 4 until 6 gram red powder around one hour before bed.", 4.0, 6.0),
        ("For new customer we suggest 1 until 2 gram only.", 1.0, 2.0),
    ],
)
def test_until_between_two_numbers_joins_a_range(text, low, high):
    (dose,) = records_of(text, "Dose")
    assert (dose.amount_low, dose.amount_high) == (low, high)


def test_until_after_a_change_of_dose_is_no_range():
    doses = records_of("I went from 12 g until 8 g over a month.", "Dose")
    assert sorted((d.amount_low, d.amount_high) for d in doses) == [(8.0, 8.0), (12.0, 12.0)]


def test_an_amount_they_were_at_is_their_usual_amount():
    (dose,) = records_of("Many readers who kept a log found they were at 15 grams a day.", "Dose")
    assert dose.role == "typical"


# Denials in case reports ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        ("He denied alcohol or other opioid use.", "negated"),
        ("She denies taking any other supplements.", "negated"),
        ("The patient denied using any other drugs.", "negated"),
        ("He denied any history of seizures.", "negated"),
        ("The FDA denied the petition.", "affirmed"),
    ],
)
def test_a_patient_who_denies_using_a_drug_states_a_denial(text, polarity):
    assert claim_of(text).polarity == polarity


# Page chrome ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "answered 3 months ago by Marta K. (pharmacist, Wrocław)",
        "asked 2 days ago by sleepless_in_lodz",
        "3 days ago · Reply",
        "Page last revised: October 2, 2023",
        "Slide 5 – Worked example: kratom",
        "Try Lull free for 7 days.",
        "Cancel anytime.",
        "Hello dear customer!",
    ],
)
def test_a_line_of_page_chrome_is_no_claim(line):
    assert claims_around(line) == list(AROUND)


@pytest.mark.parametrize(
    "line",
    [
        "2 years ago I started taking kratom for back pain.",
        "Hello, kratom did nothing for my sleep, and I tried it for a month.",
    ],
)
def test_a_sentence_that_opens_like_chrome_is_still_a_claim(line):
    assert claims_around(line) == [AROUND[0], line, AROUND[1]]
