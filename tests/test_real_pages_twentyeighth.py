"""What real pages write, rule by rule: the forms the twenty-eighth round of rules reads.

Each row is a text in a form real pages use and what a reader finds in it; earlier rounds are in
tests/test_real_pages.py and tests/test_real_pages_fifth.py to _twentyseventh.py.
"""

from __future__ import annotations

import pytest

from conftest import claimed, records_of, triples

# Mechanisms -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The liver turns mitragynine into 7-OH. The metabolite binds mu receptors strongly.",
            {("7-hydroxymitragynine", "binds", "mu-opioid receptor")},
        ),
        (
            "Mitragynine is a weak partial agonist at MOR. Its metabolite binds mu receptors strongly.",
            {("mitragynine", "partial_agonist", "mu-opioid receptor"), ("7-hydroxymitragynine", "binds", "mu-opioid receptor")},
        ),
        (
            "Tramadol is a weak opioid. Its active metabolite is a strong mu agonist.",
            {("o-desmethyltramadol", "agonist", "mu-opioid receptor")},
        ),
        (
            "7-OH forms in the liver. The parent compound binds mu receptors only weakly.",
            {("mitragynine", "binds", "mu-opioid receptor")},
        ),
    ],
)
def test_the_metabolite_and_the_parent_compound_name_the_drugs_they_are(text, expected):
    assert triples(text) == expected


def test_a_reference_a_comparison_sets_beside_the_subject_is_not_the_next_verbs_subject():
    text = (
        "Mitragynine inhibited CYP2D6 strongly. 7-Hydroxymitragynine inhibited CYP2D6 less strongly than the parent "
        "compound and showed no inhibition of CYP2C9."
    )
    assert triples(text) == {
        ("mitragynine", "inhibits", "CYP2D6"),
        ("7-hydroxymitragynine", "inhibits", "CYP2D6"),
        ("7-hydroxymitragynine", "inhibits", "CYP2C9"),
    }


def test_a_reference_followed_by_the_name_it_stands_for_is_that_name():
    text = "Kratom was studied in cells. Its metabolite 7-hydroxymitragynine behaves as a near-full agonist at MOR."
    assert triples(text) == {("7-hydroxymitragynine", "agonist", "mu-opioid receptor")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mitragynine behaved as a partial agonist at hMOR.", {("mitragynine", "partial_agonist", "mu-opioid receptor")}),
        (
            "Speciociliatine bound hMOR and hKOR with nanomolar affinity.",
            {("speciociliatine", "binds", "mu-opioid receptor"), ("speciociliatine", "binds", "kappa-opioid receptor")},
        ),
        ("The tumor was MORE responsive than expected.", set()),
    ],
)
def test_a_receptor_written_with_its_species_prefix(text, expected):
    assert triples(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mitragynine is a partial MOR agonist.", {("mitragynine", "partial_agonist", "mu-opioid receptor")}),
        (
            "MG = partial MOR agonist, KOR/DOR antag",
            {
                ("mitragynine", "partial_agonist", "mu-opioid receptor"),
                ("mitragynine", "antagonist", "kappa-opioid receptor"),
                ("mitragynine", "antagonist", "delta-opioid receptor"),
            },
        ),
        ("7 hydroxy mitragynine is also a mu agonist", {("7-hydroxymitragynine", "agonist", "mu-opioid receptor")}),
    ],
)
def test_notes_write_a_partial_agonist_around_its_receptor_and_names_without_hyphens(text, expected):
    assert triples(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            (
                "Paynantheine and speciogynine contribute less to the opioid effect; the latter has been reported to bind "
                "serotonin 5-HT1A receptors."
            ),
            {("speciogynine", "binds", "serotonin receptors")},
        ),
        (
            (
                "Mitragynine binds alpha-2 adrenergic receptors and 5-HT2A receptors, and it has been described as a functional "
                "antagonist at the latter."
            ),
            {
                ("mitragynine", "binds", "alpha-2 adrenergic receptors"),
                ("mitragynine", "binds", "serotonin receptors"),
                ("mitragynine", "antagonist", "serotonin receptors"),
            },
        ),
    ],
)
def test_the_latter_names_the_last_of_the_agents_or_targets_before_it(text, expected):
    assert triples(text) == expected


