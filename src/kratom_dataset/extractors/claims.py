"""Claims: one per asserting sentence, typed, with its hedges, negations and stated evidence.

A sentence is the claim unit of release one: the article's own words, never paraphrased.
Headings, table-of-contents entries and rhetoric about the article itself ("In this article we
explore") are not claims. Certainty follows CoNLL-2010: any speculation cue makes the claim
``uncertain``. Evidence is what the article says backs it ("Studies suggest"), not whether
such studies exist.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Set as AbstractSet

from .. import lexicon as lexicons
from ..cells import under_row
from ..document import Document
from ..ids import record_id
from ..lines import (
    AMOUNT,
    CHAT_STAMP,
    CLOCK,
    is_author_line,
    is_dotted_byline,
    is_forum_byline,
    is_forum_handle_line,
    is_headline,
)
from ..menus import is_chapter_line, is_footer_row, is_menu_line
from ..models import Claim, Cue
from ..provenance import sentence_anchor
from . import topics
from ._match import Hit, led, leftmost_span
from ._words import INDEX
from .claim_cues import Within
from .claim_cues import lexicon as _lexicon
from .claim_types import claim_type as _type
from .claim_types import counted_form
from .doses import size_options
from .evidence import stated_evidence
from .placed import over_byline, placed_apart
from .questions import asks, is_option
from .table_heads import heads_columns, table_furniture

NAME = "kratom_dataset.extractors.claims"
VERSION = f"1.30.0+{lexicons.version('claims', 'taxonomy', 'claim_model', 'unit_model')}"

CLAIM_ROLES = frozenset({"summary", "intro", "section", "conclusion", "body"})
_WORDS = re.compile(r"[^\W\d_]{2,}")
# "Myth: Kratom is an opioid.", "MYTH #2 – ...": a statement the page sets out to deny.
_MYTH = re.compile(r"\s*(myth)\s*(?:#?\d+\s*)?[:–—-]", re.IGNORECASE)
# ", never take more than 8 g", "and do not drive": a negation that opens a later clause of instructions.
_SERIES_BEFORE = re.compile(r"(?:[,;:]|\band|\bor|\bplease)\s+(?:do\s*)?\Z", re.IGNORECASE)
# "recommends that anyone who uses it daily not stop abruptly": a negation an advice verb governs.
_ADVICE_VERB_BEFORE = re.compile(
    r"\b(?:recommend|recommends|recommended|advise|advises|advised|urge|urges|urged)\b"
    r"(?:\s+that\b[^.;:]*|\s+\w+ing\b[^.;:]*\b(?:and|or)\s+)\Z",
    re.IGNORECASE,
)
# "She said do not go lower", "my doc says never go over 15 g", "he told me: don't": a verb of saying
# before a prohibition it reports (the "do" of "do not" and "don't" read with it).
_SAID_PROHIBITION = re.compile(
    r"\b(?:said|says|say|told (?:me|us|him|her|them|you)|tells? (?:me|us|him|her|them|you)|warned|warns|insisted|insists)"
    r"\s*[:,]?\s+(?:(?:please|that)\s+)?(?:do\s*)?\Z",
    re.IGNORECASE,
)
# "advised not to combine", but not "is not to be confused with".
_TO_AFTER = re.compile(r"\s+to\s+(?!be\b)[a-z]", re.IGNORECASE)


# A transcript's speaker tag, with an optional time code and role: "[00:03:12] HOST (Dana Reyes): ";
# after a time code, a chat handle of any case: "[21:07] mossy_k: ", "21:05 Peer (Renee): ".
_SPEAKER = re.compile(
    rf"^(?:(?:{CHAT_STAMP}\s*)?(?-i:[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]+){{0,2}})"
    rf"|(?:{CHAT_STAMP}|{CLOCK})\s+[\w.'’-]{{1,24}}(?: [A-Z][\w.'’-]{{0,20}})?)(?:\s*\([^)]{{1,40}}\))?:\s+"
)


def _spoken(sentence: str) -> str:
    """What a speaker says, without the speaker's tag ("[00:04:52] HOST: Interesting.")."""
    speaker = _SPEAKER.match(sentence)
    return sentence[speaker.end() :] if speaker else sentence


def asks_or_furnishes(sentence: str, words: int | None = None) -> bool:
    """Whether a unit asks a question or is page furniture: never a claim, whatever it holds.

    ``words`` is the unit's word-index mask (:meth:`WordIndex.sentence_words`), read when not given.
    """
    spoken = _spoken(sentence)
    return _says_nothing(spoken, words) or _tagged_furniture(sentence, spoken, words)


