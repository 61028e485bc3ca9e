"""What real pages write, rule by rule: the forms the thirty-second round of rules reads.

Each row is a text in a form real pages use and what a reader finds in it; earlier rounds are in
tests/test_real_pages.py and tests/test_real_pages_fifth.py to _thirtyfirst.py.
"""

from __future__ import annotations

import pytest

from conftest import bounds as amounts
from conftest import claimed, records_of, triples

# Doses ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Heavy users (>15 g/day) report more severe withdrawal.", (15.0, None, "g", ">")),
        ("- >15 g: heavy sedation and nausea", (15.0, None, "g", ">")),
        ("7-Hydroxymitragynine   <0.5 mg per gummy", (None, 0.5, "mg", "<")),
        ("Keep the dose ≤4 g a day.", (None, 4.0, "g", "<=")),
        ("Most users need ≥ 2 g to feel it.", (2.0, None, "g", ">=")),
    ],
)
def test_a_sign_of_order_against_an_amount_bounds_it(text, expected):
    assert amounts(text) == [expected]


def test_an_arrows_head_is_no_bound():
    assert amounts("Week 1 -> 25 g a day") == [(25.0, 25.0, "g", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mix 3/4 of a teaspoon of the powder into warm tea.", (0.75, 0.75, "[tsp_us]", None)),
        ("I take ½ of a gram at night.", (0.5, 0.5, "g", None)),
    ],
)
def test_a_fraction_of_one_unit_is_that_fraction(text, expected):
    assert amounts(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my doctor put me on gabapentin three hundred milligrams three times a day", (300.0, 300.0, "mg", None)),
        ("two hundred and fifty milligrams of magnesium at night", (250.0, 250.0, "mg", None)),
        ("she gave me clonidine point one milligrams twice a day", (0.1, 0.1, "mg", None)),
        ("I was down to one point five grams by then", (1.5, 1.5, "g", None)),
        ("fifteen hundred milligrams a day of magnesium", (1500.0, 1500.0, "mg", None)),
        ("my first week was twelve point five grams a day", (12.5, 12.5, "g", None)),
    ],
)
def test_numbers_as_they_are_said(text, expected):
    assert amounts(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("day 3 cold turkey from like 15 gpd. cant sleep at all", (15.0, 15.0, "g", None)),
        ("in the start only 2 gramas in the morning for energy", (2.0, 2.0, "g", None)),
    ],
)
def test_grams_as_forums_and_other_languages_write_them(text, expected):
    assert amounts(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "The law requires that no single serving exceed 8 g.",
        "No dose should exceed 8 g.",
    ],
)
def test_no_amount_may_exceed_is_a_bound(text):
    assert amounts(text) == [(None, 8.0, "g", "<=")]


@pytest.mark.parametrize(
    "text",
    [
        "Salmonella: not detected in 25 g, PASS",
        "Use code RECOVERY for 20% off your first month of coaching.",
        "In vivo, 7-OH-MG produced antinociception (ED50 ≈ 1.9 mg/kg) that naloxone reversed.",
        "The LD50 of mitragynine in mice was 477 mg/kg.",
    ],
)
def test_a_test_sample_a_discount_and_a_potency_are_no_doses(text):
    assert amounts(text) == []


# Mechanisms -----------------------------------------------------------------------------------------


def test_a_relative_pronoun_describes_the_name_before_its_comma():
    text = "Mitragynine is converted by liver enzymes, mainly CYP3A4, into 7-hydroxymitragynine, which is ten times more potent at the mu-opioid receptor."
    assert ("7-hydroxymitragynine", "interacts_with", "mu-opioid receptor") in triples(text)
    assert ("mitragynine", "interacts_with", "mu-opioid receptor") not in triples(text)


def test_a_relative_pronoun_describes_every_name_coordinated_before_it():
    found = triples("Ask about clonidine or lofexidine, which reduce the release of norepinephrine.")
    assert found == {("clonidine", "decreases", "norepinephrine"), ("lofexidine", "decreases", "norepinephrine")}


def test_a_relative_pronoun_skips_the_name_its_own_clause_acts_on():
    found = triples("Kratom inhibits CYP3A4, the enzyme that clears oxycodone, which may raise oxycodone levels.")
    assert ("kratom", "increases", "oxycodone") in found


def test_it_after_a_long_lead_in_is_the_subject_after_it():
    text = "Quick PSA since it comes up every week: kava isnt a kratom substitute. It works on GABA-A receptors."
    assert triples(text) == {("kava", "interacts_with", "GABA receptors")}


def test_partial_rather_than_full_agonists_are_partial_agonists():
    text = "Mitragynine and 7-OH-MG bind MOR. Both compounds are partial rather than full agonists at MOR."
    assert ("mitragynine", "partial_agonist", "mu-opioid receptor") in triples(text)


