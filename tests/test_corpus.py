"""Corpus builds: streamed inputs, part files per batch, the same bytes whatever the engine, resume."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

import kratom_dataset as kd
from conftest import RAW, SEEDS, seed_text
from kratom_dataset.batch import process_batch
from kratom_dataset.build import build_corpus
from kratom_dataset.cli import main
from kratom_dataset.errors import IntegrityError, SourceError
from kratom_dataset.inputs import iter_items
from kratom_dataset.models import UTC_PATTERN
from kratom_dataset.rows import utc_timestamp
from kratom_dataset.validate import validate_release


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A small corpus in every input shape: a folder, a JSONL file and a Parquet file."""
    root = tmp_path_factory.mktemp("corpus")
    folder = root / "pages"
    (folder / "sub").mkdir(parents=True)
    for i, article_id in enumerate(SEEDS):
        (folder / ("sub" if i % 2 else "") / f"{article_id}.txt").write_text(seed_text(article_id), encoding="utf-8")
    (folder / "notes.md").write_text("# Kratom\n\nSome users take 2 grams in the evening.\n", encoding="utf-8")
    (folder / "ignored.csv").write_text("not,an,article\n", encoding="utf-8")
    rows = [{"id": f"j{i}", "text": seed_text(a) + f"\nRow {i}.", "title": f"Row {i}"} for i, a in enumerate(SEEDS)]
    with open(root / "crawl.jsonl", "w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
        fh.write('{"id": "no-text"}\n{not json}\n')
        fh.write(json.dumps(rows[0]) + "\n")  # the same id again
    pq.write_table(pa.table({"id": ["p1", "p2"], "text": ["Kratom may cause insomnia at high doses.", "   "]}), root / "crawl.parquet")
    return root


def inputs(root):
    return [str(root / "pages"), str(root / "*.jsonl"), str(root / "crawl.parquet")]


def tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_inputs_stream_folders_rows_and_globs(corpus):
    items = list(iter_items(inputs(corpus)))
    sources = [i.source for i in items]
    assert sum(s.endswith(".txt") for s in sources) == len(SEEDS) and any(s.endswith("notes.md") for s in sources)
    assert not any(s.endswith(".csv") for s in sources)
    rejects = {i.source.rsplit("#", 1)[-1]: i.reject for i in items if i.reject}
    assert rejects["row=5"] == "row has no text (a string) in 'text'"
    assert rejects["row=6"].startswith("not JSON")
    assert rejects["row=7"].startswith("duplicate id")


def test_articles_over_the_size_limit_are_rejected_as_too_large_and_files_are_not_read(tmp_path, monkeypatch):
    from pathlib import Path

    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "small.txt").write_text("Kratom may help sleep.", encoding="utf-8")
    (pages / "big.txt").write_text("Kratom é. " * 20, encoding="utf-8")
    rows = tmp_path / "rows.jsonl"
    rows.write_text(
        json.dumps({"id": "big", "text": "ü" * 60}) + "\n" + json.dumps({"id": "ok", "text": "ü" * 50}) + "\n", encoding="utf-8"
    )
    read = Path.read_bytes
    monkeypatch.setattr(
        Path, "read_bytes", lambda self: pytest.fail("read a file over the limit") if self.name == "big.txt" else read(self)
    )
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["build", "--input", str(pages), "--input", str(rows), "--out", str(out), "--workers", "1", "--max-bytes", "100"]
    )
    assert result.exit_code == 1, result.output
    rejects = json.loads((out / "rejects.json").read_text())
    assert [(r["file"].rsplit("/", 1)[-1], r["reason"]) for r in rejects] == [("big.txt", "too-large"), ("rows.jsonl#row=0", "too-large")]
    assert rejects[1]["detail"] == "120 bytes is over the limit of 100 (raise it with --max-bytes)"  # 60 two-byte characters
    assert json.loads((out / "manifest.json").read_text())["articles"] == 2


