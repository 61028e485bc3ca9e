"""What real pages write, rule by rule: the forms the thirty-fourth round of rules reads.

Each row is a text in a form real pages use and what a reader finds in it; earlier rounds are in
tests/test_real_pages.py and tests/test_real_pages_fifth.py to _thirtythird.py.
"""

from __future__ import annotations

import pytest

from conftest import bounds as amounts
from conftest import claimed, records_of, triples

QUIZ = (
    "Which mechanism best explains her sedation?\n"
    "A. Induction of CYP3A4 by paroxetine\n"
    "B. Additive CYP2D6 inhibition by mitragynine\n"
    "C. Serotonin syndrome from 5-HT2A agonism by kratom\n"
    "D. It should be taken at 20 mg or more\n\n"
    "Correct answer: B. Mitragynine inhibits CYP2D6, so levels of the antidepressant rise.\n"
)


# Claims and page furniture ----------------------------------------------------------------------------


def test_the_options_of_a_multiple_choice_question_assert_nothing():
    found = [c.provenance.exact for c in records_of(QUIZ, "Claim")]
    assert not any(unit.startswith(("A.", "B.", "C.", "D.")) for unit in found)
    assert any("Mitragynine inhibits CYP2D6" in unit for unit in found)


def test_an_option_states_no_mechanism_and_no_dose():
    assert triples(QUIZ) == {("mitragynine", "inhibits", "CYP2D6")}
    assert amounts(QUIZ) == []


@pytest.mark.parametrize(
    "text",
    [
        "Q7. Interaction to remember?\nA. Mitragynine inhibits CYP2D6 and CYP3A4.\n",
        "A. Thanks for writing, Travis. Kratom and buprenorphine compete at the same receptor.\n",
    ],
)
def test_a_lone_lettered_line_is_an_answer_that_asserts(text):
    assert any(unit.startswith("A.") for unit in claimed(f"Notes\n\n{text}"))


@pytest.mark.parametrize(
    "line",
    [
        "Hej everyone.",
        "Namaskar everyone.",
        "Good people of this blog, I greet you all.",
        "Hi all, long time reader, first post.",
        "Hi everyone, first time posting.",
        "I am reading this forum since long time, now I want to write my story and also ask about the sleep.",
        "slowandsteady » Tue Feb 13, 2024 9:12 am",
        "Meeting date: 14 March 2024, 07:30, Conference Room B",
        "Assessment period: 01/2019 – 12/2024 | Prepared by: Pharmacovigilance Unit | Version 1.2",
        "SFX: screen door, birds",
        "CW: drugs, opioids, withdrawal",
        "1/8 Since kratom keeps coming up in my mentions: a thread on what it actually does in the body.",
        '[02:14:07] You said: "hey nova what is kratom"',
        "You: tell me more.",
        "quietnorth · Bipolar II · Jan 9, 2025",
        "Sponsored by RigRest mattresses.",
        "Full transcript available to Patreon members.",
        "Msg & data rates may apply.",
        "Downloads last month: 312",
        "If received in error, please notify the sender and destroy all copies.",
        "pip install kratom-taper",
        "precipitated withdrawal n.",
    ],
)
def test_page_chrome_and_talk_about_the_post_are_no_claims(line):
    assert claimed(f"Kratom is a tree.\n\n{line}\n\nIt grows in Thailand.\n") == ["Kratom is a tree.", "It grows in Thailand."]


@pytest.mark.parametrize(
    "line",
    [
        "Hello everyone, I am from Poland and this is my first post here.",
        "Effective date: January 1, 2026",
        "Python is easy to learn, and pip installs packages.",
        "Our new paper on kratom alkaloids and opioid receptors is out today 🎉 A thread on what we found",
    ],
)
def test_a_greeting_or_a_label_with_content_still_asserts(line):
    assert line in claimed(f"Notes\n\n{line}\n")


def test_what_follows_a_lead_in_with_a_colon_asserts():
    line = "Here's what our pharmacist wants you to know: kratom works on the same receptors in the brain as opioid painkillers."
    assert claimed(f"Notes\n\n{line}\n") == [line]
    assert claimed("Notes\n\nHere is a simple breakdown of the science.\n") == []


def test_an_article_number_does_not_end_a_sentence():
    line = "Under our contract (Art. 14), testing after an incident is allowed."
    assert claimed(f"Notes\n\n{line}\n") == [line]


