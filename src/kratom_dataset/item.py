"""What a build reads and what it turns away: one :class:`Item` per article, one :class:`Reject`
per input that is not in the build, with its reason code (the table in ``docs/errors.md``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

#: Why an input is not in a build; ``docs/errors.md`` says what each means and what to do.
RejectReason = Literal[
    "unreadable",
    "unreadable-parquet",
    "not-utf8",
    "invalid-unicode",
    "utf32",
    "binary",
    "empty",
    "too-large",
    "duplicate",
    "duplicate-id",
    "not-a-regular-file",
    "symlink-loop",
    "missing",
    "invalid-gold",
]


@dataclass(frozen=True)
class Reject:
    """One input that is not in the build, and why."""

    file: str
    reason: str
    detail: str


@dataclass(frozen=True)
class Item:
    """One article to build, or an input that could not even be read as one (``reject`` set).

    ``data`` holds a file's bytes, ``text`` a row's text; ``gold`` the bytes of the article's
    gold file when its raw folder has one.
    """

    article_id: str
    source: str
    text: str | None = None
    data: bytes | None = None
    title: str | None = None
    url: str | None = None
    retrieved_at: str | None = None
    reject: str | None = None
    reason: str = "unreadable"
    gold: bytes | None = None
    gold_source: str | None = None

    def metadata(self) -> dict[str, Any]:
        """What the input row says about the article that its text cannot: title, url, fetch time."""
        return {k: v for k, v in (("title", self.title), ("source_url", self.url), ("retrieved_at", self.retrieved_at)) if v is not None}

    def payload(self) -> bytes:
        """The article's bytes as read: a file's bytes, or a row's text in UTF-8."""
        return self.data if self.data is not None else (self.text or "").encode("utf-8")

    def as_reject(self) -> Reject:
        return Reject(self.source, self.reason, self.reject or "")