def test_duplicate_ids_are_found_on_disk_and_the_scratch_file_goes_away(tmp_path, monkeypatch):
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(json.dumps({"id": i % 700, "text": "Kratom."}) + "\n" for i in range(1000)), encoding="utf-8")
    items = iter_items([str(rows)])
    first = next(items)
    scratch = items.gi_frame.f_locals["seen"]._db.execute("PRAGMA database_list").fetchone()[2]
    assert Path(scratch).parent == tmp_path  # the ids live in a file, not in memory
    assert not list(tmp_path.glob("kratom-dataset-ids-*"))  # whose name is gone while it is in use
    rest = list(items)
    duplicates = [i for i in [first, *rest] if i.reject]
    assert [i.source.rsplit("=", 1)[-1] for i in duplicates] == [str(n) for n in range(700, 1000)]
    assert all(i.reject.startswith(f"duplicate id {i.article_id!r}: ") and i.reason == "duplicate-id" for i in duplicates)
    assert duplicates[0].reject.endswith(f"{rows.as_posix()}#row=0 has it")
    assert not list(tmp_path.glob("kratom-dataset-ids-*"))


def test_a_killed_build_leaves_no_scratch_file(tmp_path):
    code = (
        "import os, signal\n"
        "from kratom_dataset.inputs import SeenIds\n"
        "seen = SeenIds()\n"
        "for n in range(20000): seen.add(f'article-{n}', 'rows.jsonl')\n"
        "print(seen.add('article-7', 'again'), flush=True)\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], check=False, env={**os.environ, "TMPDIR": str(tmp_path)}, capture_output=True, text=True
    )
    assert done.returncode == -signal.SIGKILL
    assert done.stdout == "rows.jsonl\n"
    assert list(tmp_path.iterdir()) == []


def test_no_writable_temporary_folder_is_a_clear_error(corpus, tmp_path, monkeypatch):
    import tempfile

    from kratom_dataset.errors import KratomDatasetError

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "missing"))
    with pytest.raises(KratomDatasetError, match="no scratch space for the article ids") as caught:
        list(iter_items(inputs(corpus)))
    assert "TMPDIR" in caught.value.hint


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=8,
)


@given(st.lists(JSON_VALUES, max_size=4), st.integers(0, 3))
def test_a_streamed_json_list_has_the_bytes_of_json_dumps(items, depth):
    import io

    from kratom_dataset.layout import JsonStream as JsonList

    fh = io.StringIO()
    listing = JsonList(fh, depth=depth)
    for item in items:
        listing.add(item)
    listing.close()
    nested = items
    for _ in range(depth):
        nested = {"k": nested}
    opening = "".join("{\n" + "  " * (level + 1) + '"k": ' for level in range(depth))
    closing = "".join("\n" + "  " * level + "}" for level in reversed(range(depth)))
    assert opening + fh.getvalue() + closing == json.dumps(nested, indent=2, sort_keys=True)


def test_a_missing_input_is_a_clear_error(tmp_path):
    with pytest.raises(SourceError, match="no such input"):
        list(iter_items([str(tmp_path / "nope.jsonl")]))


@pytest.mark.parametrize(
    ("files", "hint"),
    [((), "Give a folder with .txt or .md articles"), (("shards/part-0.jsonl",), "shards/*.jsonl"), (("a.parquet",), "*.parquet")],
)
def test_a_folder_without_articles_is_an_error_not_an_empty_build(tmp_path, files, hint):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in files:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("{}\n", encoding="utf-8")
    with pytest.raises(SourceError, match="has no .txt or .md files") as caught:
        list(iter_items([str(folder)]))
    assert hint in caught.value.hint


