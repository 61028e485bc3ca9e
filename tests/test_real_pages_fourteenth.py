"""What real pages write, rule by rule: the forms the fourteenth round of rules reads.

Each row is a text in a form real pages use and what a reader finds in it; earlier rounds are in
tests/test_real_pages.py and tests/test_real_pages_fifth.py to _thirteenth.py.
"""

from __future__ import annotations

import pytest

from conftest import AROUND, claimed, claims_around, records_of, triples

# A drug as an enzyme's substrate --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "agent", "enzyme"),
    [
        # the enzyme as the subject
        ("In the liver, CYP3A4 converts mitragynine into 7-hydroxymitragynine.", "mitragynine", "CYP3A4"),
        ("CYP2D6 is needed to convert codeine into morphine.", "codeine", "CYP2D6"),
        # a product formed from the drug
        ("7-OH is formed from mitragynine in the liver by CYP3A4.", "mitragynine", "CYP3A4"),
        ("Its active metabolite is made from MG, mainly by hepatic CYP3A4.", "mitragynine", "CYP3A4"),
        # a reaction arrow in notes
        ("- MG → 7-OH-MG via hepatic CYP3A4 (so CYP3A4 inhibitors raise 7-OH exposure)\n", "mitragynine", "CYP3A4"),
        # a process noun
        ("The conversion of MG to 7-OH was catalysed predominantly by CYP3A4.", "mitragynine", "CYP3A4"),
        ("Melatonin undergoes extensive first-pass metabolism, mainly by CYP1A2.", "melatonin", "CYP1A2"),
        ("In that patient, mitragynine's own breakdown relied partly on CYP2D6.", "mitragynine", "CYP2D6"),
        ("Mitragynine is cleared mainly by CYP3A4-mediated oxidation.", "mitragynine", "CYP3A4"),
        # the substrate noun in apposition
        ("Quetiapine, a CYP3A4 substrate, may reach higher levels.", "quetiapine", "CYP3A4"),
        # the passive, with a product and an adverb between the verb and "by"
        ("MG is converted to 7-OH-MG predominantly by CYP3A4.", "mitragynine", "CYP3A4"),
    ],
)
def test_a_drug_broken_down_by_an_enzyme_interacts_with_it(text, agent, enzyme):
    assert (agent, "interacts_with", enzyme) in triples(text)


def test_coordinated_enzymes_each_clear_the_drug():
    text = "Its breakdown depends on CYP2D6 and CYP3A4 in roughly equal parts. Tramadol's conversion depends on CYP2D6 and CYP3A4."
    assert {("tramadol", "interacts_with", "CYP2D6"), ("tramadol", "interacts_with", "CYP3A4")} <= triples(text)


def test_an_enzyme_subject_converting_a_pronoun_resolves_it():
    text = "Mitragynine is the main alkaloid. CYP3A4 converts it to 7-OH."
    assert ("mitragynine", "interacts_with", "CYP3A4") in triples(text)


@pytest.mark.parametrize(
    "text",
    [
        # an aside that describes the enzyme in a sentence about something else
        "Kratom may inhibit CYP3A4, the enzyme that clears oxycodone.",
        "Kratom slows CYP2D6, which clears quetiapine.",
        # substrates given only as examples of a class
        "Avoid mixing kratom with CYP3A4 substrates such as apixaban.",
        # a demonstrative, not a drug
        "That conversion is done by CYP3A4.",
    ],
)
def test_an_enzyme_described_in_passing_states_no_substrate(text):
    assert not any(action == "interacts_with" and target.startswith("CYP") for _, action, target in triples(text))


def test_a_substrate_record_spans_its_words():
    (record,) = [r for r in records_of("Quetiapine, a CYP3A4 substrate, may reach higher levels.", "Mechanism")]
    assert record.provenance.exact == "Quetiapine, a CYP3A4 substrate"
    assert record.action_text == "substrate"


def test_a_negated_conversion_is_a_negated_record():
    (record,) = records_of("CYP3A4 never converts paynantheine.", "Mechanism")
    assert (record.agent, record.target, record.negated) == ("paynantheine", "CYP3A4", True)


# Other mechanism wordings ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Speciogynine interacts mainly with serotonin receptors.", ("speciogynine", "interacts_with", "serotonin receptors")),
        ("Mitragynine interacts only weakly with opioid receptors.", ("mitragynine", "interacts_with", "opioid receptors")),
        # the receptors another drug "uses": that drug acts there too
        ("Mitragynine acts on the mu-opioid receptor, the receptor morphine uses.", ("morphine", "interacts_with", "mu-opioid receptor")),
        ("Kratom hits the same mu-opioid receptors that morphine uses.", ("morphine", "interacts_with", "mu-opioid receptor")),
    ],
)
def test_more_mechanism_wordings(text, expected):
    assert expected in triples(text)


# Doses: the unit a column heading states, and bare numbers split by time of day ----------------


def _amounts(text: str) -> list[tuple[str, float | None, float | None, str | None]]:
    return [(d.provenance.exact, d.amount_low, d.amount_high, d.unit) for d in records_of(text, "Dose") if d.kind == "numeric"]


