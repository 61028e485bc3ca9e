"""What real pages write, rule by rule: the forms the thirty-eighth round of rules reads.

Each row is a text in a form real pages use and what a reader finds in it; earlier rounds are in
tests/test_real_pages.py and tests/test_real_pages_fifth.py to _thirtyseventh.py.
"""

from __future__ import annotations

import pytest

from conftest import AROUND, claim_of, claimed, claims_around, records_of, triples, units
from conftest import bounds as amounts

# Claims and page furniture ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Hi Marcus, this is Tasha, the nurse at Eastside Family Health, returning your call from yesterday.",
        "Hey Linda, it's Tasha from the clinic.",
        "Good morning Mr. Ortiz, this is Dr. Vance's office calling about your refill.",
        "This is the nurse line at Eastside returning your call about the kratom shots.",
        "Nurse here (addiction medicine, 11 yrs).",
        "Pharmacist here (Songkhla).",
        "Transcription provided automatically and may contain errors.",
        "Captions generated automatically by software.",
        "Hannah Greeley writes about health and culture for the Sunday edition.",
        "SO ORDERED this 6th day of September, 2022.",
        "Dated this 3rd day of May, 2021.",
        "Tag @slowmorningkitchen!",
        "Time spent: 45 min",
        "↳ TA reply — Marcus Oyelaran (TA) · Mar 13, 10:02 AM · Grade: 9/10",
        "» knee_bar_kev on March 4, 2024, 11:48 PM",
        "» Reply #4 knee_bar_kev, March 5, 2024, 2:02 PM",
    ],
)
def test_a_caller_s_greeting_a_writer_s_line_and_a_post_s_header_are_no_claims(line):
    assert claims_around(line) == list(AROUND)


@pytest.mark.parametrize(
    "line",
    [
        "This dissertation examines whether these receptor actions change sleep in people.",
        "The overall aim of this thesis is to connect receptor pharmacology with sleep outcomes.",
        "Today I write about my experience with kratom.",
    ],
)
def test_talk_about_a_dissertation_or_what_one_writes_today_is_no_claim(line):
    assert claims_around(line) == list(AROUND)


@pytest.mark.parametrize(
    "line",
    [
        "Hey Linda, it's Tasha, and kratom binds opioid receptors, so be careful.",
        "Hi all, this is my first taper log and I'm at 12 g a day.",
        "Mon 08/05 | 81 | 74 | 102 | 48 | 2 | 15:00 | 400 | out fast",
        "I took 4 g on March 4, 2024 at 11:48 PM.",
    ],
)
def test_a_greeting_that_goes_on_to_assert_and_a_logged_row_still_claim(line):
    assert claims_around(line) == [AROUND[0], line, AROUND[1]]


@pytest.mark.parametrize(
    "heading", ["SOURCES (available with your library card)", "References (selected)", "Further reading (free online)"]
)
def test_the_entries_under_a_sources_heading_with_an_aside_are_no_claims(heading):
    text = (
        f"Kratom binds opioid receptors.\n\n{heading}\n"
        "- Kruegel AC, Grundmann O. The medicinal chemistry and neuropharmacology of\n  kratom. Neuropharmacology, 2018.\n"
        "- Grundmann O. Patterns of kratom use and health impact in the US. Drug\n  Alcohol Depend, 2017.\n"
    )
    assert claimed(text) == ["Kratom binds opioid receptors."]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            'The Board and Daniel R. Whitcomb, M.D. ("Respondent") enter into this order. It resolves the matter.',
            ['The Board and Daniel R. Whitcomb, M.D. ("Respondent") enter into this order.', "It resolves the matter."],
        ),
        (
            "Doe v. Botanic Labs, Case No. 2:22-cv-04471 (C.D. Cal.). A court approved the settlement.",
            ["Doe v. Botanic Labs, Case No. 2:22-cv-04471 (C.D. Cal.).", "A court approved the settlement."],
        ),
        ("John Smith, Ph.D. (Columbia) agreed. Kratom is potent.", ["John Smith, Ph.D. (Columbia) agreed.", "Kratom is potent."]),
    ],
)
def test_an_initialism_before_or_inside_brackets_and_a_case_s_v_end_no_sentence(text, sentences):
    assert [unit for unit, _ in units(f"Notes\n\n{text}\n")][1:] == sentences


