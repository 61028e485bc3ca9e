"""The public extract() entry point, the extract/evaluate commands, and the scorer itself."""

from __future__ import annotations

import json

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

import kratom_dataset as kd
from conftest import RAW, ROOT
from kratom_dataset.cli import main
from kratom_dataset.scoring import Evaluation, score_document

TEXT = "Kratom may cause insomnia. Start with 2 grams in the evening. Mitragynine binds to mu-opioid receptors."


def test_extract_returns_every_kind_with_spans_into_the_given_text():
    records = kd.extract(TEXT)
    kinds = {type(r).__name__ for r in records}
    assert kinds == {"Topic", "Claim", "Dose", "Mechanism"}
    for r in records:
        assert TEXT[r.provenance.char_start : r.provenance.char_end] == r.provenance.exact
    assert [r.provenance.char_start for r in records] == sorted(r.provenance.char_start for r in records)


def test_extract_article_id_is_used_or_made_safe():
    assert {r.article_id for r in kd.extract(TEXT, article_id="my-page")} == {"my-page"}
    assert all(r.article_id.startswith("my-page-") for r in kd.extract(TEXT, article_id="My Page"))


def test_extract_rejects_blank_text():
    with pytest.raises(kd.KratomDatasetError):
        kd.extract("  \n ")


