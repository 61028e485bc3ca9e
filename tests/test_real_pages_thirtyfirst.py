"""What real pages write, rule by rule: the forms the thirty-first round of rules reads.

Each row is a text in a form real pages use and what a reader finds in it; earlier rounds are in
tests/test_real_pages.py and tests/test_real_pages_fifth.py to _thirtieth.py.
"""

from __future__ import annotations

import pytest

from conftest import bounds as amounts
from conftest import claimed, records_of, triples
from kratom_dataset.parse import parse_article

# Doses ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Start with a teaspoon or two of powder.", [(1.0, 2.0, "[tsp_us]", None)]),
        ("Most nights I needed a gram or two before bed.", [(1.0, 2.0, "g", None)]),
    ],
)
def test_one_unit_or_two_is_a_range_of_one_to_two(text, expected):
    assert amounts(text) == expected


def test_one_unit_or_two_hundred_is_no_range():
    assert amounts("A gram or two hundred milligrams, nobody on the forum agreed.")[0][:2] == (1.0, 1.0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Regulars reported anything from 2 g up to 30+ g a day.", (30.0, None, "g", ">=")),
        ("Heavy users: 25 g+ daily.", (25.0, None, "g", ">=")),
    ],
)
def test_a_plus_after_an_amount_is_or_more_whatever_comes_before(text, expected):
    assert amounts(text)[-1] == expected


@pytest.mark.parametrize(
    ("text", "second"),
    [
        ("Do not exceed 6 g in one serving or 12 g in a day.", (None, 12.0, "g", "<=")),
        ("Keep it under 300 mg at a time and 900 mg a day.", (None, 900.0, "mg", "<")),
    ],
)
def test_one_bound_holds_over_both_amounts_it_coordinates(text, second):
    assert amounts(text)[1] == second


def test_an_amount_in_a_clause_of_its_own_keeps_no_bound():
    found = amounts("Take no more than 4 g at once, and most people feel 2 g just fine.")
    assert found[1] == (2.0, 2.0, "g", None)


@pytest.mark.parametrize(
    "text",
    ["Brands we spoke to cap their tablets at 20 mg.", "The vendor caps its shots at 20 mg of 7-OH."],
)
def test_capping_a_product_at_an_amount_is_a_maximum(text):
    (dose,) = records_of(text, "Dose")
    assert (dose.amount_high, dose.comparator, dose.role) == (20.0, "<=", "maximum")


@pytest.mark.parametrize(
    "text",
    ["Order two pouches and get 15% off your whole order.", "Subscribers save 10% off every bundle."],
)
def test_a_discount_is_no_dose(text):
    assert records_of(text, "Dose") == []


def test_a_share_off_the_dose_is_still_a_taper_step():
    (dose,) = records_of(text := "Take 10% off your daily dose each week.", "Dose")
    assert (dose.amount_low, dose.unit, dose.role) == (10.0, "%", "taper_step"), text


def test_a_hyphenated_weekly_share_steps_a_taper():
    (dose,) = records_of("We tested a 10%-per-week taper in eighteen adults.", "Dose")
    assert (dose.amount_low, dose.unit, dose.role) == (10.0, "%", "taper_step")


def test_a_leading_decimal_comma_is_a_fraction_of_one():
    (dose,) = records_of("The last week I only took ,5 gr for the night.", "Dose")
    assert (dose.amount_low, dose.unit) == (0.5, "g")


def test_a_spaced_comma_in_a_list_is_no_decimal():
    assert [a[0] for a in amounts("Doses of 2 ,4 and 8 mg were compared.")] == [2.0, 4.0, 8.0]


@pytest.mark.parametrize(
    "text",
    [
        "Mean dose fell to 3 g/day.\n• ISI rose from 11.2 at baseline to 15.8 at week 9.",
        "Each extra 100 mg of mitragynine cost a 1.4-point drop in REM share (β = −1.4, 95% CI −2.3 to −0.5).",
    ],
)
def test_a_scales_numbers_and_a_confidence_interval_are_no_doses(text):
    assert not {d.amount_low for d in records_of(text, "Dose")} & {11.2, 15.8, 1.4, 95.0}


def test_falling_amounts_on_dated_lines_are_taper_steps():
    text = "My calendar\nFeb 1: 18 g\nFeb 15: 15 g\nMar 1: 12 g\n- April 2: 9 g/day\n"
    roles = {(d.amount_low, d.role) for d in records_of(text, "Dose")}
    assert roles == {(18.0, "taper_step"), (15.0, "taper_step"), (12.0, "taper_step"), (9.0, "taper_step")}


def test_the_modal_may_opens_no_dated_line():
    text = "Withdrawal\nMay cause: 12 g of relief, users say.\nMay cause: 9 g of relief.\n"
    assert {d.role for d in records_of(text, "Dose")} != {"taper_step"}


