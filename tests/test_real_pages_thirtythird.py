"""What real pages write, rule by rule: the forms the thirty-third round of rules reads.

Each row is a text in a form real pages use and what a reader finds in it; earlier rounds are in
tests/test_real_pages.py and tests/test_real_pages_fifth.py to _thirtysecond.py.
"""

from __future__ import annotations

import pytest

from conftest import bounds as amounts
from conftest import claimed, rules_records, triples


def rules_roles(text: str) -> list[tuple[str, str | None]]:
    """(exact, role) of every numeric dose as the rules read ``text``, before the readers: a role a
    table's layout gives is the rules' to read, whichever side a retrained reader takes."""
    return [(text[d.provenance.char_start : d.provenance.char_end], d.role) for d in rules_records(text).doses if d.kind == "numeric"]


# Mechanisms -----------------------------------------------------------------------------------------


def test_a_drug_named_in_a_bracket_of_figures_is_no_subject():
    text = (
        "Mitragynine and 7-OH bound MOR with Ki values of 160 and 12 nM. Both compounds were partial agonists at the mu "
        "receptor (EC50 = 34 nM and 340 nM; Emax 41% and 29% of DAMGO) and antagonists at kappa-opioid receptors."
    )
    found = triples(text)
    assert {
        ("mitragynine", "antagonist", "kappa-opioid receptor"),
        ("7-hydroxymitragynine", "antagonist", "kappa-opioid receptor"),
    } <= found
    assert not any(agent == "damgo" for agent, _, _ in found)


def test_a_short_name_in_brackets_still_names_the_subject():
    text = "7-Hydroxymitragynine (7-OH), a minor alkaloid and a metabolite of mitragynine, is a potent agonist at the mu-opioid receptor."
    assert triples(text) == {("7-hydroxymitragynine", "agonist", "mu-opioid receptor")}


@pytest.mark.parametrize(
    "text",
    ["Mitragynine acts on several receptor systems in the brain.", "Mitragynine acts at multiple receptor families."],
)
def test_several_receptor_systems_are_a_target(text):
    assert triples(text) == {("mitragynine", "interacts_with", "receptor systems")}


def test_it_after_yet_is_the_subject_before_it():
    text = "Gabapentin is an anticonvulsant that was designed to mimic GABA, yet it does not bind GABA receptors at all."
    assert ("gabapentin", "binds", "GABA receptors") in triples(text)
    assert not any(agent == "gaba" for agent, _, _ in triples(text))


def test_an_answer_points_back_past_the_question_between_its_turns():
    text = (
        "HOST: What does it do at mu?\n\n"
        "DR. LEE: Mitragynine is only a partial agonist at mu.\n\n"
        "HOST: And the other receptors?\n\n"
        "DR. LEE: At kappa and delta it actually looks like an antagonist.\n"
    )
    found = triples(text)
    assert {("mitragynine", "antagonist", "kappa-opioid receptor"), ("mitragynine", "antagonist", "delta-opioid receptor")} <= found
    assert not any(agent == "kratom" for agent, _, _ in found)


def test_a_relative_clause_after_an_enzyme_names_no_agent():
    text = "Kratom inhibits the liver enzymes CYP2D6 and CYP3A4, which can raise blood levels of other medicines."
    assert triples(text) == {("kratom", "inhibits", "CYP2D6"), ("kratom", "inhibits", "CYP3A4")}


def test_a_relative_clause_after_a_transporter_of_serotonin_keeps_its_subject():
    text = "SSRIs block the serotonin transporter, which raises serotonin levels between nerve cells."
    assert any(action == "increases" and target == "serotonin" for _, action, target in triples(text))


@pytest.mark.parametrize(
    "text",
    ["- Mu receptors are activated more potently by 7-OH-MG (active metabolite)", "The mu receptor is strongly activated by 7-OH."],
)
def test_a_passive_keeps_its_agent_past_an_adverb(text):
    assert triples(text) == {("7-hydroxymitragynine", "activates", "mu-opioid receptor")}


def test_and_especially_its_metabolite_coordinates_two_agents():
    text = "Mitragynine and especially its metabolite 7-hydroxymitragynine activate mu-opioid receptors."
    assert triples(text) == {
        ("mitragynine", "activates", "mu-opioid receptor"),
        ("7-hydroxymitragynine", "activates", "mu-opioid receptor"),
    }


def test_h1_histamine_receptors_are_the_h1_receptor():
    text = "Trazodone mainly blocks 5-HT2A serotonin receptors and H1 histamine receptors."
    assert ("trazodone", "inhibits", "histamine H1 receptor") in triples(text)


# Doses ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vein | Beginner | Regular\nRed | 1–2 g | 3–4 g\n", [("1–2 g", "starting"), ("3–4 g", None)]),
        ("Option | Usual starting dose | Notes\nClonidine | 0.1 mg | off-label\n", [("0.1 mg", "starting")]),
        ("Medicine | Max per day\nMelatonin | 5 mg\n", [("5 mg", "maximum")]),
    ],
)
def test_the_cell_heading_a_column_gives_its_amounts_a_role(text, expected):
    assert rules_roles(f"Chart\n\n{text}") == expected


