"""The on-disk layout of releases and builds: file names, Parquet options and the manifest.

Everything that reads or writes a release folder or a build folder takes its names from here,
so the format is spelled once. A **release** holds one Parquet file per table
(``<table>.parquet``); a **build** (``kratom-dataset build --input``) holds part files, one per
batch and table (``<table>/part-00000.parquet``). Both have a ``manifest.json`` whose ``files``
map each data file to its table, rows, bytes and sha256, and :class:`Manifest` reads either.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal, TypedDict

MANIFEST = "manifest.json"
CARD = "README.md"
CHECKSUMS = "SHA256SUMS"
REJECTS = "rejects.json"
#: Done-markers of a build's batches, one JSON file per batch.
DONE = "_batches"
#: Key of each Parquet file's self-description in its key-value metadata.
METADATA_KEY = b"kratom_dataset"

#: Fixed writer options: the same table always gives the same bytes with the same pyarrow.
PARQUET_OPTIONS: dict[str, Any] = {
    "compression": "zstd",
    "compression_level": 9,
    "use_dictionary": True,
    "write_statistics": True,
    "version": "2.6",
    "data_page_version": "1.0",
    "row_group_size": 64 * 1024,
}
#: Part files use zstd level 1, not 9: about 3% larger, and writing takes under half the time
#: (a tenth of a build at level 9).
PART_OPTIONS: dict[str, Any] = {**PARQUET_OPTIONS, "compression_level": 1}

Kind = Literal["release", "build"]


class FileEntry(TypedDict):
    """One data file of a release or build, as its manifest lists it."""

    table: str
    rows: int
    bytes: int
    sha256: str


def parquet_name(table: str) -> str:
    """A release's file of ``table``."""
    return f"{table}.parquet"


def part_name(index: int) -> str:
    """A build's part file of batch ``index`` (inside the table's folder)."""
    return f"part-{index:05d}.parquet"


def part_path(table: str, index: int) -> str:
    """A build's part file of ``table`` and batch ``index``, relative to the build folder."""
    return f"{table}/{part_name(index)}"


def marker_name(index: int) -> str:
    """A build's done-marker of batch ``index``, relative to the build folder."""
    return f"{DONE}/{index:05d}.json"


class ManifestError(ValueError):
    """A manifest that is missing or cannot be read: the message says which and why."""

    def __init__(self, message: str, *, missing: bool = False):
        super().__init__(message)
        self.missing = missing


@dataclass(frozen=True)
class Manifest:
    """What a release or build folder holds: its data files by table, and what made them.

    ``data`` keeps every key of the JSON object as written (the sources of a release, a
    build's inputs and totals, the evaluation), so a manifest read and written again is the
    same bytes.
    """

    kind: Kind
    schema_version: str
    files: dict[str, FileEntry]
    extractors: dict[str, str]
    version: str | None = None
    data: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def table_files(self, table: str) -> list[str]:
        """The files of ``table``, in order: one for a release, one per batch for a build."""
        return sorted(name for name, entry in self.files.items() if entry["table"] == table)

    def tables(self) -> list[str]:
        """The tables this folder has files of."""
        return sorted({entry["table"] for entry in self.files.values()})

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Manifest:
        """A manifest from its JSON object; ``KeyError``/``TypeError``/``ValueError`` when it is not one."""
        kind: Kind = "build" if data.get("kind") == "build" else "release"
        files: dict[str, FileEntry] = {}
        for name, entry in data["files"].items():
            table = entry.get("table") if isinstance(entry, dict) else None
            if not isinstance(name, str) or not isinstance(table, str):
                raise TypeError(f"file entry {name!r} names no table")
            files[name] = entry
        version = data.get("version")
        if kind == "release" and not isinstance(version, str):
            raise ValueError("a release manifest needs a version")
        return cls(
            kind=kind,
            schema_version=str(data["schema_version"]),
            files=files,
            extractors=dict(data.get("extractors") or {}),
            version=version if isinstance(version, str) else None,
            data=data,
        )

    @classmethod
    def read(cls, folder: Path) -> Manifest:
        """The manifest of ``folder``, or :class:`ManifestError` saying why there is none."""
        path = Path(folder) / MANIFEST
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise ManifestError(f"{MANIFEST} does not exist", missing=True) from None
        except OSError as exc:
            raise ManifestError(f"{MANIFEST} cannot be read ({exc.strerror or exc})") from None
        return cls.parse(raw)

    @classmethod
    def parse(cls, raw: bytes) -> Manifest:
        """A manifest from the bytes of its file, or :class:`ManifestError` saying why they are not one."""
        try:
            return cls.from_json(json.loads(raw.decode("utf-8")))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise ManifestError(f"{MANIFEST} cannot be read ({exc.__class__.__name__}: {exc})") from None

    def to_text(self) -> str:
        """The manifest's bytes as written: sorted keys, two-space indent, a final newline."""
        return dumps(self.data)


def dumps(data: Any) -> str:
    """JSON as every file of a release is written: sorted keys, two-space indent, a final newline."""
    return json.dumps(data, indent=2, sort_keys=True) + "\n"


class JsonStream:
    """A JSON array or object written an item at a time, laid out as :func:`dumps` lays it out
    ``depth`` levels deep: a manifest or rejects report of any length in the memory of one item."""

    def __init__(self, fh: IO[str], depth: int, *, mapping: bool = False):
        self._fh = fh
        self._depth = depth
        self._pad = "  " * (depth + 1)
        self._open, self._close = ("{", "}") if mapping else ("[", "]")
        self._empty = True

    def add(self, item: Any, key: str | None = None) -> None:
        body = json.dumps(item, indent=2, sort_keys=True).replace("\n", "\n" + self._pad)
        if key is not None:
            body = f"{json.dumps(key)}: {body}"
        self._fh.write((self._open + "\n" if self._empty else ",\n") + self._pad + body)
        self._empty = False

    def close(self) -> None:
        self._fh.write(self._open + self._close if self._empty else "\n" + "  " * self._depth + self._close)


def write_streamed(
    path: Path, head: dict[str, Any], streams: dict[str, Iterator[tuple[str | None, Any]]], *, mappings: frozenset[str] = frozenset()
) -> None:
    """Write ``head`` plus keys whose values are streamed: ``(key, item)`` pairs for the keys
    named in ``mappings`` (JSON objects), ``(None, item)`` for the others (arrays).

    The bytes are those of :func:`dumps` of the whole object, while memory holds one item.
    """
    placeholders = {name: f"\0stream:{name}\0" for name in streams}
    text = dumps({**head, **placeholders})
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for name in sorted(placeholders):
            before, text = text.split(json.dumps(placeholders[name]), 1)
            fh.write(before)
            stream = JsonStream(fh, 1, mapping=name in mappings)
            for key, item in streams[name]:
                stream.add(item, key)
            stream.close()
        fh.write(text)
