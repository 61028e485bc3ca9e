"""What real pages write, rule by rule: the forms the eighth round of rules reads.

Each row is a sentence in a form real pages use and what a reader finds in it; earlier rounds
are in tests/test_real_pages.py and tests/test_real_pages_fifth.py to _seventh.py.
"""

from __future__ import annotations

import pytest

from conftest import records_of as records
from conftest import triples, units

# Mechanisms ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # a drug metabolised by an enzyme: the drug interacts with the enzyme
        ("Methadone is metabolised by CYP3A4 and CYP2B6.", ("methadone", "interacts_with", "CYP2B6")),
        ("Mitragynine is itself metabolised mostly by CYP3A4.", ("mitragynine", "interacts_with", "CYP3A4")),
        ("MG is converted to 7-OH by CYP3A4 in the liver.", ("mitragynine", "interacts_with", "CYP3A4")),
        ("Melatonin is broken down in the liver by CYP1A2.", ("melatonin", "interacts_with", "CYP1A2")),
        ("Quetiapine is cleared mostly through CYP3A4.", ("quetiapine", "interacts_with", "CYP3A4")),
        ("Kratom is metabolised through CYP3A4.", ("kratom", "interacts_with", "CYP3A4")),
        (
            "MG is metabolised mainly by CYP3A4, with minor contributions from CYP2D6 and CYP2C9.",
            ("mitragynine", "interacts_with", "CYP2C9"),
        ),
        ("Mitragynine inhibits CYP2D6 and, to a lesser extent, CYP3A4.", ("mitragynine", "inhibits", "CYP3A4")),
        # a bare mu, kappa or delta after a verb or a preposition of affinity
        ("Naltrexone: blocks mu", ("naltrexone", "inhibits", "mu-opioid receptor")),
        ("Buprenorphine binds mu very tightly.", ("buprenorphine", "binds", "mu-opioid receptor")),
        ("Kratom has an affinity for mu and kappa.", ("kratom", "binds", "kappa-opioid receptor")),
        ("Buprenorphine binds the μ receptor very tightly.", ("buprenorphine", "binds", "mu-opioid receptor")),
        # a reference to a target fronted before the clause's agent
        (
            "Speciociliatine bound the mu-opioid receptor. At this receptor it acted as a partial agonist.",
            ("speciociliatine", "partial_agonist", "mu-opioid receptor"),
        ),
        ("Mitragynine binds MOR. There it behaves as a partial agonist.", ("mitragynine", "partial_agonist", "mu-opioid receptor")),
        # a hyphenated receptor noun and a receptor subtype with no noun
        ("Naloxone, an opioid-receptor antagonist, reverses overdoses.", ("naloxone", "antagonist", "opioid receptors")),
        ("Kratom alkaloids act on GABA-A.", ("kratom", "interacts_with", "GABA receptors")),
        # examples after a role noun, "like" as well as "such as"
        ("CYP3A4 inhibitors like grapefruit may boost the effect.", ("grapefruit", "inhibits", "CYP3A4")),
        # an object relative after the enzyme of an earlier relation
        ("Quetiapine is metabolised by CYP3A4, which kratom extracts inhibit in vitro.", ("kratom", "inhibits", "CYP3A4")),
    ],
)
def test_mechanism_forms_of_the_eighth_round(text, expected):
    assert expected in triples(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Naloxone knocks both compounds off the mu receptor.", {("naloxone", "interacts_with", "mu-opioid receptor")}),
        ("Midazolam is a sensitive CYP3A4 substrate.", {("midazolam", "interacts_with", "CYP3A4")}),
        ("Mitragynine is work to opioid receptor in the brain.", {("mitragynine", "interacts_with", "opioid receptors")}),
        ("Conversion of MG to 7-OH in the liver is catalysed mainly by CYP3A4.", {("mitragynine", "interacts_with", "CYP3A4")}),
    ],
)
def test_an_agent_joined_to_a_receptor_or_enzyme_by_an_unlisted_verb_interacts_with_it(text, expected):
    assert triples(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kratom is often sold as a natural alternative to opioids.",
        "Clonidine is a blood pressure medicine.",
        "Kratom is sold in smoke shops, and opioid receptors sit in the gut too.",
        "Kratom users often ask about opioid receptors.",
    ],
)
def test_an_unlisted_verb_joins_no_agent_across_a_clause_or_comparison(text):
    assert triples(text) == set()


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Slide 4 — Buprenorphine\n- Mu-opioid receptor: partial agonist\n- binds tightly\n\nText.\n",
            ("buprenorphine", "partial_agonist", "mu-opioid receptor"),
        ),
        (
            "7-Hydroxymitragynine\n\nIt is an alkaloid.\n\nReceptor profile\n- Mu-opioid receptor: potent partial agonist\n- CYP3A4: moderately inhibited\n",
            ("7-hydroxymitragynine", "inhibits", "CYP3A4"),
        ),
    ],
)
def test_a_label_line_states_the_action_of_the_agent_its_heading_or_page_names(text, expected):
    assert expected in triples(text)


