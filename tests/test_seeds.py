"""Hand-checked expectations on the seed articles: what a person reading them finds, field by field.

Every expected value below was written from reading the article text, not from extractor output.
Positions are located with ``str.find`` on the raw text (with the occurrence named), so a record
at the wrong place fails even when its text matches somewhere else.
"""

from __future__ import annotations

import pytest

from conftest import rules_records, seed_text

DOSE_SLEEP = "kratom-dose-for-sleep"
PAIN = "kratom-pain-insomnia"
MELATONIN = "kratom-melatonin-withdrawal"
WOBBLES = "kratom-wobbles"
INSOMNIA = "kratom-withdrawal-insomnia"


def at(article_id: str, phrase: str, occurrence: int = 1) -> tuple[int, int]:
    """Span of the n-th occurrence of ``phrase`` in the raw article text."""
    text = seed_text(article_id)
    start = -1
    for _ in range(occurrence):
        start = text.find(phrase, start + 1)
        assert start >= 0, f"{phrase!r} occurs fewer than {occurrence} times in {article_id}"
    return start, start + len(phrase)


def records(rows, table, article_id):
    return sorted((r for r in rows[table] if r.article_id == article_id), key=lambda r: r.provenance.char_start)


def find(rows, table, article_id, span):
    hits = [r for r in rows[table] if r.article_id == article_id and (r.provenance.char_start, r.provenance.char_end) == span]
    assert hits, f"no {table} record at {span} in {article_id}"
    return hits


# Doses --------------------------------------------------------------------------------------------

SLEEP_DOSES = [
    # phrase, occurrence, expected fields (section names as the article writes them)
    (
        "1-3 grams of leaf powder",
        1,
        dict(
            kind="numeric",
            amount_low=1.0,
            amount_high=3.0,
            unit="g",
            amount_low_mg=1000.0,
            amount_high_mg=3000.0,
            preparation="leaf_powder",
            role="typical",
            level=None,
            purpose="sleep",
            timing=None,
            substance="kratom",
            approximate=False,
            comparator=None,
        ),
        "summary",
    ),
    (
        "1-3 grams of the leaf powder",
        1,
        dict(
            kind="numeric",
            amount_low=1.0,
            amount_high=3.0,
            unit="g",
            preparation="leaf_powder",
            role="typical",
            level=None,
            purpose="sleep",
            timing=None,
            substance="kratom",
            approximate=False,
            comparator=None,
        ),
        "Understanding Opioid Withdrawal and Kratom's Role",
    ),
    (
        "1-3 grams of kratom extract",
        1,
        dict(
            kind="numeric",
            amount_low=1.0,
            amount_high=3.0,
            unit="g",
            preparation="extract",
            role="starting",
            level="low",
            purpose="sleep",
            timing="evening",
            substance="kratom",
            approximate=True,
            comparator=None,
        ),
        "Effective Strategies for Taking Kratom for Sleep During Withdrawal",
    ),
    (
        "5-7 grams",
        1,
        # "up to a maximum of 5-7 grams": "up to" states the bound, the range stays as written.
        dict(
            kind="numeric",
            amount_low=5.0,
            amount_high=7.0,
            unit="g",
            amount_low_mg=5000.0,
            amount_high_mg=7000.0,
            preparation=None,
            role="maximum",
            level=None,
            purpose="sleep",
            timing=None,
            substance="kratom",
            approximate=False,
            comparator="<=",
        ),
        "Effective Strategies for Taking Kratom for Sleep During Withdrawal",
    ),
]


@pytest.mark.parametrize("phrase, occurrence, fields, section", SLEEP_DOSES, ids=[d[0] for d in SLEEP_DOSES])
def test_sleep_article_numeric_doses(rows, phrase, occurrence, fields, section):
    (dose,) = find(rows, "doses", DOSE_SLEEP, at(DOSE_SLEEP, phrase, occurrence))
    for name, value in fields.items():
        assert getattr(dose, name) == value, name
    assert dose.provenance.section == section