def test_both_before_coordinated_names_after_an_adverbial_clause():
    text = "By binding to α2-adrenergic receptors, both mitragynine and corynantheidine may contribute to the effects."
    assert triples(text) == {
        ("mitragynine", "binds", "alpha-2 adrenergic receptors"),
        ("corynantheidine", "binds", "alpha-2 adrenergic receptors"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kratom can interact with antidepressants, blood thinners and sedatives.",
            {
                ("kratom", "interacts_with", "antidepressants"),
                ("kratom", "interacts_with", "blood thinners"),
                ("kratom", "interacts_with", "sedatives"),
            },
        ),
        (
            "My pharmacist warned me that kratom might interact with my antidepressant, since it inhibits CYP2D6.",
            {("kratom", "interacts_with", "antidepressant"), ("kratom", "inhibits", "CYP2D6")},
        ),
        (
            "Kratom can interact with antidepressants and some heart medicines, partly because it inhibits CYP3A4.",
            {
                ("kratom", "interacts_with", "antidepressants"),
                ("kratom", "interacts_with", "heart medicines"),
                ("kratom", "inhibits", "CYP3A4"),
            },
        ),
        (
            "Mitragynine interacts with serotonin receptors, specifically 5-HT2A, and fluoxetine may add to this.",
            {("mitragynine", "interacts_with", "serotonin receptors")},
        ),
        ("Experts worry about interactions with CYP2D6 substrates such as codeine.", set()),
    ],
)
def test_a_drug_said_to_interact_with_drugs_interacts_with_each(text, expected):
    assert triples(text) == expected


def test_a_denied_interaction_is_a_negated_record():
    (record,) = records_of("As far as we know, melatonin doesn't meaningfully interact with kratom.", "Mechanism")
    assert (record.agent, record.action, record.target, record.negated) == ("melatonin", "interacts_with", "kratom", True)


# Claims --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "03:40 What kratom actually is, and what it is not",
        "(14:02) Why 7-hydroxymitragynine matters more than its share of the leaf suggests",
        "Hi, my name is ___ and I'm a constituent.",
        "I'm asking Representative ___ to oppose HB 2231.",
        "You received this email because you signed up at our site.",
        "!dosecalc weight=80kg experience=new form=powder",
        "Call the main office at (555) 014-2230.",
        "Poison help line: see our Emergency Contacts page",
        "— Card 2 of 7 —",
        "Correct answer: B",
        "Your score: 4/5 (80%) · Passed",
        "This letter sets out the Board's expectations for the care of patients who use it.",
    ],
)
def test_chapter_titles_forms_footers_commands_pointers_pagers_and_page_talk_are_no_claims(line):
    assert claimed(f"Notes\n\nKratom can cause dependence.\n\n{line}\n\nMost users taper slowly.\n") == [
        "Kratom can cause dependence.",
        "Most users taper slowly.",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "00:04:20 what I see in clinic is people going from 3 grams to 15 grams a day",
        "03:12 What kratom is: a tree in the coffee family, Mitragyna speciosa",
        "Call the clinic at (555) 014-2290 if you have chest pain.",
        "For doses, see the table below.",
        "Step 2 of 4: cut by 10%.",
        "Answer: kratom binds MOR.",
    ],
)
def test_sentences_that_look_like_such_lines_stay_claims(line):
    assert line in claimed(f"Notes\n\nKratom can cause dependence.\n\n{line}\n")


def test_a_footnote_under_a_rule_of_underscores_is_still_a_claim():
    text = "Mitragynine binds MOR.\n\n__________\n¹² Concentrations tested ranged from 1 nM to 10 µM.\n"
    assert any(unit.endswith("¹² Concentrations tested ranged from 1 nM to 10 µM.") for unit in claimed(text))


@pytest.mark.parametrize("label", ["Aim 1", "Objective 2", "Lesson 3", "Module 4"])
def test_a_numbered_aim_or_lesson_heads_what_follows_in_wrapped_text(label):
    text = (
        "The pilot enrolled adults with opioid use disorder and measured sleep.\n\n"
        f"{label}: Feasibility and tolerability\n"
        "Participants will begin at 20 mg twice daily and may increase by 20 mg\n"
        "every 3 days.\n"
    )
    assert claimed(text) == [
        "The pilot enrolled adults with opioid use disorder and measured sleep.",
        "Participants will begin at 20 mg twice daily and may increase by 20 mg every 3 days.",
    ]


def test_a_bracket_left_open_at_a_lines_end_runs_on_to_its_close():
    text = "Our data from an open-label pilot (n\n= 14) indicate that doses of 40 to 80 mg were well\ntolerated.\n"
    assert claimed(text) == ["Our data from an open-label pilot (n = 14) indicate that doses of 40 to 80 mg were well tolerated."]
