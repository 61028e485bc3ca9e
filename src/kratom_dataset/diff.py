"""Record-level differences between two releases, by stable id, and the version bump they need.

The rules are those of DESIGN's releases section (after TensorFlow Datasets and Croissant):
PATCH when every existing record reads the same; MINOR when records, fields or tables are only
added; MAJOR when any existing record changes or disappears, or a field is renamed or retyped.
While the major version is 0, SemVer lets anything change: releases 0.x follow the 0.x rule,
where a change that needs MAJOR takes a MINOR bump and one that needs MINOR takes a PATCH bump.
Both rules are reported, with the bump the two versions actually took.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import UnknownVersionError
from .models import TABLES

BUMPS = ("patch", "minor", "major")


def bump_between(old: str, new: str) -> str | None:
    """The bump from version ``old`` to ``new`` (``major``, ``minor``, ``patch``), or None when
    either is not a version or ``new`` is not later."""
    from .semver import Version

    if not (Version.is_valid(old) and Version.is_valid(new)):
        return None
    a, b = Version.parse(old), Version.parse(new)
    if not a < b:
        return None
    return "major" if b.major > a.major else "minor" if b.minor > a.minor else "patch"


@dataclass
class TableDiff:
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: dict[str, list[str]] = field(default_factory=dict)  # id -> changed field paths
    fields_added: list[str] = field(default_factory=list)
    fields_removed: list[str] = field(default_factory=list)
    fields_retyped: list[str] = field(default_factory=list)
    table_added: bool = False
    table_removed: bool = False

    @property
    def empty(self) -> bool:
        return not (
            self.added
            or self.removed
            or self.changed
            or self.fields_added
            or self.fields_removed
            or self.fields_retyped
            or self.table_added
            or self.table_removed
        )


@dataclass
class ReleaseDiff:
    old: str
    new: str
    tables: dict[str, TableDiff]

    @property
    def required_bump(self) -> str:
        """The smallest version bump that the differences allow."""
        if any(t.removed or t.changed or t.fields_removed or t.fields_retyped or t.table_removed for t in self.tables.values()):
            return "major"
        if any(t.added or t.fields_added or t.table_added for t in self.tables.values()):
            return "minor"
        return "patch"

    @property
    def zero_rule_bump(self) -> str:
        """The smallest bump under SemVer's 0.x rule (major version 0: one level lower)."""
        return BUMPS[max(0, BUMPS.index(self.required_bump) - 1)]

    @property
    def taken_bump(self) -> str | None:
        return bump_between(self.old, self.new)

    def verdict(self) -> str:
        """Whether the bump the two versions took satisfies the rule that applies to them."""
        taken = self.taken_bump
        if taken is None:
            return "the two are not versions in order; no bump to check"
        zero = self.old.startswith("0.") and self.new.startswith("0.")
        needed = self.zero_rule_bump if zero else self.required_bump
        ok = BUMPS.index(taken) >= BUMPS.index(needed)
        rule = "the 0.x rule" if zero else "the strict rule"
        return f"{self.new} took a {taken.upper()} bump, which {'satisfies' if ok else 'does NOT satisfy'} {rule} (needs {needed.upper()})"

    def to_dict(self) -> dict[str, Any]:
        return {
            "old": self.old,
            "new": self.new,
            "required_bump": self.required_bump,
            "zero_rule_bump": self.zero_rule_bump,
            "taken_bump": self.taken_bump,
            "tables": {
                name: {
                    "added": t.added,
                    "removed": t.removed,
                    "changed": t.changed,
                    "fields_added": t.fields_added,
                    "fields_removed": t.fields_removed,
                    "fields_retyped": t.fields_retyped,
                    "table_added": t.table_added,
                    "table_removed": t.table_removed,
                }
                for name, t in self.tables.items()
            },
        }

    def to_text(self) -> str:
        head = f"{self.old} -> {self.new}: needs at least a {self.required_bump.upper()} bump"
        zero = f"(a {self.zero_rule_bump.upper()} bump under the 0.x rule, while the major version is 0)"
        lines = [f"{head} {zero}", f"  {self.verdict()}"]
        for name, t in self.tables.items():
            if t.empty:
                lines.append(f"  {name}: unchanged")
                continue
            parts = [f"+{len(t.added)} added", f"-{len(t.removed)} removed", f"~{len(t.changed)} changed"]
            if t.table_added or t.table_removed:
                parts.insert(0, "table added" if t.table_added else "table removed")
            for label, names in (
                ("fields added", t.fields_added),
                ("fields removed", t.fields_removed),
                ("fields retyped", t.fields_retyped),
            ):
                if names:
                    parts.append(f"{label}: {', '.join(names)}")
            lines.append(f"  {name}: " + "; ".join(parts))
            for rid, fields in list(t.changed.items())[:20]:
                lines.append(f"    ~ {rid}: {', '.join(fields)}")
            if len(t.changed) > 20:
                lines.append(f"    ... {len(t.changed) - 20} more changed records")
        return "\n".join(lines)


