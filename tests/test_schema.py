"""One source of truth: pydantic models, JSON Schema files and Arrow schemas agree.

Hypothesis generates valid records of every table; they must survive model -> Arrow -> Parquet
-> model unchanged, and pydantic and the JSON Schema must accept them alike. Mutated records
must be rejected by both.
"""

from __future__ import annotations

import copy
import functools
import io

import jsonschema
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from conftest import ROOT, apply_change, examples
from kratom_dataset.arrow import arrow_schema, from_table, to_table, to_table_by_rows
from kratom_dataset.models import TABLES
from kratom_dataset.schemas import drift, json_schema
from strategies import CROSS_FIELD_BREAKS, RECORDS

SETTINGS = settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])


def validator(table):
    return jsonschema.Draft202012Validator(json_schema(table))


def pydantic_accepts(table, data) -> bool:
    try:
        TABLES[table].model_validate(data)
        return True
    except ValidationError:
        return False


def test_checked_in_schema_files_match_the_models():
    assert drift(ROOT / "schema") == []


def test_schema_files_are_valid_draft_2020_12():
    for table in TABLES:
        jsonschema.Draft202012Validator.check_schema(json_schema(table))


@pytest.mark.parametrize("table", TABLES)
def test_every_field_has_a_description_in_arrow_and_json_schema(table):
    for f in arrow_schema(table):
        assert f.metadata and f.metadata[b"description"], f.name
    assert all("description" in p for p in json_schema(table)["properties"].values())


@pytest.mark.parametrize("table", TABLES)
def test_arrow_schema_uses_only_portable_types(table):
    def walk(t):
        assert not pa.types.is_large_string(t) and not pa.types.is_large_list(t)
        if pa.types.is_integer(t):
            assert t == pa.int64()
        for child in getattr(t, "value_type", None), *(getattr(t, "fields", None) or []):
            if isinstance(child, pa.Field):
                walk(child.type)
            elif child is not None:
                walk(child)

    for f in arrow_schema(table):
        walk(f.type)


@pytest.mark.parametrize("table", TABLES)
def test_arrow_fields_follow_the_model_fields(table):
    assert arrow_schema(table).names == list(TABLES[table].model_fields)


@pytest.mark.slow
@pytest.mark.parametrize("table", TABLES)
@SETTINGS
@given(data=st.data())
def test_round_trip_model_arrow_parquet_model(table, data):
    records = [TABLES[table].model_validate(d) for d in data.draw(st.lists(RECORDS[table], min_size=1, max_size=4))]
    buffer = io.BytesIO()
    pq.write_table(to_table(table, records), buffer)
    back = from_table(table, pq.read_table(io.BytesIO(buffer.getvalue())))
    assert sorted(back, key=lambda r: r.id) == sorted(records, key=lambda r: r.id)


def _parquet_bytes(data: pa.Table) -> bytes:
    buffer = io.BytesIO()
    pq.write_table(data, buffer)
    return buffer.getvalue()


@pytest.mark.slow
@pytest.mark.parametrize("table", TABLES)
@SETTINGS
@given(data=st.data())
def test_columnar_to_table_equals_the_row_by_row_table(table, data):
    records = [TABLES[table].model_validate(d) for d in data.draw(st.lists(RECORDS[table], max_size=6))]
    fast, reference = to_table(table, records), to_table_by_rows(table, records)
    assert fast.schema.equals(reference.schema, check_metadata=True)
    assert fast.equals(reference)
    assert _parquet_bytes(fast) == _parquet_bytes(reference)


def test_columnar_to_table_equals_the_row_by_row_table_on_the_seed_release(rows):
    for table, records in rows.items():
        assert records, table
        assert _parquet_bytes(to_table(table, records)) == _parquet_bytes(to_table_by_rows(table, records)), table


@pytest.mark.parametrize("table", TABLES)
@SETTINGS
@given(data=st.data())
def test_pydantic_and_json_schema_accept_the_same_valid_records(table, data):
    record = data.draw(RECORDS[table])
    assert pydantic_accepts(table, record)
    dumped = TABLES[table].model_validate(record).model_dump(mode="json")
    assert list(validator(table).iter_errors(dumped)) == []


