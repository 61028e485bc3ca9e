"""``kratom-dataset evaluate`` where the repository is not: a plain install in any working directory.

The seed gold and its article texts come from the newest release's tables, the passages from the
package; the output names them. An empty set is no measurement: ``n/a``, never a perfect score.
"""

from __future__ import annotations

import json

from click.testing import CliRunner

from conftest import ROOT
from kratom_dataset.cli import main
from kratom_dataset.scoring import evaluate_dirs, evaluate_release


def evaluate(*args: str):
    return CliRunner().invoke(main, ["evaluate", *args])


def test_evaluate_outside_the_repository_scores_seed_dev_and_test(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = evaluate()
    assert result.exit_code == 0, result.output
    head = result.output.splitlines()[0]
    assert head.startswith("scored: seed gold from release ") and "gold and articles tables" in head
    assert "dev passages (tuned on)" in result.output and "test passages (frozen)" in result.output
    scores = json.loads(evaluate("--json").output)
    assert set(scores) == {"seed gold", "dev passages (tuned on)", "test passages (frozen)"}
    assert scores["seed gold"]["source"].startswith("release ")
    for name, result_set in scores.items():
        assert result_set["total"]["gold"] > 0, name
        assert 0 < result_set["total"]["f1"] <= 1, name


def test_the_release_gold_scores_as_the_gold_files_do(monkeypatch):
    monkeypatch.chdir(ROOT)
    assert evaluate_release().to_dict() == evaluate_dirs().to_dict()


def test_inside_the_repository_the_raw_folders_are_scored(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = evaluate("--set", "seed")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == "scored: seed gold from data/raw/gold against data/raw"


def test_an_explicit_missing_gold_folder_is_still_an_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = evaluate("--set", "seed", "--gold", str(tmp_path / "nope"))
    assert result.exit_code == 1 and "no gold files" in result.output


def test_an_empty_passage_file_is_no_measurement(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    result = evaluate("--challenge", str(empty))
    assert result.exit_code == 0, result.output
    total = next(line for line in result.output.splitlines() if line.startswith("total"))
    assert total.split() == ["total", "0", "0", "0", "n/a", "n/a", "n/a", "n/a"]
    assert "1.000" not in result.output
    data = json.loads(evaluate("--challenge", str(empty), "--json").output)["passages"]
    assert data["scores"] == {}
    assert (data["total"]["precision"], data["total"]["recall"], data["total"]["f1"]) == (None, None, None)
