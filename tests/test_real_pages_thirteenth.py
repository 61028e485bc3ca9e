"""What real pages write, rule by rule: the forms the thirteenth round of rules reads.

Each row is a text in a form real pages use and what a reader finds in it; earlier rounds are in
tests/test_real_pages.py and tests/test_real_pages_fifth.py to _twelfth.py.
"""

from __future__ import annotations

import pytest

from conftest import records_of, triples, units
from kratom_dataset.cells import column_head, table_cells
from kratom_dataset.extractors.claims import is_furniture
from kratom_dataset.menus import is_chapter_line, is_menu_line
from kratom_dataset.parse import parse_article

# Tables: cells between pipes or tabs, and the cell heading a column -----------------------------


@pytest.mark.parametrize(
    ("row", "cells"),
    [
        ("Red Bali\t2–3 g\t4–5 g", ["Red Bali", "2–3 g", "4–5 g"]),
        ("Red Bali\t\t4–5 g", ["Red Bali", "4–5 g"]),  # a run of tabs is one border
        ("| Red Bali | 2–3 g |", [" Red Bali ", " 2–3 g "]),
        ("Red Bali 2–3 g", []),  # no border: no row
    ],
)
def test_a_row_of_a_table_splits_at_pipes_or_tabs(row, cells):
    assert [row[a:b] for a, b in table_cells(row, 0)] == cells


def test_the_cell_heading_a_column_is_the_first_rows():
    text = "Intro line.\nStrain\tLow\tHigh\nRed Bali\t2–3 g\t6–8 g\nGreen Malay\t1–2 g\t5 g"
    offset = text.index("5 g")
    head = column_head(text, offset)
    assert head is not None and text[head[0] : head[1]] == "High"


@pytest.mark.parametrize(
    ("table", "levels"),
    [
        ("Strain\tLow\tMedium\tHigh\nRed Bali\t2–3 g\t4–5 g\t6–8 g", ["low", "moderate", "high"]),
        ("| Strain | Mild | Strong |\n| Maeng Da | 1–2 g | 4 g |", ["low", "high"]),
        ("Week\tDaily total\tSplit\n1\t15 g\t5 g x3", [None, None]),  # headings that name no level
    ],
)
def test_a_column_heading_gives_the_level_of_the_amounts_under_it(table, levels):
    doses = records_of(f"Kratom dosing chart\n\nUse the chart below as a guide.\n\n{table}\n", "Dose")
    assert [d.level for d in doses] == levels


# Doses: a bound that stands before a count and its amount in brackets ---------------------------


@pytest.mark.parametrize(
    ("text", "low", "high", "comparator"),
    [
        ("Do not take more than 12 capsules (6 g) in a single day.", None, 6.0, "<="),
        ("Never cut by more than 25% in a single step.", None, 25.0, "<="),
    ],
)
def test_a_denied_bound_caps_the_amount(text, low, high, comparator):
    dose = records_of(text, "Dose")[-1]
    assert (dose.amount_low, dose.amount_high, dose.comparator) == (low, high, comparator)


# Page structure: a breadcrumb, notes with arrows, clauses a semicolon joins ---------------------


def test_the_title_is_the_heading_under_a_breadcrumb():
    text = (
        "Riverside Drug & Alcohol Trust\nAbout | Help | Substances | Donate\nSubstances > Kratom > Kratom and sleep\n\n"
        "Kratom and Sleep: What We Know\n\nKratom can keep some people awake."
    )
    assert parse_article(text.encode(), article_id="x", source_file="x").title == "Kratom and Sleep: What We Know"


@pytest.mark.parametrize(
    "line",
    [
        "MG → MOR partial agonist",
        "7-OH -> MOR agonist, far stronger",
        "MG inhibits CYP2D6 (strong); weak effect on CYP1A2",
    ],
)
def test_a_note_is_no_heading(line):
    doc = parse_article(f"Receptor notes\n{line}\nKOR => antagonist\n".encode(), article_id="x", source_file="x")
    assert not any(s.is_heading for s in doc.sentences if doc.flat[s.start : s.end].startswith(line[:6]))


def test_notes_with_arrows_are_a_unit_each():
    text = "Receptor profile\nMG → MOR partial agonist; KOR antagonist\n7-OH-MG → MOR agonist\n"
    assert triples(text) == {
        ("mitragynine", "partial_agonist", "mu-opioid receptor"),
        ("mitragynine", "antagonist", "kappa-opioid receptor"),
        ("7-hydroxymitragynine", "agonist", "mu-opioid receptor"),
    }


# Mechanisms: an aside between two targets, "both" under an FAQ's question -----------------------


