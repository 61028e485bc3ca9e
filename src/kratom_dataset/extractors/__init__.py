"""Extractors: pure functions from a parsed :class:`~kratom_dataset.parse.Document` to records.

:func:`extract_document` runs them in dependency order (claims need to know which sentences
state a dose or a mechanism; doses and mechanisms point at their claim) and returns the rows
of every release table for one article.
"""

from __future__ import annotations

import functools
import re
from typing import Any, NamedTuple

from ..document import Document
from ..models import TABLES, Article, Claim, Dose, Mechanism, Record, RecordKind, Section, Sentence, Topic
from ..provenance import anchor, sentence_anchor, sentence_record_id
from ..vocabulary import ID_PATTERN, RECORD_KINDS, TABLE_OF_KIND
from . import claim_cues, claim_reading, claims, dose_cues, doses, mechanisms, mentions, topics, unit_reading, unlisted_verbs
from ._words import INDEX, ascii_words
from .questions import is_option

PARSER = "kratom_dataset.parse"
PARSER_VERSION = "1.35.0"

#: Extractor name -> version, written into the manifest of every release.
EXTRACTORS = {
    PARSER: PARSER_VERSION,
    topics.NAME: topics.VERSION,
    claims.NAME: claims.VERSION,
    doses.NAME: doses.VERSION,
    mechanisms.NAME: mechanisms.VERSION,
}

_FUNCTION_WORDS = frozenset(["the", "and", "of", "to", "is", "in", "that", "with", "for", "as", "it", "are", "this"])
_ENGLISH = re.compile("|".join(sorted(_FUNCTION_WORDS)), re.IGNORECASE)
_WORD = re.compile(r"\w+")

#: A record :func:`extract` returns: one of the four kinds of statement an article makes.
Extracted = Topic | Claim | Dose | Mechanism


class Found(NamedTuple):
    """The records of one article, table by table, before any validation."""

    topics: list[Topic]
    claims: list[Claim]
    doses: list[Dose]
    mechanisms: list[Mechanism]


def extract_document(doc: Document, *, validate: bool = True, structure: bool = True) -> dict[str, list[Record]]:
    """Rows of every release table for one article, keyed by table name.

    Each record goes through its model's validation unless ``validate`` is false: corpus
    builds check whole batches as Arrow tables instead (:mod:`kratom_dataset.constraints`).
    ``structure=False`` leaves the articles and sentences tables empty, for callers that only
    want the records (a text of a million one-line headings would otherwise hold a million
    sentence rows and a million sections).
    """
    found = find_records(doc)
    # Each table's list is copied into a list of Record: the tables hold different models.
    rows: dict[str, list[Record]] = {
        "articles": [_article(doc, len(found.topics), len(found.claims), len(found.doses), len(found.mechanisms))] if structure else [],
        "sentences": [*sentences(doc)] if structure else [],
        "topics": [*found.topics],
        "claims": [*found.claims],
        "doses": [*found.doses],
        "mechanisms": [*found.mechanisms],
    }
    return _validated(rows) if validate else rows


def find_records(doc: Document, *, reading: bool = True) -> Found:
    """Topic, claim, dose and mechanism records of one article, not yet validated
    (``reading=False``: with the rules' reading alone, before :mod:`.dose_reading` and
    :mod:`.claim_reading` read doses' roles and purposes and claims' types)."""
    ready()
    claim_ids = _claim_units(doc)
    if reading:
        units = unit_reading.candidates(doc, claims.CLAIM_ROLES)
        read = unit_reading.read(doc, units, set(claim_ids), lambda i: _states(doc, i) or claims.attributed(doc, i))
        claim_ids = {i: claim_ids.get(i) or claims.claim_id(doc, i) for i in sorted(read)}
    dose_rows, numeric = doses.doses_and_amounts(doc, claim_ids, reading=reading)
    mechanism_rows = mechanisms.extract_mechanisms(doc, claim_ids)
    mechanism_claims = {m.claim_id for m in mechanism_rows}
    with_mechanism = {i for i, cid in claim_ids.items() if cid in mechanism_claims}
    topic_hits = topics.mentions(doc.flat)
    claim_rows = claims.extract_claims(doc, claim_ids, dosage=numeric, mechanism=with_mechanism, topic_mentions=topic_hits)
    if reading:
        claim_rows = claim_reading.read(doc, claim_rows, dose_rows, mechanism_rows)
    topic_rows = topics.extract_topics(doc, topic_hits)
    return Found(topic_rows, claim_rows, dose_rows, mechanism_rows)


@functools.cache
def ready() -> int:
    """Build every lexicon's matchers before any word mask is read, and return how many entries
    the word index then holds.

    A matcher registers its words when it is built; a mask read before that lacks their bits and
    rules its entries out. Built lazily midway through a document, a matcher found less in the
    first document a process read than in any later one."""
    claim_cues.lexicon()
    dose_cues.lexicon()
    mentions.lexicon()
    unlisted_verbs.typed_targets()
    return INDEX.registered