# Quoted replies -----------------------------------------------------------------------------------------

_QUOTED = (
    "Lena,\n\n"
    "Agreed on the groups.\n\n"
    "On Tue, 8 Oct 2024 at 11:05, Marcus wrote:\n"
    "> Binding is attached. In short,\n"
    "> mitragynine binds MOR with Ki ~230 nM and shows only weak affinity\n"
    "> for KOR and DOR (both > 1 µM). 7-OH is roughly 10-fold more potent\n"
    "> at MOR.\n"
    ">\n"
    "> Mitragynine also\n"
    "> inhibited CYP2D6 in our hands, so watch for that.\n"
)


def test_a_quoted_reply_wraps_and_splits_as_unquoted_text_does():
    assert [" ".join(unit.split()) for unit in claimed(_QUOTED)] == [
        "Binding is attached.",
        "In short, mitragynine binds MOR with Ki ~230 nM and shows only weak affinity for KOR and DOR (both > 1 µM).",
        "7-OH is roughly 10-fold more potent at MOR.",
        "Mitragynine also inhibited CYP2D6 in our hands, so watch for that.",
    ]


def test_a_quoted_reply_states_its_mechanisms():
    assert triples(_QUOTED) >= {
        ("mitragynine", "binds", "mu-opioid receptor"),
        ("mitragynine", "inhibits", "CYP2D6"),
    }


def test_a_line_quoted_alone_stays_the_reply_s_own_line():
    text = (
        "Thread\n\nquietlamp — Oct 3, 2023\nI take 4 g at 9 pm. Sleep is still bad.\n\n"
        "hannah — Oct 3, 2023\n> I take 4 g at 9 pm\nThat is a lot on top of a stimulant.\n\n"
        "nodoz — Oct 4, 2023\n> At low doses kratom acts more like a stimulant\nIn my experience this is true.\n"
    )
    assert "At low doses kratom acts more like a stimulant" not in claimed(text)
    assert "In my experience this is true." in claimed(text)


def test_a_page_with_one_line_opening_with_a_comparator_keeps_it():
    assert amounts("Dose tiers\n\n< 5 g: low\n5–15 g: moderate\n> 15 g: high\n")[-1] == (15.0, None, "g", ">")


# Polarity ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "She said do not go lower faster than that.",
        "He said don't mix it with alcohol.",
        "The pharmacist told me: never take it with zolpidem.",
        "No mixing with sleeping pills, alcohol or leftover pain meds.",
        "No driving after a dose.",
    ],
)
def test_a_reported_prohibition_and_a_rule_s_gerund_deny_nothing(text):
    assert claim_of(text).polarity == "affirmed"


@pytest.mark.parametrize(
    "text",
    [
        "He said not much changed after the taper.",
        "She says she never felt better on it.",
        "No sleeping pill helped me.",
    ],
)
def test_a_denial_after_a_verb_of_saying_still_denies(text):
    assert claim_of(text).polarity == "negated"


# Evidence ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        ("Someone in my FB group swears kratom broke her rebound headaches.", "users_report"),
        ("A guy at work claims it fixed his sleep.", "users_report"),
        ("Premise 3 is supported by surveys.", "studies"),
        ("This claim is supported by two small trials.", "studies"),
    ],
)
def test_swears_claims_and_supported_by_name_their_backers(text, evidence):
    assert claim_of(text).evidence == evidence


# Doses ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Taper: 3 g/day wks 1-2, 2 g/day wks 3-4, 1 g/day wks 5-6, then stop.", [3.0, 2.0, 1.0]),
        ("Plan: 6 g/day days 1-3, 4 g/day days 4-6.", [6.0, 4.0]),
    ],
)
def test_the_second_number_of_a_labelled_span_of_weeks_is_no_amount(text, expected):
    assert [low for low, _, _, _ in amounts(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "My routine was 6 caps in the morning and 4 after lunch, so 5 grams a day.",
        "She takes 2 tablets at night or 3 when the pain is bad, about 1 g in all.",
    ],
)
def test_a_bare_number_after_a_count_of_capsules_counts_capsules(text):
    assert len(amounts(text)) == 1


def test_a_bare_number_after_an_amount_still_takes_its_unit():
    assert amounts("3 grams with breakfast and 3 more after work.") == [(3.0, 3.0, "g", None), (3.0, 3.0, "g", None)]


