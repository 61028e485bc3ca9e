"""What real pages write, rule by rule: the forms the twenty-fifth round of rules reads.

Each row is a text in a form real pages use and what a reader finds in it; earlier rounds are in
tests/test_real_pages.py and tests/test_real_pages_fifth.py to _twentyfourth.py.
"""

from __future__ import annotations

import pytest

from conftest import claim_of, claimed, records_of, triples

# Page structure -----------------------------------------------------------------------------------

CHAT = (
    "Forums › Tapering › 10 day plan\n\n"
    "lanternfish — 10:02 PM\n"
    "ok so right now I'm at about 15 g a day\n\n"
    "oakmoss — 10:03 PM\n"
    "I'm around 12, but the evening dose is the one I'm scared of losing.\n"
)


def test_a_chat_writer_and_time_line_is_no_claim_and_ends_the_line_above():
    assert claimed(CHAT) == [
        "ok so right now I'm at about 15 g a day",
        "I'm around 12, but the evening dose is the one I'm scared of losing.",
    ]


@pytest.mark.parametrize(
    "line",
    ["Prepared March 4, 2024.", "Current as of 4 March 2024", "Revised 2024-03-04", "Donate: Keep the Circle free"],
)
def test_a_preparation_date_and_a_call_to_donate_are_no_claims(line):
    assert claimed(f"Page\n\nKratom can cause dependence.\n{line}\n") == ["Kratom can cause dependence."]


@pytest.mark.parametrize(
    "line",
    ["Prepared kratom drinks went on sale on March 4, 2024.", "Donated kratom samples were tested by the lab."],
)
def test_a_sentence_that_opens_with_the_same_words_is_a_claim(line):
    assert claimed(f"Page\n\nKratom can cause dependence.\n{line}\n") == ["Kratom can cause dependence.", line]


# Doses ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "level"),
    [
        ("Low (stimulant effects): 1–5 g dried leaf", "low"),
        ("Moderate (analgesia, sedation): 5–15 g dried leaf", "moderate"),
        ("- Low dose (stimulant effects): 1-5 g dried leaf", "low"),
        ("High (sedation; not advised): above 15 g", "high"),
        ("Doses (1–5 g): alertness", None),
    ],
)
def test_a_tier_label_glossed_with_its_effects_sizes_its_amount(line, level):
    (dose,) = records_of(f"Dose effects\n{line}\n", "Dose")
    assert dose.level == level


def test_a_glossed_tier_gives_one_record_not_a_qualitative_one_beside_it():
    doses = records_of("Dose effects\n- Low dose (stimulant effects): 1-5 g dried leaf\n", "Dose")
    assert [(d.kind, d.provenance.exact) for d in doses] == [("numeric", "1-5 g dried leaf")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'm at about 15 g a day. I'm around 12, but the evening dose is hard.", [("15 g", 15.0), ("12", 12.0)]),
        ("I was on 15 g a day. Now about 12, and dropping.", [("15 g", 15.0), ("12", 12.0)]),
        ("I take 15 g a day. I'm around 40 years old.", [("15 g", 15.0)]),
    ],
)
def test_im_around_a_number_leaves_its_unit_to_the_amounts_before_it_but_not_an_age(text, expected):
    assert [(d.provenance.exact, d.amount_low) for d in records_of(f"Notes.\n\n{text}", "Dose")] == expected


@pytest.mark.parametrize(
    ("text", "share", "comparator"),
    [
        ("What helps: cutting the dose by no more than a quarter at a time.", 25.0, "<="),
        ("Reduce it by about a tenth each week.", 10.0, None),
    ],
)
def test_a_taper_cuts_a_share_with_a_bound_or_an_estimate_before_it(text, share, comparator):
    (dose,) = records_of(f"Notes.\n\n{text}", "Dose")
    assert (dose.unit, dose.amount_high, dose.comparator) == ("%", share, comparator)


