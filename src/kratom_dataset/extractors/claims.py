"""Claims: one per asserting sentence, typed, with its hedges, negations and stated evidence.

A sentence is the claim unit of release one: the article's own words, never paraphrased.
Headings, table-of-contents entries and rhetoric about the article itself ("In this article we
explore") are not claims. Certainty follows CoNLL-2010: any speculation cue makes the claim
``uncertain``. Evidence is what the article says backs it ("Studies suggest"), not whether
such studies exist.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from .. import lexicon as lexicons
from ..document import Document
from ..ids import record_id
from ..lines import AMOUNT, is_forum_handle_line, is_headline
from ..models import Claim, Cue
from ..provenance import sentence_anchor
from . import topics
from ._match import SUBSETS_LIMIT, Hit, Matcher, alternatives, led, leftmost_span
from ._words import INDEX

NAME = "kratom_dataset.extractors.claims"
VERSION = f"1.0.0+{lexicons.version('claims', 'taxonomy')}"

CLAIM_ROLES = frozenset({"summary", "intro", "section", "conclusion", "body"})
_WORDS = re.compile(r"[^\W\d_]{2,}")
# "X inhibits CYP3A4, which can raise levels of ...": the harm follows from the mechanism stated first.
_CONSEQUENCE = re.compile(r",\s*(?:which|so|thereby|therefore)\b|\bwhich means\b|\bso that\b|;\s*all\b", re.IGNORECASE)
# "Never take ...", "Don't mix ...": advice given, not a statement denied.
_PROHIBITION = re.compile(r"(?:(?:please|and|so|also|just)\s+)?(?:never|do not|don['’]?t|dont)\b", re.IGNORECASE)
# "should not mix", "mustn't": a negation after a modal gives advice.
_MODAL_BEFORE = re.compile(r"\b(?:should|must|shall)\s*\Z", re.IGNORECASE)
# ", never take more than 8 g", "and do not drive": a negation that opens a clause of instructions.
_SERIES_BEFORE = re.compile(r"(?:[,;:]|\band|\bor|\bplease)\s+(?:do\s*)?\Z", re.IGNORECASE)
# "advised not to combine", but not "is not to be confused with".
_TO_AFTER = re.compile(r"\s+to\s+(?!be\b)[a-z]", re.IGNORECASE)


#: The type matchers a sentence can match, by type name and strength.
_Types = dict[tuple[str, bool], list[Matcher]]


@dataclass(frozen=True)
class _Lexicon:
    rhetoric: re.Pattern[str]
    furniture: re.Pattern[str]
    speculation: Matcher
    negation: Matcher
    negation_exceptions: Matcher
    evidence: Matcher
    personal: Matcher
    types: list[tuple[str, bool, Matcher]]
    subjects: Matcher
    main_clause: re.Pattern[str]
    appositive: re.Pattern[str]
    subordinate_mechanism: re.Pattern[str]
    type_words: int  # word-index bits of every type pattern (-1 when one has no word to look for)
    type_subsets: dict[int, _Types]  # a sentence's type bits -> the types it can match
    dose_outcomes: re.Pattern[str]
    study_design: re.Pattern[str]
    study_frame: re.Pattern[str]
    use_motive: re.Pattern[str]


@functools.cache
def _lexicon() -> _Lexicon:
    lex = lexicons.read("claims")
    negations = [w for w in lex["negation"] if not w.startswith("n'")]
    types = [
        (t["type"], t.get("strong", False), Matcher([(t["type"], p, {}) for p in alternatives(t["pattern"])], bounded=False))
        for t in lex["types"]
    ]
    type_words = functools.reduce(operator.or_, (matcher.needs for _, _, matcher in types), 0)
    return _Lexicon(
        rhetoric=_opening(lex["rhetoric"]),
        furniture=_opening(lex["furniture"]),
        speculation=Matcher([("speculation", w, {}) for w in lex["speculation"]]),
        # Leftmost, then the first word listed that matches, as in one regex alternation.
        negation=Matcher(
            [("negation", rf"(?<![\w-])(?:{w})(?!\w)", {}) for w in negations] + [("negation", r"n't(?!\w)", {})],
            bounded=False,
            longest=False,
        ),
        negation_exceptions=Matcher([("exception", w, {}) for w in lex["negation_exceptions"]], longest=False),
        evidence=Matcher([(e["evidence"], e["pattern"], e) for e in lex["evidence"]]),
        personal=Matcher([("personal_accounts", lex["personal"], {})], bounded=False),
        types=types,
        type_words=type_words,
        type_subsets={},
        subjects=Matcher([(s["subject"], s["pattern"], s) for s in lex["subjects"]]),
        main_clause=lexicons.factored(lex["main_clause"], re.IGNORECASE),
        dose_outcomes=lexicons.factored(lex["dose_outcomes"], re.IGNORECASE),
        study_design=lexicons.factored(lex["study_design"], re.IGNORECASE),
        study_frame=lexicons.factored(lex["study_frame"], re.IGNORECASE),
        use_motive=lexicons.factored(lex["use_motive"], re.IGNORECASE),
        appositive=lexicons.factored(lex["appositive"], re.IGNORECASE),
        subordinate_mechanism=lexicons.factored(lexicons.body(lex["subordinate_mechanism"]), re.IGNORECASE),
    )


# A transcript's speaker tag, with an optional time code and role: "[00:03:12] HOST (Dana Reyes): ";
# after a time code, a chat handle of any case: "[21:07] mossy_k: ", "21:05 Peer (Renee): ".
_SPEAKER = re.compile(
    r"^(?:(?:\[\d{1,2}:\d{2}(?::\d{2})?\]\s*)?(?-i:[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]+){0,2})"
    r"|\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s+[\w.'’-]{1,24}(?: [A-Z][\w.'’-]{0,20})?)(?:\s*\([^)]{1,40}\))?:\s+"
)


# A unit that ends in a question mark, after closing quotes or a signature: 'Is that a
# problem?"', "Will melatonin help? — Dana, Ohio".
_QUESTION = re.compile(r"\?[\"”’')\]]*(?:\s*[—–-]\s*[^.!?\n]{1,40})?\s*$")


def _spoken(sentence: str) -> str:
    """What a speaker says, without the speaker's tag ("[00:04:52] HOST: Interesting.")."""
    speaker = _SPEAKER.match(sentence)
    return sentence[speaker.end() :] if speaker else sentence


