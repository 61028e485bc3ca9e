"""What real pages write, rule by rule: the forms the tenth round of rules reads.

Each row is a text in a form real pages use and what a reader finds in it; earlier rounds are in
tests/test_real_pages.py and tests/test_real_pages_fifth.py to _ninth.py.
"""

from __future__ import annotations

import re

import pytest

from conftest import claim_of, claimed, records_of, rules_claim_of, triples, units
from kratom_dataset import lexicon as lexicons

# Targets -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mitragynine binds alpha-2 adrenergic and 5-HT2A receptors.",
            {("mitragynine", "binds", "alpha-2 adrenergic receptors"), ("mitragynine", "binds", "serotonin receptors")},
        ),
        (
            "Quetiapine also blocks histamine H1 and alpha-1 adrenergic receptors.",
            {("quetiapine", "inhibits", "histamine H1 receptor"), ("quetiapine", "inhibits", "alpha-1 adrenergic receptors")},
        ),
        (
            "Mitragynine has been shown to bind adrenergic receptors and some serotonin receptors.",
            {("mitragynine", "binds", "adrenergic receptors"), ("mitragynine", "binds", "serotonin receptors")},
        ),
        ("Mitragynine binds D1 and D2 receptors.", {("mitragynine", "binds", "dopamine receptors")}),
        (
            "Alcohol acts on GABA-A and NMDA receptors.",
            {("alcohol", "interacts_with", "GABA receptors"), ("alcohol", "interacts_with", "NMDA receptors")},
        ),
        ("Mitragynine binds 5-HT1A and 5-HT2A receptors.", {("mitragynine", "binds", "serotonin receptors")}),
    ],
)
def test_each_receptor_of_a_coordination_is_one_target(text, expected):
    assert triples(text) == expected


def test_subtypes_named_alike_in_one_coordination_give_a_record_each():
    """Each keeps its subtype in ``target_text`` (tests/test_real_pages_fifteenth.py)."""
    mechanisms = records_of("Mitragynine binds 5-HT1A and 5-HT2A receptors.", "Mechanism")
    assert sorted(m.target_text for m in mechanisms) == ["5-HT1A", "5-HT2A receptors"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Clonidine calms the adrenaline surge of withdrawal.", ("clonidine", "decreases", "adrenaline")),
        ("Lofexidine calms down the adrenaline rush.", ("lofexidine", "decreases", "adrenaline")),
        ("Alcohol depresses the central nervous system.", ("alcohol", "decreases", "central nervous system")),
    ],
)
def test_hormones_and_the_nervous_system_are_targets(text, expected):
    assert expected in triples(text)


@pytest.mark.parametrize(
    "text",
    [
        "Noradrenaline levels rise during withdrawal.",  # "adrenaline" inside another word
        "The adrenaline surge of withdrawal keeps people awake.",  # no agent acts on it
    ],
)
def test_a_hormone_named_with_no_agent_acting_on_it_is_no_record(text):
    assert not any(target == "adrenaline" for _, _, target in triples(text))


# Clauses -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Alcohol enhances GABA-A receptor signalling and depresses the central nervous system.",
            ("alcohol", "decreases", "central nervous system"),
        ),
        (
            "Alcohol potentiates GABA signalling and suppresses glutamate activity.",
            ("alcohol", "inhibits", "glutamate"),
        ),
        (
            "Melatonin does not bind opioid receptors and is not a meaningful inhibitor of CYP3A4.",
            ("melatonin", "inhibits", "CYP3A4"),
        ),
    ],
)
def test_a_second_verb_phrase_shares_the_subject_past_the_first_object(text, expected):
    assert expected in triples(text)


def test_a_denied_second_verb_phrase_is_a_denied_record():
    text = "Melatonin does not bind opioid receptors and is not a meaningful inhibitor of CYP3A4."
    denied = {(m.agent, m.action, m.target) for m in records_of(text, "Mechanism") if m.negated}
    assert ("melatonin", "inhibits", "CYP3A4") in denied


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sertraline raises serotonin levels by blocking its reuptake.", ("sertraline", "inhibits", "serotonin reuptake")),
        (
            "Fluoxetine increases serotonin in the synapse by blocking its reuptake transporter.",
            ("fluoxetine", "inhibits", "serotonin transporter"),
        ),
    ],
)
def test_its_reuptake_is_the_reuptake_of_the_neurotransmitter_named_before(text, expected):
    assert expected in triples(text)


