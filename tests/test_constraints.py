"""The per-batch Arrow check of bulk builds says exactly what the models' own validation says.

Records are made the bulk way (``Record.trusted``, nothing validated), put into an Arrow table
and checked with :func:`check_table`; pydantic validates the same data. Valid records must pass
both, and a record broken in any one value must fail both or neither.
"""

from __future__ import annotations

import copy
import typing
from typing import Any, get_args, get_origin

import pyarrow as pa
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from conftest import apply_change, examples
from kratom_dataset.arrow import optional_of, to_table
from kratom_dataset.batch import checked_tables
from kratom_dataset.checks import Report
from kratom_dataset.constraints import check_table, table_issue
from kratom_dataset.errors import ValidationFailed
from kratom_dataset.models import TABLES, Cue, Provenance
from strategies import CROSS_FIELD_BREAKS, RECORDS

SETTINGS = settings(max_examples=examples(30), deadline=None, suppress_health_check=[HealthCheck.too_slow])


def trusted(model: type[BaseModel], data: dict) -> Any:
    """``data`` as a record made the bulk way, nested records included."""
    fields = {}
    for name, value in data.items():
        annotation = model.model_fields[name].annotation
        _, inner = optional_of(annotation)
        item = get_args(inner)[0] if get_origin(inner) is list else None
        if value is not None and isinstance(inner, type) and issubclass(inner, BaseModel):
            value = trusted(inner, value)
        elif isinstance(item, type) and issubclass(item, BaseModel):
            value = [trusted(item, v) for v in value]
        fields[name] = value
    return model.trusted(**fields)


def pydantic_accepts(table: str, data: dict) -> bool:
    try:
        TABLES[table].model_validate(data)
        return True
    except ValidationError:
        return False


def arrow_issues(table: str, data: dict) -> list:
    report = Report()
    try:
        built = to_table(table, [trusted(TABLES[table], data)])
    except (pa.ArrowException, TypeError, ValueError) as exc:
        return table_issue(report, table, exc).errors
    return check_table(table, built, report).errors


def _leaves(value, path=()):
    if isinstance(value, dict):
        for key, v in value.items():
            yield from _leaves(v, (*path, key))
    elif isinstance(value, list):
        if value:
            yield path, value
        for i, v in enumerate(value):
            yield from _leaves(v, (*path, i))
    else:
        yield path, value


def _set(data, path, value):
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


def _literals() -> list[str]:
    found = set()
    for model in TABLES.values():
        for sub in [model, Provenance, Cue]:
            for info in sub.model_fields.values():
                for arg in [info.annotation, *get_args(info.annotation)]:
                    if get_origin(arg) is typing.Literal:
                        found.update(get_args(arg))
    return sorted(found)


STRINGS = ["", "x", "Not An Id!", "abc\n", "a" * 129, "0" * 64, "2025-03-14T08:15:00Z", "٢٠٢٥-٠٣-١٤T08:15:00Z", *_literals()]
SAME_TYPE = {
    str: st.sampled_from(STRINGS),
    bool: st.booleans(),
    int: st.sampled_from([-1, 0, 1, 2, 7, 40, 10**6]),
    float: st.sampled_from([-1.0, 0.0, 0.001, 1.0, 2.5, 1000.0, 2500.0]),
    list: st.just([]),
}


@pytest.mark.parametrize("table", TABLES)
@SETTINGS
@given(data=st.data())
def test_valid_records_pass_the_arrow_check(table, data):
    record = TABLES[table].model_validate(data.draw(RECORDS[table])).model_dump()
    assert arrow_issues(table, record) == []


@pytest.mark.slow
@pytest.mark.parametrize("table", TABLES)
@settings(SETTINGS, max_examples=examples(250))
@given(data=st.data())
def test_a_record_broken_in_one_value_fails_both_checks_or_neither(table, data):
    record = TABLES[table].model_validate(data.draw(RECORDS[table])).model_dump()
    path, value = data.draw(st.sampled_from(list(_leaves(record))))
    # A new value keeps to the field's type: pydantic would coerce some other types that Arrow
    # refuses, and the extractors never make them.
    kind = type(value) if value is not None else _leaf_type(table, path)
    if kind not in SAME_TYPE:
        return
    replacement = data.draw(SAME_TYPE[kind] | st.none())
    broken = copy.deepcopy(record)
    _set(broken, path, replacement)
    assert pydantic_accepts(table, broken) == (arrow_issues(table, broken) == []), (path, value, replacement)