# Mechanisms -----------------------------------------------------------------------------------------


def test_an_agent_a_preposition_follows_is_no_subject_of_an_unlisted_verb():
    text = "We docked speciociliatine and paynantheine into crystal structures of the kappa-opioid receptor."
    assert triples(text) == set()


def test_an_unlisted_verb_still_joins_a_subject_to_its_receptor():
    assert triples("Naloxone knocks both compounds off the mu receptor.") == {("naloxone", "interacts_with", "mu-opioid receptor")}


def test_working_like_another_drug_on_a_receptor_acts_on_it():
    assert ("kratom", "interacts_with", "opioid receptors") in triples("Kratom works a lot like codeine on the opioid receptors.")


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("Magnesium blocks NMDA receptors and supports GABA signalling.", "GABA"),
        ("Kratom alkaloids may support the natural release of melatonin.", "melatonin"),
    ],
)
def test_supporting_a_messenger_raises_it(text, target):
    assert target in {t for _, action, t in triples(text) if action == "increases"}


def test_supporting_a_person_is_no_mechanism():
    assert triples("Our nurses support patients through withdrawal.") == set()


def test_the_stuff_points_back_to_what_was_named():
    assert ("kratom", "interacts_with", "mu-opioid receptor") in triples("I started kratom in May. The stuff hits the mu receptors.")


def test_it_after_a_fronted_phrase_is_that_sentences_subject():
    text = (
        "In cells, paynantheine bound the mu receptor, twice as tightly as mitragynine, the leaf's main alkaloid. "
        "It showed no affinity for the kappa-opioid receptor."
    )
    assert ("paynantheine", "binds", "kappa-opioid receptor") in triples(text)
    assert ("mitragynine", "binds", "kappa-opioid receptor") not in triples(text)


# Claims and page structure ---------------------------------------------------------------------------


def test_a_rule_between_posts_ends_the_post_before_it():
    text = "Tapering thread\n\nI cut 1 g a week and it worked.\n---\nmoss_gardener\nthat pace worked for me too.\n"
    found = claimed(text)
    assert not [c for c in found if "---" in c or "moss_gardener" in c]
    assert "that pace worked for me too." in found


def test_a_rule_is_a_paragraph_of_its_own():
    doc = parse_article(b"First post ends here.\n---\nSecond post starts here.\n", article_id="x", source_file="x")
    assert [doc.flat[p.start : p.end] for p in doc.paragraphs if "post" in doc.flat[p.start : p.end]] == [
        "First post ends here.",
        "Second post starts here.",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "does this apply to capsules too or just the powder.",
        "can anyone tell me if 4 g is a lot",
        "Is there a safe way to mix it with gabapentin.",
        "Have you tried magnesium before bed",
    ],
)
def test_a_question_written_without_its_mark_is_no_claim(line):
    assert claimed(f"Forum\n\nKratom helped my sleep a lot.\n\n{line}\n") == ["Kratom helped my sleep a lot."]


@pytest.mark.parametrize(
    "line",
    ["Do it slowly, one gram at a time.", "Do this every night for a week.", "Is a partial agonist at the mu receptor."],
)
def test_a_bid_or_a_fragment_opening_with_an_auxiliary_is_still_a_claim(line):
    assert line in claimed(f"Notes\n\n{line}\n")


# The second batch of the round (rp69-) ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Price: $12.49 / 28 g at the shop.",
        "Our pouches are resealable and hold 250 g.",
        "The mice were 8–10 weeks old and weighed 20–26 g.",
        "The extract reduced digoxin efflux by 38% at 10 μg/mL.",
    ],
)
def test_prices_packs_body_weights_and_measured_shares_are_no_doses(text):
    assert records_of(text, "Dose") == []


def test_what_a_bottle_holds_the_equivalent_of_is_an_amount_of_leaf():
    assert amounts("One small bottle can hold the equivalent of 20 or 30 grams of leaf.") == [(20.0, 30.0, "g", None)]


def test_an_animals_weight_beside_its_dose_leaves_the_dose():
    assert amounts("The rats weighed about 250 g and received 10 mg/kg.") == [(10.0, 10.0, "mg/kg", None)]


def test_a_share_under_a_cut_column_steps_a_taper_and_one_under_another_column_is_no_dose():
    taper = "Week | Daily total | % cut\n1 | 24 g | —\n2 | 21.5 g | 10%\n3 | 19 g | 12%\n"
    shares = {(d.amount_low, d.role) for d in records_of(taper, "Dose") if d.unit == "%"}
    assert shares == {(10.0, "taper_step"), (12.0, "taper_step")}
    assert records_of("Strain | Alkaloid % | Price\nRed | 1.4% | 12\nGreen | 1.1% | 11\n", "Dose") == []
    # a results table's change is a finding, not a step
    assert records_of("Outcome | Baseline | Change\nREM sleep | 21% | -14%\nDeep sleep | 16% | +3%\n", "Dose") == []


