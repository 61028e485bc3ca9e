"""What real pages write, rule by rule: the forms the twelfth round of rules reads.

Each row is a text in a form real pages use and what a reader finds in it; earlier rounds are in
tests/test_real_pages.py and tests/test_real_pages_fifth.py to _eleventh.py.
"""

from __future__ import annotations

import pytest

from conftest import claim_of, records_of, units
from kratom_dataset.extractors.claims import is_furniture


def in_body(unit: str) -> tuple[str, bool]:
    """``unit`` as a paragraph of its own between two claims of a page's body, and whether it is a claim."""
    return units(f"Notes\n\nKratom is a tree.\n\n{unit}\n\nIt grows in Thailand.")[2]


# Evidence: the subject of a reporting verb ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "evidence", "cue"),
    [
        (
            "A toxicologist in Kuala Lumpur who was not involved in the work noted that the assays used isolated enzymes.",
            "experts",
            "A toxicologist in Kuala Lumpur who was not involved in the work noted",
        ),
        (
            "A team at a university in Penang reports that speciogynine inhibits CYP2D6.",
            "experts",
            "A team at a university in Penang reports",
        ),
        ("others on here say 3-4 g three times a day is plenty.", "users_report", "others on here say"),
        ("A mate who'd been through it told me kratom carried him through.", "users_report", "A mate who'd been through it told"),
        ("In 2018, FDA testing found salmonella in some products.", "studies", "FDA testing found"),
    ],
)
def test_the_subject_of_a_reporting_verb_names_the_evidence(text, evidence, cue):
    claim = claim_of(text)
    assert (claim.evidence, claim.evidence_cue.text if claim.evidence_cue else None) == (evidence, cue)


@pytest.mark.parametrize(
    "text",
    [
        "Blood pressure can drop, so patients are told to stand up slowly.",  # a passive
        "Patients who use kratom should be warned about interactions.",  # a modal and a passive
        "A doctor or urgent care can tell you if it suits you.",  # a modal
        "Respondents who used more than 20 grams a day were twice as likely to report poor sleep.",  # an infinitive
        "Nausea was dose-limiting; no participant at 2 g reported it.",  # a subject that denies
        "Some people add 1 to 3 mg of melatonin.",  # no reporting verb
        "Responsible vendors recommend starting with 1 to 2 grams.",  # a seller is no source of evidence
    ],
)
def test_a_verb_that_reports_nothing_of_its_subject_names_no_evidence(text):
    assert claim_of(text).evidence == "none"


# Page structure --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "unit",
    [
        "I'm not a doctor and this isn't advice, just what happened to me.",
        "Still, I get this question often, so here is what we know.",
        "ok so I've been reading papers on this for two years and here's how I understand it, happy to be corrected",
        "There is a second issue.",
        "Free and confidential: Mon–Fri 09:00–16:00",
    ],
)
def test_page_talk_and_opening_hours_are_no_claims(unit):
    assert in_body(unit) == (unit, False)


@pytest.mark.parametrize(
    "unit",
    [
        "There is a second issue with kratom: it inhibits CYP2D6.",
        "This is not medical advice: do not replace a prescribed medication with kratom.",
    ],
)
def test_a_unit_that_goes_on_to_say_something_is_a_claim(unit):
    assert in_body(unit) == (unit, True)


def test_a_page_title_that_states_an_amount_is_no_claim():
    text = "Kratom taper plan – how I come down from 12 g (my method)\n\nHello friends, I am from Brazil.\n\nI took 12 grams a day."
    assert units(text)[0] == ("Kratom taper plan – how I come down from 12 g (my method)", False)


# Hedges and polarity -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "polarity", "certainty"),
    [
        ("Despite this, 7-OH is arguably the more important of the two.", "affirmed", "uncertain"),
        ("If some week is very hard, stay on the same dose a few days more, is no problem.", "affirmed", "certain"),
        ("Got down to 18 g no problem.", "affirmed", "certain"),
    ],
)
def test_hedges_and_litotes(text, polarity, certainty):
    claim = claim_of(text)
    assert (claim.polarity, claim.certainty) == (polarity, certainty)


