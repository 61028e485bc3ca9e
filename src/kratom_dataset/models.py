"""The records of a release, as pydantic models: the one source of truth for every schema.

The JSON Schema files in ``schema/`` and the Arrow schema of every Parquet file are derived
from these classes, and each field's attribute docstring becomes its description in both.
Validators here check what a single record can check on its own; rules that need several
records (keys, spans against the article text) live in :mod:`kratom_dataset.checks`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pydantic import Field, model_validator

if TYPE_CHECKING:
    from typing_extensions import Self

from .record import Cue, Provenance, Record, Span, within
from .vocabulary import (
    GOLD_REQUIRED,
    ID_PATTERN,
    MG_PER_UNIT,
    SHA256_PATTERN,
    UTC_PATTERN,
    Action,
    ArticleFormat,
    Certainty,
    ClaimType,
    Comparator,
    DoseKind,
    DoseLevel,
    DoseRole,
    Evidence,
    PeriodUnit,
    Polarity,
    Preparation,
    Purpose,
    RecordKind,
    SectionRole,
    TargetType,
    Timing,
    TopicEstablishedBy,
    Unit,
)

# The shared parts and codes moved to record.py and vocabulary.py are still imported from here.
__all__ = [
    "FIELDS_ADDED",
    "ID_PATTERN",
    "MG_PER_UNIT",
    "PRIMARY_KEY",
    "SCHEMA_VERSION",
    "SHA256_PATTERN",
    "TABLES",
    "TABLES_BY_SCHEMA",
    "UTC_PATTERN",
    "Article",
    "Claim",
    "Cue",
    "Dose",
    "GoldRecord",
    "Mechanism",
    "Provenance",
    "Record",
    "RecordKind",
    "Section",
    "Sentence",
    "Span",
    "Topic",
]

SCHEMA_VERSION = "1.5.0"


class Section(Span):
    """One section of an article, as the parser found it."""

    index: int = Field(ge=0)
    """Position of the section in the article, from 0."""
    role: SectionRole
    """What the section is: summary, intro, toc, section (under a heading), conclusion, references
    (a list of sources, whose entries are cited, not asserted), or body."""
    heading: str | None = None
    """The heading text as written, when the section has one."""


class Article(Record):
    """One source article. Its provenance spans the whole text, so ``provenance.exact`` is the text."""

    id: str = Field(pattern=ID_PATTERN)
    """Stable, readable article id (from ``data/raw/sources.csv``, else from the file name)."""
    source_file: str = Field(min_length=1)
    """Path of the raw file relative to the raw data folder."""
    sha256: str = Field(pattern=SHA256_PATTERN)
    """SHA-256 of the raw file's bytes."""
    size_bytes: int = Field(gt=0)
    """Size of the raw file in bytes."""
    char_count: int = Field(gt=0)
    """Length of the text in Unicode code points (differs from bytes: curly quotes, dashes)."""
    title: str | None = None
    """Title, when the source gives one (a Markdown ``#`` heading or a row's ``title``); the seed articles have none."""
    source_url: str | None = Field(default=None, min_length=1)
    """Where the article was fetched from, as the input row gave it (``url``); null for files."""
    retrieved_at: str | None = Field(default=None, pattern=UTC_PATTERN)
    """When it was fetched, as the input row gave it, in UTC (``2025-03-14T08:15:00Z``); null for files."""
    language: str | None = None
    """BCP 47 language tag when the text is recognisably in one language, else null."""
    format: ArticleFormat
    """Layout the parser recognised: the seed ``template``, ``markdown`` headings, or ``plain`` paragraphs."""
    sections: list[Section]
    """The article's sections in order, each with its role, heading and span."""
    n_sentences: int = Field(ge=0)
    """Number of rows of this article in ``sentences``."""
    n_topics: int = Field(ge=0)
    """Number of rows of this article in ``topics``."""
    n_claims: int = Field(ge=0)
    """Number of rows of this article in ``claims``."""
    n_doses: int = Field(ge=0)
    """Number of rows of this article in ``doses``."""
    n_mechanisms: int = Field(ge=0)
    """Number of rows of this article in ``mechanisms``."""
    provenance: Provenance
    """Spans the whole article: ``exact`` is the full text every other span is read against."""

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        p = self.provenance
        if p.article_id != self.id or p.article_sha256 != self.sha256:
            raise ValueError("provenance must name the article itself")
        if p.char_start != 0 or p.char_end != self.char_count:
            raise ValueError("an article's provenance must span its whole text")
        for s in self.sections:
            if not within(p, s):
                raise ValueError(f"section {s.index} lies outside the text")
        return self


