"""What real pages write, rule by rule: the forms the thirtieth round of rules reads.

Each row is a text in a form real pages use and what a reader finds in it; earlier rounds are in
tests/test_real_pages.py and tests/test_real_pages_fifth.py to _twentyninth.py.
"""

from __future__ import annotations

import pytest

from conftest import RAW, claim_of, claimed, records_of, triples
from kratom_dataset.parse import parse_article
from kratom_dataset.scoring import read_passages

# Mechanisms -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dextromethorphan: inhibition of CYP2D6 by mitragynine could matter.",
            ("mitragynine", "inhibits", "CYP2D6"),
        ),
        (
            "Tramadol | Inhibition of CYP2D6 by mitragynine | Moderate",
            ("mitragynine", "inhibits", "CYP2D6"),
        ),
    ],
)
def test_a_nominal_actions_agent_after_by_outranks_a_name_before_it(text, expected):
    found = triples(text)
    assert expected in found
    assert not {t for t in found if t[1] == "inhibits" and t[0] != "mitragynine"}


@pytest.mark.parametrize(
    "text",
    [
        "7-OH is its main metabolite, and this metabolite has a considerably higher potency at mu-opioid receptors.",
        "7-hydroxymitragynine is formed in the liver. Its efficacy at the mu-opioid receptor is higher than morphine's.",
    ],
)
def test_potency_or_efficacy_at_a_receptor_is_activity_there(text):
    assert ("7-hydroxymitragynine", "interacts_with", "mu-opioid receptor") in triples(text)


def test_potency_or_efficacy_at_a_time_is_no_mechanism():
    assert triples("Mitragynine showed efficacy at 12 weeks in the pilot.") == set()


def test_dopamine_agonists_act_at_dopamine_receptors():
    assert triples("Ropinirole and pramipexole are dopamine agonists.") == {
        ("ropinirole", "agonist", "dopamine receptors"),
        ("pramipexole", "agonist", "dopamine receptors"),
    }


def test_receptors_of_opioids_as_non_native_writers_put_it():
    assert triples("I read mitragynine is acting on the receptors of opioids like morphine.") == {
        ("mitragynine", "interacts_with", "opioid receptors"),
    }


def test_the_receptor_of_opioid_mu_is_not_read_as_the_opioid_receptors():
    assert "opioid receptors" not in {t for _, _, t in triples("Mitragynine acts on the receptor of opioid mu in the brain.")}


def test_it_after_a_labelled_sentence_is_that_sentences_subject():
    text = (
        "Background: Mitragynine is the most abundant alkaloid in the leaves of Mitragyna speciosa (kratom). "
        "It is a partial agonist at the human mu-opioid receptor."
    )
    assert triples(text) == {("mitragynine", "partial_agonist", "mu-opioid receptor")}


def test_the_examples_after_a_plural_class_and_its_clause_are_the_agents():
    assert triples("Avoid drugs that inhibit CYP3A4, such as ketoconazole.") == {("ketoconazole", "inhibits", "CYP3A4")}


def test_the_targets_a_ranking_names_after_the_first_are_acted_on_too():
    text = "In human liver microsomes, mitragynine inhibits CYP2D6 most potently, followed by CYP3A4 and CYP2C9."
    assert triples(text) == {("mitragynine", "inhibits", e) for e in ("CYP2D6", "CYP3A4", "CYP2C9")}


def test_a_ranking_followed_by_no_target_adds_none():
    assert triples("Mitragynine inhibits CYP2D6, followed by a rise in levels.") == {("mitragynine", "inhibits", "CYP2D6")}


def test_gaba_transaminase_is_no_gaba():
    assert triples("Lemon balm appears to raise GABA levels by inhibiting GABA transaminase.") == {
        ("lemon balm", "increases", "GABA"),
    }


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("Chamomile contains apigenin, a flavonoid that binds to benzodiazepine sites on GABA-A receptors.", "apigenin"),
        ("Valerenic acid is thought to modulate GABA-A receptors.", "valerenic acid"),
    ],
)
def test_sleep_herbs_constituents_are_agents(text, agent):
    assert {a for a, _, _ in triples(text)} == {agent}