def _leaf_type(table, path):
    model = TABLES[table]
    annotation = None
    for key in path:
        if isinstance(key, int):
            annotation = get_args(annotation)[0]
            model = annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None
            continue
        _, annotation = optional_of(model.model_fields[key].annotation)
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            model = annotation
    if get_origin(annotation) is typing.Literal:
        return str
    return annotation if isinstance(annotation, type) else None


BROKEN = [
    # table, change, field the issue names
    *CROSS_FIELD_BREAKS,
    ("claims", {"evidence": "studies", "evidence_cue": None}, "evidence_cue"),
    ("claims", {"topic_ids": ["b", "a"]}, "topic_ids"),
    ("claims", {"polarity": "negated", "negation_cues": []}, "polarity"),
    ("claims", {"certainty": "uncertain", "hedge_cues": []}, "certainty"),
    ("articles", {"char_count": 10**7}, "provenance"),
]


def first(rows, table, keep=lambda r: True) -> dict:
    """The first record of the seed release's ``table`` that ``keep`` accepts, as data."""
    return next(r for r in rows[table] if keep(r)).model_dump()


@pytest.mark.parametrize("table, change, field", BROKEN)
def test_cross_field_rules_are_located_on_the_record_and_field(rows, table, change, field):
    record = apply_change(first(rows, table), change)
    assert not pydantic_accepts(table, record)
    issues = arrow_issues(table, record)
    assert (record["id"], field) in {(i.record_id, i.field) for i in issues}, issues


def test_trusted_records_check_their_field_names():
    with pytest.raises(TypeError, match=r"unknown fields \['txt'\], missing fields \['text'\]"):
        Cue.trusted(char_start=1, char_end=3, txt="ab", cue_type="negation")


def test_trusted_records_get_the_models_defaults(rows):
    record = first(rows, "doses", lambda d: d.kind == "qualitative")
    given = {k: v for k, v in record.items() if v is not None}
    assert len(given) < len(record)
    made = trusted(TABLES["doses"], given)
    assert made == made.validated() == TABLES["doses"].model_validate(given)


def test_a_batch_with_an_invalid_record_is_refused_with_the_record_named(rows):
    claim = first(rows, "claims", lambda c: c.evidence != "none")
    claim["evidence_cue"] = None
    rows = {t: [] for t in TABLES}
    rows["claims"] = [trusted(TABLES["claims"], claim)]
    with pytest.raises(ValidationFailed, match=claim["id"]) as caught:
        checked_tables(7, rows)
    assert "batch 7" in str(caught.value)
    assert [i.record_id for i in caught.value.report.errors if i.code == "invalid-value"] == [claim["id"]]


def article_rows(rows, article_id):
    """Every record of one seed article, as a batch holds them."""
    return {t: [r for r in rows[t] if (r.id if t == "articles" else r.article_id) == article_id] for t in TABLES}


def test_a_whole_article_passes_the_batch_checks(rows):
    batch = article_rows(rows, rows["articles"][0].id)
    assert set(checked_tables(0, batch)) == set(TABLES)


def test_a_batch_breaking_a_cross_record_rule_is_refused(rows):
    batch = article_rows(rows, rows["articles"][0].id)
    dose = batch["doses"][0]
    batch["doses"][0] = dose.model_copy(update={"claim_id": "clm-0000000000000000"})
    with pytest.raises(ValidationFailed) as caught:
        checked_tables(3, batch)
    assert [(i.code, i.record_id) for i in caught.value.report.errors] == [("foreign-key", dose.id)]


def test_a_value_of_the_wrong_type_is_an_issue_not_a_traceback(rows):
    claim = first(rows, "claims")
    claim["polarity"] = 3
    issues = arrow_issues("claims", claim)
    assert [i.code for i in issues] == ["invalid-type"]


@pytest.mark.parametrize(
    "retrieved_at, valid",
    [
        ("2025-03-14T08:15:00Z", True),
        ("2025-03-14T08:15:00.123456Z", True),
        ("٢٠٢٥-٠٣-١٤T08:15:00Z", True),  # any Unicode digit is a \d to pydantic's regex engine
        ("2025-03-14T08:15:00Z\n", False),
        ("2025-03-14 08:15:00", False),
    ],
)
def test_patterns_read_like_pydantics(rows, retrieved_at, valid):
    article = first(rows, "articles")
    article["retrieved_at"] = retrieved_at
    assert pydantic_accepts("articles", article) is valid
    assert (arrow_issues("articles", article) == []) is valid