def test_its_reuptake_with_no_neurotransmitter_named_is_no_target():
    assert triples("Sertraline works by blocking its reuptake.") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Kratom binds the same receptors as morphine.",
        "Kratom's alkaloids latch onto the same receptors as morphine.",
    ],
)
def test_the_same_receptors_as_an_opioid_are_opioid_receptors_right_after_the_verb(text):
    assert ("kratom", "binds", "opioid receptors") in triples(text)


# Doses ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "high"),
    [
        ("I was thinking 10% cuts, once a week.", 10.0),
        ("Honestly the 10% rule is the way.", 10.0),
        ("Lighter users can usually manage 20% cuts.", 20.0),
        ("I'd say never more than 25% in one cut.", 25.0),
    ],
)
def test_a_share_named_as_a_cut_or_a_rule_of_a_taper_is_a_taper_step(text, high):
    (dose,) = records_of(text, "Dose")
    assert (dose.unit, dose.amount_high, dose.role, dose.purpose) == ("%", high, "taper_step", "withdrawal")


@pytest.mark.parametrize(
    "text",
    ["About 40% of users report better sleep.", "Kratom contains 1.5% mitragynine.", "Only 10% of the cuts failed."],
)
def test_a_share_that_cuts_no_dose_is_no_dose(text):
    assert records_of(text, "Dose") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Studies report the affinity of MG for alpha-2 adrenergic receptors and dopamine D2 receptors.",
            {("mitragynine", "binds", "alpha-2 adrenergic receptors"), ("mitragynine", "binds", "dopamine receptors")},
        ),
        ("Affinity of mitragynine for 5-HT2A receptors is modest.", {("mitragynine", "binds", "serotonin receptors")}),
        ("The affinity of the drug is high.", set()),
    ],
)
def test_the_affinity_of_an_agent_for_a_target_is_binding(text, expected):
    assert triples(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Speciogynine and paynantheine, two minor indole alkaloids, behave as 5-HT1A agonists.",
        "Kratom holds many alkaloids. Speciogynine and paynantheine, both of these compounds, behave as 5-HT1A agonists.",
    ],
)
def test_the_agents_before_an_appositive_are_the_subject_not_the_noun_inside_it(text):
    mechanisms = records_of(text, "Mechanism")
    assert {m.agent for m in mechanisms} == {"speciogynine", "paynantheine"}
    assert all(m.provenance.exact.startswith("Speciogynine") for m in mechanisms)


def test_slow_wave_sleep_glossed_in_brackets_is_deep_sleep():
    assert ("opioids", "inhibits", "deep sleep") in triples("Opioids reduce REM sleep and suppress slow-wave (deep) sleep.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In lab studies mitragynine inhibits liver enzymes (CYP2D6, CYP3A4).",
            {("mitragynine", "inhibits", "CYP2D6"), ("mitragynine", "inhibits", "CYP3A4")},
        ),
        (
            "Melatonin works through its own receptors (MT1 and MT2).",
            {("melatonin", "interacts_with", "MT1 melatonin receptor"), ("melatonin", "interacts_with", "MT2 melatonin receptor")},
        ),
        ("Mitragynine inhibits CYP2D6 (IC50 0.45 µM).", {("mitragynine", "inhibits", "CYP2D6")}),
    ],
)
def test_targets_listed_in_a_bracket_stand_for_the_general_words_before_it(text, expected):
    assert triples(text) == expected


