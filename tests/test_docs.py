"""Docs that match the code: README's commands, CI, the CLI reference, the shipped releases."""

from __future__ import annotations

import re

import pytest

from conftest import PROCESSED, ROOT
from kratom_dataset.cli import main

README = (ROOT / "README.md").read_text(encoding="utf-8")


def readme_commands():
    block = re.search(r"```bash\n(.*?)```", README, re.DOTALL).group(1)
    return [line for line in block.splitlines() if line and not line.startswith("#")]


def test_readme_starts_with_the_build_and_the_test_command():
    build, test = readme_commands()
    assert "kratom-dataset build" in build and "pytest" in test
    assert README.index("```bash") < README.index("kratom-dataset is a Python package")


def test_ci_runs_the_readme_test_command_word_for_word():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert readme_commands()[1] in ci.splitlines()


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_cli_command_is_in_the_readme_and_has_help(command):
    assert f"kratom-dataset {command}" in README or f"/ `{command}`" in README
    assert main.commands[command].help


def test_docs_the_readme_points_to_exist():
    for path in re.findall(r"`((?:docs|schema|data|src)/[^`\s]*)`", README):
        assert (ROOT / path.rstrip("/").split("<")[0]).exists(), path


def test_installed_releases_are_exactly_the_repository_releases():
    """The wheel force-includes data/processed; what is installed must be those files, unchanged."""
    from kratom_dataset.reader import releases_root

    root = releases_root()
    expected = {p.relative_to(PROCESSED).as_posix(): p.read_bytes() for p in PROCESSED.rglob("*") if p.is_file()}
    found = {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}
    assert found == expected
