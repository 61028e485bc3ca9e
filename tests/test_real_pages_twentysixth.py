"""What real pages write, rule by rule: the forms the twenty-sixth round of rules reads.

Each row is a text in a form real pages use and what a reader finds in it; earlier rounds are in
tests/test_real_pages.py and tests/test_real_pages_fifth.py to _twentyfifth.py.
"""

from __future__ import annotations

import pytest

from conftest import claim_of, claimed, records_of, triples

# Mechanisms -----------------------------------------------------------------------------------------

TABLE = (
    "Table 1. Binding at human receptors (approximate; values differ between assays)\n"
    "Receptor | Compound | Ki (nM) | Action\n"
    "mu-opioid | mitragynine | ~230 | partial agonist\n"
    "kappa-opioid | 7-hydroxymitragynine | ~190 | antagonist\n"
    "5-HT1A | speciogynine | ~40 | binds; function unclear\n"
)


def test_a_table_row_states_the_action_its_cells_set_beside_a_receptor_and_a_compound():
    assert triples(TABLE) == {
        ("mitragynine", "partial_agonist", "mu-opioid receptor"),
        ("7-hydroxymitragynine", "antagonist", "kappa-opioid receptor"),
        ("speciogynine", "binds", "serotonin receptors"),
    }


@pytest.mark.parametrize(
    "row",
    [
        "Melatonin | Melatonin acts on MT1 receptors | Little change expected | Safe together",
        "Methadone | Mu agonist | 60–120 mg once daily | Levels raised by CYP3A4 inhibitors",
    ],
)
def test_a_row_whose_action_names_its_own_target_or_shares_a_cell_is_read_as_written(row):
    found = triples(f"Drug | How it works | Dose | Notes\n{row}\n")
    assert not any(target in ("melatonin", "CYP3A4") for _, _, target in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            (
                "Sleep medicines such as zolpidem enhance the effect of GABA. "
                "When a drug that acts on GABA receptors is taken with one that acts on opioid receptors, breathing can slow."
            ),
            {("zolpidem", "increases", "GABA")},
        ),
        (
            "Kratom contains mitragynine, an alkaloid that acts on opioid receptors.",
            {("mitragynine", "interacts_with", "opioid receptors")},
        ),
        ("Mitragynine is a compound that binds opioid receptors.", {("mitragynine", "binds", "opioid receptors")}),
        ("Do not take it with anything that blocks CYP3A4 like ketoconazole.", {("ketoconazole", "inhibits", "CYP3A4")}),
        (
            "Opioids, and probably kratom, suppress REM sleep.",
            {("opioids", "inhibits", "REM sleep"), ("kratom", "inhibits", "REM sleep")},
        ),
        ("Oliceridine is a G-protein-biased MOR agonist.", {("oliceridine", "agonist", "mu-opioid receptor")}),
        (
            "Kratom eases pain partly through opioid receptors and partly through adrenergic ones.",
            {("kratom", "interacts_with", "opioid receptors"), ("kratom", "interacts_with", "adrenergic receptors")},
        ),
        (
            "Mitragynine binds MOR but also DOR.",
            {("mitragynine", "binds", "mu-opioid receptor"), ("mitragynine", "binds", "delta-opioid receptor")},
        ),
        ("Morphine activates G proteins.", {("morphine", "activates", "G protein signaling")}),
        ("The mu-opioid receptor is a G protein-coupled receptor.", set()),
    ],
)
def test_generic_relatives_hedged_conjuncts_and_new_names(text, expected):
    assert triples(text) == expected


# Claims and evidence ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '"Kratom is no sleeping pill." — Dr. Priya Raman, 46:15',
        "“Opioids suppress REM sleep.” —Prof. Lena Ortiz",
    ],
)
def test_a_quotation_signed_below_with_a_title_is_an_experts_word(text):
    claim = claim_of(text)
    assert (claim.provenance.exact, claim.evidence) == (text, "experts")


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        (TABLE, ["mu-opioid | mitragynine | ~230 | partial agonist", "kappa-opioid | 7-hydroxymitragynine | ~190 | antagonist"]),
        ("Notes\n\nAs shown in Table 1. The effect was clear.\n", ["As shown in Table 1.", "The effect was clear."]),
    ],
)
def test_a_caption_is_no_claim_but_a_table_named_inside_a_sentence_ends_it(text, claims):
    assert claimed(text)[: len(claims)] == claims


@pytest.mark.parametrize(
    "line",
    [
        "04:12 — How Priya first heard about kratom from her patients",
        "[11:40] What the alkaloids actually do in the brain",
        "Sold by: GreenLeafTradingCo ★★★★☆ (1,284 ratings)",
        "[HOT SALE] Premium Red Bali Kratom Capsules 500mg x 120 Count - Lab Tested, Relax & Sleep Well",
        "[Log] Coming off 24 g/day — 7 weeks in, mostly stable (long post)",
    ],
)
def test_chapter_rating_and_tagged_title_lines_are_no_claims(line):
    assert claimed(f"Episode 62\n\nKratom can cause dependence.\n\n{line}\n\nMost users taper slowly.\n") == [
        "Kratom can cause dependence.",
        "Most users taper slowly.",
    ]


def test_a_chat_line_with_a_time_and_a_writer_stays_a_claim():
    text = "Chat log\n\n[19:05] mossy_ferret: 3g morning, 2g arvo, 1g before bed\n[19:22] mossy_ferret: target is 4 g by the 20th\n"
    assert claimed(text) == ["[19:05] mossy_ferret: 3g morning, 2g arvo, 1g before bed", "[19:22] mossy_ferret: target is 4 g by the 20th"]