def test_bare_cells_under_a_heading_with_a_unit_are_doses_of_that_unit():
    text = "Strain | Low (g) | High (g) | Best for\nRed Bali | 2–3 | 6 | evening wind-down\n"
    assert _amounts(text) == [("2–3", 2.0, 3.0, "g"), ("6", 6.0, 6.0, "g")]


@pytest.mark.parametrize(
    "text",
    [
        # a heading that states no unit
        "Strain | Low | High\nRed Bali | 2 | 6\n",
        # a share is no unit of a dose
        "Strain | Mitragynine (%) | Price ($)\nRed Bali | 1.2 | 30\n",
    ],
)
def test_bare_cells_under_a_heading_without_a_dose_unit_are_no_doses(text):
    assert _amounts(text) == []


def test_bare_numbers_split_by_time_of_day_take_the_sentence_unit():
    text = "I take 8 g a day (morning 4, afternoon 2.5, night 1.5)."
    assert _amounts(text) == [("8 g", 8.0, 8.0, "g"), ("4", 4.0, 4.0, "g"), ("2.5", 2.5, 2.5, "g"), ("1.5", 1.5, 1.5, "g")]


@pytest.mark.parametrize("text", ["Night 2 of withdrawal was the worst.", "I woke in the morning 3 times after 4 g."])
def test_a_time_of_day_before_a_count_is_no_dose(text):
    assert [a for a in _amounts(text) if a[3] == "g" and a[0] != "4 g"] == []


# Page chrome and talk about the page ----------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Next episode: Why malaria parasites resist our drugs",
        "Use code LEAF15 for 15% off orders over $60 until January 31.",
        "Comments are closed for this article.",
        "Comments (0) · Log in to comment",
        "Describe the receptor and enzyme targets of these alkaloids.",
        "Two caveats.",
        "Longer version.",
        "slowmornings.blog — notes from a recovering night owl",
        "Marta K. · Thanks for this!",
        "3 Answers   Sorted by: Highest score",
        "Free call 0800 000 000 (24/7) or text 1737.",
        "Enter your current daily amount and how fast you want to go.",
        "Why does my tea taste so bitter? → Read more",
        "Kauri Sleep Clinic Ltd · 22 Remuera Road, Auckland · Privacy · Cookie settings",
        "Cascadia Leaf Co., 3300 Production Way, Burnaby BC",
        "Green Malay powder, 250 g pouch – $39.99",
        "The clinic acknowledges the people of this land. © 2024 · Privacy ·",
        "[00:00] WANJIKU: Karibu, welcome back to Sayansi Kwa Wote.",
        "Okay loves, you've been asking about my evening wind-down, so let's talk about it.",
        "People often ask us whether kratom can stand in for opioid treatment.",
        "We get this question a lot, so here goes.",
        "I may earn a small commission at no cost to you.",
        "I'm not a doctor though!!",
        "← Why I stopped drinking energy drinks   |   Night shift survival kit →",
        "lerato_k: thanks, slide 22 went so fast",
        "soulfulvale (author)",
        "kiwi_owl — Reply #1 — 22 Oct 2023, 09:40",
        "#4  kl_insomniac",
        "Marcus Bell is a community pharmacist in Columbus.",
        "Lecture 14 notes: Mitragyna speciosa (kratom)",
        "Sorry for my english, hope it help somebody.",
        "Drugs checked: kratom, tramadol, alprazolam",
        "Thanks for reading, please share to your friend!",
        "Date registered: 9/08/2023",
        "J Am Chem Soc.",
        "MindCircle is a peer forum and does not replace professional care.",
        "Content is for general information only.",
        "u/[deleted] · 2d",
        "Chat with us 9–5 EST.",
        "Upcoming: Thursday peer circle, 7pm, Community Hub",
        "You are receiving this because you signed up at our site.",
        "Call our free line 0800 720 000 (Monday to Saturday).",
        "Table 3 (see PDF): Summary of reported kratom poisoning cases, 2010–2023",
        "To: Departments of Health of provinces and cities; pharmaceutical businesses; people.",
        "Recipients: as above; Archive: VT, KD.",
        "Details please contact: Department of Drug Business Management, phone (024) 3736 4000.",
        "chai & small steps — a blog by Rohan",
        "SafeSpace is a registered NPO.",
        "Previous section: 3.1 Alkaloid content   Next section: 3.3 Metabolism",
        "For the plant, see Mitragyna speciosa.",
        "You checked: Kratom · Tramadol 50 mg tablet",
        "SAFER SESH // zine no. 7 // the kratom one",
        "This week Jess chats with pharmacologist Dr Mei Ling Tan about kratom and sleep.",
        'Dr Tan\'s guide "Tapering safely" (PDF)',
        "↳ Reply · 64 likes",
        "Comments are moderated.",
        "Comments are turned off for this video.",
        "Please keep discussion respectful.",
        "Most read: Tet traffic deaths fall 12% · Gold prices hit record",
        "Message #taper-support",
        "📌 Pinned: Taper calculator spreadsheet (read-only) | #wins | #sleep-help",
        "Talk to someone today: Tele-MANAS 14416 (free, 24×7)",
        "Read the full paper (open access) · Contact the team",
        "Hola again.",
        "Cześć {first_name},",
        "[02:27] If you enjoyed this, hit subscribe, and check the links below for the papers.",
        "Applicant: Pharmaceutical Materials Co., Ltd. (VN) · Inventors: Tran Minh Duc",
        "Ward 14 direct line: 0141 555 0190 · This leaflet is available in large print and other languages.",
        "Today we're talking about one of the most hyped ideas in opioid pharmacology: G-protein bias.",
        "This page collects what members have shared.",
        "Many of you wrote me after my first post asking if kratom really helped me to sleep, so here is the honest update.",
    ],
)
def test_page_chrome_and_page_talk_are_no_claims(line):
    assert claims_around(line) == list(AROUND)


