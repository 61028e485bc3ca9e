"""Other engines read the release files directly, provenance struct intact."""

from __future__ import annotations

import duckdb
import pandas as pd
import polars as pl
import pytest

import kratom_dataset as kd
from kratom_dataset.models import TABLES


@pytest.mark.parametrize("table", TABLES)
def test_duckdb_reads_every_file(table):
    path = kd.path(table)
    count, exact = duckdb.connect().execute(f"select count(*), min(provenance.exact) from read_parquet('{path}')").fetchone()
    assert count == kd.load(table).num_rows and exact


def test_duckdb_slices_quotes_out_of_article_text():
    """DuckDB's substring counts code points too, so the offsets work in SQL as they do in Python."""
    bad = (
        duckdb.connect()
        .execute(
            f"""
        select count(*) from read_parquet('{kd.path("claims")}') c
        join read_parquet('{kd.path("articles")}') a on a.id = c.article_id
        where substring(a.provenance.exact, c.provenance.char_start + 1,
                        c.provenance.char_end - c.provenance.char_start) != c.provenance.exact
        """
        )
        .fetchone()[0]
    )
    assert bad == 0


@pytest.mark.parametrize("table", TABLES)
def test_polars_reads_every_file(table):
    frame = pl.read_parquet(kd.path(table))
    assert frame.height == kd.load(table).num_rows
    assert frame.schema["provenance"].to_schema()["exact"] == pl.String
    assert frame.select(pl.col("provenance").struct.field("char_end")).to_series().min() > 0


@pytest.mark.parametrize("table", TABLES)
def test_pandas_reads_every_file(table):
    frame = pd.read_parquet(kd.path(table))
    assert len(frame) == kd.load(table).num_rows
    first = frame["provenance"].iloc[0]
    assert set(first) >= {"article_id", "char_start", "char_end", "exact", "prefix", "suffix"}
