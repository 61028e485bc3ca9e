"""What real pages write, rule by rule: the forms the seventh round of rules reads.

Each row is a sentence in a form real pages use and what a reader finds in it; earlier rounds
are in tests/test_real_pages.py, tests/test_real_pages_fifth.py and tests/test_real_pages_sixth.py.
"""

from __future__ import annotations

import pytest

from conftest import records_of as records
from conftest import rules_claim_of, triples
from kratom_dataset.parse import parse_article

# Mechanisms ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # supplements and a statin named as agents
        ("Piperine may inhibit P-gp in the gut.", ("piperine", "inhibits", "P-glycoprotein")),
        ("Curcumin inhibits CYP3A4 in cell studies.", ("curcumin", "inhibits", "CYP3A4")),
        ("L-theanine is said to raise GABA levels.", ("l-theanine", "increases", "GABA")),
        ("Atorvastatin does not inhibit CYP2D6.", ("atorvastatin", "inhibits", "CYP2D6")),
        # opioids named as a class
        ("Opioid-like drugs tend to suppress REM sleep.", ("opioids", "inhibits", "REM sleep")),
        ("Chronic opioid exposure suppresses firing in the locus coeruleus.", ("opioids", "inhibits", "neuronal activity")),
        # phrasal and nominal forms of decrease, increase and inhibition
        ("Heavy kratom use cuts down on REM sleep.", ("kratom", "decreases", "REM sleep")),
        ("Methadone cuts into slow-wave sleep.", ("methadone", "decreases", "deep sleep")),
        ("Morphine produced a marked reduction in REM sleep.", ("morphine", "decreases", "REM sleep")),
        ("Grapefruit can knock out CYP3A4 for a day.", ("grapefruit", "inhibits", "CYP3A4")),
        ("Mitraphylline has been linked to suppression of TNF-α.", ("mitraphylline", "inhibits", "TNF-α")),
        # switching a receptor on, triggering and recruiting
        ("Mitragynine turns the mu receptor on, but only partly.", ("mitragynine", "activates", "mu-opioid receptor")),
        ("7-OH seems to trigger more beta-arrestin signaling.", ("7-hydroxymitragynine", "activates", "beta-arrestin")),
        ("Speciociliatine shows little recruitment of β-arrestin.", ("speciociliatine", "activates", "beta-arrestin")),
        ("Loperamide slows the bowel.", ("loperamide", "decreases", "gut motility")),
        ("Kratom changes sleep architecture.", ("kratom", "modulates", "sleep architecture")),
        ("Kratom eases pain, and its effects are mediated largely by mu receptors.", ("kratom", "interacts_with", "mu-opioid receptor")),
        # targets the lexicon lacked
        ("Gabapentin binds the α2δ subunit of calcium channels.", ("gabapentin", "binds", "alpha-2-delta subunit")),
        ("Pregabalin quiets overexcited nerve signalling.", ("pregabalin", "decreases", "neuronal activity")),
        ("Mitragynine inhibits the bile salt export pump.", ("mitragynine", "inhibits", "bile salt export pump")),
        ("Kratom may block the liver enzyme that clears trazodone.", ("kratom", "inhibits", "liver enzymes")),
        # coordination closed by an adverb of degree; a note's clauses share its subject
        ("Paroxetine inhibits CYP2D6 very strongly and CYP3A4 weakly.", ("paroxetine", "inhibits", "CYP3A4")),
        ("paynantheine: weak MOR antagonist; binds 5-HT1A receptors", ("paynantheine", "binds", "serotonin receptors")),
        # references to agents named before
        (
            "Mitragynine is the main alkaloid. The parent compound binds alpha-2 receptors.",
            ("mitragynine", "binds", "alpha-2 adrenergic receptors"),
        ),
        ("Melatonin is made at night. The hormone acts on MT1 receptors.", ("melatonin", "interacts_with", "MT1 melatonin receptor")),
    ],
)
def test_mechanisms_of_the_seventh_round(text, expected):
    assert expected in triples(text)