@pytest.fixture(scope="module")
def local_build(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("local") / "out"
    manifest = build_corpus(inputs(corpus), out, workers=1, batch_size=3, progress=False)
    return out, manifest


def test_a_corpus_build_writes_parts_manifest_and_rejects(local_build):
    out, summary = local_build
    manifest = json.loads((out / "manifest.json").read_text())
    assert summary == {k: v for k, v in manifest.items() if k != "files"}
    assert manifest["kind"] == "build"
    assert manifest["articles"] == len(SEEDS) * 2 + 2  # files, JSONL rows, the notes and one Parquet row
    assert manifest["batches"] == len([f for f in manifest["files"].values() if f["table"] == "claims"])
    rejects = json.loads((out / "rejects.json").read_text())
    assert [r["reason"] for r in rejects] == ["unreadable", "unreadable", "duplicate-id", "whitespace-only"]  # input order
    assert [r["file"].rsplit("#", 1)[-1] for r in rejects[:3]] == ["row=5", "row=6", "row=7"]
    for table in manifest["rows"]:
        parts = [name for name, f in manifest["files"].items() if f["table"] == table]
        assert sum(pq.read_metadata(out / name).num_rows for name in parts) == manifest["rows"][table]


def test_a_build_folder_passes_every_rule_of_validate(local_build):
    out, _ = local_build
    report = validate_release(out)
    assert report.valid, report.to_text()
    assert report.checked["claims"] > 0 and report.checked["articles"] == len(SEEDS) * 2 + 2


def test_validate_finds_a_changed_part_of_a_build(local_build, tmp_path):
    out, _ = local_build
    copy = tmp_path / "copy"
    shutil.copytree(out, copy)
    part = copy / "doses" / "part-00000.parquet"
    table = pq.read_table(part)
    pq.write_table(table.set_column(table.schema.get_field_index("unit"), "unit", pa.array(["furlong"] * table.num_rows)), part)
    codes = {i.code for i in validate_release(copy).errors}
    assert {"checksum-mismatch", "invalid-value"} <= codes


@pytest.mark.parametrize("table", ["articles", "claims", "doses", "gold"])
def test_load_reads_a_build_folder_as_one_table(local_build, table):
    out, manifest = local_build
    loaded = kd.load(table, path=out)
    parts = sorted((out / table).glob("part-*.parquet"))
    assert loaded.num_rows == manifest["rows"][table]
    assert loaded.equals(pa.concat_tables(pq.read_table(p) for p in parts))


def test_load_refuses_a_build_part_that_changed(local_build, tmp_path):
    out, _ = local_build
    copy = tmp_path / "copy"
    shutil.copytree(out, copy)
    (copy / "claims" / "part-00001.parquet").write_bytes(b"PAR1")
    with pytest.raises(IntegrityError, match="differs from its manifest"):
        kd.load("claims", path=copy)


def test_sql_over_a_build_folder_counts_its_rows_and_refuses_a_changed_part(local_build, tmp_path):
    out, manifest = local_build
    assert kd.sql("select count(*) as n from claims", path=out).to_pylist() == [{"n": manifest["rows"]["claims"]}]
    copy = tmp_path / "copy"
    shutil.copytree(out, copy)
    (copy / "doses" / "part-00000.parquet").write_bytes(b"PAR1")
    with pytest.raises(IntegrityError, match="differs from its manifest"):
        kd.sql("select count(*) from claims", path=copy)


def test_the_cli_validates_a_build_folder(local_build):
    out, _ = local_build
    result = CliRunner().invoke(main, ["validate", str(out)])
    assert result.exit_code == 0, result.output
    assert "valid: 0 issue(s)" in result.output


def test_row_provenance_points_into_the_row_text_and_names_file_and_row(local_build, corpus):
    out, _ = local_build
    import hashlib

    articles = pa.concat_tables(pq.read_table(p) for p in sorted((out / "articles").glob("*.parquet"))).to_pylist()
    row = next(a for a in articles if a["source_file"].endswith("crawl.jsonl#row=1"))
    text = json.loads((corpus / "crawl.jsonl").read_text().splitlines()[1])["text"]
    assert row["provenance"]["exact"] == text and row["title"] == "Row 1"
    assert row["sha256"] == hashlib.sha256(text.encode("utf-8")).hexdigest()
    claims = pa.concat_tables(pq.read_table(p) for p in sorted((out / "claims").glob("*.parquet"))).to_pylist()
    for c in (c for c in claims if c["article_id"] == row["id"]):
        p = c["provenance"]
        assert text[p["char_start"] : p["char_end"]] == p["exact"]


def test_the_output_does_not_depend_on_the_number_of_workers(local_build, corpus, tmp_path):
    out, _ = local_build
    build_corpus(inputs(corpus), tmp_path / "two", workers=2, batch_size=3, progress=False)
    assert tree(tmp_path / "two") == tree(out)


def test_an_interrupted_build_resumes_without_redoing_finished_batches(local_build, corpus, tmp_path):
    out, manifest = local_build
    partial = tmp_path / "partial"
    shutil.copytree(out, partial)
    last = manifest["batches"] - 1
    (partial / "_batches" / f"{last:05d}.json").unlink()  # killed before its marker
    (partial / "manifest.json").unlink()
    damaged = partial / "claims" / "part-00001.parquet"
    damaged.write_bytes(damaged.read_bytes()[:-10])  # a marker whose part no longer matches
    kept = partial / "doses" / "part-00000.parquet"
    before = kept.stat().st_mtime_ns
    build_corpus(inputs(corpus), partial, workers=1, batch_size=3, progress=False)
    assert tree(partial) == tree(out)
    assert kept.stat().st_mtime_ns == before


@pytest.mark.parametrize("change", ["text", "fewer rows", "extractor"])
def test_a_build_over_other_inputs_or_extractors_redoes_the_batches_it_cannot_reuse(tmp_path, monkeypatch, change):
    def write(name, sentence, rows=5):
        path = tmp_path / name
        path.write_text(
            "".join(json.dumps({"id": f"r{i}", "text": f"Kratom article {i}. {sentence}"}) + "\n" for i in range(rows)), encoding="utf-8"
        )
        return path

    first = write("rows.jsonl", "Some take 2 grams at night.")
    build_corpus([str(first)], tmp_path / "out", workers=1, batch_size=2, progress=False)
    if change == "text":
        write("rows.jsonl", "Some take 5 grams at night.")
    elif change == "fewer rows":
        write("rows.jsonl", "Some take 2 grams at night.", rows=2)  # one batch where there were three
    else:
        from kratom_dataset import extractors

        monkeypatch.setattr(extractors.doses, "VERSION", "9.9.9")  # a new release of the dose rules
        monkeypatch.setitem(extractors.EXTRACTORS, extractors.doses.NAME, "9.9.9")
    build_corpus([str(first)], tmp_path / "out", workers=1, batch_size=2, progress=False)
    build_corpus([str(first)], tmp_path / "fresh", workers=1, batch_size=2, progress=False)
    assert tree(tmp_path / "out") == tree(tmp_path / "fresh")


@pytest.mark.slow
def test_the_dask_engine_gives_the_same_bytes_on_a_real_local_cluster(local_build, corpus, tmp_path):
    out, _ = local_build
    build_corpus(inputs(corpus), tmp_path / "dask", workers=2, engine="dask", batch_size=3, progress=False)
    assert tree(tmp_path / "dask") == tree(out)


@pytest.fixture
def dask_scheduler(tmp_path):
    """A real ``dask scheduler`` and a ``dask worker`` of two processes, started as on a cluster; the scheduler file."""
    import subprocess
    import sys

    from dask.distributed import Client

    scheduler_file = tmp_path / "scheduler.json"
    common = ["--scheduler-file", str(scheduler_file), "--no-dashboard"]
    scheduler = subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0", *common])
    worker = subprocess.Popen(
        [sys.executable, "-m", "distributed.cli.dask_worker", "--nworkers", "2", "--nthreads", "1", "--host", "127.0.0.1", *common]
    )
    try:
        with Client(scheduler_file=str(scheduler_file), timeout="60s") as client:
            client.wait_for_workers(2, timeout=60)
        yield scheduler_file
    finally:
        for process in (worker, scheduler):
            process.terminate()
            process.wait(timeout=30)


@pytest.mark.slow
def test_the_dask_engine_runs_on_an_existing_scheduler_by_file_or_address(local_build, corpus, tmp_path, dask_scheduler):
    out, _ = local_build
    address = json.loads(dask_scheduler.read_text())["address"]
    assert address.startswith("tcp://127.0.0.1:")
    for name, scheduler in (("by-file", str(dask_scheduler)), ("by-address", address)):
        result = CliRunner().invoke(
            main,
            [
                "build",
                *(arg for i in inputs(corpus) for arg in ("--input", i)),
                "--out",
                str(tmp_path / name),
                "--batch-size",
                "3",
                "--engine",
                "dask",
                "--scheduler",
                scheduler,
                "--allow-rejects",
            ],
        )
        assert result.exit_code == 0, result.output
        assert tree(tmp_path / name) == tree(out)


@pytest.mark.parametrize(
    ("engine", "scheduler", "message"),
    [
        ("spark", None, "unknown engine 'spark'"),
        ("dask", "missing-scheduler.json", "no dask scheduler file there"),
        ("dask", "tcp://127.0.0.1:9", "could not reach the dask scheduler"),
    ],
)
def test_an_engine_that_cannot_run_is_a_clear_error(corpus, tmp_path, engine, scheduler, message):
    import dask
    import distributed  # noqa: F401 - its defaults must be in dask's config before a setting is layered on top

    from kratom_dataset.errors import EngineError

    scheduler = scheduler and (scheduler if "://" in scheduler else str(tmp_path / scheduler))
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}), pytest.raises(EngineError, match=message) as caught:
        build_corpus(inputs(corpus), tmp_path / "out", engine=engine, scheduler=scheduler, progress=False)
    assert caught.value.hint


