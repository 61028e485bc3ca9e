"""Find and read published releases: the one-call loaders.

Releases ship inside the wheel (``kratom_dataset/releases/<version>/``) and are found with
:mod:`importlib.resources`; in a source checkout or editable install the same folders are read
from ``data/processed``. ``KRATOM_DATASET_RELEASES`` points elsewhere (a mirror, a test folder).
"""

from __future__ import annotations

import functools
import hashlib
import os
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import IntegrityError, UnknownTableError, UnknownVersionError, did_you_mean
from .layout import MANIFEST, Manifest, ManifestError, parquet_name
from .models import TABLES
from .semver import Version

if TYPE_CHECKING:
    import pyarrow as pa

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
    """Published release versions, oldest first.

    A release folder without its manifest is damaged, never skipped: passing it over would make
    ``load()`` quietly serve an older release as the newest.
    """
    root = releases_root()
    if not root.is_dir():
        return []
    found = [p for p in root.iterdir() if Version.is_valid(p.name) and p.is_dir()]
    for folder in found:
        if not (folder / MANIFEST).is_file():
            raise IntegrityError(
                f"the release folder has no {MANIFEST}",
                where=str(folder),
                hint="The release is damaged: restore the folder (or reinstall the package); remove it only if it was never published.",
            )
    return [str(v) for v in sorted(Version.parse(p.name) for p in found)]


def tables() -> list[str]:
    """Names of the release tables."""
    return list(TABLES)


def _resolve(version: str | None) -> str:
    available = versions()
    if version is None:
        if not available:
            raise UnknownVersionError("no release is available.", where=str(releases_root()), hint="Build one with `kratom-dataset build`.")
        return available[-1]
    if not isinstance(version, str) or version not in available:
        raise UnknownVersionError(f"Release {version!r} is not available.", hint=did_you_mean(str(version), available))
    return version


def release_dir(version: str | None = None) -> Path:
    """Folder of release ``version`` (newest when None)."""
    return releases_root() / _resolve(version)


def path(table: str, version: str | None = None) -> Path:
    """The Parquet file of ``table`` in release ``version``, for DuckDB, Polars, pandas or Spark."""
    return _path(table, version)


def _path(table: str, version: str | None = None) -> Path:
    from .arrow import model_for

    model_for(table)
    folder = release_dir(version)
    name = parquet_name(table)
    if name not in _read_manifest(str(folder))["files"]:
        if (folder / name).exists():
            raise IntegrityError(
                "the file is not listed in its release manifest",
                where=str(folder / name),
                hint="The manifest was changed: restore the release.",
            )
        raise UnknownTableError(
            f"Table {table!r} is not part of release {folder.name}.",
            hint=f"It has: {', '.join(sorted(n.rsplit('.', 1)[0] for n in _read_manifest(str(folder))['files']))}.",
        )
    return folder / name


def manifest(version: str | None = None) -> dict[str, Any]:
    """The manifest of release ``version``: files with rows, bytes and sha256; sources; extractors."""
    return _read_manifest(str(release_dir(version)))


@functools.cache
def _read_manifest(folder: str) -> dict[str, Any]:
    from .pins import PINNED

    path = Path(folder) / MANIFEST
    try:
        raw = path.read_bytes()
        data = Manifest.parse(raw).data
    except (OSError, ManifestError) as exc:
        raise IntegrityError(
            f"the manifest cannot be read ({exc})",
            where=str(path),
            hint="The release is damaged: reinstall the package or restore the folder.",
        ) from None
    pinned = PINNED.get(Path(folder).name)
    if pinned is not None and hashlib.sha256(raw).hexdigest() != pinned:
        raise IntegrityError(
            f"the manifest is not the one release {Path(folder).name} shipped with (its sha256 is pinned in the package)",
            where=str(path),
            hint="The release was rewritten: reinstall the package or restore the folder. Your own builds need a version of their own.",
        )
    return data


# Files already checked in this process, keyed by what would change if the file were replaced.
_verified: set[tuple[str, int, int, int]] = set()


def verify_file(file: Path) -> None:
    """Check one release file against its manifest entry (size, then sha256) once per process."""
    from .checksums import sha256_file

    entry = _read_manifest(str(file.parent))["files"].get(file.name)
    if entry is None:
        raise IntegrityError("the file is not listed in its release manifest", where=str(file))
    try:
        st = file.stat()
    except OSError:
        raise IntegrityError("the file is missing", where=str(file), hint="Reinstall the package or restore the release folder.") from None
    key = (str(file), st.st_size, st.st_mtime_ns, st.st_ino)
    if key in _verified:
        return
    if st.st_size != entry["bytes"]:
        kind = "truncated" if st.st_size < entry["bytes"] else "longer than recorded"
        raise IntegrityError(
            f"the file is {kind}: {st.st_size} bytes, the manifest says {entry['bytes']}",
            where=str(file),
            hint="Reinstall the package or restore the release folder.",
        )
    if sha256_file(file) != entry["sha256"]:
        raise IntegrityError(
            "the file's sha256 differs from the manifest: it was changed after publication",
            where=str(file),
            hint="Reinstall the package or restore the release folder.",
        )
    _verified.add(key)


