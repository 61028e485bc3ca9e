"""Linear models read from the lexicons: how the readers (:mod:`.dose_reading`,
:mod:`.claim_reading`) turn the features of a record into a field's value.

A model is a weight per feature and class; the class whose weighted features sum highest wins.
The weights are data, written by :mod:`kratom_dataset.train` from the dev passages only, and a
feature is a name ("unit=g", "s:taper") with a value, so the same page always reads the same way.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections.abc import Sequence
from operator import add
from typing import Any, NamedTuple, TypeVar

from pydantic import BaseModel

from .. import lexicon as lexicons

_TOKEN = re.compile(r"[a-z]+|\d+")

#: What a model reads of a record: features in groups that share a value (1.0 for most: the
#: word is there), each group the value and the features' names, in the text's order.
Features = list[tuple[float, list[str]]]

R = TypeVar("R", bound=BaseModel)


class Linear(NamedTuple):
    """One field's multinomial logistic model."""

    classes: tuple[str | None, ...]
    intercepts: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]

    def choose(self, seen: Features, rules: str | None = None, margin: float = 0.0) -> Any:
        """The class whose intercept and weighted features ``seen`` sum highest (the first of
        equals); but ``rules``, the rules' own reading, where the model's probability of its
        choice exceeds that of ``rules`` by less than ``margin``."""
        return _pick(self.classes, _scores(self.intercepts, self.weights, seen), rules, margin)


def _scores(intercepts: tuple[float, ...], weights: dict[str, tuple[float, ...]], seen: Features) -> list[float]:
    get = weights.get
    scores = list(intercepts)
    for x, names in seen:
        rows = [*filter(None, map(get, names))]  # the features the model has weights for
        if rows:
            sums = map(sum, zip(*rows))
            scores = list(map(add, scores, sums if x == 1.0 else map(x.__mul__, sums)))
    return scores


def _pick(classes: tuple[str | None, ...], scores: Sequence[float], rules: str | None, margin: float) -> Any:
    best = max(range(len(scores)), key=scores.__getitem__)
    if margin and classes[best] != rules and rules in classes:
        top = scores[best]
        odds = [math.exp(score - top) for score in scores]
        if (odds[best] - odds[classes.index(rules)]) / sum(odds) < margin:
            return rules
    return classes[best]


class Bundle(NamedTuple):
    """Several fields' models read in one pass: each feature's weights for every class of every
    field in one row, so a record's features are looked up once, not once per field."""

    fields: tuple[str, ...]
    models: tuple[Linear, ...]
    spans: tuple[tuple[int, int], ...]
    intercepts: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]

    @classmethod
    def of(cls, models: dict[str, Linear], fields: Sequence[str]) -> Bundle:
        chosen = tuple(models[name] for name in fields)
        spans, at = [], 0
        for model in chosen:
            spans.append((at, at + len(model.classes)))
            at += len(model.classes)
        weights: dict[str, tuple[float, ...]] = {}
        for feature in dict.fromkeys(f for model in chosen for f in model.weights):
            weights[feature] = tuple(w for model in chosen for w in model.weights.get(feature, (0.0,) * len(model.classes)))
        return cls(tuple(fields), chosen, tuple(spans), tuple(b for model in chosen for b in model.intercepts), weights)


#: Bundles of the models last read, by the identity of their dict (kept beside it, so an id is
#: never mistaken for another dict's): the readers pass the same dict for every record.
_BUNDLES: dict[int, tuple[dict[str, Linear], Bundle]] = {}


def _bundle(models: dict[str, Linear], fields: Sequence[str]) -> Bundle:
    held = _BUNDLES.get(id(models))
    if held is None or held[0] is not models or held[1].fields != tuple(fields):
        if len(_BUNDLES) >= 32:
            _BUNDLES.clear()
        held = _BUNDLES[id(models)] = (models, Bundle.of(models, fields))
    return held[1]


def decide(models: dict[str, Linear], fields: Sequence[str], seen: Features, margin: float | dict[str, float]) -> dict[str, Any]:
    """Each of ``fields`` as ``models`` read it from ``seen``, the rules' reading kept unless the
    model is ``margin`` (one for all, or by field) surer of its own."""
    bundle = _bundle(models, fields)
    scores = _scores(bundle.intercepts, bundle.weights, seen)
    ruled = _ruled(seen, bundle.fields)
    out: dict[str, Any] = {}
    for name, model, (lo, hi) in zip(bundle.fields, bundle.models, bundle.spans, strict=True):
        own = ruled[name]
        out[name] = _pick(
            model.classes, scores[lo:hi], None if own == "None" else own, margin[name] if isinstance(margin, dict) else margin
        )
    return out


def _ruled(seen: Features, fields: Sequence[str]) -> dict[str, str]:
    """The rules' value of each of ``fields``, as :func:`rules_value` reads one, in one pass."""
    out: dict[str, str] = {}
    for _, group in seen:
        for name in group:
            head, eq, rest = name.partition("=")
            if eq and head in fields and head not in out:
                out[head] = rest
        if len(out) == len(fields):
            return out
    missing = next(f for f in fields if f not in out)
    return {**out, missing: rules_value(seen, missing)}  # raises as rules_value does


def updated(record: R, update: dict[str, Any]) -> R:
    """``record`` with the fields of ``update``: the record itself where none of them changes."""
    return record if all(getattr(record, k) == v for k, v in update.items()) else record.model_copy(update=update)


def rules_value(seen: Features, field: str) -> str:
    """The value the rules gave ``field``, as its feature ``field=value`` among ``seen`` writes it."""
    head = field + "="
    return next(name for _, group in seen for name in group if name.startswith(head))[len(head) :]


def linear(data: dict[str, Any]) -> Linear:
    """A :class:`Linear` from one field of a weights file."""
    return Linear(tuple(data["classes"]), tuple(data["intercepts"]), {k: tuple(v) for k, v in data["weights"].items()})


@functools.cache
def models(name: str) -> dict[str, Linear]:
    """The models of lexicon ``name``, by field; the parsed weights file is kept only as these."""
    fields = lexicons.read(name)["fields"]
    lexicons.forget(name)
    return {field: linear(data) for field, data in fields.items()}


def words(text: str) -> list[str]:
    """The lower-case words and numbers of ``text``, in order: what every word feature is made of."""
    return _TOKEN.findall(text.lower())


def value(field: object) -> str:
    """A field's value as a feature writes it ("None" for no value)."""
    return "None" if field is None else str(field)


def sentence_at(starts: Sequence[int], ends: Sequence[int], position: int) -> int | None:
    """The index of the sentence holding ``position``, given where each starts and ends."""
    k = bisect.bisect_right(starts, position) - 1
    return k if k >= 0 and position < ends[k] else None
