"""JSON Schema of every table, generated from the models and checked in under ``schema/``."""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path
from typing import Any

from .arrow import model_for
from .errors import SchemaDriftError
from .models import SCHEMA_VERSION, TABLES


@functools.cache
def json_schema(table: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of one table's records, as the models define it."""
    schema = model_for(table).model_json_schema(mode="validation")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"kratom-dataset/schema/{SCHEMA_VERSION}/{table}.schema.json",
        **schema,
    }


def render(table: str) -> str:
    """The checked-in text of a table's schema file: sorted keys, two-space indent, final newline."""
    return json.dumps(json_schema(table), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def schema_sha256(table: str) -> str:
    """Hash of the rendered schema, written into each Parquet file so a reader can tell versions apart."""
    return hashlib.sha256(render(table).encode("utf-8")).hexdigest()


def write_schemas(directory: Path) -> list[Path]:
    """Write ``<table>.schema.json`` for every table; return the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for table in TABLES:
        path = directory / f"{table}.schema.json"
        path.write_text(render(table), encoding="utf-8", newline="\n")
        paths.append(path)
    return paths


def drift(directory: Path) -> list[str]:
    """Tables whose file in ``directory`` is missing or differs from the models (empty when in sync)."""
    out = []
    for table in TABLES:
        path = directory / f"{table}.schema.json"
        if not path.is_file() or path.read_text(encoding="utf-8") != render(table):
            out.append(table)
    return out


def check_schemas(directory: Path) -> None:
    """Raise :class:`SchemaDriftError` when the checked-in schemas differ from the models."""
    stale = drift(directory)
    if stale:
        raise SchemaDriftError(
            f"schema files out of date for: {', '.join(stale)}.",
            where=str(directory),
            hint="Run `kratom-dataset schema --write` and commit the result.",
        )
