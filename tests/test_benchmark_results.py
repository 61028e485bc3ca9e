"""benchmarks/RESULTS.md says which release each section's figures belong to, and keeps the
figures of sections a run did not repeat (they live in the tracked benchmarks/results.json)."""

from __future__ import annotations

import importlib.util
import json

from conftest import ROOT

_spec = importlib.util.spec_from_file_location("bench_run", ROOT / "benchmarks" / "run.py")
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)

STARTUP = {"import_s": 0.004, "load_warm_ms_max": 2.5, "load": {"claims": {"cold": 0.3, "warm": 0.0025}}}


def results(startup_version: str) -> dict:
    return {
        "machine": {"cpu": "x", "kratom_dataset": "9.9.0"},
        "startup": STARTUP,
        "measured_with": {"startup": startup_version},
    }


def target_row(markdown: str, name: str) -> str:
    return next(line for line in markdown.splitlines() if line.startswith(f"| {name} |"))


def test_a_figure_from_an_older_release_names_it() -> None:
    row = target_row(bench.render(results("9.1.0")), "`import kratom_dataset`")
    assert "4 ms (measured with 9.1.0)" in row
    assert row.endswith("| goal met |")


def test_a_figure_of_the_current_release_needs_no_note() -> None:
    row = target_row(bench.render(results("9.9.0")), "`import kratom_dataset`")
    assert "measured with" not in row


def test_a_section_never_run_is_not_measured_and_names_no_release() -> None:
    row = target_row(bench.render(results("9.1.0")), "2 workers vs 1")
    assert row.endswith("| not measured |")
    assert "measured with" not in row


def test_the_versions_of_every_section_are_listed() -> None:
    md = bench.render({**results("9.1.0"), "measured_with": {"startup": "9.1.0", "instructions": "9.8.0"}})
    assert "- instructions: 9.8.0\n- startup: 9.1.0" in md


def test_every_tracked_section_says_which_release_measured_it() -> None:
    tracked = json.loads((ROOT / "benchmarks" / "results.json").read_text(encoding="utf-8"))
    sections = set(tracked) - {"machine", "measured_with"}
    assert sections and sections == set(tracked["measured_with"])


def test_results_md_is_the_rendering_of_the_tracked_figures() -> None:
    tracked = json.loads((ROOT / "benchmarks" / "results.json").read_text(encoding="utf-8"))
    assert (ROOT / "benchmarks" / "RESULTS.md").read_text(encoding="utf-8") == bench.render(tracked)
