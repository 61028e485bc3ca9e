"""What real pages write, rule by rule: the forms the forty-first round of rules reads.

Each row is a text in a form real pages use and what a reader finds in it; earlier rounds are in
tests/test_real_pages.py and tests/test_real_pages_fifth.py to _fortieth.py.
"""

from __future__ import annotations

import pytest

from conftest import AROUND, claimed, claims_around, triples


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Quetiapine blocks dopamine D2 and serotonin 5-HT2A receptors.",
            {("quetiapine", "inhibits", "dopamine receptors"), ("quetiapine", "inhibits", "serotonin receptors")},
        ),
        (
            "Trazodone mainly blocks 5-HT2A serotonin and H1 histamine receptors.",
            {("trazodone", "inhibits", "serotonin receptors"), ("trazodone", "inhibits", "histamine H1 receptor")},
        ),
        (
            "Ramelteon acts on melatonin MT1 and melatonin MT2 receptors.",
            {("ramelteon", "interacts_with", "MT1 melatonin receptor"), ("ramelteon", "interacts_with", "MT2 melatonin receptor")},
        ),
        (
            "Amitriptyline blocks muscarinic and histamine H1 receptors.",
            {("amitriptyline", "inhibits", "muscarinic receptors"), ("amitriptyline", "inhibits", "histamine H1 receptor")},
        ),
    ],
)
def test_receptor_subtypes_coordinated_with_their_family_words_are_a_target_each(text, expected):
    assert triples(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kratom's alkaloids hit the adrenaline receptors too.", ("kratom", "interacts_with", "adrenergic receptors")),
        ("Mitragynine also works on adrenaline-type receptors.", ("mitragynine", "interacts_with", "adrenergic receptors")),
        ("Withdrawal from kratom raises adrenaline levels at night.", ("kratom", "increases", "adrenaline")),
    ],
)
def test_receptors_named_for_adrenaline_are_adrenergic_and_adrenaline_itself_stays_a_hormone(text, expected):
    assert expected in triples(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Grapefruit juice shuts down CYP3A4.", ("grapefruit juice", "inhibits", "CYP3A4")),
        ("Kratom turns off CYP2D6 for a while.", ("kratom", "inhibits", "CYP2D6")),
        ("Kratom may get in the way of CYP2D6, the enzyme that clears diphenhydramine.", ("kratom", "inhibits", "CYP2D6")),
        ("Buprenorphine attaches very tightly to mu-opioid receptors.", ("buprenorphine", "binds", "mu-opioid receptor")),
        ("Kratom's main ingredients plug into the same opioid receptors.", ("kratom", "binds", "opioid receptors")),
        ("Buprenorphine is only a partial activator of mu-opioid receptors.", ("buprenorphine", "partial_agonist", "mu-opioid receptor")),
    ],
)
def test_plain_wordings_of_blocking_binding_and_partly_activating(text, expected):
    assert expected in triples(text)


def test_getting_in_the_way_of_something_that_is_no_target_states_no_mechanism():
    assert triples("Kratom can get in the way of a good night's sleep.") == set()


@pytest.mark.parametrize(
    ("header", "sentence"),
    [
        (  # authors marked by letters end their line over the affiliations
            (
                "Daily kratom use and sleep: a survey of 412 adults\n"
                "Priya Natarajan a, Thomas K. Ellery b, Min-seo Park a\n"
                "a Department of Psychiatry, Lakeshore University; b College of Pharmacy, Lakeshore University"
            ),
            "Kratom binds mu-opioid receptors.",
        ),
        (  # authors surname first with dotted initials end a title wrapped over two lines
            (
                "Pharmacokinetics and subjective sleepiness after single and repeated doses\n"
                "of traditionally brewed kratom tea in healthy adults\n"
                "Nguyen T.H., Abdul Rahman S., Okafor C., Lindqvist M."
            ),
            "Background: Kratom tea is widely used.",
        ),
    ],
)
def test_a_paper_s_header_over_its_first_sentence_states_nothing(header, sentence):
    assert claimed(f"{header}\n\n{sentence}\n") == [sentence]


@pytest.mark.parametrize(
    "line",
    [
        "Kratom; Mitragynine; Opioid withdrawal; Sleep quality; PSQI; Self-treatment",
        "kratom; melatonin; insomnia; taper",
    ],
)
def test_a_line_of_terms_set_apart_by_semicolons_is_no_claim(line):
    assert claims_around(line) == list(AROUND)


@pytest.mark.parametrize(
    "line",
    [
        "Take it with food; skip it at night; never mix it with alcohol.",
        "Eat early; sleep late; walk daily",
    ],
)
def test_advice_set_apart_by_semicolons_still_claims(line):
    assert line in claims_around(line)


@pytest.mark.parametrize(
    "line",
    [
        "a Department of Psychiatry, Lakeshore University; b College of Pharmacy, Lakeshore University",
        "2 Institute of Natural Products Research, Valdera",
    ],
)
def test_a_paper_s_affiliations_under_their_marks_are_no_claims(line):
    assert claims_around(line) == list(AROUND)


def test_a_department_store_is_no_affiliation():
    assert "a department store near me sells kratom shots." in claims_around("a department store near me sells kratom shots.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kratom is no opioid, but it acts on the mu-opioid receptors that heroin and fentanyl use.",
            {("heroin", "interacts_with", "mu-opioid receptor"), ("fentanyl", "interacts_with", "mu-opioid receptor")},
        ),
        ("The opioid receptors kratom acts on are the ones naloxone blocks.", {("kratom", "interacts_with", "opioid receptors")}),
        ("The opioid receptors that morphine binds to are the ones naloxone blocks.", {("morphine", "binds", "opioid receptors")}),
    ],
)
def test_the_drugs_a_relative_clause_names_after_a_receptor_act_on_it(text, expected):
    assert expected <= triples(text)


def test_a_drug_that_uses_a_receptor_to_do_something_else_is_no_record_of_the_clause():
    assert ("oxycodone", "interacts_with", "opioid receptors") not in triples(
        "Naloxone blocks the opioid receptors that oxycodone uses to relieve pain."
    )
