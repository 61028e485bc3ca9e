"""A claim's type as a reader takes it: a linear model (:mod:`.linear`) over the words of the
claim, the records found in it and the rules' own reading, learned from the dev passages.

The rules type a claim by its first cue word in a fixed order of precedence; a person types it
by its main point, which the whole sentence, its heading and what it states (a dose, a
mechanism, a topic) say together. The model also reads evidence and polarity, but only where a
cue in the text can carry its reading: a claim it denies needs the negation cues the rules
found, and evidence it adds needs words to point at, which only the writer's own "I" gives (a
personal account). It keeps the rules' certainty, which it read no better in cross-validation.
The weights are ``lexicons/claim_model.json``.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable, Sequence
from typing import Any

from ..document import Document
from ..models import Claim, Cue, Dose, Mechanism
from . import linear
from ._words import INDEX
from .claim_cues import lexicon as claim_lexicon
from .claim_types import counted_form
from .linear import Features, Linear, models, value, words

#: The lexicon the weights are read from.
MODEL = "claim_model"
#: The fields the model reads.
FIELDS = ("claim_type", "evidence", "polarity")
#: The fields of the rules' own reading that are features.
RULE_FIELDS = ("claim_type", "evidence", "polarity", "certainty")
#: Leading words of a claim read as features of their own ("b:do", "b:not").
LEAD = 3
#: The value of each field of the rules' reading: above the 1.0 of other features, so that the
#: model leaves the rules' type unless the words weigh clearly against it.
RULES = 3.0
#: The summed value of the words and word pairs of a claim: each has ``BAG / sqrt(n)`` of n, so
#: a long sentence's words weigh no more together than a short one's.
BAG = 3.0
#: How much more likely than the rules' reading the model's own must be to replace it, by field:
#: batch by batch, dev reads types best from 0.0 to 0.2, evidence alike from 0.2 to 0.6 and
#: polarity best from 0.4 up; evidence takes the surer end.
MARGIN = {"claim_type": 0.2, "evidence": 0.6, "polarity": 0.6}
#: A reference to a paper in brackets, the cue of evidence the model does not read again.
_REFERENCE = re.compile(r"[(\[][^()\[\]]*\d[^()\[\]]*[)\]]")
#: A numbered footnote ("[8]", "[3, 4]"): on a claim that is no finding (a law, a definition, a
#: plant's chemistry) it cites a source, and dev's gold gives such claims no evidence (34 of 48).
_FOOTNOTE = re.compile(r"\[\d{1,3}(?:[,–-]\s?\d{1,3})*\]")
_LABEL = re.compile(r"[^\W\d][\w’'()/ -]{0,30}:\s+(?=\S)")
_SOURCED = frozenset({"other", "definition", "safety", "recommendation"})
_STUDIED = re.compile(r"\b(?:study|studies|trials?|assays?)\b", re.IGNORECASE)
#: Words that give a thing its name ("scientifically known as", "also called"): a definition the
#: rules read by them stays one (dev: 4 of the 5 claims with such words define).
_NAMING = re.compile(
    r"\b(?:(?:scientifically|botanically|also|commonly|locally|otherwise|better) (?:known as|called)|(?:scientific|botanical|latin) name)\b",
    re.IGNORECASE,
)
#: The word that asks the reader to do something, which the rules read as a recommendation.
_PLEASE = "s:please"
#: The writer's own "I", the cue a personal account the model reads points at.
_FIRST_PERSON = re.compile(r"(?<![\w'’])(?:I|i)(?![\w])(?:['’](?:m|ve|d|ll))?")


def features(doc: Document, claim: Claim, stated: Sequence[str] = ()) -> Features:
    """What the model reads of one claim: the rules' fields (valued :data:`RULES`); what the
    claim states (``stated``: "dose_numeric", "mechanism" ...) or, stating nothing else, an
    amount counted in the form it is taken in ("two servings a day"), whether it says how a study
    was run ("Withdrawal severity was scored with the COWS"), as the rules read both, its topics, its first words, the
    words of its section heading and whether it asks (1.0 each); and its words and word pairs
    (:data:`BAG` between them). Not the page title: on pages about withdrawal and insomnia it
    pulled every claim towards their harms. The order is the text's, so the same claim always
    sums its weights in the same order."""
    start, end = claim.provenance.char_start, claim.provenance.char_end
    text = doc.flat[start:end]
    said = words(text)
    at = doc.sentence_at(start)
    mask = INDEX.sentence_words(doc)[at] if at is not None else None  # the sentence's words: what the cues below need
    ones = [
        *("has=" + kind for kind in stated),
        *("topic=" + topic for topic in claim.topic_ids),
        *(("has=topic",) if claim.topic_ids else ()),
        *(("has=counted_form",) if not stated and counted_form(text, mask) else ()),
        *(("study_design",) if _study_design(text, mask) else ()),
        *("b:" + w for w in dict.fromkeys(_lead(text, said))),
        *("h:" + w for w in dict.fromkeys(words(doc.section_of(start).heading or ""))),
        f"q={text.rstrip().endswith('?')}",
        *(("cues=negation",) if claim.negation_cues else ()),
        *(("myth",) if any(cue.text.lower() == "myth" for cue in claim.negation_cues) else ()),
        *(("first_person",) if _FIRST_PERSON.search(text) else ()),
        *(("cited",) if claim.evidence_cue is not None and _REFERENCE.fullmatch(claim.evidence_cue.text) else ()),
        *(("footnote",) if _footnoted(claim, text) else ()),
        *(("named",) if _names(text) else ()),
    ]
    bag = list(dict.fromkeys(["s:" + w for w in said] + ["bg:" + a + "_" + b for a, b in itertools.pairwise(said)]))
    rules = [f"{name}={value(getattr(claim, name))}" for name in RULE_FIELDS]
    return [(RULES, rules), (1.0, ones), (BAG / math.sqrt(len(bag)) if bag else 0.0, bag)]


def _lead(text: str, said: list[str]) -> list[str]:
    """The claim's first words; after a label ("P-glycoprotein: both alkaloids inhibit ...",
    "Severity: Moderate") the label's words and the first words of what it labels, since the label
    says what the item is about and the words after it how its statement opens."""
    label = _LABEL.match(text)
    return said[: len(words(text[: label.end()]))] + words(text[label.end() :])[:LEAD] if label else said[:LEAD]


def _footnoted(claim: Claim, text: str) -> bool:
    """Whether the claim's only evidence is a numbered footnote and its words name no study."""
    cue = claim.evidence_cue
    return cue is not None and _FOOTNOTE.fullmatch(cue.text) is not None and _STUDIED.search(text) is None


