"""What real pages write, rule by rule: the forms the twelfth round of rules reads.

Each row is a text in a form real pages use and what a reader finds in it; earlier rounds are in
tests/test_real_pages.py and tests/test_real_pages_fifth.py to _eleventh.py.
"""

from __future__ import annotations

import pytest

from conftest import claim_of, units

# Evidence: the subject of a reporting verb ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "evidence", "cue"),
    [
        (
            "A toxicologist in Kuala Lumpur who was not involved in the work noted that the assays used isolated enzymes.",
            "experts",
            "A toxicologist in Kuala Lumpur who was not involved in the work noted",
        ),
        (
            "A team at a university in Penang reports that speciogynine inhibits CYP2D6.",
            "experts",
            "A team at a university in Penang reports",
        ),
        ("others on here say 3-4 g three times a day is plenty.", "users_report", "others on here say"),
        ("A mate who'd been through it told me kratom carried him through.", "users_report", "A mate who'd been through it told"),
        ("In 2018, FDA testing found salmonella in some products.", "studies", "FDA testing found"),
    ],
)
def test_the_subject_of_a_reporting_verb_names_the_evidence(text, evidence, cue):
    claim = claim_of(text)
    assert (claim.evidence, claim.evidence_cue.text if claim.evidence_cue else None) == (evidence, cue)


@pytest.mark.parametrize(
    "text",
    [
        "Blood pressure can drop, so patients are told to stand up slowly.",  # a passive
        "Patients who use kratom should be warned about interactions.",  # a modal and a passive
        "A doctor or urgent care can tell you if it suits you.",  # a modal
        "Respondents who used more than 20 grams a day were twice as likely to report poor sleep.",  # an infinitive
        "Nausea was dose-limiting; no participant at 2 g reported it.",  # a subject that denies
        "Some people add 1 to 3 mg of melatonin.",  # no reporting verb
        "Responsible vendors recommend starting with 1 to 2 grams.",  # a seller is no source of evidence
    ],
)
def test_a_verb_that_reports_nothing_of_its_subject_names_no_evidence(text):
    assert claim_of(text).evidence == "none"


# Page structure --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "unit",
    [
        "I'm not a doctor and this isn't advice, just what happened to me.",
        "Still, I get this question often, so here is what we know.",
        "ok so I've been reading papers on this for two years and here's how I understand it, happy to be corrected",
        "There is a second issue.",
        "Free and confidential: Mon–Fri 09:00–16:00",
    ],
)
def test_page_talk_and_opening_hours_are_no_claims(unit):
    assert units(f"Notes\n\nKratom is a tree.\n\n{unit}\n\nIt grows in Thailand.")[2] == (unit, False)


@pytest.mark.parametrize(
    "unit",
    [
        "There is a second issue with kratom: it inhibits CYP2D6.",
        "This is not medical advice: do not replace a prescribed medication with kratom.",
    ],
)
def test_a_unit_that_goes_on_to_say_something_is_a_claim(unit):
    assert units(f"Notes\n\nKratom is a tree.\n\n{unit}\n\nIt grows in Thailand.")[2] == (unit, True)


def test_a_page_title_that_states_an_amount_is_no_claim():
    text = "Kratom taper plan – how I come down from 12 g (my method)\n\nHello friends, I am from Brazil.\n\nI took 12 grams a day."
    assert units(text)[0] == ("Kratom taper plan – how I come down from 12 g (my method)", False)


# Hedges and polarity -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "polarity", "certainty"),
    [
        ("Despite this, 7-OH is arguably the more important of the two.", "affirmed", "uncertain"),
        ("If some week is very hard, stay on the same dose a few days more, is no problem.", "affirmed", "certain"),
        ("Got down to 18 g no problem.", "affirmed", "certain"),
    ],
)
def test_hedges_and_litotes(text, polarity, certainty):
    claim = claim_of(text)
    assert (claim.polarity, claim.certainty) == (polarity, certainty)
