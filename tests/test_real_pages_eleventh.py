"""What real pages write, rule by rule: the forms the eleventh round of rules reads.

Each row is a text in a form real pages use and what a reader finds in it; earlier rounds are in
tests/test_real_pages.py and tests/test_real_pages_fifth.py to _tenth.py.
"""

from __future__ import annotations

import pytest

from conftest import claim_of, records_of, rules_claim_of, triples, units

# Polarity ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("None of the four alkaloids activated delta-opioid receptors.", "negated"),
        ("Bottom line: none of these teas cures insomnia.", "negated"),
        ("Morning cortisol was unchanged.", "negated"),
        ("Speciogynine lacks measurable activity at kappa receptors.", "negated"),
        ("Speciogynine lacks the methoxy group of its parent.", "affirmed"),
        ("Week 6 is 2 g a day, then none.", "affirmed"),
    ],
)
def test_what_a_unit_denies(text, expected):
    assert claim_of(text).polarity == expected


# Evidence ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "evidence", "cue"),
    [
        # a reference to a paper names the study behind what "is thought" or what users report
        (
            "Part of the analgesia is thought to come from 7-hydroxymitragynine (Ortega et al., 2021).",
            "studies",
            "(Ortega et al., 2021)",
        ),
        ("Sleep onset shortened in most users (Vance and Hill, 2018).", "studies", "(Vance and Hill, 2018)"),
        ("MG = weak MOR partial agonist (per Lindqvist et al. 2017).", "studies", "Lindqvist et al."),
        # ... but not what researchers or experts are named for
        ("Research suggests slower tapers work better (Moreau et al., 2020).", "research", "Research suggests"),
        ("Independent testing found lead in two of the nine products.", "studies", "Independent testing found"),
        ('"We see this every week," said Priya Natarajan, PharmD.', "experts", "said Priya Natarajan, PharmD"),
        ('"Call us first," says medical director Alan Brooks.', "experts", "says medical director"),
        ("Honestly the clonidine saved me that week.", "personal_accounts", "saved me"),
        ("Three grams after dinner and I'm out by ten.", "personal_accounts", "I'm out"),
        ("I dropped half a gram a week and barely noticed.", "personal_accounts", "barely noticed"),
        ("Above 8 g at once I'd get nausea.", "personal_accounts", "I'd get"),
        ("I was stuck around 8 g for a month.", "personal_accounts", "I was stuck"),
        ("I'm out of capsules until Friday.", "none", None),
    ],
)
def test_who_a_claim_is_attributed_to(text, evidence, cue):
    claim = claim_of(text)
    assert (claim.evidence, claim.evidence_cue.text if claim.evidence_cue else None) == (evidence, cue)


# Targets -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lemborexant blocks orexin-2 receptors.", {("lemborexant", "inhibits", "orexin-2 receptors")}),
        ("Gabapentin does not act on glycine receptors.", {("gabapentin", "interacts_with", "glycine receptors")}),
    ],
)
def test_a_receptor_no_lexicon_lists_is_named_as_written(text, expected):
    assert triples(text) == expected


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Kratom binds receptors in the brain.", "binds receptors"),
        ("Mitragynine reduced receptor signaling in the cells.", "reduced receptor"),
        ("Naloxone blocks each receptor in turn.", "each receptor"),
    ],
)
def test_a_verb_or_a_determiner_before_receptors_names_no_receptor(text, words):
    assert words not in {target for *_, target in triples(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "At the human mu-opioid receptor, MG and 7-OH behaved as partial agonists.",
            {("mitragynine", "partial_agonist", "mu-opioid receptor"), ("7-hydroxymitragynine", "partial_agonist", "mu-opioid receptor")},
        ),
        (
            "Mitragynine binds 5-HT2A and 5-HT7 serotonin receptors, and dopamine D2 receptors.",
            {("mitragynine", "binds", "serotonin receptors"), ("mitragynine", "binds", "dopamine receptors")},
        ),
        ("Speciociliatine blocks D1 and D2 dopamine receptors.", {("speciociliatine", "inhibits", "dopamine receptors")}),
        (
            "Clonidine and lofexidine help. These older blood-pressure medicines stimulate alpha-2 receptors.",
            {("clonidine", "activates", "alpha-2 adrenergic receptors"), ("lofexidine", "activates", "alpha-2 adrenergic receptors")},
        ),
        ("Melatonin can help reset a sleep schedule.", {("melatonin", "modulates", "sleep-wake cycle")}),
        ("Mitragynine is converted in the liver by CYP3A4.", {("mitragynine", "interacts_with", "CYP3A4")}),
        (
            "7-OH is far more potent than mitragynine at the mu receptor.",
            {("7-hydroxymitragynine", "interacts_with", "mu-opioid receptor")},
        ),
        (
            "Kratom alkaloids nudge serotonin and the body's own endorphins.",
            {("kratom", "modulates", "serotonin"), ("kratom", "modulates", "endorphins")},
        ),
        # non-native English
        ("Mitragynine is connecting with opioid receptor.", {("mitragynine", "binds", "opioid receptors")}),
        ("Mitragynine make more dopamine.", {("mitragynine", "increases", "dopamine")}),
    ],
)
def test_mechanisms_in_the_forms_of_the_seventeenth_batch(text, expected):
    assert triples(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a comparison sets a drug beside the subject; "they" is the subject
        (
            "Mitragynine and 7-OH bind the mu-opioid receptor. Unlike morphine, they activate G-protein signalling.",
            {("mitragynine", "activates", "G protein signaling"), ("7-hydroxymitragynine", "activates", "G protein signaling")},
        ),
        # "these enzymes" are the enzymes named before, not the transporter named last
        (
            "Mitragynine inhibits CYP2D6 and CYP3A4. It also blocks P-glycoprotein. Inhibition of these enzymes by kratom matters.",
            {("kratom", "inhibits", "CYP2D6"), ("kratom", "inhibits", "CYP3A4")},
        ),
        # "Both compounds" under a heading: the pair named just above it
        (
            (
                "How Kratom Works\n\nMitragynine is the main alkaloid, and 7-hydroxymitragynine is the more potent one.\n\n"
                "Opioid receptors\nBoth compounds bind the mu-opioid receptor."
            ),
            {("mitragynine", "binds", "mu-opioid receptor"), ("7-hydroxymitragynine", "binds", "mu-opioid receptor")},
        ),
        (
            "Mitragynine binds the mu-opioid receptor, the same target as morphine.",
            {("mitragynine", "binds", "mu-opioid receptor"), ("morphine", "binds", "mu-opioid receptor")},
        ),
    ],
)
def test_what_a_reference_or_a_comparison_names(text, expected):
    found = triples(text)
    assert expected <= found and not {t for t in found if t[0] in {"morphine", "kratom"} - {a for a, *_ in expected}}