def test_a_role_noun_whose_target_is_left_to_the_clause_before_keeps_it_past_its_statistics():
    text = "7-OH was a partial agonist at hMOR, and mitragynine was a partial agonist (EC50 = 339 nM)."
    assert ("mitragynine", "partial_agonist", "mu-opioid receptor") in triples(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("My doctor give me hydroxyzine, it block histamine so you are sleepy.", {("hydroxyzine", "inhibits", "histamine")}),
        (
            "Diphenhydramine blocks histamine and acetylcholine receptors.",
            {("diphenhydramine", "inhibits", "histamine receptors"), ("diphenhydramine", "inhibits", "acetylcholine receptors")},
        ),
    ],
)
def test_histamine_as_a_messenger_and_as_a_family_of_receptors(text, expected):
    assert triples(text) == expected


def test_slowing_a_messengers_breakdown_raises_it():
    assert triples("Valerenic acid seems to slow the breakdown of GABA.") == {("valerenic acid", "increases", "GABA")}


def test_blocking_a_messengers_reuptake_is_still_read_as_before():
    assert "increases" not in {a for _, a, _ in triples("SSRIs block the reuptake of serotonin.")}


@pytest.mark.parametrize(
    ("text", "agent"),
    [("Glycine binds NMDA receptors.", "glycine"), ("Kavalactones modulate GABA-A receptors.", "kavalactone")],
)
def test_sleep_supplements_constituents_are_agents(text, agent):
    assert {a for a, _, _ in triples(text)} == {agent}


def test_a_label_over_one_word_in_capitals_is_a_claim_and_a_title_after_a_label_is_not():
    text = "Kratom and tramadol\nSeverity: MAJOR\nBoth act on mu-opioid receptors.\n\nKratom: Reducing The Risks\nStart low.\n"
    found = claimed(text)
    assert "Severity: MAJOR" in found
    assert "Kratom: Reducing The Risks" not in found


@pytest.mark.parametrize(
    "line",
    [
        "* Corresponding author.",
        "E-mail: r.osei@example.org",
        "Correction: An earlier version of this story gave the wrong age.",
        "Last edit was made 2 days ago by Dale R.",
        "If you buy through these links, we may earn a commission at no extra cost.",
        "Gonna disagree a bit.",
        "Different strokes.",
        "Kindly advise.",
        "Please do the needful.",
        "Nurse and mom here.",
    ],
)
def test_page_and_forum_furniture_is_no_claim(line):
    assert claimed(f"Page\n\nKratom helped my sleep a lot.\n\n{line}\n") == ["Kratom helped my sleep a lot."]


@pytest.mark.parametrize(
    "line",
    ["I disagree with the dose he gave, 10 g is a lot.", "Seconding the slow approach.", "Looks like the plant works on opioid receptors."],
)
def test_sentences_that_open_like_such_lines_stay_claims(line):
    assert line in claimed(f"Page\n\n{line}\n")


# The third batch of the round (rp70-) -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Some nights he take 1 and ½ teaspoon.", (1.5, 1.5, "[tsp_us]", None)),
        ("Labels must warn not to exceed 8 grams per serving or 32 grams in a day.", (None, 32.0, "g", "<=")),
    ],
)
def test_one_and_a_half_in_figures_and_a_warning_not_to_exceed(text, expected):
    assert amounts(text)[-1] == expected


def test_a_warning_not_to_exceed_is_a_maximum():
    (first, _) = records_of("Labels must warn not to exceed 8 grams per serving or 32 grams in a day.", "Dose")
    assert (first.amount_high, first.comparator, first.role) == (8.0, "<=", "maximum")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mitragynine inhibited BCRP with an IC50 of 31 µM.", {("mitragynine", "inhibits", "BCRP")}),
        (
            "Paynantheine and speciogynine were the most potent OATP1B1 inhibitors.",
            {("paynantheine", "inhibits", "OATP1B1"), ("speciogynine", "inhibits", "OATP1B1")},
        ),
    ],
)
def test_uptake_and_efflux_transporters_are_targets(text, expected):
    assert triples(text) == expected


def test_binding_more_tightly_leaves_its_target_to_the_clause_before():
    text = "Buprenorphine is a partial agonist at the mu-opioid receptor, but it binds far more tightly than mitragynine does."
    assert ("buprenorphine", "binds", "mu-opioid receptor") in triples(text)


