"""What real pages write, rule by rule: the forms the thirty-seventh round of rules reads.

Each row is a text in a form real pages use and what a reader finds in it; earlier rounds are in
tests/test_real_pages.py and tests/test_real_pages_fifth.py to _thirtysixth.py.
"""

from __future__ import annotations

import pytest

from conftest import AROUND, claim_of, claimed, claims_around, records_of, triples
from conftest import bounds as amounts

# Claims and page furniture ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "↳ TechTara_CVT (Verified Vet Tech) · 11:56 PM",
        "↳ mollyandmo_mom · 12:03 AM",
        "↪ greyhound_gary · 7:02 AM",
        "Estimated time: 25 minutes | Last reviewed: September 2023",
        "[Translated from Thai.",
        "Original leaflet: Ban Nong Khai Sub-district Health Promoting Hospital]",
        "Sending hugs.",
        "Peace be with you.",
        "We wish you calm seas and restful nights.",
        "Let me be straight with you.",
    ],
)
def test_a_reply_header_and_a_page_s_time_label_are_no_claims(line):
    assert claims_around(line) == list(AROUND)


@pytest.mark.parametrize(
    "line",
    [
        "Translated from Thai, this leaflet says the leaf is legal to sell.",
        "I wish you had told me about the interaction.",
        "Let me be straight with you: kratom is habit-forming.",
    ],
)
def test_a_line_that_opens_like_a_note_or_a_wish_still_asserts(line):
    assert claims_around(line) == [AROUND[0], line, AROUND[1]]


@pytest.mark.parametrize(
    "text",
    [
        "The last two weeks of the taper were rough, I won't pretend otherwise.",
        "I'm not going to pretend nobody uses it.",
        "The first week was hard, I will not lie.",
    ],
)
def test_saying_one_will_not_pretend_or_lie_denies_nothing(text):
    assert claim_of(text).polarity == "affirmed"


@pytest.mark.parametrize("last", ["Day 18 - stop", "Week 11 - zero", "Day 7 - DONE", "Days 13–14: nothing"])
def test_a_schedule_s_last_step_is_a_claim_before_the_prose_under_it(last):
    text = f"My taper\n\nI wrote the plan on the fridge:\nDay 1 - 6 g\nDay 6 - 4 g\n{last}\nThe last week was the worst.\n"
    assert claimed(text) == ["Day 1 - 6 g", "Day 6 - 4 g", last, "The last week was the worst."]


def test_a_short_line_over_a_paragraph_is_still_a_heading():
    assert claimed("My taper\n\nWeek 10 plans\nI stopped on a Sunday and slept badly for a week.\n") == [
        "I stopped on a Sunday and slept badly for a week."
    ]


# Doses ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("One cup, about a gram and a half of leaf, let me sleep.", (1.5, 1.5, "g", None)),
        ("I took a teaspoon and a half of powder.", (1.5, 1.5, "[tsp_us]", None)),
        # half of something else: the bag's half is no part of the amount
        ("I took a gram and half of the bag was left.", (1.0, 1.0, "g", None)),
    ],
)
def test_and_a_half_of_a_preparation_is_half_a_unit_more(text, amount):
    assert amounts(text) == [amount]


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Most kids need only half a milligram to a milligram of melatonin.", (0.5, 1.0, "mg", None)),
        ("Start with half a teaspoon to a level teaspoon.", (0.5, 1.0, "[tsp_us]", None)),
        ("I was taking a gram to a gram and a half at night.", (1.0, 1.5, "g", None)),
    ],
)
def test_an_amount_to_one_of_a_unit_is_one_range(text, amount):
    assert amounts(text) == [amount]


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Going to try the melatonin at 1/2 a milligram first.", (0.5, 0.5, "mg", None)),
        ("I use ½ a teaspoon in hot water.", (0.5, 0.5, "[tsp_us]", None)),
        ("Not even a milligram of it is approved for sleep.", (1.0, 1.0, "mg", None)),
    ],
)
def test_a_fraction_of_one_unit_and_one_milligram_are_amounts(text, amount):
    assert amounts(text) == [amount]


def test_a_larger_amount_to_one_of_a_unit_is_two_amounts():
    assert amounts("We went from 2 g to a gram in a week.") == [(2.0, 2.0, "g", None), (1.0, 1.0, "g", None)]


# Evidence ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Several deckhands have told supervisors they use kratom powder to get through the night shift.",
        "Veterans tell us they use it for chronic pain.",
        "Some families tell us their relative has been taking kratom for years.",
        "Kids told him they use the shots for energy before practice.",
    ],
)
def test_people_named_by_any_plural_noun_who_tell_someone_report_as_users(text):
    claim = claim_of(text)
    assert (claim.evidence, claim.evidence_cue is not None) == ("users_report", True)


