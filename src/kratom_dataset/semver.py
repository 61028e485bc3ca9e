"""Release versions: semantic versions that name the data, compared numerically."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .errors import UnknownVersionError

_VERSION = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")


@dataclass(frozen=True, order=True)
class Version:
    """MAJOR.MINOR.PATCH without leading zeros, ordered numerically (0.10.0 > 0.9.0)."""

    major: int
    minor: int
    patch: int

    @classmethod
    def parse(cls, text: str) -> Version:
        m = _VERSION.match(text) if isinstance(text, str) else None
        if not m:
            raise UnknownVersionError(
                f"{text!r} is not a release version.", hint="Versions look like 0.1.0 (MAJOR.MINOR.PATCH)."
            )
        return cls(*(int(g) for g in m.groups()))

    @staticmethod
    def is_valid(text: str) -> bool:
        return isinstance(text, str) and bool(_VERSION.match(text))

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"
