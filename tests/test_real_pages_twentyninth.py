"""What real pages write, rule by rule: the forms the twenty-ninth round of rules reads.

Each row is a text in a form real pages use and what a reader finds in it; earlier rounds are in
tests/test_real_pages.py and tests/test_real_pages_fifth.py to _twentyeighth.py.
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
            "Rifampin can lower blood levels of methadone, oxycodone and fentanyl.",
            {("rifampin", "decreases", "methadone"), ("rifampin", "decreases", "oxycodone"), ("rifampin", "decreases", "fentanyl")},
        ),
        (
            "St John's wort is a common herbal remedy. It can lower plasma concentrations of cyclosporine and tacrolimus.",
            {("st john's wort", "decreases", "cyclosporine"), ("st john's wort", "decreases", "tacrolimus")},
        ),
        (
            "Kratom may raise exposure to dextromethorphan or metoprolol.",
            {("kratom", "increases", "dextromethorphan"), ("kratom", "increases", "metoprolol")},
        ),
    ],
)
def test_levels_raised_or_lowered_of_listed_drugs_give_a_record_for_each(text, expected):
    assert triples(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Kratom may raise blood levels of some antidepressants and statins.",
        "Kratom may raise blood levels of drugs such as quetiapine or oxycodone.",
        "We will test whether it raises blood levels of midazolam and dextromethorphan in 20 volunteers.",
    ],
)
def test_levels_of_classes_examples_or_a_question_give_no_record_per_drug(text):
    assert not {agent for agent, action, _ in triples(text) if action == "increases" and agent != "kratom"}
    assert ("kratom", "increases", "quetiapine") not in triples(text)
    assert ("kratom", "increases", "midazolam") not in triples(text)


def test_a_denied_change_of_levels_is_a_negated_record_for_each_drug():
    found = records_of("Melatonin does not raise levels of methadone or buprenorphine.", "Mechanism")
    assert {(r.agent, r.action, r.target, r.negated) for r in found} == {
        ("melatonin", "increases", "methadone", True),
        ("melatonin", "increases", "buprenorphine", True),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Avoid combining kratom with CYP3A4 inhibitors such as ketoconazole or clarithromycin.",
            {("ketoconazole", "inhibits", "CYP3A4"), ("clarithromycin", "inhibits", "CYP3A4")},
        ),
        ("Do not mix kratom with strong CYP2D6 inhibitors.", set()),
        ("Mitragynine is one of the stronger CYP2D6 inhibitors in the leaf.", {("mitragynine", "inhibits", "CYP2D6")}),
    ],
)
def test_role_nouns_after_with_name_the_drugs_taken_with_the_subject(text, expected):
    assert triples(text) == expected


def test_the_drug_one_withdraws_from_is_no_target_of_the_verb_before():
    text = "Some people use kratom to feel alert, and others use it to reduce pain or to avoid withdrawal from opioids."
    assert triples(text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mitragynine is the leaf's main alkaloid. Its best-documented targets are the opioid receptors.",
            {("mitragynine", "interacts_with", "opioid receptors")},
        ),
        (
            "Paynantheine is a minor alkaloid. It barely touches the mu-opioid receptor.",
            {("paynantheine", "interacts_with", "mu-opioid receptor")},
        ),
        ("Mitragynine is the leaf's main alkaloid. That conversion is done by CYP3A4.", set()),
        ("Kratom is a complex plant. Its pharmacology extends well beyond the opioid receptors.", set()),
    ],
)
def test_a_sentence_opening_with_a_reference_joins_its_drug_to_a_receptor_by_any_verb(text, expected):
    assert triples(text) == expected


def test_a_coordinated_name_that_opens_a_new_clause_is_not_a_second_target():
    text = "Mitragynine acts on opioid receptors, and opioids are known to suppress REM sleep."
    assert triples(text) == {("mitragynine", "interacts_with", "opioid receptors"), ("opioids", "inhibits", "REM sleep")}


def test_a_wrapped_line_with_a_figure_in_brackets_runs_on():
    text = (
        "7-OH-MG bound the mu-opioid receptor with the highest\n"
        "affinity of the five alkaloids (Ki = 13 nM), roughly fourteen-fold\n"
        "tighter than mitragynine (Ki = 180 nM). Speciociliatine had the\n"
        "second-highest affinity for the mu-opioid receptor (Ki = 54 nM).\n"
    )
    assert claimed(text) == [
        (
            "7-OH-MG bound the mu-opioid receptor with the highest affinity of the five alkaloids (Ki = 13 nM), "
            "roughly fourteen-fold tighter than mitragynine (Ki = 180 nM)."
        ),
        "Speciociliatine had the second-highest affinity for the mu-opioid receptor (Ki = 54 nM).",
    ]


def test_notes_with_an_equals_sign_stay_a_line_each():
    text = "MG = partial MOR agonist (weak)\n7-OH = full agonist (strong)\n"
    assert claimed(text) == ["MG = partial MOR agonist (weak)", "7-OH = full agonist (strong)"]


def test_snris_are_a_class_of_drugs_that_acts():
    assert triples("SSRIs and SNRIs inhibit serotonin reuptake.") == {
        ("ssris", "inhibits", "serotonin reuptake"),
        ("snris", "inhibits", "serotonin reuptake"),
    }


# Doses ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "role"),
    [
        ("Step size: 10% of the current daily amount", "taper_step"),
        ("Max step: 25% (larger cuts are refused)", "maximum"),
    ],
)
def test_a_taper_steps_share_under_a_label_is_a_dose(line, role):
    (dose,) = records_of(f"Taper settings\n\n{line}\n", "Dose")
    assert (dose.unit, dose.role) == ("%", role)


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("I took one teaspoon and half every night.", 1.5),
        ("I take two and half grams before bed.", 2.5),
        ("I took one gram and a half at noon.", 1.5),
    ],
)
def test_an_amount_and_a_half_as_some_write_it(text, amount):
    (dose,) = records_of(text, "Dose")
    assert dose.amount_low == dose.amount_high == amount


@pytest.mark.parametrize(
    "text",
    ["I took 2 grams and half the time it worked.", "Use 2 teaspoons and a half cup of water."],
)
def test_and_half_of_something_else_adds_no_half(text):
    (dose,) = records_of(text, "Dose")
    assert dose.amount_low == 2.0


def test_a_clock_time_after_a_dose_is_no_dose():
    text = "Been on trazodone 50 mg at bedtime for a year. I'm tired of feeling like a zombie at 0600."
    assert [d.amount_low for d in records_of(text, "Dose")] == [50.0]


def test_a_numbered_step_with_a_share_of_people_is_no_dose():
    assert records_of("Step 2: 45% of users reported insomnia.", "Dose") == []


# Claims --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Newsgroups: alt.health.herbal, alt.support.sleep",
        "Archive-name: herbal/kratom-faq/part1",
        "Last-modified: 2011/07/02",
        "Prepared for: Patient #B-1142",
        "┌─ CHECK YOUR UNDERSTANDING 4.2 ─────────┐",
        "Issues and pull requests welcome.",
        "See INSTALL.txt.",
        "Version 2.1.0, BSD licence.",
        "Yes (12) | No (1)",
        "Do not circulate before the seminar.",
        "All times Eastern.",
        "Updates run newest first.",
        "That's a wrap for today's panel.",
        "Thank you for reaching out to our pharmacists.",
        "Corrections welcome by email.",
        "Leave your email address and a counsellor will reply within a day.",
        "Learning objectives: name two herbal products that interact with opioids.",
        "Every volunteer must read this handout before a first shift.",
        "Students should read the case first, then the commentary.",
        "After this module, you will be able to spot kratom withdrawal.",
        "The examples below are illustrative, not exhaustive.",
        "Methods are described in Section 3.2.",
        'Claim 3: "Kratom cures insomnia."',
        "#3  From: night_heron        Date: Tue Mar 02 2010 23:10",
        "-- Forward this newsletter to a friend.",
        "7.4.2 Why kratom withdrawal keeps people awake",
        "◀ Back to my medicines",
        "—— Detail: Kratom + Gabapentin ——",
        "Task (b) Calculate the accumulation ratio at steady state.",
        "Q: Does it show up on a drug test? — asked by Lee P., 3 May 2024",
        "Kratom and sleep: your questions answered",
        "Hola Marta!",
        "Thank you for the detailed description of your nights.",
        "Thank you for sharing, Juma.",
        "12:40 Case 2: withdrawal on a methadone waitlist",
        "This issue rounds up what members told us in March.",
        "Next speaker.",
        "👍 48   💬 7 comments   ↗ 11 shares",
        "Some links above are affiliate links, which means I earn a small commission.",
        "Good catch.",
        "From: Marcus T.",
        "share · edit · follow        answered Jun 3 '22 at 14:07",
        "Seeing no other speakers, public comment on item seven is closed.",
        "Red Bali powder → linktr.ee/dreamy/kratom",
        "Hi Tomek, your English is fine.",
        "Sleep while tapering (jen_in_ohio)",
        "Six are summarized below with the witnesses' permission.",
        "Call the athletic training room at ext. 214.",
    ],
)
def test_headers_boxes_readme_lines_votes_and_talk_about_the_page_are_no_claims(line):
    assert claimed(f"Notes\n\nKratom can cause dependence.\n\n{line}\n\nMost users taper slowly.\n") == [
        "Kratom can cause dependence.",
        "Most users taper slowly.",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Directions: Take 2 capsules with water before bed.",
        "Always read the leaflet.",
        "I'm not a doctor, and my schedule is not a prescription.",
        "Organization of care matters as much as the medicine.",
        "Thank you for asking before you mixed them: please don't combine them.",
    ],
)
def test_sentences_that_look_like_such_lines_stay_claims(line):
    assert line in claimed(f"Notes\n\nKratom can cause dependence.\n\n{line}\n")


def test_a_claim_a_page_quotes_to_check_is_kept_for_the_dose_it_states():
    text = 'Fact check\n\nClaim 2: "Five grams before bed knocks you out."\n\nRating: False\n'
    (dose,) = records_of(text, "Dose")
    assert (dose.amount_low, dose.unit) == (5.0, "g")
    assert 'Claim 2: "Five grams before bed knocks you out."' in {c.provenance.exact for c in records_of(text, "Claim")}


@pytest.mark.parametrize(
    "text",
    [
        "Wear gloves and eye protection when handling the powder.",
        "Allow the vial to reach room temperature before opening.",
        "Counsel patients that nightly use carries a dependence risk.",
        "We urge clinicians to ask about kratom by name.",
    ],
)
def test_an_instruction_in_an_imperative_or_an_urging_is_a_recommendation(text):
    assert claim_of(text).claim_type == "recommendation"


def test_a_label_that_reads_like_an_imperative_is_not_one():
    assert claim_of("Counsel: P. Laing for the Crown; M. Faleolo for the appellant.").claim_type != "recommendation"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Card 1\nFront: Morphine — receptor profile?\nBack: Full agonist at the mu-opioid receptor.\n",
            {("morphine", "agonist", "mu-opioid receptor")},
        ),
        ("Q: What does naloxone do?\nA: Blocks opioid receptors.\n", {("naloxone", "inhibits", "opioid receptors")}),
        ("Methods: Radioligand binding was performed with human mu receptors.\n", set()),
    ],
)
def test_an_answer_with_no_subject_is_about_the_drug_its_question_names(text, expected):
    assert triples(text) == expected


def test_it_in_a_clause_giving_the_main_clauses_reason_is_its_subject():
    text = "Kratom can raise the levels of oxycodone and fentanyl, because it inhibits the CYP3A4 enzyme."
    assert ("kratom", "inhibits", "CYP3A4") in triples(text)
    assert ("fentanyl", "inhibits", "CYP3A4") not in triples(text)


def test_a_menus_serving_with_its_price_is_a_dose_and_its_cup_size_is_not():
    text = (
        "KRATOM TEA MENU\nAll teas are brewed to order.\n\n"
        "Small Cup (8 oz) — 2 g leaf powder per serving — $7\nDouble Brew (12 oz) — 5 g leaf powder per serving — $14\n"
    )
    assert sorted((d.amount_low, d.unit) for d in records_of(text, "Dose")) == [(2.0, "g"), (5.0, "g")]


def test_a_shop_tile_with_a_pack_size_and_a_price_is_still_no_claim():
    assert claimed("Our powders\n\nKratom is sold by weight.\n\nRed Bali Powder — 250 g — €24.90\n") == ["Kratom is sold by weight."]


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        ("My dose came down by 2 mg each week. On night 27 I slept seven hours straight.", [2.0]),
        ("Day 12 – 8 g (morning 4, afternoon 2.5, night 1.5)", [8.0, 4.0, 2.5, 1.5]),
        ("We test urine for mitragynine.\n- Specimen: urine, 30 mL minimum\n- Taken as 2 g doses", [2.0]),
    ],
)
def test_a_numbered_night_and_a_specimens_volume_are_no_amounts(text, amounts):
    assert [d.amount_low for d in records_of(text, "Dose")] == amounts


def test_a_papers_title_over_its_authors_stays_apart_in_hard_wrapped_text():
    # A dev passage with breaks a wrapper might make in its abstract: the lines it leaves long then
    # read as wrapped, and the title ran on into the authors' names under it.
    (passage,) = [p for p in read_passages(RAW / "passages" / "dev.jsonl") if p["id"] == "rp39-a-trial-abstract-04"]
    text = passage["text"].replace(
        "labour. Experimental data on its analgesic effect in humans remain scarce.",
        ("labour. Experimental\ndata on its analgesic\neffect in humans remain\nscarce."),
    )
    assert text != passage["text"]
    doc = parse_article(text.encode(), article_id="t", source_file="t")
    units = [doc.flat[s.start : s.end] for s in doc.sentences]
    assert "Nurul Aina Ismail, Chen Wei Liang, Ahmad Faiz Rahman, Priya Subramaniam" in units
    assert "Experimental data on its analgesic effect in humans remain scarce." in units