def attributed(doc: Document, index: int) -> bool:
    """Whether sentence ``index`` says who backs it ("..., says medical director Alan Brooks",
    "studies suggest"): someone's word, which page chrome never carries."""
    lex = _lexicon()
    s = doc.sentences[index]
    words = INDEX.sentence_words(doc)[index]
    text = doc.flat
    return bool(
        lex.attribution.quoted(text, s.start, s.end, words)
        or lex.evidence.first(text, s.start, s.end, words=words)
        or lex.attribution.first(text, s.start, s.end, words)
        or lex.speakers.reported(text, s.start, s.end, words)
    )


def _tagged_furniture(unit: str, spoken: str, words: int | None) -> bool:
    """Whether a unit read past a speaker's tag is furniture as a whole: an all-caps label such as
    "PMID:" reads like a tag ("PMID: 34350000")."""
    return spoken is not unit and is_furniture(unit, words)


def _says_nothing(spoken: str, words: int | None, under_row: bool = False) -> bool:
    """:func:`asks_or_furnishes` of a unit already read past its speaker's tag; ``words`` is the mask
    of the whole unit, which holds every word of what is said (a tag ends in a space); ``under_row``
    as in :func:`is_furniture`."""
    return asks(spoken) or is_furniture(spoken, words, under_row=under_row) or _lead_in(spoken)


def _lead_in(sentence: str) -> bool:
    """A short unit ending in a colon with no amount ("Depending on your history, your plan may
    include:"): it introduces the units under it and asserts nothing itself."""
    return len(sentence) < 80 and sentence.rstrip().endswith(":") and not AMOUNT.search(sentence)


def claim_sentences(doc: Document) -> dict[int, str]:
    """Sentence index -> claim id for every sentence that asserts something."""
    lex = _lexicon()
    masks = INDEX.sentence_words(doc)  # read once here for every rule and extractor after
    out: dict[int, str] = {}
    for i, s in enumerate(doc.sentences):
        if s.is_heading or doc.sections[s.section_index].role not in CLAIM_ROLES:
            continue
        unit = doc.flat[s.start : s.end]
        sentence = _spoken(unit)
        words = masks[i]
        if (
            (lex.rhetoric.match(sentence, words) and not _SAYS_AFTER.match(sentence))
            or _within(lex.rhetoric_within, sentence)
            or (_says_nothing(sentence, words, "|" in unit and under_row(doc.flat, s.start)) and not _answers(doc, i, sentence))
            or _tagged_furniture(unit, sentence, words)
            or size_options(doc, i)
            or is_option(doc.flat, s.start)
            or heads_columns(doc, s.start, unit)
            or (not out and over_byline(doc, i, unit))  # a title stands above the body
            or (i > 0 and doc.sentences[i - 1].is_heading and is_author_line(unit))  # a paper's authors under its title
            or placed_apart(doc, i, unit)
        ):
            continue
        out[i] = claim_id(doc, i)
    return out


# "Here's what our pharmacist wants you to know: kratom works on ...": what follows the colon asserts.
_SAYS_AFTER = re.compile(r"here(?:'s|’s| is| are)\b[^.!?\n:]{0,60}:[ \t]+\S+(?:[ \t]+\S+){3,}", re.IGNORECASE)

# A one-word answer: "Yes.", "Sometimes.", "Rarely!"
_ANSWER = re.compile(r"(?:yes|no|nope|yep|sometimes|rarely|often|usually|mostly|probably|maybe|possibly|never|always)[.!]?", re.IGNORECASE)


def _answers(doc: Document, index: int, sentence: str) -> bool:
    """Whether a unit is a one-word answer to the question just before it ("Can I take it with
    sertraline?" "Sometimes."): it asserts what the question asked."""
    if index == 0 or not _ANSWER.fullmatch(sentence.strip()):
        return False
    prior = doc.sentences[index - 1]
    return asks(_spoken(doc.flat[prior.start : prior.end]))


# Where a sentence's first clause ends: what comes after ("..., but it does not ...") qualifies it.
_CLAUSE_END = re.compile(
    r"\s*[;:\u2014]|\s+[\u2013-]\s|,\s*(?:but|and|so|which|whereas|while|though|although|yet|because|since|as|if|unless|or|not|rather|instead|who|said|says)\b"
    r"|\s+(?:but|because|although|though|whereas|while|rather than|instead of|if|unless)\s",
    re.IGNORECASE,
)
_CLAUSE_END_LED = led(_CLAUSE_END)


