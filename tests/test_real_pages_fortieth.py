"""What real pages write, rule by rule: the forms the fortieth round of rules reads.

Each row is a text in a form real pages use and what a reader finds in it; earlier rounds are in
tests/test_real_pages.py and tests/test_real_pages_fifth.py to _thirtyninth.py.
"""

from __future__ import annotations

import pytest

from conftest import records_of


def last_evidence(text: str) -> str:
    """The evidence of the last claim of ``text``, read as the body of a page."""
    return records_of(f"Notes.\n\n{text}", "Claim")[-1].evidence


@pytest.mark.parametrize(
    "text",
    [
        "Dr. Helen Voss runs the addiction service at the county hospital.\n\nAccording to Voss, most patients can taper at home over six weeks.",
        "Hannah Osei, a pharmacologist at a Portland university, tested the shots.\n\nOsei recommends that people who want to quit cut down slowly.",
        "Priya (keys, also an ER nurse between tours) gave me the talk. Priya says the yawning peaks around day 3 after a cut.",
        "Tomás Rivera, who works nights and is also a pharmacist, answered. Rivera says kratom is cleared by CYP3A4.",
    ],
)
def test_a_name_introduced_with_a_role_speaks_as_that_role_when_named_again(text):
    assert last_evidence(text) == "experts"


@pytest.mark.parametrize(
    "text",
    [
        "According to Kenji, the tea tastes better cold and helps him sleep at night.",
        "Marta, a regular customer, came in on Friday. Marta says kratom helps her sleep.",
    ],
)
def test_a_name_nobody_introduced_as_an_expert_is_no_expert(text):
    assert last_evidence(text) != "experts"


@pytest.mark.parametrize(
    "text",
    [
        "My friend Dani, who interprets for me and is also a nurse, sat me down. Also she said melatonin might help me sleep.",
        "The pharmacist at the counter was kind. She also reminded me that kratom can slow breathing with alcohol.",
        "my sister took him to dr patel on friday. she said kratom hits the same receptors the oxy did.",
        "I saw our pharmacist on Monday. Her version: kratom acts on the same receptors as morphine, only weaker.",
        "My hospice nurse came by on Tuesday. Kratom also seems to block a liver enzyme (she said CYP2D6) that clears some medicines.",
        "Our GP was patient with us. But she say if you take it every day in big amounts, the body will depend on it.",
    ],
)
def test_a_report_by_he_or_she_opens_the_ways_real_pages_open_it(text):
    assert last_evidence(text) == "experts"


@pytest.mark.parametrize(
    "text",
    [
        "The agency has linked kratom to dozens of deaths, though most involved other drugs.",
        "The authors call for randomised trials of standardised kratom products.",
        "Some pharmacologists regard 7-hydroxymitragynine as the main driver of dependence.",
    ],
)
def test_an_expert_s_stance_is_the_experts_word(text):
    assert last_evidence(text) == "experts"


def test_people_who_prefer_a_pace_report_nothing():
    assert last_evidence("Some people prefer cutting half a gram every three days instead.") == "none"