def test_target_after_a_possessive_is_a_noun():
    text = "Melatonin works better at lower doses. Take it two hours before your target bedtime, not when you're already lying there."
    assert triples(text) == set()


def test_bupe_is_buprenorphine():
    assert triples("Bupe binds the mu receptor very tightly.") == {("buprenorphine", "binds", "mu-opioid receptor")}


def test_a_coordinated_target_carries_past_an_aside_and_an_adverb():
    text = "Mitragynine inhibited CYP2D6 (IC50 = 2.2 µM) competitively and CYP3A4 (IC50 = 9.5 µM) noncompetitively."
    assert triples(text) == {("mitragynine", "inhibits", "CYP2D6"), ("mitragynine", "inhibits", "CYP3A4")}


def test_delta_power_is_no_receptor():
    assert triples("MG 30 mg/kg increased NREM time and NREM delta power in hours 1-3.") == set()


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Oxycodone is cleared by CYP3A4, and kratom slows that enzyme.", "CYP3A4"),
        ("Kratom extracts also block P-gp. By inhibiting this pump, kratom lets more of some drugs in.", "P-glycoprotein"),
    ],
)
def test_slowing_or_inhibiting_an_enzyme_or_pump_named_before(text, target):
    assert ("kratom", "inhibits", target) in triples(text)


# Claims and page structure ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Report generated January 8, 2025.",
        "Join our list for 10% off your first order.",
        "Join the Apex Club for 15% off your first order.",
        "Use code RECOVERY for 20% off your first month.",
        "Sponsor: This episode is brought to you by CalmBox.",
        "[Ad] This episode is supported by Operation Rest.",
        "09:45 – Mitragynine vs. 7-OH: why the metabolite matters",
        "Good luck to everybody who try to quit.",
        "Keep going brother!",
        "Priya N. Ramaswamy, MD¹; Thomas Beck, PharmD²",
        "Forum rules: no sourcing or vendor names.",
        "a) mild   b) moderate   c) moderately severe   d) severe",
        "True or false: Kratom has no activity at opioid receptors.",
        "Get alerts by text: send MARLOW to 55500.",
        "By mandy on November 18, 2023",
        "★ BEST ANSWER (chosen by asker)",
        "Products I mention are linked below (some are affiliate links).",
        "Day 19 update!!",
        "Audience: Clinicians, EMS agencies, pharmacies, general public",
    ],
)
def test_page_furniture_is_no_claim(line):
    assert claimed(f"Notes\n\nKratom helped my sleep a lot.\n\n{line}\n") == ["Kratom helped my sleep a lot."]


@pytest.mark.parametrize(
    "line",
    [
        "08:00 – 3 g kratom with breakfast",
        "Keep going until you reach zero.",
        "Join the club, I slept 2 hours too.",
    ],
)
def test_a_timed_dose_and_ordinary_advice_are_still_claims(line):
    assert line in claimed(f"Notes\n\nKratom helped my sleep a lot.\n\n{line}\n")


def test_a_learning_objective_is_no_claim_whatever_its_verb():
    text = (
        "Module 3\n\nLearning Objectives\nAfter completing this module, the learner will be able to:\n"
        "1. Score withdrawal severity using the COWS.\n2. Distinguish full from partial agonism.\n\n"
        "Kratom withdrawal resembles opioid withdrawal.\n"
    )
    assert claimed(text) == ["Kratom withdrawal resembles opioid withdrawal."]


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("Jonah Pruitt points to research showing that clonidine quiets that surge.", "research"),
        ("There is no solid research showing that kratom changes melatonin levels.", "none"),
        ("Keller's lab found that mitragynine also binds alpha-2 adrenergic receptors.", "research"),
        ("Rodent studies: MG 10–30 mg/kg i.p. gave antinociception.", "studies"),
        ("Content varies widely: in one analysis, mitragynine ranged from 0.7% to 38.7%.", "studies"),
        ("The leaf feels energizing at low doses, which researchers attribute to adrenergic activity.", "experts"),
    ],
)
def test_evidence_as_stated(text, evidence):
    (claim,) = records_of(f"Notes.\n\n{text}", "Claim")
    assert claim.evidence == evidence


# From rp74- -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Keep to 250 mg of kavalactones a day.", (None, 250.0, "mg", "<=")),
        ("The data support once-daily dosing at 10 mg and below.", (None, 10.0, "mg", "<=")),
        ("Repeat up to a total of 16 mg on day one.", (None, 16.0, "mg", "<=")),
        ("For supplements, the upper limit for adults is 350 milligrams of magnesium.", (None, 350.0, "mg", "<=")),
    ],
)
def test_more_ways_to_cap_an_amount(text, expected):
    assert amounts(text)[-1] == expected