@pytest.mark.parametrize(
    "unit",
    [
        "Print   Download XML   Report an error",
        "About this site · Accessibility · Copyright · Privacy · Contact us",
        "Quick reply · Report · Quote",
        "nightowl_leeds",
        "From Farmacopedia, the free pharmacology encyclopedia",
        "(Redirected from MG (alkaloid))",
    ],
)
def test_menus_handles_and_encyclopedia_boilerplate_are_no_claims(unit):
    assert in_body(unit) == (unit, False)


@pytest.mark.parametrize(
    ("unit", "furniture"),
    [
        ("Print   Download XML   Report an error", True),
        ("Quick reply · Report · Quote", True),
        ("7-OH-MG       agonist         antagonist     antagonist", False),  # a table's row laid out in spaces
        ("Low 1–2 g · Moderate 3–5 g · High 6–8 g", False),  # a row of amounts
    ],
)
def test_a_menu_is_furniture_but_a_row_of_a_table_or_of_amounts_is_not(unit, furniture):
    assert is_furniture(unit) is furniture


def test_every_entry_under_a_related_heading_is_an_entry_not_a_heading():
    text = (
        "Kratom and sleep\n\nKratom can delay sleep.\n\nRelated\nWhy more people are searching for kratom\n"
        "Melatonin gummies: what the labels don't tell you\n\nKratom is sold as powder."
    )
    found = dict(units(text))
    assert found["Why more people are searching for kratom"] is False
    assert found["Melatonin gummies: what the labels don't tell you"] is False


@pytest.mark.parametrize(
    "kicker",
    ["Study Results", "Fact sheet", "Press release", "Skip to main content"],
)
def test_a_title_after_a_site_name_and_a_section_name_is_the_title(kicker):
    title = "Melatonin 5 mg for Insomnia During Supervised Kratom Discontinuation: a Randomised, Placebo-controlled Trial"
    text = f"Clinical Studies Register | English\nHome › Search results\n\n{kicker}\n{title}\n\nAdults took melatonin 5 mg at night."
    assert (title, False) in units(text)


def test_a_title_after_a_menu_a_breadcrumb_and_a_label_is_the_title():
    title = "Receptor profile and metabolic liabilities of speciociliatine and mitragynine: binding, signalling and CYP/P-gp inhibition in vitro"
    text = (
        "Online Journals   Journals   Books   Submit   Log in\nHome > Journal of Pharmacology > Vol. 18 > Abstract\n\n"
        f"Original Article | Open Access\n{title}\nA. Moreira, K. Srisuk\n\nMitragynine inhibited CYP2D6."
    )
    assert (title, False) in units(text)


@pytest.mark.parametrize(
    "authors",
    [
        "Jane Q Smith 1, Ravi Kumar 2, Lee Wong 3",
        "Katrin Vogel a, Chukwuemeka Obi b, Lukas Brenner a",
        "Rafael T. Moreira, Kanokwan Srisuk, Ana Paula Lemos",
    ],
)
def test_a_title_over_an_author_line_is_no_claim(authors):
    text = f"Review\nJ Psychoactive Drugs\n\nKratom withdrawal and sleep: a narrative review\n{authors}\n\nInsomnia was the most reported symptom."
    assert ("Kratom withdrawal and sleep: a narrative review", False) in units(text)


@pytest.mark.parametrize(
    ("unit", "claim"),
    [
        ("Edit list (add/remove drugs)", False),
        ("No warnings were found for your selected drugs.", False),
        ("These classifications are only a guideline.", False),
        ("No interactions were found between kratom and modafinil.", True),  # states a finding of two named drugs
    ],
)
def test_an_interaction_checker_says_of_itself_or_of_the_drugs(unit, claim):
    assert in_body(unit) == (unit, claim)