def asks_or_furnishes(sentence: str) -> bool:
    """Whether a unit asks a question or is page furniture: never a claim, whatever it holds."""
    return _says_nothing(_spoken(sentence))


def _says_nothing(spoken: str) -> bool:
    """:func:`asks_or_furnishes` of a unit already read past its speaker's tag."""
    return _asks(spoken) or is_furniture(spoken) or _lead_in(spoken)


def _lead_in(sentence: str) -> bool:
    """A short unit ending in a colon with no amount ("Depending on your history, your plan may
    include:"): it introduces the units under it and asserts nothing itself."""
    return len(sentence) < 80 and sentence.rstrip().endswith(":") and not AMOUNT.search(sentence)


def _asks(sentence: str) -> bool:
    """Whether a unit is a question. One that quotes a question it opened the quote for
    ('answers questions like "does kratom cause insomnia?"') still asserts."""
    m = _QUESTION.search(sentence)
    if m is None:
        return False
    closer = m.group(0)[1:].lstrip()[:1]
    if closer == "" or closer not in "\"”’')]":
        return True
    opening = max(sentence.rfind(q, 0, m.start()) for q in '"“‘(')
    # 'Ask the Pharmacist: "Can I ...?"' is a question under a label; 'answers questions like
    # "does kratom cause insomnia?"' asserts; 'Is that a problem?"' closes a quote opened before.
    return opening < 0 or sentence[:opening].rstrip()[-1:] in ("", ":", "\u2014", "\u2013")


def claim_sentences(doc: Document) -> dict[int, str]:
    """Sentence index -> claim id for every sentence that asserts something."""
    lex = _lexicon()
    out = {}
    for i, s in enumerate(doc.sentences):
        if s.is_heading or doc.sections[s.section_index].role not in CLAIM_ROLES:
            continue
        sentence = _spoken(doc.flat[s.start : s.end])
        if lex.rhetoric.match(sentence) or (_says_nothing(sentence) and not _answers(doc, i, sentence)):
            continue
        out[i] = claim_id(doc, i)
    return out


# A one-word answer: "Yes.", "Sometimes.", "Rarely!"
_ANSWER = re.compile(r"(?:yes|no|nope|yep|sometimes|rarely|often|usually|mostly|probably|maybe|possibly|never|always)[.!]?", re.IGNORECASE)


def _answers(doc: Document, index: int, sentence: str) -> bool:
    """Whether a unit is a one-word answer to the question just before it ("Can I take it with
    sertraline?" "Sometimes."): it asserts what the question asked."""
    if index == 0 or not _ANSWER.fullmatch(sentence.strip()):
        return False
    prior = doc.sentences[index - 1]
    return _asks(_spoken(doc.flat[prior.start : prior.end]))