def test_the_product_of_a_conversion_is_no_agent():
    assert triples("MG is converted to 7-OH by CYP3A4.") == {("mitragynine", "interacts_with", "CYP3A4")}


def test_a_comparison_with_like_still_names_no_agent():
    assert ("morphine", "binds", "mu-opioid receptor") not in triples("Like morphine, mitragynine binds the mu-opioid receptor.")


# Doses ---------------------------------------------------------------------------------------


def _doses(text: str) -> list[tuple[str, str | None]]:
    return [(d.provenance.exact, d.comparator) for d in records(text, "Dose")]


@pytest.mark.parametrize(
    "text, amount, comparator",
    [
        ("Do not exceed 16 capsules (8 g) in 24 hours.", "8 g", "<="),
        ("Do not exceed 2 servings (2,000 mg) in 24 hours.", "2,000 mg", "<="),
        ("Loperamide 2 mg after each loose stool (maximum 16 mg/day).", "16 mg/day", "<="),
        ("Maximum usually advised: 10 mg", "10 mg", "<="),
        ("Lofexidine 0.54 mg four times daily, max 2.88 mg/day.", "2.88 mg/day", "<="),
        ("my max is 8g, anything past that and i get sick", "8g", "<="),
        ("I cap it at 3 mg, because higher doses give me nightmares.", "3 mg", "<="),
        ("A single tablet can hold as much as 15 mg of 7-OH.", "15 mg", "<="),
        ("Day 1 total is usually ≤ 16 mg.", "16 mg", "<="),
        ("Going past 15 grams a day raises your risk of nausea.", "15 grams", ">"),
        ("I read here that more then 20 g daily is not good idea.", "20 g", ">"),
        ("Higher amounts, roughly 5 grams and up, tend to feel sedating.", "5 grams", ">="),
        ("High dose (6 g and more): very sedating.", "6 g", ">="),
        ("Adults consuming ≥10 g/day of leaf powder were enrolled.", "10 g/day of leaf powder", ">="),
        ("The antidepressant dose is higher, usually 150 mg a day or more.", "150 mg", ">="),
        ("Pupil diameter was not reduced at doses of 10 mg or lower.", "10 mg", "<="),
        ("Extract shots will be limited to 40 mg of mitragynine per bottle.", "40 mg", "<="),
    ],
)
def test_comparators_of_the_eighth_round(text, amount, comparator):
    assert (amount, comparator) in _doses(text)


