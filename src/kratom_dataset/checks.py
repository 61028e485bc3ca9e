"""Consistency checks across records, reported as located issues, never raised.

Each :class:`Issue` says which table, which record, which field and what is wrong, with a
stable ``code``; a :class:`Report` gathers them. Every batch of a build must pass
:func:`validate_rows` before it is written; :mod:`kratom_dataset.validate` runs the same rules
on folders and files.
"""

from __future__ import annotations

import hashlib
import itertools
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal, TypedDict

from .models import TABLES, Article, Claim, Sentence

MAX_ISSUES_PER_CHECK = 200

#: Every code an :class:`Issue` can carry, here and in :mod:`kratom_dataset.constraints`;
#: ``docs/codes.md`` says what each means and what to do.
IssueCode = Literal[
    # one record, one field (constraints.py and the row models)
    "missing-value",
    "invalid-value",
    "invalid-type",
    "too-many-issues",
    # keys and references between records
    "duplicate-key",
    "foreign-key",
    "outside-claim",
    "unknown-topic",
    "taxonomy-mismatch",
    "count-mismatch",
    "sentence-order",
    "sentence-overlap",
    # spans against the article text
    "article-hash-mismatch",
    "provenance-article",
    "provenance-hash",
    "span-out-of-range",
    "span-mismatch",
    "prefix-mismatch",
    "suffix-mismatch",
    "unknown-section",
    "section-mismatch",
    # release and build folders
    "manifest-missing",
    "manifest-unreadable",
    "manifest-schema",
    "manifest-version",
    "manifest-extra-file",
    "manifest-missing-file",
    "missing-file",
    "checksum-mismatch",
    "unreadable-file",
    "row-count",
    "file-metadata",
    "unknown-table",
    # Parquet schemas
    "missing-column",
    "column-type",
    "extra-column",
]

#: The rows of each table: the models of that table (an :class:`Article` in ``articles``, a
#: :class:`Claim` in ``claims`` ...), read by the attributes each table's records have.
Rows = Mapping[str, Sequence[Any]]


@dataclass(frozen=True)
class Issue:
    """One thing wrong, located: table, record id and field (each null when not applicable)."""

    code: IssueCode
    message: str
    table: str | None = None
    record_id: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = "/".join(x for x in (self.table, self.record_id, self.field) if x)
        return f"[{self.code}] {where + ': ' if where else ''}{self.message}"


@dataclass
class Report:
    """All issues found by a validation run; ``valid`` when there are none."""

    errors: list[Issue] = field(default_factory=list)
    checked: Counter[str] = field(default_factory=Counter)

    @property
    def valid(self) -> bool:
        return not self.errors

    def add(self, code: IssueCode, message: str, table: str | None = None, record_id: str | None = None, field: str | None = None) -> None:
        self.errors.append(Issue(code, message, table, record_id, field))

    def flatten(self, keys: Sequence[str] = ("table", "record_id", "field", "code")) -> list[list[str | None]]:
        """Issues as rows of the given attributes: handy for tests and tables."""
        return [[getattr(i, k) for k in keys] for i in self.errors]

    def to_dict(self) -> ReportDict:
        return {"valid": self.valid, "checked": dict(sorted(self.checked.items())), "errors": [asdict(i) for i in self.errors]}

    def to_text(self) -> str:
        counts = ", ".join(f"{n} {t}" for t, n in sorted(self.checked.items()))
        head = f"{'valid' if self.valid else 'INVALID'}: {len(self.errors)} issue(s); checked {counts or 'nothing'}"
        return "\n".join([head, *(f"  {i}" for i in self.errors)])


class ReportDict(TypedDict):
    """A :class:`Report` as JSON (``kratom-dataset validate --json``)."""

    valid: bool
    checked: dict[str, int]
    errors: list[dict[str, str | None]]


# Cross-record checks ---------------------------------------------------------------------------


def validate_rows(rows: Rows) -> Report:
    """Every rule that needs more than one record: keys, spans against the text, counts, taxonomy.

    Rules that need a table not in ``rows`` (a lone file being checked) are skipped, not failed.
    """
    from .extractors.topics import taxonomy

    report = Report()
    for table, records in rows.items():
        report.checked[table] += len(records)
    _check_keys(report, rows)
    articles: dict[str, Article] = {a.id: a for a in rows.get("articles", [])}
    texts = {aid: a.provenance.exact for aid, a in articles.items()}
    for aid, article in articles.items():
        digest = hashlib.sha256(texts[aid].encode("utf-8")).hexdigest()
        if digest != article.sha256:
            report.add("article-hash-mismatch", f"text hashes to {digest}, not the recorded {article.sha256}", "articles", aid, "sha256")
    sentence_ids = {s.id for s in rows["sentences"]} if "sentences" in rows else None
    claims: dict[str, Claim] = {c.id: c for c in rows.get("claims", [])}
    for table in TABLES:
        for record in rows.get(table, []):
            _check_provenance(report, table, record, articles, texts, sentence_ids)
    for table in ("doses", "mechanisms") if "claims" in rows else ():
        for record in rows.get(table, []):
            claim = claims.get(record.claim_id)
            if claim is None:
                report.add("foreign-key", f"claim {record.claim_id} does not exist", table, record.id, "claim_id")
                continue
            p, c = record.provenance, claim.provenance
            if p.article_id != c.article_id or not (c.char_start <= p.char_start and p.char_end <= c.char_end):
                report.add(
                    "outside-claim",
                    f"span [{p.char_start}, {p.char_end}) lies outside its claim's span [{c.char_start}, {c.char_end})",
                    table,
                    record.id,
                    "provenance",
                )
    known = taxonomy()
    for topic in rows.get("topics", []):
        entry = known.get(topic.topic_id)
        if entry is None:
            report.add("unknown-topic", f"topic {topic.topic_id!r} is not in the taxonomy", "topics", topic.id, "topic_id")
        elif (topic.label, topic.parent_id) != (entry["label"], entry["parent"]):
            report.add("taxonomy-mismatch", "label or parent differs from the taxonomy", "topics", topic.id, "label")
    for claim in claims.values():
        for topic_id in claim.topic_ids:
            if topic_id not in known:
                report.add("unknown-topic", f"topic {topic_id!r} is not in the taxonomy", "claims", claim.id, "topic_ids")
    _check_counts(report, rows, articles)
    _check_sentences(report, rows.get("sentences", []))
    return report


