"""What real pages write, rule by rule: the forms the ninth round of rules reads.

Each row is a text in a form real pages use and what a reader finds in it; earlier rounds are in
tests/test_real_pages.py and tests/test_real_pages_fifth.py to _eighth.py.
"""

from __future__ import annotations

import pytest

from conftest import claimed, records_of, triples, units


def claim_types(text: str) -> list[str]:
    return [r.claim_type for r in records_of(text, "Claim")]


# Page structure ------------------------------------------------------------------------------


def test_a_list_whose_bullets_were_lost_in_the_copy_is_a_list_of_claims():
    text = (
        "Kratom for Sleep\n\nMost people start low.\n\nKey Takeaways\n"
        "Red strains are the most popular for sleep\nStart low and go slow\nNever mix kratom with alcohol\n\nRelated Posts\n"
    )
    claims = claimed(text)
    assert claims == [
        "Most people start low.",
        "Red strains are the most popular for sleep",
        "Start low and go slow",
        "Never mix kratom with alcohol",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # a tagline under a title, then a byline
        "Kratom Myths Debunked\nFrom the free encyclopedia of plant medicine\nBy Dana Hale\n\nKratom is a tree.\n",
        # sentence-case headings, each over its own paragraph
        "Kratom + Other Substances\nA briefing from the outreach team\nKratom and opioids\nBoth bind the mu receptor.\n",
        # the first line of a run of notes heads the notes below it
        "Intro.\n\nOpioid receptors and sleep\nmu agonists cut REM sleep\nwithdrawal brings REM rebound\n",
    ],
)
def test_a_run_of_short_lines_is_no_list_where_a_line_heads_what_follows(text):
    headings = {
        "From the free encyclopedia of plant medicine",
        "A briefing from the outreach team",
        "Kratom and opioids",
        "Opioid receptors and sleep",
    }
    assert not any(claim for unit, claim in units(text) if unit in headings)


@pytest.mark.parametrize(
    "line",
    [
        "Save my name, email, and website in this browser for the next time I comment.",
        "Notify me of follow-up comments by email.",
        "Required fields are marked *",
        "We use cookies to improve your experience.",
        "PMID: 34350000 DOI: 10.1080/02791072.2021.1956002",
        "2022 Jul-Sep;54(3):210-219.",
        "Epub 2021 Aug 4.",
        "Cited by 4 articles",
        "42 comments",
        "87% Upvoted",
        "level 1 greenvein_gone",
        "SKU: RB-250 Category: Kratom Powder Tags: red vein, relaxing, sleep",
        "Dimensions 8 × 5 × 12 cm",
        "kratom ↔ tramadol",
        "Last edited: Mar 2, 2024",
        "Trial registration: ACTRN12621000555875",
        "A. Rahman, S. Lim, K. Teoh, et al.",
        "[1] Hanapi NA et al., 2013.",
        "24                                     Chapter 2 – Literature review",
        "Call 1-800-222-1222 for consultation 24/7.",
        "Read all of this leaflet carefully before you start taking this medicine.",
        "How to read this chart: each pair is rated from LOW to DANGEROUS.",
        "About the author: Theo Marsh writes about sleep and recovery.",
        "Reporting period: 2019–2023 | Prepared by: Clinical Toxicology Unit",
        "quietfern_22 · Member · Posts: 341",
        "Results for: kratom + gabapentin + alcohol",
        "This tool does not cover every possible interaction.",
        "Ask our pharmacist →",
        "Veridian Therapeutics, Inc.",
        "SOURCE Veridian Therapeutics, Inc.",
        "This press release contains forward-looking statements that involve risks and uncertainties.",
        "⁴ Kruegel AC, et al. J Am Chem Soc.",
        "1,204 views  •  Premiered Sep 9, 2024",
        "Illustrations: K. Ramos · Printed by volunteers",
        "Applies to: kratom, oxycodone",
        "Share: LinkedIn",
        "Data last reviewed by our clinical pharmacists in August 2024.",
        "Content reviewed by Dr. Samuel Ortiz, MD, ABAM.",
        "Quick mod note: we cant give medical advice here.",
        "No duplications found.",
        "[Your email address] [Subscribe]",
        "$34.99   Subscribe & save 15%",
        "Original Article | Open Access | Volume 12, Issue 3, pp. 211–219",
    ],
)
def test_the_comment_form_and_cookie_notice_are_no_claims(line):
    assert [claim for _, claim in units(line + "\n")] == [False]


def test_entries_under_similar_articles_cite_and_assert_nothing():
    text = "Kratom helps some people sleep.\n\nSimilar articles\nKratom withdrawal: a systematic review.\nStanciu CN, et al. Am J Addict. 2019.\n"
    assert claimed(text) == ["Kratom helps some people sleep."]