# Page furniture ------------------------------------------------------------------------------

THREAD = """Tapering & Quitting
Thread: Stuck at 12 g

driftwood_77 · Posted 9 Jan 2025
Cut from 20 g to 12 g over a month and now I can't sleep.

nightowl · 10 Jan 2025
Quote from driftwood_77: "now I can't sleep"
Magnesium before bed took the edge off for me.

Related Coverage
Kratom shots are back on shelves
Sleep clinics see more tapering patients

Cookie settings
Text or call our line: 555-0147 (9 a.m.-9 p.m.)
Contact: trial desk, sleepstudy@example.org
Cite this: Moreau P, Lind K. J Sleep Addict. 2024;3:41-49."""


@pytest.mark.parametrize(
    "line",
    [
        "driftwood_77 · Posted 9 Jan 2025",
        "nightowl · 10 Jan 2025",
        'Quote from driftwood_77: "now I can\'t sleep"',
        "Kratom shots are back on shelves",
        "Sleep clinics see more tapering patients",
        "Cookie settings",
        "Text or call our line: 555-0147 (9 a.m.-9 p.m.)",
        "Contact: trial desk, sleepstudy@example.org",
    ],
)
def test_bylines_quotes_related_coverage_and_contact_lines_are_no_claims(line):
    found = dict(units(THREAD))
    assert found.get(line) is False, (line, found)


def test_the_posts_under_the_bylines_are_claims():
    found = dict(units(THREAD))
    assert found["Cut from 20 g to 12 g over a month and now I can't sleep."]
    assert found["Magnesium before bed took the edge off for me."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MG was converted to 7-OH mainly by CYP3A4.", {("mitragynine", "interacts_with", "CYP3A4")}),
        ("Kratom may increase digoxin levels.", {("kratom", "increases", "digoxin")}),
        ("Clarithromycin can push mitragynine levels up.", {("clarithromycin", "increases", "mitragynine")}),
        (
            "MG bound the mu-opioid receptor with moderate affinity (Ki = 198 nM) and acted as a partial agonist.",
            {("mitragynine", "binds", "mu-opioid receptor"), ("mitragynine", "partial_agonist", "mu-opioid receptor")},
        ),
    ],
)
def test_mechanisms_in_the_forms_of_the_eighteenth_batch(text, expected):
    assert triples(text) == expected


