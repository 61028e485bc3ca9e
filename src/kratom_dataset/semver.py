"""Release versions: Semantic Versioning 2.0.0 strings that name the data, compared by precedence.

A version is also a folder name, so it is checked before any path is built from it: only the
characters SemVer allows (digits, ASCII letters, ``-``, ``.``, ``+``) can reach the file system,
and nothing that could climb out of the releases folder ("x/../..", "/abs", "").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .errors import InvalidVersionError

_IDENTIFIER = r"(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)"
# The grammar of semver.org (2.0.0), matched whole: MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD].
_VERSION = re.compile(
    r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
    rf"(?:-({_IDENTIFIER}(?:\.{_IDENTIFIER})*))?"
    r"(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?"
)


@functools.total_ordering
@dataclass(frozen=True, eq=True)
class Version:
    """A SemVer 2.0.0 version, ordered by precedence: numbers numerically (0.10.0 > 0.9.0), a
    pre-release before its release (1.0.0-rc.1 < 1.0.0). Build metadata names a different folder
    but has no precedence of its own, so two versions differing only there sort by their text."""

    major: int
    minor: int
    patch: int
    prerelease: tuple[str, ...] = ()
    build: str = ""

    @classmethod
    def parse(cls, text: object) -> Version:
        """The version ``text`` spells; :class:`InvalidVersionError` for anything else."""
        m = _VERSION.fullmatch(text) if isinstance(text, str) else None
        if not m:
            raise InvalidVersionError(
                f"{text!r} is not a semantic version.",
                hint="Versions look like 0.5.0 or 1.0.0-rc.1 (MAJOR.MINOR.PATCH, see semver.org); no 'v', no leading zeros, no paths.",
            )
        major, minor, patch, pre, build = m.groups()
        return cls(int(major), int(minor), int(patch), tuple(pre.split(".")) if pre else (), build or "")

    @staticmethod
    def is_valid(text: object) -> bool:
        return isinstance(text, str) and _VERSION.fullmatch(text) is not None

    def _key(self) -> tuple[int, int, int, int, tuple[tuple[int, int, str], ...], str]:
        # A release outranks its pre-releases; numeric identifiers rank below alphanumeric ones.
        pre = tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in self.prerelease)
        return (self.major, self.minor, self.patch, 0 if self.prerelease else 1, pre, self.build)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Version):
            return NotImplemented
        return self._key() < other._key()

    def __str__(self) -> str:
        text = f"{self.major}.{self.minor}.{self.patch}"
        if self.prerelease:
            text += "-" + ".".join(self.prerelease)
        if self.build:
            text += "+" + self.build
        return text