def test_amounts_under_a_pack_or_price_column_are_no_doses_and_an_empty_cell_hides_none():
    text = (
        "Product\tFormat\tPer unit\tServing\tPack\tPrice\n"
        "Sumatra Gold\tPowder\t—\t1 tsp (~2.5 g)\t250 g\t$29.50\n"
        "Trinity 50x\tExtract powder\t—\t100 mg\t1 g\t$24.99\n"
    )
    assert amounts(text) == [(1.0, 1.0, "[tsp_us]", None), (2.5, 2.5, "g", None), (100.0, 100.0, "mg", None)]


def test_a_cards_front_names_the_agent_of_its_back_without_a_question_mark():
    text = "Front: Buprenorphine MOA\nBack: High-affinity partial agonist at mu + antagonist at kappa."
    assert triples(text) == {
        ("buprenorphine", "partial_agonist", "mu-opioid receptor"),
        ("buprenorphine", "antagonist", "kappa-opioid receptor"),
    }


@pytest.mark.parametrize(
    "text",
    ["The main alkaloid, mitragynine, grabs onto ur mu receptors kinda like dope does.", "Mitragynine sticks to the mu receptor."],
)
def test_grabbing_onto_or_sticking_to_a_receptor_binds_it(text):
    assert ("mitragynine", "binds", "mu-opioid receptor") in triples(text)


def test_sticking_to_an_amount_binds_nothing():
    assert triples("I stick to 3 g of kratom a day.") == set()


@pytest.mark.parametrize(
    "line",
    [
        "[21:14] System: You are now connected.",
        "#1 Magnesium Glycinate — 9.2/10",
        "Log in or register to join the conversation.",
        "Full episode available wherever you get podcasts.",
        "Suggested citation: Garza L, Oyelaran T. Kratom exposures, 2019–2023.",
        "This publication is in the public domain and may be reproduced without permission.",
        "Scan the QR code for our Certificate of Analysis",
        "Kratom research report (PDF, 1.2 MB)",
        "Leaflet code PH-214 v3.",
        "(2) Obeng S et al., 2020.",
        "Co-authors include graduate students Priya Raman and Jonah Feld.",
        "Reminder: r/quittingkratom does not give medical advice.",
        "In this explainer we compare the two substances side by side.",
    ],
)
def test_more_page_furniture_is_no_claim(line):
    assert claimed(f"Notes\n\nKratom helped my sleep a lot.\n\n{line}\n") == ["Kratom helped my sleep a lot."]


# From rp75- -------------------------------------------------------------------------------------------


def test_a_table_of_contents_keeps_its_entries_after_one_that_asks():
    text = "Blog\n\nTable of contents\n1. Why a spreadsheet?\n2. Setting up the columns\n3. Common mistakes\n\nWhy a spreadsheet?\nGuessing is how tapers fail.\n"
    assert claimed(text) == ["Guessing is how tapers fail."]


def test_a_row_of_numbers_under_its_header_is_a_claim_and_its_header_gives_the_unit():
    text = (
        "Blog\n\nMy taper off kratom, cutting 10% a week:\n\n"
        "Week | Planned (g/day) | Actual (g/day)\n1 | 12.0 | 12.0\n2 | 10.8 | 11.0\n\nTapering is slow.\n"
    )
    assert "2 | 10.8 | 11.0" in claimed(text)
    assert [low for low, _, unit, _ in amounts(text) if unit == "g"] == [12.0, 12.0, 10.8, 11.0]


@pytest.mark.parametrize(
    "line",
    [
        "Here is what I would suggest:",
        "( ) 10% per week ............... 27 votes (37%)",
        "Total voters: 73 · Poll closed",
        "Get breaking news alerts by text.",
        "Reply STOP to cancel.",
        "Join our text club for strain drops → Text LANTERN to 55512",
        "*This post contains affiliate links, which means I may earn a small commission.",
        "Grab it free when you join the Slow Living list [your email] [Yes please!]",
        "For classroom use only.",
        "Uploaded by jm_pharmd2026 · Dr. Okafor, 3/14",
        "TODO: read Kruegel 2016 before Friday quiz!!",
        "Rating: 4/5",
    ],
)
def test_still_more_page_furniture_is_no_claim(line):
    assert claimed(f"Notes\n\nKratom helped my sleep a lot.\n\n{line}\n") == ["Kratom helped my sleep a lot."]


def test_an_invitation_to_a_group_is_still_a_claim():
    line = "Join our support group if you need help."
    assert line in claimed(f"Notes\n\nKratom helped my sleep a lot.\n\n{line}\n")