@pytest.mark.parametrize(
    "sentence",
    [
        "Methods: We followed 64 adults who used kratom daily through a supervised taper.",
        "Sleep was measured by actigraphy and the Insomnia Severity Index.",
        "Withdrawal severity was scored with the COWS at every visit.",
    ],
)
def test_how_a_study_measured_is_no_finding(sentence):
    assert claim_types(sentence) == ["other"]


@pytest.mark.parametrize(
    "text",
    [
        "They use kratom to reduce their use of prescription opioids.",
        "Many people use kratom to get off opioids.",
        "It seemed to reduce cravings for opioids.",
        "Users describe a dependence on prescription opioids.",
    ],
)
def test_a_drug_as_what_people_take_is_no_target(text):
    assert triples(text) == set()


def test_serotonin_syndrome_names_a_syndrome_not_serotonin():
    assert triples("Using kratom with tramadol may increase the risk of seizures and serotonin syndrome.") == set()


def test_entries_under_related_articles_assert_nothing():
    text = "Hold each step for a week.\n\nRelated articles\n- Kratom and sleep: what we know\n- 7 signs your taper is too fast\n"
    assert claimed(text) == ["Hold each step for a week."]


def test_a_sentence_ends_before_its_superscript_footnote_mark():
    text = "It is a partial agonist (Váradi et al., 2016).¹² Its metabolite is a full agonist.¹³\n"
    assert [unit for unit, _ in units(text)] == ["It is a partial agonist (Váradi et al., 2016).¹²", "Its metabolite is a full agonist.¹³"]


def test_a_line_ending_in_a_colon_that_states_an_amount_claims():
    text = "Tapering\n\nA person starting at 12g/day might follow this schedule:\n- Week 1: 10 g\n- Week 2: 8 g\n"
    assert ("A person starting at 12g/day might follow this schedule:", True) in units(text)


@pytest.mark.parametrize(
    "row, claims",
    [
        ("| Drug | Severity | Why |", False),
        ("Loperamide       | Major    | P-gp inhibition increases CNS entry", True),
    ],
)
def test_a_table_row_with_a_clause_in_a_cell_is_no_header(row, claims):
    assert [claim for _, claim in units(row + "\n")] == [claims]


def doses(text: str) -> list[str]:
    return [r.provenance.exact for r in records_of(text, "Dose")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Compared with placebo, kratom reduced REM sleep by 14%.", []),
        ("Clonidine lowered withdrawal scores by 30% in the first week.", []),
        ("Cut your daily dose by 10% each week.", ["10%"]),
        ("Reduce by about 10 to 20% per week.", ["10 to 20%"]),
        ("Reduction rate: 10% of the original dose every two weeks.", ["10%"]),
    ],
)
def test_a_share_is_a_taper_step_only_where_the_dose_is_cut(text, expected):
    assert doses(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Taking my last dose (4g) around 9pm instead of 6, I sleep maybe 5 hrs now instead of 2.", ["4g"]),
        ("I take 9 g now instead of my usual 12.", ["9 g", "12"]),
    ],
)
def test_a_bare_number_set_against_a_time_is_no_amount(text, expected):
    assert doses(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # agonist activity is an agonist's action, not a bare interaction
        (
            "Mitragynine also shows agonist activity at alpha-2 adrenergic receptors.",
            ("mitragynine", "agonist", "alpha-2 adrenergic receptors"),
        ),
        # an action shared with another drug states that drug's action too
        (
            "Mitragynine stimulates postsynaptic α2-adrenergic receptors, an action shared with clonidine and lofexidine.",
            ("lofexidine", "activates", "alpha-2 adrenergic receptors"),
        ),
        # converted by an enzyme, with or without the product named
        (
            "Mitragynine is well absorbed, and it is converted by CYP3A4 to 7-hydroxymitragynine.",
            ("mitragynine", "interacts_with", "CYP3A4"),
        ),
    ],
)
def test_mechanism_forms_of_the_ninth_round(text, expected):
    assert expected in triples(text)