def test_sleep_article_has_exactly_four_amounts_and_one_titration(rows):
    assert [(d.provenance.exact, d.role) for d in records(rows, "doses", DOSE_SLEEP)] == [
        ("1-3 grams of leaf powder", "typical"),
        ("1-3 grams of the leaf powder", "typical"),
        ("1-3 grams of kratom extract", "starting"),
        ("Gradually increase the dose", "titration"),
        ("5-7 grams", "maximum"),
    ]


def test_leaf_powder_and_extract_stay_distinct(rows):
    """Same numbers, different preparation: the dataset must not merge them."""
    preparations = {d.provenance.exact: d.preparation for d in records(rows, "doses", DOSE_SLEEP)}
    assert preparations["1-3 grams of leaf powder"] == "leaf_powder"
    assert preparations["1-3 grams of kratom extract"] == "extract"


@pytest.mark.parametrize(
    "article_id, phrases, level, role",
    [
        (INSOMNIA, [("high doses", 1), ("high doses", 2), ("High doses", 1), ("higher doses", 1)], "high", None),
        (PAIN, [("higher doses", 1), ("higher doses", 2)], "high", None),
        (WOBBLES, [("low doses", 1), ("low dose", 2)], "low", "starting"),
    ],
)
def test_qualitative_doses(rows, article_id, phrases, level, role):
    found = [d for d in records(rows, "doses", article_id) if d.role != "titration"]
    expected = sorted(at(article_id, p, n) for p, n in phrases)
    assert [(d.provenance.char_start, d.provenance.char_end) for d in found] == expected
    for dose in found:
        assert (dose.kind, dose.level, dose.role, dose.amount_low, dose.unit) == ("qualitative", level, role, None, None)


@pytest.mark.parametrize(
    "article_id, phrase",
    [(DOSE_SLEEP, "Gradually increase the dose"), (WOBBLES, "gradual increases"), (WOBBLES, "gradually increase it")],
)
def test_titrations_are_qualitative_doses(rows, article_id, phrase):
    start, end = at(article_id, phrase)
    (dose,) = [d for d in records(rows, "doses", article_id) if d.provenance.char_start == start]
    assert (dose.provenance.char_end, dose.kind, dose.role, dose.level) == (end, "qualitative", "titration", None)


def test_melatonin_article_states_no_dose(rows):
    assert records(rows, "doses", MELATONIN) == []


# Mechanisms ---------------------------------------------------------------------------------------

MECHANISMS = [
    # article, span phrase (agent .. target as written), occurrence, agent, action, target, target type, agent_text
    (
        DOSE_SLEEP,
        "Mitragynine has been found to interact with gamma-aminobutyric acid (GABA) receptors",
        1,
        "mitragynine",
        "interacts_with",
        "GABA receptors",
        "receptor",
        "Mitragynine",
    ),
    (
        DOSE_SLEEP,
        "Kratom, a natural herb from Mitragyna speciosa, interacts with opioid and GABA receptors",
        1,
        "kratom",
        "interacts_with",
        "opioid receptors",
        "receptor",
        "Kratom",
    ),
    (
        DOSE_SLEEP,
        "Kratom, a natural herb from Mitragyna speciosa, interacts with opioid and GABA receptors",
        1,
        "kratom",
        "interacts_with",
        "GABA receptors",
        "receptor",
        "Kratom",
    ),
    (
        DOSE_SLEEP,
        "mitragynine and 7-hydroxymitragynine, interact with opioid receptors",
        1,
        "mitragynine",
        "interacts_with",
        "opioid receptors",
        "receptor",
        "mitragynine",
    ),
    (
        DOSE_SLEEP,
        "mitragynine and 7-hydroxymitragynine, interact with opioid receptors",
        1,
        "7-hydroxymitragynine",
        "interacts_with",
        "opioid receptors",
        "receptor",
        "7-hydroxymitragynine",
    ),
    # Coordinated targets share the phrase as written: "serotonin and dopamine levels".
    (
        WOBBLES,
        "The mode of action also includes modulating serotonin and dopamine levels",
        1,
        "kratom",
        "modulates",
        "serotonin",
        "neurotransmitter",
        "The mode of action",
    ),
    (
        WOBBLES,
        "The mode of action also includes modulating serotonin and dopamine levels",
        1,
        "kratom",
        "modulates",
        "dopamine",
        "neurotransmitter",
        "The mode of action",
    ),
    # The clause names no agent: the actions are read as the article's subject's, kratom (the words
    # quoted are that earlier mention), and the span holds only what the clause writes.
    (PAIN, "activation of opioid receptors", 1, "kratom", "activates", "opioid receptors", "receptor", "kratom"),
    (PAIN, "suppress REM (Rapid Eye Movement) sleep", 1, "kratom", "inhibits", "REM sleep", "sleep_stage", "kratom"),
    (PAIN, "It acts as an agonist at these receptors", 1, "kratom", "agonist", "opioid receptors", "receptor", "It"),
    (MELATONIN, "Kratom’s ability to boost melatonin production", 1, "kratom", "increases", "melatonin", "hormone", "Kratom"),
    (
        MELATONIN,
        "mitragynine and 7-hydroxymitragynine, interact with opioid receptors",
        1,
        "mitragynine",
        "interacts_with",
        "opioid receptors",
        "receptor",
        "mitragynine",
    ),
    (
        WOBBLES,
        "mitragynine and 7-hydroxymitragynine, interact with opioid receptors",
        1,
        "7-hydroxymitragynine",
        "interacts_with",
        "opioid receptors",
        "receptor",
        "7-hydroxymitragynine",
    ),
]


