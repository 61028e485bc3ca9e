"""Mechanisms in the forms release 0.5.0 reads: comparisons, contrasts, examples of a role noun,
references with nothing before them, and targets beyond receptors. One behaviour a row; each row
is a sentence in a form pages use and the records a reader finds in it.
"""

from __future__ import annotations

import pytest

from kratom_dataset.extractors import extract


def mechanisms(text: str) -> set[tuple]:
    return {(m.agent, m.action, m.target, m.negated) for m in extract(text) if type(m).__name__ == "Mechanism"}


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Mitragynine binds the mu-opioid receptor roughly ten times more tightly than morphine.",
            {("mitragynine", "binds", "mu-opioid receptor", False), ("morphine", "binds", "mu-opioid receptor", False)},
        ),
        (
            "Kratom may suppress REM sleep, much as other opioids do.",
            {("kratom", "inhibits", "REM sleep", False), ("opioids", "inhibits", "REM sleep", False)},
        ),
        (
            "Mitragynine pseudoindoxyl is a potent μ agonist that, unlike morphine, does not recruit β-arrestin-2.",
            {
                ("mitragynine pseudoindoxyl", "agonist", "mu-opioid receptor", False),
                ("mitragynine pseudoindoxyl", "activates", "beta-arrestin-2", True),
                ("morphine", "activates", "beta-arrestin-2", False),
            },
        ),
    ],
)
def test_a_comparison_states_the_action_of_the_name_compared(text, expected):
    assert mechanisms(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Unlike morphine, mitragynine is a partial agonist at the mu-opioid receptor.",
        "7-OH is far more potent at MOR than mitragynine.",
        "Melatonin works on MT1 receptors, a totally different pathway than kratom.",
    ],
)
def test_a_comparison_that_ranks_or_sets_apart_states_nothing_of_the_other_name(text):
    assert {agent for agent, *_ in mechanisms(text)} <= {"mitragynine", "7-hydroxymitragynine", "melatonin"}


@pytest.mark.parametrize(
    "text, denied",
    [
        (
            "Gabapentin calms nerves by acting on calcium channels rather than opioid receptors.",
            ("gabapentin", "interacts_with", "opioid receptors", True),
        ),
        ("Its alkaloids mainly target opioid receptors instead of GABA receptors.", ("kratom", "interacts_with", "GABA receptors", True)),
        ("Tramadol acts on serotonin reuptake, not just opioid receptors.", ("tramadol", "interacts_with", "opioid receptors", False)),
    ],
)
def test_a_target_set_against_the_stated_one_is_denied_or_added(text, denied):
    assert denied in mechanisms(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Strong CYP3A4 inhibitors such as ketoconazole or clarithromycin raise mitragynine levels.",
            {
                ("ketoconazole", "inhibits", "CYP3A4", False),
                ("clarithromycin", "inhibits", "CYP3A4", False),
                ("ketoconazole", "increases", "mitragynine", False),
                ("clarithromycin", "increases", "mitragynine", False),
            },
        ),
        (
            "The effect was blocked by the kappa antagonist nor-binaltorphimine.",
            {("nor-binaltorphimine", "antagonist", "kappa-opioid receptor", False)},
        ),
        (
            "People take diphenhydramine or doxylamine, which block histamine H1 receptors.",
            {("diphenhydramine", "inhibits", "histamine H1 receptor", False), ("doxylamine", "inhibits", "histamine H1 receptor", False)},
        ),
    ],
)
def test_agents_named_beside_a_role_noun_or_before_a_relative_pronoun(text, expected):
    assert mechanisms(text) == expected


def test_a_reference_with_nothing_before_it_names_the_drugs_of_the_title():
    text = "Clonidine vs. Lofexidine for Withdrawal\n\nBoth drugs are alpha-2 adrenergic agonists.\n"
    assert mechanisms(text) == {
        ("clonidine", "agonist", "alpha-2 adrenergic receptors", False),
        ("lofexidine", "agonist", "alpha-2 adrenergic receptors", False),
    }


