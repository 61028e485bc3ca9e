"""The release described in the two metadata standards data tools read: Croissant and Frictionless.

Both descriptors are derived from the Arrow schema of each table (itself derived from the
models), so a column, its type or its description cannot drift from the Parquet files it
describes. They carry no dates and are written as every other JSON file of a release, so a
rebuild gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

import pyarrow as pa

from . import about
from .arrow import arrow_schema
from .layout import FileEntry, dumps
from .models import PRIMARY_KEY, SCHEMA_VERSION, TABLES

__all__ = ["CROISSANT", "DATAPACKAGE", "METADATA_FILES", "croissant", "datapackage", "render"]

CROISSANT: Final = "croissant.json"
DATAPACKAGE: Final = "datapackage.json"
METADATA_FILES: Final = (CROISSANT, DATAPACKAGE)

#: The JSON-LD context of Croissant 1.0 documents, as mlcroissant expects it (it warns on any other).
_CROISSANT_CONTEXT: Final[dict[str, Any]] = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "equivalentProperty": "cr:equivalentProperty",
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}
CROISSANT_CONFORMS_TO: Final = "http://mlcommons.org/croissant/1.0"
PARQUET_MEDIATYPE: Final = "application/x-parquet"

#: Key columns that point at another table's primary key (the foreign keys checks.py enforces).
REFERENCES: Final[Mapping[str, str]] = {"article_id": "articles", "claim_id": "claims"}


def render(descriptor: dict[str, Any]) -> str:
    """A descriptor's file text: the release's JSON layout, so rebuilds compare byte for byte."""
    return dumps(descriptor)


def croissant(version: str, files: Mapping[str, FileEntry], schema_version: str = SCHEMA_VERSION) -> dict[str, Any]:
    """A Croissant 1.0 document for release ``version`` whose Parquet files are ``files`` (manifest entries by name).

    Croissant is what ML tooling (Hugging Face, Kaggle, TFDS, ``mlcroissant``) reads to load a
    dataset without knowing it; each table becomes a record set that extracts its columns from
    the table's file.
    """
    names = _by_table(files)
    distribution = [
        {
            "@type": "cr:FileObject",
            "@id": name,
            "name": name,
            "contentUrl": name,
            "contentSize": f"{files[name]['bytes']} B",
            "encodingFormat": PARQUET_MEDIATYPE,
            "sha256": files[name]["sha256"],
        }
        for name in names.values()
    ]
    record_sets = []
    for table, name in names.items():
        schema = arrow_schema(table, schema_version)
        record_sets.append(
            {
                "@type": "cr:RecordSet",
                "@id": table,
                "name": table,
                "description": _schema_description(schema),
                "key": {"@id": f"{table}/{PRIMARY_KEY}"},
                "field": [_croissant_field(table, f, name, ()) for f in schema],
            }
        )
    return {
        "@context": _CROISSANT_CONTEXT,
        "@type": "sc:Dataset",
        "conformsTo": CROISSANT_CONFORMS_TO,
        "name": about.NAME,
        "alternateName": about.TITLE,
        "description": about.DESCRIPTION,
        "version": version,
        "license": about.RECORDS_LICENSE_URL,
        "citeAs": about.bibtex(version),
        "creator": {"@type": "sc:Organization", "name": about.AUTHORS},
        "keywords": list(about.KEYWORDS),
        "rai:dataCollection": about.TEXT_ORIGIN,
        "distribution": distribution,
        "recordSet": record_sets,
    }


def datapackage(version: str, files: Mapping[str, FileEntry], schema_version: str = SCHEMA_VERSION) -> dict[str, Any]:
    """A Frictionless Data Package descriptor for release ``version`` whose Parquet files are ``files``.

    Frictionless tools check rows against it (types, required values, primary and foreign
    keys), and any reader can check each file's hash; each table is one resource. Written so that
    ``frictionless validate datapackage.json`` passes with frictionless' own Parquet reader, which
    reads through pandas: a list column is ``any`` (pandas hands over numpy arrays, which no
    ``array`` or ``list`` field accepts; its description says what the list holds), a null in a
    whole-number column arrives as ``nan`` (a missing value), and no ``bytes`` are given (the
    reader counts none; sizes are in ``manifest.json`` and ``croissant.json``).
    """
    names = _by_table(files)
    resources = []
    for table, name in names.items():
        schema = arrow_schema(table, schema_version)
        table_schema: dict[str, Any] = {
            "fields": [_table_schema_field(f) for f in schema],
            "primaryKey": PRIMARY_KEY,
            "missingValues": ["", "nan"],
        }
        foreign = [
            {"fields": f.name, "reference": {"resource": REFERENCES[f.name], "fields": PRIMARY_KEY}}
            for f in schema
            if f.name in REFERENCES and REFERENCES[f.name] != table and REFERENCES[f.name] in names
        ]
        if foreign:
            table_schema["foreignKeys"] = foreign
        resources.append(
            {
                "name": table,
                "path": name,
                "profile": "tabular-data-resource",
                "description": _schema_description(schema),
                "format": "parquet",
                "mediatype": PARQUET_MEDIATYPE,
                "hash": f"sha256:{files[name]['sha256']}",
                "schema": table_schema,
            }
        )
    return {
        "profile": "data-package",
        "name": about.NAME,
        "title": about.TITLE,
        "version": version,
        "description": f"{about.DESCRIPTION}\n\n{about.TEXT_ORIGIN}",
        "keywords": list(about.KEYWORDS),
        "contributors": [{"title": about.AUTHORS, "role": "author"}],
        "licenses": [{"name": about.RECORDS_LICENSE, "path": about.RECORDS_LICENSE_URL}],
        "resources": resources,
    }


def _by_table(files: Mapping[str, FileEntry]) -> dict[str, str]:
    """File name of each table, in the order the manifest's tables are built (name order is not it)."""
    found = {entry["table"]: name for name, entry in files.items()}
    unknown = sorted(set(found) - set(TABLES))
    if unknown:
        raise ValueError(f"no model for table(s) {', '.join(unknown)}")
    return {table: found[table] for table in TABLES if table in found}