# Page furniture ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "▲ 212 ▼   💬 47 comments   Share   Save",
        "Page last updated: August 14, 2023",
        "Fact sheet DHS-FS-0419 | Last reviewed: 08/2023",
        "This episode is brought to you by StillWater Sleep Co.",
        "Email askdrlena@mountainpress.com.",
        "Letters may be edited for length.",
        "Summary written by Digest staff from the published abstract.",
        'Original: Haddad R, Lindqvist E, et al. "Melatonin 2 mg vs placebo for insomnia."',
        "Get the weekly Digest in your inbox.",
        "— Sam & the Taper Table team",
        "| | Kratom | Suboxone (buprenorphine/naloxone) |",
        "This page was last edited on 3 March 2024.",
        "Text is available under a Creative Commons licence.",
        "Actual results may differ materially.",
        "driftwood (Senior Member)",
        "Safer Use Collective is a 501(c)(3) nonprofit. © 2024.",
        "will report back",
        "Kratom: Safer Use Basics",
        "Step 1: Know Your Baseline",
        "Size: 50 g | 100 g | 250 g | 1 kg",
        "Last update posted: 03/22/2024",
        "All times are GMT -5.",
        "Contact your state legislator today.",
        "[Send a letter]  [Find my rep]",
        "Kratom Freedom Coalition is a 501(c)(4) nonprofit.",
        "Join 40,000 supporters: email address [Sign up]",
        "Book a free 10-minute medicines review in branch.",
        "Accessibility · Privacy Policy",
        "Veridian is headquartered in Cambridge, Massachusetts.",
        "Information in this checker is not exhaustive.",
        "Two things worth trying.",
        "MAJOR   Applies to: kratom, tramadol",
        "Information last updated 3 January 2025.",
        "This is not a complete list of interactions.",
        "Yes / No",
        "CT | Updated 9:40 a.m.",
        "Bookmarking this.",
        "quietmorning_k — @kmoss you've got this.",
        "I'm not a doctor; this is just what happened to me.",
        "Join our mailing list for exclusive deals.",
        "Load more comments",
        "Last edited by mod_sam; 03-11-2024 at 09:14 PM.",
        "This site is protected by reCAPTCHA and the Google Privacy Policy and Terms of Service apply.",
        "By continuing to browse, you agree to our use of cookies.",
        "We value your privacy.",
        "Please enable JavaScript to view the comments.",
        "Get 10% off your first order",
        "You must be logged in to post a comment.",
        "OP here.",
        "Stay strong.",
        "Ask a question",
        "Write your review",
        "Out of stock",
        "Conflicts of interest: none declared.",
        "Competing interests: The authors declare no competing interests.",
        "Data availability: Data are available on request.",
        "Ethics approval was obtained from the university board.",
        "This is an open access article under the CC BY license.",
        "Corresponding author: Jane Doe, jane@uni.edu",
        "Author contributions: JD designed the study.",
        "Acknowledgments: We thank the participants.",
    ],
)
def test_page_chrome_is_no_claim(line):
    text = f"Kratom and Sleep\n\nKratom is a tree.\n\n{line}\n"
    assert claimed(text) == ["Kratom is a tree."]


def test_a_row_of_a_table_with_a_label_in_its_first_cell_is_a_claim():
    text = "Kratom and Sleep\n\nKratom is a tree.\n\n| | Kratom | Suboxone |\n| Typical dose | 2-6 g | 8-16 mg |\n\nBoth bind MOR.\n"
    assert claimed(text) == ["Kratom is a tree.", "| Typical dose | 2-6 g | 8-16 mg |", "Both bind MOR."]


def test_the_entries_under_more_from_a_section_assert_nothing():
    text = "Kratom and Sleep\n\nKratom is a tree.\n\nMORE FROM HEALTH\nWhy you wake up at 3 a.m.\nMagnesium is worth it\n"
    assert claimed(text) == ["Kratom is a tree."]


def test_talk_about_what_the_page_will_tell_is_no_claim():
    text = "Kratom at Night\n\nBut if you're using it at night, a few things are worth knowing first.\n\nKratom is a tree.\n"
    assert claimed(text) == ["Kratom is a tree."]


@pytest.mark.parametrize(
    "line",
    ["Strain: Green Malay", "First Known Use: 1921", "Poison Help line: 1-800-222-1222", "Onset: about 15 minutes"],
)
def test_a_label_and_its_value_is_a_claim_unless_the_value_is_a_title(line):
    text = f"Kratom Facts\n\nKratom is a tree.\n\n{line}\n\nIt grows in Thailand.\n"
    assert line in claimed(text)


def test_entries_under_a_bare_related_heading_assert_nothing():
    text = "Kratom and Sleep\n\nKratom is a tree.\n\nRelated\nNaloxone: how to use it · Fentanyl test strips\n"
    assert claimed(text) == ["Kratom is a tree."]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I did 10% a week. does that sound ok??\n", [("I did 10% a week.", True), ("does that sound ok??", False)]),
        ("It worked. i took 4g later.\n", [("It worked.", True), ("i took 4g later.", True)]),
        ("Take approx. two grams.\n", [("Take approx. two grams.", True)]),
        ("Use e.g. the red strain.\n", [("Use e.g. the red strain.", True)]),
    ],
)
def test_a_casual_word_in_lower_case_after_a_stop_opens_a_sentence(text, expected):
    assert units(text) == expected


@pytest.mark.parametrize(
    ("text", "amount"),
    [("Step size: about 0.5 g every 3–4 days.", 0.5), ("Capsule size: 650 mg leaf powder per capsule", 650.0)],
)
def test_the_size_of_a_step_or_a_capsule_is_a_dose(text, amount):
    (dose,) = records_of(text, "Dose")
    assert dose.amount_low == amount


