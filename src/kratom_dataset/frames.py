"""Tables in the shape a user's library wants: Arrow, pandas or Polars, nested or flat.

Every table nests its ``provenance`` in a struct whose fields repeat top-level names
(``article_id``), so a plain unnest clashes. The flat view spreads each struct into columns named
``<struct>_<field>`` (``provenance_article_id``, ``provenance_char_start``), which never clash.
pandas keeps nested columns nested through ``pd.ArrowDtype`` instead of object columns of dicts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, get_args

from .errors import KratomDatasetError

if TYPE_CHECKING:
    import pyarrow as pa

Format = Literal["arrow", "pandas", "polars"]
FORMATS: tuple[str, ...] = get_args(Format)


def flatten(table: pa.Table) -> pa.Table:
    """``table`` with every struct column spread into ``<struct>_<field>`` columns, nested structs too."""
    import pyarrow as pa

    while any(pa.types.is_struct(f.type) for f in table.schema):
        table = table.flatten()
    return table.rename_columns([name.replace(".", "_") for name in table.column_names])


def convert(table: pa.Table, format: str = "arrow", *, flat: bool = False) -> Any:
    """``table`` as a ``pyarrow.Table``, a ``pandas.DataFrame`` or a ``polars.DataFrame``."""
    if format not in FORMATS:
        raise KratomDatasetError(f"unknown format {format!r}", hint=f"Use one of: {', '.join(FORMATS)}.")
    if flat:
        table = flatten(table)
    if format == "arrow":
        return table
    try:
        if format == "pandas":
            import pandas as pd

            return table.to_pandas(types_mapper=pd.ArrowDtype)
        import polars as pl

        return pl.from_arrow(table)
    except ImportError:
        raise KratomDatasetError(f"format {format!r} needs {format}", hint=f"Install it: pip install {format}") from None