@pytest.mark.parametrize(
    "line",
    [
        "Lot GL-24-0613, Exp. 12/2025, was recalled after testing found added 7-OH.",
        "Mitragyna speciosa (Korth.) Havil. is a tree of the coffee family.",
    ],
)
def test_an_expiry_date_and_a_botanical_authority_end_no_sentence(line):
    assert claimed(f"Notes\n\n{line}\n") == [line]


def test_a_wrapped_list_item_goes_on_with_a_capital():
    text = (
        "NOTES\n"
        "1) Labels. Each package must list the number of servings and the milligrams of mitragynine\n"
        "per serving, and a warning that the product is not approved for any medical use in the\n"
        "state. Retailers must keep the labels visible at the counter for the whole of the year.\n"
        "2) Age limit. Sales to anyone under 21 years of age are prohibited, as they are under the\n"
        "laws of several neighbouring states, and a first violation carries a civil penalty of $500.\n"
        "3) Other states. At least 12 states have passed a version of the Kratom Consumer\n"
        "Protection Act since 2019.\n"
    )
    assert "At least 12 states have passed a version of the Kratom Consumer Protection Act since 2019." in claimed(text)


# Doses ------------------------------------------------------------------------------------------------


def test_a_package_size_priced_is_no_dose():
    assert amounts("* Red Bali ... 50g $12 | 100g $20 | 250g $42\n  6 caps = 3 g, a normal serving") == [(3.0, 3.0, "g", None)]


def test_by_volume_is_no_volume_label():
    assert amounts("No scale here, I go by volume: .75 tsp for a normal cup.") == [(0.75, 0.75, "[tsp_us]", None)]


@pytest.mark.parametrize("text", ["I take a couple grams in the morning.", "A couple of grams of red vein after dinner."])
def test_a_couple_of_grams_is_two(text):
    assert amounts(text) == [(2.0, 2.0, "g", None)]


def test_a_concentration_per_millilitre_is_no_dose():
    assert amounts("Urinary caffeine above 15 micrograms per mL is itself a banned result.") == []


def test_a_list_of_amounts_may_hedge_its_last():
    assert amounts("The tablets I've seen are 10, 15, sometimes 30 milligrams each.") == [
        (10.0, 10.0, "mg", None),
        (15.0, 15.0, "mg", None),
        (30.0, 30.0, "mg", None),
    ]


def test_an_hour_lain_awake_to_is_no_amount():
    assert amounts("Now I am on 6,5 g. I lie awake to 3 or 4 in the night.") == [(6.5, 6.5, "g", None)]
    (cap,) = amounts("You can take up to 3 or 4 g.")
    assert cap[1:] == (4.0, "g", "<=")


# Mechanisms -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kratom works on the same receptors in the brain as opioid painkillers.",
        "Kratom hits the same receptors as the pills.",
        "My husband say kratom is sitting on same receptor like opium.",
    ],
)
def test_the_same_receptors_as_an_opioid_are_opioid_receptors(text):
    assert any(agent == "kratom" and target == "opioid receptors" for agent, _, target in triples(text))


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("The scopolamine patch works by blocking acetylcholine receptors.", "scopolamine"),
        ("Lithium acts on the serotonin receptors too.", "lithium"),
        ("Acetaminophen does not bind opioid receptors.", "acetaminophen"),
    ],
)
def test_common_drugs_beyond_the_list_are_agents(text, agent):
    assert any(found == agent for found, _, _ in triples(text))


@pytest.mark.parametrize(
    "text",
    [
        "Melatonin, usually 0.5–3 mg, acts on MT1 and MT2 receptors.",
        "Melatonin at 0.5 to 3 mg acts on MT1 and MT2 receptors.",
    ],
)
def test_a_decimal_point_in_an_amount_ends_no_clause(text):
    assert {
        ("melatonin", "interacts_with", "MT1 melatonin receptor"),
        ("melatonin", "interacts_with", "MT2 melatonin receptor"),
    } <= triples(text)


def test_a_dose_between_a_drug_and_its_verb_keeps_the_subject():
    assert triples("Clonidine 0.1 mg works on alpha-2 receptors.") == {("clonidine", "interacts_with", "alpha-2 adrenergic receptors")}