@pytest.mark.parametrize("text", ["Size: 250 g", "Sizes: 250 g, 500 g, 1 kg"])
def test_the_sizes_a_product_is_sold_in_are_no_dose(text):
    assert records_of(text, "Dose") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mitragynine causes strong CYP2D6 inhibition.", ("mitragynine", "inhibits", "CYP2D6")),
        ("Melatonin works mostly on the timing of sleep.", ("melatonin", "interacts_with", "sleep-wake cycle")),
        ("Melatonin shifts circadian phase.", ("melatonin", "modulates", "sleep-wake cycle")),
        ("Clonidine may quiet the adrenergic surge.", ("clonidine", "decreases", "norepinephrine")),
        ("Gabapentin calms overactive nerves.", ("gabapentin", "decreases", "neuronal activity")),
    ],
)
def test_targets_and_actions_in_everyday_words(text, expected):
    assert expected in triples(text)


def test_a_denied_inhibition_named_after_its_target_is_a_denied_record():
    (mechanism,) = records_of("Paynantheine showed no CYP inhibition.", "Mechanism")
    assert (mechanism.agent, mechanism.action, mechanism.target, mechanism.negated) == ("paynantheine", "inhibits", "CYP enzymes", True)


def test_inhibition_with_no_target_named_is_no_record():
    assert triples("Mitragynine was tested. Inhibition was weak.") == set()


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("Some people go faster, dropping by a quarter every 4-5 days.", 25.0),
        ("Take your daily total and reduce it by a tenth.", 10.0),
        ("Cut a quarter of your dose each week.", 25.0),
    ],
)
def test_a_share_a_taper_cuts_is_one_step_in_percent(text, share):
    (dose,) = records_of(text, "Dose")
    assert (dose.amount_low, dose.unit, dose.role) == (share, "%", "taper_step")


@pytest.mark.parametrize("text", ["A quarter of users reported nausea.", "Drop about a gram and a half each week."])
def test_a_share_of_people_or_the_half_of_an_amount_is_no_share_of_the_dose(text):
    assert all(dose.unit != "%" for dose in records_of(text, "Dose"))


# Evidence ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("Dr. Pimchanok Rattanakul from Prince of Songkla University explain that fresh leaf is mild.", "experts"),
        ("The Ministry of Public Health now recommend that adults use no more than 15 g a day.", "experts"),
        ("Early results are promising, said the ministry.", "experts"),
        ("A lot of you wrote in about afternoon crashes.", "users_report"),
    ],
)
def test_who_a_claim_is_attributed_to(text, evidence):
    (claim,) = records_of(text, "Claim")
    assert claim.evidence == evidence


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Melatonin nudges the body clock via the MT1 and MT2 receptors.",
            ("melatonin", "interacts_with", "MT2 melatonin receptor"),
        ),
        ("Kratom relieves pain through opioid receptors.", ("kratom", "interacts_with", "opioid receptors")),
    ],
)
def test_the_receptors_an_agent_acts_through_are_a_target(text, expected):
    assert expected in triples(text)


def test_either_enzyme_points_to_both_enzymes_named_before():
    text = "Mitragynine inhibits CYP2D6 and CYP3A4. 7-hydroxymitragynine did not inhibit either enzyme."
    denied = {(m.agent, m.target) for m in records_of(text, "Mechanism") if m.negated}
    assert denied == {("7-hydroxymitragynine", "CYP2D6"), ("7-hydroxymitragynine", "CYP3A4")}


COMPARISON_TABLE = (
    "At a glance\n"
    "| | Kratom | Suboxone (buprenorphine/naloxone) |\n"
    "| FDA approved | No | Yes, for opioid use disorder |\n"
    "| Main action | Partial agonist at mu | Partial agonist at mu, antagonist at kappa |\n"
)


def test_a_cell_of_a_comparison_table_has_its_column_header_as_agent():
    assert triples(COMPARISON_TABLE) == {
        ("kratom", "partial_agonist", "mu-opioid receptor"),
        ("buprenorphine", "partial_agonist", "mu-opioid receptor"),
        ("buprenorphine", "antagonist", "kappa-opioid receptor"),
    }


