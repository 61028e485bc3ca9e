"""What real pages write, rule by rule: the forms the seventeenth round of rules reads.

Each row is a text in a form real pages use and what a reader finds in it; earlier rounds are in
tests/test_real_pages.py and tests/test_real_pages_fifth.py to _sixteenth.py.
"""

from __future__ import annotations

import pytest

from conftest import AROUND, claim_of, claims_around, records_of, triples

# A reference to a target names a target of its kind ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "opioids" is named later, but "these receptors" names receptors
        (
            "Buprenorphine binds mu-opioid receptors more tightly than most opioids, yet it is only a partial agonist at these receptors.",
            ("buprenorphine", "partial_agonist", "mu-opioid receptor"),
        ),
        (
            "Naloxone displaces the alkaloids from mu-opioid receptors faster than other opioids. Mitragynine then has to compete for those receptors again.",
            ("mitragynine", "interacts_with", "mu-opioid receptor"),
        ),
        # a transporter, not the enzyme named beside it
        (
            "Mitragynine is a substrate of CYP3A4 and P-glycoprotein, and in cell assays it inhibits this transporter.",
            ("mitragynine", "inhibits", "P-glycoprotein"),
        ),
    ],
)
def test_a_reference_to_a_target_names_the_latest_target_of_its_kind(text, expected):
    assert expected in triples(text)


def test_a_reference_with_no_target_of_its_kind_before_it_still_names_the_latest_target():
    # no receptor before "these receptors": the opioid receptors the page named last stand for them
    assert ("mitragynine", "binds", "opioid receptors") in triples(
        "Kratom acts on opioid receptors. Mitragynine binds these receptors weakly."
    )


# An agent named again as a clause's own subject ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Speciociliatine and paynantheine have weaker opioid activity; paynantheine has been reported to act on 5-HT1A receptors.",
        "Speciociliatine and paynantheine have weaker opioid activity, and paynantheine acts on 5-HT1A receptors.",
    ],
)
def test_an_agent_named_again_as_a_clauses_subject_is_that_clauses_only_agent(text):
    assert triples(text) == {("paynantheine", "interacts_with", "serotonin receptors")}


@pytest.mark.parametrize(
    "text",
    ["Mitragynine (MG) binds mu receptors.", "Mitragynine: mitragynine binds mu receptors."],
)
def test_an_agent_named_twice_in_one_phrase_is_one_agent(text):
    assert triples(text) == {("mitragynine", "binds", "mu-opioid receptor")}


# A passive with a second agent ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Mitragynine is metabolised chiefly by CYP3A4, and to a small degree by CYP2D6 and CYP2C9.",
        "Mitragynine is metabolised mainly by CYP3A4 and partly by CYP2D6 and CYP2C9.",
    ],
)
def test_each_enzyme_of_a_passives_second_by_phrase_is_a_target(text):
    assert {t for _, _, t in triples(text)} == {"CYP3A4", "CYP2D6", "CYP2C9"}


# Amounts ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("We suggest 4 until 6 gram red powder around one hour before bed.", 4.0, 6.0),
        ("For new customer we suggest 1 until 2 gram only.", 1.0, 2.0),
    ],
)
def test_until_between_two_numbers_joins_a_range(text, low, high):
    (dose,) = records_of(text, "Dose")
    assert (dose.amount_low, dose.amount_high) == (low, high)


def test_until_after_a_change_of_dose_is_no_range():
    doses = records_of("I went from 12 g until 8 g over a month.", "Dose")
    assert sorted((d.amount_low, d.amount_high) for d in doses) == [(8.0, 8.0), (12.0, 12.0)]


def test_an_amount_they_were_at_is_their_usual_amount():
    (dose,) = records_of("Many readers who kept a log found they were at 15 grams a day.", "Dose")
    assert dose.role == "typical"


# Denials in case reports ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        ("He denied alcohol or other opioid use.", "negated"),
        ("She denies taking any other supplements.", "negated"),
        ("The patient denied using any other drugs.", "negated"),
        ("He denied any history of seizures.", "negated"),
        ("The FDA denied the petition.", "affirmed"),
    ],
)
def test_a_patient_who_denies_using_a_drug_states_a_denial(text, polarity):
    assert claim_of(text).polarity == polarity