def test_cli_extract_jsonl_lines_slice_their_file(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 0
    lines = [json.loads(l) for l in result.output.splitlines()]
    assert {l["kind"] for l in lines} == {"topic", "claim", "dose", "mechanism"}
    for line in lines:
        p = line["provenance"]
        assert line["file"] == str(path) and TEXT[p["char_start"] : p["char_end"]] == p["exact"]
    (dose,) = [l for l in lines if l["kind"] == "dose"]
    assert (dose["amount_low"], dose["unit"], dose["timing"], dose["role"]) == (2.0, "g", "evening", "starting")


def test_cli_extract_parquet_and_a_bad_file(tmp_path):
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text(TEXT, encoding="utf-8")
    bad.write_bytes(b"\xff\xfe\x00")
    result = CliRunner().invoke(main, ["extract", str(good), str(bad), "--format", "parquet", "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and "[source-error]" in result.output and "bad.txt" in result.output
    assert pq.read_table(tmp_path / "out" / "doses.parquet").num_rows == 1
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "claims.parquet",
        "doses.parquet",
        "mechanisms.parquet",
        "topics.parquet",
    ]


def test_cli_extract_parquet_needs_out(tmp_path):
    result = CliRunner().invoke(main, ["extract", str(RAW / "sources.csv"), "--format", "parquet"])
    assert result.exit_code == 2 and "--out" in result.output


# The scorer on a hand-made table ------------------------------------------------------------------


def rec(kind, start, end, **fields):
    return {"kind": kind, "char_start": start, "char_end": end, "exact": "x" * (end - start), **fields}


def test_overlapping_spans_of_the_same_kind_match_one_to_one():
    gold = [rec("dose", 0, 10, unit="g"), rec("dose", 20, 30, unit="g"), rec("mechanism", 40, 50, agent="kratom")]
    pred = [rec("dose", 5, 12, unit="mg"), rec("dose", 8, 9, unit="g"), rec("mechanism", 60, 70, agent="kratom")]
    evaluation = Evaluation()
    score_document(evaluation, "d", pred, gold)
    dose, mech = evaluation.kinds["dose"], evaluation.kinds["mechanism"]
    assert (dose.gold, dose.predicted, dose.matched) == (2, 2, 1)
    assert (round(dose.precision, 3), round(dose.recall, 3), round(dose.f1, 3)) == (0.5, 0.5, 0.5)
    assert dose.fields["unit"] == [0, 1]  # the larger overlap (5-10) was paired, and it says mg
    assert (mech.matched, mech.f1) == (0, 0.0)
    assert [m["char_start"] for m in evaluation.missed] == [20, 40]


def test_no_gold_and_no_prediction_is_no_measurement():
    evaluation = Evaluation()
    score_document(evaluation, "d", [], [])
    dose = evaluation.kinds["dose"]
    assert (dose.precision, dose.recall, dose.f1) == (None, None, None)
    assert "dose" not in evaluation.to_dict(details=False)


def test_predictions_with_no_gold_score_zero_precision():
    evaluation = Evaluation()
    score_document(evaluation, "d", [{"kind": "dose", "char_start": 0, "char_end": 3, "exact": "2 g", "dose_kind": "numeric"}], [])
    assert (evaluation.kinds["dose"].precision, evaluation.kinds["dose"].recall) == (0.0, 0.0)


def test_numeric_doses_are_scored_apart_from_qualitative_ones():
    gold = [
        {"kind": "dose", "char_start": 0, "char_end": 3, "exact": "2 g", "dose_kind": "numeric"},
        {"kind": "dose", "char_start": 10, "char_end": 20, "exact": "high doses", "dose_kind": "qualitative"},
    ]
    evaluation = Evaluation()
    score_document(evaluation, "d", gold[:1], gold)
    assert (evaluation.kinds["dose"].recall, evaluation.kinds["numeric_dose"].recall) == (0.5, 1.0)


def test_cli_evaluate_reports_every_kind_of_the_seed_gold(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, ["evaluate", "--set", "seed", "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)["seed gold"]["scores"]
    assert set(scores) == {"topic", "claim", "dose", "numeric_dose", "mechanism"}
    assert scores["dose"]["gold"] >= 12


def test_cli_evaluate_reports_the_dev_and_the_frozen_test_split_apart(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, ["evaluate"])
    assert result.exit_code == 0, result.output
    assert "dev passages (tuned on)" in result.output and "test passages (frozen)" in result.output


# A second reading: how far two annotators agree --------------------------------------------------

PASSAGE = {
    "id": "p-1",
    "style": "forum",
    "text": "Kratom may cause insomnia. Take 2 g at most.",
    "records": [
        {
            "kind": "claim",
            "char_start": 0,
            "char_end": 26,
            "exact": "Kratom may cause insomnia.",
            "claim_type": "adverse_effect",
            "polarity": "affirmed",
            "certainty": "uncertain",
            "hedge_cues": ["may"],
            "evidence": "none",
            "evidence_cue": None,
            "note": None,
        }
    ],
    "note": None,
}


def _write(path, *items):
    path.write_text("".join(json.dumps(item) + "\n" for item in items), encoding="utf-8")
    return path


def _second(tmp_path, second):
    gold = _write(tmp_path / "gold.jsonl", PASSAGE)
    reading = _write(tmp_path / "second.jsonl", second)
    return CliRunner().invoke(main, ["evaluate", "--challenge", str(gold), "--second-reading", str(reading), "--json"])


def test_a_second_reader_who_reads_as_the_gold_agrees_fully(tmp_path):
    result = _second(tmp_path, PASSAGE)
    assert result.exit_code == 0, result.output
    claim = json.loads(result.output)["second reader against the gold"]["scores"]["claim"]
    assert (claim["f1"], claim["field_accuracy"]) == (1.0, 1.0)


def test_a_second_reader_who_hears_no_hedge_disagrees_on_certainty(tmp_path):
    record = {**PASSAGE["records"][0], "certainty": "certain", "hedge_cues": []}
    result = _second(tmp_path, {**PASSAGE, "records": [record]})
    fields = json.loads(result.output)["second reader against the gold"]["scores"]["claim"]["fields"]
    assert fields["certainty"] == {"correct": 0, "compared": 1}


@pytest.mark.parametrize(
    ("change", "message"),
    [({"id": "p-2"}, "no gold passage of the same id: p-2"), ({"text": PASSAGE["text"] + " "}, "text differs")],
)
def test_a_second_reading_of_another_passage_or_text_is_refused(tmp_path, change, message):
    result = _second(tmp_path, {**PASSAGE, **change})
    assert result.exit_code != 0 and message in result.output


def test_the_shipped_second_reading_reads_dev_passages_again(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(main, ["evaluate", "--second-reading", str(RAW / "passages" / "second_reading.jsonl"), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert (
        scores["second reader against the gold"]["scores"]["mechanism"]["gold"]
        == scores["extractors against the same gold"]["scores"]["mechanism"]["gold"]
        > 0
    )
