"""One-call ergonomics: a table in the library a user works in, nested or flat, and SQL over a release."""

from __future__ import annotations

import json
import sys

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest
from click.testing import CliRunner

import kratom_dataset as kd
from kratom_dataset.cli import main
from kratom_dataset.errors import KratomDatasetError


def test_arrow_is_the_default():
    assert isinstance(kd.load("doses"), pa.Table)


def test_pandas_keeps_provenance_a_struct_not_dicts():
    df = kd.load("claims", format="pandas")
    assert isinstance(df["provenance"].dtype, pd.ArrowDtype)
    assert pa.types.is_struct(df["provenance"].dtype.pyarrow_dtype)
    assert len(df) == kd.load("claims").num_rows


def test_polars_gets_the_same_rows():
    df = kd.load("doses", format="polars")
    assert isinstance(df, pl.DataFrame)
    assert df["id"].to_list() == kd.load("doses").column("id").to_pylist()


@pytest.mark.parametrize("table", kd.tables())
def test_the_flat_view_has_no_name_clash_and_no_struct(table):
    flat = kd.load(table, flat=True)
    assert len(set(flat.column_names)) == len(flat.column_names)
    assert not any(pa.types.is_struct(f.type) for f in flat.schema)
    assert "provenance_article_id" in flat.column_names and "provenance_exact" in flat.column_names


def test_the_flat_view_unnests_in_polars_where_a_plain_unnest_clashes():
    nested = kd.load("claims", format="polars")
    with pytest.raises(pl.exceptions.DuplicateError):
        nested.unnest("provenance")
    flat = kd.load("claims", format="polars", flat=True)
    assert flat["provenance_article_id"].to_list() == nested["article_id"].to_list()


def test_an_unknown_format_is_a_clear_error():
    with pytest.raises(KratomDatasetError, match="unknown format 'excel'"):
        kd.load("doses", format="excel")


def test_sql_sees_every_table_as_a_view():
    counts = kd.sql("select (select count(*) from doses) as d, (select count(*) from claims) as c").to_pylist()[0]
    assert (counts["d"], counts["c"]) == (kd.load("doses").num_rows, kd.load("claims").num_rows)


def test_sql_joins_records_to_their_articles_by_their_offsets():
    rows = kd.sql(
        "select d.provenance.exact as exact, substring(a.provenance.exact, d.provenance.char_start + 1, "
        "d.provenance.char_end - d.provenance.char_start) as sliced from doses d join articles a on a.id = d.article_id"
    ).to_pylist()
    assert rows and all(r["exact"] == r["sliced"] for r in rows)


def test_sql_without_duckdb_says_how_to_get_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "duckdb", None)
    with pytest.raises(KratomDatasetError, match="needs duckdb") as caught:
        kd.sql("select 1")
    assert "kratom-dataset[sql]" in caught.value.hint


@pytest.mark.parametrize("fmt", ["table", "csv", "jsonl"])
def test_the_sql_command_prints_each_format(fmt):
    result = CliRunner().invoke(main, ["sql", "select count(*) as n from doses", "--format", fmt])
    assert result.exit_code == 0, result.output
    n = str(kd.load("doses").num_rows)
    if fmt == "jsonl":
        assert json.loads(result.output) == {"n": int(n)}
    else:
        assert n in result.output.splitlines()[-2 if fmt == "table" else -1]


def test_a_bad_query_is_one_line_and_exit_1():
    result = CliRunner().invoke(main, ["sql", "select nope from doses"])
    assert result.exit_code == 1 and "the query failed" in result.output