def test_alpha_2_delta_is_not_an_adrenergic_receptor():
    assert ("gabapentin", "binds", "alpha-2 adrenergic receptors") not in triples("Gabapentin binds the alpha-2-delta subunit.")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kratom acts on the same brain receptors as morphine and oxycodone.", ("oxycodone", "interacts_with", "opioid receptors")),
        ("Kratom acts on the same brain receptors as morphine and oxycodone.", ("kratom", "interacts_with", "opioid receptors")),
        ("kratom is working on same receptor like tramadol", ("tramadol", "interacts_with", "opioid receptors")),
    ],
)
def test_the_names_after_same_receptors_as_do_the_same(text, expected):
    assert expected in triples(text)


def test_a_mechanism_stated_as_denied_keeps_its_negation():
    [m] = records("Atorvastatin does not inhibit CYP2D6.", "Mechanism")
    assert m.negated


# Claims: polarity ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, polarity",
    [
        # advice within a series or under an advice verb does not deny
        ("Pharmacists advise patients not to combine kratom with alcohol.", "affirmed"),
        ("Start low, never take more than 4 g, and wait an hour.", "affirmed"),
        ("Use less of each and do not use alone.", "affirmed"),
        # the negation sits outside the main clause, or in a fixed phrase
        ("If you cannot sleep for two weeks, see a doctor.", "affirmed"),
        ("Dr. Lee, who was not involved in the trial, called the result modest.", "affirmed"),
        ("You are not alone.", "affirmed"),
        ("I'm not a doctor, but this worked for me.", "affirmed"),
        ("On day three I still can't sleep.", "affirmed"),
        # still denied
        ("Kratom does not cure insomnia.", "negated"),
        ("The trial did not find a benefit.", "negated"),
        ("Melatonin is not to be confused with a sedative.", "negated"),
    ],
)
def test_polarity_of_advice_asides_and_states(text, polarity):
    assert [c.polarity for c in records(text, "Claim")] == [polarity]


@pytest.mark.parametrize("text", ["You should not mix kratom with alcohol.", "People who take kratom daily should not stop abruptly."])
def test_a_prohibition_of_the_unit_s_own_denies_as_the_rules_read_it(text):
    """Since 0.17.0. The polarity reader may affirm such a unit where it is surer by its margin:
    dev's annotators split on them (61 of 88 claims with "should not" read as affirmed advice), and
    retrained readers have read this second row one way and then the other."""
    assert rules_claim_of(text).polarity == "negated"


# Claims: evidence ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, evidence",
    [
        ("Surveys of US users put the typical dose at 3 to 5 g.", "studies"),
        ("The survey, which drew 900 replies, found that most people took under 5 g.", "studies"),
        ("Larger doses tend to sedate, according to user surveys.", "studies"),
        ("Most people in that survey took kratom daily.", "studies"),
        ("Seizures have been seen in case series.", "studies"),
        ("Patients often settle at 8 mg a day (case series, n small).", "studies"),
        ("ppl here swear by a tiny night dose.", "users_report"),
        ("Many listeners wrote in saying it knocks them out.", "users_report"),
        ("He reported taking 20 g a day.", "users_report"),
        ("Health officials warned that some extracts are mislabelled.", "experts"),
        ("According to Dr. Patel, the risk is low at 2 g.", "experts"),
        ("Doses above 15 g are considered unsafe by most experts.", "experts"),
        ("Mitragynine has been characterised as a weak antagonist.", "unspecified"),
        ("Most guides suggest 2 to 3 servings a day.", "unspecified"),
        ("I later read that kratom inhibits CYP2D6.", "unspecified"),
        ("i dropped 1 g a week and honestly it was fine.", "personal_accounts"),
        ("I did that and it made the last stretch bearable.", "personal_accounts"),
        ("I dropped 1 g a week.", "none"),
    ],
)
def test_attributions_of_the_seventh_round(text, evidence):
    assert [c.evidence for c in records(text, "Claim")] == [evidence]


