"""Training the readers: the weights of :mod:`~kratom_dataset.extractors.dose_reading` (a
dose's role, purpose and preparation), :mod:`~kratom_dataset.extractors.claim_reading` (a claim's
type) and :mod:`~kratom_dataset.extractors.unit_reading` (whether a unit is a claim),
learned from the development passages by multinomial logistic regression (scikit-learn, the
``train`` extra).

Each record the rules find in a passage and the gold pairs with one (as scoring pairs them) is
an example: the features the reader computes from the rules' own reading, labelled with the
gold's fields. Only ``dev.jsonl`` trains; the frozen test split never does. The same passages
and rules give the same weights: the solver is deterministic and the weights are rounded.
"""

from __future__ import annotations

import collections
import hashlib
import json
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple

from .errors import TrainingError

#: The passages that train, relative to a checkout.
DEV = Path("data/raw/passages/dev.jsonl")
#: The readers, by the kind of record they read (see :func:`reader`); "unit" reads whether a
#: unit is a claim at all.
READERS = ("dose", "claim", "unit")
#: A feature seen in fewer training records than this is left out: too rare to learn a weight for.
MIN_COUNT = 5
#: The inverse of the regularisation strength (scikit-learn's ``C``); dev's grouped
#: cross-validation read the same within 0.01 from 0.3 to 10.
REGULARISATION = 1.0
#: Decimal places kept of each weight.
DIGITS = 4
#: The weights' version, which every record's ``extractor_version`` names: raise it with every
#: retrain that changes the weights (new dev passages, features, rules or settings).
VERSION = "1.30.0"


class Example(NamedTuple):
    """One record of a passage: what the reader sees of it, and the gold's fields it reads."""

    passage: str
    features: list[tuple[float, list[str]]]
    labels: dict[str, str | None]


def reader(kind: str) -> Any:
    """The reader module of records of ``kind`` ("dose", "claim" or "unit")."""
    from .extractors import claim_reading, dose_reading, unit_reading

    return {"dose": dose_reading, "claim": claim_reading, "unit": unit_reading}[kind]


def weights_file(kind: str) -> Path:
    """Where the package holds the weights of ``kind``'s reader (in a checkout: under ``src/``)."""
    return Path(str(resources.files("kratom_dataset.lexicons").joinpath(f"{reader(kind).MODEL}.json")))


def examples(path: Path = DEV) -> dict[str, list[Example]]:
    """The training examples of a passage file, by the kind of record, in file order."""
    _refuse_test(path)
    from .extractors import claim_reading, claims, dose_reading, find_records, unit_reading
    from .pairing import matched_pairs
    from .parse import parse_article
    from .scoring import FIELDS, gold_row, read_passages

    out: dict[str, list[Example]] = {kind: [] for kind in READERS}
    for passage in read_passages(path):
        doc = parse_article(passage["text"].encode("utf-8"), article_id="passage", source_file="passage")
        found = find_records(doc, reading=False)
        seen = {
            "dose": dose_reading.page_features(doc, found.doses),
            "claim": claim_reading.page_features(doc, found.claims, found.doses, found.mechanisms),
        }
        for kind, records in (("dose", found.doses), ("claim", found.claims)):
            golds = [r for r in passage["records"] if r["kind"] == kind]
            for gi, pi in matched_pairs(golds, [gold_row(r) for r in records], FIELDS[kind]):
                labels = {name: golds[gi].get(name) for name in reader(kind).FIELDS}
                out[kind].append(Example(passage["id"], seen[kind][pi], labels))
        claimed = {c.id for c in found.claims}  # the rules' claim units, one claim each
        spans = [(r["char_start"], r["char_end"]) for r in passage["records"] if r["kind"] == "claim"]
        for i in unit_reading.candidates(doc, claims.CLAIM_ROLES):
            s = doc.sentences[i]
            said = any(a < s.end and s.start < b for a, b in spans)
            out["unit"].append(
                Example(
                    passage["id"], unit_reading.features(doc, i, claims.claim_id(doc, i) in claimed), {"claim": "yes" if said else "no"}
                )
            )
    return out


def train(path: Path = DEV, data: dict[str, list[Example]] | None = None) -> dict[str, dict[str, Any]]:
    """Each weights file's content, by the kind of record its reader reads, trained on ``path``
    (``data``: its :func:`examples`, when the caller has them)."""
    _refuse_test(path)
    data = examples(path) if data is None else data
    if not all(data.values()):
        raise TrainingError("no record in the passages pairs with a gold record", where=str(path), hint="Train on annotated passages.")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return {
        kind: {
            "version": VERSION,
            "description": f"Weights of the {kind} reader ({reader(kind).__name__}), written by `kratom-dataset train --write`.",
            "trained_on": {"passages": path.name, "sha256": digest, "examples": len(data[kind])},
            "min_count": MIN_COUNT,
            "regularisation": REGULARISATION,
            "fields": _fit(data[kind], reader(kind).FIELDS),
        }
        for kind in READERS
    }


