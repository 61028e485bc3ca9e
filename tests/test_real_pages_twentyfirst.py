"""What real pages write, rule by rule: the forms the twenty-first round of rules reads.

Each row is a text in a form real pages use and what a reader finds in it; earlier rounds are in
tests/test_real_pages.py and tests/test_real_pages_fifth.py to _twentieth.py.
"""

from __future__ import annotations

import pytest

from conftest import claimed, records_of, triples, units

# Lines that run on, and lines that end ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Stopping all at once usually brings on withdrawal within\n12 to 24 hours: runny nose and poor sleep.",
        "Most people feel it sooner than\n48 hours: aches first, then poor sleep.",
    ],
)
def test_a_line_ending_in_within_or_than_runs_on_into_a_label_like_line(text):
    assert [unit for unit, _ in units(f"Withdrawal\n\n{text}")][1:] == [text.replace("\n", " ")]


@pytest.mark.parametrize("control", ["Click to expand...", "Show more replies", "Read more", "Tap to see more…"])
def test_a_page_control_ends_the_line_above_it_in_a_text_wrapped_near_its_width(control):
    quoted = "I went from 30g to 10g in a month and the legs were the worst part"
    reply = (
        "yeah same boat here, im at 8 g a day now and was doing like 25 to 28g\n"
        "at my peak, and honestly the days are fine but its the nights that\n"
        "kill me, the legs wont stop and i get maybe three hours of sleep if\n"
        "im lucky, so i moved my last dose to six in the evening instead."
    )
    found = [unit for unit, _ in units(f"Forum\n\nQuote from tom:\n{quoted}\n{control}\n\n{reply}")]
    assert quoted in found


# Who says it: the subject of a reporting verb ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("Dr. Amara Lind, a clinical pharmacologist, told members that kratom can cause dependence.", "experts"),
        ("Dr. Lin, who runs the clinic, said kratom can cause dependence.", "experts"),
        ("A representative, a retired toxicologist, stated that kratom can cause dependence.", "experts"),
        ("The ER vet told us kratom can make dogs drowsy.", "experts"),
        ("The pathologist noted that mitragynine acts on the mu-opioid receptor.", "experts"),
        ("County health director Maria Esposito said kratom can cause dependence.", "experts"),
        ("Researchers have shown that mitragynine is broken down largely by CYP3A4.", "experts"),
        ("Dr. Jo Ames runs the clinic. She usually recommends a gradual taper over six weeks.", "experts"),
        ("Dr. Jo Ames runs the clinic. She advises against cutting more than 10% at a time.", "experts"),
    ],
)
def test_the_speaker_named_around_an_appositive_or_by_a_role_backs_the_claim(text, evidence):
    assert records_of(f"Notes.\n\n{text}", "Claim")[-1].evidence == evidence


@pytest.mark.parametrize(
    "text",
    [
        "If your doctor later raises the sertraline to 100 mg, mention the kratom again.",
        "Many people in the United States use kratom to manage opioid withdrawal.",
        "When the vet is away, keep the bag locked up.",
    ],
)
def test_a_clause_of_condition_or_a_place_name_names_no_speaker(text):
    assert records_of(f"Notes.\n\n{text}", "Claim")[-1].evidence == "none"


# Amounts: a week's number and a content are no doses ------------------------------------------


def _amounts(text: str) -> list[str]:
    return [d.provenance.exact for d in records_of(text, "Dose")]


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        ("The planner shows 10.8 g in week 2, 9.7 g in week 3 and 8.7 g in week 4.", ["10.8 g", "9.7 g", "8.7 g"]),
        ("Hold 6 g at step 2, 5 g at step 3 and 4 g at step 4.", ["6 g", "5 g", "4 g"]),
        ("Single doses of 2, 4 and 8 mg were given.", ["2", "4", "8 mg"]),
    ],
)
def test_a_number_after_week_or_step_labels_it_and_is_no_amount_of_a_list(text, amounts):
    assert _amounts(text) == amounts


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        ("Kratom leaves contain mitragynine and smaller amounts of 7-hydroxymitragynine.", []),
        ("The kratom leaf has only tiny amounts of it.", []),
        ("People who have taken large amounts of kratom report seizures.", ["large amounts"]),
        ("At high doses it sedates.", ["high doses"]),
    ],
)
def test_what_a_leaf_holds_is_no_dose_and_what_someone_takes_is(text, amounts):
    assert _amounts(text) == amounts


# Mechanisms: "both" after a quantity, REM on its own ------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kratom leaves contain mitragynine and smaller amounts of 7-hydroxymitragynine, and both bind to the mu-opioid receptor.",
            {("mitragynine", "binds", "mu-opioid receptor"), ("7-hydroxymitragynine", "binds", "mu-opioid receptor")},
        ),
        ("Kratom seems to suppress REM as well.", {("kratom", "inhibits", "REM sleep")}),
        ("In our data, kratom suppressed REM most strongly above 8 g a day.", {("kratom", "inhibits", "REM sleep")}),
    ],
)
def test_both_names_a_name_after_amounts_of_and_rem_alone_is_rem_sleep(text, expected):
    assert triples(text) == expected


# Page furniture and talk about the document ---------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "212 people found this answer helpful",
        "Was this answer helpful? Yes · No",
        "Yes  ·  No",
        "Prepared by the County Law Library; this summary is not an official opinion.",
        "Chapter 1 reviews the pharmacology of kratom and the effects of opioid withdrawal on sleep.",
        "Last one.",
    ],
)
def test_feedback_widgets_credit_lines_and_chapter_outlines_are_no_claims(line):
    assert claimed(f"Answer\n\nKratom can cause dependence.\n{line}\n") == ["Kratom can cause dependence."]


@pytest.mark.parametrize(
    "line",
    ["Chapter 3 reports that kratom users fell asleep sooner.", "Tea prepared by boiling the leaves is bitter."],
)
def test_a_chapter_that_reports_a_finding_and_a_preparation_are_claims(line):
    assert claimed(f"Answer\n\nKratom can cause dependence.\n{line}\n") == ["Kratom can cause dependence.", line]
