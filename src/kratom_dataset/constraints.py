"""The models' own rules, checked on whole Arrow tables: what a corpus build runs per batch.

Bulk builds make records without validating them one at a time (:meth:`Record.trusted
<kratom_dataset.models.Record.trusted>`) and check each batch's tables here instead, with one
vectorised pass per rule. The rules are read from the models (required fields, ``ge``, ``gt``,
``min_length``, ``pattern`` and literal values) plus each model validator written out column by
column. Tests hold the verdict to pydantic's on generated and deliberately broken records.

Problems come back as located :class:`~kratom_dataset.checks.Issue` records (table, record id,
field path, code), never raised.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Literal, get_args, get_origin

import pyarrow as pa
import pyarrow.compute as pc
from pydantic import BaseModel

from .arrow import optional_of
from .checks import MAX_ISSUES_PER_CHECK, IssueCode, Report
from .models import MG_PER_UNIT, TABLES, Article, Claim, Cue, Dose, GoldRecord, Provenance, Span
from .vocabulary import GOLD_REQUIRED


def check_table(table: str, data: pa.Table, report: Report | None = None) -> Report:
    """Every single-record rule of ``table``'s model, over all rows of ``data`` at once."""
    report = report if report is not None else Report()
    columns = [c.chunk(0) if c.num_chunks == 1 else c.combine_chunks() for c in data.columns]
    rows = pa.StructArray.from_arrays(columns, fields=list(data.schema))
    report.checked[table] += len(rows)
    _Checker(report, table).model(TABLES[table], rows, rows.field("id"), "")
    return report


def table_issue(report: Report, table: str, exc: Exception) -> Report:
    """An issue for records that could not even become an Arrow table (a value of the wrong type)."""
    report.add("invalid-type", f"records do not fit the table's Arrow schema: {exc}", table)
    return report


