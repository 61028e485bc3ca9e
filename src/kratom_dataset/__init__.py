"""kratom-dataset: what web articles about kratom, opioid withdrawal and sleep state, with provenance.

Load a table of the newest release (or pin one)::

    import kratom_dataset as kd
    doses = kd.load("doses")                 # pyarrow.Table
    df = kd.load("doses", format="pandas")   # or "polars"; flat=True for provenance_* columns
    kd.sql("select unit, count(*) from doses group by unit")   # DuckDB over the release
    kd.path("claims")                        # the Parquet file, for DuckDB / Polars / Spark
    kd.versions(), kd.tables(), kd.schema("mechanisms")

Heavy modules (pyarrow, pydantic) are imported on first use, so ``import kratom_dataset`` is cheap.
"""

from typing import Any

from ._version import __version__

__all__ = [
    "KratomDatasetError",
    "__version__",
    "diff",
    "evaluate",
    "extract",
    "flatten",
    "load",
    "manifest",
    "path",
    "release_dir",
    "schema",
    "sql",
    "tables",
    "taxonomy",
    "validate",
    "verify",
    "versions",
]

_LAZY = {
    "load": ("reader", "load"),
    "path": ("reader", "path"),
    "versions": ("reader", "versions"),
    "tables": ("reader", "tables"),
    "schema": ("reader", "schema"),
    "manifest": ("reader", "manifest"),
    "verify": ("reader", "verify"),
    "release_dir": ("reader", "release_dir"),
    "taxonomy": ("extractors.topics", "taxonomy"),
    "extract": ("extractors", "extract"),
    "evaluate": ("scoring", "evaluate_dirs"),
    "diff": ("diff", "diff"),
    "validate": ("validate", "validate_release"),
    "sql": ("query", "sql"),
    "flatten": ("frames", "flatten"),
    "KratomDatasetError": ("errors", "KratomDatasetError"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        value = getattr(importlib.import_module(f".{module}", __name__), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