@pytest.mark.parametrize(
    "line",
    [
        # what a person said happens, however it opens
        "Patients ask us this every week.",
        "I am not doctor so please check with doctor if you take medicine.",
        "Reply from OldTimerTom:\ndont mess with grapefruit if your on any meds.",
        # a disclaimer that states what a product is for, which readers keep as a claim
        "This product is not intended to diagnose, treat, cure or prevent any disease.",
        "If you are in crisis, call or text 988.",
    ],
)
def test_lines_like_chrome_that_state_something_stay_claims(line):
    assert len(claims_around(line)) == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a change from one amount to another is two amounts, rising or falling
        ("My dose has crept from 3 g to 9 g a day.", [("3 g", 3.0, 3.0, "g"), ("9 g", 9.0, 9.0, "g")]),
        ("She had raised her intake from around 4 g to 15 g a day.", [("4 g", 4.0, 4.0, "g"), ("15 g", 15.0, 15.0, "g")]),
        # a span of doses is one range
        ("Doses range from 2 to 4 g.", [("2 to 4 g", 2.0, 4.0, "g")]),
        ("Most people take from 2 to 4 grams.", [("2 to 4 grams", 2.0, 4.0, "g")]),
    ],
)
def test_a_change_from_one_amount_to_another_is_two_amounts(text, expected):
    assert _amounts(text) == expected


def test_a_share_with_a_minus_sign_in_a_taper_table_is_a_step():
    text = "Taper calculator\n\nDay Daily total Per dose Change\n1 12.0 g 4.0 g start\n2 10.8 g 3.6 g −10%\n"
    steps = [d for d in records_of(text, "Dose") if d.unit == "%"]
    assert [(d.provenance.exact, d.amount_low, d.role) for d in steps] == [("10%", 10.0, "taper_step")]


def test_a_share_with_a_minus_sign_beside_no_dose_is_no_dose():
    assert _amounts("Sleep efficiency changed by -10% in the kratom group.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a comparative at a receptor states that the compound acts there
        (
            "Mitragynine binds the mu receptor. 7-OH is much stronger at that receptor.",
            ("7-hydroxymitragynine", "interacts_with", "mu-opioid receptor"),
        ),
        ("7-OH is a lot punchier at mu than the leaf.", ("7-hydroxymitragynine", "interacts_with", "mu-opioid receptor")),
        # "pull in" beta-arrestin is to recruit it
        (
            "Mitragynine is the main alkaloid. It turns on the G-protein pathway without pulling in much beta-arrestin.",
            ("mitragynine", "activates", "beta-arrestin"),
        ),
    ],
)
def test_comparatives_at_a_receptor_and_recruiting_in_other_words(text, expected):
    assert expected in triples(text)


def test_a_denial_set_against_another_drug_affirms_what_that_drug_does():
    records = {(m.agent, m.negated) for m in records_of("Kratom doesn't pull in beta-arrestin the way morphine does.", "Mechanism")}
    assert records == {("kratom", True), ("morphine", False)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Salvinorin A is a KOR agonist.", ("salvinorin a", "agonist", "kappa-opioid receptor")),
        ("O-desmethyltramadol is a mu agonist.", ("o-desmethyltramadol", "agonist", "mu-opioid receptor")),
        ("9-O-desmethylpaynantheine binds 5-HT1A receptors.", ("9-o-desmethylpaynantheine", "binds", "serotonin receptors")),
    ],
)
def test_metabolites_and_other_named_compounds_are_agents(text, expected):
    assert expected in triples(text)


def test_a_chat_messages_writer_and_time_stand_on_a_line_of_their_own():
    text = (
        "Harbour Lights Recovery\n# taper-support\n\n"
        "mossbackMaritimes — Today at 7:42 AM\nday 9 of the taper. down to 6g/day from 14 and the mornings are the worst part\n\n"
        "kelpie_ns — Yesterday at 11:04 PM\nproud of you!! the yawning at 7am is normal\n"
    )
    claims = claimed(text)
    assert claims == [
        "day 9 of the taper.",
        "down to 6g/day from 14 and the mornings are the worst part",
        "the yawning at 7am is normal",  # "proud of you!!" cheers, as dev's annotators read it
    ]
