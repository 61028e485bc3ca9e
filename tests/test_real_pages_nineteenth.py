"""What real pages write, rule by rule: the forms the nineteenth round of rules reads.

Each row is a text in a form real pages use and what a reader finds in it; earlier rounds are in
tests/test_real_pages.py and tests/test_real_pages_fifth.py to _eighteenth.py.
"""

from __future__ import annotations

import pytest

from conftest import records_of, triples

# A name whose verb is "do" says the clause before again of itself ------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Opioids suppress REM sleep, and kratom probably does too.", ("kratom", "inhibits", "REM sleep")),
        ("Most opioids reduce deep sleep, and mitragynine is likely to do the same.", ("mitragynine", "decreases", "deep sleep")),
        ("Most opioids suppress REM sleep, and kratom's alkaloids may do the same.", ("kratom", "inhibits", "REM sleep")),
        # the clause before ends at "Dr." for the comparison rules; the "do" reaches past it
        (
            "Opioid-like drugs in general suppress REM sleep, and Dr. Qureshi says kratom probably does the same.",
            ("kratom", "inhibits", "REM sleep"),
        ),
        ("MG binds MOR, and 7-OH does too.", ("7-hydroxymitragynine", "binds", "mu-opioid receptor")),
    ],
)
def test_a_name_said_to_do_the_same_takes_the_action_and_target_before(text, expected):
    assert expected in triples(text)


def test_the_record_of_a_name_said_to_do_the_same_spans_its_do():
    text = "Opioids suppress REM sleep, and kratom probably does too."
    (said,) = [m for m in records_of(text, "Mechanism") if m.agent == "kratom"]
    assert said.provenance.exact == "suppress REM sleep, and kratom probably does too"


@pytest.mark.parametrize(
    "text",
    [
        "Kratom does too much to the gut, says Ana.",
        # "so" here opens a means phrase, not a "do so"
        "Morphine binds MOR; codeine does so by way of its metabolite.",
    ],
)
def test_a_do_that_restates_nothing_makes_no_record_for_its_name(text):
    assert not any(agent in ("kratom", "codeine") for agent, _, _ in triples(text))


# "Activity" after a receptor is an action on it -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected", "negated"),
    [
        ("Mitragynine also has alpha-2 activity.", ("mitragynine", "interacts_with", "alpha-2 adrenergic receptors"), False),
        ("Paynantheine shows little or no opioid receptor activity.", ("paynantheine", "interacts_with", "opioid receptors"), True),
        ("Gabapentin: no direct opioid receptor activity", ("gabapentin", "interacts_with", "opioid receptors"), True),
        (
            "Its sedating effect at higher doses comes from opioid receptor activity.",
            None,  # no agent named: the sentence alone states no mechanism
            False,
        ),
    ],
)
def test_activity_after_a_receptor_is_an_action_on_it(text, expected, negated):
    found = {(m.agent, m.action, m.target): m.negated for m in records_of(text, "Mechanism")}
    if expected is None:
        assert found == {}
    else:
        assert found.get(expected) is negated


def test_the_activity_a_verb_acts_on_is_its_object_not_a_second_action():
    # "enhances GABA-A receptor activity": one record, spanning the verb and its object
    (record,) = records_of("Alcohol enhances GABA-A receptor activity.", "Mechanism")
    assert (record.agent, record.action, record.target) == ("alcohol", "increases", "GABA receptors")


def test_a_role_noun_naming_its_own_target_keeps_it_and_a_second_activity_follows():
    text = "MG = partial mu agonist, plus some alpha-2 activity"
    assert triples(text) == {
        ("mitragynine", "partial_agonist", "mu-opioid receptor"),
        ("mitragynine", "interacts_with", "alpha-2 adrenergic receptors"),
    }


# A tier's level word sets the level of its amount ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "exact", "level"),
    [
        ("Low (1-3 g): more energy and talkativeness for most people", "1-3 g", "low"),
        ("Start low – 1 or 2 grams – and wait at least 45 minutes.", "1 or 2 grams", "low"),
        ("Higher doses (over 5 g): sedation, nausea and itching.", "5 g", "high"),
        ("Strong - 5 to 8 g, for pain", "5 to 8 g", "high"),
    ],
)
def test_a_level_word_before_its_amount_in_brackets_or_after_a_dash_sets_its_level(text, exact, level):
    doses = {d.provenance.exact: d.level for d in records_of(f"Dosing.\n\n{text}", "Dose")}
    assert doses.get(exact) == level


def test_a_level_word_in_another_phrase_does_not_reach_an_amount():
    doses = {d.provenance.exact: d.level for d in records_of("Dosing.\n\nEffects are strong (in our survey, 5 g was typical).", "Dose")}
    assert doses.get("5 g") is None


# Amounts a page sells or mixes in are no doses -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Powder: 50 g, 100 g and 250 g pouches",
        "Ingredients\n- 350 mL water (a big mug)\n- 1 tbsp lemon juice\n- 1/2 tsp honey, or to taste",
    ],
)
def test_package_sizes_and_other_ingredients_are_no_doses(text):
    assert records_of(f"Shop.\n\n{text}", "Dose") == []


def test_the_kratom_of_a_recipe_stays_a_dose_beside_its_other_ingredients():
    text = "Ingredients\n- 1½ teaspoons kratom powder (about 3 g)\n- 350 mL water"
    assert [d.provenance.exact for d in records_of(f"Tea.\n\n{text}", "Dose")] == ["1½ teaspoons kratom powder", "3 g"]