# Claims: type --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The first week off was brutal.",
        "Within a month I was hooked again.",
        "Clonidine can leave you lightheaded.",
        "Poor sleep lasts longer than the aches.",
    ],
)
def test_words_of_harm_make_an_adverse_effect(text):
    # under a title line: a page of one short line may be read as its title, which asserts nothing
    assert [c.claim_type for c in records(f"Notes.\n\n{text}", "Claim")] == ["adverse_effect"]


# Page structure ------------------------------------------------------------------------------

REFERENCES = """Kratom and sleep

Kratom may help some people sleep.

{heading}

1. Smith J, Lee K. Kratom and sleep quality in adults. J Sleep Res. 2020;29(3):e12345.
2. Garcia M, et al. Mitragynine binds the mu-opioid receptor. Pharmacol Rep. 2019;71:1-9.
"""


@pytest.mark.parametrize("heading", ["References", "Sources", "Bibliography", "Works cited", "Further reading:", "## References"])
def test_a_list_of_references_cites_and_asserts_nothing(heading):
    text = REFERENCES.format(heading=heading)
    assert [c.provenance.exact for c in records(text, "Claim")] == ["Kratom may help some people sleep."]
    assert records(text, "Mechanism") == []


def test_a_references_section_has_its_own_role():
    doc = parse_article(REFERENCES.format(heading="References").encode(), article_id="a", source_file="a.txt")
    assert [(s.heading, s.role) for s in doc.sections if s.heading] == [("Kratom and sleep", "section"), ("References", "references")]


def test_a_heading_that_only_mentions_sources_opens_an_ordinary_section():
    text = REFERENCES.format(heading="Sources of mitragynine")
    assert any("Mitragynine binds the mu-opioid receptor" in c.provenance.exact for c in records(text, "Claim"))


@pytest.mark.parametrize(
    "line",
    [
        "© 2024 Kratom Health Hub. All rights reserved.",
        "Copyright 2023 Leaf & Co.",
        "Rated 4.8 out of 5 based on 212 customer ratings",
        "Privacy Policy | Terms of Service | Contact Us",
        "This website uses cookies to improve your experience.",
        "Was this article helpful?",
    ],
)
def test_site_furniture_is_not_a_claim(line):
    assert records(f"Kratom may help some people sleep.\n\n{line}\n", "Claim")[1:] == []


# Doses ---------------------------------------------------------------------------------------


def amounts_of(text: str) -> list[tuple[str, float | None, float | None, str]]:
    return [(d.provenance.exact, d.amount_low, d.amount_high, d.unit) for d in records(text, "Dose") if d.kind == "numeric"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # a choice between amounts is a list, a loose count is a range
        ("Doses of 5 or 10 mg leave people groggy.", [("5", 5.0, 5.0, "mg"), ("10 mg", 10.0, 10.0, "mg")]),
        ("Participants took 0.1 or 0.3 mg of melatonin.", [("0.1", 0.1, 0.1, "mg"), ("0.3 mg", 0.3, 0.3, "mg")]),
        ("Most people take two or three grams.", [("two or three grams", 2.0, 3.0, "g")]),
        ("I take 5 or 6 g at night.", [("5 or 6 g", 5.0, 6.0, "g")]),
        # "even" inside a list of amounts
        ("Some take 40, 60, even 80 grams a day.", [("40", 40.0, 40.0, "g"), ("60", 60.0, 60.0, "g"), ("80 grams", 80.0, 80.0, "g")]),
        (
            "Patients take 40, 60 or even 100 grams a day.",
            [("40", 40.0, 40.0, "g"), ("60", 60.0, 60.0, "g"), ("100 grams", 100.0, 100.0, "g")],
        ),
    ],
)
def test_lists_and_ranges_of_amounts(text, expected):
    assert amounts_of(text) == expected


@pytest.mark.parametrize(
    "text, exact",
    [
        ("Near the end, slow to 5% per week.", "5%"),
        ("I did 10% every week, no exceptions.", "10%"),
        ("Trim the daily total by about 10 to 25 percent every week.", "10 to 25 percent"),
        ("Or take off about 10–15% of your daily total each week.", "10–15%"),
    ],
)
def test_a_share_taken_off_per_week_is_a_taper_step(text, exact):
    [dose] = records(text, "Dose")
    assert (dose.provenance.exact, dose.unit, dose.role, dose.purpose) == (exact, "%", "taper_step", "withdrawal")