# Mechanisms -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mitragynine binds alpha-2 adrenergic receptors. Clonidine relieves withdrawal by acting as an agonist at these same receptors.",
            {("mitragynine", "binds", "alpha-2 adrenergic receptors"), ("clonidine", "agonist", "alpha-2 adrenergic receptors")},
        ),
        (
            (
                "Pharmacology\n• Mitragynine (MG), the most abundant alkaloid:\n   – partial agonist at mu-opioid receptor (MOR)\n"
                "   – competitive antagonist at kappa receptors\n"
            ),
            {("mitragynine", "partial_agonist", "mu-opioid receptor"), ("mitragynine", "antagonist", "kappa-opioid receptor")},
        ),
        ("Pharmacology\n• Mitragynine (MG), the most abundant alkaloid.\n   – partial agonist at mu-opioid receptor (MOR)\n", set()),
        ("Red strains raise serotonin.", {("kratom", "increases", "serotonin")}),
        (
            "Kratom and zolpidem both dampen brain activity.",
            {("kratom", "decreases", "neuronal activity"), ("zolpidem", "decreases", "neuronal activity")},
        ),
        ("White vein kratom acts on opioid receptors.", {("kratom", "interacts_with", "opioid receptors")}),
        ("MG inhibits CYP2D6 (strong) & CYP3A4.", {("mitragynine", "inhibits", "CYP2D6"), ("mitragynine", "inhibits", "CYP3A4")}),
        (
            "Melatonin acts on MT1 and MT2 receptors in the brain rather than on opioid receptors.",
            {
                ("melatonin", "interacts_with", "MT1 melatonin receptor"),
                ("melatonin", "interacts_with", "MT2 melatonin receptor"),
                ("melatonin", "interacts_with", "opioid receptors"),
            },
        ),
        (
            "Mitragynine reduces pain signaling through opioid receptors.",
            {("mitragynine", "decreases", "pain signaling"), ("mitragynine", "interacts_with", "opioid receptors")},
        ),
        ("It activates the mu receptor through G-protein signaling.", set()),
        (
            "Mitragynine inhibits both enzymes; monitor for increased effects of drugs metabolized by CYP2D6.",
            set(),
        ),
    ],
)
def test_anaphora_lead_ins_strains_asides_contrasts_and_routes(text, expected):
    assert triples(text) == expected


def test_a_contrast_after_a_place_is_denied():
    (denied,) = [
        m for m in records_of("Melatonin acts on MT1 receptors in the brain rather than on opioid receptors.", "Mechanism") if m.negated
    ]
    assert denied.target == "opioid receptors"


def test_a_participles_agent_is_no_object_of_an_earlier_action():
    found = triples("Mitragynine inhibits CYP2D6 in vitro; monitor for increased effects of drugs metabolized by it.")
    assert found == {("mitragynine", "inhibits", "CYP2D6")}


# Evidence -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("In our experience, the worst nights usually ease after five to seven days.", "personal_accounts"),
        ("From my own experience, the last few grams are the hardest.", "personal_accounts"),
        ("My plan is to switch to kratom, because everyone says kratom withdrawal is milder.", "users_report"),
        ("The last few grams are the hardest part, everyone says so.", "users_report"),
        ("Not everyone says so, but the last few grams are the hardest part.", "none"),
    ],
)
def test_our_experience_and_what_everyone_says_back_a_claim(text, evidence):
    assert claim_of(text).evidence == evidence


@pytest.mark.parametrize("mark", ["✓", "✗", "▪", "◦", "➤", "-", "•"])
def test_a_tick_a_cross_and_a_square_mark_a_list_item_its_unit_leaves_out(mark):
    assert claimed(f"Dos and don'ts\n\n{mark} drink water with it.\n{mark} take days off.\n") == ["drink water with it.", "take days off."]


@pytest.mark.parametrize(
    ("line", "claims"),
    [
        ("— Tomas, Sundown Leaf Co.", []),
        ("– Leah, 34, Tucson", []),
        ("— Kratom helps many people sleep better.", ["— Kratom helps many people sleep better."]),
    ],
)
def test_a_dash_and_a_name_sign_a_review_but_a_dashed_sentence_is_a_claim(line, claims):
    assert claimed(f"Reviews\n\nIt helped me sleep, and the price is fair.\n{line}\n") == [
        "It helped me sleep, and the price is fair.",
        *claims,
    ]