def test_it_skips_a_name_inside_a_prepositional_phrase():
    text = "Corynantheidine is one of the minor alkaloids in kratom leaf. It binds to the μ-opioid receptor."
    assert mechanisms(text) == {("corynantheidine", "binds", "mu-opioid receptor", False)}


def test_the_alkaloid_points_back_to_an_alkaloid_not_to_the_last_drug():
    text = "Kratom extracts raised levels of oxycodone. The alkaloid mitragynine is cleared by CYP3A4. The alkaloid also inhibited P-gp."
    assert ("mitragynine", "inhibits", "P-glycoprotein", False) in mechanisms(text)


@pytest.mark.parametrize(
    "text, target, target_type",
    [
        ("Mitragynine inhibits hERG potassium channels.", "hERG channel", "ion_channel"),
        ("In vitro, mitraphylline reduced the release of TNF-α.", "TNF-α", "cytokine"),
        ("Corynoxine promotes autophagy.", "autophagy", "physiological_process"),
        ("Kratom may raise blood levels of medicines.", "medicines", "drug"),
        ("Ketoconazole can raise mitragynine concentrations.", "mitragynine", "drug"),
        ("Caffeine blocks adenosine receptors.", "adenosine receptors", "receptor"),
        ("Temazepam: ↓ deep (N3) sleep.", "deep sleep", "sleep_stage"),
    ],
)
def test_targets_beyond_receptors(text, target, target_type):
    found = [m for m in extract(text) if type(m).__name__ == "Mechanism"]
    assert [(m.target, m.target_type) for m in found] == [(target, target_type)]


@pytest.mark.parametrize(
    "text", ["No trial has measured whether mitragynine suppresses REM sleep.", "The extract reduced serotonin-induced head twitches."]
)
def test_a_question_or_a_modifier_states_no_mechanism(text):
    assert mechanisms(text) == set()


@pytest.mark.parametrize(
    "text, agent",
    [
        ("Fluvoxamine strongly inhibits CYP1A2.", "fluvoxamine"),
        ("Suvorexant blocks orexin receptors.", "suvorexant"),
        ("Lorazepam and temazepam act on GABA receptors.", "temazepam"),
    ],
)
def test_drugs_are_named_from_the_list_and_by_their_inn_stem(text, agent):
    assert agent in {a for a, *_ in mechanisms(text)}


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Mitragynine is a weak base. CYP2D6 is inhibited by this alkaloid.",
            {("mitragynine", "inhibits", "CYP2D6", False)},
        ),
        (
            "Mitragynine and 7-OH are the main alkaloids. Kappa receptors are blocked by both compounds.",
            {
                ("mitragynine", "inhibits", "kappa-opioid receptor", False),
                ("7-hydroxymitragynine", "inhibits", "kappa-opioid receptor", False),
            },
        ),
    ],
)
def test_a_reference_after_by_is_the_agent_of_a_passive(text, expected):
    assert mechanisms(text) == expected


@pytest.mark.parametrize(
    "text, added",
    [
        (
            "Mitragynine inhibited CYP2D6 potently; CYP2C9 and CYP1A2 were inhibited only above 10 µM.",
            {("mitragynine", "inhibits", "CYP2C9", False), ("mitragynine", "inhibits", "CYP1A2", False)},
        ),
        (
            "7-OH activates MOR, while KOR is only weakly activated.",
            {("7-hydroxymitragynine", "activates", "kappa-opioid receptor", False)},
        ),
        (
            "Mitragynine binds mu receptors; delta receptors are not activated.",
            {("mitragynine", "activates", "delta-opioid receptor", True)},
        ),
    ],
)
def test_an_agentless_passive_takes_the_agent_of_the_clause_before(text, added):
    assert added <= mechanisms(text)


def test_an_agentless_passive_with_no_clause_before_names_no_agent():
    assert mechanisms("CYP2C9 and CYP1A2 were inhibited only above 10 µM.") == set()