def _folder(release: str | Path) -> tuple[str, Path]:
    from .reader import release_dir

    path = Path(release)
    if path.is_dir() and (path / "manifest.json").is_file():
        return path.name, path
    if isinstance(release, str):
        return release, release_dir(release)
    raise UnknownVersionError(f"{release} is neither a release version nor a release folder.")


def _changed_fields(a: object, b: object, prefix: str = "") -> list[str]:
    if isinstance(a, dict) and isinstance(b, dict):
        out = []
        for key in sorted(set(a) | set(b)):
            out += _changed_fields(a.get(key), b.get(key), f"{prefix}{key}.")
        return out
    return [] if a == b else [prefix.rstrip(".")]


def diff(old: str | Path, new: str | Path) -> ReleaseDiff:
    """Compare two releases (versions or folders) record by record through their ids."""
    import pyarrow.parquet as pq

    old_name, old_dir = _folder(old)
    new_name, new_dir = _folder(new)
    names = list(TABLES) + sorted({p.stem for d in (old_dir, new_dir) for p in d.glob("*.parquet")} - set(TABLES))
    tables = {}
    for name in names:
        a_path, b_path = old_dir / f"{name}.parquet", new_dir / f"{name}.parquet"
        t = TableDiff()
        if not a_path.exists() and not b_path.exists():
            continue
        if not a_path.exists():
            t.table_added = True
            t.added = sorted(pq.read_table(b_path, columns=["id"]).column("id").to_pylist())
        elif not b_path.exists():
            t.table_removed = True
            t.removed = sorted(pq.read_table(a_path, columns=["id"]).column("id").to_pylist())
        else:
            a, b = pq.read_table(a_path), pq.read_table(b_path)
            a_fields = {f.name: f.type for f in a.schema}
            b_fields = {f.name: f.type for f in b.schema}
            t.fields_added = sorted(set(b_fields) - set(a_fields))
            t.fields_removed = sorted(set(a_fields) - set(b_fields))
            t.fields_retyped = sorted(n for n in set(a_fields) & set(b_fields) if not a_fields[n].equals(b_fields[n]))
            shared = sorted((set(a_fields) & set(b_fields)) - set(t.fields_retyped))
            rows_a = {r["id"]: r for r in a.select(shared).to_pylist()}
            rows_b = {r["id"]: r for r in b.select(shared).to_pylist()}
            t.added = sorted(set(rows_b) - set(rows_a))
            t.removed = sorted(set(rows_a) - set(rows_b))
            for rid in sorted(set(rows_a) & set(rows_b)):
                changed = _changed_fields(rows_a[rid], rows_b[rid])
                if changed:
                    t.changed[rid] = changed
        tables[name] = t
    return ReleaseDiff(old_name, new_name, tables)