@pytest.mark.parametrize(
    "text",
    [
        "Mitragynine inhibit enzyme CYP2D6 and in less degree CYP3A4.",
        "Mitragynine inhibits CYP2D6 and to a lesser extent CYP3A4.",
        "MG inhibits CYP2D6 (strong) and CYP3A4 (moderate); weak effect on CYP1A2",
    ],
)
def test_an_aside_between_two_targets_keeps_them_coordinated(text):
    assert {("mitragynine", "inhibits", "CYP2D6"), ("mitragynine", "inhibits", "CYP3A4")} <= triples(text)


def test_both_under_a_question_names_the_two_before_it():
    text = (
        "What is in kratom?\nKratom leaves hold many alkaloids.\nThe main one is mitragynine.\n"
        "A second, 7-hydroxymitragynine, is far stronger.\n\nHow does it act?\nBoth alkaloids attach to opioid receptors."
    )
    agents = {a for a, action, target in triples(text) if target == "opioid receptors"}
    assert agents == {"mitragynine", "7-hydroxymitragynine"}


# Page chrome: menus with pipes, chapter lists, the row that heads a copied table ---------------


@pytest.mark.parametrize(
    ("line", "menu"),
    [
        ("Main page | Random article | Recent changes | Log in", True),
        ("In this issue: Kratom in the clinic | Naloxone supply update | CPD quiz", True),
        ("Aired 3 May 2024 · 41 min · Listen on Spotify | Apple Podcasts | RSS", True),
        ("Questions: help@example.org · Unsubscribe · Past issues", True),
        ("Other interactions with fluoxetine: tramadol · St John's wort · lithium", True),
        ("Sertraline | Moderate | Serotonin syndrome", False),  # a row of a table
        ("Red | 2 g | 4 g | 6 g", False),  # a row of amounts
    ],
)
def test_a_line_of_links_is_a_menu(line, menu):
    assert is_menu_line(line) is menu


def test_a_menu_ends_its_line_whatever_its_last_word():
    doc = parse_article(
        b"Main page | Random article | Recent changes | Log in\nArticle \xc2\xb7 Talk \xc2\xb7 Edit\n\nKratom is a tree.\n",
        article_id="x",
        source_file="x",
    )
    assert [doc.flat[s.start : s.end] for s in doc.sentences][:2] == [
        "Main page | Random article | Recent changes | Log in",
        "Article · Talk · Edit",
    ]


@pytest.mark.parametrize(
    ("line", "chapter"),
    [
        ("(04:10) Why people reach for kratom at night.", True),
        ("[21:50] Why the sleep benefit fades", True),
        ("(04:10) Dr Osei explains why tolerance to the sleep benefit of kratom builds within a few weeks of nightly use.", False),
        ("[21:05] mossy_k: i did 4 g and slept fine", False),  # a turn of a chat, said by someone
    ],
)
def test_an_entry_of_a_chapter_list_is_no_claim(line, chapter):
    assert is_chapter_line(line) is chapter


def test_the_first_row_of_a_copied_table_heads_it_and_the_rows_under_it_state_something():
    text = "Interactions\n\nDrug\tEffect\tRisk\nZolpidem\tNext-day drowsiness, falls\tModerate\nMelatonin\tExtra sleepiness\tLow\n"
    found = dict(units(text))
    assert (found["Drug\tEffect\tRisk"], found["Zolpidem\tNext-day drowsiness, falls\tModerate"]) == (False, True)


# Tapers: a page's title that names one makes steps only of the amounts a schedule gives --------

TAPER_PAGE = (
    "How to Taper Off Kratom Without Wrecking Your Sleep\n\n"
    "Weigh every dose, because a level teaspoon of powder holds about 2.5 grams.\n\n"
    "Many readers who kept a log found they were at 15 grams a day.\n\n"
    "Week 1 – 11 g\nWeek 2 – 10 g\n\n"
    "After that, cut to 8 g and hold for a week.\n"
)


@pytest.mark.parametrize(
    ("amount", "role"),
    [
        ("2.5 grams", None),  # what a spoon holds
        # how much people were at before they tapered: their usual amount, as dev's readers
        # read "were at" / "was on" amounts (typical 44 times in 66)
        ("15 grams", "typical"),
        ("11 g", "taper_step"),  # a line of the schedule
        ("8 g", "taper_step"),  # a step word before it
    ],
)
def test_under_a_taper_title_only_a_schedule_or_a_step_word_makes_a_step(amount, role):
    (dose,) = [d for d in records_of(TAPER_PAGE, "Dose") if d.provenance.exact.startswith(amount)]
    assert dose.role == role


def test_a_step_of_a_taper_is_for_coming_off_whatever_the_title_says_of_sleep():
    steps = [d for d in records_of(TAPER_PAGE, "Dose") if d.role == "taper_step"]
    assert steps and {d.purpose for d in steps} == {"withdrawal"}