def test_an_outline_of_numbered_headings_over_notes():
    text = (
        "Lecture 14 – Kratom\n\n2. Receptor pharmacology\nMG = partial agonist at MOR; competitive antagonist at KOR and DOR\n"
        "7-OH-MG: MOR partial agonist, far more potent\n\n3. Metabolism & interactions\nMG inhibits CYP2D6 in vitro\n"
    )
    found = dict(units(text))
    assert found["Receptor pharmacology"] is False
    assert found["Metabolism & interactions"] is False
    assert found["MG = partial agonist at MOR; competitive antagonist at KOR and DOR"] is True


@pytest.mark.parametrize(
    "unit",
    [
        "Similar threads: Restless legs after quitting · Red vs green for sleep? · Gabapentin during taper",
        "https://doi.org/10.0000/jseap.2023.0311   Download PDF   Cite   Share",
        "Quantity: 1   Add to cart",
        "Received 4 May 2023; accepted 18 September 2023; published online 2 October 2023",
        "@kofi_in_krakow good point.",
        "Disclosure: we may earn a commission from links on this page.",
        "The summary below is based on published case reports and lab studies.",
        "These answers are for readers who travel.",
        "KiwiRecovery is a peer-support site and does not give medical advice.",
        "Friendly reminder: members' experiences are not medical advice.",
    ],
)
def test_more_page_chrome_is_no_claim(unit):
    assert in_body(unit) == (unit, False)


@pytest.mark.parametrize(
    "unit",
    [
        "Price: $19 for 100 gram, free shipping above $50.",  # a shop's price is a claim to the annotators
        "I'm not a doctor, and everyone's sleep is different.",
    ],
)
def test_prices_and_a_writer_who_is_no_doctor_still_state_something(unit):
    assert in_body(unit) == (unit, True)


def test_a_heading_whose_amount_stands_in_brackets_is_a_heading():
    text = "Taper guide\n\nA slow taper is kinder.\n\nA sample schedule (starting at 16 g/day)\nWeek 1: 14 g/day\nWeek 2: 12 g/day\n"
    assert ("A sample schedule (starting at 16 g/day)", False) in units(text)
    assert [d.amount_low for d in records_of(text, "Dose")] == [14.0, 12.0]


def test_notes_under_a_heading_stay_notes_and_claims():
    text = (
        "University press office\n\nKratom study maps receptor profile\n\nBy the press office\n\n"
        "The team tested four alkaloids.\n\nKey findings\n7-OH-MG: roughly tenfold higher MOR affinity\n"
        "CYP2D6 inhibition at high micromolar concentrations\nNo measurable binding to GABA-A receptors\n"
    )
    found = dict(units(text))
    assert found["CYP2D6 inhibition at high micromolar concentrations"] is True
    assert found["No measurable binding to GABA-A receptors"] is True


def test_a_heading_after_notes_over_a_paragraph_stays_a_heading():
    text = (
        "Taper guide\n\nA slow taper helps.\n\nBy the clinic team\n\nWhat to expect\nAches for a week\n"
        "Broken sleep for longer\nSleep tips during the taper\nKeep the room dark. Skip caffeine after noon.\n"
    )
    assert ("Sleep tips during the taper", False) in units(text)


def test_a_long_note_with_an_amount_in_brackets_is_no_heading():
    text = "Notes\n\nKratom is a tree.\n\nDaily users (>5 g/day) develop tolerance; abrupt cessation → opioid-like withdrawal\nTaper: reduce the dose by 10% a week\n"
    assert ("Daily users (>5 g/day) develop tolerance; abrupt cessation → opioid-like withdrawal", True) in units(text)


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("Binding to alpha-2 adrenergic receptors has also been reported.", "unspecified"),
        ("Benzodiazepines | High | Additive sedation; fatal cases reported", "unspecified"),
        ("Seizures were the most frequently reported symptoms.", "none"),  # a finding's own tally, no source
    ],
)
def test_what_has_been_reported_by_no_one_named(text, evidence):
    assert claim_of(text).evidence == evidence
