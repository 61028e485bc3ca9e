"""What real pages write, rule by rule: the forms the twenty-fourth round of rules reads.

Each row is a text in a form real pages use and what a reader finds in it; earlier rounds are in
tests/test_real_pages.py and tests/test_real_pages_fifth.py to _twentythird.py.
"""

from __future__ import annotations

import pytest

from conftest import claimed, records_of, triples

# Page structure -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "nightowlforum.net › threads › timing",
        "www.sleepbasics.co › melatonin-vs-kratom",
        "Terima kasih for reading.",
        "Danke!",
        "Standard caveat: nothing here is personal medical advice.",
    ],
)
def test_a_search_results_source_line_a_sign_off_and_a_caveat_are_no_claims(line):
    assert claimed(f"Page\n\nKratom can cause dependence.\n{line}\n") == ["Kratom can cause dependence."]


@pytest.mark.parametrize(
    "line",
    [
        "Nothing here is personal medical advice, so please talk to your GP before you change a dose.",
        "Kratom is sold at kratomshop.com and elsewhere.",
    ],
)
def test_a_caveat_that_goes_on_to_advise_and_a_sentence_naming_a_site_are_claims(line):
    assert claimed(f"Page\n\nKratom can cause dependence.\n{line}\n") == ["Kratom can cause dependence.", line]


@pytest.mark.parametrize(
    ("dateline", "body"),
    [
        ("GAINESVILLE, Fla. (Oct. 14, 2024) — ", "A compound found in kratom eased withdrawal in rats."),
        ("TAMPA, Fla. (AP) — ", "A compound found in kratom eased withdrawal in rats."),
    ],
)
def test_a_datelines_state_and_bracketed_date_end_no_sentence(dateline, body):
    assert claimed(f"Kratom study\n\n{dateline}{body}\n\nMore news.\n") == [dateline + body, "More news."]


ABSTRACT = (
    "Effect of a kratom decoction on pain\n\n"
    "Background: Kratom (Mitragyna speciosa) is widely used in Southeast\n"
    "Asia for pain relief, yet controlled human data on its analgesic effect\n"
    "remain scarce and the few trials so far have been small and short.\n"
    "Methods: We randomised 32 healthy adults who reported daily kratom use\n"
    "to receive a decoction or a placebo on two days a week apart, and\n"
    "measured pain tolerance with a cold pressor test before and after.\n"
)


def test_a_labelled_paragraph_wrapped_before_a_capital_runs_on():
    assert claimed(ABSTRACT)[0] == (
        "Background: Kratom (Mitragyna speciosa) is widely used in Southeast "
        "Asia for pain relief, yet controlled human data on its analgesic effect "
        "remain scarce and the few trials so far have been small and short."
    )


def test_a_short_label_line_still_ends_its_line():
    page = "Kratom + Sertraline\n\nSeverity: Moderate\nMechanism: Sertraline inhibits CYP2D6.\n"
    assert claimed(page) == ["Severity: Moderate", "Mechanism: Sertraline inhibits CYP2D6."]


# Doses ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I take about four grams in the morning and another four after dinner.", [("four grams", 4.0), ("four", 4.0)]),
        ("I take 3 g in the morning and another 2 at night.", [("3 g", 3.0), ("2", 2.0)]),
        ("Take 2 g, then another two hours later.", [("2 g", 2.0)]),
        ("Every week I reduced ca. 10% of the dose.", [("10%", 10.0)]),
        ("Every week I reduced approx. 10% of the dose.", [("10%", 10.0)]),
    ],
)
def test_another_amount_of_the_same_unit_and_a_cut_after_an_abbreviated_estimate(text, expected):
    assert [(d.provenance.exact, d.amount_low) for d in records_of(f"Notes.\n\n{text}", "Dose")] == expected


@pytest.mark.parametrize(
    ("text", "approximate"),
    [
        ("I took ca. 5 g a day.", True),
        ("I took circa 5 g a day.", True),
        ("Kratom grows in Africa. 5 g is a common dose.", False),
        ("It was awesome 5 g was enough.", False),
    ],
)
def test_ca_marks_an_amount_as_approximate_but_not_inside_a_word(text, approximate):
    (dose,) = records_of(f"Notes.\n\n{text}", "Dose")
    assert dose.approximate is approximate


# Mechanisms -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            (
                "Activation of the mu-opioid receptor by mitragynine would alter sleep in the same direction as classical opioids, "
                "which suppress REM sleep."
            ),
            {("mitragynine", "activates", "mu-opioid receptor"), ("opioids", "inhibits", "REM sleep")},
        ),
        (
            "Mitragynine inhibits CYP3A4, the enzyme that clears oxycodone, which may raise oxycodone levels.",
            {("mitragynine", "inhibits", "CYP3A4"), ("mitragynine", "increases", "oxycodone")},
        ),
        (
            "Modafinil induces CYP3A4, the main enzyme that turns mitragynine into 7-hydroxymitragynine, and it inhibits CYP2C19.",
            {("modafinil", "induces", "CYP3A4"), ("modafinil", "inhibits", "CYP2C19")},
        ),
        ("Mitragynin is only a partial agonist on the µ-opioid receptor.", {("mitragynine", "partial_agonist", "mu-opioid receptor")}),
        (
            "L-theanine\nThis amino acid from green tea is thought to raise GABA levels.",
            {("l-theanine", "increases", "GABA")},
        ),
    ],
)
def test_a_relative_clause_names_what_stands_before_it_and_it_after_and_names_the_subject(text, expected):
    assert triples(text) == expected


# Second batch of the round ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "claims"),
    [
        ("Interaction severity: Moderate", True),
        ("Study type: Interventional", True),
        ("Interaction results: Kratom + Tramadol", False),
        ("Day 1: The first 6 to 24 hours", False),
        ("Days 2–3: The peak", False),
        ("Week 10: stop", True),
    ],
)
def test_a_two_word_label_states_an_attribute_and_a_days_capitalised_label_heads_a_section(line, claims):
    page = f"Kratom guide\n\n{line}\nKratom can cause nausea.\n"
    assert claimed(page) == ([line] if claims else []) + ["Kratom can cause nausea."]


def test_an_extensions_number_ends_no_sentence():
    assert claimed("Page\n\nQuestions? Contact the drug information pharmacist at ext. 4410.\n") == [
        "Contact the drug information pharmacist at ext. 4410."
    ]


def test_hope_that_helps_signs_off():
    assert claimed("Page\n\nKratom can cause dependence.\n\nHope that helps, and good luck.\n") == ["Kratom can cause dependence."]


@pytest.mark.parametrize(
    ("text", "certainty"),
    [
        ("You have tried to cut back and could not.", "certain"),
        ("The insomnia passes, I promise.", "certain"),
        ("Kratom could help with pain.", "uncertain"),
        ("Kratom shows promise for pain.", "uncertain"),
    ],
)
def test_could_not_and_i_promise_do_not_hedge(text, certainty):
    assert records_of(f"Notes.\n\n{text}", "Claim")[0].certainty == certainty


def test_the_before_a_coordinated_agent_keeps_it_in_the_chain():
    assert triples("Methadone, buprenorphine and the kratom alkaloids all produce their main effects through the mu-opioid receptor.") == {
        ("methadone", "interacts_with", "mu-opioid receptor"),
        ("buprenorphine", "interacts_with", "mu-opioid receptor"),
        ("kratom", "interacts_with", "mu-opioid receptor"),
    }