@pytest.mark.parametrize("enabled", [True, False])
def test_a_batch_leaves_the_garbage_collector_as_it_found_it(corpus, tmp_path, enabled):
    import gc

    items = list(iter_items([str(corpus / "crawl.parquet")]))
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        marker = process_batch(0, items, str(tmp_path))
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()
    assert marker["articles"] == 1 and len(marker["rejects"]) == 1


def test_cli_corpus_build(corpus, tmp_path):
    result = CliRunner().invoke(
        main,
        [
            "build",
            *(arg for i in inputs(corpus) for arg in ("--input", i)),
            "--out",
            str(tmp_path / "o"),
            "--workers",
            "1",
            "--batch-size",
            "3",
        ],
    )
    assert result.exit_code == 1 and "rejected" in result.output and "--allow-rejects" in result.output
    ok = CliRunner().invoke(main, ["build", "--input", str(RAW / "articles"), "--out", str(tmp_path / "o2"), "--workers", "1"])
    assert ok.exit_code == 0 and f"built {len(SEEDS)} articles" in ok.output


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (None, None),
        ("2025-03-14T08:15:00Z", "2025-03-14T08:15:00Z"),
        ("2025-03-14T08:15:00z", "2025-03-14T08:15:00Z"),
        ("2025-03-14T10:15:00+02:00", "2025-03-14T08:15:00Z"),
        ("2025-03-13T23:30:00-09:00", "2025-03-14T08:30:00Z"),
        ("2025-03-14T08:15:00", "2025-03-14T08:15:00Z"),
        ("2025-03-14T08:15:00.250000Z", "2025-03-14T08:15:00.250000Z"),
        ("2025-03-14", "2025-03-14T00:00:00Z"),
        (dt.datetime(2025, 3, 14, 8, 15, tzinfo=dt.timezone.utc), "2025-03-14T08:15:00Z"),
        (dt.datetime(2025, 3, 14, 9, 15, tzinfo=dt.timezone(dt.timedelta(hours=1))), "2025-03-14T08:15:00Z"),
        (dt.datetime(2025, 3, 14, 8, 15), "2025-03-14T08:15:00Z"),
        (dt.date(2025, 3, 14), "2025-03-14T00:00:00Z"),
    ],
)
def test_retrieved_at_is_normalised_to_utc(given, expected):
    assert utc_timestamp(given) == expected