@pytest.mark.parametrize("article_id, phrase, occurrence, agent, action, target, target_type, agent_text", MECHANISMS)
def test_stated_mechanisms(rows, article_id, phrase, occurrence, agent, action, target, target_type, agent_text):
    candidates = find(rows, "mechanisms", article_id, at(article_id, phrase, occurrence))
    matching = [m for m in candidates if (m.agent, m.target) == (agent, target)]
    assert len(matching) == 1, [(m.agent, m.target) for m in candidates]
    (m,) = matching
    assert (m.action, m.target_type, m.agent_text, m.negated) == (action, target_type, agent_text, False)


@pytest.mark.parametrize(
    "article_id, phrase, effect",
    [
        (
            DOSE_SLEEP,
            "Mitragynine has been found to interact with gamma-aminobutyric acid (GABA) receptors",
            "enhancing its calming effects",
        ),
        (
            WOBBLES,
            "The mode of action also includes modulating serotonin and dopamine levels",
            "contributing to its anxiolytic and euphoric effects, respectively",
        ),
    ],
)
def test_stated_effect_is_kept_verbatim(rows, article_id, phrase, effect):
    found = find(rows, "mechanisms", article_id, at(article_id, phrase))
    assert [m.effect for m in found] == [effect] * len(found)


def test_interact_with_never_becomes_an_action_type_from_the_literature(rows):
    """The seeds say "interact with", never "partial agonist": nothing may import one."""
    assert not [m for m in rows["mechanisms"] if m.action == "partial_agonist"]


def test_effects_without_a_molecular_target_are_not_mechanisms(rows):
    """ "modulate mood and reduce anxiety" names no receptor, transmitter, hormone or sleep stage."""
    span = at(DOSE_SLEEP, "The herb’s ability to modulate mood and reduce anxiety")
    assert not [m for m in rows["mechanisms"] if m.article_id == DOSE_SLEEP and span[0] <= m.provenance.char_start < span[1]]


# Claims -------------------------------------------------------------------------------------------

RHETORIC = [
    (INSOMNIA, "In this article, we explore the science behind kratom’s role in withdrawal"),
    (DOSE_SLEEP, "In this article, we’ll explore"),
    (PAIN, "Discover the natural path to pain relief with kratom supplements."),
    (PAIN, "Uncover the science behind kratom’s impact on sleep"),
    (MELATONIN, "This article explores natural solutions to alleviate symptoms"),
    (WOBBLES, "In this comprehensive guide, we explore how Kratom can alleviate symptoms"),
    (WOBBLES, "We delve into the science behind its effects"),
]


@pytest.mark.parametrize("article_id, phrase", RHETORIC)
def test_rhetoric_about_the_article_is_not_a_claim(rows, article_id, phrase):
    start, _ = at(article_id, phrase)
    assert not [c for c in rows["claims"] if c.article_id == article_id and c.provenance.char_start == start]
    assert any(s.provenance.char_start == start for s in rows["sentences"] if s.article_id == article_id)


