"""What real pages write, rule by rule: the forms the twenty-seventh round of rules reads.

Each row is a text in a form real pages use and what a reader finds in it; earlier rounds are in
tests/test_real_pages.py and tests/test_real_pages_fifth.py to _twentysixth.py.
"""

from __future__ import annotations

import pytest

from conftest import claim_of, claimed, records_of, triples

# Mechanisms -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            (
                "In a mouse study mitragynine blunted the head-twitch response. The authors took this as evidence that "
                "5-HT2A receptors are blocked by the alkaloid."
            ),
            {("mitragynine", "inhibits", "serotonin receptors")},
        ),
        (
            "Mitragynine was tested in cells. 5-HT2A receptors are blocked by the compound.",
            {("mitragynine", "inhibits", "serotonin receptors")},
        ),
    ],
)
def test_a_passives_agent_after_by_may_be_a_reference_with_its_article(text, expected):
    assert triples(text) == expected


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("Doctors sometimes prescribe buprenorphine for kratom withdrawal. It sits on the same opioid receptors.", "buprenorphine"),
        ("Some clinics offer methadone to kratom users. It binds opioid receptors.", "methadone"),
        ("Kratom withdrawal is rarely dangerous. It binds opioid receptors.", "kratom"),
    ],
)
def test_it_points_past_a_name_that_only_modifies_the_noun_after_it(text, agent):
    assert {a for a, _, _ in triples(text)} == {agent}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A single dose of kratom tea increased exposure to oral midazolam.",
            {("kratom", "increases", "midazolam")},
        ),
        (
            "7-OH binds mu receptors much more strongly than mitragynine and is several times more potent than morphine.",
            {("7-hydroxymitragynine", "binds", "mu-opioid receptor"), ("mitragynine", "binds", "mu-opioid receptor")},
        ),
        (
            "7-OH binds mu receptors more tightly than morphine.",
            {("7-hydroxymitragynine", "binds", "mu-opioid receptor"), ("morphine", "binds", "mu-opioid receptor")},
        ),
        (
            "Mitragynine shows measurable affinity for 5-HT2A receptors, far weaker than its affinity for the mu-opioid receptor.",
            {("mitragynine", "binds", "serotonin receptors"), ("mitragynine", "binds", "mu-opioid receptor")},
        ),
    ],
)
def test_drug_exposure_by_route_and_rankings_that_state_no_action(text, expected):
    assert triples(text) == expected


def test_a_ranking_against_an_affinity_is_not_an_action_of_its_own():
    text = "Mitragynine shows affinity for 5-HT2A receptors, far weaker than its affinity for the mu-opioid receptor."
    spans = {m.provenance.exact for m in records_of(text, "Mechanism")}
    assert "its affinity for the mu-opioid receptor" in spans
    assert not any(span.startswith("far weaker") for span in spans)


# Claims --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("Thailand removed kratom from its list of narcotics in 2021.[8]", "none"),
        ("Kratom (Mitragyna speciosa) is a tropical evergreen tree in the coffee family.[1]", "none"),
        ("Mitragynine is a partial agonist at the mu-opioid receptor.[3]", "studies"),
        ("In the only controlled human study, ten healthy men drank kratom tea for seven days.[5]", "studies"),
    ],
)
def test_a_numbered_footnote_backs_a_finding_but_only_sources_a_law_or_a_definition(text, evidence):
    assert claim_of(text).evidence == evidence


def test_a_flashcards_front_is_no_claim_and_its_back_is():
    text = "Card 7\nFront: Typical low (stimulant) dose range\nBack: 1–5 g of dried leaf\n"
    assert claimed(text) == ["Back: 1–5 g of dried leaf"]


# Doses ---------------------------------------------------------------------------------------------

SCHEDULE = (
    "The plan\n\n| Weeks | Daily total | Change |\n|---|---|---|\n| 11 | 5 g | −3 g |\n| 12 | 3 g | −2 g |\n| 13 | 1.5 g | −1.5 g |\n"
)


def test_amounts_that_fall_down_a_tables_column_are_taper_steps():
    doses = records_of(SCHEDULE, "Dose")
    assert [(d.provenance.exact, d.role, d.purpose) for d in doses] == [
        ("5 g", "taper_step", "withdrawal"),
        ("3 g", "taper_step", "withdrawal"),
        ("3 g", "taper_step", "withdrawal"),
        ("2 g", "taper_step", "withdrawal"),
        ("1.5 g", "taper_step", "withdrawal"),
        ("1.5 g", "taper_step", "withdrawal"),
    ]