# "If you choose to use kratom, do not ...": a condition before the clause it governs.
_CONDITION = re.compile(r"(?:if|when|unless|once|before|after|because|since)\b[^,;:.]{0,120},\s*", re.IGNORECASE)
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
    """Whether the negation at ``start:end`` gives advice rather than denying the claim: before
    "to" ("advised not to mix"), governed by an advice verb, or opening a later clause of a series
    of instructions ("Start low, never take more than 8 g"). A unit that opens with a prohibition
    is read by :data:`_PROHIBITION`."""
    word = text[start:end].lower()
    before = text[max(0, start - 8) : start]
    if word == "not" and _TO_AFTER.match(text, end):
        return True
    if word == "not" and _ADVICE_VERB_BEFORE.search(text, max(0, start - 90), start):
        return True  # "recommends that anyone ... not stop abruptly", "advise staying under 8 g and not redosing"
    if _SAID_PROHIBITION.search(text, max(0, start - 40), start) and (
        word in ("never", "dont") or text[max(0, start - 3) : start].lower().strip() == "do"
    ):
        return True  # "She said do not go lower", "my doc says never go over 15 g": a prohibition reported
    series = _SERIES_BEFORE.search(before)
    return series is not None and (word == "never" or series.group().rstrip().lower().endswith("do"))


# "Do not mix kratom with alcohol", "Tip: never take more than 8 g", "Please don't stop suddenly": a
# prohibition recommends and denies nothing, so its negation leaves the claim affirmed (as the
# conventions say); "Never had withdrawal this bad" reports, it does not prohibit.
_PROHIBITION = re.compile(
    r"[\W_]*(?:[^\W\d_][\w ]{0,20}:\s*)?(?:(?:please|and|so|but)\s+)?(?:(?:do\s*(?:not|n[’']?t)|don[’']?t|never)\b"
    r"(?!\s+(?:had|have|has|was|were|been|felt|got|did|thought|knew|saw|seen|heard|tried|once|really|ever)\b)"
    # "No mixing with sleeping pills", "No driving after a dose": a rule's gerund
    r"|no\s+\w+ing(?=\s+(?:with|after|before|while|on|under|in|at|for|of)\b|\s*[.!,;]|\s*$))",
    re.IGNORECASE,
)


# "..., but ..." after the main clause: what it concedes is denied, what follows is the point.
_BUT = re.compile(r"\s*[,;]?\s*(?:but|yet)\s+", re.IGNORECASE)


def _conceded(text: str, main_end: int, end: int, negations: list[Cue]) -> bool:
    """Whether the main clause is a denial conceded before a "but" clause that affirms: "Kratom
    is not an opioid, but it acts on the same receptors" makes its point after "but", as dev's
    readers take 46 of 61 such sentences."""
    return _BUT.match(text, main_end, end) is not None and not any(n.char_start >= main_end for n in negations)


def _polarity(negations: list[Cue], *, myth: bool = False) -> str:
    """``negated`` when a negation cue of the main clause denies the claim. Two cues close together
    deny each other ("not without side effects" reads as affirmed); a line the page labels a myth
    ("Myth: Kratom is an opioid.") is denied by the page, and a denied myth is affirmed."""
    paired: set[int] = set()
    for i, (a, b) in enumerate(itertools.pairwise(negations)):
        if b.char_start - a.char_end <= 12 and (a.text.lower(), b.text.lower()) != ("neither", "nor"):
            paired.update((i, i + 1))  # "neither MG nor 7-OH" is one denial, not two
    # "eases cravings without a strong high": a "without" phrase qualifies the assertion, it does not deny it
    denying = [n for i, n in enumerate(negations) if i not in paired and n.text.lower() != "without"]
    return "negated" if bool(denying) != myth else "affirmed"