# Doses ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She took 5 g of leaf a day. His Finnegan score peaked at 12 on day two.", ["5 g of leaf"]),
        ("I was on 15 g a day. Now about 12, and dropping.", ["15 g", "12"]),
    ],
)
def test_a_bare_number_after_a_score_is_no_amount(text, expected):
    assert [d.provenance.exact for d in records_of(f"Notes.\n\n{text}", "Dose")] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Clonidine dampens noradrenergic release.", {("clonidine", "decreases", "norepinephrine")}),
        ("Mitragynine's action on adrenergic receptors explains the energy.", {("mitragynine", "interacts_with", "adrenergic receptors")}),
        ("Yohimbine blocks adrenaline receptors.", {("yohimbine", "inhibits", "adrenergic receptors")}),
        ("Users should take action on adrenergic receptors.", set()),
    ],
)
def test_noradrenergic_output_a_possessives_action_and_adrenaline_receptors(text, expected):
    assert triples(text) == expected


OUTLINE = (
    "3. Kratom alkaloids\n"
    "3.1 Mitragynine (MG) is the most abundant alkaloid in the leaf.\n"
    "3.2 MG is a partial agonist at human MOR.\n"
    "3.3 MG is a competitive antagonist at KOR.\n"
)


def test_an_outlines_item_numbers_are_no_amounts_and_its_items_are_units():
    assert records_of(OUTLINE, "Dose") == []
    assert claimed(OUTLINE) == [
        "Mitragynine (MG) is the most abundant alkaloid in the leaf.",
        "MG is a partial agonist at human MOR.",
        "MG is a competitive antagonist at KOR.",
    ]


def test_an_amount_at_the_start_of_a_line_is_no_outline_number():
    assert [d.provenance.exact for d in records_of("Dosing\n\n2.5 g before bed helped me.\n1.5 g in the morning.\n", "Dose")] == [
        "2.5 g",
        "1.5 g",
    ]


def test_a_bare_number_in_a_comparison_of_scores_is_no_amount():
    text = "The maximum daily dose was 2.88 mg. Mean peak SOWS scores were lower with lofexidine than with placebo (18.4 vs 27.9)."
    assert [d.provenance.exact for d in records_of(f"Results\n\n{text}", "Dose")] == ["2.88 mg"]


@pytest.mark.parametrize(
    "line",
    [
        "answered Mar 3 '22 by pharm_grad_mk",
        "opioids   alkaloids   metabolism",
        "Flair: Progress",
        "WhatsApp: +62 812-xxxx-xxxx",
    ],
)
def test_a_qa_sites_byline_and_tags_a_flair_and_a_contact_number_are_no_claims(line):
    assert claimed(f"Question\n\nKratom can cause dependence.\n\n{line}\n\nMost users taper slowly.\n") == [
        "Kratom can cause dependence.",
        "Most users taper slowly.",
    ]


def test_a_wikis_references_heading_with_its_edit_link_opens_a_list_of_sources():
    text = (
        "Kratom withdrawal\n\nManagement [edit]\nMany people taper rather than stopping abruptly.\n\n"
        "References [edit]\n"
        '1. ^ Singh D, et al. (2014). "Kratom dependence, withdrawal symptoms and craving in regular users." Drug Alcohol Depend.\n'
    )
    assert claimed(text) == ["Many people taper rather than stopping abruptly."]


def test_a_line_of_hashtags_is_no_claim():
    text = "My Night Routine\n\nA cup of kratom tea before bed helps me unwind.\n#kratomtea #bedtimeroutine #sleepritual #slowliving\n"
    assert claimed(text) == ["A cup of kratom tea before bed helps me unwind."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kratom blocks NK1 receptors.", {("kratom", "inhibits", "NK1 receptors")}),
        ("Melatonin acts on MT1 receptors.", {("melatonin", "interacts_with", "MT1 melatonin receptor")}),
        ("Kratom works in the mu-opioid receptors.", {("kratom", "interacts_with", "mu-opioid receptor")}),
        ("Kratom works in the brain.", set()),
    ],
)
def test_a_receptor_named_by_its_code_and_works_in_the_receptors(text, expected):
    assert triples(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Among members, average deep sleep dropped from 16% to 11% of the night in week one.", []),
        ("If sleep is poor, drop 10% a week.", ["10%"]),
        ("Adults (mean body weight 78 kg) reducing their daily dose by 10% every two weeks were enrolled.", ["10%"]),
    ],
)
def test_a_share_a_measured_subject_drops_by_is_no_taper_step(text, expected):
    assert [d.provenance.exact for d in records_of(f"Notes\n\n{text}", "Dose") if d.unit == "%"] == expected


def test_a_label_line_closed_by_a_bracket_ends_its_line_in_a_wrapped_text():
    text = (
        "Home » Extracts » 50x Resin\nBlue Lotus Apothecary 50x Kratom Resin – 5 g\n$59.00 | In stock\n"
        "Our resin is reduced\nfrom 250 g of leaf into 5\ng of paste, so it is roughly fifty times more concentrated than powder.\n"
        "Serving size: 0.05 g (a piece the size of a grain of rice)\nBeginners should not exceed .1 g per day.\nThe science:\n"
        "Mitragynine binds the human µ-opioid receptor with a Ki of\nabout 200 nM, while 7-hydroxymitragynine is roughly ten times more potent.\n"
    )
    assert "Beginners should not exceed .1 g per day." in claimed(text)