@pytest.mark.parametrize(
    ("text", "doses"),
    [
        ("Among our users, average nightly REM was 14% lower on kratom days.", []),
        ("Then take 10% less each week until you stop.", ["10%"]),
    ],
)
def test_a_share_lower_than_something_measured_is_a_finding_not_a_taper_step(text, doses):
    assert [d.provenance.exact for d in records_of(f"Notes.\n\n{text}", "Dose")] == doses


def test_not_going_past_an_amount_caps_it():
    (dose,) = records_of("Notes.\n\nExperts advise not going past 8 grams in a day.", "Dose")
    assert (dose.comparator, dose.amount_low, dose.amount_high, dose.role) == ("<=", None, 8.0, "maximum")


# Agents in a passive's "by the ...", objects of "both of which", asides and predicates --------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pain signaling is also dampened by the leaf's alkaloids.", {("kratom", "decreases", "pain signaling")}),
        (
            "Methadone is cleared by CYP3A4 and CYP2D6, both of which mitragynine inhibits in vitro.",
            {("mitragynine", "inhibits", "CYP3A4"), ("mitragynine", "inhibits", "CYP2D6")},
        ),
        (
            "7-Hydroxymitragynine, present only in trace amounts in fresh leaf, is a considerably more potent mu-opioid agonist.",
            {("7-hydroxymitragynine", "agonist", "mu-opioid receptor")},
        ),
    ],
)
def test_an_agent_after_by_the_a_relative_both_of_which_and_an_aside(text, expected):
    assert expected <= triples(text)


def test_a_ranking_by_strength_states_no_action_of_the_drug_ranked_against():
    assert triples("And 7-OH is a much stronger agonist at mu, stronger than morphine in some assays.") == {
        ("7-hydroxymitragynine", "agonist", "mu-opioid receptor")
    }


def test_a_pronoun_points_past_what_a_copula_says_its_subject_is():
    text = (
        "Mitragynine is the main alkaloid. Is it basically just a weaker oxycodone? "
        "No, it's not just a weaker oxycodone. It also hits alpha-2 adrenergic receptors."
    )
    assert triples(text) == {("mitragynine", "interacts_with", "alpha-2 adrenergic receptors")}


# Who a unit is attributed to: more subjects, verbs and openings --------------------------------


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        (
            "According to a researcher from a public university in Penang, villagers usually drink three glasses a day.",
            "experts",
        ),
        ("Our clinic advises staying under 10 g per day in total.", "experts"),
        ("Our prescribers generally suggest lowering the daily amount by about 10% each week.", "experts"),
        ("Our chemist notes that mitragynine is converted to 7-hydroxymitragynine by liver enzymes.", "experts"),
        # the comma of "4,600" opens no clause between the subject and its verb
        ("The researchers reviewed 4,600 exposure reports and found that most serious cases involved another drug.", "experts"),
        ("Users on forums suggest taking it about an hour before bed.", "users_report"),
    ],
)
def test_a_source_and_its_reporting_verb_name_the_evidence(text, evidence):
    assert records_of(f"Notes.\n\n{text}", "Claim")[-1].evidence == evidence


@pytest.mark.parametrize(
    "text",
    [
        # a phrase opened by a preposition is no subject: "customer" reports nothing here
        "For new customer we suggest to begin with 2 gram only.",
        # the members own the labels; the labels suggest
        "Most members' labels already suggest a serving of 2 to 4 grams of leaf powder.",
    ],
)
def test_a_noun_in_a_prepositional_phrase_or_a_possessive_is_no_source(text):
    assert records_of(f"Notes.\n\n{text}", "Claim")[-1].evidence == "none"


@pytest.mark.parametrize("text", ["Kratom is not harmless.", "Kratom is not risk-free."])
def test_harmless_or_risk_free_denied_is_a_denial(text):
    # dev's readers negate 9 of the 11 such sentences; "not uncommon" and "not without" still affirm
    assert records_of(f"Notes.\n\n{text}", "Claim")[-1].polarity == "negated"


# From rp41-, read fresh ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "doses"),
    [
        ("It occurs in dried leaves of Mitragyna speciosa (kratom) in small amounts.", []),
        ("At small amounts kratom tends to stimulate.", ["small amounts"]),
        ("Lofexidine 0.54 mg four times daily was tapered over days 6 and 7.", ["0.54 mg"]),
        ("I was on 12g a day. Then 10, then 8.", ["12g", "10", "8"]),
    ],
)
def test_a_content_and_numbered_days_are_no_doses(text, doses):
    assert [d.provenance.exact for d in records_of(f"Notes.\n\n{text}", "Dose")] == doses


def test_a_pronoun_points_past_a_name_given_as_an_example():
    text = (
        "Inhibition of CYP2D6 by mitragynine has been shown in liver microsomes. A patient on a CYP2D6 "
        "substrate such as dextromethorphan could see higher exposure. In cell studies it also inhibits P-glycoprotein."
    )
    assert ("mitragynine", "inhibits", "P-glycoprotein") in triples(text)


def test_a_relative_pronoun_still_points_to_the_example_before_it():
    text = "Avoid strong CYP3A4 inhibitors such as clarithromycin, which inhibit that enzyme."
    assert {agent for agent, _, _ in triples(text)} == {"clarithromycin"}