@pytest.mark.parametrize(
    "text, amount, preparation",
    [
        ("Some products deliver 15 mg of 7-OH per tablet.", "15 mg", "tablet"),
        ("Kratom leaf extract, 500 mg per capsule, one capsule nightly.", "500 mg", "capsule"),
        ("The tablets they sell now have 25 mg pure 7-OH in one tablet.", "25 mg", "tablet"),
        ("A larger serving of 5 to 6 grams (ten to twelve capsules) at bedtime helps.", "5 to 6 grams", "capsule"),
        ("Took 16 capsules, about 8 g in total.", "8 g", "capsule"),
        ("Experienced users may take up to 8 capsules, or 4 g, per serving.", "4 g", "capsule"),
        ("A level teaspoon of powder weighs roughly 2.5 g.", "2.5 g", "powder"),
    ],
)
def test_the_form_an_amount_comes_in(text, amount, preparation):
    assert (amount, preparation) in {(d.provenance.exact, d.preparation) for d in records(text, "Dose")}


def test_a_restated_amount_takes_no_form_from_a_different_sentence_part():
    assert {(d.provenance.exact, d.preparation) for d in records("I take 4 g. Capsules cost more.", "Dose")} == {("4 g", None)}


@pytest.mark.parametrize(
    "text, amounts",
    [
        # a reply goes on with the unit of the post above it
        (
            "Taper advice\n\nI am at 28 g a day.\n\nDont jump straight to 15. I went 28 -> 25 -> 22 over three weeks.\n",
            ["28 g", "15", "28", "25", "22"],
        ),
        ("I take 4-5 g for pain. I never go over 15 a day total.\n", ["4-5 g", "15"]),
        ("i dropped 2 grams every 4 days. once i hit 6 i had to slow down.\n", ["2 grams", "6"]),
        ("I take 4 g at night. I still wake up at 4.\n", ["4 g"]),
    ],
)
def test_a_bare_number_takes_the_unit_of_the_amounts_above_it(text, amounts):
    assert [d.provenance.exact for d in records(text, "Dose") if d.kind == "numeric"] == amounts


@pytest.mark.parametrize(
    "text",
    ["Weigh every dose on a 0.01 g scale.", "I weigh on a 15 milligram scale, 0.001 g precision.", "RED BALI KRATOM POWDER — 250 g"],
)
def test_a_scale_its_precision_and_a_product_size_are_no_doses(text):
    assert records(text, "Dose") == []


def test_an_amount_two_weeks_past_is_no_bound():
    assert _doses("In the past 2 weeks I took 4 g a day.") == [("4 g", None)]


# Page structure ------------------------------------------------------------------------------


def test_each_turn_of_a_chat_log_is_a_unit():
    text = "[21:04] mossy_k: currently at 24g/day split in 4 doses\n[21:05] mossy_k: was thinking 10% cuts, once a week\n"
    assert [u for u, _ in units(text)] == [
        "[21:04] mossy_k: currently at 24g/day split in 4 doses",
        "[21:05] mossy_k: was thinking 10% cuts, once a week",
    ]


def test_a_clock_time_opening_a_line_is_no_chat_turn():
    text = "I woke at\n3:30 a.m. with restless legs.\n"
    assert [u for u, _ in units(text)] == ["I woke at 3:30 a.m. with restless legs."]


def test_a_title_ending_in_a_capitalised_minor_word_ends_its_line():
    text = "The 10% Rule: A Kratom Taper Schedule You Can Actually Stick To\nPosted in Guides · 9 min read\n\nCold turkey works for some.\n"
    found = units(text)
    assert found[0][0] == "The 10% Rule: A Kratom Taper Schedule You Can Actually Stick To"
    assert not any(claim for unit, claim in found if "Posted" in unit or "Rule" in unit)