@pytest.mark.parametrize(
    "text",
    [
        "Results tell us that kratom is potent.",
        "The labels tell you to take 2 g.",
        "Always tell your pharmacist about every supplement you take.",
    ],
)
def test_things_that_tell_and_a_request_to_tell_report_nobody(text):
    assert claim_of(text).evidence == "none"


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("My pharmacist, Dr. Omar Haddad, sees pain patients. According to him, kratom is habit-forming.", "experts"),
        ("My doctor gave me clonidine. As she explained it, kratom withdrawal peaks on day three.", "experts"),
        ("My sister gave me her tea. As she put it, kratom withdrawal peaks on day three.", "users_report"),
    ],
)
def test_according_to_him_or_as_she_explained_reports_the_person_introduced_before(text, evidence):
    assert records_of(f"Notes.\n\n{text}", "Claim")[-1].evidence == evidence


@pytest.mark.parametrize(
    "text",
    [
        "Dr. Rosa Mendez, a pharmacist, spoke for the shops. She urged Council to require a warning on kratom.",
        "Dr. Rosa Mendez, a pharmacist, spoke next. In her view, doses above 15 g a day carry a real risk of dependence.",
        "The coroner heard Dr. Alan Pike, a toxicologist. In his opinion the three drugs added to one another's effect.",
        "My GP, Dr. Lee, saw me in March. Her words, close as I can remember: kratom binds opioid receptors.",
        "The film follows Dr. Ines Vale, a pharmacologist. She also describes a taper of about 10 percent per week.",
        "A second researcher adds that 7-hydroxymitragynine binds the mu receptor far more tightly.",
    ],
)
def test_more_frames_and_verbs_report_the_expert_named_before(text):
    assert records_of(f"Notes.\n\n{text}", "Claim")[-1].evidence == "experts"


@pytest.mark.parametrize(
    "text",
    [
        "My doctor added clonidine 0.1 mg at bedtime for the sweats.",
        "I added magnesium at night and slept better.",
    ],
)
def test_added_without_that_reports_nothing(text):
    assert records_of(f"Notes.\n\n{text}", "Claim")[-1].evidence != "experts"


def test_men_who_tell_report_as_users():
    claim = claim_of("A few men on D-block told me they took 5 or 6 grams three times a day before they came in.")
    assert claim.evidence == "users_report"


def test_according_to_her_chart_names_no_speaker():
    text = "My doctor gave me clonidine. According to her dosing chart, kratom withdrawal peaks on day three."
    assert records_of(f"Notes.\n\n{text}", "Claim")[-1].evidence == "none"


# Mechanisms -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kratom also inhibits liver enzymes like CYP3A4 and CYP2D6.",
        "Kratom can block liver enzymes such as CYP2D6 and CYP3A4 that clear other drugs.",
        "Kratom inhibits CYP3A4 and CYP2D6, liver enzymes that clear many common drugs.",
    ],
)
def test_a_class_of_enzymes_named_beside_its_members_is_no_target_of_its_own(text):
    assert triples(text) == {("kratom", "inhibits", "CYP3A4"), ("kratom", "inhibits", "CYP2D6")}


def test_a_class_of_enzymes_named_alone_is_the_target():
    assert triples("Kratom inhibits liver enzymes.") == {("kratom", "inhibits", "liver enzymes")}


def test_how_strongly_and_a_figure_in_brackets_do_not_break_a_list_of_targets():
    text = "Mitragynine inhibits CYP2D6 fairly potently in vitro (IC50 around 0.5 µM in one study) and CYP3A4 more weakly."
    assert triples(text) == {("mitragynine", "inhibits", "CYP2D6"), ("mitragynine", "inhibits", "CYP3A4")}


def test_receptors_like_a_drug_compare_and_name_no_second_target():
    assert {target for _, _, target in triples("Kratom works on the same receptors like opioids.")} == {"opioid receptors"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ibuprofen and naproxen work by inhibiting the COX enzymes.",
            {("ibuprofen", "inhibits", "cox enzymes"), ("naproxen", "inhibits", "cox enzymes")},
        ),
        ("Aspirin blocks COX-1 and COX-2.", {("aspirin", "inhibits", "cox-1"), ("aspirin", "inhibits", "cyclooxygenase-2")}),
    ],
)
def test_the_cyclooxygenase_enzymes_are_targets(text, expected):
    assert triples(text) == expected