def test_headings_are_not_claims(rows):
    headings = {(s.article_id, s.provenance.char_start) for s in rows["sentences"] if s.is_heading}
    assert headings and not [c for c in rows["claims"] if (c.article_id, c.provenance.char_start) in headings]


CLAIMS = [
    # article, sentence start, evidence, evidence cue, certainty, hedge cue texts, polarity
    (
        INSOMNIA,
        "Studies suggest that kratom’s effects on sleep are complex",
        "studies",
        "Studies suggest",
        "uncertain",
        ["suggest"],
        "affirmed",
    ),
    (DOSE_SLEEP, "Mitragynine has been found to interact", "unspecified", "has been found to", "certain", [], "affirmed"),
    (
        DOSE_SLEEP,
        "Some studies and personal accounts suggest",
        "studies",
        "Some studies and personal accounts suggest",
        "uncertain",
        ["suggest"],
        "affirmed",
    ),
    (DOSE_SLEEP, "A typical kratom dose for sleep may range", "none", None, "uncertain", ["may"], "affirmed"),
    (
        PAIN,
        "While some users report improved sleep quality, others experience",
        "users_report",
        "some users report",
        "certain",
        [],
        "affirmed",
    ),
    (
        PAIN,
        "The activation of opioid receptors could potentially suppress",
        "none",
        None,
        "uncertain",
        ["could", "potentially"],
        "affirmed",
    ),
    (PAIN, "One of the key benefits of kratom is its ability", "none", None, "certain", [], "affirmed"),
    (
        WOBBLES,
        "Kratom, while effective for managing opioid withdrawal symptoms, is not without its challenges.",
        "none",
        None,
        "certain",
        [],
        "affirmed",
    ),
    (INSOMNIA, "However, it’s essential to note that kratom itself is not without side effects.", "none", None, "certain", [], "affirmed"),
]


@pytest.mark.parametrize("article_id, opening, evidence, cue, certainty, hedges, polarity", CLAIMS)
def test_claim_hedges_evidence_and_polarity(rows, article_id, opening, evidence, cue, certainty, hedges, polarity):
    start, _ = at(article_id, opening)
    (claim,) = [c for c in rows["claims"] if c.article_id == article_id and c.provenance.char_start == start]
    assert claim.evidence == evidence
    assert (claim.evidence_cue.text if claim.evidence_cue else None) == cue
    assert claim.certainty == certainty
    assert [h.text for h in claim.hedge_cues] == hedges
    assert claim.polarity == polarity


def test_double_negation_keeps_its_cues(rows):
    start, _ = at(WOBBLES, "Kratom, while effective for managing opioid withdrawal symptoms, is not without")
    (claim,) = [c for c in rows["claims"] if c.article_id == WOBBLES and c.provenance.char_start == start]
    assert [c.text for c in claim.negation_cues] == ["not", "without"]


@pytest.mark.parametrize(
    "article_id, opening, claim_type",
    [
        (DOSE_SLEEP, "Start with a low dose of around 1-3 grams", "recommendation"),
        (DOSE_SLEEP, "Mitragynine has been found to interact", "mechanism"),
        # the seed gold's reading: the benefit named is how kratom acts ("its ability to interact
        # with opioid receptors"), the relief and the absent risk follow from it
        (PAIN, "One of the key benefits of kratom is its ability to interact with opioid receptors", "mechanism"),
        (INSOMNIA, "One significant concern is the potential for kratom to cause insomnia", "adverse_effect"),
        (WOBBLES, "These can manifest as feelings of anxiety, restlessness, or even paranoia.", "adverse_effect"),
        (MELATONIN, "Withdrawal from opioids can cause severe insomnia", "adverse_effect"),
        (PAIN, "This ancient herb, scientifically known as Mitragyna speciosa", "definition"),
    ],
)
def test_claim_types(rows, article_id, opening, claim_type):
    start, _ = at(article_id, opening)
    (claim,) = [c for c in rows["claims"] if c.article_id == article_id and c.provenance.char_start == start]
    assert claim.claim_type == claim_type


def _rules_claim_at(article_id: str, opening: str):
    """The claim of a seed article that starts at ``opening``, as the rules read it in its article."""
    start, _ = at(article_id, opening)
    (claim,) = [c for c in rules_records(seed_text(article_id), article_id).claims if c.provenance.char_start == start]
    return claim


