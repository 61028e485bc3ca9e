"""What real pages write, rule by rule: the forms the twelfth round of rules reads.

Each row is a text in a form real pages use and what a reader finds in it; earlier rounds are in
tests/test_real_pages.py and tests/test_real_pages_fifth.py to _eleventh.py.
"""

from __future__ import annotations

import pytest

from conftest import claim_of

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
