"""Claims: one per asserting sentence, typed, with its hedges, negations and stated evidence.

A sentence is the claim unit of release one: the article's own words, never paraphrased.
Headings, table-of-contents entries and rhetoric about the article itself ("In this article we
explore") are not claims. Certainty follows CoNLL-2010: any speculation cue makes the claim
``uncertain``. Evidence is what the article says backs it ("Studies suggest"), not whether
such studies exist.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .. import lexicon as lexicons
from ..models import Claim, Cue
from ..parse import Document
from ..provenance import anchor, record_id
from . import topics
from ._match import Matcher

NAME = "kratom_dataset.extractors.claims"
VERSION = f"1.0.0+{lexicons.version('claims', 'taxonomy')}"

CLAIM_ROLES = frozenset({"summary", "intro", "section", "conclusion", "body"})


@dataclass(frozen=True)
class _Lexicon:
    rhetoric: re.Pattern
    speculation: Matcher
    negation: re.Pattern
    negation_exceptions: re.Pattern
    evidence: Matcher
    types: list[tuple[str, re.Pattern]]
    subjects: Matcher


@functools.cache
def _lexicon() -> _Lexicon:
    lex = lexicons.read("claims")
    negations = [w for w in lex["negation"] if not w.startswith("n'")]
    return _Lexicon(
        rhetoric=re.compile(
            rf"^(?:[\"“‘']\s*)?(?:{'|'.join(lex['rhetoric'])})\b".replace("'", lexicons.APOSTROPHE), re.IGNORECASE
        ),
        speculation=Matcher([("speculation", w, {}) for w in lex["speculation"]]),
        negation=re.compile(
            rf"(?<![\w-])(?:{'|'.join(negations)})(?!\w)|n{lexicons.APOSTROPHE}t(?!\w)", re.IGNORECASE
        ),
        negation_exceptions=re.compile(
            "|".join(lexicons.pattern(w).pattern for w in lex["negation_exceptions"]), re.IGNORECASE
        ),
        evidence=Matcher([(e["evidence"], e["pattern"], e) for e in lex["evidence"]]),
        types=[(t["type"], re.compile(t["pattern"].replace("'", lexicons.APOSTROPHE), re.IGNORECASE)) for t in lex["types"]],
        subjects=Matcher([(s["subject"], s["pattern"], s) for s in lex["subjects"]]),
    )


def claim_sentences(doc: Document) -> dict[int, str]:
    """Sentence index -> claim id for every sentence that asserts something."""
    lex = _lexicon()
    out = {}
    for i, s in enumerate(doc.sentences):
        if s.is_heading or doc.sections[s.section_index].role not in CLAIM_ROLES:
            continue
        sentence = doc.text[s.start : s.end]
        if lex.rhetoric.search(sentence) or sentence.rstrip("”’\"' ").endswith("?"):
            continue
        out[i] = claim_id(doc, i)
    return out


def claim_id(doc: Document, index: int) -> str:
    """Id of the claim made by sentence ``index`` (doses and mechanisms point at it)."""
    s = doc.sentences[index]
    return record_id("clm", doc.article_id, s.start, s.end)


def extract_claims(
    doc: Document, claim_ids: dict[int, str], *, dosage: set[int] = frozenset(), mechanism: set[int] = frozenset()
) -> list[Claim]:
    """Claims for the given sentences; ``dosage``/``mechanism`` name sentences known to state one."""
    return [
        _claim(doc, index, cid, index in dosage, index in mechanism) for index, cid in sorted(claim_ids.items())
    ]


def _claim(doc: Document, index: int, cid: str, has_dose: bool, has_mechanism: bool) -> Claim:
    lex = _lexicon()
    text = doc.text
    s = doc.sentences[index]
    sentence = text[s.start : s.end]

    hedges = [Cue(char_start=h.start, char_end=h.end, text=h.text(text), cue_type="speculation") for h in lex.speculation.find(text, s.start, s.end)]
    excepted = [(m.start(), m.end()) for m in lex.negation_exceptions.finditer(text, s.start, s.end)]
    negations = [
        Cue(char_start=m.start(), char_end=m.end(), text=m.group(), cue_type="negation")
        for m in lex.negation.finditer(text, s.start, s.end)
        if not any(a <= m.start() < b for a, b in excepted)
    ]
    evidence_hit = lex.evidence.first(text, s.start, s.end)
    evidence_cue = (
        Cue(char_start=evidence_hit.start, char_end=evidence_hit.end, text=evidence_hit.text(text), cue_type="evidence")
        if evidence_hit
        else None
    )
    subject = lex.subjects.first(text, s.start, s.end)
    if has_dose:
        claim_type = "dosage"
    else:
        claim_type = _type(sentence, has_mechanism)
    return Claim(
        id=cid,
        article_id=doc.article_id,
        claim_type=claim_type,
        subject=subject.label if subject else None,
        # "not without side effects" denies a denial: an even number of cues reads as affirmed.
        polarity="negated" if len(negations) % 2 else "affirmed",
        certainty="uncertain" if hedges else "certain",
        hedge_cues=hedges,
        negation_cues=negations,
        evidence=evidence_hit.label if evidence_hit else "none",
        evidence_cue=evidence_cue,
        topic_ids=sorted({h.label for h in topics.mentions(text, s.start, s.end)}),
        provenance=anchor(doc, s.start, s.end, extractor=NAME, extractor_version=VERSION),
    )


def _type(sentence: str, has_mechanism: bool) -> str:
    """The claim type by a fixed priority: recommendation, mechanism, adverse effect, safety, efficacy, definition."""
    lex = _lexicon()
    first: dict[str, int] = {}
    for name, rx in lex.types:
        m = rx.search(sentence)
        if m and (name not in first or m.start() < first[name]):
            first[name] = m.start()
    if "recommendation" in first:
        return "recommendation"
    if has_mechanism:
        return "mechanism"
    # "alleviates ... sleep disturbances" relieves a harm; it does not state one.
    if "adverse_effect" in first and first["adverse_effect"] < first.get("efficacy", len(sentence)):
        return "adverse_effect"
    for name in ("safety", "efficacy", "definition"):
        if name in first:
            return name
    return "other"