@pytest.mark.parametrize(
    "text",
    [
        "I am down to 6 g a day, but I wake at 3 or 4 in the morning.",
        "I take 6 g a day and keep a strict schedule: lights out at 11, up at 6:30.",
    ],
)
def test_an_hour_of_waking_or_of_bed_is_no_amount(text):
    assert amounts(text) == [(6.0, 6.0, "g", None)]


def test_a_second_number_of_the_same_unit_is_still_an_amount():
    assert amounts("At 2 g I'm relaxed, at 5 or 6 I feel wired.") == [(2.0, 2.0, "g", None), (6.0, 6.0, "g", None)]


# Claims and page structure ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "answered by vein_rotator",
        "asked by throwaway_kyle · 2 years ago",
        "Not the answer you're looking for? Browse other questions tagged kratom or ask your own question.",
        "[VIDEO] Tyler Reese talks with 7 News about his kratom withdrawal.",
        "Chat with a pharmacist 8am–10pm.",
        "References: Kruegel AC et al., 2016; Kamble SH et al., 2019.",
        "Sponsor: Verdant Therapeutics, Inc.",
        "Generated by TaperTrack.",
        "Related: Kratom was sold as a gentle herb. Then came the shots.",
        "Suggested citation: Office of Surveillance. Kratom Use in the United States, 2019–2024. Report No. 4.",
    ],
)
def test_page_furniture_is_no_claim(line):
    assert claimed(f"Notes\n\nKratom helped my sleep a lot.\n\n{line}\n") == ["Kratom helped my sleep a lot."]


@pytest.mark.parametrize(
    ("header", "row"),
    [
        ("Compound | MOR | KOR | DOR | α2A-AR | 5-HT1A", "Mitragynine | partial agonist | antagonist | antagonist | weak | weak"),
        ("Week | Daily total | Per dose (×3)", "1 | 18.0 g | 6.0 g"),
        (
            "Alkaloid | Species (n) | Dose | Tmax (h) | t1/2 (h) | F (%) | Comment",
            "Mitragynine | rat (6) | 20 mg/kg | 1.3 | 9.4 | 3 | slow",
        ),
    ],
)
def test_a_header_row_with_a_name_or_count_in_digits_heads_its_columns(header, row):
    assert claimed(f"Notes\n\nKratom helped my sleep a lot.\n\n{header}\n{row}\n") == ["Kratom helped my sleep a lot.", row]


@pytest.mark.parametrize(
    ("row", "next_row"),
    [("Red | 1–2 g | 3–4 g", "Green | 1 g | 2 g"), ("Mon 12 g | Tue 12 g | Wed 11 g", "Mon 10 g | Tue 10 g | Wed 9 g")],
)
def test_a_first_row_of_amounts_is_still_a_claim(row, next_row):
    text = f"Notes\n\nKratom helped my sleep a lot.\n\n{row}\n{next_row}\n"
    assert claimed(text) == ["Kratom helped my sleep a lot.", row, next_row]


# From rp79- and rp80- ---------------------------------------------------------------------------------


def test_a_relative_pronoun_after_a_label_describes_the_label():
    text = "- Mitragynine pseudoindoxyl: a rearrangement product that acts as a potent mu-opioid agonist and a delta-opioid antagonist."
    assert triples(text) == {
        ("mitragynine pseudoindoxyl", "agonist", "mu-opioid receptor"),
        ("mitragynine pseudoindoxyl", "antagonist", "delta-opioid receptor"),
    }


def test_a_pronoun_coordinated_before_a_name_is_an_agent_too():
    text = "Paynantheine lacks activity at mu receptors. Instead, it and its cousin speciogynine show affinity for 5-HT1A receptors."
    found = triples(text)
    assert {("paynantheine", "binds", "serotonin receptors"), ("speciogynine", "binds", "serotonin receptors")} <= found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Diphenhydramine is common in sleep aids. This antihistamine blocks histamine H1 receptors.",
            ("diphenhydramine", "inhibits", "histamine H1 receptor"),
        ),
        ("Magnesium does nothing for cravings, but it does act on NMDA.", ("magnesium", "interacts_with", "NMDA receptors")),
        (
            "The mu receptor is activated even more selectively by mitragynine pseudoindoxyl.",
            ("mitragynine pseudoindoxyl", "activates", "mu-opioid receptor"),
        ),
        (
            "In lab tests, mitragynine inhibited CYP3A4 with an IC50 of about 40 µM and CYP2D6 with an IC50 near 0.5 µM.",
            ("mitragynine", "inhibits", "CYP2D6"),
        ),
    ],
)
def test_more_ways_to_name_an_agent_or_a_target(text, expected):
    assert expected in triples(text)


