"""The vocabulary of a release: every closed set of codes a field may take, and the id patterns.

Apart from the models so that the parser and the extractors can name the codes they produce
without importing the record classes, and so a change of vocabulary reads as one diff.
"""

from __future__ import annotations

from typing import Literal, get_args

ID_PATTERN = r"^[a-z0-9][a-z0-9._-]{0,127}$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"
UTC_PATTERN = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$"

Method = Literal["rule", "curated"]
SectionRole = Literal["summary", "intro", "toc", "section", "conclusion", "references", "body"]
ArticleFormat = Literal["template", "markdown", "plain"]
TopicEstablishedBy = Literal["heading", "first_mention"]
ClaimType = Literal["efficacy", "adverse_effect", "mechanism", "dosage", "recommendation", "definition", "safety", "other"]
Polarity = Literal["affirmed", "negated"]
Certainty = Literal["certain", "uncertain"]
Evidence = Literal["studies", "research", "users_report", "personal_accounts", "experts", "unspecified", "none"]
CueType = Literal["speculation", "negation", "evidence"]
Preparation = Literal["leaf_powder", "extract", "capsule", "tablet", "tea", "leaves", "powder", "tincture", "resin"]
Unit = Literal["g", "mg", "ug", "mg/kg", "%", "[tsp_us]", "[tbs_us]", "[oz_av]", "mL"]
DoseKind = Literal["numeric", "qualitative"]
DoseLevel = Literal["low", "moderate", "high"]
DoseRole = Literal["typical", "starting", "maximum", "titration", "taper_step"]
Comparator = Literal["<", "<=", ">=", ">"]
Purpose = Literal["sleep", "pain", "withdrawal", "anxiety", "energy", "mood"]
Timing = Literal["morning", "afternoon", "evening", "bedtime", "night"]
PeriodUnit = Literal["s", "min", "h", "d", "wk", "mo", "a"]
Action = Literal[
    "interacts_with",
    "binds",
    "agonist",
    "partial_agonist",
    "inverse_agonist",
    "antagonist",
    "modulates",
    "activates",
    "inhibits",
    "induces",
    "increases",
    "decreases",
    "mimics",
]
TargetType = Literal[
    "receptor",
    "neurotransmitter",
    "hormone",
    "drug_class",
    "drug",
    "sleep_stage",
    "physiological_process",
    "enzyme",
    "transporter",
    "ion_channel",
    "protein",
    "cytokine",
    "signaling_pathway",
]

#: Factor from each UCUM unit to milligrams; ``None`` where a unit cannot be converted alone.
MG_PER_UNIT: dict[str, float | None] = {
    "g": 1000.0,
    "mg": 1.0,
    "ug": 0.001,
    "mg/kg": None,
    "%": None,
    "[tsp_us]": None,
    "[tbs_us]": None,
    "[oz_av]": 28349.523125,
    "mL": None,
}

#: The record kinds the extractors make and the gold set annotates, and the table of each.
RecordKind = Literal["topic", "claim", "dose", "mechanism"]
RECORD_KINDS: tuple[RecordKind, ...] = get_args(RecordKind)
TABLE_OF_KIND: dict[RecordKind, str] = {kind: f"{kind}s" for kind in RECORD_KINDS}
#: The fields a gold annotation of each kind must fill (the others may stay null).
GOLD_REQUIRED: dict[RecordKind, tuple[str, ...]] = {
    "topic": ("topic_id", "established_by"),
    "claim": ("claim_type", "polarity", "certainty", "evidence"),
    "dose": ("dose_kind",),
    "mechanism": ("agent", "action", "target", "target_type"),
}