def test_amounts_that_rise_down_a_column_are_no_taper_steps():
    text = "Dose tiers\n\n| Level | Amount |\n|---|---|\n| Low | 1 g |\n| Medium | 3 g |\n| High | 6 g |\n"
    assert not any(d.role == "taper_step" for d in records_of(text, "Dose"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kratom extracts also showed inhibitory effects on CYP2C9 and CYP1A2.",
            {("kratom", "inhibits", "CYP2C9"), ("kratom", "inhibits", "CYP1A2")},
        ),
        ("Mitragynine has been reported to increase expression of P-glycoprotein.", {("mitragynine", "induces", "P-glycoprotein")}),
        ("Mitragynine showed weak effects on CYP2D6.", {("mitragynine", "interacts_with", "CYP2D6")}),
    ],
)
def test_inhibitory_effects_inhibit_and_raised_expression_induces(text, expected):
    assert triples(text) == expected


# Tables and page furniture ---------------------------------------------------------------------------

REM_TABLE = (
    "Table 2. Drugs that suppress REM sleep\n"
    "Drug | Principal mechanism | Effect on REM | Notes\n"
    "Methadone | Mu-opioid receptor agonist | Decrease | Persists on maintenance\n"
    "Kratom (mitragynine) | Partial mu-opioid agonist | Probable decrease | No PSG data\n"
)


def test_a_row_of_words_under_a_tables_header_is_data():
    assert claimed(REM_TABLE) == [
        "Methadone | Mu-opioid receptor agonist | Decrease | Persists on maintenance",
        "Kratom (mitragynine) | Partial mu-opioid agonist | Probable decrease | No PSG data",
    ]
    assert triples(REM_TABLE) == {
        ("methadone", "agonist", "mu-opioid receptor"),
        ("mitragynine", "partial_agonist", "mu-opioid receptor"),
    }


def test_a_menu_of_links_is_still_no_claim_under_another():
    assert claimed("Home | Shop | Blog | Contact\nAbout | Guides | Research | FAQ\n\nKratom binds opioid receptors.\n") == [
        "Kratom binds opioid receptors."
    ]


@pytest.mark.parametrize(
    "line",
    [
        "nodoz_nomore — Oct 4, 2023",
        "harmreduxhannah (Moderator) — Oct 5, 2023",
        "quietlamp — 5 Oct 2023, 21:14",
        "[38:45] — Continue to part 3: Tolerance and withdrawal",
        "[Continued in 3.5 Adrenergic and noradrenergic effects]",
        "Let's go to Ray in Tulsa.",
        "Ray, you're on the air.",
        "MARCY: Next up is Keisha in Columbus.",
        "Call the clinic at (555) 014-2290.",
        "Use the search bar above to find a buprenorphine provider near you.",
    ],
)
def test_dated_handles_navigation_and_a_call_in_hosts_lines_are_no_claims(line):
    assert claimed(f"Thread\n\nKratom can cause dependence.\n\n{line}\n\nMost users taper slowly.\n") == [
        "Kratom can cause dependence.",
        "Most users taper slowly.",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "The trial ended — Oct 4, 2023, with 40 participants.",
        "Continue on 2.5 g a day for a week.",
        "Call the clinic at (555) 014-2290 if you have chest pain.",
        "Call 911 if breathing slows.",
    ],
)
def test_sentences_that_look_like_furniture_stay_claims(line):
    assert line in claimed(f"Notes\n\nKratom can cause dependence.\n\n{line}\n")


# Parsing -------------------------------------------------------------------------------------------

DATELINE = "WASHINGTON, D.C. (June 18, 2024) – The Kratom Trade Council today announced a labelling standard."


@pytest.mark.parametrize(
    "text",
    [
        DATELINE,
        DATELINE.replace("D.C. (June", "D.C.\n(June"),
        DATELINE.replace("(June 18", "(June\n18"),
    ],
)
def test_a_datelines_place_runs_on_into_its_date_however_the_lines_break(text):
    assert claimed(f"PRESS RELEASE\n\n{text}\n\nMembers must comply by January.\n") == [
        DATELINE,
        "Members must comply by January.",
    ]


def test_a_passive_that_breaks_before_submitted_by_runs_on():
    text = "Results\n\nMore information: Results were\nsubmitted by the sponsor and have undergone quality control review.\n"
    assert claimed(text) == ["More information: Results were submitted by the sponsor and have undergone quality control review."]


def test_a_line_that_opens_posted_by_is_still_a_byline():
    text = "Thread\n\nKratom helped my sleep at first\nPosted by sleepless_sam on 3 May\n\nThen it stopped working.\n"
    assert "Then it stopped working." in claimed(text)
    assert not any("Posted by" in unit for unit in claimed(text))