def _personal(text: str, start: int, end: int, words: int | None = None) -> Hit | None:
    """The words by which the writer reports their own experience ("helped me", "in my experience");
    ``words`` is the word-index mask of a span holding this one, as :meth:`Matcher.first` reads it."""
    return _lexicon().personal.first(text, start, end, words=words)


# Where a sentence's first clause ends: what comes after ("..., but it does not ...") qualifies it.
_CLAUSE_END = re.compile(
    r"\s*[;:\u2014]|\s+[\u2013-]\s|,\s*(?:but|and|so|which|whereas|while|though|although|yet|because|since|as|if|unless|or|not|rather|instead)\b"
    r"|\s+(?:but|because|although|though|whereas|while|rather than|instead of|if|unless)\s",
    re.IGNORECASE,
)
_CLAUSE_END_LED = led(_CLAUSE_END)


# "If you choose to use kratom, do not ...": a condition before the clause it governs.
_CONDITION = re.compile(r"(?:if|when|unless|once|before|after|because|since)\b[^,;:.]{0,80},\s*", re.IGNORECASE)
# "Note: ", "Short answer: ", "CYP2C9 and CYP1A2: ": a label before the clause.
_LABEL = re.compile(r"[^:;.,]{1,40}:\s+")


def _in_brackets(text: str, start: int, at: int) -> bool:
    """Whether ``at`` lies inside brackets opened after ``start``: "Heavy: 8 g+ (not recommended)"."""
    return text.count("(", start, at) > text.count(")", start, at)


