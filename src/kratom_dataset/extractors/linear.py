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
        get = self.weights.get
        scores = list(self.intercepts)
        for x, names in seen:
            rows = [row for row in map(get, names) if row is not None]
            if rows:
                sums = map(sum, zip(*rows))
                scores = list(map(add, scores, sums if x == 1.0 else (w * x for w in sums)))
        best = max(range(len(scores)), key=scores.__getitem__)
        if margin and rules in self.classes:
            top = scores[best]
            odds = [math.exp(score - top) for score in scores]
            if (odds[best] - odds[self.classes.index(rules)]) / sum(odds) < margin:
                return rules
        return self.classes[best]


def decide(models: dict[str, Linear], fields: Sequence[str], seen: Features, margin: float) -> dict[str, Any]:
    """Each of ``fields`` as ``models`` read it from ``seen``, the rules' reading kept unless the
    model is ``margin`` surer of its own."""
    out: dict[str, Any] = {}
    for name in fields:
        own = rules_value(seen, name)
        out[name] = models[name].choose(seen, rules=None if own == "None" else own, margin=margin)
    return out


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
    """The models of lexicon ``name``, by field."""
    return {field: linear(data) for field, data in lexicons.read(name)["fields"].items()}


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
