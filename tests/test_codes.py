"""Issue codes and reject reasons: every one the code uses is in its Literal and in docs/codes.md."""

from __future__ import annotations

import re
from pathlib import Path
from typing import get_args

from kratom_dataset.checks import IssueCode
from kratom_dataset.item import RejectReason

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "kratom_dataset"
DOC = ROOT / "docs" / "codes.md"

#: SourceError reasons that stop a build and never reach a rejects report.
RAISED_ONLY = {"changed", "rejected"}

# report.add("code", ...), self.report.add("code", ...), Issue("code", ...)
_ADD = re.compile(r"""(?:\.add|\bIssue)\(\s*"([a-z0-9-]+)"\s*,""")
# constraints.py: self.flag(mask, ids, path, "code", "message" or f"message")
_FLAG = re.compile(r"""\.flag\(.*?"([a-z0-9]+(?:-[a-z0-9]+)+)"\s*,\s*f?["']""")
# reason="..." (SourceError, Item) and Reject(file, "reason", detail)
_REASON = re.compile(r"""\breason="([a-z0-9-]+)"|\bReject\(\s*[^,()]+,\s*"([a-z0-9-]+)\"""")


def _sources() -> dict[Path, str]:
    return {path: path.read_text(encoding="utf-8") for path in sorted(SRC.rglob("*.py"))}


def _used(pattern: re.Pattern[str]) -> dict[str, list[str]]:
    """Each string the pattern captures in the package's sources, with the files that use it."""
    found: dict[str, list[str]] = {}
    for path, text in _sources().items():
        for match in pattern.finditer(text):
            value = next(g for g in match.groups() if g)
            found.setdefault(value, []).append(path.relative_to(SRC).as_posix())
    return found


def _table(heading: str) -> list[str]:
    """The first column (without backticks) of the table under ``## heading`` in docs/codes.md."""
    text = DOC.read_text(encoding="utf-8")
    section = text.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    cells = [row.strip("|").split("|")[0].strip() for row in rows[2:]]  # after the header and the --- line
    return [cell.strip("`") for cell in cells]


def test_the_source_scan_finds_codes_at_all() -> None:
    """Guard the regexes: a scan that finds nothing would pass every test below."""
    assert {"duplicate-key", "invalid-type", "missing-value", "too-many-issues"} <= set(_used(_ADD)) | set(_used(_FLAG))
    assert {"not-utf8", "duplicate", "too-large", "changed"} <= set(_used(_REASON))


def test_every_issue_code_used_is_an_issue_code() -> None:
    used = {**_used(_ADD), **_used(_FLAG)}
    missing = {code: files for code, files in used.items() if code not in get_args(IssueCode)}
    assert not missing, f"add these to checks.IssueCode and docs/codes.md: {missing}"


def test_every_issue_code_is_used() -> None:
    used = set(_used(_ADD)) | set(_used(_FLAG))
    assert set(get_args(IssueCode)) - used == set(), "IssueCode holds codes nothing reports"


def test_every_reject_reason_used_is_a_reject_reason() -> None:
    used = _used(_REASON)
    missing = {reason: files for reason, files in used.items() if reason not in get_args(RejectReason) and reason not in RAISED_ONLY}
    assert not missing, f"add these to item.RejectReason and docs/codes.md (or to RAISED_ONLY here): {missing}"


def test_reject_reasons_are_exactly_those_a_rejects_report_can_carry() -> None:
    reasons = set(get_args(RejectReason))
    assert reasons == set(_used(_REASON)) - RAISED_ONLY
    assert not reasons & RAISED_ONLY


def test_docs_list_every_issue_code_once() -> None:
    documented = _table("Issue codes")
    assert len(documented) == len(set(documented)), "a code is listed twice"
    assert set(documented) == set(get_args(IssueCode))


def test_docs_list_every_reject_reason_once() -> None:
    documented = _table("Reject reasons")
    assert len(documented) == len(set(documented)), "a reason is listed twice"
    assert set(documented) == set(get_args(RejectReason))


def test_every_doc_row_says_what_is_wrong_and_what_to_do() -> None:
    text = DOC.read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.startswith("| `"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            assert len(cells) == 3 and all(cells), line