@pytest.mark.parametrize(
    "text",
    ["Kratom may increase exposure to CYP2D6 substrates.", "Kratom may raise levels of CYP2D6 and CYP3A4 substrates such as quetiapine."],
)
def test_a_class_of_an_enzymes_substrates_is_no_target_of_that_enzyme(text):
    assert not {t for _, _, t in triples(text)} & {"CYP2D6", "CYP3A4"}


def test_a_drug_named_as_an_enzymes_substrate_still_is_one():
    assert triples("Dextromethorphan is a CYP2D6 substrate.") == {("dextromethorphan", "interacts_with", "CYP2D6")}


def test_opioid_pain_medicines_are_opioids():
    text = "Kratom's main compounds act on the same brain receptors as opioid pain medicines."
    assert ("opioids", "interacts_with", "opioid receptors") in triples(text)


# Doses ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "unit"), [("On bad nights I take another gram at midnight.", "g"), ("Add another teaspoon if needed.", "[tsp_us]")]
)
def test_another_unit_is_one_more_of_it(text, unit):
    (dose,) = records_of(text, "Dose")
    assert (dose.amount_low, dose.unit, dose.provenance.exact.split()[0]) == (1.0, unit, "another")


# Page structure --------------------------------------------------------------------------------------


def test_a_ranked_items_number_opens_a_heading_not_a_claim():
    text = (
        "The 5 Natural Sleep Aids, Ranked\n\n#3. Valerian root\nBest for: mild trouble sleeping\n"
        "Valerian compounds are thought to enhance GABA signalling.\n\n#4. Chamomile tea\n"
        "Apigenin in chamomile binds benzodiazepine sites on GABA-A receptors.\n"
    )
    found = claimed(text)
    assert not {c for c in found if c in {"Valerian root", "Chamomile tea", "#4.", "#3."}}
    assert "Valerian compounds are thought to enhance GABA signalling." in found


def test_an_items_number_in_a_pager_ends_no_sentence():
    text = "Review\n\n← 2. Ethnobotany and patterns of use | 4. Toxicology →\n\nMitragynine is the main alkaloid of the leaf.\n"
    assert claimed(text) == ["Mitragynine is the main alkaloid of the leaf."]


def test_a_line_over_a_line_of_authors_is_a_papers_title():
    text = (
        "Journal of Clinical Research | Original Article\nPublished online: 9 May 2024\n\n"
        "Safety and pharmacokinetics of single ascending oral doses of mitragynine in healthy adults: a phase 1 study\n\n"
        "A. R. Delacroix, M. Okafor, S. Lindqvist, P. Hennessey\n\n"
        "Mitragynine was well tolerated up to 40 mg.\n"
    )
    doc = parse_article(text.encode(), article_id="t", source_file="t.txt")
    title = next(s for s in doc.sentences if doc.text[s.start : s.end].startswith("Safety and"))
    assert title.is_heading
    assert claimed(text) == ["Mitragynine was well tolerated up to 40 mg."]


def test_a_bulleted_lines_hanging_indent_goes_on_with_its_item():
    text = (
        "Slide notes\n\n"
        "- Three classical opioid receptors: mu (MOR), kappa (KOR) and delta\n  (DOR), all Gi/o-coupled GPCRs.\n"
        "- Mitragynine is metabolised mainly by CYP3A4 and it inhibits\n  CYP2D6, so expect interactions with codeine.\n"
    )
    doc = parse_article(text.encode(), article_id="t", source_file="t.txt")
    units = [" ".join(doc.text[s.start : s.end].split()) for s in doc.sentences]
    assert "Three classical opioid receptors: mu (MOR), kappa (KOR) and delta (DOR), all Gi/o-coupled GPCRs." in units
    assert "Mitragynine is metabolised mainly by CYP3A4 and it inhibits CYP2D6, so expect interactions with codeine." in units
    assert ("mitragynine", "inhibits", "CYP2D6") in triples(text)


def test_a_line_wrapped_a_little_wider_than_the_widest_certain_wrap_runs_on():
    (passage,) = [p for p in read_passages(RAW / "passages" / "dev.jsonl") if p["id"] == "rp66-b-sleep-architecture-review-abstract-01"]
    doc = parse_article(passage["text"].encode(), article_id="t", source_file="t.txt")
    units = [" ".join(doc.text[s.start : s.end].split()) for s in doc.sentences]
    assert not [u for u in units if u.endswith("mg/kg reduced")]
    assert any(u.startswith("In rats, mitragynine at 10-30 mg/kg reduced REM sleep") for u in units)