@pytest.mark.parametrize("text", ["Leaves hold about 1.5% mitragynine per gram.", "About 40% of users take it every day."])
def test_a_share_that_is_no_step_is_no_dose(text):
    assert records(text, "Dose") == []


@pytest.mark.parametrize(
    "text",
    [
        "Taper plan\n\nStarting point: 20 g/day. Week 1: 18 g/day. Week 2: 16 g/day.",
        "How to taper\n\nIf you are taking 20 g a day, drop to 18 g in the first week.",
    ],
)
def test_the_amount_a_taper_starts_from_is_no_step(text):
    first, *rest = [d for d in records(text, "Dose") if d.kind == "numeric"]
    assert (first.amount_low, first.role) == (20.0, None)
    assert rest and all(d.role == "taper_step" for d in rest)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Dont jump to 15g. I went 28 -> 25 -> 22 over three weeks.", [("15g", 15.0), ("28", 28.0), ("25", 25.0), ("22", 22.0)]),
        ("I was on 12g a day. Then 10, then 8.", [("12g", 12.0), ("10", 10.0), ("8", 8.0)]),
        ("Caps hold roughly .5 g each, some brands more like 0.45.", [(".5 g", 0.5), ("0.45", 0.45)]),
    ],
)
def test_a_bare_number_takes_the_unit_the_paragraph_just_named(text, expected):
    assert [(d.provenance.exact, d.amount_low) for d in records(text, "Dose")] == expected
    assert {d.unit for d in records(text, "Dose")} == {"g"}


@pytest.mark.parametrize(
    "text",
    [
        "I take 4 g in the morning. I went 3 days without it.",
        "My dose is 5 g. I have 2 kids and 3 dogs.",
        "He got 4 mg. His withdrawal score rose from 6 to 19.",
    ],
)
def test_a_bare_number_that_is_no_amount_stays_out(text):
    assert len(records(text, "Dose")) == 1


def test_a_measure_and_the_mass_it_weighs_are_two_amounts():
    assert amounts_of("A level teaspoon weighs about 2.5 g.") == [("A level teaspoon", 1.0, 1.0, "[tsp_us]"), ("2.5 g", 2.5, 2.5, "g")]


@pytest.mark.parametrize(
    "line, headline",
    [
        ("More Americans Are Using Kratom to Quit Opioids.", True),
        ("Doctors Say the Evidence Is Thin.", True),
        ("Coastal State University Launches First Controlled Study of Kratom for Sleep", True),
        ("Origin: West Kalimantan, Indonesia", False),
        ("Servings Per Container: 30", False),
        ("Mitragynine: 1.8% | 7-OH: <0.02%", False),
        ("Kratom may help some people sleep.", False),
    ],
)
def test_a_headline_is_furniture_and_a_sentence_or_attribute_is_not(line, headline):
    assert (records(f"Kratom may help some people sleep.\n\n{line}\n", "Claim")[1:] == []) is headline


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Speciociliatine shows weaker mu binding than mitragynine.", ("speciociliatine", "binds", "mu-opioid receptor")),
        ("7-OH produces stronger kappa activation than mitragynine does.", ("7-hydroxymitragynine", "activates", "kappa-opioid receptor")),
        ("Trazodone works partly through H1 block.", ("trazodone", "inhibits", "histamine H1 receptor")),
    ],
)
def test_an_action_noun_after_its_receptor(text, expected):
    assert expected in triples(text)


@pytest.mark.parametrize(
    "text, claim_type",
    [
        ("So please take a break, maybe two days each week.", "recommendation"),
        ("if ur doing this dont rush it, slow beats fast every time", "recommendation"),
        ("Work out your true daily total first.", "recommendation"),
        ("I don't take it at night anymore.", "other"),
    ],
)
def test_advice_in_informal_forms_recommends(text, claim_type):
    # read as the body of a page, under a title line: a page's only line may read as its title
    assert [c.claim_type for c in records(f"Notes.\n\n{text}", "Claim")] == [claim_type]