def verify(version: str | None = None) -> list[str]:
    """Check every file of a release against its manifest and ``SHA256SUMS``; return the names checked.

    Raises :class:`IntegrityError` listing every problem found.
    """
    folder = release_dir(version)
    problems = []
    files = sorted(_read_manifest(str(folder))["files"])
    for name in files:
        try:
            verify_file(folder / name)
        except IntegrityError as exc:
            problems.append(f"{name}: {exc.message}")
    from .checksums import check_sums

    problems.extend(check_sums(folder))
    if problems:
        raise IntegrityError("; ".join(problems), where=str(folder), hint="Reinstall the package or restore the release folder.")
    return files


def load(
    table: str,
    version: str | None = None,
    *,
    path: str | os.PathLike[str] | None = None,
    format: str = "arrow",
    flat: bool = False,
) -> Any:
    """Read one table of a release (the newest unless ``version`` pins one).

    ``format`` gives a ``pyarrow.Table`` (``arrow``, the default), a ``pandas.DataFrame`` whose
    nested columns stay nested (``pd.ArrowDtype``) or a ``polars.DataFrame``; ``flat=True``
    spreads ``provenance`` into ``provenance_*`` columns (:mod:`kratom_dataset.frames`).
    ``path`` reads a folder instead: a build's output (``kratom-dataset build --input ... --out
    DIR``), whose part files become one table, or a release folder anywhere. Each file is
    checked against its manifest the first time it is read in a process; a changed, truncated
    or missing file raises :class:`IntegrityError` instead of wrong data.
    """
    import pyarrow.parquet as pq

    from .frames import convert

    if path is not None:
        if version is not None:
            raise TypeError("give a version or a path, not both")
        return convert(_load_folder(Path(path), table), format, flat=flat)
    file = _path(table, version)
    verify_file(file)
    # One file needs no dataset layer; pq.read_table would import it, and with it pandas (~0.3 s).
    with pq.ParquetFile(file) as parquet:
        return convert(parquet.read(), format, flat=flat)


def schema(table: str, version: str | None = None) -> pa.Schema:
    """The Arrow schema of ``table`` (field descriptions in field metadata).

    Without ``version``, the schema this package writes; with one, the columns that release has
    (an older release lacks the fields added after it).
    """
    from .arrow import arrow_schema, model_for
    from .models import SCHEMA_VERSION

    if version is None:
        return arrow_schema(table)
    model_for(table)
    _path(table, version)
    return arrow_schema(table, manifest(version).get("schema_version", SCHEMA_VERSION))


def _load_folder(folder: Path, table: str) -> pa.Table:
    """``table`` of a build or release folder: every file the manifest lists for it, checked, as one table."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from .arrow import model_for

    model_for(table)
    manifest = folder_manifest(folder)
    names = manifest.table_files(table)
    if not names:
        raise UnknownTableError(
            f"the folder has no {table!r} table", where=str(folder), hint=f"It has: {', '.join(manifest.tables()) or 'no tables'}."
        )
    parts = []
    for name in names:
        with pq.ParquetFile(checked_file(folder, manifest, name)) as parquet:
            parts.append(parquet.read())
    return parts[0] if len(parts) == 1 else pa.concat_tables(parts)


def folder_manifest(folder: Path) -> Manifest:
    """The manifest of a build or release folder given by path, or :class:`IntegrityError`."""
    try:
        return Manifest.read(folder)
    except ManifestError as exc:
        raise IntegrityError(str(exc), where=str(folder), hint="Give a release folder or the --out folder of a finished build.") from None


def checked_file(folder: Path, manifest: Manifest, name: str) -> Path:
    """``folder / name`` after its size and sha256 matched the manifest entry, or :class:`IntegrityError`."""
    from .checksums import sha256_file

    file, entry = folder / name, manifest.files[name]
    try:
        size = file.stat().st_size
    except OSError:
        raise IntegrityError("the file is missing", where=str(file), hint="Run the build again; it redoes missing parts.") from None
    if size != entry["bytes"] or sha256_file(file) != entry["sha256"]:
        raise IntegrityError(
            "the file differs from its manifest entry (size or sha256)",
            where=str(file),
            hint="Run the build again; it redoes changed parts.",
        )
    return file
