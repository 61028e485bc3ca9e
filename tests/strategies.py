"""Hypothesis strategies for valid records of every table (as JSON-ready dicts)."""

from __future__ import annotations

from hypothesis import strategies as st

from kratom_dataset.models import MG_PER_UNIT

ids = st.from_regex(r"[a-z0-9][a-z0-9._-]{0,24}", fullmatch=True)
sha256 = st.from_regex(r"[0-9a-f]{64}", fullmatch=True)
short_text = st.text(min_size=1, max_size=24)
context = st.text(max_size=32)
positive = st.floats(min_value=0.001, max_value=1e6, allow_nan=False, allow_infinity=False)


def literal(*values):
    return st.sampled_from(values)


@st.composite
def provenance(draw, start=None, length=None):
    exact = draw(st.text(min_size=length or 1, max_size=length or 40))
    if length is not None:
        exact = exact[:length]
    begin = draw(st.integers(0, 100_000)) if start is None else start
    return {
        "article_id": draw(ids),
        "article_sha256": draw(sha256),
        "char_start": begin,
        "char_end": begin + len(exact),
        "exact": exact,
        "prefix": draw(context),
        "suffix": draw(context),
        "section_index": draw(st.integers(0, 50)),
        "section": draw(short_text),
        "sentence_id": draw(st.none() | ids),
        "method": draw(literal("rule", "curated")),
        "extractor": draw(short_text),
        "extractor_version": draw(short_text),
    }


@st.composite
def cue(draw, lo, hi, cue_type=None):
    start = draw(st.integers(lo, hi - 1))
    length = draw(st.integers(1, hi - start))
    return {
        "char_start": start,
        "char_end": start + length,
        "text": draw(st.text(min_size=length, max_size=length)),
        "cue_type": cue_type or draw(literal("speculation", "negation", "evidence")),
    }


@st.composite
def sentence(draw):
    return {
        "id": draw(ids),
        "article_id": draw(ids),
        "index": draw(st.integers(0, 10_000)),
        "section_index": draw(st.integers(0, 50)),
        "paragraph_index": draw(st.integers(0, 500)),
        "is_heading": draw(st.booleans()),
        "provenance": draw(provenance()),
    }


@st.composite
def topic(draw):
    return {
        "id": draw(ids),
        "article_id": draw(ids),
        "topic_id": draw(ids),
        "label": draw(short_text),
        "parent_id": draw(st.none() | ids),
        "mention_count": draw(st.integers(1, 1000)),
        "established_by": draw(literal("heading", "first_mention")),
        "provenance": draw(provenance()),
    }


@st.composite
def claim(draw):
    prov = draw(provenance(length=draw(st.integers(5, 40))))
    lo, hi = prov["char_start"], prov["char_end"]
    hedges = draw(st.lists(cue(lo, hi, "speculation"), max_size=3))
    negations = draw(st.lists(cue(lo, hi, "negation"), max_size=2))
    evidence = draw(literal("studies", "research", "users_report", "personal_accounts", "experts", "unspecified", "none"))
    return {
        "id": draw(ids),
        "article_id": draw(ids),
        "claim_type": draw(literal("efficacy", "adverse_effect", "mechanism", "dosage", "recommendation", "definition", "safety", "other")),
        "subject": draw(st.none() | short_text),
        "polarity": draw(literal("negated", "affirmed")) if negations else "affirmed",
        "certainty": "uncertain" if hedges else "certain",
        "hedge_cues": hedges,
        "negation_cues": negations,
        "evidence": evidence,
        "evidence_cue": None if evidence == "none" else draw(cue(lo, hi, "evidence")),
        "topic_ids": sorted(set(draw(st.lists(ids, max_size=4)))),
        "provenance": prov,
    }


@st.composite
def dose(draw):
    kind = draw(literal("numeric", "qualitative"))
    fields = {"amount_low": None, "amount_high": None, "unit": None, "amount_low_mg": None, "amount_high_mg": None, "comparator": None}
    if kind == "numeric":
        unit = draw(literal(*MG_PER_UNIT))
        a, b = sorted([draw(positive), draw(positive)])
        comparator = draw(literal(None, "<", "<=", ">", ">="))
        low, high = (None, b) if comparator in ("<", "<=") else (a, None) if comparator else (a, b)
        factor = MG_PER_UNIT[unit]
        fields.update(
            amount_low=low,
            amount_high=high,
            unit=unit,
            comparator=comparator,
            amount_low_mg=None if low is None or factor is None else low * factor,
            amount_high_mg=None if high is None or factor is None else high * factor,
        )
    periodic = draw(st.booleans())
    return {
        "id": draw(ids),
        "article_id": draw(ids),
        "claim_id": draw(ids),
        "kind": kind,
        "substance": draw(st.none() | short_text),
        "preparation": draw(st.none() | literal("leaf_powder", "extract", "capsule", "tea")),
        **fields,
        "approximate": draw(st.booleans()),
        "level": draw(st.none() | literal("low", "moderate", "high")),
        "role": draw(st.none() | literal("typical", "starting", "maximum", "titration")),
        "purpose": draw(st.none() | literal("sleep", "pain", "withdrawal")),
        "timing": draw(st.none() | literal("evening", "bedtime")),
        "frequency": draw(st.none() | st.integers(1, 12)),
        "period": draw(positive) if periodic else None,
        "period_unit": draw(literal("h", "d", "wk")) if periodic else None,
        "provenance": draw(provenance()),
    }


