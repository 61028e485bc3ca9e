"""What real pages write, rule by rule: the forms the twenty-second round of rules reads.

Each row is a text in a form real pages use and what a reader finds in it; earlier rounds are in
tests/test_real_pages.py and tests/test_real_pages_fifth.py to _twentyfirst.py.
"""

from __future__ import annotations

import pytest

from conftest import claimed, records_of, triples, units

# An exported chat: each stamped turn is a unit of its own -------------------------------------

CHAT = (
    "WhatsApp Chat with Taper Support\nMessages and calls are end-to-end encrypted.\n\n"
    "[03/11/2025, 21:15] Jess M: Sleep is still bad. Up at 3am every night\n"
    "[03/11/2025, 21:17] Ray: thats normal for the first couple weeks\n"
    "[03/11/2025, 21:20] Jess M: I do 3 doses of 3g.\n"
    "[03/11/2025, 21:33] Tomasz: <Media omitted>\n"
)


def test_a_dated_chat_stamp_opens_a_turn_and_a_turn_without_a_stop_ends_at_its_line():
    found = [unit for unit, _ in units(CHAT)]
    assert "Up at 3am every night" in found
    assert "[03/11/2025, 21:17] Ray: thats normal for the first couple weeks" in found


def test_a_chats_system_lines_are_no_claims_and_its_turns_are():
    found = claimed(CHAT)
    assert "Messages and calls are end-to-end encrypted." not in found
    assert "[03/11/2025, 21:33] Tomasz: <Media omitted>" not in found
    assert "[03/11/2025, 21:20] Jess M: I do 3 doses of 3g." in found


def test_an_amount_in_a_dated_turn_is_a_dose():
    assert [d.provenance.exact for d in records_of(CHAT, "Dose")] == ["3g"]


# Page furniture and talk about the page --------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Examiners' copy, not for distribution.",
        "Award 1 mark for naming the locus coeruleus.",
        'Accept "alpha-2 agonist" without further detail.',
        "Presented by: PGY-3 resident, Addiction Track",
        "So today I'm doing the strain comparison you guys have been asking for.",
        "Alright, that's it, drop your favorite strain below and hit subscribe.",
        "Today I want to tell how was the first month of my taper.",
        "Not to be confused with mitragynine pseudoindoxyl.",
        "In this issue we look at how alcohol and caffeine shape your sleep.",
    ],
)
def test_marking_notes_credits_a_videos_frame_and_hatnotes_are_no_claims(line):
    assert claimed(f"Page\n\nKratom can cause dependence.\n{line}\n") == ["Kratom can cause dependence."]


@pytest.mark.parametrize(
    "line",
    [
        "A 15x extract can hit like 10 g of leaf at just .5 g, so weigh extracts.",
        "I want you to know that kratom can cause dependence.",
        "This product is not intended to diagnose, treat or cure any disease.",
    ],
)
def test_a_claim_that_shares_words_with_page_talk_is_still_a_claim(line):
    assert claimed(f"Page\n\nKratom can cause dependence.\n{line}\n") == ["Kratom can cause dependence.", line]


# Titles before names, and quotes around a paragraph -------------------------------------------


def test_a_title_before_a_name_ends_no_sentence():
    assert [unit for unit, _ in units("Fiscal note\n\nSponsor: Rep. D. Halvorsen\nThe bill sets an age limit.\n")][1:] == [
        "Sponsor: Rep. D. Halvorsen",
        "The bill sets an age limit.",
    ]


def test_a_title_at_the_end_of_a_line_goes_on_with_the_name_below():
    text = 'News\n\n"Kratom is not harmless," said Dr.\nAlan Reyes, the state epidemiologist. "We see seizures."\n'
    assert [unit for unit, _ in units(text)][1:] == [
        '"Kratom is not harmless," said Dr. Alan Reyes, the state epidemiologist.',
        '"We see seizures."',
    ]


def test_a_paragraph_that_opens_and_closes_with_quotes_of_two_quotations_keeps_them():
    text = 'News\n\n"Kratom is not harmless," said Dr. Reyes. "We see seizures."\n'
    assert [unit for unit, _ in units(text)][1:] == ['"Kratom is not harmless," said Dr. Reyes.', '"We see seizures."']


# Mechanisms and polarity ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kratom can mess with your liver enzymes.", {("kratom", "interacts_with", "liver enzymes")}),
        ("Chronic opioid exposure inhibits adenylyl cyclase.", {("opioids", "inhibits", "adenylyl cyclase")}),
        ("Don't mess with the dose.", set()),
    ],
)
def test_slang_verbs_and_an_enzyme_of_withdrawal_physiology(text, expected):
    assert triples(text) == expected


def test_a_long_condition_before_the_main_clause_does_not_deny_it():
    text = "If the 3 g that used to lift your mood now does nothing and you are reaching for 8 or 10 g, your body has adapted."
    assert records_of(f"Notes.\n\n{text}", "Claim")[-1].polarity == "affirmed"