# Page chrome ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "answered 3 months ago by Marta K. (pharmacist, Wrocław)",
        "asked 2 days ago by sleepless_in_lodz",
        "3 days ago · Reply",
        "Page last revised: October 2, 2023",
        "Slide 5 – Worked example: kratom",
        "Try Lull free for 7 days.",
        "Cancel anytime.",
        "Hello dear customer!",
        "‹ 18.3 Absorption     18.5 Excretion ›",
        "1 d   Like   Reply   5",
        "Write a comment…",
        "Email wellness@afyaplus.example or ask at any branch.",
    ],
)
def test_a_line_of_page_chrome_is_no_claim(line):
    assert claims_around(line) == list(AROUND)


@pytest.mark.parametrize(
    "line",
    [
        "2 years ago I started taking kratom for back pain.",
        "Hello, kratom did nothing for my sleep, and I tried it for a month.",
        "Email me if the taper stalls, it helps to talk.",
    ],
)
def test_a_sentence_that_opens_like_chrome_is_still_a_claim(line):
    assert claims_around(line) == [AROUND[0], line, AROUND[1]]


# Quantified references and the wording of actions and targets ----------------------------------

SCREENED = "We screened mitragynine, speciogynine and paynantheine against a receptor panel. "


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        (SCREENED + "None of the three alkaloids displayed measurable activity at dopamine D2 receptors.", True),
        (SCREENED + "All three alkaloids bound mu receptors.", False),
    ],
)
def test_a_counted_reference_is_each_agent_it_counts_not_kratom(text, negated):
    found = {(m.agent, m.negated) for m in records_of(text, "Mechanism")}
    assert found == {("mitragynine", negated), ("speciogynine", negated), ("paynantheine", negated)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Buprenorphine is a partial agonist. It attaches tightly to opioid receptors.", ("buprenorphine", "binds", "opioid receptors")),
        (
            "Lofexidine is licensed in the UK. This medicine stimulates alpha-2 adrenergic receptors.",
            ("lofexidine", "activates", "alpha-2 adrenergic receptors"),
        ),
        ("9-O-desmethylmitragynine is later conjugated by UGT enzymes.", ("9-o-desmethylmitragynine", "interacts_with", "UGT enzymes")),
    ],
)
def test_actions_agents_and_targets_in_the_words_of_drug_leaflets(text, expected):
    assert expected in triples(text)


def test_a_plural_reference_the_targets_after_it_name_is_those_targets():
    assert triples("Melatonin is a hormone. It works on the receptors MT1 and MT2.") == {
        ("melatonin", "interacts_with", "MT1 melatonin receptor"),
        ("melatonin", "interacts_with", "MT2 melatonin receptor"),
    }


def test_enzymes_with_a_minor_share_of_the_work_are_targets_too():
    text = (
        "Mitragynine is extensively metabolised in the liver. Its conversion to 7-hydroxymitragynine is catalysed "
        "chiefly by CYP3A4, with minor contributions from CYP2D6 and CYP2C9."
    )
    assert {t for _, _, t in triples(text)} == {"CYP3A4", "CYP2D6", "CYP2C9"}


@pytest.mark.parametrize("text", ["I take a couple of grams before bed.", "A couple of grams helped me sleep."])
def test_a_couple_of_grams_is_two_grams_as_an_estimate(text):
    (dose,) = records_of(text, "Dose")
    assert (dose.amount_low, dose.amount_high, dose.unit, dose.approximate) == (2.0, 2.0, "g", True)


@pytest.mark.parametrize(
    ("text", "evidence", "cue"),
    [
        ("In one study, volunteers given 6.25 g of dried leaf reached peak levels after about an hour.", "studies", "In one study"),
        (
            "The U.S. Food and Drug Administration on Friday warned consumers not to use concentrated extracts.",
            "experts",
            "The U.S. Food and Drug Administration on Friday warned",
        ),
        ("Buprenorphine and methadone are backed by decades of research.", "research", "backed by decades of research"),
    ],
)
def test_evidence_in_the_words_of_textbooks_and_news_wires(text, evidence, cue):
    claim = claim_of(text)
    assert (claim.evidence, claim.evidence_cue.text if claim.evidence_cue else None) == (evidence, cue)