def test_both_reaches_back_past_a_sentence_that_names_one_of_the_pair():
    text = (
        "Mitragynine bound the mu-opioid receptor with moderate affinity. 7-OH was a partial agonist at the MOR. "
        "Both compounds were antagonists at the kappa-opioid receptor."
    )
    assert {
        ("mitragynine", "antagonist", "kappa-opioid receptor", False),
        ("7-hydroxymitragynine", "antagonist", "kappa-opioid receptor", False),
    } <= mechanisms(text)


def test_the_head_of_an_appositive_is_the_agent_even_with_modifiers_before_the_role_noun():
    text = "7-hydroxymitragynine, a metabolite of mitragynine, is a potent mu agonist."
    assert mechanisms(text) == {("7-hydroxymitragynine", "agonist", "mu-opioid receptor", False)}


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "As a partial agonist at the mu receptor, mitragynine has a ceiling on respiratory depression.",
            ("mitragynine", "partial_agonist", "mu-opioid receptor", False),
        ),
        ("As an inhibitor of CYP2D6, kratom may raise levels of some antidepressants.", ("kratom", "inhibits", "CYP2D6", False)),
    ],
)
def test_a_fronted_role_names_the_subject_after_it(text, expected):
    assert expected in mechanisms(text)


def test_both_takes_in_the_name_the_clause_compared_with_its_subject():
    text = (
        "Speciociliatine bound the mu-opioid receptor with higher affinity than mitragynine, "
        "whereas both alkaloids antagonised the kappa receptor. Neither compound showed affinity for the delta receptor."
    )
    assert {
        ("speciociliatine", "antagonist", "kappa-opioid receptor", False),
        ("mitragynine", "antagonist", "kappa-opioid receptor", False),
        ("speciociliatine", "binds", "delta-opioid receptor", True),
        ("mitragynine", "binds", "delta-opioid receptor", True),
    } <= mechanisms(text)


def test_a_reduced_relative_after_a_clause_takes_its_object_as_subject():
    assert ("morphine", "interacts_with", "mu-opioid receptor", False) in mechanisms(
        "Mitragynine acts on the same mu-opioid receptors targeted by morphine."
    )


def test_the_molecule_points_back_to_the_agent_named_before():
    text = "Mitragynine pseudoindoxyl forms in plasma. The molecule activates the G protein pathway."
    assert {m[0] for m in mechanisms(text)} == {"mitragynine pseudoindoxyl"}


def test_a_counted_reference_names_as_many_agents_as_it_counts():
    text = (
        "We tested mitragynine, 7-hydroxymitragynine, paynantheine and speciogynine in liver microsomes. "
        "Mitragynine was a potent inhibitor of CYP2D6, whereas inhibition of CYP1A2 by all four alkaloids was weak."
    )
    agents = {m[0] for m in mechanisms(text) if m[2] == "CYP1A2"}
    assert agents == {"mitragynine", "7-hydroxymitragynine", "paynantheine", "speciogynine"}


def test_an_action_a_study_measured_is_no_finding():
    text = "We measured inhibition of seven CYP isoforms by mitragynine and assessed binding at cloned opioid receptors."
    assert mechanisms(text) == set()


def test_a_second_clause_of_one_subject_after_a_comparison_keeps_the_subject():
    text = "7-OH bound the mu-opioid receptor with higher affinity than mitragynine (Ki 13 nM) and showed no measurable affinity for the delta-opioid receptor."
    found = mechanisms(text)
    assert ("7-hydroxymitragynine", "binds", "delta-opioid receptor", True) in found
    assert ("mitragynine", "binds", "delta-opioid receptor", True) not in found


@pytest.mark.parametrize(
    "text", ["7-OH has roughly tenfold higher MOR affinity than mitragynine.", "Speciociliatine showed high MOR affinity."]
)
def test_a_receptor_named_before_affinity_is_what_is_bound(text):
    assert any(m[1] == "binds" and m[2] == "mu-opioid receptor" for m in mechanisms(text))


def test_adrenoceptors_close_the_alpha_2_target_and_its_coordination():
    found = mechanisms("MG also binds alpha-2 adrenoceptors and 5-HT2A.")
    assert {
        ("mitragynine", "binds", "alpha-2 adrenergic receptors", False),
        ("mitragynine", "binds", "serotonin receptors", False),
    } <= found
