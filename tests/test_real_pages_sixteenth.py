"""What real pages write, rule by rule: the forms the sixteenth round of rules reads.

Each row is a text in a form real pages use and what a reader finds in it; earlier rounds are in
tests/test_real_pages.py and tests/test_real_pages_fifth.py to _fifteenth.py.
"""

from __future__ import annotations

import pytest

from conftest import AROUND, claim_of, claims_around, records_of, rules_claim_of, triples

# Who a quotation is attributed to ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "evidence", "cue"),
    [
        ('"Withdrawal is rarely dangerous," said Dr. Helena Marsh, who led the study.', "experts", "said Dr. Helena"),
        # A title names the expert; a quotation that itself reports what people say ("People tell us ...") is read by dev's
        # annotators as users reporting, whoever says it, so the quotation here reports nothing of its own.
        ('"The first nights are the worst part," said Associate Professor Ana Ruiz.', "experts", "said Associate Professor"),
        ('"Consumers deserve to know what is in the bag," said spokesperson Daniel Ruiz.', "experts", "said spokesperson"),
        ('"The metabolite does most of the work," Dr. Tan added.', "experts", "Dr. Tan added"),
        ('"people are running their own tapers" (Dr. Hsu)', "experts", "Dr. Hsu"),
        ('"Three caps with coffee kept me out of withdrawal," said Marsh, 41, a roofer from Dayton.', "users_report", "said Marsh, 41"),
        ('"His lips were blue and he was hardly breathing," said a friend, who asked not to be named.', "users_report", "said a friend"),
    ],
)
def test_a_quotations_speaker_names_the_evidence(text, evidence, cue):
    claim = claim_of(text)
    assert (claim.evidence, claim.evidence_cue.text if claim.evidence_cue else None) == (evidence, cue)


@pytest.mark.parametrize(
    "text",
    [
        '"Adults who use kratom deserve to know what is in the bag," said Mara Quentin, chief executive of Harbor Leaf.',
        '"Leaf is a commodity now," said one Jakarta-based exporter.',
    ],
)
def test_a_quotation_by_a_bare_name_or_an_unknown_trade_names_no_evidence(text):
    assert claim_of(text).evidence == "none"


def test_a_quotations_expert_outranks_what_the_quotation_itself_reports():
    """The rules' reading, and dev's in 19 of 23 such quotations (3 take the users the quotation
    reports); the evidence reader retrained at 0.35.0 takes the users here."""
    text = '"Users have been telling us for years that the leaf eases pain," said Dr. Ingrid Halvorsen.'
    assert rules_claim_of(text).evidence == "experts"


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("Dr Kulkarni advises against stopping abruptly.", "experts"),
        ("Dr. Naidoo at the regional poison centre told me they saw four interactions last year.", "experts"),
        ("A pal in Dundee swears by kratom for sleep.", "users_report"),
        ("Withdrawal is usually milder than from heroin, per a 2020 review of case series.", "studies"),
        ("Buprenorphine has been tested in dozens of randomised trials.", "studies"),
        ("When I tried to stop, I lasted about thirty hours before the sweats sent me back.", "personal_accounts"),
        ("After a month I needed twice as much to get the same effect.", "personal_accounts"),
        ("Doctors in the ward sometimes prescribe clonidine.", "none"),
    ],
)
def test_more_wordings_of_who_backs_a_claim(text, evidence):
    assert claim_of(text).evidence == evidence


# Mechanisms named by a compound noun ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kratom may raise tramadol levels through CYP2D6 inhibition.",
            {("kratom", "increases", "tramadol"), ("kratom", "inhibits", "CYP2D6")},
        ),
        ("Kratom causes CYP3A4 induction.", {("kratom", "induces", "CYP3A4")}),
        (
            "Kratom alkaloids produce analgesia through mu-opioid receptor activation.",
            {("kratom", "activates", "mu-opioid receptor")},
        ),
        ("Mitragynine relieves pain through the mu-opioid receptor.", {("mitragynine", "interacts_with", "mu-opioid receptor")}),
    ],
)
def test_an_action_named_after_its_target(text, expected):
    assert triples(text) == expected


def test_an_action_noun_after_through_makes_one_record_not_a_generic_one_beside_it():
    (record,) = records_of("Mitragynine produces analgesia via MOR agonism.", "Mechanism")
    assert (record.action, record.target) == ("agonist", "mu-opioid receptor")


# Page chrome and page talk ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Registered charity no. 20012345 · Privacy · Accessibility · Cookie preferences",
        "Adults 18+ only | Bladbox B.V., KvK 80417263 | Privacy | Cookie settings",
        "NHS 24: 111   About   Accessibility   Cookies: we use essential cookies only.",
        "💬 38 comments   ↗ Share   ☆ Save   ⋯",
        "Posts: 38 · Joined: Aug 2022",
        "All right reserved.",
        "This note summarises the current legal status of kratom and the options before the Committee.",
        "This blog is for general information and does not replace advice from a clinician.",
        "Reminder: this board can't give medical advice.",
        "In this briefing we set out three options.",
    ],
)
def test_footer_rows_and_page_talk_are_no_claims(line):
    assert claims_around(line) == list(AROUND)


@pytest.mark.parametrize(
    "line",
    [
        "Low 1–2 g · High 6 g · Report side effects to your doctor",
        "Posts: I read the posts here and most say 3 g is plenty.",
        "This note of caution matters: never mix kratom with alcohol.",
    ],
)
def test_lines_shaped_like_footers_that_state_something_stay_claims(line):
    assert claims_around(line) == [AROUND[0], line, AROUND[1]]


# Polarity ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        ("Kratom is not without risks.", "affirmed"),
        ("Withdrawal insomnia is not uncommon.", "affirmed"),
        ('"Three or four leaves, no more," he said.', "affirmed"),
        ("Kratom is not an opioid.", "negated"),
        ("Take no more than 8 g.", "affirmed"),
    ],
)
def test_a_negated_negative_reads_as_affirmed(text, polarity):
    assert claim_of(text).polarity == polarity
