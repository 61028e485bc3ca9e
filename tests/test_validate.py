"""``validate_release`` finds what is wrong in a release and says where: table, record, field, code."""

from __future__ import annotations

import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from kratom_dataset.checksums import CHECKSUMS, sha256_file
from kratom_dataset.release import MANIFEST, write_parquet
from kratom_dataset.validate import validate_release


def rewrite(folder, table, change):
    """Apply ``change`` to the rows of one table and write it back with consistent checksums."""
    path = folder / f"{table}.parquet"
    data = pq.read_table(path)
    rows = data.to_pylist()
    change(rows)
    write_parquet(table, pa.Table.from_pylist(rows, schema=data.schema), path, folder.name)
    refresh_checksums(folder)
    return rows


def refresh_checksums(folder):
    manifest = json.loads((folder / MANIFEST).read_text())
    for name, entry in manifest["files"].items():
        entry["sha256"] = sha256_file(folder / name)
        entry["bytes"] = (folder / name).stat().st_size
        entry["rows"] = pq.read_metadata(folder / name).num_rows
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    names = sorted([*manifest["files"], MANIFEST, "README.md"])
    (folder / CHECKSUMS).write_text("".join(f"{sha256_file(folder / n)}  {n}\n" for n in names))


def codes(report):
    return {(i.table, i.field, i.code) for i in report.errors}


def test_shifted_span_is_located(release_copy):
    def shift(rows):
        p = rows[0]["provenance"]
        p["char_start"] += 1
        p["char_end"] += 1

    rows = rewrite(release_copy, "doses", shift)
    report = validate_release(release_copy)
    found = {(i.table, i.record_id, i.field, i.code) for i in report.errors}
    assert ("doses", rows[0]["id"], "provenance.exact", "span-mismatch") in found


def test_duplicate_primary_key(release_copy):
    rows = rewrite(release_copy, "claims", lambda rows: rows.append(dict(rows[0])))
    report = validate_release(release_copy)
    assert ["claims", rows[0]["id"], "id", "duplicate-key"] in report.flatten()


def test_dangling_claim_reference(release_copy):
    def dangle(rows):
        rows[0]["claim_id"] = "clm-0000000000000000"

    rows = rewrite(release_copy, "mechanisms", dangle)
    assert ["mechanisms", rows[0]["id"], "claim_id", "foreign-key"] in validate_release(release_copy).flatten()


def test_dose_outside_its_claim(release_copy):
    claims = {r["id"]: r for r in pq.read_table(release_copy / "claims.parquet").to_pylist()}
    other = None

    def move(rows):
        nonlocal other
        other = next(c for c in claims.values() if c["id"] != rows[0]["claim_id"] and c["article_id"] == rows[0]["article_id"])
        rows[0]["claim_id"] = other["id"]

    rows = rewrite(release_copy, "doses", move)
    assert ["doses", rows[0]["id"], "provenance", "outside-claim"] in validate_release(release_copy).flatten()


def test_unknown_topic_id(release_copy):
    def invent(rows):
        rows[0]["topic_id"] = "astrology"

    rows = rewrite(release_copy, "topics", invent)
    assert ["topics", rows[0]["id"], "topic_id", "unknown-topic"] in validate_release(release_copy).flatten()


def test_invalid_value_is_reported_per_field(release_copy):
    def reverse(rows):
        r = next(r for r in rows if r["kind"] == "numeric")
        r["amount_low"], r["amount_high"] = 9.0, 1.0

    rewrite(release_copy, "doses", reverse)
    report = validate_release(release_copy)
    assert any(i.table == "doses" and i.code == "invalid-value" and "exceeds" in i.message for i in report.errors)


def test_count_mismatch_between_articles_and_tables(release_copy):
    rewrite(release_copy, "doses", lambda rows: rows.pop())
    report = validate_release(release_copy)
    assert ("articles", "n_doses", "count-mismatch") in codes(report)


def test_edited_file_fails_its_checksum(release_copy):
    path = release_copy / "topics.parquet"
    data = pq.read_table(path)
    pq.write_table(data.slice(0, data.num_rows - 1), path)
    assert ("topics", None, "checksum-mismatch") in codes(validate_release(release_copy))


def test_missing_file(release_copy):
    (release_copy / "sentences.parquet").unlink()
    assert ("sentences", None, "missing-file") in codes(validate_release(release_copy))


def test_unreadable_manifest(release_copy):
    (release_copy / MANIFEST).write_text("{not json")
    assert validate_release(release_copy).flatten(["code"]) == [["manifest-unreadable"]]


@pytest.mark.parametrize(
    "change, expected",
    [
        (lambda t: t.drop_columns(["claim_id"]), ("doses", "claim_id", "missing-column")),
        (lambda t: t.append_column("extra", pa.array([1] * t.num_rows)), ("doses", "extra", "extra-column")),
        (
            lambda t: t.set_column(t.schema.get_field_index("approximate"), "approximate", pa.array(["x"] * t.num_rows)),
            ("doses", "approximate", "column-type"),
        ),
    ],
)
def test_foreign_columns_are_located(release_copy, change, expected):
    path = release_copy / "doses.parquet"
    pq.write_table(change(pq.read_table(path)), path)
    refresh_checksums(release_copy)
    assert expected in codes(validate_release(release_copy))