def _paths(value, prefix=()):
    """Every (path, value) inside a record, for picking what to break."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield (*prefix, k), v
            yield from _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, (*prefix, i))


def _set(record, path, value):
    target = record
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value


def _delete(record, path):
    target = record
    for key in path[:-1]:
        target = target[key]
    del target[path[-1]]


MUTATIONS = {
    "unknown field": lambda r, path, v: _set(r, (*path[:-1], "not_a_field"), 1),
    "wrong type": lambda r, path, v: _set(r, path, {"nested": True}),
    "missing required field": lambda r, path, v: _delete(r, path),
    "enum value outside the set": lambda r, path, v: _set(r, path, "not-in-the-set"),
    "negative offset": lambda r, path, v: _set(r, path, -1),
    "bad id": lambda r, path, v: _set(r, path, "Not An Id!"),
    "empty exact text": lambda r, path, v: _set(r, path, ""),
}


def _applicable(name, table, path, value):
    key = path[-1]
    if isinstance(key, int):
        return False
    model_level = not isinstance(value, (dict, list))
    if name == "unknown field":
        return True
    if name == "wrong type":
        return model_level
    if name == "missing required field":
        return key in _required(table, path)
    if name == "enum value outside the set":
        return (
            key
            in {
                "claim_type",
                "polarity",
                "certainty",
                "evidence",
                "cue_type",
                "kind",
                "unit",
                "method",
                "role",
                "format",
                "action",
                "target_type",
                "established_by",
                "dose_kind",
            }
            and value is not None
        )
    if name == "negative offset":
        return key in {"char_start", "char_end", "index", "section_index", "size_bytes"}
    if name == "bad id":
        return key in {"id", "article_id", "claim_id", "topic_id"}
    if name == "empty exact text":
        return key == "exact"
    return False


def _required(table, path):
    schema = json_schema(table)
    node = schema
    for key in path[:-1]:
        if isinstance(key, int):
            node = node.get("items", node)
            continue
        prop = node["properties"][key]
        prop = next((p for p in prop.get("anyOf", [prop]) if "$ref" in p or p.get("type") in ("object", "array")), prop)
        if prop.get("type") == "array":
            prop = prop["items"]
        if "$ref" in prop:
            prop = schema["$defs"][prop["$ref"].split("/")[-1]]
        node = prop
    return set(node.get("required", []))


@pytest.mark.parametrize("mutation", MUTATIONS)
@pytest.mark.parametrize("table", TABLES)
@settings(SETTINGS, max_examples=examples(25))
@given(data=st.data())
def test_pydantic_and_json_schema_reject_the_same_broken_records(table, mutation, data):
    record = data.draw(RECORDS[table])
    dumped = TABLES[table].model_validate(record).model_dump(mode="json")
    options = [(p, v) for p, v in _paths(dumped) if _applicable(mutation, table, p, v)]
    if not options:
        return
    path, value = data.draw(st.sampled_from(options))
    broken = copy.deepcopy(dumped)
    MUTATIONS[mutation](broken, path, value)
    assert not pydantic_accepts(table, broken), (mutation, path)
    assert list(validator(table).iter_errors(broken)), (mutation, path)


# Rules JSON Schema cannot state (they compare two fields); pydantic and `validate` enforce them.
CROSS_FIELD = [(table, change) for table, change, _ in CROSS_FIELD_BREAKS]


@pytest.mark.parametrize("table, change", CROSS_FIELD)
def test_cross_field_rules_are_enforced_by_the_model(table, change):
    example = next(iter(_examples(table)))
    broken = apply_change(copy.deepcopy(example), change)
    assert not pydantic_accepts(table, broken)
    assert list(validator(table).iter_errors(broken)) == []


@functools.cache
def _example(table):
    """One valid record of ``table``: the first generated, not shrunk (shrinking a dose takes seconds)."""
    from hypothesis import Phase, find

    return find(RECORDS[table], lambda r: True, settings=settings(phases=[Phase.generate], database=None))


def _examples(table):
    yield _example(table)
