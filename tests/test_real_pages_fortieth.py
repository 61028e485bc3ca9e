"""What real pages write, rule by rule: the forms the fortieth round of rules reads.

Each row is a text in a form real pages use and what a reader finds in it; earlier rounds are in
tests/test_real_pages.py and tests/test_real_pages_fifth.py to _thirtyninth.py.
"""

from __future__ import annotations

import pytest

from conftest import AROUND, bounds, claims_around, last_claim_of, triples, units


def last_evidence(text: str) -> str:
    """The evidence of the last claim of ``text``, read as the body of a page."""
    return last_claim_of(text).evidence


@pytest.mark.parametrize(
    "text",
    [
        "Dr. Helen Voss runs the addiction service at the county hospital.\n\nAccording to Voss, most patients can taper at home over six weeks.",
        "Hannah Osei, a pharmacologist at a Portland university, tested the shots.\n\nOsei recommends that people who want to quit cut down slowly.",
        "Priya (keys, also an ER nurse between tours) gave me the talk. Priya says the yawning peaks around day 3 after a cut.",
        "Tomás Rivera, who works nights and is also a pharmacist, answered. Rivera says kratom is cleared by CYP3A4.",
    ],
)
def test_a_name_introduced_with_a_role_speaks_as_that_role_when_named_again(text):
    assert last_evidence(text) == "experts"


@pytest.mark.parametrize(
    "text",
    [
        "According to Kenji, the tea tastes better cold and helps him sleep at night.",
        "Marta, a regular customer, came in on Friday. Marta says kratom helps her sleep.",
    ],
)
def test_a_name_nobody_introduced_as_an_expert_is_no_expert(text):
    assert last_evidence(text) != "experts"


@pytest.mark.parametrize(
    "text",
    [
        "My friend Dani, who interprets for me and is also a nurse, sat me down. Also she said melatonin might help me sleep.",
        "The pharmacist at the counter was kind. She also reminded me that kratom can slow breathing with alcohol.",
        "my sister took him to dr patel on friday. she said kratom hits the same receptors the oxy did.",
        "I saw our pharmacist on Monday. Her version: kratom acts on the same receptors as morphine, only weaker.",
        "My hospice nurse came by on Tuesday. Kratom also seems to block a liver enzyme (she said CYP2D6) that clears some medicines.",
        "Our GP was patient with us. But she say if you take it every day in big amounts, the body will depend on it.",
    ],
)
def test_a_report_by_he_or_she_opens_the_ways_real_pages_open_it(text):
    assert last_evidence(text) == "experts"


@pytest.mark.parametrize(
    "text",
    [
        "The agency has linked kratom to dozens of deaths, though most involved other drugs.",
        "The authors call for randomised trials of standardised kratom products.",
        "Some pharmacologists regard 7-hydroxymitragynine as the main driver of dependence.",
    ],
)
def test_an_expert_s_stance_is_the_experts_word(text):
    assert last_evidence(text) == "experts"


def test_people_who_prefer_a_pace_report_nothing():
    assert last_evidence("Some people prefer cutting half a gram every three days instead.") == "none"


def test_a_paragraph_over_a_heading_that_looks_like_authors_is_no_title():
    text = (
        "Notes on sleep\n\nHow I Used It\nFor about two years I brewed red vein kratom as a tea every night. I started at one "
        "and a half grams, and by spring I was using a heaping teaspoon, roughly 3 g, twice each evening. (Sleep was great at first.)"
        "\n\nFull Moon Ritual, Waning Taper\nWhen the moon turned full, I wrote out a taper.\n"
    )
    assert ("For about two years I brewed red vein kratom as a tea every night.", True) in units(text)


@pytest.mark.parametrize(
    ("title", "byline"),
    [
        ("Waning Moon Wind-Down: My Kratom Sleep Ritual", "by Celeste Ravenwood · October 28 · 9 min read · 14 comments"),
        ("Foal watch, bad back, and the kratom question", "by CedarRidgeMare » Sat Apr 06, 2024 11:48 pm"),
        ("Quitting Kratom at 41: What the Numbers Looked Like", "by M. Okafor-Lind | June 9, 2023"),
    ],
)
def test_a_byline_under_a_title_stays_a_line_of_its_own(title, byline):
    read = units(f"{title}\n{byline}\n\nI quit kratom this autumn. Kratom helps the pain.\n")
    assert read[:2] == [(title, False), (byline, False)]