def test_a_papers_authors_under_its_title_are_no_claim():
    text = (
        "Sleep Pharmacology Reviews. 2024;11(2):87-104.\n\n"
        "Kratom alkaloids and sleep architecture: a narrative review of animal and human evidence\n\n"
        "Adeyemi R, Lindqvist S, Chaiyasit P.\n\nAbstract\n\nKratom alters sleep architecture in rats.\n"
    )
    assert "Adeyemi R, Lindqvist S, Chaiyasit P." not in claimed(text)
    assert "Kratom alters sleep architecture in rats." in claimed(text)


# Claims ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "That's it.",
        "Glad it's working.",
        "Not surprised.",
        "I know this is anecdotal.",
        "Not naming them because of sub rules.",
        "Reminder: don't post vendor names.",
        "See the wiki for dosing info.",
        "EDIT: a lot of you asked about strain.",
        "Available 7 days a week, 8 a.m.–10 p.m. ET.",
        "If you are struggling, our peer line is open every evening from 6 to 10 pm.",
        "I am french so sorry in advance for my english.",
        "A couple of points first.",
        "Answer the questions first, then check the key below.",
        "Prescriber: Dana Whitfield, PA-C",
        "Salam all.",
        "Good day po to everyone.",
        "Content note: this story mentions substance use and withdrawal.",
        "All amounts below are for plain leaf powder.",
        "Topic: Week 1 check-ins.",
        "Be kind.",
        "No sourcing talk.",
        "HOST (GINA MARSH): Our next caller is Terry from Eastfield.",
        "DR. PRUITT: That's a fair question.",
        "Guest: Dr. Alan Pruitt, medical toxicologist, Regional Poison Center",
        "Top review: Dana R., verified buyer",
        "The full report is available on the department's website.",
        "If somebody have experience with this please tell me.",
        "Call the nursing line at extension 204, Monday to Friday.",
        "Product: Kratom (Mitragyna speciosa)",
        "Please I need your advice.",
        "Good questions, and I'm glad you asked before changing anything.",
        "S. Okafor, verified buyer",
    ],
)
def test_forum_chatter_service_hours_and_page_instructions_are_no_claims(line):
    assert claimed(f"Notes\n\nKratom can cause dependence.\n\n{line}\n\nMost users taper slowly.\n") == [
        "Kratom can cause dependence.",
        "Most users taper slowly.",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "I know this is hard, but the second week is easier.",
        "Glad it's working for you, but watch the dose creep.",
        "The clinic is open to anyone tapering off kratom, and most finish in eight weeks.",
    ],
)
def test_sentences_that_open_like_such_lines_stay_claims(line):
    assert line in claimed(f"Notes\n\nKratom can cause dependence.\n\n{line}\n")


@pytest.mark.parametrize(
    "text",
    [
        "A 34-year-old man spent three days in intensive care after taking kratom with zolpidem, according to his family.",
        "He had taken kratom every night for a year, according to his sister.",
    ],
)
def test_what_a_family_says_is_a_users_report(text):
    assert claim_of(text).evidence == "users_report"


@pytest.mark.parametrize(
    "text",
    [
        "Low doses (around 1-2 g) tend to feel stimulating in the morning.",
        "We suggest staying at or below 8 g in a single day.",
        "In Canada, kratom may be sold legally but may not be marketed for human consumption.",
        "How kratom harms the liver is unclear.",
    ],
)
def test_tendencies_advice_permission_and_stated_unclearness_are_no_hedges(text):
    assert claim_of(text).certainty == "certain"


@pytest.mark.parametrize(
    "text",
    [
        "Kratom may be safe at low doses.",
        "Products may contain heavy metals.",
        "Research suggests kratom eases withdrawal.",
        "How kratom harms the liver remains unclear.",
    ],
)
def test_hedges_that_look_like_them_still_hedge(text):
    assert claim_of(text).certainty == "uncertain"