@st.composite
def mechanism(draw):
    return {
        "id": draw(ids),
        "article_id": draw(ids),
        "claim_id": draw(ids),
        "agent": draw(short_text),
        "agent_text": draw(short_text),
        "action": draw(literal("interacts_with", "agonist", "partial_agonist", "inhibits", "increases", "mimics")),
        "action_text": draw(short_text),
        "target": draw(short_text),
        "target_text": draw(short_text),
        "target_type": draw(literal("receptor", "neurotransmitter", "hormone", "drug_class", "sleep_stage", "physiological_process")),
        "negated": draw(st.booleans()),
        "effect": draw(st.none() | short_text),
        "provenance": draw(provenance()),
    }


@st.composite
def article(draw):
    n = draw(st.integers(1, 200))
    aid, digest = draw(ids), draw(sha256)
    prov = draw(provenance(start=0, length=n))
    n = len(prov["exact"])
    prov.update(article_id=aid, article_sha256=digest, char_end=n)
    cut = draw(st.integers(0, n - 1)) if n > 1 else 0
    sections = [{"index": 0, "role": "summary", "heading": None, "char_start": 0, "char_end": max(cut, 1)}]
    if cut >= 1 and cut < n:
        sections.append({"index": 1, "role": "section", "heading": draw(st.none() | short_text), "char_start": cut, "char_end": n})
    return {
        "id": aid,
        "source_file": draw(short_text),
        "sha256": digest,
        "size_bytes": draw(st.integers(n, 4 * n)),
        "char_count": n,
        "title": draw(st.none() | short_text),
        "language": draw(st.none() | st.just("en")),
        "format": draw(literal("template", "markdown", "plain")),
        "sections": sections,
        **{f"n_{t}": draw(st.integers(0, 500)) for t in ("sentences", "topics", "claims", "doses", "mechanisms")},
        "provenance": prov,
    }


@st.composite
def gold(draw):
    kind = draw(literal("topic", "claim", "dose", "mechanism"))
    prov = draw(provenance())
    prov["method"] = "curated"
    fields = {
        "topic": {"topic_id": draw(ids), "established_by": draw(literal("heading", "first_mention"))},
        "claim": {
            "claim_type": draw(literal("efficacy", "other")),
            "polarity": draw(literal("affirmed", "negated")),
            "certainty": draw(literal("certain", "uncertain")),
            "evidence": draw(literal("studies", "none")),
            "hedge_cues": draw(st.lists(short_text, max_size=2)),
            "topic_ids": draw(st.lists(ids, max_size=3)),
        },
        "dose": {
            "dose_kind": draw(literal("numeric", "qualitative")),
            "amount_low": draw(st.none() | positive),
            "unit": draw(st.none() | literal("g", "mg")),
            "approximate": draw(st.none() | st.booleans()),
        },
        "mechanism": {
            "agent": draw(short_text),
            "action": draw(literal("interacts_with", "mimics")),
            "target": draw(short_text),
            "target_type": draw(literal("receptor", "hormone")),
            "negated": draw(st.none() | st.booleans()),
        },
    }[kind]
    return {"id": draw(ids), "article_id": draw(ids), "kind": kind, **fields, "note": draw(st.none() | short_text), "provenance": prov}


RECORDS = {
    "articles": article(),
    "sentences": sentence(),
    "topics": topic(),
    "claims": claim(),
    "doses": dose(),
    "mechanisms": mechanism(),
    "gold": gold(),
}


#: Records broken in a way only a rule comparing two fields can see (JSON Schema cannot say it),
#: as (table, change, the field the issue names): the models and ``validate`` must refuse them.
CROSS_FIELD_BREAKS = [
    (
        "doses",
        {
            "kind": "numeric",
            "unit": "g",
            "amount_low": 3.0,
            "amount_high": 1.0,
            "amount_low_mg": 3000.0,
            "amount_high_mg": 1000.0,
            "comparator": None,
        },
        "amount_low",
    ),
    (
        "doses",
        {
            "kind": "numeric",
            "unit": "g",
            "amount_low": 1.0,
            "amount_high": 3.0,
            "amount_low_mg": 1.0,
            "amount_high_mg": 3.0,
            "comparator": None,
        },
        "amount_low_mg",
    ),
    (
        "doses",
        {
            "kind": "qualitative",
            "unit": "g",
            "amount_low": 1.0,
            "amount_high": 1.0,
            "amount_low_mg": 1000.0,
            "amount_high_mg": 1000.0,
            "comparator": None,
        },
        "kind",
    ),
    ("sentences", {"provenance": {"char_start": 10, "char_end": 10, "exact": "x"}}, "provenance.char_end"),
    ("sentences", {"provenance": {"char_start": 10, "char_end": 12, "exact": "x"}}, "provenance.exact"),
]