@pytest.mark.parametrize(
    "line",
    [
        "#1  dayshift_dale  (Motorman, GoM) — 03-08-2023 06:51",
        "#5  dayshift_dale — 03-09-2023 05:30",
        "Next entry: Minneapolis, plus the van breakdown saga →",
        "Next up: The 5 apps I use to plan sleep across time zones →",
        "[SOUND: cicadas, light rain on broad leaves. Fade under.]",
        "[MUSIC UNDER: rain stops. Soft heartbeat.]",
        "Next entry: the midwinter swim (yes, through a hole in the sea ice).",
        "✦ Guest sidebar: A pharmacist weighs in ✦",
        "All participants are in listen-only mode.",
        "I will now turn the call over to Dana Whitlock, Chief Executive Officer.",
        "Operator: This concludes today's call.",
        "chibi_rx (PharmD student, P3) » Mon Jul 15, 2024 1:05 pm",
        "Details changed to protect the patient.",
        "Shared with agency permission.",
        "Thanks for ordering with Green Horizon!",
        "May all beings be free from suffering.",
        "Proud of you man.",
        "Now to the leaf.",
    ],
)
def test_post_headers_links_and_stage_directions_are_no_claims(line):
    assert claims_around(line) == list(AROUND)


def test_an_edit_note_in_brackets_still_claims():
    assert claims_around("[EDIT: down to 4 g now. Sleeping better.]") == [
        AROUND[0],
        "[EDIT: down to 4 g now.",
        "Sleeping better.]",
        AROUND[1],
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Valerian root extract, usually 300-600 mg about 30 minutes before bed, is said to act on GABA-A receptors.",
            {("valerian", "interacts_with", "GABA receptors")},
        ),
        (
            "Kratom acts on the same opioid receptors as prescription painkillers.",
            {("kratom", "interacts_with", "opioid receptors"), ("opioids", "interacts_with", "opioid receptors")},
        ),
        (
            "Kratom works on the same receptors in the brain as pain pills do.",
            {("kratom", "interacts_with", "opioid receptors"), ("opioids", "interacts_with", "opioid receptors")},
        ),
    ],
)
def test_mechanisms_past_an_aside_and_of_the_drugs_compared(text, expected):
    assert triples(text) == expected


@pytest.mark.parametrize(
    "line",
    [
        "I will turn it over to my doctor next week to decide on the taper.",
        "*** Kratom can slow breathing. ***",
        "Now to the point: kratom slowed my breathing at 10 g.",
        "Names were changed because kratom users fear losing their jobs over a plant that helps them sleep.",
    ],
)
def test_lines_like_a_call_s_chrome_that_say_something_still_claim(line):
    assert claims_around(line) == [AROUND[0], line, AROUND[1]]


def test_a_label_and_phrase_over_a_paragraph_is_a_heading():
    text = (
        "Notes.\n\nKratom: the wild card\n"
        "Kratom is sold as a supplement, and people take it for pain, for energy and for sleep, often in doses of 2 to 5 g.\n"
    )
    assert ("Kratom: the wild card", False) in units(text)


def test_labels_in_a_block_stay_label_lines():
    text = (
        "Notes.\n\nDrug: kratom and alprazolam\nSeverity: Major risk here\n"
        "Both slow breathing, and together they can stop it; avoid taking them on the same day, and ask a pharmacist.\n"
    )
    assert ("Severity: Major risk here", True) in units(text)


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("Most described taking two to four grams three times daily.", "users_report"),
        ("Several told me they had worked up to 40 grams a day.", "users_report"),
        ("Two of them said they had been using it to stretch out their pain pills.", "users_report"),
        ("Most reported deaths involved other drugs as well.", "none"),
        ("A coworker swears by kratom for sleep.", "users_report"),
        ("Claimant reports the kratom takes the edge off the pain.", "users_report"),
        (
            "Dr. Lena Park, a pharmacologist, took the stand. She further testified that kratom is converted to 7-OH in the liver.",
            "experts",
        ),
    ],
)
def test_people_counted_or_named_by_what_they_are_report_as_users(text, evidence):
    assert last_evidence(text) == evidence


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "She takes about 2.5g of a green vein at 10pm when we log in and another 2.5 around 2am.",
            [(2.5, 2.5, "g", None), (2.5, 2.5, "g", None)],
        ),
        (
            "Green at 3 g got me through the rush, but then I was needing 4, then 5, and dosing three times a night.",
            [(3.0, 3.0, "g", None), (4.0, 4.0, "g", None), (5.0, 5.0, "g", None)],
        ),
        ("I take 3 g at 8 and wake around 4 most nights.", [(3.0, 3.0, "g", None)]),
    ],
)
def test_a_bare_number_after_an_amount_takes_its_unit(text, expected):
    assert bounds(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "I switched to taking my 100 mcg at bedtime, 3 hrs after dinner, per my doctor.",
        "Per the clinic nurse we contract with, its main alkaloids act on mu-opioid receptors.",
    ],
)
def test_per_a_doctor_is_the_experts_word(text):
    assert last_evidence(text) == "experts"


def test_a_post_header_stays_apart_from_the_reply_under_it():
    read = units("Notes.\n\nwig_goblin » Mon Jul 15, 2024 1:31 pm\nty both, the taper worked.\n\nKratom binds receptors.\n")
    assert read[1] == ("wig_goblin » Mon Jul 15, 2024 1:31 pm", False)