def _claim_units(doc: Document) -> dict[int, str]:
    """The rules' claim units of ``doc`` (sentence index -> claim id), before the unit reader."""
    claim_ids = claims.claim_sentences(doc)
    masks = INDEX.sentence_words(doc)
    # A sentence that states a dose or a mechanism is a claim even when it opens like rhetoric.
    for i, s in enumerate(doc.sentences):
        if i in claim_ids or s.is_heading or doc.sections[s.section_index].role not in claims.CLAIM_ROLES:
            continue
        if claims.asks_or_furnishes(doc.flat[s.start : s.end], masks[i]) or is_option(doc.flat, s.start):
            continue  # a question or its options state nothing; a byline or a greeting is no claim whatever it holds
        if _states(doc, i):
            claim_ids[i] = claims.claim_id(doc, i)
    return claim_ids


def _states(doc: Document, index: int) -> bool:
    return doses.sentence_has_dose(doc, index) or mechanisms.sentence_has_mechanism(doc, index)


def _article(doc: Document, n_topics: int, n_claims: int, n_doses: int, n_mechanisms: int) -> Article:
    """The article's row: its source, layout and how many records of each kind it holds."""
    return Article.trusted(
        id=doc.article_id,
        source_file=doc.source_file,
        sha256=doc.sha256,
        size_bytes=doc.size_bytes,
        char_count=len(doc.text),
        title=doc.title,
        language=language(doc.text),
        format=doc.format,
        sections=[Section.trusted(index=s.index, role=s.role, heading=s.heading, char_start=s.start, char_end=s.end) for s in doc.sections],
        n_sentences=len(doc.sentences),
        n_topics=n_topics,
        n_claims=n_claims,
        n_doses=n_doses,
        n_mechanisms=n_mechanisms,
        provenance=anchor(doc, 0, len(doc.text), extractor=PARSER, extractor_version=PARSER_VERSION, sentence=False).model_copy(
            update={"section_index": 0, "section": doc.sections[0].name}
        ),
    )


def _validated(rows: dict[str, list[Record]]) -> dict[str, list[Record]]:
    """Every record through its model; the checked copies are dropped, not kept twice."""
    for records in rows.values():
        for r in records:
            r.validated()
    return rows


def sentences(doc: Document) -> list[Sentence]:
    """One row per sentence of the parsed article: the unit every claim and most anchors point at."""
    return [
        Sentence.trusted(
            id=sentence_record_id(doc, i),
            article_id=doc.article_id,
            index=i,
            section_index=s.section_index,
            paragraph_index=s.paragraph_index,
            is_heading=s.is_heading,
            provenance=sentence_anchor(doc, i, extractor=PARSER, extractor_version=PARSER_VERSION),
        )
        for i, s in enumerate(doc.sentences)
    ]


def language(text: str) -> str | None:
    """``en`` when common English function words make up a fair share of the words, else null.

    Release one is English only; this guards against labelling other text as English, not a
    language identifier.
    """
    if text.isascii():
        words = ascii_words(text)
        count = sum(map(_FUNCTION_WORDS.__contains__, words))
    else:
        words = _WORD.findall(text)
        count = english_words(words)
    if len(words) < 5:
        return None
    return "en" if count / len(words) >= 0.08 else None


def english_words(words: list[str]) -> int:
    """How many of ``words`` are common English function words, in any case.

    Lowercasing decides for ASCII words; the others go through the regex, whose case folding
    also knows letters such as the long s.
    """
    count = sum(map(_FUNCTION_WORDS.__contains__, map(str.lower, words)))
    if "".join(words).isascii():
        return count
    return count + sum(1 for w in words if not w.isascii() and _ENGLISH.fullmatch(w))


#: The record kinds ``extract`` returns, by model.
#: The kind of each record model, from the vocabulary's kinds and their tables.
KINDS: dict[type[Record], RecordKind] = {TABLES[TABLE_OF_KIND[kind]]: kind for kind in RECORD_KINDS}


def extract(text: str, article_id: str | None = None) -> list[Extracted]:
    """Every topic, claim, dose and mechanism record in ``text``, spans relative to ``text``.

    The public entry point for any text: ``text[r.provenance.char_start:r.provenance.char_end]
    == r.provenance.exact`` for every record returned. Records come sorted by position, then
    kind. Raises :class:`~kratom_dataset.errors.SourceError` for text with nothing in it.
    """
    from ..ids import article_id_for
    from ..parse import parse_article

    aid = article_id or "text"
    if article_id is not None and not re.fullmatch(ID_PATTERN, article_id):
        aid = article_id_for(article_id)
    found = find_records(parse_article(text.encode("utf-8"), article_id=aid, source_file=aid))
    records: list[Extracted] = [*found.topics, *found.claims, *found.doses, *found.mechanisms]
    for r in records:
        r.validated()  # as extract_document does, in the same order
    return sorted(records, key=lambda r: (r.provenance.char_start, r.provenance.char_end, kind_of(r), r.id))


def kind_of(record: Record) -> RecordKind:
    """``topic``, ``claim``, ``dose`` or ``mechanism``."""
    return KINDS[type(record)]


def to_json(record: Record, **extra: object) -> dict[str, Any]:
    """One record as the stable JSON shape of ``kratom-dataset extract``: kind first, then fields.

    ``kind`` names the record kind; a dose's own ``kind`` (numeric or qualitative) is written
    as ``dose_kind``, as in the gold files.
    """
    row = record.model_dump(mode="json")
    if "kind" in row:
        row["dose_kind"] = row.pop("kind")
    return {"kind": kind_of(record), **extra, **row}