@pytest.mark.parametrize(
    "text",
    [
        "At your starting 9 g, half a gram is about 5–6% per step, which is gentle.",
        "Most people do fine with 10% per cut.",
    ],
)
def test_a_share_per_step_steps_a_taper(text):
    assert [(d.unit, d.role) for d in records_of(text, "Dose") if d.unit == "%"] == [("%", "taper_step")]


def test_a_share_per_gram_is_no_step():
    assert [d for d in records_of("The extract is 2% per gram of leaf.", "Dose") if d.unit == "%"] == []


# Mechanisms -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("Triptans are agonists at serotonin 5-HT1B receptors.", "triptans"),
        ("Sumatriptan activates 5-HT1B receptors.", "sumatriptan"),
        ("Rizatriptan acts on serotonin receptors.", "rizatriptan"),
    ],
)
def test_a_triptan_is_an_agent(text, agent):
    assert {a for a, _, _ in triples(text)} == {agent}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Reviews describe the activity of mitragynine at alpha-2 adrenergic receptors.",
            {("mitragynine", "interacts_with", "alpha-2 adrenergic receptors")},
        ),
        (
            "CYP2D6 inhibition may raise levels of some SSRIs, and activity of mitragynine at 5-HT2A receptors has been proposed.",
            {("mitragynine", "interacts_with", "serotonin receptors")},
        ),
        ("The actions of 7-OH on mu-opioid receptors are strong.", {("7-hydroxymitragynine", "interacts_with", "mu-opioid receptor")}),
    ],
)
def test_the_activity_of_an_agent_at_a_target_is_its_own(text, expected):
    assert expected <= triples(text)
    assert not any(agent == "ssris" for agent, _, _ in triples(text))


def test_the_activity_of_a_place_or_an_enzyme_names_no_agent():
    assert triples("The activity of the locus coeruleus on waking is high.") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Do not mix tramadol with kratom, because both of them act on mu-opioid receptors.",
        "Tramadol and kratom are different, but the two of them act on mu-opioid receptors.",
    ],
)
def test_both_of_them_names_the_two_agents_before(text):
    assert triples(text) == {("tramadol", "interacts_with", "mu-opioid receptor"), ("kratom", "interacts_with", "mu-opioid receptor")}


_PHARMACOLOGIST = (
    "Meanwhile, pharmacologist from the university, Prof. Dr. Hafiz\nRahman, said many drinkers take two or three bottles a day.\n\n"
)


@pytest.mark.parametrize(
    "text",
    [
        "He said the drinkers who stop suddenly will face withdrawal for three until seven days.",
        "According to him, more than 1.5 mg per kg body weight is not safe.",
        "He advise the user not to stop suddenly, but to reduce the dose slowly.",
        '"This compound also stimulate the adrenergic receptor," he explain.',
    ],
)
def test_a_name_and_then_said_is_no_appositive_and_bare_verbs_report(text):
    assert records_of(f"Notes.\n\n{_PHARMACOLOGIST}{text}", "Claim")[-1].evidence == "experts"


_THREAD = "Thread by @sleepnerd · 16 posts\n\n1/16 Live-posting Dr. Anjali Rao's talk at the sleep meeting. The room is full.\n\n"


@pytest.mark.parametrize(
    "post",
    [
        "3/16 Per her slide, mitragynine is a partial agonist at the mu-opioid receptor.",
        "14/16 Her answer: melatonin works at MT1/MT2 and shifts timing.",
        "13/16 Her explanation is buprenorphine's slow dissociation from mu.",
        "12/16 She said 0.5 mg of melatonin is plenty for timing.",
    ],
)
def test_a_numbered_post_reports_the_speaker_its_thread_introduced(post):
    claim = records_of(f"{_THREAD}{post}", "Claim")[-1]
    assert claim.evidence == "experts"
    assert not claim.evidence_cue.text[0].isdigit()


def test_a_speaker_introduced_many_paragraphs_before_is_still_the_pronoun_s():
    filler = "".join(f"{n}/16 The room stays full and the slides keep coming, one after another.\n\n" for n in range(2, 20))
    assert len(filler) > 1000
    assert records_of(f"{_THREAD}{filler}She said 0.5 mg of melatonin is plenty for timing.", "Claim")[-1].evidence == "experts"
