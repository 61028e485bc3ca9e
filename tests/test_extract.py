"""Extraction rules on short passages written for the purpose, and properties on arbitrary text."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import examples
from kratom_dataset.checks import validate_rows
from kratom_dataset.errors import SourceError
from kratom_dataset.extractors import extract_document
from kratom_dataset.parse import parse_article


def extract(text: str) -> dict[str, list]:
    return extract_document(parse_article(text.encode("utf-8"), article_id="t", source_file="t.txt"))


def doses(text: str):
    return extract(text)["doses"]


# Doses --------------------------------------------------------------------------------------------

NUMERIC = [
    # passage, exact, low, high, unit, low_mg, high_mg
    ("Take 1-3 grams of kratom.", "1-3 grams", 1, 3, "g", 1000, 3000),
    ("Users take 1 to 3 g daily.", "1 to 3 g", 1, 3, "g", 1000, 3000),
    ("Most take 2–4 grams.", "2–4 grams", 2, 4, "g", 2000, 4000),
    ("Most take 2—4 grams.", "2—4 grams", 2, 4, "g", 2000, 4000),
    ("A dose between 2 and 5 grams works.", "2 and 5 grams", 2, 5, "g", 2000, 5000),
    ("Try 5g first.", "5g", 5, 5, "g", 5000, 5000),
    ("Try 0.5-1 gram.", "0.5-1 gram", 0.5, 1, "g", 500, 1000),
    ("About 1.5 grams is common.", "1.5 grams", 1.5, 1.5, "g", 1500, 1500),
    ("Capsules hold 500 mg each.", "500 mg", 500, 500, "mg", 500, 500),
    ("The study used 2 mg/kg.", "2 mg/kg", 2, 2, "mg/kg", None, None),
    ("Some take 250 mcg of it.", "250 mcg", 250, 250, "ug", 0.25, 0.25),
]


@pytest.mark.parametrize("text, exact, low, high, unit, low_mg, high_mg", NUMERIC, ids=[n[1] for n in NUMERIC])
def test_numeric_amounts_and_units(text, exact, low, high, unit, low_mg, high_mg):
    (dose,) = doses(text)
    assert dose.provenance.exact == exact
    assert (dose.kind, dose.amount_low, dose.amount_high, dose.unit) == ("numeric", low, high, unit)
    assert (dose.amount_low_mg, dose.amount_high_mg) == (low_mg, high_mg)


@pytest.mark.parametrize(
    "text, comparator, low, high",
    [
        ("Take up to 15 g per day.", "<=", None, 15),
        ("Take no more than 8 grams.", "<=", None, 8),
        ("Take less than 5 grams.", "<", None, 5),
        ("Some take over 15 grams.", ">", 15, None),
        ("Take at least 1 gram.", ">=", 1, None),
    ],
)
def test_comparators_leave_the_open_end_null(text, comparator, low, high):
    (dose,) = doses(text)
    assert (dose.comparator, dose.amount_low, dose.amount_high) == (comparator, low, high)


@pytest.mark.parametrize(
    "text, field, value",
    [
        ("Start with 2 grams of leaf powder.", "preparation", "leaf_powder"),
        ("Start with 2 grams of kratom extract.", "preparation", "extract"),
        ("Take 2 grams in capsules.", "preparation", None),
        ("Start with 2 grams.", "role", "starting"),
        ("A typical dose is 3 grams.", "role", "typical"),
        ("Never exceed a maximum of 8 grams.", "role", "maximum"),
        ("Take around 2 grams.", "approximate", True),
        ("Take 2 grams.", "approximate", False),
        ("Take 2 grams in the evening.", "timing", "evening"),
        ("Take 2 grams before bed.", "timing", "bedtime"),
        ("Take 2 grams twice daily.", "frequency", 2),
        ("A kratom dose for sleep is 2 grams.", "purpose", "sleep"),
        ("A kratom dose for pain is 4 grams.", "purpose", "pain"),
        ("Melatonin at 3 mg helps.", "substance", "melatonin"),
    ],
)
def test_dose_attributes(text, field, value):
    (dose,) = doses(text)
    assert getattr(dose, field) == value


@pytest.mark.parametrize(
    "text, exact, level, role",
    [
        ("It may cause insomnia, especially at high doses.", "high doses", "high", None),
        ("Start with a low dose and wait.", "low dose", "low", "starting"),
        ("Insomnia is likelier with higher doses.", "higher doses", "high", None),
        ("A moderate dose suits most people.", "moderate dose", "moderate", None),
    ],
)
def test_qualitative_doses(text, exact, level, role):
    (dose,) = doses(text)
    assert (dose.kind, dose.provenance.exact, dose.level, dose.role) == ("qualitative", exact, level, role)


@pytest.mark.parametrize(
    "text",
    [
        "The law changed in 2019.",
        "There were 3 studies on this.",
        "Effects last 24 hours.",
        "It is 100% natural.",
        "An optimal dose for sleep varies.",
        "Take 0 grams.",
    ],
)
def test_numbers_that_are_not_doses(text):
    assert doses(text) == []


def test_a_low_dose_of_an_amount_is_one_record():
    (dose,) = doses("Start with a low dose of around 1-3 grams of kratom extract in the evening.")
    assert (dose.kind, dose.level, dose.role, dose.approximate, dose.timing) == ("numeric", "low", "starting", True, "evening")


# Mechanisms ---------------------------------------------------------------------------------------

MECHANISMS = [
    # passage, [(agent, action, target, negated)]
    ("Mitragynine binds to mu-opioid receptors.", [("mitragynine", "binds", "mu-opioid receptor", False)]),
    ("Mitragynine acts as a partial agonist at the µ-opioid receptor.", [("mitragynine", "partial_agonist", "mu-opioid receptor", False)]),
    ("7-hydroxymitragynine acts on opioid receptors.", [("7-hydroxymitragynine", "interacts_with", "opioid receptors", False)]),
    ("Kratom does not bind to GABA receptors.", [("kratom", "binds", "GABA receptors", True)]),
    (
        "Kratom interacts with opioid and GABA receptors.",
        [("kratom", "interacts_with", "opioid receptors", False), ("kratom", "interacts_with", "GABA receptors", False)],
    ),
    ("Kratom may boost melatonin production.", [("kratom", "increases", "melatonin", False)]),
    (
        "Kratom is popular. It modulates serotonin and dopamine levels.",
        [("kratom", "modulates", "serotonin", False), ("kratom", "modulates", "dopamine", False)],
    ),
    ("Kratom helps with anxiety and may modulate mood.", []),
]


@pytest.mark.parametrize("text, expected", MECHANISMS, ids=[m[0][:40] for m in MECHANISMS])
def test_mechanisms(text, expected):
    found = [(m.agent, m.action, m.target, m.negated) for m in extract(text)["mechanisms"]]
    assert found == expected


# Claims -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, evidence, certainty",
    [
        ("Studies suggest that kratom improves sleep.", "studies", "uncertain"),
        ("Research indicates that kratom affects sleep.", "research", "certain"),
        ("Many users report better sleep with kratom.", "users_report", "certain"),
        ("Kratom might cause insomnia.", "none", "uncertain"),
        ("Kratom causes insomnia.", "none", "certain"),
    ],
)
def test_claim_evidence_and_certainty(text, evidence, certainty):
    (claim,) = extract(text)["claims"]
    assert (claim.evidence, claim.certainty) == (evidence, certainty)


@pytest.mark.parametrize(
    "text",
    ["In this article, we explore kratom and sleep.", "This article explores kratom.", "Does kratom cause insomnia?"],
)
def test_rhetoric_and_questions_are_not_claims(text):
    assert extract(text)["claims"] == []


# Properties ---------------------------------------------------------------------------------------

_WORDS = [
    "kratom",
    "Kratom",
    "mitragynine",
    "7-hydroxymitragynine",
    "It",
    "its",
    "may",
    "not",
    "without",
    "studies suggest",
    "interact with",
    "opioid receptors",
    "GABA",
    "and",
    "serotonin",
    "dopamine levels",
    "boost",
    "melatonin production",
    "dose",
    "high doses",
    "low dose",
    "start with",
    "maximum of",
    "around",
    "up to",
    "1",
    "3",
    "0.5",
    "1,5",
    "-",
    "–",
    "—",
    "to",
    "between",
    "grams",
    "g",
    "mg",
    "mg/kg",
    "of leaf powder",
    "extract",
    "in the evening",
    "for sleep",
    ".",
    ",",
    "?",
    "\n",
    "\r\n",
    "- ",
    "# ",
    "“",
    "”",
    "’",
    " ",
    "é",
    "😀",
    "\u200b",
    "\u0301",
    "\u202e",
    "partial agonist",
    "μ-opioid",
    "binds to",
    "receptor",
    "is recommended",
    "risk of addiction",
    "helps",
    "insomnia",
    "refers to",
    "İ",
    "ſ",
    "K",
]
passages = st.lists(st.sampled_from(_WORDS), min_size=1, max_size=60).map(" ".join)


@settings(max_examples=examples(300), deadline=None)
@given(passages)
def test_extractors_never_fail_and_every_record_anchors_exactly(text):
    try:
        rows = extract(text)
    except SourceError as exc:
        assert exc.reason == "whitespace-only", exc
        return
    report = validate_rows(rows)
    assert report.valid, report.to_text()


# The word-index prefilter of the matchers, and the trie of the alias matcher, must never change what they find.
def _matchers():
    import copy

    from kratom_dataset.extractors import topics
    from kratom_dataset.extractors.claims import _lexicon as claims_lexicon
    from kratom_dataset.extractors.dose_cues import lexicon as doses_lexicon
    from kratom_dataset.extractors.mentions import lexicon as mechanisms_lexicon

    c, d, m = claims_lexicon(), doses_lexicon(), mechanisms_lexicon()
    found = [
        c.speculation,
        c.negation,
        c.negation_exceptions,
        c.evidence,
        c.subjects,
        d.roles,
        d.levels,
        d.timings,
        d.comparators,
        d.substances,
        m.agents,
        m.references,
        m.actions,
        m.targets,
        m.target_references,
    ]
    found += [matcher for _, _, matcher in c.types]
    assert all(x._needed for x in found)  # every matcher has entries the word index can skip
    plain = []
    for x in found:
        y = copy.copy(x)
        y.prefilter = False
        plain.append((x, y))
    trie = topics._matcher()
    alternation = copy.copy(trie)
    alternation.trie = False
    plain.append((trie, alternation))
    return plain


@settings(max_examples=examples(200), deadline=None)
@given(passages)
def test_keyword_prefilter_finds_exactly_what_the_full_scan_finds(text):
    for fast, full in _matchers():
        assert fast.find(text) == full.find(text)
        assert fast.first(text) == full.first(text)
        if hasattr(fast, "search"):
            assert fast.search(text) == full.search(text)


def _whole_and_apart():
    """Lexicon matchers whose entries are long alternations, searched whole and ``apart``."""
    from kratom_dataset import lexicon
    from kratom_dataset.extractors._match import Matcher

    claims, doses, mechanisms = lexicon.read("claims"), lexicon.read("doses"), lexicon.read("mechanisms")
    made = [
        ([(a["action"], a["pattern"], a) for a in mechanisms["actions"]], True),
        ([(t["target"], t["pattern"], t) for t in mechanisms["targets"]], True),
        ([(e["evidence"], e["pattern"], e) for e in claims["evidence"]], True),
        ([(e["role"], e["pattern"], e) for e in doses["roles"]], True),
        ([(e["evidence"], e["pattern"], e) for e in claims["evidence"]], False),
    ]
    return [(Matcher(entries, longest=longest), Matcher(entries, longest=longest, apart=True)) for entries, longest in made]


def _alternatives_of(matcher_pairs):
    from kratom_dataset.extractors._alternatives import alternatives

    return sorted({a for whole, _ in matcher_pairs for _, source, _ in whole._entries for a in alternatives(source)})


_PAIRS = _whole_and_apart()
#: Text that matches alternatives of the entries, so that entries and alternatives meet at one place.
_ALTERNATIVE_TEXT = st.lists(
    st.one_of(st.sampled_from(_WORDS), st.sampled_from(_alternatives_of(_PAIRS)).flatmap(lambda a: st.from_regex(a, fullmatch=True))),
    min_size=1,
    max_size=12,
).map(" ".join)


@settings(max_examples=examples(300), deadline=None)
@given(_ALTERNATIVE_TEXT)
def test_a_matcher_made_apart_finds_what_its_entries_find_whole(text):
    # Apart, each alternative of an entry is searched on its own; the entry still matches where
    # its alternation does, with the first alternative that matches there.
    for whole, apart in _PAIRS:
        assert apart.find(text) == whole.find(text)
        assert apart.first(text) == whole.first(text)
        assert apart.search(text) == whole.search(text)
        assert apart.matches(text) == whole.matches(text)


@settings(max_examples=examples(200), deadline=None)
@given(passages, st.data())
def test_keyword_prefilter_finds_exactly_what_the_full_scan_finds_in_any_span(text, data):
    # Spans cut words anywhere: the word index counts a cut word whole.
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for fast, full in _matchers():
        assert fast.find(text, start, end) == full.find(text, start, end)
        assert fast.first(text, start, end) == full.first(text, start, end)
        if hasattr(fast, "search"):
            assert fast.search(text, start, end) == full.search(text, start, end)


@settings(max_examples=examples(200), deadline=None)
@given(passages, st.data())
def test_a_matcher_given_the_words_of_an_enclosing_span_finds_what_it_finds_alone(text, data):
    # Extractors read a sentence's words once and hand them to every matcher asking about a part of it.
    from kratom_dataset.extractors._match import INDEX

    outer_start = data.draw(st.integers(0, len(text)))
    outer_end = data.draw(st.integers(outer_start, len(text)))
    start = data.draw(st.integers(outer_start, outer_end))
    end = data.draw(st.integers(start, outer_end))
    words = INDEX.mask(text, outer_start, outer_end)
    for fast, full in _matchers():
        if not hasattr(fast, "search"):
            continue
        assert fast.find(text, start, end, words=words) == full.find(text, start, end)
        assert fast.first(text, start, end, words=words) == full.first(text, start, end)
        assert fast.search(text, start, end, words=words) == full.search(text, start, end)
        assert fast.matches(text, start, end, words=words) == (full.search(text, start, end) is not None)


@settings(max_examples=examples(200), deadline=None)
@given(passages, st.data())
def test_every_entry_searched_in_its_fast_form_finds_what_its_pattern_finds(text, data):
    # A matcher searches each entry in a form led by a character set; the form must find the same span from any start.
    from kratom_dataset.extractors._match import _leftmost

    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for fast, _ in _matchers():
        for scan in getattr(fast, "_scans", []):
            found = scan[0].search(text, start, end)
            assert _leftmost(scan, text, start, end) == (found.span() if found else None), scan[0].pattern


_NEGATION_WORDS = ["not", "no", "never", "none", "without", "n't", "don't", "can't", "only", "more", "less", "than", "longer"]
_NEGATION_WORDS += ["with", "a", "doubt", "but", "also", "rather", "alone", "involved in", "doctor", "sleep", "Not", ",", "-", " "]


@settings(max_examples=examples(200), deadline=None)
@given(st.lists(st.sampled_from(_NEGATION_WORDS + _WORDS), min_size=1, max_size=40).map(" ".join))
def test_a_first_entry_matcher_finds_what_finditer_over_the_alternation_of_its_entries_finds(text):
    # longest=False: at one place the first entry listed wins, as in one regex alternation.
    from kratom_dataset.extractors.claims import _lexicon
    from kratom_dataset.lexicon import WORD_END, WORD_START, body

    lex = _lexicon()
    for matcher, bounded in ((lex.negation, False), (lex.negation_exceptions, True)):
        entries = matcher._entries
        alternatives = "|".join(f"(?P<e{i}>{body(p)})" for i, (_, p, _) in enumerate(entries))
        combined = re.compile(f"{WORD_START}(?:{alternatives}){WORD_END}" if bounded else f"(?:{alternatives})", re.IGNORECASE)
        expected = [(m.start(), m.end(), entries[int(m.lastgroup[1:])][0]) for m in combined.finditer(text)]
        assert [(h.start, h.end, h.label) for h in matcher.find(text)] == expected


def test_an_entry_that_refers_to_a_group_by_number_is_searched_as_it_is():
    import re

    from kratom_dataset.extractors._match import PLAIN, _leftmost, _scan

    for source in (r"(a)\1", r"(a)?(?(1)b|c)"):
        scan = _scan(re.compile(source), bounded=False)
        assert scan[2] == PLAIN
        assert _leftmost(scan, "x aab c", 0, 7) == re.search(source, "x aab c").span()


@pytest.mark.parametrize(
    "source, flags, first",
    [
        ("six|seven", 0, "s"),
        ("six|Seven", 2, "Ss"),
        ("(?<![\\w-])(?:kelvin|\\u212a)", 2, "Kk"),
        ("(?i)ab", 0, "Aa"),
        ("\\bis", 2, "Ii"),
        ("x*", 0, None),
        ("(?i:a)b", 0, None),
    ],
)
def test_first_characters_are_exact_in_ascii_and_open_outside_it(source, flags, first):
    import re

    from kratom_dataset.lexicon import first_characters

    found = first_characters(source, flags)
    if first is None:
        assert found is None
        return
    assert found is not None
    first_class = re.compile(found)
    assert {chr(c) for c in range(128) if first_class.fullmatch(chr(c))} == set(first)
    assert all(first_class.fullmatch(ch) for ch in "é\u212aµ→\U0001f600")


@settings(max_examples=examples(200), deadline=None)
@given(passages, st.booleans())
def test_the_claim_type_read_with_the_sentence_words_is_the_type_read_without(text, has_mechanism):
    # Given the sentence's words, only the types with a word in it are tried.
    from kratom_dataset.extractors._match import INDEX
    from kratom_dataset.extractors.claims import _type

    words = INDEX.mask(text, 0, len(text))
    assert _type(text, has_mechanism, words) == _type(text, has_mechanism)


_alias_words = st.lists(st.text(alphabet="ab' -é", min_size=1, max_size=6).map(str.strip).filter(bool), min_size=1, max_size=12)


@settings(max_examples=examples(300), deadline=None)
@given(_alias_words, st.text(alphabet="abAB' -é’.x", max_size=80))
def test_alias_trie_matches_like_a_longest_first_alternation(words, text):
    import copy

    from kratom_dataset.extractors._match import LiteralMatcher

    trie = LiteralMatcher([(w, [w], {}) for w in words])
    alternation = copy.copy(trie)
    alternation.trie = False
    assert trie.find(text) == alternation.find(text)


@pytest.mark.parametrize(
    "text", ["Mitragynine binds to mu-opioid receptors.", "Kratom may help with sleep at 2 grams. It binds to opioid receptors."]
)
def test_the_first_text_a_process_reads_gives_what_any_later_one_does(text):
    # Lexicons load on first use, while a document is half read; what a worker reads first must not lose records.
    import json
    import subprocess
    import sys

    from kratom_dataset.extractors import extract, to_json

    script = "import json, sys; from kratom_dataset.extractors import extract, to_json; print(json.dumps([to_json(r) for r in extract(sys.argv[1])]))"
    cold = subprocess.run([sys.executable, "-c", script, text], capture_output=True, text=True, check=True).stdout
    extract("Some take 2 grams of kratom, which acts on opioid receptors.")
    assert json.loads(cold) == [to_json(r) for r in extract(text)]


# Shortcuts that skip work must give what the work would have given.
@settings(max_examples=examples(200), deadline=None)
@given(passages)
def test_sentences_with_numeric_doses_are_read_off_the_dose_scan(text):
    from kratom_dataset.extractors import claims
    from kratom_dataset.extractors import doses as dose_rules

    try:
        doc = parse_article(text.encode("utf-8"), article_id="t", source_file="t.txt")
    except SourceError:
        return
    claim_ids = {i: claims.claim_id(doc, i) for i in range(len(doc.sentences))}
    found, numeric = dose_rules.doses_and_amounts(doc, claim_ids)
    assert numeric == {i for i in claim_ids if any(d.kind == "numeric" for d in dose_rules._sentence_doses(doc, i, claim_ids[i]))}
    assert found == dose_rules.extract_doses(doc, claim_ids)


_english_words = st.lists(
    st.sampled_from(
        [
            "the",
            "THE",
            "And",
            "of",
            "to",
            "is",
            "in",
            "that",
            "with",
            "for",
            "as",
            "it",
            "are",
            "this",
            "İt",
            "ſ",
            "thiS",
            "x",
            "to7",
            "_the",
            "théâtre",
            "K",
        ]
    ),
    max_size=30,
)


@settings(max_examples=examples(300), deadline=None)
@given(_english_words, st.sampled_from([" ", "", "-", "\n", "é"]))
def test_english_word_count_is_the_plain_alternation(words, sep):
    import re

    from kratom_dataset.extractors import english_words

    text = sep.join(words)
    plain = re.compile(r"\b(?:the|and|of|to|is|in|that|with|for|as|it|are|this)\b", re.IGNORECASE)
    assert english_words(re.findall(r"\w+", text)) == len(plain.findall(text))


@settings(max_examples=examples(300), deadline=None)
@given(_english_words, st.sampled_from([" ", "", "-", "\n", "é", " İ "]))
def test_the_language_of_a_text_is_read_from_its_words_as_written(words, sep):
    import re

    from kratom_dataset.extractors import english_words, language

    text = sep.join(words)
    found = re.findall(r"\w+", text)
    expected = None if len(found) < 5 else "en" if english_words(found) / len(found) >= 0.08 else None
    assert language(text) == expected


@pytest.mark.parametrize(
    "text, role",
    [
        ("Increase your dose by half a gram each week.", "titration"),
        ("Gradually increase the DOSAGE over a week.", "titration"),
        ("Start low and gradually increase it over a week.", "titration"),
        ("Prices gradually increase over a year.", None),
        ("Gradually increase your water intake.", None),
        ("Slowly reduce your daily dose over a month.", "taper_step"),
        ("Cut your daily amount by 10% each week.", "taper_step"),
        ("Our powder is 1.2% mitragynine.", None),
        ("About 40% of users report better sleep.", None),
    ],
)
def test_a_change_of_dose_is_a_dose_only_when_it_names_the_dose(text, role):
    found = doses(text)
    assert [d.role for d in found] == ([role] if role else [])


# A lookahead on first characters leads the regexes scanned over every sentence; it must never change a match.
@pytest.mark.parametrize(
    "source, text, found",
    [
        (r"(?<![\w-])(?:(?:very )?low|lower|\d+)\s*mg", "a Very low mg, LOWER mg or 20 mg", ["Very low mg", "LOWER mg", "20 mg"]),
        (r"six|seven", "ſix and ſeven", ["ſix", "ſeven"]),  # the long s folds to s under IGNORECASE
        (r"kelvin", "\u212aelvin", ["\u212aelvin"]),  # so does the Kelvin sign to k
        (r"(?:x|)y", "y xy", ["y", "xy"]),
        (r"a?b", "b ab", ["b", "ab"]),
        (r"(?=q)qa|z", "qa z", ["qa", "z"]),
        (r"[^a]b|c", "ab xb c", ["xb", "c"]),
        (r"(?-i:A)b", "Ab ab AB", ["Ab", "AB"]),
        (r"x*", "xx", ["xx", ""]),
        (r"\bnot\b|\W+", "it is not - here", [" ", " ", "not", " - "]),
    ],
)
def test_a_guarded_pattern_matches_what_the_pattern_alone_matches(source, text, found):
    import re

    from kratom_dataset.lexicon import guarded

    assert [m.group() for m in guarded(source, re.IGNORECASE).finditer(text)] == found
    assert [m.group() for m in re.compile(source, re.IGNORECASE).finditer(text)] == found


@pytest.mark.parametrize(
    "source, guard",
    [(r"six|seven", "(?=[\\x73])"), (r"(?<![\w.,])(?:between|\d+)", "(?=[\\x62\\d])"), (r"[^a]b", None), (r"x*", None), (r"(?i:a)b", None)],
)
def test_the_guard_names_the_first_characters_or_is_left_out(source, guard):
    from kratom_dataset.lexicon import guarded

    pattern = guarded(source).pattern
    assert pattern.startswith(guard) if guard else pattern == source


@settings(max_examples=examples(200), deadline=None)
@given(
    st.lists(
        st.sampled_from([*_WORDS, "ſix", "Between", "½", "1,5", "0.5-1", "١٢ mg", "a half", "HALF A", "Very High dose"]),
        min_size=1,
        max_size=40,
    ).map(" ".join)
)
def test_the_dose_patterns_find_with_their_guard_what_they_find_without(text):
    import re

    from kratom_dataset.extractors.dose_cues import lexicon as _lexicon

    lex = _lexicon()
    for guarded_pattern in (lex.numeric, lex.qualitative):
        plain = re.compile(guarded_pattern.pattern.split(")(?:", 1)[1][:-1], guarded_pattern.flags)
        assert [(m.span(), m.groupdict()) for m in guarded_pattern.finditer(text)] == [
            (m.span(), m.groupdict()) for m in plain.finditer(text)
        ]


@settings(max_examples=examples(200), deadline=None)
@given(
    st.lists(
        st.sampled_from([*_WORDS, "ſix", "Between", "½", "1,5", "0.5-1", "١٢ mg", "a half", "HALF A", "a gram", "-2 g", ".5mg", "x"]),
        min_size=1,
        max_size=40,
    ).map(lambda words: "".join(w + sep for w, sep in zip(words, itertools.cycle([" ", "", ",", "-", " ", "."])))),
    st.integers(0, 12),
)
def test_the_amount_patterns_find_in_their_bounded_form_what_they_find_as_they_are(text, start):

    from kratom_dataset.extractors._bounded import bounded_matches
    from kratom_dataset.extractors.amounts import _grammar

    lex = _grammar()
    for forms in (lex.numeric_forms, lex.single):
        assert [(m.span(1), m.groupdict()) for m in bounded_matches(forms, text, start, len(text) - 1)] == [
            (m.span(), m.groupdict()) for m in forms.plain.finditer(text, start, len(text) - 1)
        ]


_regex_words = st.lists(st.text(alphabet="abAB' ékKsSiI(?:|)", min_size=0, max_size=5), min_size=1, max_size=8)


@settings(max_examples=examples(300), deadline=None)
@given(
    _regex_words,
    st.sampled_from(["", "x", "(?!b)", "b"]),
    st.booleans(),
    st.text(alphabet="abAB' éxkKsSiI\u0130\u0131\u017f\u212a", max_size=30),
)
def test_a_factored_pattern_matches_as_the_pattern_does(words, tail, ignorecase, text):
    import re

    from kratom_dataset.lexicon import factored

    source = f"(?:{'|'.join(words)}){tail}"
    flags = re.IGNORECASE if ignorecase else 0
    try:
        plain = re.compile(source, flags)
    except re.error:
        return
    assert [m.span() for m in factored(source, flags).finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_a_letter_matches_ignoring_case_its_two_cases_and_the_folds_listed():
    import re
    import string

    from kratom_dataset.lexicon import _FOLDS

    letter = re.compile("[a-z]", re.IGNORECASE)
    found = {c: c + c.upper() for c in string.ascii_lowercase}
    for code in range(128, 0x110000):
        char = chr(code)
        if letter.fullmatch(char):
            (same,) = [c for c in string.ascii_lowercase if re.fullmatch(c, char, re.IGNORECASE)]
            found[same] += char
    assert found == {c: c + c.upper() + _FOLDS.get(c, "") for c in string.ascii_lowercase}


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(st.text(alphabet="ab'’ -é", min_size=1, max_size=5), min_size=1, max_size=10), st.text(alphabet="abAB'’ -éx", max_size=30))
def test_an_alternation_of_words_matches_as_the_plain_alternation_does(words, text):
    import re

    from kratom_dataset.lexicon import APOSTROPHE, alternation

    plain = "|".join(re.escape(w).replace("'", APOSTROPHE) for w in sorted(words, key=len, reverse=True))
    for tail in ("", "(?!a)", "b"):
        expected = [m.span() for m in re.finditer(f"(?:{plain}){tail}", text, re.IGNORECASE)]
        assert [m.span() for m in re.finditer(f"(?:{alternation(words)}){tail}", text, re.IGNORECASE)] == expected


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


@pytest.mark.parametrize("name", ["claims", "doses", "mechanisms", "taxonomy"])
def test_no_lexicon_pattern_holds_a_straight_apostrophe_in_a_character_class(name):
    """The loader turns every straight apostrophe into a class of both apostrophes, which inside
    a character class would break it silently; write \\x27 there instead."""
    import json
    from importlib import resources

    data = json.loads(resources.files("kratom_dataset.lexicons").joinpath(f"{name}.json").read_text(encoding="utf-8"))
    classes = re.compile(r"(?<!\\)\[(?:\\.|[^\]\\])*\]")
    bad = [s for s in _strings(data) for c in classes.findall(s) if "'" in c]
    assert bad == []


def test_a_lexicon_piece_stands_wherever_a_pattern_names_it():
    from kratom_dataset.lexicon import read

    claims = read("claims")
    assert not any("<<" in s for s in _strings({k: v for k, v in claims.items() if k != "pieces"}))
    assert f"(?:{claims['pieces']['page']})" in claims["rhetoric"][1]


def test_a_pattern_naming_a_piece_the_lexicon_lacks_is_a_typed_error():
    from kratom_dataset.errors import LexiconError
    from kratom_dataset.lexicon import _with_pieces

    with pytest.raises(LexiconError, match=r"<<place>>.*Add it there"):
        _with_pieces({"rhetoric": ["in this <<place>>"]}, {"page": "article|post"}, "claims")


@settings(max_examples=examples(300), deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=80))
def test_ascii_text_is_split_into_the_same_words_by_the_ascii_tokeniser(text):
    # The word index and the language guess read ASCII text lower-cased with a tokeniser that tests characters by table.
    from kratom_dataset.extractors import _WORD
    from kratom_dataset.extractors._words import _TOKEN, ascii_words

    assert ascii_words(text) == _TOKEN.findall(text.lower())
    assert ascii_words(text) == _WORD.findall(text.lower())


# Units that open like page talk or furniture, so that the openings are tried where they may match.
_OPENERS = [
    "Here is",
    "In this article we",
    "Thanks for asking",
    "By ",
    "Dr. Lee, MD",
    "Hi all,",
    "© 2024",
    "[1] Smith J",
    "— Dana",
    "Is it",
    "How much",
    "did anyone",
    "PMID:",
    "¹ Department",
    # openings of the furniture patterns that hold no word
    "leafdrifter · 3 Mar 2024",
    "u/quietleaf ·",
    "#kratom ·",
    "help@example.org",
    "(see above)",
    "Step One: Know Your Number",
    "★★★★",
    "▲ 12",
]


@settings(max_examples=examples(200), deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_OPENERS), st.sampled_from(_WORDS)), min_size=1, max_size=8).map(" ".join))
def test_an_opening_matches_where_the_alternation_of_its_patterns_does(unit):
    from kratom_dataset import lexicon
    from kratom_dataset.extractors.claim_cues import _opening_source
    from kratom_dataset.extractors.claim_cues import lexicon as claim_lexicon

    lex, cues = lexicon.read("claims"), claim_lexicon()
    for name in ("rhetoric", "furniture"):
        whole = re.compile(_opening_source(lex[name]), re.IGNORECASE)
        assert getattr(cues, name).match(unit) == (whole.match(unit) is not None), name
