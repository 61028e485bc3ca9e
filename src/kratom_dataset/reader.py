"""Find and read published releases: the one-call loaders.

Releases ship inside the wheel (``kratom_dataset/releases/<version>/``) and are found with
:mod:`importlib.resources`; in a source checkout or editable install the same folders are read
from ``data/processed``. ``KRATOM_DATASET_RELEASES`` points elsewhere (a mirror, a test folder).
"""

from __future__ import annotations

import functools
import json
import os
from importlib import resources
from pathlib import Path

from .errors import UnknownVersionError, did_you_mean
from .models import TABLES
from .semver import Version

ENV_RELEASES = "KRATOM_DATASET_RELEASES"


def releases_root() -> Path:
    """The folder holding one sub-folder per published release."""
    override = os.environ.get(ENV_RELEASES)
    if override:
        return Path(override)
    packaged = resources.files("kratom_dataset").joinpath("releases")
    if packaged.is_dir():
        return Path(str(packaged))
    # Editable install or source checkout: src/kratom_dataset -> repository root.
    return Path(str(resources.files("kratom_dataset"))).parents[1] / "data" / "processed"


def versions() -> list[str]:
    """Published release versions, oldest first."""
    root = releases_root()
    if not root.is_dir():
        return []
    found = [p.name for p in root.iterdir() if Version.is_valid(p.name) and (p / "manifest.json").is_file()]
    return [str(v) for v in sorted(Version.parse(n) for n in found)]


def tables() -> list[str]:
    """Names of the release tables."""
    return list(TABLES)


def _resolve(version: str | None) -> str:
    available = versions()
    if version is None:
        if not available:
            raise UnknownVersionError(
                "no release is available.", where=str(releases_root()), hint="Build one with `kratom-dataset build`."
            )
        return available[-1]
    if not isinstance(version, str) or version not in available:
        raise UnknownVersionError(f"Release {version!r} is not available.", hint=did_you_mean(str(version), available))
    return version


def release_dir(version: str | None = None) -> Path:
    """Folder of release ``version`` (newest when None)."""
    return releases_root() / _resolve(version)


def path(table: str, version: str | None = None) -> Path:
    """The Parquet file of ``table`` in release ``version``, for DuckDB, Polars, pandas or Spark."""
    from .arrow import model_for

    model_for(table)
    return release_dir(version) / f"{table}.parquet"


def manifest(version: str | None = None) -> dict:
    """The manifest of release ``version``: files with rows, bytes and sha256; sources; extractors."""
    return _read_manifest(str(release_dir(version)))


@functools.cache
def _read_manifest(folder: str) -> dict:
    return json.loads((Path(folder) / "manifest.json").read_text(encoding="utf-8"))


def load(table: str, version: str | None = None):
    """Read one table of a release (the newest unless ``version`` pins one) as a ``pyarrow.Table``."""
    import pyarrow.parquet as pq

    return pq.read_table(path(table, version))


def schema(table: str):
    """The Arrow schema of ``table`` (field descriptions in field metadata)."""
    from .arrow import arrow_schema

    return arrow_schema(table)
