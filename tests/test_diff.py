"""Record-level diffs between releases, and the version bump each published release needed."""

from __future__ import annotations

import itertools
import re
import shutil

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from conftest import PROCESSED, ROOT
from kratom_dataset.cli import main
from kratom_dataset.diff import BUMPS, ReleaseDiff, bump_between, diff
from kratom_dataset.semver import Version

PUBLISHED = sorted((p for p in PROCESSED.iterdir() if Version.is_valid(p.name)), key=lambda p: Version.parse(p.name))


def changelog_rules() -> dict[str, str]:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    out = {}
    for block in re.split(r"^## ", text, flags=re.MULTILINE)[1:]:
        version = re.match(r"\[(\d+\.\d+\.\d+)\]", block)
        rule = re.search(r"Would need: (MAJOR|MINOR|PATCH)", block)
        if version:
            out[version.group(1)] = rule.group(1).lower() if rule else None
    return out


def actual_bump(old: Version, new: Version) -> str:
    if new.major != old.major:
        return "major"
    return "minor" if new.minor != old.minor else "patch"


def test_each_release_bumps_enough_over_the_one_before():
    """Holds from the second release on; with one release there is nothing to compare yet."""
    for old, new in itertools.pairwise(PUBLISHED):
        required = diff(old, new).required_bump
        a, b = Version.parse(old.name), Version.parse(new.name)
        assert b > a
        if a.major == 0:
            # 0.x: any change may ship in a minor release, but the CHANGELOG must say what rule applied.
            assert changelog_rules()[new.name] == required, (old.name, new.name)
        else:
            assert BUMPS.index(actual_bump(a, b)) >= BUMPS.index(required), (old.name, new.name)


def test_every_release_states_the_rule_it_needed():
    rules = changelog_rules()
    assert all(rules[p.name] for p in PUBLISHED)


# The diff itself, on copies of a release ---------------------------------------------------------


@pytest.fixture
def pair(built_release, tmp_path):
    """Two writable copies of the built release (the session's own copy is never touched)."""
    old, new = tmp_path / "9.9.8", tmp_path / "9.9.9"
    shutil.copytree(built_release, old)
    shutil.copytree(built_release, new)
    return old, new


def rewrite(folder, table, change):
    path = folder / f"{table}.parquet"
    pq.write_table(change(pq.read_table(path)), path)


def test_identical_releases_need_a_patch(pair):
    result = diff(*pair)
    assert result.required_bump == "patch" and all(t.empty for t in result.tables.values())


def test_a_changed_record_needs_a_major_bump_and_names_the_field(pair):
    old, new = pair

    def change(t):
        rows = t.to_pylist()
        rows[0]["claim_type"] = "other" if rows[0]["claim_type"] != "other" else "efficacy"
        return pa.Table.from_pylist(rows, schema=t.schema)

    rewrite(new, "claims", change)
    result = diff(old, new)
    first = pq.read_table(old / "claims.parquet").column("id")[0].as_py()
    assert result.tables["claims"].changed == {first: ["claim_type"]}
    assert result.required_bump == "major"


def test_added_records_need_a_minor_bump(pair):
    old, new = pair
    rewrite(old, "doses", lambda t: t.slice(1))
    result = diff(old, new)
    assert len(result.tables["doses"].added) == 1 and result.required_bump == "minor"


def test_removed_records_need_a_major_bump(pair):
    old, new = pair
    rewrite(new, "doses", lambda t: t.slice(1))
    assert diff(old, new).required_bump == "major"


def test_an_added_field_needs_a_minor_bump_and_a_retyped_one_a_major(pair):
    old, new = pair
    rewrite(new, "topics", lambda t: t.append_column("score", pa.array([1.0] * t.num_rows)))
    assert diff(old, new).tables["topics"].fields_added == ["score"]
    assert diff(old, new).required_bump == "minor"
    rewrite(
        new,
        "topics",
        lambda t: t.set_column(
            t.schema.get_field_index("mention_count"), "mention_count", pa.array([str(v) for v in t.column("mention_count").to_pylist()])
        ),
    )
    assert diff(old, new).tables["topics"].fields_retyped == ["mention_count"]
    assert diff(old, new).required_bump == "major"


def test_cli_diff_text_and_json(pair):
    old, new = pair
    rewrite(new, "doses", lambda t: t.slice(1))
    text = CliRunner().invoke(main, ["diff", str(old), str(new)])
    assert text.exit_code == 0 and "needs at least a MAJOR bump" in text.output and "-1 removed" in text.output
    import json

    data = json.loads(CliRunner().invoke(main, ["diff", str(old), str(new), "--json"]).output)
    assert data["required_bump"] == "major" and len(data["tables"]["doses"]["removed"]) == 1


def test_cli_diff_unknown_version():
    result = CliRunner().invoke(main, ["diff", "0.1.0", "7.7.7"])
    assert result.exit_code == 1 and result.output.startswith("[unknown-version]")


@pytest.mark.parametrize(
    "old, new, taken",
    [
        ("0.1.0", "0.2.0", "minor"),
        ("0.2.0", "0.2.1", "patch"),
        ("0.9.0", "1.0.0", "major"),
        ("1.2.3", "1.2.3", None),
        ("0.2.0", "0.1.0", None),
    ],
)
def test_the_bump_two_versions_took(old, new, taken):
    assert bump_between(old, new) == taken


@pytest.mark.parametrize(
    "required, zero",
    [("major", "minor"), ("minor", "patch"), ("patch", "patch")],
)
def test_the_zero_rule_is_one_level_below_the_strict_rule(required, zero, monkeypatch):
    monkeypatch.setattr(ReleaseDiff, "required_bump", property(lambda self: required))
    assert ReleaseDiff("0.1.0", "0.2.0", {}).zero_rule_bump == zero


def test_diff_prints_both_rules_and_whether_the_bump_taken_satisfies_the_one_that_applies():
    text = CliRunner().invoke(main, ["diff", "0.1.0", "0.2.0"]).output
    assert "needs at least a MAJOR bump (a MINOR bump under the 0.x rule" in text
    assert "0.2.0 took a MINOR bump, which satisfies the 0.x rule" in text