@pytest.mark.parametrize(
    "line",
    [
        "From: Leaf Letter <hello@leafletter.news>",
        "Unsubscribe | View in browser",
        "Welcome back.",
        "Until next time,",
        "[21:07] mossy_k: makes sense",
        "21:11 Peer (Renee): Good plan.",
        "hope this helps man",
        "$39.99 · Free shipping on orders over $49",
        "| Form | Typical serving | Onset | Notes |",
        "Yes | No",
        '★★★★★  "finally off after 9 months"',
        "Developer response: Thanks!",
        "R. Tanaka¹, L. Osei¹, D. Várady²",
        "¹Department of Pharmacology, Lakeshore University",
        "Next slide — dosing data from the 2020 survey.",
        "You can help by expanding it.",
        "#taper-support · Saturday",
        "Text our peer line, 7 days a week.",
        "We're here 24/7.",
        "what about the last dose, like when do u jump",
        "If you're going to use kratom, here's how to lower the risks.",
        'People keep asking for "the schedule," so here it is, warts and all.',
        "Nothing here is medical advice.",
        "Figures are the ranges found on labels, not personal advice.",
        "Information is for healthcare professionals.",
        "Three things caught our eye, and we'll keep it short.",
        "[00:01:12] HOST (Dee Marsh): So let's just get it out there.",
        "Share on Facebook",
        "Leave a comment",
        "Your email address will not be published.",
        "Previous post",
        "Originally Posted by leafman",
        "12 points · 3 years ago",
        "Page 2 of 5",
        "Ships within 24 hours",
        "Contact us at info@leaf.com",
        "Call (555) 123-4567 today",
        "Image credit: Unsplash",
        "Dana is a registered nurse who writes about recovery.",
        "Priya Raman is a health journalist based in Ohio.",
        "Customers also bought: Kratom Tea Bags · Magnesium Glycinate 400 mg",
        "100 g    | $24.99  | $0.25",
        "Sleep Pharmacology Reports 2023; 11(4): 212–229",
        "Media inquiries: communications@health.example.gov",
        "Thread starter: nyx_runner | Joined 2019 | Posts: 1,204",
        "how long did insomnia last for u guys",
        "Hang in there.",
        "[11:03 PM] Anita R. (Pharmacist): Thanks for checking before mixing them.",
        "Okay, after the break, dosing.",
        "Is kratom safe to take with melatonin",
        "How long does kratom withdrawal insomnia last",
        "Pharmacist here, not your pharmacist.",
        "Not a doctor, just what worked for me.",
        "I'm no doctor but heres what i dug up.",
        "PRIYA ANAND (host): So, Dr. Keller, let's start simple.",
        "HOST (Jamie Ruiz): So walk me through it.",
        "MAYA: Good to know.",
        "[00:07:45] LINDQVIST: That's really helpful, thank you.",
    ],
)
def test_page_furniture_and_talk_about_the_page_are_no_claims(line):
    assert [claim for _, claim in units(line + "\n")] == [False]


@pytest.mark.parametrize(
    "line",
    [
        "| Plain leaf powder | 2–5 g | 20–40 min | Cheapest per gram |",
        "It is not medical advice; if you also use opioids, speak with a clinician first.",
        "[21:06] nightjar: 10% is what most people here do.",
        "Noted that kratom binds the mu-opioid receptor in two assays.",
        "I'm not a doctor, and if you're tapering off kratom, talk to yours before you add anything.",
        "I am not doctor so please check with doctor if you take medicine.",
        "12 is honestly moderate compared to a lot of ppl here.",
        "Does NOT seem to drive beta-arrestin much",
        "How it works: partial agonist at the mu-opioid receptor",
    ],
)
def test_units_that_only_look_like_furniture_still_claim(line):
    assert [claim for _, claim in units(line + "\n")] == [True]


def test_a_writer_who_spells_i_in_lower_case_may_open_sentences_in_lower_case():
    text = "For pain i find 4 g works. Lots of ppl take 5 g and give up on it. if nothing after 45 min take another .5 g.\n"
    assert [u for u, _ in units(text)][-1] == "if nothing after 45 min take another .5 g."


def test_a_lower_case_word_after_an_abbreviation_goes_on_in_a_capitalised_paragraph():
    text = "Mitragynine binds MOR (Kruegel et al. found this in 2016).\n"
    assert len(units(text)) == 1


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Can I take kratom with sertraline?\nSometimes.\n", [False, True]),
        ("Is kratom an opioid? Yes.\n", [False, True]),
        ("Kratom is a tree.\nYes.\n", [True, False]),
    ],
)
def test_a_one_word_answer_to_a_question_claims(text, expected):
    assert [claim for _, claim in units(text)] == expected


