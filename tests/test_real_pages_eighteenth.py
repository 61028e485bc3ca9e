"""What real pages write, rule by rule: the forms the eighteenth round of rules reads.

Each row is a text in a form real pages use and what a reader finds in it; earlier rounds are in
tests/test_real_pages.py and tests/test_real_pages_fifth.py to _seventeenth.py.
"""

from __future__ import annotations

import pytest

from conftest import claims_around, triples
from conftest import last_claim_of as last_claim

# A speaker named by a pronoun is the person introduced before ---------------------------------


@pytest.mark.parametrize(
    ("text", "evidence", "cue"),
    [
        (
            "We put the question to Dr. Meera Kulkarni, an addiction psychiatrist. She says the worry is reasonable.",
            "experts",
            "She says",
        ),
        ("Our GP said that is withdrawal. She told us not to let him stop cold turkey.", "experts", "She told us"),
        (
            "My cousin sent me kratom capsules from the US. She says they help her sleep.",
            "users_report",
            "She says",
        ),
        # non-native English: "he say"
        ("My uncle was using heroin for six years. He say the sleep is very bad in the first nights.", "users_report", "He say"),
        # a report after its quotation
        (
            'Farmer Somchai Wongsa grows the tree. "We chew three or four leaves at work and feel no tiredness," he said.',
            "users_report",
            "he said",
        ),
    ],
)
def test_a_pronoun_speaker_reports_with_the_role_of_the_person_introduced_before(text, evidence, cue):
    claim = last_claim(text)
    assert (claim.evidence, claim.evidence_cue.text if claim.evidence_cue else None) == (evidence, cue)


@pytest.mark.parametrize(
    "text",
    [
        # introduced with a role the lexicon does not know: the expert before is not reached
        'Dr. Achieng Otieno warns about dependence. Joseph Mwangi, a herbalist, disagrees. "I have seen it help people step down from opioids," he says.',
        # a patient with no role noun
        "The pharmacist was called. A 26-year-old man then arrived at the clinic. He said the leaf gave him more energy at work.",
        # nobody introduced at all
        "She says the tea gives her more energy at work.",
    ],
)
def test_a_pronoun_speaker_whose_role_is_unknown_gives_no_evidence(text):
    assert last_claim(text).evidence == "none"


def test_the_people_of_a_quotation_are_not_its_speaker():
    # the user named inside the quotation is not "he"; the pharmacologist before it is
    text = (
        "Pharmacologist Dr Farid Hakimi studied the drink. "
        '"A traditional user might chew three to five fresh leaves, but these cocktails are far stronger," he said.'
    )
    assert last_claim(text).evidence == "experts"


@pytest.mark.parametrize(
    "text",
    [
        "The podcast talks to Dr. Thabo Mokoena, a pain physician. Thabo says most of his patients start with a teaspoon before bed.",
        "The survey was led by pharmacologist Dr. Hannah Osei. Osei recommends a gradual reduction rather than stopping abruptly.",
    ],
)
def test_a_name_introduced_with_a_title_is_an_expert_however_it_is_named_again(text):
    assert last_claim(text).evidence == "experts"


# A clause joined to the one before shares its subject across a comparison ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "Mitragynine is a partial agonist at mu receptors, several times more potent than morphine in animal assays, and acts as an antagonist at kappa receptors.",
        "Mitragynine is a partial agonist at mu receptors, unlike morphine, and acts as an antagonist at kappa receptors.",
        "Mitragynine is a partial agonist at mu receptors, roughly 10-fold weaker, and acts as an antagonist at kappa receptors.",
    ],
)
def test_a_conjoined_clause_shares_its_subject_across_a_comparison(text):
    assert ("mitragynine", "antagonist", "kappa-opioid receptor") in triples(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mitragynine may reduce ethanol withdrawal signs in rats, probably through opioid receptor activation.",
            ("mitragynine", "activates", "opioid receptors"),
        ),
        (
            "Clonidine eases withdrawal from heroin via alpha-2 receptor activation.",
            ("clonidine", "activates", "alpha-2 adrenergic receptors"),
        ),
    ],
)
def test_an_action_named_in_a_means_phrase_is_the_subjects(text, expected):
    assert triples(text) == {expected}


def test_a_reference_opening_a_section_that_names_no_agent_names_the_pages_agent():
    # a wiki: the title line is page chrome, the lead names the alkaloid, the section names nothing
    text = (
        "Article   Talk   Read   Edit\n\n"
        "7-Hydroxymitragynine (7-OH) is an indole alkaloid formed in the body from mitragynine.\n\n"
        "Pharmacodynamics\n"
        "It is a partial agonist of the mu-opioid receptor.\n"
    )
    assert ("7-hydroxymitragynine", "partial_agonist", "mu-opioid receptor") in triples(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mitragynine is a partial agonist at mu receptors, as is buprenorphine.",
            ("buprenorphine", "partial_agonist", "mu-opioid receptor"),
        ),
        (
            "Speciogynine, mitragynine, and the more potent metabolite 7-hydroxymitragynine are partial agonists at the mu-opioid receptor.",
            ("speciogynine", "partial_agonist", "mu-opioid receptor"),
        ),
        (
            "Speciogynine, mitragynine, and the more potent metabolite 7-hydroxymitragynine are partial agonists at the mu-opioid receptor.",
            ("mitragynine", "partial_agonist", "mu-opioid receptor"),
        ),
    ],
)
def test_an_agent_said_to_do_the_same_or_coordinated_under_a_description_shares_the_predicate(text, expected):
    assert expected in triples(text)


# Page chrome -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Prepared by committee aide Marisol Kanayurak.",
        "Compiled by Dr. Anita Rao, PharmD",
        "mod_wiktoria — 04/11/2024 9:14 PM",
        "jay_k — Today at 8:02 AM",
        "True or false: there is an established safe maximum dose of kratom.",
    ],
)
def test_a_credit_line_a_chat_stamp_and_a_quiz_prompt_state_nothing(line):
    assert line not in claims_around(line)


@pytest.mark.parametrize("line", ["Prepared by boiling the leaves, the tea tastes bitter.", "Take 2 g at 9:30 pm."])
def test_a_sentence_that_opens_like_a_credit_or_ends_with_a_time_is_still_a_claim(line):
    assert line in claims_around(line)