# Certainty and evidence ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "certainty"),
    [
        ("Higher doses are more likely to cause nausea.", "certain"),
        ("Heavy users were twice as likely to report poor sleep.", "certain"),
        ("Most clinicians suggest reducing by 10% each week.", "certain"),
        ("We suggest starting with 1 to 2 grams.", "certain"),
        ("Studies suggest a link between dose and dependence.", "uncertain"),
        ("Surveys suggest use is rising among veterans.", "uncertain"),
        ("The enzyme was likely inhibited in the gut.", "uncertain"),
        ("From what I understand it does not touch the opioid receptors.", "uncertain"),
        ("Kratom does not block those receptors, as far as anyone knows.", "uncertain"),
        ("Whether this matters in people remains unclear.", "uncertain"),
        ("The committee is expected to vote next month.", "uncertain"),
        ("The bias data are now disputed.", "uncertain"),
    ],
)
def test_what_hedges_a_claim(text, certainty):
    assert claim_of(text).certainty == certainty


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("Taken together, these data indicate that the minor alkaloids matter.", "studies"),
        ("These findings suggest a real risk of interactions.", "studies"),
        ("Research suggests slower tapers work better.", "research"),
        # "she" is whoever the page introduced before: here the writer's doctor
        ("My doctor put me on clonidine, and she also said gabapentin can help the legs.", "experts"),
        ("Dr. Patel sees many kratom users, and he recommends that daily users tell their physician.", "experts"),
        ("The investigators conclude that single doses up to 6 g are tolerated.", "experts"),
        ("Doctors at two hospitals report withdrawal in heavy chewers.", "experts"),
        ("Larger amounts are more often described as sedating.", "unspecified"),
        ("Our Red Thai is rich in paynantheine, an alkaloid believed to relax muscles.", "unspecified"),
    ],
)
def test_who_backs_a_finding_or_a_recommendation(text, evidence):
    assert claim_of(text).evidence == evidence


@pytest.mark.parametrize(
    ("text", "claim_type"),
    [
        # a mechanism given as the cause leaves the type to the main clause
        ("Tramadol: raised seizure risk, since both act on mu receptors.", "adverse_effect"),
        ("Because the parent compound also inhibits CYP2D6, interactions with codeine are expected.", "adverse_effect"),
        ("Mitragynine acts on mu receptors.", "mechanism"),
        # withdrawal as what the substance causes, not what it treats
        ("At that level, quitting kratom itself causes withdrawal.", "adverse_effect"),
        ("Most people feel the worst of the withdrawal on day three.", "adverse_effect"),
        ("Cravings peak around day 3 after each cut.", "adverse_effect"),
        ("Kratom eases withdrawal for many people.", "efficacy"),
    ],
)
def test_the_main_point_of_a_claim_gives_its_type(text, claim_type):
    assert claim_of(text).claim_type == claim_type


PAGE = """Skip to main content
Resources / Substances / Kratom

Reducing kratom use: a planned taper
Clinical Pharmacy Team, Harbourside Clinic
Reviewed 14 February 2024

Regular daily use can lead to physical dependence.
Hi all, long time reader, first post.
Showing 1–6 of 14 products   Sort by: popularity
Payment: iDEAL · Visa · PayPal
Size: 100 g  250 g  500 g  1 kg
Cite   ·   Download PDF   ·   Share   ·   Metrics: 2,341 views
Powered by phpBB® Forum Software © phpBB Limited
First Known Use: 1921"""


@pytest.mark.parametrize(
    ("line", "is_claim"),
    [
        ("Reducing kratom use: a planned taper", False),  # a title over the byline, in sentence case
        ("Regular daily use can lead to physical dependence.", True),
        ("Hi all, long time reader, first post.", False),
        ("Showing 1–6 of 14 products   Sort by: popularity", False),
        ("Payment: iDEAL · Visa · PayPal", False),
        ("Size: 100 g  250 g  500 g  1 kg", False),
        ("Cite   ·   Download PDF   ·   Share   ·   Metrics: 2,341 views", False),
        ("Powered by phpBB® Forum Software © phpBB Limited", False),
        ("First Known Use: 1921", True),  # no byline below it, and below the body
    ],
)
def test_a_title_over_its_byline_and_shop_and_forum_chrome_are_no_claims(line, is_claim):
    assert dict(units(PAGE))[line] is is_claim


def test_a_share_a_study_compares_is_a_finding_not_a_taper_step():
    doses = records_of("Mitragynine reduced withdrawal jumping by 58% compared with vehicle.", "Dose")
    assert [d.unit for d in doses] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mitragynine inhibited CYP2D6 potently (IC50 0.45 µM) and CYP3A4 in a time-dependent manner.",
            {("mitragynine", "inhibits", "CYP2D6"), ("mitragynine", "inhibits", "CYP3A4")},
        ),
        (
            "Mitragynine and its metabolite 7-hydroxymitragynine act at the mu-opioid receptor.",
            {("mitragynine", "interacts_with", "mu-opioid receptor"), ("7-hydroxymitragynine", "interacts_with", "mu-opioid receptor")},
        ),
        # the names of assays state no action
        ("We profiled MG and paynantheine in radioligand binding and β-arrestin-2 recruitment assays.", set()),
        ("Mitragynine bound MOR in binding assays.", {("mitragynine", "binds", "mu-opioid receptor")}),
    ],
)
def test_mechanisms_in_the_forms_of_the_nineteenth_batch(text, expected):
    assert triples(text) == expected


def test_the_rules_read_unaffected_as_a_denial():
    # dev's readers split on "unaffected" and "unchanged" (8 negated, 5 affirmed), so the trained
    # reader may take either side; the rules' reading is the denial the word states
    assert rules_claim_of("Trough levels of methadone remained unaffected.").polarity == "negated"