# Mechanisms: an action after "without" is denied; "ones" stands for the head noun before it -----


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mitragynine activates G-protein signalling at mu receptors without recruiting β-arrestin-2.",
            ("mitragynine", "activates", "beta-arrestin-2", True),
        ),
        ("Paynantheine calms the body without activating opioid receptors.", ("paynantheine", "activates", "opioid receptors", True)),
        ("Speciogynine seems to bind serotonin receptors rather than opioid ones.", ("speciogynine", "binds", "opioid receptors", True)),
        (
            "Speciogynine seems to bind serotonin receptors rather than opioid ones.",
            ("speciogynine", "binds", "serotonin receptors", False),
        ),
    ],
)
def test_what_a_clause_denies_beside_what_it_states(text, expected):
    assert expected in {(m.agent, m.action, m.target, m.negated) for m in records_of(text, "Mechanism")}


# Dose roles: who is new, a limit to stay under, a threshold that limits nothing ----------------


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("If you're new, 1–2 g is plenty to see how you react.", "starting"),
        ("A common first serving is a level teaspoon of powder.", "starting"),
        ("Staying under about 5 g per dose keeps most people out of the nausea zone.", "maximum"),
        ("Most seizure reports involve 15 g or more a day.", None),  # where the harm starts, no limit
        ("Doses above 15 g a day are not advised.", "maximum"),
    ],
)
def test_the_role_of_an_amount(text, role):
    (dose,) = records_of(text, "Dose")
    assert dose.role == role


def test_a_page_title_gives_no_purpose_but_a_section_heading_does():
    text = "Kratom for Opioid Withdrawal\n\nMost customers take 3 g in the morning.\n\nFor sleep\n\nSome take 2 g an hour before bed.\n"
    assert [d.purpose for d in records_of(text, "Dose")] == [None, "sleep"]


@pytest.mark.parametrize(
    "chrome",
    [
        "Journal of Herbal Pharmacology\nHome | Current Issue | Archive | For Authors\nHome › Vol 18, Issue 4 › Original Research",
        "Journal of Herbal Pharmacology\nHome / Issues / Vol 12 No 3 / Original Research\nVolume 12, Issue 3 · September 2023 · Pages 211–224",
    ],
)
def test_a_long_title_under_a_site_name_and_its_chrome_is_the_title(chrome):
    title = "Inhibition of CYP2D6 and CYP3A4 by kratom alkaloids: an in vitro study with a pilot probe-drug check"
    text = f"{chrome}\n\n{title}\n\nAbstract\n\nMitragynine inhibited CYP2D6 in liver microsomes."
    doc = parse_article(text.encode(), article_id="x", source_file="x")
    assert doc.title == title
    assert [m.provenance.exact for m in records_of(text, "Mechanism")] == ["Mitragynine inhibited CYP2D6"]


@pytest.mark.parametrize(
    "unit",
    [
        "Kinloch Pain Service, Perth · Reviewed by Dr Morag Lindsay, Consultant in Pain Medicine · Updated 14 May 2024",
        "Answered by Dr Achieng Otieno, PharmD · Registered with the Pharmacy Board · 5 March 2024",
        "Red Bali Powder — 250 g — €24.90 — Add to basket",
        "Red Sumatra Powder — 1 kg — €79.00 — Sold out",
        "← Previous: Week one, the taper ends     Next: Eating again →",
        "kiwi_nightowl (Dunedin)",
        "dr_sandeep_k ✔ verified pharmacist",
        "You are here: Interaction Summaries › Herbal products › Kratom",
    ],
)
def test_bylines_tiles_pagers_handles_and_breadcrumbs_are_furniture(unit):
    assert is_furniture(unit)


@pytest.mark.parametrize(
    "unit",
    [
        "Kratom can cause nausea · vomiting · constipation.",
        "Red Bali is our best seller at €24.90 and customers say it is smooth.",
        "You are here because kratom use became a problem for you.",
    ],
)
def test_a_unit_that_says_something_is_no_furniture(unit):
    assert not is_furniture(unit)


def test_two_falling_lines_of_a_schedule_are_steps():
    text = "My taper so far. Week 3 – 9 g. Week 4 – 6 g. This is where it got hard."
    assert [d.role for d in records_of(text, "Dose")] == ["taper_step", "taper_step"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Pretreatment with naloxone (1 mg/kg, s.c.), a non-selective antagonist at kappa and delta opioid receptors, abolished it.",
            {("naloxone", "antagonist", "kappa-opioid receptor"), ("naloxone", "antagonist", "delta-opioid receptor")},
        ),  # the stops of an abbreviation in brackets end no clause
        (
            "Morphine and other prescription opioids act as full agonists at the mu-opioid receptor.",
            {("morphine", "agonist", "mu-opioid receptor"), ("opioids", "agonist", "mu-opioid receptor")},
        ),
    ],
)
def test_an_agent_before_brackets_or_beside_other_drugs_of_its_class(text, expected):
    assert triples(text) == expected