class Sentence(Record):
    """One sentence (or heading line), the anchor layer every other record points into."""

    id: str = Field(pattern=ID_PATTERN)
    """Content-derived id: the same article and span give the same id in every build."""
    article_id: str = Field(pattern=ID_PATTERN)
    """The article the sentence belongs to."""
    index: int = Field(ge=0)
    """Position of the sentence in its article, from 0."""
    section_index: int = Field(ge=0)
    """Index of the section it lies in."""
    paragraph_index: int = Field(ge=0)
    """Position of its paragraph (or line) in the article, from 0."""
    is_heading: bool
    """True for a heading line or a table-of-contents entry, which states nothing by itself."""
    provenance: Provenance
    """Span and text of the sentence."""


class Topic(Record):
    """One topic of the curated taxonomy that one article covers."""

    id: str = Field(pattern=ID_PATTERN)
    """Content-derived id of the (article, topic) pair."""
    article_id: str = Field(pattern=ID_PATTERN)
    """The article."""
    topic_id: str = Field(pattern=ID_PATTERN)
    """Taxonomy id (see ``kratom_dataset.taxonomy()``)."""
    label: str = Field(min_length=1)
    """Human-readable name from the taxonomy."""
    parent_id: str | None = None
    """The broader taxonomy topic, if any."""
    mention_count: int = Field(ge=1)
    """How many times the article mentions the topic by any of its aliases."""
    established_by: TopicEstablishedBy
    """``heading`` when a section heading names the topic, else ``first_mention``."""
    provenance: Provenance
    """The span that establishes the topic: a heading mention first, else the first mention."""


class Claim(Record):
    """One assertion as the article states it, with its hedges and the evidence it says it has."""

    id: str = Field(pattern=ID_PATTERN)
    """Content-derived id."""
    article_id: str = Field(pattern=ID_PATTERN)
    """The article."""
    claim_type: ClaimType
    """What kind of assertion it is."""
    subject: str | None = None
    """What the claim is about, normalised (kratom, melatonin, opioid_withdrawal ...), when recognised."""
    polarity: Polarity
    """``negated`` when the statement is denied ("without the risk of addiction"); a double negation
    ("not without side effects") reads as ``affirmed``."""
    certainty: Certainty
    """``uncertain`` when any hedge cue is present (CoNLL-2010 sentence certainty)."""
    hedge_cues: list[Cue]
    """Speculation cues found in the claim (may, could, potentially, suggests ...)."""
    negation_cues: list[Cue]
    """Negation cues found in the claim (not, without, no ...)."""
    evidence: Evidence
    """Who the article says backs the claim; ``unspecified`` for "has been found", ``none`` when it claims nothing."""
    evidence_cue: Cue | None = None
    """The words that attribute the evidence ("Studies suggest", "users report")."""
    topic_ids: list[str]
    """Taxonomy topics the claim mentions, sorted."""
    provenance: Provenance
    """The claim's verbatim text and span."""

    @model_validator(mode="after")
    def _cues_inside(self) -> Self:
        cues = [*self.hedge_cues, *self.negation_cues, *([self.evidence_cue] if self.evidence_cue else [])]
        for cue in cues:
            if not within(self.provenance, cue):
                raise ValueError(f"cue {cue.text!r} lies outside the claim span")
        if (self.evidence == "none") != (self.evidence_cue is None):
            raise ValueError("evidence_cue must be given exactly when evidence is not 'none'")
        if (self.certainty == "uncertain") != bool(self.hedge_cues):
            raise ValueError("certainty is 'uncertain' exactly when hedge cues are present")
        if self.polarity == "negated" and not self.negation_cues:
            raise ValueError("a negated claim needs the negation cues that make it so")
        if self.topic_ids != sorted(set(self.topic_ids)):
            raise ValueError("topic_ids must be sorted and unique")
        return self