def test_a_comment_opened_by_its_writers_handle_is_a_line_of_its_own():
    text = (
        "Taper guide\n\nCut slowly.\n\nComments (2)\n"
        "jwalker88: i did 15g down to 0 in 7 weeks using this, week 4 step was brutal lol\n"
        "tess_r: Any tips for the 1 g stage?\n"
    )
    assert units(text)[2:] == [
        ("Comments (2)", False),
        ("jwalker88: i did 15g down to 0 in 7 weeks using this, week 4 step was brutal lol", True),
        ("tess_r: Any tips for the 1 g stage?", False),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Opioids are known to cut REM.", ("opioids", "decreases", "REM sleep")),
        ("Clonidine and kratom both reduce sympathetic outflow.", ("kratom", "decreases", "sympathetic outflow")),
        ("Kratom may drop your heart rate.", ("kratom", "decreases", "heart rate")),
        ("Mitragynine adds its own opioid effect at mu receptors.", ("mitragynine", "interacts_with", "mu-opioid receptor")),
    ],
)
def test_more_processes_and_actions_in_plain_words(text, expected):
    assert expected in triples(text)


def test_a_numbered_reply_and_its_handle_is_a_byline_not_the_start_of_a_sentence():
    text = "Thread\n\nMelatonin helps.\n\nReply #4 — Quokka_Dad\nglad it worked. a lot of ppl here say melatonin is useless.\n"
    assert claimed(text) == ["Melatonin helps.", "a lot of ppl here say melatonin is useless."]


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("HB-217 is a G-protein-biased partial agonist at the mu-opioid receptor.", "hb-217"),
        ("In mice, SR-17018 activates the mu-opioid receptor.", "sr-17018"),
    ],
)
def test_a_development_code_names_a_drug(text, agent):
    assert {m.agent for m in records_of(text, "Mechanism")} == {agent}


@pytest.mark.parametrize(
    "text",
    [
        "COVID-19 affects the ACE2 receptor.",
        "Trial KTR-2021-0457 enrolled adults who take kratom; kratom binds MOR.",
        "IL-6 levels rose when kratom blocked CYP2D6.",
    ],
)
def test_codes_of_diseases_trials_and_cytokines_name_no_drug(text):
    assert not any(m.agent in ("covid-19", "ktr-2021", "il-6") for m in records_of(text, "Mechanism"))


def test_a_second_verb_phrase_shares_the_subject_past_a_subunit():
    text = "Gabapentin binds a calcium channel subunit and calms down the overexcited nerves."
    assert ("gabapentin", "decreases", "neuronal activity") in triples(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kratom may slow the liver enzymes that clear other drugs, especially CYP3A4 and CYP2D6.",
            {("kratom", "inhibits", "CYP3A4"), ("kratom", "inhibits", "CYP2D6")},
        ),
        (
            "Mitragynine inhibits several cytochrome P450 enzymes in vitro, most strongly CYP2D6.",
            {("mitragynine", "inhibits", "CYP2D6")},
        ),
        ("Mitragynine binds opioid receptors, especially in the brain.", {("mitragynine", "binds", "opioid receptors")}),
    ],
)
def test_members_a_clause_singles_out_of_a_class_are_the_targets(text, expected):
    assert triples(text) == expected


# Polarity ------------------------------------------------------------------------------------


def polarity(text: str) -> str:
    return claim_of(text).polarity


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Doesnt do much for sleep on its own though.", "negated"),
        ("Kratom isnt an opioid.", "negated"),
        ("Some nights nothing helped tbh.", "negated"),
        ("Nobody has shown that paynantheine does much at opioid receptors.", "negated"),
        ("Neither MG nor 7-OH inhibited CYP2C9 below 10 µM.", "negated"),
        ("It is not without side effects.", "affirmed"),
        ("first 4 nights i basically didnt sleep at all.", "affirmed"),
        ("Myth: Kratom is an opioid.", "negated"),
        ("Myth: There's no safe dose.", "affirmed"),
        ("MYTH #2 – Kratom kills.", "negated"),
    ],
)
def test_what_a_unit_denies(text, expected):
    assert polarity(text) == expected


def test_myths_in_a_sentence_deny_nothing():
    """The rules' reading: the unit reader retrained on 2,448 passages takes this line for talk
    about the page and drops it, so the row holds the polarity the rules give it."""
    assert rules_claim_of("Myths about kratom abound online.").polarity == "affirmed"