def _names(text: str) -> bool:
    """Whether ``text`` gives a thing its name; the pattern is tried only where one of the words
    every naming phrase holds stands ("known", "called", "name")."""
    return ("nown" in text or "alled" in text or "ame" in text) and _NAMING.search(text) is not None


def _study_design(text: str, mask: int | None) -> bool:
    cues = claim_lexicon()
    return bool(cues.study_frame.match(text) or cues.study_design.search(text, mask))


def decide(fields: dict[str, Linear], seen: Features) -> dict[str, Any]:
    """Each field as the models read it from the features ``seen``, the rules' reading kept
    unless the model is :data:`MARGIN` surer of its own, or where no cue could carry the
    model's reading: a denial with no negation cue, evidence with no words but "I" to point at;
    a definition the rules read by words that name a thing stays one, so does a recommendation
    that says "please", a line labelled a myth keeps
    the rules' polarity, and a footnote on a claim that reports no finding backs it with nothing."""
    out = linear.decide(fields, FIELDS, seen, MARGIN)
    flags = {
        f for f in ("cues=negation", "first_person", "cited", "footnote", "named", "myth", _PLEASE) if any(f in group for _, group in seen)
    }
    typed = linear.rules_value(seen, "claim_type")
    if "named" in flags and typed == "definition":
        out["claim_type"] = "definition"  # "This herb, scientifically known as Mitragyna speciosa, ..."
    if _PLEASE in flags and typed == "recommendation":
        out["claim_type"] = "recommendation"  # "So please take a break": dev's readers type 234 of 237 such units so
    if (out["polarity"] == "negated" and "cues=negation" not in flags) or "myth" in flags:
        # a line the page labels a myth is denied by the label, which the rules read and the words do not
        out["polarity"] = linear.rules_value(seen, "polarity")
    ruled = linear.rules_value(seen, "evidence")
    if "cited" in flags and "footnote" in flags and out["claim_type"] in _SOURCED:
        out["evidence"] = "none"  # "Thailand removed it from its narcotics list in 2021.[8]": a source, not a study
    elif "cited" in flags:
        out["evidence"] = ruled  # "(Kosten & George, 2002)", "[7]": a reference names a paper, whatever the words say
    elif ruled == "none" and out["evidence"] not in ({"none", "personal_accounts"} if "first_person" in flags else {"none"}):
        out["evidence"] = "none"
    return out


def statements(doses: Iterable[Dose], mechanisms: Iterable[Mechanism]) -> dict[str, set[str]]:
    """What each claim states, by claim id: "dose_numeric", "dose_qualitative", "mechanism"."""
    out: dict[str, set[str]] = {}
    for dose in doses:
        out.setdefault(dose.claim_id, set()).add(f"dose_{dose.kind}")
    for mechanism in mechanisms:
        out.setdefault(mechanism.claim_id, set()).add("mechanism")
    return out


def page_features(doc: Document, claims: Sequence[Claim], doses: Iterable[Dose], mechanisms: Iterable[Mechanism]) -> list[Features]:
    """The features of each claim of one page, in order: what :func:`read` and training read."""
    stated = statements(doses, mechanisms)
    return [features(doc, claim, sorted(stated.get(claim.id, ()))) for claim in claims]


def read(doc: Document, claims: Sequence[Claim], doses: Iterable[Dose], mechanisms: Iterable[Mechanism]) -> list[Claim]:
    """``claims`` with the type the model reads for each."""
    fields = models(MODEL)
    found = page_features(doc, claims, doses, mechanisms)
    return [_updated(doc, claim, decide(fields, seen)) for claim, seen in zip(claims, found, strict=True)]


#: A denial the rules read from its verb: "denied", "denies".
_DENIAL = re.compile(r"den(?:y|ies|ied|ying)", re.IGNORECASE)


def _updated(doc: Document, claim: Claim, read: dict[str, Any]) -> Claim:
    """``claim`` with the fields read, its evidence cue following its evidence: dropped with it,
    or the writer's "I" for a personal account the rules did not see."""
    if claim.polarity == "negated" and read["polarity"] == "affirmed" and any(_DENIAL.fullmatch(cue.text) for cue in claim.negation_cues):
        read["polarity"] = "negated"  # "The patient denied using any other drugs": dev's readers deny with 8 of 10 such units
    if read["evidence"] != claim.evidence:
        if read["evidence"] == "none":
            read["evidence_cue"] = None
        elif claim.evidence_cue is None:
            # decide() reads a personal account only where the claim says "I"
            i = _FIRST_PERSON.search(doc.flat, claim.provenance.char_start, claim.provenance.char_end)
            if i is None:
                read["evidence"] = claim.evidence
            else:
                read["evidence_cue"] = Cue.trusted(
                    char_start=i.start(), char_end=i.end(), text=doc.text[i.start() : i.end()], cue_type="evidence"
                )
    return linear.updated(claim, read)