def _claim_type(text: str) -> str:
    return next(c.claim_type for c in records(text, "Claim"))


@pytest.mark.parametrize(
    "text, claim_type",
    [
        ("Many people turn to kratom to ease opioid withdrawal without a prescription.", "other"),
        ("Kratom is widely used to self-manage opioid withdrawal.", "other"),
        ("Some of my patients use kratom in the evening to wind down.", "other"),
        ("Kratom eased my withdrawal within an hour.", "efficacy"),
        ("Many people use kratom for withdrawal, and it does ease the aches.", "efficacy"),
        ("Kratom is sometimes used to self-treat withdrawal, and many users say it helps.", "efficacy"),
        ("He had been taking kratom to manage back pain and to ease off oxycodone.", "other"),
    ],
)
def test_why_people_use_kratom_is_no_claim_that_it_works(text, claim_type):
    assert _claim_type(text) == claim_type


@pytest.mark.parametrize(
    "text",
    [
        "Down to 14 capsules.",
        "Most of our regulars take two servings a day.",
        "Traditional users chew 3–10 leaves per session.",
        "Serving Size: 4 capsules",
    ],
)
def test_an_amount_counted_in_its_form_is_about_dosage(text):
    assert _claim_type(text) == "dosage"


@pytest.mark.parametrize(
    "text, claim_type",
    [
        ("If your baseline is unclear, assume the higher figure.", "recommendation"),
        ("Boil 1 liter water", "recommendation"),
        ("No screens for an hour before bed.", "recommendation"),
        ("honestly the 10% rule is the way.", "recommendation"),
        ("Melatonin is reasonable.", "recommendation"),
        ("Short version: I would not combine them without talking to your prescriber.", "recommendation"),
        ("I wouldn't say we fully understand it.", "other"),
        ("No kratom product has been approved for any medical use in the United States.", "safety"),
    ],
)
def test_advice_in_more_forms(text, claim_type):
    assert _claim_type(text) == claim_type


@pytest.mark.parametrize(
    "text",
    [
        "Sleep was the worst part tbh.",
        "Sleep may be poor for a few weeks.",
        "Daily use can lead to withdrawal.",
        "If you use every day your body gets used to it, and stopping suddenly can feel like a bad flu for a week.",
        "Many people describe an urge to move their legs at night.",
    ],
)
def test_harm_in_more_words_is_an_adverse_effect(text):
    assert _claim_type(text) == "adverse_effect"


@pytest.mark.parametrize(
    "text",
    [
        "Every batch ships with a certificate of analysis showing 1.6% mitragynine.",
        "Supplement labels are not always accurate.",
        "Kratom is sold as a supplement, so the label rarely mentions what happens when you mix it with prescriptions.",
    ],
)
def test_testing_labels_and_law_are_about_safety(text):
    assert _claim_type(text) == "safety"


def test_a_law_passed_is_about_safety_to_the_rules():
    """Dev's readers type 35 of 38 statements of a law passed as safety; the claim reader retrained
    at 0.34.0 reads this one as other (a known limit in the CHANGELOG), so the rules' reading is held."""
    from conftest import rules_claim_of

    assert rules_claim_of("More than a dozen states have passed versions of the KCPA since 2019.").claim_type == "safety"


@pytest.mark.parametrize(
    "text",
    [
        "Bright light in the evening suppresses melatonin release.",
        "Mitragynine is highly lipophilic and extensively bound to plasma proteins.",
        "Both substances depress the central nervous system.",
        "There's also 7-hydroxymitragynine, which your liver makes from mitragynine.",
    ],
)
def test_pharmacology_in_more_words_is_about_mechanism(text):
    assert _claim_type(text) == "mechanism"