def test_a_myth_label_is_the_negation_cue_of_the_denied_claim():
    claim = claim_of("Myth: Kratom is an opioid.")
    assert [cue.text for cue in claim.negation_cues] == ["Myth"]


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("Fact: In a 2019 analysis of 152 deaths, the CDC found kratom was the only substance detected in seven.", "studies"),
        ("Opioid drugs reduce REM sleep, a finding repeated across polysomnography studies.", "studies"),
        ("Tom Ellery, a spokesperson for the council, said the council never supported these products.", "experts"),
        ("took 3mg melatonin at bedtime, slept way better within a week.", "personal_accounts"),
        ("The Department is warning consumers about tablets sold as kratom.", "none"),
    ],
)
def test_who_a_claim_is_attributed_to_in_reports_and_posts(text, evidence):
    assert claim_of(text).evidence == evidence


# Lexicons ------------------------------------------------------------------------------------


def _string_patterns(node, path=""):
    """Every string of a lexicon that is compiled as a pattern of words."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _string_patterns(value, f"{path}.{key}")
    elif isinstance(node, list):
        for n, value in enumerate(node):
            yield from _string_patterns(value, f"{path}[{n}]")
    elif (
        isinstance(node, str)
        and not path.endswith(".needs")
        and any(part in path for part in ("pattern", "furniture", "rhetoric", "negation", "speculation"))
    ):
        yield path, node


@pytest.mark.parametrize("name", ["claims", "doses", "mechanisms"])
def test_no_alternative_of_a_lexicon_pattern_opens_on_a_stop_it_could_never_match(name):
    """A pattern is matched from a word boundary, so an alternative that opens with ", " or "; "
    after a word can never match: it must look behind for the stop instead ("(?<=,)\\s*so")."""
    parse, branch, literal = re._parser.parse, re._constants.BRANCH, re._constants.LITERAL  # type: ignore[attr-defined]
    dead = []
    for path, source in _string_patterns(lexicons.read(name)):
        items = list(parse(source, 0).data)
        alternatives = items[0][1][1] if len(items) == 1 and items[0][0] is branch else [items]
        for alternative in alternatives:
            first = list(alternative)[:1]
            if first and first[0][0] is literal and chr(first[0][1]) in ",;:.!?":
                dead.append(path)
    assert dead == []


def test_a_long_title_stating_an_amount_over_a_lower_case_byline_is_the_pages_title():
    text = "How I Got Off 40 Grams a Day: My Kratom Taper, Week by Week\nposted by dana_k\n\nI tapered slowly over months.\n"
    assert units(text) == [
        ("How I Got Off 40 Grams a Day: My Kratom Taper, Week by Week", False),
        ("posted by dana_k", False),
        ("I tapered slowly over months.", True),
    ]
    assert records_of(text, "Dose") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Thread\n\nIs 6g at night too much to sleep?? tapering from 18 and struggling.\n",
            [("Thread", False), ("Is 6g at night too much to sleep??", False), ("tapering from 18 and struggling.", True)],
        ),
        (
            'Notes\n\nIt answers questions like "does kratom cause insomnia?" and more.\n',
            [("Notes", False), ('It answers questions like "does kratom cause insomnia?" and more.', True)],
        ),
        (
            "Thread\n\nRe: finally under 5g a day!! (long post sorry)\n\nI cut slowly.\n",
            [("Thread", False), ("Re: finally under 5g a day!!", False), ("(long post sorry)", False), ("I cut slowly.", True)],
        ),
    ],
)
def test_a_question_or_exclamation_mark_ends_a_sentence_before_lower_case(text, expected):
    assert units(text) == expected


def test_a_line_ending_on_a_preposition_runs_on_into_a_line_that_opens_with_a_time():
    text = "Notes\n\nIf you are reading this at\n3am in week 6: it gets\nbetter.\n"
    assert units(text) == [("Notes", False), ("If you are reading this at 3am in week 6: it gets better.", True)]


def test_a_capitalised_label_after_a_preposition_still_opens_a_line():
    text = "Notes\n\nMy taper went like this for\nWeek 1: 10 g\nWeek 2: 9 g\n"
    assert [unit for unit, _ in units(text)][1:] == ["My taper went like this for", "Week 1: 10 g", "Week 2: 9 g"]


def test_a_quote_attributed_with_a_dash_ends_its_line_before_the_next_quote():
    text = (
        "Reviews\n\n"
        "We sell capsules, and most of our customers are happy with them all year round.\n"
        '"Steady energy, no crash." — Verified buyer, Ohio\n'
        '"Did nothing for me at first, had to go up to 10 caps." — Verified buyer, Texas\n'
    )
    lines = [unit for unit, _ in units(text)]
    assert '"Steady energy, no crash." — Verified buyer, Ohio' in lines