def test_a_drug_not_metabolised_by_an_enzyme_is_a_denied_interaction():
    mechanisms = records_of("VRD-214 is stable, and methadone is not metabolised by CYP2D6.", "Mechanism")
    assert [(m.agent, m.action, m.target, m.negated) for m in mechanisms] == [("methadone", "interacts_with", "CYP2D6", True)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the name inside an appositive is not the subject
        ("Mitragynine, the main kratom alkaloid, stimulates mu-opioid receptors.", {("mitragynine", "activates", "mu-opioid receptor")}),
        (
            "Mitragynine (MG), the principal alkaloid of Mitragyna speciosa (kratom), is a partial agonist at the mu-opioid receptor.",
            {("mitragynine", "partial_agonist", "mu-opioid receptor")},
        ),
        (
            "7-hydroxymitragynine, which forms from mitragynine in the liver, is a stronger agonist at the mu receptor.",
            {("7-hydroxymitragynine", "agonist", "mu-opioid receptor")},
        ),
        # "both" after a sentence that names two drugs and a generic class
        (
            "Mitragynine and 7-hydroxymitragynine are the main alkaloids. Both compounds bind to the mu-opioid receptor.",
            {("mitragynine", "binds", "mu-opioid receptor"), ("7-hydroxymitragynine", "binds", "mu-opioid receptor")},
        ),
        # a definite description and a short name
        ("Kratom's main alkaloid acts mostly on opioid receptors.", {("mitragynine", "interacts_with", "opioid receptors")}),
        ("The 7-hydroxy metabolite actually hits the mu receptor.", {("7-hydroxymitragynine", "interacts_with", "mu-opioid receptor")}),
        # "it" points back to one drug, not to a class named in the plural
        (
            "Mitragynine differs from classical opioids. In cell assays it is a G-protein-biased agonist at the μ receptor.",
            {("mitragynine", "agonist", "mu-opioid receptor")},
        ),
    ],
)
def test_who_the_agent_is(text, expected):
    assert triples(text) == expected


def test_each_cue_of_a_video_transcript_is_a_unit_under_its_time_stamp():
    text = (
        "[Auto-generated captions]\n\n0:17\nwhen I started I was at about 40 grams a day which is a lot I know\n"
        "0:24\nand my plan was to drop two grams every 3 days until I hit 20\n"
    )
    found = units(text)
    assert ("when I started I was at about 40 grams a day which is a lot I know", True) in found
    assert ("and my plan was to drop two grams every 3 days until I hit 20", True) in found
    assert not any(claim for unit, claim in found if unit in ("0:17", "0:24"))


def test_a_bare_number_in_a_caption_takes_the_unit_of_the_cues_above():
    text = "0:38\naround 8 grams is where it got hard\n0:45\nwhat helped me was splitting it so like 3 in the morning and 2 at night\n"
    assert doses(text) == ["8 grams", "3", "2"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Naloxone reverses the antinociceptive effects of mitragynine in mice.", {("naloxone", "antagonist", "mitragynine")}),
        ("7-OH is a potent agonist, and its effects can be reversed by naloxone.", {("naloxone", "antagonist", "7-hydroxymitragynine")}),
        ("Naloxone reverses kratom-related respiratory depression.", {("naloxone", "inhibits", "respiratory depression")}),
        ("In severe cases respiratory depression responds to naloxone.", {("naloxone", "inhibits", "respiratory depression")}),
        ("Antinociception produced by MG in mice is blocked by naloxone.", {("naloxone", "antagonist", "mitragynine")}),
        # an overdose undone and a receptor blocked are no reversal of a drug's action
        ("Naloxone (Narcan) reverses opioid overdose.", set()),
        ("Naloxone still reverses a kratom overdose.", set()),
        ("Naloxone blocks opioid receptors.", {("naloxone", "inhibits", "opioid receptors")}),
    ],
)
def test_a_reversal_by_an_antagonist_states_its_action_against_what_it_reverses(text, expected):
    assert triples(text) == expected


def test_a_reversal_denied_is_a_denied_record():
    text = "Mitragynine relieves pain in mice. Its stimulant-like effects are not blocked by naloxone."
    denied = [(m.agent, m.negated) for m in records_of(text, "Mechanism") if m.agent == "naloxone"]
    assert denied == [("naloxone", True)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kratom can inhibit liver enzymes.", ("kratom", "inhibits", "liver enzymes")),
        ("Mitragynine does not appear to induce CYP enzymes.", ("mitragynine", "induces", "CYP enzymes")),
        ("Kratom inhibits several drug-metabolising enzymes.", ("kratom", "inhibits", "drug-metabolising enzymes")),
        ("Mitragynine inhibits cytochrome P450 enzymes in vitro.", ("mitragynine", "inhibits", "cytochrome P450 enzymes")),
        ("Sertraline blocks the serotonin transporter.", ("sertraline", "inhibits", "serotonin transporter")),
        ("Sertraline is a selective serotonin reuptake inhibitor.", ("sertraline", "inhibits", "serotonin reuptake")),
        ("Kratom does not act on melatonin receptors.", ("kratom", "interacts_with", "melatonin receptors")),
        ("Hydroxyzine blocks H1 receptors.", ("hydroxyzine", "inhibits", "histamine H1 receptor")),
        ("Mitragynine does not recruit β-arrestin-2.", ("mitragynine", "activates", "beta-arrestin-2")),
    ],
)
def test_a_target_is_named_as_specifically_as_the_text_names_it(text, expected):
    assert expected in triples(text)


