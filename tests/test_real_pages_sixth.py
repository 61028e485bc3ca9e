"""What real pages write, rule by rule: the forms the sixth round of rules reads.

Each row is a sentence in a form real pages use and the record a reader finds in it; earlier
rounds are in tests/test_real_pages.py and tests/test_real_pages_fifth.py.
"""

from __future__ import annotations

import pytest

from kratom_dataset.extractors import extract


def records(text: str, kind: str) -> list:
    return [r for r in extract(text) if type(r).__name__ == kind]


def triples(text: str) -> set[tuple[str, str, str]]:
    return {(m.agent, m.action, m.target) for m in records(text, "Mechanism")}


# Mechanisms ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # a demonstrative enzyme phrase points back to the enzyme last named
        ("Venlafaxine is broken down by CYP2D6, and mitragynine inhibits that enzyme.", ("mitragynine", "inhibits", "CYP2D6")),
        ("Quetiapine is cleared by CYP3A4. Kratom alkaloids block those enzymes.", ("kratom", "inhibits", "CYP3A4")),
        # phrasal verbs of activation
        ("Clonidine switches on alpha-2 receptors.", ("clonidine", "activates", "alpha-2 adrenergic receptors")),
        ("Kratom turned on mu receptors.", ("kratom", "activates", "mu-opioid receptor")),
        # the object of the main verb is not the agent of "by ..."
        (
            "Clonidine and lofexidine relieve it by stimulating alpha-2 adrenergic autoreceptors.",
            ("clonidine", "activates", "alpha-2 adrenergic receptors"),
        ),
        (
            "Clonidine and lofexidine relieve it by stimulating alpha-2 adrenergic autoreceptors.",
            ("lofexidine", "activates", "alpha-2 adrenergic receptors"),
        ),
        # a bracketed aside between two coordinated targets
        ("MG binds alpha-2 adrenergic receptors (cf. clonidine) and 5-HT2A receptors.", ("mitragynine", "binds", "serotonin receptors")),
    ],
)
def test_mechanisms_of_the_sixth_round(text, expected):
    assert expected in triples(text)


def test_a_clause_leaving_agent_and_target_to_the_one_before_stays_in_its_sentence():
    text = (
        "Research suggests that kratom interacts with opioid receptors in the brain. "
        "This may disturb sleep. The activation of opioid receptors could potentially suppress"
    )
    last = text.rindex("The activation")
    spans = [(m.provenance.char_start, m.provenance.char_end) for m in records(text, "Mechanism")]
    assert all(start >= last for start, end in spans if end > last)


def test_an_enzyme_named_as_a_target_is_not_read_as_a_reference():
    text = "Compounds in kratom can slow the liver enzymes that clear many prescription drugs."
    assert ("kratom", "inhibits", "cytochrome P450 enzymes") in triples(text)