@pytest.mark.parametrize(
    "text",
    [
        "Home › News › Health\nSurvey: Many kratom users say the leaf helped them cut back on opioids\n\nA survey of 2,800 users found that most take it daily.\n",
        "HEALTH\nKratom and sleep: small study finds mixed effects\nBy Dana Cole\n\nA small study found that sleep got worse.\n",
    ],
)
def test_a_title_after_a_breadcrumb_or_kicker_is_no_claim(text):
    found = units(text)
    assert [claim for unit, claim in found if "kratom" in unit.lower() and ":" in unit] == [False]
    assert found[-1][1] is True


def test_an_attribute_line_under_a_product_title_still_claims():
    text = "Red Bali Kratom Capsules\nSeverity of nothing\nServing Size: 4 capsules\nServings Per Container: 30\n\nTake with water.\n"
    assert ("Servings Per Container: 30", True) in units(text)


def test_an_advice_verb_makes_the_negation_it_governs_advice():
    text = "The department recommends that anyone who has used these products daily not stop abruptly."
    assert next(c.polarity for c in records(text, "Claim")) == "affirmed"


def test_a_finding_reported_with_suggests_is_still_denied():
    text = "Laboratory work suggests that mitragynine does not recruit beta-arrestin."
    assert next(c.polarity for c in records(text, "Claim")) == "negated"


@pytest.mark.parametrize(
    "text, last",
    [
        ("I simmer a tablespoon in water for 15 min. dont go past 5 grams your first week.\n", "dont go past 5 grams your first week."),
        (
            "[11:02 PM] Visitor: hi, I take 6g in the morning. my doctor just started me on tramadol 50mg.\n",
            "my doctor just started me on tramadol 50mg.",
        ),
    ],
)
def test_an_informal_hand_may_open_sentences_in_lower_case(text, last):
    assert [u for u, _ in units(text)][-1] == last


def test_a_question_mark_inside_brackets_ends_no_sentence():
    text = "dont laugh. I simmer a heaping tablespoon (roughly 7 g? never weighed it) in water.\n"
    assert [u for u, _ in units(text)][-1] == "I simmer a heaping tablespoon (roughly 7 g? never weighed it) in water."


def test_rows_of_a_pipe_table_are_no_headings():
    text = "Drug | Pathway | Severity\nDextromethorphan | CYP2D6 | Moderate\nQuetiapine | CYP3A4 | Major\n\nAsk a pharmacist.\n"
    assert ("Quetiapine | CYP3A4 | Major", True) in units(text)


@pytest.mark.parametrize(
    "text, claim_type",
    [
        ("Naloxone (Narcan) can reverse a 7-OH overdose.", "efficacy"),
        ("Clonidine can cut the sweating and anxiety of withdrawal.", "efficacy"),
        ("Magnesium glycinate at night for restless legs", "efficacy"),
        ("New customers: ½ teaspoon (about 1 g) stirred into juice", "recommendation"),
        ("For beginner use 1-2 gram only.", "recommendation"),
    ],
)
def test_relief_and_advice_to_customers(text, claim_type):
    assert _claim_type(text) == claim_type


@pytest.mark.parametrize(
    "text, evidence",
    [
        ("Harm-reduction workers generally advise staying under 8 g a day.", "experts"),
        ("Anything past 15–20 g daily is considered heavy use by most clinicians.", "experts"),
        ("According to the council's scientific adviser, 7-OH binds the mu-opioid receptor.", "experts"),
        ("Clinicians should therefore ask patients about kratom use.", "none"),
    ],
)
def test_clinicians_and_advisers_as_evidence(text, evidence):
    assert next(c.evidence for c in records(text, "Claim")) == evidence


def test_a_score_in_points_at_the_end_of_a_wrapped_line_is_no_forum_byline():
    text = "Results: Median use was 18 g/day. ISI fell by 6.1 points\nwith melatonin versus 3.4 with placebo.\n"
    assert [u for u, _ in units(text)][-1] == "ISI fell by 6.1 points with melatonin versus 3.4 with placebo."