def test_feeling_stimulating_is_no_action():
    text = "Mitragynine may also act on adrenergic receptors, which could explain why low doses feel stimulating."
    assert triples(text) == {("mitragynine", "interacts_with", "adrenergic receptors")}


def test_a_relative_clause_after_an_enzyme_in_vitro_names_no_agent():
    text = "Mitragynine also inhibits P-glycoprotein in vitro, which could raise levels of other drugs."
    assert triples(text) == {("mitragynine", "inhibits", "P-glycoprotein")}


def test_a_share_every_few_days_written_with_a_dash_steps_a_taper():
    assert amounts("A gentler pace of 5% every 4–7 days may suit long-term users.") == [(5.0, 5.0, "%", None)]


@pytest.mark.parametrize(
    "text",
    [
        "A 0,1 g jeweller's scale costs around $15 and is worth it.",
        "I take 3 g a day. Also no caffeine after noon, and put the phone away at 11.",
    ],
)
def test_a_scales_reading_and_an_hour_are_no_doses(text):
    assert [a for a in amounts(text) if a[0] != 3.0] == []


def test_an_hour_after_an_amount_is_no_amount():
    assert amounts("For sleep try moving a small dose closer to bed, like 1.5g at 9.") == [(1.5, 1.5, "g", None)]


def test_a_column_headed_grams_per_day_gives_its_numbers_a_unit():
    text = "Log\n\nDate | Grams/day | Sleep (hrs) | Notes\nMar 1 | 24 | 6.5 | baseline\nMar 3 | 21.5 | 6 | fine\n"
    assert amounts(text) == [(24.0, 24.0, "g", None), (21.5, 21.5, "g", None)]


@pytest.mark.parametrize(
    "line",
    ["┃ Call (800) 555-0142 to verify your benefits.", "Ciao Marco!", "Strain | Vein | Mitragynine | Price (250 g)"],
)
def test_more_furniture_is_no_claim(line):
    assert claimed(f"Notes\n\nKratom helped my sleep a lot.\n\n{line}\n") == ["Kratom helped my sleep a lot."]


def test_a_sign_before_a_heading_leaves_it_a_heading():
    text = "News\n\nKratom helped my sleep a lot.\n\n⚠ OVERDOSE ALERT\nSeveral people were hurt by pills sold as 7-OH this month.\n"
    assert claimed(text) == ["Kratom helped my sleep a lot.", "Several people were hurt by pills sold as 7-OH this month."]


# From dev's misses -----------------------------------------------------------------------------------


def test_the_second_of_two_reuptakes_is_a_reuptake_too():
    found = triples("Tramadol also inhibits the reuptake of serotonin and norepinephrine.")
    assert found == {("tramadol", "inhibits", "serotonin reuptake"), ("tramadol", "inhibits", "norepinephrine reuptake")}


def test_acting_in_a_receptor_is_acting_on_it():
    assert ("valerian", "interacts_with", "GABA receptors") in triples("I read that valerian acts in the GABA receptors but more soft.")


# From rp81- and rp82- ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By then it was roughly twenty-seven grams a day.", [(27.0, 27.0, "g", None)]),
        ("I took twenty-five grams that week.", [(25.0, 25.0, "g", None)]),
        ("forty-five milligrams of it, every night", [(45.0, 45.0, "mg", None)]),
        ("I would take two-three grams.", [(2.0, 3.0, "g", None)]),
    ],
)
def test_a_hyphenated_number_word_is_one_number(text, expected):
    assert amounts(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Taper completion was 85% with melatonin and 70% with placebo.", "I take 4 g a day but I lie awake until 3 or 4 in the morning."],
)
def test_a_tapers_outcome_and_an_hour_awake_are_no_doses(text):
    assert [a for a in amounts(text) if a != (4.0, 4.0, "g", None)] == []


@pytest.mark.parametrize(
    "line",
    [
        "Excerpted with permission of Harlow & Finch. Copyright 2022. All rights reserved.",
        "Funding: None declared. Conflicts of interest: None.",
        "Transcript generated automatically and lightly edited. Please check against the audio before quoting.",
        "MORE HEALTH: Flu shots: what to know this fall | Walking 7,000 steps a day may be enough",
        "@kratomdad88 · Mar 6",
        "Answer from Daniel Reyes, PharmD (verified pharmacist)",
        "KratomTalk Forums › Pain & Health › Back pain + insomnia, need advice (ashwagandha?)",
        "**Tolerance breaks (T-breaks)**",
        "[Transcripts are auto-generated and lightly edited.",
        "Stay with us on KRVN 1040.",
        "After the break: what to do with expired medicines.",
    ],
)
def test_still_more_furniture_is_no_claim(line):
    assert claimed(f"Notes\n\nKratom helped my sleep a lot.\n\n{line}\n") == ["Kratom helped my sleep a lot."]