class _Checker:
    def __init__(self, report: Report, table: str):
        self.report = report
        self.table = table
        self.shown = 0

    def flag(self, mask: pa.Array, ids: pa.Array, field: str, code: IssueCode, message: str) -> None:
        """One issue per record whose row of ``mask`` is true."""
        mask = pc.fill_null(mask, False)
        if not pc.any(mask).as_py():
            return
        for record_id in pc.unique(ids.filter(mask)).to_pylist():
            if self.shown >= MAX_ISSUES_PER_CHECK:
                if self.shown == MAX_ISSUES_PER_CHECK:
                    self.report.add("too-many-issues", f"stopped listing row errors after {MAX_ISSUES_PER_CHECK}", self.table)
                    self.shown += 1
                return
            self.shown += 1
            self.report.add(code, message, self.table, record_id, field)

    def model(self, model: type[BaseModel], rows: pa.StructArray, ids: pa.Array, prefix: str) -> None:
        """Fields of ``model`` in ``rows`` (all present), then the model's own cross-field rules."""
        for name, info in model.model_fields.items():
            path = prefix + name
            column = rows.field(name)
            optional, annotation = optional_of(info.annotation)
            if not optional:
                self.flag(column.is_null(), ids, path, "missing-value", "a value is required")
            present = column.is_valid()
            self.values(annotation, info.metadata, column.filter(present), ids.filter(present), path)
        for rule in (RULES[klass] for klass in model.__mro__ if klass in RULES):
            for mask, field, message in rule(rows):
                self.flag(mask, ids, prefix + field, "invalid-value", message)

    def values(self, annotation: Any, metadata: list[Any], column: pa.Array, ids: pa.Array, path: str) -> None:
        origin = get_origin(annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            self.model(annotation, column, ids, path + ".")
        elif origin is list:
            (item,) = get_args(annotation)
            items = column.flatten()
            item_ids = ids.take(pc.list_parent_indices(column))
            self.flag(items.is_null(), item_ids, path, "missing-value", "list items cannot be null")
            present = items.is_valid()
            self.values(item, [], items.filter(present), item_ids.filter(present), path)
        elif origin is Literal:
            allowed = list(get_args(annotation))
            self.flag(pc.invert(pc.is_in(column, value_set=pa.array(allowed))), ids, path, "invalid-value", f"must be one of {allowed}")
        for rule in metadata:
            for mask, message in _constraint(rule, column):
                self.flag(mask, ids, path, "invalid-value", message)


def _constraint(rule: Any, column: pa.Array) -> list[tuple[pa.Array, str]]:
    """Masks of values breaking one field constraint (pydantic keeps them as metadata objects)."""
    out = []
    if getattr(rule, "ge", None) is not None:
        out.append((pc.less(column, rule.ge), f"must be greater than or equal to {rule.ge}"))
    if getattr(rule, "gt", None) is not None:
        out.append((pc.less_equal(column, rule.gt), f"must be greater than {rule.gt}"))
    if getattr(rule, "min_length", None) is not None:
        out.append((pc.less(pc.utf8_length(column), rule.min_length), f"must have at least {rule.min_length} character(s)"))
    if getattr(rule, "pattern", None) is not None:
        # pydantic matches with Rust's regex, where \d is any Unicode digit; RE2's \d is ASCII only.
        pattern = rule.pattern.replace(r"\d", r"\p{Nd}")
        out.append((pc.invert(pc.match_substring_regex(column, pattern)), f"must match {rule.pattern}"))
    return out


# Model validators, column-wise -------------------------------------------------------------------

#: What a column-wise validator yields: a row mask where the rule breaks, the field, the message.
Masks = Iterator[tuple[pa.Array, str, str]]


def _span(r: pa.StructArray) -> Masks:
    yield pc.less_equal(r.field("char_end"), r.field("char_start")), "char_end", "char_end must be greater than char_start"


def _quote_length(text_field: str) -> Callable[[pa.StructArray], Masks]:
    def rule(r: pa.StructArray) -> Masks:
        covered = pc.subtract(r.field("char_end"), r.field("char_start"))
        yield (
            pc.not_equal(pc.utf8_length(r.field(text_field)), covered),
            text_field,
            f"{text_field} must have as many characters as the span covers",
        )

    return rule


def _rows_where(items_mask: pa.Array, parents: pa.Array, n: int) -> pa.Array:
    """Row mask: rows with at least one list item where ``items_mask`` holds."""
    hit = pc.unique(parents.filter(pc.fill_null(items_mask, False))).to_pylist()
    mask = [False] * n
    for i in hit:
        mask[i] = True
    return pa.array(mask, pa.bool_())


def _outside(outer: pa.StructArray, items: pa.Array, n: int) -> pa.Array:
    """Rows with an item of list column ``items`` outside the row's span ``outer``."""
    parents = pc.list_parent_indices(items)
    flat = items.flatten()
    start, end = outer.field("char_start").take(parents), outer.field("char_end").take(parents)
    bad = pc.or_(pc.less(flat.field("char_start"), start), pc.greater(flat.field("char_end"), end))
    return _rows_where(bad, parents, n)


def _article(r: pa.StructArray) -> Masks:
    p = r.field("provenance")
    named = pc.or_(pc.not_equal(p.field("article_id"), r.field("id")), pc.not_equal(p.field("article_sha256"), r.field("sha256")))
    yield named, "provenance", "provenance must name the article itself"
    whole = pc.or_(pc.not_equal(p.field("char_start"), 0), pc.not_equal(p.field("char_end"), r.field("char_count")))
    yield whole, "provenance", "an article's provenance must span its whole text"
    yield _outside(p, r.field("sections"), len(r)), "sections", "a section lies outside the text"


def _claim(r: pa.StructArray) -> Masks:
    p, n = r.field("provenance"), len(r)
    hedges, negations, cue = r.field("hedge_cues"), r.field("negation_cues"), r.field("evidence_cue")
    cue_start, cue_end = cue.field("char_start"), cue.field("char_end")
    loose_cue = pc.and_(cue.is_valid(), pc.or_(pc.less(cue_start, p.field("char_start")), pc.greater(cue_end, p.field("char_end"))))
    yield pc.or_(pc.or_(_outside(p, hedges, n), _outside(p, negations, n)), loose_cue), "provenance", "a cue lies outside the claim span"
    yield (
        pc.not_equal(pc.equal(r.field("evidence"), "none"), cue.is_null()),
        "evidence_cue",
        "evidence_cue must be given exactly when evidence is not 'none'",
    )
    hedged = pc.greater(pc.list_value_length(hedges), 0)
    yield (
        pc.not_equal(pc.equal(r.field("certainty"), "uncertain"), hedged),
        "certainty",
        "certainty is 'uncertain' exactly when hedge cues are present",
    )
    unexplained = pc.and_(pc.equal(r.field("polarity"), "negated"), pc.equal(pc.list_value_length(negations), 0))
    yield unexplained, "polarity", "a negated claim needs the negation cues that make it so"
    topics = r.field("topic_ids")
    parents, flat = pc.list_parent_indices(topics), topics.flatten()
    if len(flat) > 1:
        same_row = pc.equal(parents.slice(1), parents.slice(0, len(parents) - 1))
        not_rising = pc.less_equal(flat.slice(1), flat.slice(0, len(flat) - 1))
        yield _rows_where(pc.and_(same_row, not_rising), parents.slice(1), n), "topic_ids", "topic_ids must be sorted and unique"


def _dose(r: pa.StructArray) -> Masks:
    low, high, unit = r.field("amount_low"), r.field("amount_high"), r.field("unit")
    numeric = pc.equal(r.field("kind"), "numeric")
    no_amount = pc.or_(unit.is_null(), pc.and_(low.is_null(), high.is_null()))
    yield pc.and_(numeric, no_amount), "kind", "a numeric dose needs a unit and at least one amount"
    any_amount = pc.or_(pc.or_(low.is_valid(), high.is_valid()), unit.is_valid())
    yield pc.and_(pc.invert(numeric), any_amount), "kind", "a qualitative dose has no amounts or unit"
    yield pc.greater(low, high), "amount_low", "amount_low exceeds amount_high"
    factor = pa.array([MG_PER_UNIT.get(u) if u else None for u in unit.to_pylist()], pa.float64())
    for name in ("amount_low", "amount_high"):
        expected, mg = pc.multiply(r.field(name), factor), r.field(f"{name}_mg")
        presence = pc.not_equal(expected.is_null(), mg.is_null())
        bound = pc.multiply(pc.max_element_wise(expected, 1.0), 1e-9)
        off = pc.greater(pc.abs(pc.subtract(expected, mg)), bound)
        yield pc.or_(presence, pc.fill_null(off, False)), f"{name}_mg", f"{name}_mg must be {name} converted to mg"
    yield pc.not_equal(r.field("period").is_null(), r.field("period_unit").is_null()), "period", "period and period_unit go together"


def _gold(r: pa.StructArray) -> Masks:
    kind = r.field("kind")
    for name, fields in GOLD_REQUIRED.items():
        for field in fields:
            yield pc.and_(pc.equal(kind, name), r.field(field).is_null()), field, f"a {name} annotation needs {field}"
    yield pc.not_equal(r.field("provenance").field("method"), "curated"), "provenance.method", "gold annotations are curated"


#: Each model's validators, written column-wise; a model also runs those of its bases.
RULES = {
    Span: _span,
    Provenance: _quote_length("exact"),
    Cue: _quote_length("text"),
    Article: _article,
    Claim: _claim,
    Dose: _dose,
    GoldRecord: _gold,
}
