"""SQL over a release with DuckDB: every table a view, read straight from its checked Parquet files.

``duckdb`` is an optional extra (``pip install 'kratom-dataset[sql]'``); nothing else needs it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import KratomDatasetError
from .models import TABLES

if TYPE_CHECKING:
    import pyarrow as pa


def connect(version: str | None = None, *, path: str | os.PathLike[str] | None = None) -> Any:
    """An in-memory DuckDB connection with one view per table of a release (newest unless pinned)
    or of a build or release folder at ``path``; each file is checked against its manifest first."""
    try:
        import duckdb
    except ImportError:
        raise KratomDatasetError("SQL needs duckdb", hint="Install it: pip install 'kratom-dataset[sql]'") from None
    con = duckdb.connect()
    for table, files in _files(version, path).items():
        listing = ", ".join("'" + f.as_posix().replace("'", "''") + "'" for f in files)
        con.execute(f'CREATE VIEW "{table}" AS SELECT * FROM read_parquet([{listing}])')
    return con


def sql(query: str, version: str | None = None, *, path: str | os.PathLike[str] | None = None) -> pa.Table:
    """Run ``query`` over the release's tables (views named after them) and return a ``pyarrow.Table``."""
    con = connect(version, path=path)
    import duckdb  # connect() has said how to install it if it is missing

    try:
        return con.sql(query).to_arrow_table()
    except duckdb.Error as exc:
        raise KratomDatasetError(f"the query failed: {exc}", hint=f"Tables: {', '.join(TABLES)}.") from None
    finally:
        con.close()


def _files(version: str | None, path: str | os.PathLike[str] | None) -> dict[str, list[Path]]:
    from .reader import checked_file, folder_manifest, verify_file
    from .reader import path as table_path

    if path is None:
        found = {}
        for table in TABLES:
            try:
                file = table_path(table, version)
            except KratomDatasetError:
                continue  # an older release without this table
            verify_file(file)
            found[table] = [file]
        return found
    folder = Path(path)
    manifest = folder_manifest(folder)
    return {table: [checked_file(folder, manifest, name) for name in manifest.table_files(table)] for table in manifest.tables()}
