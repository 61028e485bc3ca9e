"""CHANGELOG, package version and releases on disk tell the same story."""

from __future__ import annotations

import json
import re

from conftest import PROCESSED, ROOT
from kratom_dataset import __version__
from kratom_dataset.semver import Version

HEADING = re.compile(r"^## \[(\d+\.\d+\.\d+)\] - (\d{4}-\d{2}-\d{2})$", re.MULTILINE)


def entries():
    return HEADING.findall((ROOT / "CHANGELOG.md").read_text(encoding="utf-8"))


def test_newest_changelog_entry_is_the_package_version():
    assert entries()[0][0] == __version__


def test_entries_are_newest_first_with_increasing_dates():
    versions = [Version.parse(v) for v, _ in entries()]
    dates = [d for _, d in entries()]
    assert versions == sorted(versions, reverse=True)
    assert dates == sorted(dates, reverse=True)


def test_every_release_on_disk_has_an_entry_and_a_matching_manifest():
    listed = {v for v, _ in entries()}
    for folder in PROCESSED.iterdir():
        if Version.is_valid(folder.name):
            assert folder.name in listed
            assert json.loads((folder / "manifest.json").read_text())["version"] == folder.name