class Dose(Record):
    """One dose statement, numeric ("1-3 grams of leaf powder") or qualitative ("at high doses")."""

    id: str = Field(pattern=ID_PATTERN)
    """Content-derived id."""
    article_id: str = Field(pattern=ID_PATTERN)
    """The article."""
    claim_id: str = Field(pattern=ID_PATTERN)
    """The claim whose span contains this dose."""
    kind: DoseKind
    """``numeric`` when an amount is stated, ``qualitative`` when only a level is."""
    substance: str | None = None
    """What is dosed, normalised (kratom, melatonin ...), when the sentence or its paragraph names it."""
    preparation: Preparation | None = None
    """The preparation as stated; null when the text does not say (an extract is far stronger than leaf)."""
    amount_low: float | None = Field(default=None, gt=0)
    """Lower bound as stated (FHIR doseRange.low); equals amount_high for a single value."""
    amount_high: float | None = Field(default=None, gt=0)
    """Upper bound as stated (FHIR doseRange.high)."""
    unit: Unit | None = None
    """UCUM code of the unit as stated: g, mg, ug, mg/kg, % (a share of the current dose in a taper),
    [tsp_us], [tbs_us], [oz_av] or mL."""
    amount_low_mg: float | None = Field(default=None, gt=0)
    """amount_low in milligrams, when the unit converts alone."""
    amount_high_mg: float | None = Field(default=None, gt=0)
    """amount_high in milligrams, when the unit converts alone."""
    comparator: Comparator | None = None
    """Bound stated in words: ``<=`` for "up to", "no more than"; ``<`` for "less than"; ``>`` for "over".
    For a single value the open end of the range is null."""
    approximate: bool
    """True when the amount is hedged as approximate ("around", "about", "roughly")."""
    level: DoseLevel | None = None
    """The size the text gives the dose in words: low, moderate or high ("at high doses")."""
    role: DoseRole | None = None
    """The part the dose plays as stated: typical, starting, maximum, titration ("gradually increase"),
    or taper_step (a decrease in a taper: "cut by 10%", "reduce to 7 g")."""
    purpose: Purpose | None = None
    """What the dose is stated to be for, when stated (sleep, pain, withdrawal ...)."""
    timing: Timing | None = None
    """When it is to be taken, when stated (FHIR timing.when: evening, bedtime ...)."""
    frequency: int | None = Field(default=None, ge=1)
    """Times per period, when stated (FHIR Timing.repeat.frequency)."""
    period: float | None = Field(default=None, gt=0)
    """Length of that period (FHIR Timing.repeat.period)."""
    period_unit: PeriodUnit | None = None
    """Unit of the period (FHIR units of time)."""
    provenance: Provenance
    """The dose phrase as written: amount, unit and preparation, or the qualitative phrase."""

    @model_validator(mode="after")
    def _amounts(self) -> Self:
        amounts = (self.amount_low, self.amount_high, self.unit)
        if self.kind == "numeric":
            if self.unit is None or (self.amount_low is None and self.amount_high is None):
                raise ValueError("a numeric dose needs a unit and at least one amount")
        elif any(a is not None for a in amounts):
            raise ValueError("a qualitative dose has no amounts or unit")
        if self.amount_low is not None and self.amount_high is not None and self.amount_low > self.amount_high:
            raise ValueError(f"amount_low ({self.amount_low}) exceeds amount_high ({self.amount_high})")
        factor = MG_PER_UNIT.get(self.unit) if self.unit else None
        for raw, mg, name in ((self.amount_low, self.amount_low_mg, "amount_low"), (self.amount_high, self.amount_high_mg, "amount_high")):
            expected = None if raw is None or factor is None else raw * factor
            if (expected is None) != (mg is None) or (
                expected is not None and mg is not None and abs(expected - mg) > 1e-9 * max(1.0, expected)
            ):
                raise ValueError(f"{name}_mg must be {name} converted from {self.unit!r} to mg ({expected})")
        if (self.period is None) != (self.period_unit is None):
            raise ValueError("period and period_unit go together")
        return self


class Mechanism(Record):
    """One mechanism of action as stated: an agent acting on a target."""

    id: str = Field(pattern=ID_PATTERN)
    """Content-derived id."""
    article_id: str = Field(pattern=ID_PATTERN)
    """The article."""
    claim_id: str = Field(pattern=ID_PATTERN)
    """The claim whose span contains this mechanism."""
    agent: str = Field(min_length=1)
    """What acts, normalised (kratom, mitragynine, 7-hydroxymitragynine, melatonin, naloxone ...)."""
    agent_text: str = Field(min_length=1)
    """The agent as written: a pronoun ("It") resolved from the paragraph, or, for an action the clause
    leaves without one ("activation of opioid receptors"), the earlier mention it is read from."""
    action: Action
    """The stated action, from a closed set after ChEMBL action types and SemMedDB predicates."""
    action_text: str = Field(min_length=1)
    """The words that state the action ("interact with", "acts as an agonist at", "boost")."""
    target: str = Field(min_length=1)
    """What is acted on, normalised (opioid receptors, GABA receptors, serotonin, REM sleep ...)."""
    target_text: str = Field(min_length=1)
    """The target as written."""
    target_type: TargetType
    """Kind of target: receptor, neurotransmitter, hormone, drug or drug class ("blood levels of
    medicines"), sleep stage, process, enzyme, transporter, ion channel, protein, cytokine, pathway."""
    negated: bool
    """True when the text denies the mechanism ("does not bind")."""
    effect: str | None = None
    """The effect the text attributes to the mechanism, verbatim, when it states one."""
    provenance: Provenance
    """From the agent (or action, for a resolved pronoun) to the target, as written."""


