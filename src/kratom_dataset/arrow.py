"""Models to Arrow: one schema per table, derived from the pydantic models, and records to tables.

Types are kept to what every engine reads the same way: ``string`` (never ``large_string``),
``int64``, ``double``, ``bool``, ``list`` and ``struct``. Each field carries its description
in Arrow field metadata under ``description``, taken from the model's attribute docstring.
"""

from __future__ import annotations

import functools
import operator
import types
import typing
from collections.abc import Sequence
from typing import Any, Literal, get_args, get_origin

import pyarrow as pa
from pydantic import BaseModel

from .errors import UnknownTableError, did_you_mean
from .models import FIELDS_ADDED, SCHEMA_VERSION, TABLES, Record


def model_for(table: str) -> type[Record]:
    """The model of ``table``, or an :class:`UnknownTableError` that lists the tables."""
    try:
        return TABLES[table]
    except KeyError:
        raise UnknownTableError(f"Unknown table {table!r}.", hint=did_you_mean(table, TABLES)) from None


def optional_of(annotation: Any) -> tuple[bool, Any]:
    """``(optional, inner annotation)`` of a field annotation: ``Optional[X]`` gives ``(True, X)``."""
    if get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        if len(args) != 1:
            raise TypeError(f"unsupported union {annotation!r}")
        return True, args[0]
    return False, annotation


def _arrow_type(annotation: Any) -> tuple[pa.DataType, bool]:
    """Arrow type of a field annotation and whether it is nullable."""
    optional, annotation = optional_of(annotation)
    if optional:
        return _arrow_type(annotation)[0], True
    origin = get_origin(annotation)
    if origin is Literal:
        return pa.string(), False
    if origin is list:
        (item,) = get_args(annotation)
        item_type, _ = _arrow_type(item)
        return pa.list_(pa.field("element", item_type, nullable=False)), False
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return pa.struct(_fields(annotation)), False
    scalar = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}
    if annotation in scalar:
        return scalar[annotation], False
    raise TypeError(f"no Arrow type for {annotation!r}")


def _fields(model: type[BaseModel]) -> list[pa.Field]:
    out = []
    for name, info in model.model_fields.items():
        arrow_type, nullable = _arrow_type(info.annotation)
        metadata = {"description": info.description} if info.description else None
        out.append(pa.field(name, arrow_type, nullable=nullable, metadata=metadata))
    return out


@functools.cache
def arrow_schema(table: str, schema_version: str = SCHEMA_VERSION) -> pa.Schema:
    """The Arrow schema of ``table``, with a description on every field.

    An older ``schema_version`` gives the columns that version had, so releases built with it
    are checked against their own shape rather than today's.
    """
    model = model_for(table)
    later = _fields_after(table, schema_version)
    fields = [f for f in _fields(model) if f.name not in later]
    return pa.schema(fields, metadata={"description": (model.__doc__ or "").strip()})


def _fields_after(table: str, schema_version: str) -> set[str]:
    from .semver import Version

    if not Version.is_valid(schema_version):
        return set()
    own = Version.parse(schema_version)
    return {name for added_in, tables in FIELDS_ADDED.items() if Version.parse(added_in) > own for name in tables.get(table, ())}


def to_table(table: str, records: list[Record]) -> pa.Table:
    """Records to an Arrow table, rows sorted by id so the output never depends on input order.

    Built column by column from the records' own values: dumping every record to a dict and
    converting row by row costs more than the extraction it follows in a bulk build. Tests hold
    it to ``Table.from_pylist`` of ``model_dump`` (:func:`to_table_by_rows`).
    """
    schema = arrow_schema(table)
    ordered = sorted(records, key=_by_id)
    return pa.Table.from_arrays(_columns(ordered, list(schema)), schema=schema)


def to_table_by_rows(table: str, records: list[Record]) -> pa.Table:
    """:func:`to_table` the plain way, one ``model_dump`` per row: the reference it is tested against."""
    rows = sorted((r.model_dump(mode="python") for r in records), key=lambda row: row["id"])
    return pa.Table.from_pylist(rows, schema=arrow_schema(table))


def _by_id(record: Record) -> str:
    key: str = record.__dict__["id"]  # every table's model has a string id; Record itself declares none
    return key


#: What Arrow itself puts under a null struct in its non-nullable children (``Table.from_pylist``).
_PLACEHOLDER = {pa.int64().id: 0, pa.float64().id: 0.0, pa.string().id: "", pa.bool_().id: False}


def _columns(values: Sequence[BaseModel | None], fields: list[pa.Field]) -> list[pa.Array]:
    """The columns of ``fields`` from models (None for a null struct).

    Values are read record by record, all fields at once, then transposed: reading a column at
    a time walks every record's dict once per field, and on large batches the cache misses of
    those walks cost more than the conversion.
    """
    if not fields:
        return []
    getter = operator.itemgetter(*[f.name for f in fields])
    null = tuple(None if f.nullable else _PLACEHOLDER.get(f.type.id) for f in fields)
    rows = [null if v is None else getter(v.__dict__) for v in values]
    if len(fields) == 1:
        rows = [(r,) for r in rows]
    columns = list(zip(*rows)) if rows else [()] * len(fields)
    return [_column(list(c), f.type) for c, f in zip(columns, fields)]


def _column(values: list[Any], arrow_type: pa.DataType) -> pa.Array:
    """One column from field values: scalars as they are, models as structs, lists as lists."""
    if pa.types.is_struct(arrow_type):
        nulls = [v is None for v in values]
        mask = pa.array(nulls, pa.bool_()) if any(nulls) else None
        return pa.StructArray.from_arrays(_columns(values, list(arrow_type)), fields=list(arrow_type), mask=mask)
    if pa.types.is_list(arrow_type):
        offsets = [0]
        flat: list[Any] = []
        for v in values:
            flat.extend(v)
            offsets.append(len(flat))
        items = _column(flat, arrow_type.value_type)
        return pa.ListArray.from_arrays(pa.array(offsets, pa.int32()), items, type=arrow_type)
    return pa.array(values, type=arrow_type)


def from_table(table: str, data: pa.Table) -> list[Record]:
    """Arrow rows back to validated models (the inverse of :func:`to_table`)."""
    model = model_for(table)
    return [model.model_validate(row) for row in data.to_pylist()]