def is_furniture(sentence: str, words: int | None = None, *, under_row: bool = False) -> bool:
    """Whether a unit is page furniture, never a claim whatever it holds: a byline, a dateline, a
    breadcrumb, a greeting or sign-off, a call to action, or a unit of fewer than two words
    ("$34.99", "Jo", "★★★★☆ (212 reviews)"), or a headline ("Doctors Say the Evidence Is Thin.").
    ``words`` is the word-index mask of the unit or of a span holding it, read when not given;
    ``under_row``: the unit is a table's row under another, so a row of words is data, not the header."""
    if len(sentence) < 40 and len(_WORDS.findall(sentence)) < 2 and not AMOUNT.search(sentence):  # "Low: 1-2 g" states one
        return not (under_row and _NUMBER_ROW.fullmatch(sentence))  # "2 | 10.8 | 11.0" under "Week | Planned (g/day) | ..." states one
    lex = _lexicon()
    if lex.furniture.match(sentence, words) or _within(lex.furniture_within, sentence) or table_furniture(sentence, under_row):
        return True
    return (
        is_forum_handle_line(sentence)
        or is_forum_byline(sentence)
        or is_headline(sentence.split("\n", 1)[0])
        or (is_menu_line(sentence) and not (under_row and "|" in sentence))
        or is_footer_row(sentence)
        or is_chapter_line(sentence)
        or is_dotted_byline(sentence)
        or (_PRICED.search(sentence) is not None and _SHOP_TILE.search(sentence) is not None)
        or (_ARROWED.search(sentence) is not None and _PAGER.fullmatch(sentence) is not None)
    )


# A table's row of numbers alone, its units in the header above.
_NUMBER_ROW = re.compile(r"\|?[ \t]*[\d.,–-]+[ \t]*(?:\|[ \t]*[\d.,–-]+[ \t]*)+\|?\s*")
# The characters a product tile's price and a pager's arrow open with, looked for before either pattern.
_PRICED = re.compile(r"[$€£]")
_ARROWED = re.compile(r"[←«<]")


# "Red Bali Powder — 250 g — €24.90 — Add to basket": a product tile, priced, with its button.
_SHOP_TILE = re.compile(
    r"[$€£]\s?\d[^\n]*\b(?:add to (?:basket|cart|bag)|sold out|out of stock|in stock|buy now|select options)\b", re.IGNORECASE
)
# "← Previous: Week one    Next: Eating again →", "« Older posts | Newer posts »": a pager.
_PAGER = re.compile(r"\s*(?:←|«|<)\s*(?:previous|prev|older|newer)\b[^\n]*\b(?:next|newer|older)\b[^\n]*", re.IGNORECASE)


#: How far into a unit the words of page talk or furniture it holds may stand.
_WITHIN = 160
_STOP = re.compile(r"[.;:](?=\s|$)")


def _within(within: Within, sentence: str) -> bool:
    """Whether an entry matches in the unit's first :data:`_WITHIN` characters with no stop before it."""
    holds = sentence[:_WITHIN].lower().__contains__
    if not any(map(holds, within.needs)):
        return False
    for needs, pattern in within.entries:
        if any(map(holds, needs)):
            m = pattern.search(sentence, 0, _WITHIN)
            if m is not None and _STOP.search(sentence, 0, m.start()) is None:
                return True
    return False


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
    prohibition = _PROHIBITION.match(text, s.start, s.end)
    negations = [
        Cue.trusted(char_start=h.start, char_end=h.end, text=h.text(doc.text), cue_type="negation")
        for h in lex.negation.find(text, s.start, s.end, words=words)
        if not any(a <= h.start < b for a, b in excepted)
        and not _advises(text, h.start, h.end)
        and not (prohibition and h.start < prohibition.end())
    ]
    myth = _MYTH.match(text, s.start, s.end)
    myth_cue = Cue.trusted(char_start=myth.start(1), char_end=myth.end(1), text=myth.group(1), cue_type="negation") if myth else None
    evidence_hit = stated_evidence(text, s.start, s.end, words)
    evidence_cue = (
        Cue.trusted(char_start=evidence_hit.start, char_end=evidence_hit.end, text=evidence_hit.text(doc.text), cue_type="evidence")
        if evidence_hit
        else None
    )
    subject = lex.subjects.first(text, s.start, s.end, words=words)
    claim_type = _type(sentence, has_mechanism, words, has_dose or counted_form(sentence, words))
    return Claim.trusted(
        id=cid,
        article_id=doc.article_id,
        claim_type=claim_type,
        subject=subject.label if subject else None,
        polarity=_polarity(
            [n for n in negations if main_start <= n.char_start < main_end and not _in_brackets(text, main_start, n.char_start)]
            if not _conceded(text, main_end, s.end, negations)
            else [],
            myth=myth_cue is not None,
        ),
        certainty="uncertain" if hedges else "certain",
        hedge_cues=hedges,
        negation_cues=[myth_cue, *negations] if myth_cue else negations,
        evidence=evidence_hit.label if evidence_hit else "none",
        evidence_cue=evidence_cue,
        topic_ids=sorted({h.label for h in mentions if s.start <= h.start and h.end <= s.end}),
        provenance=sentence_anchor(doc, index, extractor=NAME, extractor_version=VERSION),
    )