def _main_clause(text: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence's main clause starts and ends: past a leading subordinate clause ("While
    X, Y", "If X, Y") or a label ("My advice: ..."), up to the first clause that qualifies it."""
    lead = _lexicon().main_clause.match(text, start, end) or _CONDITION.match(text, start, end) or _LABEL.match(text, start, end)
    begin = lead.end() if lead else start
    span = leftmost_span(_CLAUSE_END_LED, text, begin, end)
    return begin, span[0] if span else end


def _advises(text: str, start: int, end: int) -> bool:
    """Whether the negation at ``start:end`` gives advice rather than denying the claim: after a modal
    ("should not"), before "to" ("advised not to mix"), or opening a clause of a series of
    instructions (", never take more than 8 g")."""
    word = text[start:end].lower()
    before = text[max(0, start - 8) : start]
    if _MODAL_BEFORE.search(before) or (word == "not" and _TO_AFTER.match(text, end)):
        return True
    series = _SERIES_BEFORE.search(before)
    return series is not None and (word == "never" or series.group().rstrip().lower().endswith("do"))


def _polarity(negations: list[Cue]) -> str:
    """``negated`` when a negation cue of the main clause denies the claim. Two cues close together
    deny each other ("not without side effects" reads as affirmed)."""
    paired: set[int] = set()
    for i, (a, b) in enumerate(itertools.pairwise(negations)):
        if b.char_start - a.char_end <= 12:
            paired.update((i, i + 1))
    # "eases cravings without a strong high": a "without" phrase qualifies the assertion, it does not deny it
    denying = [n for i, n in enumerate(negations) if i not in paired and n.text.lower() != "without"]
    return "negated" if denying else "affirmed"


def is_furniture(sentence: str) -> bool:
    """Whether a unit is page furniture, never a claim whatever it holds: a byline, a dateline, a
    breadcrumb, a greeting or sign-off, a call to action, or a unit of fewer than two words
    ("$34.99", "Jo", "★★★★☆ (212 reviews)"), or a headline ("Doctors Say the Evidence Is Thin.")."""
    if len(sentence) < 40 and len(_WORDS.findall(sentence)) < 2 and not AMOUNT.search(sentence):  # "Low: 1-2 g" states one
        return True
    return _lexicon().furniture.match(sentence) is not None or is_forum_handle_line(sentence) or is_headline(sentence.split("\n", 1)[0])


def _opening(patterns: list[str]) -> re.Pattern[str]:
    """One case-insensitive regex for units that open with any of ``patterns`` (after a quote)."""
    return lexicons.factored(rf"^(?:[\"“‘']\s*)?(?:{'|'.join(patterns)})(?!\w)".replace("'", lexicons.APOSTROPHE), re.IGNORECASE)


def claim_id(doc: Document, index: int) -> str:
    """Id of the claim made by sentence ``index`` (doses and mechanisms point at it)."""
    s = doc.sentences[index]
    return record_id("clm", doc.article_id, s.start, s.end)


def extract_claims(
    doc: Document,
    claim_ids: dict[int, str],
    *,
    dosage: AbstractSet[int] = frozenset(),
    mechanism: AbstractSet[int] = frozenset(),
    topic_mentions: list[Hit] | None = None,
) -> list[Claim]:
    """Claims for the given sentences; ``dosage``/``mechanism`` name sentences known to state one.

    ``topic_mentions`` (the document's taxonomy mentions) saves a second scan when given.
    """
    mentions = topics.mentions(doc.flat) if topic_mentions is None else topic_mentions
    starts = [h.start for h in mentions]
    out: list[Claim] = []
    for index, cid in sorted(claim_ids.items()):
        s = doc.sentences[index]
        lo = bisect.bisect_left(starts, s.start)
        hi = bisect.bisect_left(starts, s.end, lo)
        out.append(_claim(doc, index, cid, index in dosage, index in mechanism, mentions[lo:hi]))
    return out


def _claim(doc: Document, index: int, cid: str, has_dose: bool, has_mechanism: bool, mentions: list[Hit]) -> Claim:
    lex = _lexicon()
    text = doc.flat
    s = doc.sentences[index]
    sentence = text[s.start : s.end]
    words = INDEX.sentence_words(doc)[index]

    hedges = [
        Cue.trusted(char_start=h.start, char_end=h.end, text=h.text(doc.text), cue_type="speculation")
        for h in lex.speculation.find(text, s.start, s.end, words=words)
    ]
    excepted = [(h.start, h.end) for h in lex.negation_exceptions.find(text, s.start, s.end, words=words)]
    main_start, main_end = _main_clause(text, s.start, s.end)
    negations = [
        Cue.trusted(char_start=h.start, char_end=h.end, text=h.text(doc.text), cue_type="negation")
        for h in lex.negation.find(text, s.start, s.end, words=words)
        if not any(a <= h.start < b for a, b in excepted)
        and not _PROHIBITION.match(text, main_start, h.end)
        and not _advises(text, h.start, h.end)
    ]
    evidence_hit = lex.evidence.first(text, s.start, s.end, words=words) or _personal(text, s.start, s.end, words)
    evidence_cue = (
        Cue.trusted(char_start=evidence_hit.start, char_end=evidence_hit.end, text=evidence_hit.text(doc.text), cue_type="evidence")
        if evidence_hit
        else None
    )
    subject = lex.subjects.first(text, s.start, s.end, words=words)
    claim_type = _type(sentence, has_mechanism, words, has_dose or _COUNTED_FORM.search(sentence) is not None)
    return Claim.trusted(
        id=cid,
        article_id=doc.article_id,
        claim_type=claim_type,
        subject=subject.label if subject else None,
        polarity=_polarity(
            [n for n in negations if main_start <= n.char_start < main_end and not _in_brackets(text, main_start, n.char_start)]
        ),
        certainty="uncertain" if hedges else "certain",
        hedge_cues=hedges,
        negation_cues=negations,
        evidence=evidence_hit.label if evidence_hit else "none",
        evidence_cue=evidence_cue,
        topic_ids=sorted({h.label for h in mentions if s.start <= h.start and h.end <= s.end}),
        provenance=sentence_anchor(doc, index, extractor=NAME, extractor_version=VERSION),
    )


# "two servings a day", "Down to 14 capsules", "chew 3–10 leaves per session": an amount counted
# in the form it is taken in, which no unit measures but which states a dose all the same.
_COUNTED_FORM = re.compile(
    r"\b(?:\d+(?:[.,]\d+)?(?:\s*(?:-|–|to|or|until)\s*\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a couple of|a few|half a|a full|a)\s+"
    r"(?:(?:fresh|dried|level|heaping|full|small|big|large|\w+-sized)\s+)?"
    r"(?:capsules?|caps|tablets?|tabs|gummies|gummy|servings?|leaves|leaf|droppers?(?:ful)?|scoops?|pills?|shots?|cups?|glass(?:es)?|doses)\b",
    re.IGNORECASE,
)


def _type(sentence: str, has_mechanism: bool, words: int | None = None, has_dose: bool = False) -> str:
    """The claim type of the sentence's main assertion, by a fixed priority.

    In "While X, Y" only Y is read, and a leading aside ("Kratom, derived from ..., has") is
    skipped. Priority: recommendation (an imperative, also after a lead-in clause or a
    semicolon, or "should", "ask your doctor"); a definition by form ("is a ... plant", "refers
    to"); an explicit safety statement (legal status, contamination, "safe"); mechanism (a
    mechanism record in the sentence, unless it is only the cause or means: "due to its
    interaction with"); adverse effect, unless a relief word comes first ("alleviates ...
    sleep disturbances" is efficacy); dosage (an amount stated as a dose, unless the sentence
    says what the dose did: "around 2 grams helped me fall asleep" is efficacy, or how a study was
    run: "were randomised to 2, 4 or 8 mg" is other); a mechanism by its
    words (receptors, enzymes, metabolism); risk; efficacy; definition; other. ``words`` is the
    word-index mask of the whole sentence, whose words include the clause's.
    """
    lex = _lexicon()
    fallback = "mechanism" if has_mechanism else "dosage" if has_dose else "other"
    present = -1 if words is None or lex.type_words == -1 else words & lex.type_words
    if present == 0:
        return fallback  # no type word: what the cascade below ends with
    candidates = lex.type_subsets.get(present)
    if candidates is None:  # sentences share a few combinations of type words: read far more often than made
        if len(lex.type_subsets) >= SUBSETS_LIMIT:
            lex.type_subsets.clear()
        candidates = lex.type_subsets[present] = _by_type([t for t in lex.types if t[2].needs & present])
    if lex.study_frame.match(sentence):
        return "other"  # "Primary outcome: total sleep time": how a study is framed, not a finding
    main = lex.main_clause.match(sentence)
    clause = sentence[main.end() :] if main else sentence
    aside = lex.appositive.match(clause)
    if aside:  # "Kratom, a natural pain reliever from ..., may cause insomnia": read past the aside
        clause = f"{aside.group('subject')} {clause[aside.end() :]}"
    cues = _TypeCues(candidates, clause, words, lex.use_motive)
    if cues.holds("recommendation", False):
        return "recommendation"
    for ruling in ("definition", "safety"):
        if cues.holds(ruling, True):
            return ruling
    if has_mechanism:
        at = cues.start("adverse_effect", True)
        if at is not None and not _CONSEQUENCE.search(clause, 0, at):
            return "adverse_effect"
    elif cues.holds("adverse_effect", True):
        return "adverse_effect"
    if has_mechanism and not lex.subordinate_mechanism.search(sentence):
        return "mechanism"
    adverse = cues.start("adverse_effect", False)
    if adverse is not None and adverse < _or(cues.start("efficacy", False), len(clause)):
        return "adverse_effect"
    if has_dose and not lex.dose_outcomes.search(clause):
        # "helped me fall asleep" after a dose: the point is what it did; "were randomised to 2, 4
        # or 8 mg": the point is how a study was run
        return "other" if lex.study_design.search(clause) else "dosage"
    for name in ("mechanism", "safety", "efficacy", "definition"):
        if cues.holds(name, False):
            return name
    return fallback


def _by_type(types: list[tuple[str, bool, Matcher]]) -> _Types:
    """Type matchers grouped by type name and strength, in lexicon order."""
    out: _Types = {}
    for name, strong, matcher in types:
        out.setdefault((name, strong), []).append(matcher)
    return out


def _or(value: int | None, default: int) -> int:
    return default if value is None else value


_EFFICACY = ("efficacy", False)


class _TypeCues:
    """Where the type patterns of a clause first match, each searched only when the cascade of
    :func:`_type` asks: most sentences are typed by the first rule that holds, and a rule that
    only asks whether a type matches stops at its first entry that does."""

    def __init__(self, candidates: _Types, clause: str, words: int | None, motive: re.Pattern[str] | None = None) -> None:
        self._candidates = candidates
        self._clause = clause
        self._words = words
        self._motive = motive
        self._starts: dict[tuple[str, bool], int | None] = {}

    def start(self, name: str, strong: bool) -> int | None:
        """Where the type's leftmost match in the clause starts, or None."""
        key = (name, strong)
        if key not in self._starts:
            found = [m.search(self._clause, words=self._words) for m in self._candidates.get(key, ())]
            at = min((at for at in found if at is not None), default=None)
            if at is not None and key == _EFFICACY and self._motive is not None:
                motive = self._motive.search(self._clause)
                if motive and motive.start() <= at < motive.end():
                    at = None  # "many turn to kratom to ease withdrawal": why people use it, not whether it works
            self._starts[key] = at
        return self._starts[key]

    def holds(self, name: str, strong: bool) -> bool:
        """Whether the type matches anywhere in the clause."""
        key = (name, strong)
        if key in self._starts or key == _EFFICACY:
            return self.start(name, strong) is not None
        for matcher in self._candidates.get(key, ()):
            if matcher.matches(self._clause, words=self._words):
                return True
        return False