@pytest.mark.parametrize("given", ["yesterday", "", "2025-13-01T00:00:00Z", "14/03/2025", 1710403200, True])
def test_a_retrieved_at_that_is_not_a_date_time_is_an_error(given):
    with pytest.raises(ValueError, match="retrieved_at"):
        utc_timestamp(given)


@given(st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2200, 1, 1), timezones=st.timezones()))
def test_normalised_timestamps_are_the_same_instant_and_match_the_schema(when):
    text = utc_timestamp(when)
    assert re.fullmatch(UTC_PATTERN, text)
    back = dt.datetime.fromisoformat(text[:-1] + "+00:00")
    assert back == when.astimezone(dt.timezone.utc) if when.tzinfo else back.replace(tzinfo=None) == when


def test_row_url_and_retrieved_at_reach_the_articles_table(tmp_path):
    text = "Kratom may cause insomnia at high doses."
    with open(tmp_path / "rows.jsonl", "w", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "a", "text": text, "url": "https://example.org/a", "retrieved_at": "2025-03-14T10:15:00+02:00"}) + "\n")
        fh.write(json.dumps({"id": "b", "text": text}) + "\n")
        fh.write(json.dumps({"id": "c", "text": text, "retrieved_at": "last week"}) + "\n")
        fh.write(json.dumps({"id": "d", "text": text, "url": 7}) + "\n")
    stamps = pa.array([dt.datetime(2025, 3, 14, 8, 15)], pa.timestamp("us", tz="UTC"))
    pq.write_table(
        pa.table({"id": ["p"], "text": [text], "url": ["https://example.org/p"], "retrieved_at": stamps}), tmp_path / "rows.parquet"
    )
    out = tmp_path / "out"
    build_corpus([str(tmp_path / "rows.jsonl"), str(tmp_path / "rows.parquet")], out, workers=1, progress=False)
    articles = {a["source_file"].rsplit("/", 1)[-1]: a for a in pq.read_table(out / "articles").to_pylist()}
    assert {k: (a["source_url"], a["retrieved_at"]) for k, a in articles.items()} == {
        "rows.jsonl#row=0": ("https://example.org/a", "2025-03-14T08:15:00Z"),
        "rows.jsonl#row=1": (None, None),
        "rows.parquet#row=0": ("https://example.org/p", "2025-03-14T08:15:00Z"),
    }
    rejects = {r["file"].rsplit("/", 1)[-1]: r["detail"] for r in json.loads((out / "rejects.json").read_text())}
    assert rejects == {
        "rows.jsonl#row=2": "'retrieved_at' is 'last week', not an ISO 8601 date-time",
        "rows.jsonl#row=3": "'url' is 7, not a non-empty string",
    }


def test_the_progress_bar_ends_at_100_percent_with_articles_and_rates(tmp_path, capsys):
    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(json.dumps({"id": f"r{i}", "text": f"Kratom article {i}. Some take 2 grams."}) + "\n" for i in range(5)))
    build_corpus([str(rows)], tmp_path / "out", workers=1, batch_size=2, progress=True)
    last = capsys.readouterr().err.replace("\r", "\n").strip().splitlines()[-1]
    assert "100%" in last and "5 articles done" in last and "B/s" in last