@pytest.mark.parametrize(
    "line",
    [
        "Hello every one.",
        "Will post an update after Thursday.",
        "Text or webchat also available.",
        "Next month: Updates to the vancomycin protocol",
    ],
)
def test_greetings_promises_and_newsletter_teasers_are_no_claims(line):
    assert claimed(f"Page\n\nKratom helped my sleep a lot.\n\n{line}\n") == ["Kratom helped my sleep a lot."]


@pytest.mark.parametrize(
    "line",
    ["Thanks all, will talk to my doctor first.", "Call Poison Control at 1-800-222-1222 if a child swallows it."],
)
def test_thanks_with_news_and_a_call_to_poison_control_stay_claims(line):
    assert line in claimed(f"Page\n\n{line}\n")


# The fourth batch of the round (rp71-) ----------------------------------------------------------------


def test_a_row_that_opens_with_its_agent_takes_its_target_from_the_column_head():
    text = (
        "Alkaloids compared\n\n"
        "Compound | Mu-opioid receptor | Kappa-opioid receptor | Potency\n"
        "Mitragynine | partial agonist | competitive antagonist | ~0.1× morphine\n"
        "Naloxone | antagonist | antagonist | n/a\n"
    )
    found = {(m.agent, m.action, m.target, m.provenance.exact) for m in records_of(text, "Mechanism")}
    assert found == {
        ("mitragynine", "partial_agonist", "mu-opioid receptor", "Mitragynine | partial agonist"),
        ("mitragynine", "antagonist", "kappa-opioid receptor", "Mitragynine | partial agonist | competitive antagonist"),
        ("naloxone", "antagonist", "mu-opioid receptor", "Naloxone | antagonist"),
        ("naloxone", "antagonist", "kappa-opioid receptor", "Naloxone | antagonist | antagonist"),
    }


def test_an_outcome_under_a_column_head_is_no_role_at_a_site():
    text = "Sleep effects\n\nDrug | Effect on REM sleep | Notes\nMethadone | Decrease | dose-related\n"
    assert triples(text) == set()


def test_gripping_a_receptor_binds_it():
    assert ("7-hydroxymitragynine", "binds", "mu-opioid receptor") in triples("7-OH grips the mu-opioid receptor far harder.")


def test_this_with_a_modifier_before_amino_acid_points_back():
    text = "4. L-theanine\nThis green-tea amino acid is believed to raise GABA."
    assert triples(text) == {("l-theanine", "increases", "GABA")}


def test_it_naming_nothing_before_it_is_what_its_sections_heading_names():
    text = (
        "Sleep Supplements During Kratom Withdrawal\n\n"
        "1. Magnesium\nHow it works: Magnesium blocks NMDA receptors.\n\n"
        "2. Melatonin\nTypical amount: 0.3 to 1 mg.\nHow it works: It binds MT1 receptors.\n"
    )
    assert ("melatonin", "binds", "MT1 melatonin receptor") in triples(text)


@pytest.mark.parametrize(
    "text",
    [
        "Adult rats (n = 8 per group; 300–350 g) were implanted with electrodes.",
        "A user could take in roughly 19 to 25 micrograms of lead a day.",
        "The calculator now rounds to the nearest 0.25 g.",
        "A 16-oz energy drink is a lot of caffeine.",
        "Kratom lowered VE55 by 9% at two hours.",
        "Breathing was measured at baseline and 1, 2, 4 and 6 hours after 20 mg of oxycodone.",
    ],
)
def test_weights_contaminants_precision_drinks_measured_shares_and_listed_times_are_no_doses(text):
    assert not [d for d in records_of(text, "Dose") if d.amount_low != 20.0]


def test_a_capsules_size_number_leaves_what_it_holds_a_dose():
    assert amounts("Each size 00 capsule holds 500 mg of leaf powder.") == [(500.0, 500.0, "mg", None)]


def test_a_cut_after_ive_seen_is_still_a_taper_step():
    (dose,) = records_of("The approach I've seen work best is cutting the daily total by about 10% each week.", "Dose")
    assert (dose.amount_low, dose.unit, dose.role) == (10.0, "%", "taper_step")


def test_an_amount_a_hard_wrapped_sentence_runs_on_to_is_no_label():
    text = "Methods\n\nTwelve adults took a single dose of midazolam 2.5 mg and dextromethorphan\n30 mg on two occasions: alone, and after a week of kratom tea.\n"
    assert (
        "Twelve adults took a single dose of midazolam 2.5 mg and dextromethorphan 30 mg on two occasions: alone, and after a week of kratom tea."
        in claimed(text)
    )


def test_a_headline_after_a_menu_stays_a_line_of_its_own_though_it_opens_with_a_number():
    text = "WKVT 8 News | Local | Investigations\n8 On Your Side: Kratom shots sold next to energy drinks raise concerns\n\nKratom is sold in gas stations.\n"
    assert not [c for c in claimed(text) if "Investigations" in c]
