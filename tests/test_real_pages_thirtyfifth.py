"""What real pages write, rule by rule: the forms the thirty-fifth round of rules reads.

Each row is a text in a form real pages use and what a reader finds in it; earlier rounds are in
tests/test_real_pages.py and tests/test_real_pages_fifth.py to _thirtyfourth.py.
"""

from __future__ import annotations

import pytest

from conftest import AROUND, claimed, claims_around, rules_claim_of, triples
from conftest import bounds as amounts

# Claims and page furniture ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Appreciate it all.",
        "Big thanks to Renata for sag duty and the pickle juice.",
        "Praying for you both!!",
        "@Renee_RN appreciate you!!",
        "Congratulations on your new baby!",
        "$18,420 raised of $25,000 goal · 312 donations",
        "rootbound_rick  [Moderator · 5,880 posts]  Posted 03 Aug 2023, 22:02",
        "FROM: Renata Kowalczyk, RN, Director of Nursing",
        "luna & leaf · 2d",
        "@fadezbytony · Sat 9:41 PM",
        "#mor-assays",
        "#welderlife #nightshift #pipeline #kratom #sleep\n3d",
        "~ Ridgeline Stables · home of Pickles, Dot & the Senior Citizens ~",
        "Meeting: Tuesday, January 14, 6:30 pm, Community Room B",
        "Due this week: Problem Set 6 (Friday 11:59 pm)",
        "Book an appointment online or call (555) 218-3390.",
        "(Some links below are affiliate links, which help keep this little blog going.)",
        "en pointe & in pieces\na dancer's blog about bodies, rehearsals and the space between",
        "Since I went down a rabbit hole, here's the short version.",
        "We put this page together because families keep asking us the same things.",
        "But here goes.",
        "I am not a pharmacologist and none of this is advice.",
        "Tell me in the comments, and please be kind.",
    ],
)
def test_page_chrome_and_talk_about_the_page_are_no_claims(line):
    assert claims_around(line) == list(AROUND)


@pytest.mark.parametrize(
    "line",
    [
        "Thanks to its alkaloids, kratom can ease pain for a few hours.",
        "From 12 g a day I went down to 6 g over a month.",
        "Many users exceed 20 grams a day within a year.",
    ],
)
def test_a_sentence_that_opens_like_chrome_still_asserts(line):
    assert line in claimed(f"Notes\n\n{line}\n")


def test_a_clause_set_before_its_main_clause_runs_on_over_a_line_break():
    text = "Notes\n\nIf I go past fifteen grams in a day,\nI get itchy and I can't sleep.\n"
    assert claimed(text) == ["If I go past fifteen grams in a day, I get itchy and I can't sleep."]


def test_a_sign_off_with_a_comma_still_ends_its_line():
    assert "Until next time," not in " ".join(claimed("Notes\n\nKratom is a tree.\n\nUntil next time,\nThe Leaf Letter team\n"))


@pytest.mark.parametrize(
    "line",
    [
        "According to the county health department, 7-OH binds to the same opioid receptors in the brain.",
        "My ENT said kratom has some activity at alpha-2 adrenergic receptors.",
        "Health Canada advises teens to stay under 2.5 mg/kg a day.",
        "Our advisor said melatonin helps regulate the sleep-wake cycle.",
        "But the league's medical advisor told us that the lab can detect it.",
    ],
)
def test_an_agency_a_specialist_or_an_advisor_is_an_expert(line):
    assert rules_claim_of(line).evidence == "experts"


# Doses ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("I was at twenty five grams a day.", (25.0, 25.0, "g", None)),
        ("Now I'm at thirty two grams, down from forty.", (32.0, 32.0, "g", None)),
    ],
)
def test_tens_and_units_written_apart_are_one_number(text, amount):
    assert amounts(text)[0] == amount


def test_a_rating_out_of_ten_is_no_amount():
    assert amounts("Methoxyflurane 3 mL inhaler self-administered, pain down to 6/10 after 10 min.") == [(3.0, 3.0, "mL", None)]
    assert amounts("Take about 1/10 of a gram.") == [(0.1, 0.1, "g", None)]


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Ibuprofen ceiling on the hill: 800 mg max at a time.", (None, 800.0, "mg", "<=")),
        ("Limit: two cans per visit (80 mg mitragynine at most).", (None, 80.0, "mg", "<=")),
        ("3 g tops, twice a day.", (None, 3.0, "g", "<=")),
        ("I've never needed more than 4 g.", (None, 4.0, "g", "<=")),
        ("Most adults don't need more than 3 mg.", (None, 3.0, "mg", "<=")),
        ("Daily users with dependence frequently exceed 20 g/day.", (20.0, None, "g", ">")),
        ("Responsible vendors say to start low and rarely exceed 5 grams at a time.", (None, 5.0, "g", "<=")),
        ("We don't recommend taking more than 10 grams in a day.", (10.0, None, "g", ">")),
    ],
)
def test_a_bound_after_its_amount_or_a_denied_need_bounds_it(text, amount):
    assert amounts(text)[-1] == amount


# Mechanisms -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        (
            (
                "The main alkaloid, mitragynine, activates mu-opioid receptors, the same ones that morphine and oxycodone work on. "
                "Some researchers think it may also act on adrenergic receptors."
            ),
            "mitragynine",
        ),
        (
            (
                "Naltrexone is an antagonist at mu-opioid receptors. It keeps heroin and oxycodone from acting. "
                "It also blocks kappa receptors."
            ),
            "naltrexone",
        ),
    ],
)
def test_it_does_not_point_back_to_names_joined_by_and(text, agent):
    assert {a for a, _, target in triples(text) if target in ("adrenergic receptors", "kappa-opioid receptor")} == {agent}


def test_it_points_back_to_a_name_in_apposition():
    text = "Mitragynine, the main alkaloid in the leaf, is a partial agonist at the mu-opioid receptor. It also binds adrenergic receptors."
    assert ("mitragynine", "binds", "adrenergic receptors") in triples(text)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Modafinil is thought to block the dopamine transporter.", ("modafinil", "inhibits", "dopamine transporter")),
        ("Scopolamine blocks muscarinic receptors in the inner ear.", ("scopolamine", "inhibits", "muscarinic receptors")),
        ("Amitriptyline blocks muscarinic and histamine H1 receptors.", ("amitriptyline", "inhibits", "muscarinic receptors")),
        ("On the floor, bup acts as a partial agonist at mu receptors.", ("buprenorphine", "partial_agonist", "mu-opioid receptor")),
    ],
)
def test_transporters_receptor_subtypes_and_short_names_as_pages_write_them(text, found):
    assert found in triples(text)
