"""What real pages write, rule by rule: the forms the twentieth round of rules reads.

Each row is a text in a form real pages use and what a reader finds in it; earlier rounds are in
tests/test_real_pages.py and tests/test_real_pages_fifth.py to _nineteenth.py.
"""

from __future__ import annotations

import pytest

from conftest import claimed, triples, units

# A time's zone goes on with its sentence -------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Orders placed before 2 p.m. Eastern ship the same business day.",
        "The helpline is open until 9 p.m. ET on weekdays.",
    ],
)
def test_a_time_zone_after_pm_goes_on_with_its_sentence(text):
    assert [unit for unit, _ in units(f"Shipping\n\n{text} We ship daily.")][1:] == [text, "We ship daily."]


def test_a_capital_after_pm_that_is_no_time_zone_still_opens_a_sentence():
    assert [unit for unit, _ in units("Dosing\n\nTake it at 3 p.m. Never later.")][1:] == ["Take it at 3 p.m.", "Never later."]


# A course's learning objectives state nothing -------------------------------------------------


@pytest.mark.parametrize(
    "page",
    [
        (
            "Module 4\n\nLearning objectives\n1. Describe the pharmacology of kratom's main alkaloids.\n"
            "2. Identify common signs of kratom withdrawal.\n\nKratom withdrawal often disturbs sleep.\n"
        ),
        (
            "Lecture 7\n\nBy the end of this session you will be able to:\n- explain why withdrawal wrecks sleep\n"
            "- compare clonidine and lofexidine\n\nKratom withdrawal often disturbs sleep.\n"
        ),
    ],
)
def test_learning_objectives_are_no_claims_and_the_body_after_them_is(page):
    assert claimed(page) == ["Kratom withdrawal often disturbs sleep."]


def test_an_imperative_outside_a_list_of_objectives_is_still_a_claim():
    page = "Tapering\n\nPlan your taper with your doctor.\nIdentify your triggers before you start.\n"
    assert claimed(page) == ["Plan your taper with your doctor.", "Identify your triggers before you start."]


def test_a_form_field_to_fill_in_is_no_claim_and_a_rule_of_underscores_hides_nothing():
    page = (
        "Your plan\n\nCurrent daily amount: ____ g\nServings per day: ____\n\n"
        "Results\n\nDoses ranged from 1 to 10 g.\n__________\nKratom withdrawal often disturbs sleep.\n"
    )
    assert claimed(page) == ["Doses ranged from 1 to 10 g.", "Kratom withdrawal often disturbs sleep."]


# Coordination, means clauses and appositives ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mitragynine and especially 7-hydroxymitragynine act on opioid receptors.",
            {
                ("mitragynine", "interacts_with", "opioid receptors"),
                ("7-hydroxymitragynine", "interacts_with", "opioid receptors"),
            },
        ),
        (
            "Mitragynine acts at opioid receptors in the brain and also on adrenergic receptors.",
            {
                ("mitragynine", "interacts_with", "opioid receptors"),
                ("mitragynine", "interacts_with", "adrenergic receptors"),
            },
        ),
        (
            "Inhibition of CYP2D6 by corynantheidine and paynantheine has been reported in liver microsomes.",
            {("corynantheidine", "inhibits", "CYP2D6"), ("paynantheine", "inhibits", "CYP2D6")},
        ),
        # the subject of the clause, not the drug nearest the gerund, acts "by inhibiting"
        (
            "Both cause drowsiness, and kratom may slow the breakdown of trazodone by inhibiting CYP3A4.",
            {("kratom", "inhibits", "CYP3A4")},
        ),
        (
            "Clonidine and lofexidine relieve it by stimulating alpha-2 adrenergic receptors.",
            {
                ("clonidine", "activates", "alpha-2 adrenergic receptors"),
                ("lofexidine", "activates", "alpha-2 adrenergic receptors"),
            },
        ),
        # the head of a long appositive or relative clause is the subject
        (
            "7-Hydroxymitragynine, a minor alkaloid that is also formed from mitragynine in the liver, is a mu-opioid agonist.",
            {("7-hydroxymitragynine", "agonist", "mu-opioid receptor")},
        ),
        (
            "Mitragynine pseudoindoxyl, which forms from 7-hydroxymitragynine in human plasma, is one of the most potent mu-opioid agonists.",
            {("mitragynine pseudoindoxyl", "agonist", "mu-opioid receptor")},
        ),
    ],
)
def test_coordinated_agents_and_targets_means_clauses_and_appositives(text, expected):
    assert triples(text) == expected