def _schema_description(schema: pa.Schema) -> str:
    return _decoded(schema.metadata)


def _description(field: pa.Field) -> str:
    return _decoded(field.metadata)


def _decoded(arrow_metadata: Mapping[bytes, bytes] | None) -> str:
    """The ``description`` arrow.py stores in Arrow metadata; empty when the model gives none."""
    raw: bytes = (arrow_metadata or {}).get(b"description", b"")
    return raw.decode("utf-8")


_CROISSANT_TYPES: Final = {"string": "sc:Text", "int64": "sc:Integer", "double": "sc:Float", "bool": "sc:Boolean"}


def _croissant_field(table: str, field: pa.Field, file: str, path: tuple[str, ...]) -> dict[str, Any]:
    """One column (``path`` empty) or one member of a struct column, read from ``file``.

    A member is read from its top-level column by a JSON path, which Croissant applies to
    each item when the column is a list of structs. Foreign keys are left to the Data
    Package: with ``references`` set, mlcroissant 1.1 reads a referenced record set as empty
    once the referencing one has been read through the same ``Dataset``.
    """
    own = (*path, field.name)
    arrow_type = field.type
    repeated = pa.types.is_list(arrow_type)
    if repeated:
        arrow_type = arrow_type.value_type
    source: dict[str, Any] = {"fileObject": {"@id": file}, "extract": {"column": own[0]}}
    if len(own) > 1:
        source["transform"] = {"jsonPath": ".".join(own[1:])}
    out: dict[str, Any] = {
        "@type": "cr:Field",
        "@id": "/".join((table, *own)),
        "name": field.name,
        "description": _description(field),
        "source": source,
    }
    if pa.types.is_struct(arrow_type):
        out["dataType"] = "sc:StructuredValue"
        out["subField"] = [_croissant_field(table, sub, file, own) for sub in arrow_type]
    else:
        out["dataType"] = _CROISSANT_TYPES[str(arrow_type)]
    if repeated:
        out["repeated"] = True
    return out


_TABLE_SCHEMA_TYPES: Final = {"string": "string", "int64": "integer", "double": "number", "bool": "boolean"}


def _table_schema_field(field: pa.Field) -> dict[str, Any]:
    if pa.types.is_list(field.type):
        kind = "any"
    elif pa.types.is_struct(field.type):
        kind = "object"
    else:
        kind = _TABLE_SCHEMA_TYPES[str(field.type)]
    description = _description(field)
    if pa.types.is_list(field.type):
        description = f"A list of {_item_kind(field.type)}. {description}"
    out: dict[str, Any] = {"name": field.name, "type": kind, "description": description}
    if not field.nullable:
        out["constraints"] = {"required": True}
    return out


def _item_kind(list_type: pa.DataType) -> str:
    item = list_type.value_type
    return "records" if pa.types.is_struct(item) else f"{_TABLE_SCHEMA_TYPES.get(str(item), str(item))}s"
