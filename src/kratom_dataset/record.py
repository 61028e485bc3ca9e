"""The base of every release record, and the parts records share: spans, provenance, cues.

:class:`Record` holds the configuration and the fast unvalidated constructor every table's
model inherits; the table models themselves are in :mod:`kratom_dataset.models`.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from typing_extensions import Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .vocabulary import ID_PATTERN, SHA256_PATTERN, CueType, Method


class Record(BaseModel):
    """Shared configuration: unknown fields are errors, records are immutable values."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

    @classmethod
    def trusted(cls, **fields: Any) -> Self:
        """A record made without validating its values, for bulk builds.

        A corpus build makes tens of thousands of records per megabyte, and validating each
        one costs a sixth of the extraction; it checks each batch's Arrow tables instead
        (:func:`kratom_dataset.constraints.check_table`, held by tests to these models' own
        validation). Field names are still checked here, so a misspelt or forgotten field
        fails where it is made, not as a missing column later.
        """
        names, defaults, mutable, all_set = _SHAPES.get(cls) or _shape(cls)
        values = fields
        if fields.keys() == names:
            # Every record given each field shares one set of the names: a frozen record never
            # changes it, and pydantic copies it before adding to it (``model_copy``).
            given = all_set
        else:
            unknown = sorted(fields.keys() - names)
            missing = sorted(names - defaults.keys() - fields.keys())
            if unknown or missing:
                raise TypeError(f"{cls.__name__}: unknown fields {unknown}, missing fields {missing}")
            values = {**(copy.deepcopy(defaults) if mutable else defaults), **fields}
            given = set(fields)
        record = cls.__new__(cls)
        _set_dict(record, values)
        _set_fields_set(record, given)
        _set_extra(record, None)
        _set_private(record, None)
        return record

    def validated(self) -> Self:
        """The same record put through the model's validation (raises pydantic's ValidationError)."""
        return type(self).model_validate(_data(self))


#: The setters of the slots every pydantic model has, called directly: ``object.__setattr__``
#: looks each one up by name on the record's class first, which costs a record a tenth of its making.
_set_dict, _set_fields_set, _set_extra, _set_private = (
    BaseModel.__dict__[name].__set__ for name in ("__dict__", "__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__")
)


_SHAPES: dict[type, tuple[frozenset[str], dict[str, Any], bool, set[str]]] = {}


def _shape(model: type[Record]) -> tuple[frozenset[str], dict[str, Any], bool, set[str]]:
    """Field names of ``model``, the defaults of the optional ones, whether any is a list, and
    the names again as the set a record given every field is marked with."""
    defaults = {name: info.default for name, info in model.model_fields.items() if not info.is_required()}
    names = frozenset(model.model_fields)
    shape = _SHAPES[model] = (names, defaults, any(isinstance(v, list) for v in defaults.values()), set(names))
    return shape


def _data(value: Any) -> Any:
    """A record as plain data, nested records included, read from its values as they are."""
    if isinstance(value, BaseModel):
        return {k: _data(v) for k, v in value.__dict__.items()}
    if isinstance(value, list):
        return [_data(v) for v in value]
    return value


class Span(Record):
    """A half-open range of Unicode code points in an article's text."""

    char_start: int = Field(ge=0)
    """Offset of the first code point, counted in the raw text decoded as UTF-8."""
    char_end: int = Field(ge=0)
    """Offset one past the last code point (end-exclusive)."""

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.char_end <= self.char_start:
            raise ValueError(f"char_end ({self.char_end}) must be greater than char_start ({self.char_start})")
        return self


class Provenance(Span):
    """Where a record came from: a Web Annotation text quote and position, plus the PROV agent."""

    article_id: str = Field(pattern=ID_PATTERN)
    """Id of the article whose text the offsets point into."""
    article_sha256: str = Field(pattern=SHA256_PATTERN)
    """SHA-256 of the article's raw bytes, so a quote can be checked against the exact source."""
    exact: str = Field(min_length=1)
    """The article's own characters at ``char_start:char_end`` (TextQuoteSelector.exact)."""
    prefix: str
    """Up to 32 characters before the quote, for re-anchoring if offsets drift; empty at the start."""
    suffix: str
    """Up to 32 characters after the quote; empty at the end of the text."""
    section_index: int = Field(ge=0)
    """Index of the section the quote starts in (see ``articles.sections``)."""
    section: str = Field(min_length=1)
    """Heading of that section, or its role (summary, intro, conclusion ...) when it has none."""
    sentence_id: str | None = None
    """Id of the sentence the quote starts in; null for records wider than one sentence."""
    method: Method
    """``rule`` for records made by an extractor, ``curated`` for records written by a person."""
    extractor: str = Field(min_length=1)
    """Name of the extractor (software agent) that produced the record."""
    extractor_version: str = Field(min_length=1)
    """Version of that extractor; a change of rules bumps it."""

    @model_validator(mode="after")
    def _exact_fits_span(self) -> Self:
        if len(self.exact) != self.char_end - self.char_start:
            raise ValueError(
                f"exact has {len(self.exact)} characters but the span "
                f"[{self.char_start}, {self.char_end}) covers {self.char_end - self.char_start}"
            )
        return self


class Cue(Span):
    """A word or phrase that signals a hedge, a negation or an evidence attribution."""

    text: str = Field(min_length=1)
    """The cue as written."""
    cue_type: CueType
    """``speculation`` (may, suggests), ``negation`` (not, without) or ``evidence`` (studies suggest)."""

    @model_validator(mode="after")
    def _text_fits_span(self) -> Self:
        if len(self.text) != self.char_end - self.char_start:
            raise ValueError("cue text length does not match its span")
        return self


def within(record_span: Span, inner: Span) -> bool:
    return record_span.char_start <= inner.char_start and inner.char_end <= record_span.char_end
