"""One exception hierarchy for everything the package refuses to do.

Every error carries a stable ``code`` (kebab-case, safe to match on), the ``where`` it happened
(a file, table, version or record) and a ``hint`` saying what to do next. The CLI prints
``[code] message`` and exits 1 instead of showing a traceback.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Protocol


class KratomDatasetError(Exception):
    """Root of every error the package raises on purpose."""

    code = "kratom-dataset-error"

    def __init__(self, message: str, *, where: str | None = None, hint: str | None = None):
        self.message = message
        self.where = where
        self.hint = hint
        super().__init__(self.__str__())

    def __str__(self) -> str:
        text = self.message
        if self.where:
            text = f"{self.where}: {text}"
        if self.hint:
            text = f"{text} {self.hint}"
        return text


class SourceError(KratomDatasetError):
    """A raw article could not be read as text (missing, not UTF-8, empty ...).

    ``reason`` is a stable short code for the rejects report: ``empty``, ``whitespace-only``,
    ``not-utf8``, ``utf16``, ``utf32``, ``binary``, ``nul-bytes``, ``html``, ``too-large``,
    ``duplicate``, ``duplicate-id``, ``unreadable``, ``unreadable-parquet``, ``invalid-unicode``,
    ``not-a-regular-file``, ``symlink-loop``, ``changed``, ``missing``.
    """

    code = "source-error"

    def __init__(self, message: str, *, reason: str = "unreadable", where: str | None = None, hint: str | None = None):
        self.reason = reason
        super().__init__(message, where=where, hint=hint)


class IntegrityError(KratomDatasetError):
    """A release file does not match its manifest: changed, truncated, missing or unreadable."""

    code = "integrity-error"


class UnknownTableError(KratomDatasetError, KeyError):
    """The table name is not one of the release tables."""

    code = "unknown-table"

    def __str__(self) -> str:  # KeyError would otherwise quote the message
        return KratomDatasetError.__str__(self)


class UnknownVersionError(KratomDatasetError, LookupError):
    """No release of that version is available."""

    code = "unknown-version"


class InvalidVersionError(KratomDatasetError, ValueError):
    """A version string is not a Semantic Versioning 2.0.0 version; refused before any path is built from it."""

    code = "invalid-version"


class OutputError(KratomDatasetError):
    """A build could not write its output: the disk is full, the folder is read-only or not writable."""

    code = "output-error"


class ReleaseError(KratomDatasetError):
    """A release could not be written (conflicts with a published one, bad target ...)."""

    code = "release-error"


class SchemaDriftError(KratomDatasetError):
    """The checked-in JSON Schema files differ from the models."""

    code = "schema-drift"


class EngineError(KratomDatasetError):
    """A corpus build's engine could not run: unknown engine, dask missing, scheduler unreachable."""

    code = "engine-error"


class LexiconError(KratomDatasetError):
    """A shipped lexicon does not hold together: a pattern uses a piece the lexicon does not name."""

    code = "lexicon-error"


class TrainingError(KratomDatasetError):
    """The readers could not be trained: scikit-learn missing, the test split, or no example to learn from."""

    code = "training-error"


class IssueReport(Protocol):
    """What :class:`ValidationFailed` carries: a :class:`kratom_dataset.checks.Report`.

    A protocol rather than an import, since :mod:`kratom_dataset.checks` depends on this module.
    """

    def to_text(self) -> str: ...


class ValidationFailed(KratomDatasetError):
    """A release or a set of records broke at least one consistency rule."""

    code = "validation-failed"

    def __init__(self, message: str, *, report: IssueReport | None = None, where: str | None = None, hint: str | None = None):
        self.report = report
        super().__init__(message, where=where, hint=hint)


def did_you_mean(name: str, choices: Iterable[str]) -> str:
    """Return a 'Did you mean ...?' sentence and the list of valid choices, for messages."""
    choices = sorted(choices)
    close = difflib.get_close_matches(name, choices, n=1)
    guess = f"Did you mean {close[0]!r}? " if close else ""
    return f"{guess}Available: {', '.join(choices) if choices else '(none)'}."
