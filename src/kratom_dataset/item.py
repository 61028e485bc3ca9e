"""What a build reads and what it turns away: one :class:`Item` per article, one :class:`Reject`
per input that is not in the build, with its reason code (the table in ``docs/codes.md``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, TypedDict, TypeGuard, get_args

#: Why an input is not in a build: every reason a rejects report can carry. ``docs/codes.md``
#: says what each means and what to do. (``SourceError`` also has reasons that are only ever
#: raised and stop a build, ``changed`` and ``rejected``; they are not reject reasons.)
RejectReason = Literal[
    "unreadable",
    "unreadable-parquet",
    "missing",
    "not-a-regular-file",
    "symlink-loop",
    "too-large",
    "empty",
    "whitespace-only",
    "binary",
    "nul-bytes",
    "utf16",
    "utf32",
    "not-utf8",
    "html",
    "invalid-unicode",
    "duplicate",
    "duplicate-id",
]

REJECT_REASONS: frozenset[str] = frozenset(get_args(RejectReason))


def is_reject_reason(reason: str) -> TypeGuard[RejectReason]:
    """Whether ``reason`` (a :class:`~kratom_dataset.errors.SourceError`'s, a plain ``str``) is a reject reason."""
    return reason in REJECT_REASONS


def reject_reason(reason: str) -> RejectReason:
    """``reason`` as a reject reason; a reason no rejects report may carry is a bug in the caller."""
    if not is_reject_reason(reason):
        raise ValueError(f"{reason!r} is not a reject reason (kratom_dataset.item.RejectReason)")
    return reason


class RejectRow(TypedDict):
    """A :class:`Reject` as JSON: in a batch's done-marker, a rejects report and a release manifest."""

    file: str
    reason: RejectReason
    detail: str


@dataclass(frozen=True)
class Reject:
    """One input that is not in the build, and why."""

    file: str
    reason: RejectReason
    detail: str

    def to_row(self) -> RejectRow:
        return {"file": self.file, "reason": self.reason, "detail": self.detail}


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
    reason: RejectReason = "unreadable"
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