class GoldRecord(Record):
    """One hand-written gold annotation: a record a person found reading the article (method curated).

    One wide table for the four kinds; the fields of the other kinds are null. The scored fields
    are typed columns, so the gold set can be joined to the rule-made tables in any engine.
    """

    id: str = Field(pattern=ID_PATTERN)
    """Content-derived id of the annotation."""
    article_id: str = Field(pattern=ID_PATTERN)
    """The article."""
    kind: RecordKind
    """Which table the annotation corresponds to: topic, claim, dose or mechanism."""
    topic_id: str | None = Field(default=None, pattern=ID_PATTERN)
    """Topic: the taxonomy id."""
    established_by: TopicEstablishedBy | None = None
    """Topic: heading or first mention."""
    claim_type: ClaimType | None = None
    """Claim: its type."""
    subject: str | None = None
    """Claim: what it is about."""
    polarity: Polarity | None = None
    """Claim: affirmed or negated."""
    certainty: Certainty | None = None
    """Claim: certain or uncertain."""
    hedge_cues: list[str] = []  # noqa: RUF012 - a pydantic field (Record is a BaseModel), copied per instance
    """Claim: the hedge words as written."""
    evidence: Evidence | None = None
    """Claim: the evidence the article says it has."""
    evidence_cue: str | None = None
    """Claim: the attributing words as written."""
    topic_ids: list[str] = []  # noqa: RUF012 - a pydantic field, as above
    """Claim: taxonomy topics the sentence names."""
    dose_kind: DoseKind | None = None
    """Dose: numeric or qualitative."""
    substance: str | None = None
    """Dose: what is dosed."""
    preparation: Preparation | None = None
    """Dose: the preparation named in the phrase."""
    amount_low: float | None = Field(default=None, gt=0)
    """Dose: lower bound as stated."""
    amount_high: float | None = Field(default=None, gt=0)
    """Dose: upper bound as stated."""
    unit: Unit | None = None
    """Dose: UCUM unit code."""
    approximate: bool | None = None
    """Dose: hedged as approximate."""
    comparator: Comparator | None = None
    """Dose: bound stated in words."""
    level: DoseLevel | None = None
    """Dose: low, moderate or high."""
    role: DoseRole | None = None
    """Dose: typical, starting, maximum or titration."""
    purpose: Purpose | None = None
    """Dose: what it is for."""
    timing: Timing | None = None
    """Dose: when it is taken."""
    agent: str | None = None
    """Mechanism: the agent, normalised."""
    agent_text: str | None = None
    """Mechanism: the agent as written."""
    action: Action | None = None
    """Mechanism: the stated action."""
    action_text: str | None = None
    """Mechanism: the action words as written."""
    target: str | None = None
    """Mechanism: the target, normalised."""
    target_text: str | None = None
    """Mechanism: the target as written."""
    target_type: TargetType | None = None
    """Mechanism: the kind of target."""
    negated: bool | None = None
    """Mechanism: denied by the text."""
    effect: str | None = None
    """Mechanism: the stated effect, verbatim."""
    note: str | None = None
    """The annotator's note on a hard decision."""
    provenance: Provenance
    """The annotated span; ``method`` is ``curated``."""

    @model_validator(mode="after")
    def _kind_fields(self) -> Self:
        missing = [name for name in GOLD_REQUIRED[self.kind] if getattr(self, name) is None]
        if missing:
            raise ValueError(f"a {self.kind} annotation needs {', '.join(missing)}")
        if self.provenance.method != "curated":
            raise ValueError("gold annotations are curated")
        return self


#: Every release table: name -> (model, primary key). Order is the order tables are built.
TABLES: dict[str, type[Record]] = {
    "articles": Article,
    "sentences": Sentence,
    "topics": Topic,
    "claims": Claim,
    "doses": Dose,
    "mechanisms": Mechanism,
    "gold": GoldRecord,
}

#: Tables of each schema version, so every release is checked against the tables it was built with.
TABLES_BY_SCHEMA = {
    "1.0.0": ("articles", "sentences", "topics", "claims", "doses", "mechanisms"),
    "1.1.0": tuple(TABLES),
    "1.2.0": tuple(TABLES),
    "1.3.0": tuple(TABLES),
    "1.4.0": tuple(TABLES),
    "1.5.0": tuple(TABLES),
}

#: Fields each schema version added to an existing table, so older releases are read and checked
#: against the columns they were built with.
FIELDS_ADDED = {
    "1.2.0": {"articles": ("source_url", "retrieved_at")},
}

PRIMARY_KEY = "id"