def test_an_imperative_to_make_a_ritual_is_a_recommendation_to_the_rules():
    """An imperative recommends, as the seed gold reads it; the claim reader retrained at 0.35.0
    types this one by its context in the article as something else, so the rules' own reading of
    the sentence in its article is what is held here (the seed claim-type figure counts the
    released one)."""
    claim = _rules_claim_at(DOSE_SLEEP, "Create a calming pre-sleep ritual to enhance the effects.")
    assert claim.claim_type == "recommendation"


def test_a_conceded_benefit_with_challenges_is_an_adverse_effect_to_the_rules():
    """The seed gold's reading of "X, while effective ..., is not without its challenges"; the
    claim reader retrained at 0.34.0 reads it as efficacy, so the rules' own reading is what is
    held here (the seed claim-type figure of the evaluation counts the released one)."""
    from conftest import rules_claim_of

    claim = rules_claim_of("Kratom, while effective for managing opioid withdrawal symptoms, is not without its challenges.")
    assert claim.claim_type == "adverse_effect"


def test_a_mechanism_stated_as_the_cause_leaves_the_rules_type_to_the_harm():
    """The mechanism is only the stated cause ("due to its interaction with ..."); the claim is the
    harm, as the seed gold reads it. The claim reader, trained on dev, reads such sentences as
    mechanisms (dev's readers type 72 of 104 so) and overrides this one since 0.17.0; the seed
    claim-type figure counts it."""
    claim = _rules_claim_at(PAIN, "Kratom, a natural pain reliever from the Mitragyna speciosa plant, may paradoxically cause insomnia")
    assert claim.claim_type == "adverse_effect"


def test_every_numeric_dose_sentence_is_a_dosage_claim_unless_it_instructs(rows):
    claims = {c.id: c for c in rows["claims"]}
    numeric = [claims[d.claim_id].claim_type for d in rows["doses"] if d.kind == "numeric"]
    assert numeric and set(numeric) <= {"dosage", "recommendation"}
    assert "dosage" in numeric


# Topics and structure -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "article_id, topic_id, heading_phrase",
    [
        (DOSE_SLEEP, "sleep", "The Science Behind Kratom and Its Effects on Sleep"),
        (MELATONIN, "melatonin", "Melatonin's Role in Enhancing Sleep during Withdrawal"),
        (WOBBLES, "kratom-wobbles", "Navigating Kratom Wobbles: Side Effects & Management"),
        (PAIN, "insomnia", "The Science Behind Kratom's Insomnia Connection"),
    ],
)
def test_topic_established_by_its_heading_not_the_table_of_contents(rows, article_id, topic_id, heading_phrase):
    heading_start, heading_end = at(article_id, heading_phrase, occurrence=2)  # 1st is the contents bullet
    (topic,) = [t for t in rows["topics"] if t.article_id == article_id and t.topic_id == topic_id]
    assert topic.established_by == "heading"
    assert heading_start <= topic.provenance.char_start and topic.provenance.char_end <= heading_end


@pytest.mark.parametrize(
    "article_id, word, topic_id", [(MELATONIN, "melatonin", "melatonin"), (WOBBLES, "kratom wobbles", "kratom-wobbles")]
)
def test_topic_mention_count(rows, article_id, word, topic_id):
    expected = seed_text(article_id).lower().count(word)
    (topic,) = [t for t in rows["topics"] if t.article_id == article_id and t.topic_id == topic_id]
    assert topic.mention_count == expected


def test_seed_articles_follow_the_template(rows):
    for article in rows["articles"]:
        assert article.format == "template"
        assert [s.role for s in article.sections] == ["summary", "intro", "toc", "section", "section", "section", "conclusion"]
        assert article.title is None and article.language == "en"


def test_quoted_intro_sentences_exclude_the_wrapping_quotes(rows):
    start, _ = at(DOSE_SLEEP, "Kratom, derived from the tropical plant Mitragyna speciosa, has emerged")
    assert seed_text(DOSE_SLEEP)[start - 1] == "“"
    assert any(s.provenance.char_start == start for s in rows["sentences"] if s.article_id == DOSE_SLEEP)