def evidence(text: str) -> list[str]:
    return [r.evidence for r in records_of(text, "Claim")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Most of the opioid-like activity of kratom has been attributed to two alkaloids.", "unspecified"),
        ("Mitraphylline is not believed to contribute to opioid effects.", "unspecified"),
        ("Several non-opioid mechanisms have also been proposed.", "unspecified"),
        ("So I keep reading that mitragynine itself is pretty weak.", "unspecified"),
        ("Some report that 4 grams of red vein eases nagging back pain.", "users_report"),
        ("Many say Red Bali helps them unwind after work.", "users_report"),
        ("Magnesium and hot showers help a bit, according to readers.", "users_report"),
        ("I went from 30g to 10g in a month and the legs were the worst part.", "personal_accounts"),
    ],
)
def test_who_backs_a_claim_in_more_words(text, expected):
    assert evidence(text) == [expected]


def polarity(text: str) -> list[str]:
    return [r.polarity for r in records_of(text, "Claim")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Also fwiw magnesium glycinate did nothing for me.", "negated"),
        ("Colour names tell you nothing reliable about how safe a product is.", "negated"),
        ("Nobody fully knows what that adds up to in a human brain.", "negated"),
        ("These days I take nothing.", "affirmed"),
        ("update: day 5 at 10.5 g and its honestly not bad.", "affirmed"),
        ("The first week was brutal, I'm not going to lie.", "affirmed"),
        ("Not for use by pregnant or nursing women.", "affirmed"),
    ],
)
def test_what_denies_a_claim_and_what_only_looks_like_a_denial(text, expected):
    assert polarity(text) == [expected]


def test_a_shops_choice_of_sizes_is_no_dose_and_no_claim():
    text = "Red Bali Kratom Powder\n\nSize\n50 g\n100 g\n250 g\n1 kg\n\nBeginners should start with 1 to 2 grams.\n"
    assert doses(text) == ["1 to 2 grams"]
    assert claimed(text) == ["Beginners should start with 1 to 2 grams."]


def test_amounts_alone_under_a_dose_heading_are_still_doses():
    assert doses("Typical doses\n\n2 g 4 g 8 g\n") == ["2 g", "4 g", "8 g"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The bigger risk is someone on 20+ grams of kratom a day starting buprenorphine too early.", [("20+ grams", ">=", "g")]),
        ("Cutting down by about a quarter of your daily amount each week works for many.", [("a quarter", None, "%")]),
        ("Never drop more than a quarter of your dose at once.", [("a quarter", "<=", "%")]),
        ("Half of users report better sleep.", []),
    ],
)
def test_an_amount_and_up_and_a_share_of_the_dose_a_taper_cuts(text, expected):
    found = [(r.provenance.exact, r.comparator, r.unit) for r in records_of(text, "Dose")]
    assert found == expected


def test_each_row_of_a_pipe_table_is_a_unit_of_its_own():
    text = "Sample plan\nWeek | Daily total | Split\n1 | 15 g | 5 g three times a day\n2 | 13.5 g | 4.5 g x3\n"
    found = units(text)
    assert ("1 | 15 g | 5 g three times a day", True) in found
    assert ("2 | 13.5 g | 4.5 g x3", True) in found


@pytest.mark.parametrize(
    "wrapped, unwrapped",
    [
        # a line ending on the first word of a sentence runs on
        (
            "Heating may degrade some of them. In\nMalaysia, a sweetened drink became popular.\n",
            "Heating may degrade some of them. In Malaysia, a sweetened drink became popular.\n",
        ),
        # a unit wrapped onto the next line is no lettered list item
        (
            "Total sleep time did not differ. Plasma mitragynine peaked at 1.1\nh. Two participants reported nausea.\n",
            "Total sleep time did not differ. Plasma mitragynine peaked at 1.1 h. Two participants reported nausea.\n",
        ),
        # prose lines that open alike are no parallel list when they are long
        (
            "In village, normal farmer chew 3 until 5 fresh leaf\nin morning, and again after lunch, and one fresh leaf is like 1 gram of dry powder for them.\n",
            "In village, normal farmer chew 3 until 5 fresh leaf in morning, and again after lunch, and one fresh leaf is like 1 gram of dry powder for them.\n",
        ),
    ],
)
def test_more_soft_line_breaks_change_no_unit(wrapped, unwrapped):
    assert [" ".join(unit.split()) for unit, _ in units(wrapped)] == [unit for unit, _ in units(unwrapped)]