def _check_keys(report: Report, rows: Rows) -> None:
    article_ids = {a.id for a in rows.get("articles", [])}
    for table in TABLES:
        counts = Counter(r.id for r in rows.get(table, []))
        for rid, n in sorted(item for item in counts.items() if item[1] > 1):
            report.add("duplicate-key", f"id appears {n} times", table, rid, "id")
        if table == "articles" or "articles" not in rows:
            continue
        for record in rows.get(table, []):
            if record.article_id not in article_ids:
                report.add("foreign-key", f"article {record.article_id} does not exist", table, record.id, "article_id")


def _check_provenance(
    report: Report, table: str, record: Any, articles: dict[str, Article], texts: dict[str, str], sentence_ids: set[str] | None
) -> None:
    p = record.provenance
    aid = record.id if table == "articles" else record.article_id
    if p.article_id != aid:
        report.add("provenance-article", f"provenance names {p.article_id}, the record {aid}", table, record.id, "provenance.article_id")
        return
    article = articles.get(aid)
    if article is None:
        return
    text = texts[aid]
    # Every field read once: a record is checked field by field, and there are tens of thousands.
    start, end, prefix, suffix = p.char_start, p.char_end, p.prefix, p.suffix
    if p.article_sha256 != article.sha256:
        report.add("provenance-hash", "article_sha256 differs from the article's sha256", table, record.id, "provenance.article_sha256")
    if end > len(text):
        report.add(
            "span-out-of-range", f"char_end {end} is past the end of the text ({len(text)})", table, record.id, "provenance.char_end"
        )
        return
    if text[start:end] != p.exact:
        report.add("span-mismatch", f"text[{start}:{end}] is not the recorded exact text", table, record.id, "provenance.exact")
    if prefix != text[max(0, start - len(prefix)) : start] or (len(prefix) < 32 and len(prefix) != start):
        report.add("prefix-mismatch", "prefix is not the text just before the span", table, record.id, "provenance.prefix")
    if suffix != text[end : end + len(suffix)] or (len(suffix) < 32 and end + len(suffix) != len(text)):
        report.add("suffix-mismatch", "suffix is not the text just after the span", table, record.id, "provenance.suffix")
    sections = article.sections
    index = p.section_index
    if index >= len(sections):
        report.add("unknown-section", f"section {index} does not exist", table, record.id, "provenance.section_index")
    else:
        section = sections[index]
        if p.section != (section.heading or section.role):
            report.add("section-mismatch", f"section name {p.section!r} differs from the article's", table, record.id, "provenance.section")
        if table != "articles" and not (section.char_start <= start < section.char_end):
            report.add("section-mismatch", "span does not start inside its section", table, record.id, "provenance.section_index")
    sentence_id = p.sentence_id
    if sentence_id is not None and sentence_ids is not None and sentence_id not in sentence_ids:
        report.add("foreign-key", f"sentence {sentence_id} does not exist", table, record.id, "provenance.sentence_id")


def _check_counts(report: Report, rows: Rows, articles: dict[str, Article]) -> None:
    counted = [t for t in TABLES if t in rows and f"n_{t}" in TABLES["articles"].model_fields]
    per_table = {t: Counter(r.article_id for r in rows[t]) for t in counted}
    for aid, article in articles.items():
        for table, counter in per_table.items():
            stated = getattr(article, f"n_{table}")
            if stated != counter[aid]:
                report.add("count-mismatch", f"n_{table} is {stated} but the table has {counter[aid]} rows", "articles", aid, f"n_{table}")


def _check_sentences(report: Report, sentences: Sequence[Sentence]) -> None:
    by_article: defaultdict[str, list[Sentence]] = defaultdict(list)
    for s in sentences:
        by_article[s.article_id].append(s)
    for aid, items in by_article.items():
        items.sort(key=lambda s: s.index)
        if [s.index for s in items] != list(range(len(items))):
            report.add("sentence-order", "sentence indices are not 0..n-1", "sentences", aid, "index")
        for a, b in itertools.pairwise(items):
            if b.provenance.char_start < a.provenance.char_end:
                report.add("sentence-overlap", f"overlaps sentence {a.id}", "sentences", b.id, "provenance")