def cross_validate(path: Path = DEV, folds: int = 8, data: dict[str, list[Example]] | None = None) -> dict[str, tuple[float, float]]:
    """Per field, how often the rules alone and the model read a record as the gold does when
    the model never saw the batch it reads: the passages' batches ("rp5-a") are dealt into
    ``folds`` folds, and each fold is read by a model trained on the others. Scores on dev itself
    are training scores; these are the figure to quote for dev (``data`` as in :func:`train`)."""
    from .extractors import linear

    data = examples(path) if data is None else data
    out: dict[str, tuple[float, float]] = {}
    for kind, found in data.items():
        fields = reader(kind).FIELDS
        batches = sorted({_batch(ex.passage) for ex in found})
        fold_of = {b: n % folds for n, b in enumerate(batches)}
        right = {name: [0, 0] for name in fields}
        for fold in range(folds):
            held = [ex for ex in found if fold_of[_batch(ex.passage)] == fold]
            fitted = _fit([ex for ex in found if fold_of[_batch(ex.passage)] != fold], fields) if held else {}
            models = {name: linear.linear(fitted[name]) for name in fitted}
            for ex in held:
                read = reader(kind).decide(models, ex.features)
                for name in fields:
                    right[name][0] += linear.rules_value(ex.features, name) == _label(ex.labels[name])
                    right[name][1] += read[name] == ex.labels[name]
        out.update({name: (rules / len(found), model / len(found)) for name, (rules, model) in right.items()})
    return out


def _fit(data: list[Example], fields: tuple[str, ...]) -> dict[str, Any]:
    """Each field's classes, intercepts and weights, fitted to ``data``."""
    try:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
        from threadpoolctl import threadpool_limits
    except ImportError:
        raise TrainingError("training needs scikit-learn", hint="Install it with: pip install 'kratom-dataset[train]'") from None
    counts = collections.Counter(f for ex in data for _, group in ex.features for f in group)
    kept = {f for f, n in counts.items() if n >= MIN_COUNT}
    vectorizer = DictVectorizer(sort=True)
    matrix = vectorizer.fit_transform([{f: x for x, group in ex.features for f in group if f in kept} for ex in data])
    names = list(vectorizer.get_feature_names_out())
    out: dict[str, Any] = {}
    for name in fields:
        model = LogisticRegression(C=REGULARISATION, max_iter=5000)
        with threadpool_limits(limits=1):  # one thread: sums in one order, the same weights on any machine
            model.fit(matrix, [_label(ex.labels[name]) for ex in data])
        classes = [str(c) for c in model.classes_]
        coef = model.coef_ if len(classes) > 2 else [-model.coef_[0], model.coef_[0]]
        intercepts = model.intercept_ if len(classes) > 2 else [-model.intercept_[0], model.intercept_[0]]
        out[name] = {
            "classes": [None if c == _NONE else c for c in classes],
            "intercepts": [round(float(b), DIGITS) for b in intercepts],
            "weights": {f: [round(float(row[j]), DIGITS) for row in coef] for j, f in enumerate(names)},
        }
    return out


def _refuse_test(path: Path) -> None:
    if path.name == "test.jsonl":
        raise TrainingError("the frozen test split never trains", where=str(path), hint="Train on dev.jsonl.")


def _batch(passage: str) -> str:
    """The batch a passage id belongs to: "rp5-a" of "rp5-a-taper-guide-01", "rp-taper" of "rp-taper-003"."""
    return "-".join(passage.split("-")[:2])


def write(path: Path = DEV, data: dict[str, list[Example]] | None = None) -> dict[str, dict[str, Any]]:
    """Train on ``path`` and write each reader's weights into the package; returns them."""
    weights = train(path, data)
    for kind, content in weights.items():
        weights_file(kind).write_text(dumps(content), encoding="utf-8")
    return weights


def check(path: Path = DEV) -> dict[str, dict[str, Any]]:
    """Train on ``path`` and fail unless the package holds the same weights: a passage added to
    dev, or a rule that reads records differently, must be followed by a retrain."""
    weights = train(path)
    for kind, content in weights.items():
        where = weights_file(kind)
        shipped = json.loads(where.read_text(encoding="utf-8")) if where.is_file() else {}
        if shipped != json.loads(dumps(content)):
            moved = sorted(k for k in content if shipped.get(k) != content[k])
            raise TrainingError(
                f"the {kind} reader's weights are not what {path.name} trains ({', '.join(moved)} differ)",
                where=str(where),
                hint="Run: kratom-dataset train --write",
            )
    return weights


def dumps(weights: dict[str, Any]) -> str:
    """The weights as the file holds them: one feature per line, so a diff shows what moved."""
    head = {k: v for k, v in weights.items() if k != "fields"}
    lines = ["{", *(f"  {json.dumps(k)}: {json.dumps(v, sort_keys=True)}," for k, v in head.items()), '  "fields": {']
    for n, (name, field) in enumerate(weights["fields"].items()):
        lines.append(f"    {json.dumps(name)}: {{")
        lines.append(f'      "classes": {json.dumps(field["classes"])},')
        lines.append(f'      "intercepts": {json.dumps(field["intercepts"])},')
        lines.append('      "weights": {')
        rows = [f"        {json.dumps(f)}: {json.dumps(w)}" for f, w in field["weights"].items()]
        lines.append(",\n".join(rows))
        lines.append("      }")
        lines.append("    }" + ("," if n < len(weights["fields"]) - 1 else ""))
    lines += ["  }", "}"]
    return "\n".join(lines) + "\n"


_NONE = "None"


def _label(value: str | None) -> str:
    return _NONE if value is None else value
