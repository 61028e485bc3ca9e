"""Score the extractors against hand-written gold records: precision, recall, F1, field accuracy.

A predicted record matches a gold record of the same kind when their spans overlap; each gold
record matches at most one prediction (the largest overlap first, then the closest fields,
so two records sharing one span, like "opioid and GABA receptors", pair up by content). On matched pairs, the fields
that matter for each kind are compared one by one.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypedDict

from .errors import SourceError
from .pairing import GoldRow, matched_pairs, same
from .vocabulary import RECORD_KINDS

if TYPE_CHECKING:
    from .models import Record


class Passage(TypedDict):
    """One line of a passage file: a text and its gold records."""

    id: str
    text: str
    records: list[GoldRow]


class Miss(TypedDict):
    """A gold record no prediction matched, or a prediction that matched no gold record."""

    doc: str
    kind: str
    exact: str
    char_start: int


class Disagreement(TypedDict):
    """A field on which a matched prediction and its gold record differ."""

    doc: str
    kind: str
    field: str
    exact: str
    gold: Any
    predicted: Any


class FieldCount(TypedDict):
    correct: int
    compared: int


class KindSummary(TypedDict):
    """One kind's scores, as a manifest and ``evaluate --json`` give them."""

    gold: int
    predicted: int
    matched: int
    precision: float | None
    recall: float | None
    f1: float | None
    field_accuracy: float | None
    fields: dict[str, FieldCount]


KINDS = RECORD_KINDS

#: What is scored: the record kinds, plus the numeric doses alone (the figure real pages are
#: judged on), each as (record kind, dose kind or None).
SCORED = {
    "topic": ("topic", None),
    "claim": ("claim", None),
    "dose": ("dose", None),
    "numeric_dose": ("dose", "numeric"),
    "mechanism": ("mechanism", None),
}

#: Fields compared on matched pairs, per kind. Gold writes the doses table's ``kind`` as ``dose_kind``.
FIELDS = {
    "topic": ("topic_id",),
    "claim": ("claim_type", "polarity", "certainty", "evidence"),
    "dose": ("dose_kind", "amount_low", "amount_high", "unit", "preparation", "level", "role", "purpose"),
    "numeric_dose": ("amount_low", "amount_high", "unit", "comparator", "preparation", "level", "role", "purpose"),
    "mechanism": ("agent", "action", "target"),
}

#: The passage sets of a raw folder (``passages/<name>.jsonl``): ``dev`` is tuned on, ``test`` is frozen.
PASSAGE_SETS = ("dev", "test")


@dataclass
class KindScore:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    fields: dict[str, list[int]] = field(default_factory=dict)  # name -> [correct, compared]

    @property
    def precision(self) -> float | None:
        """None when nothing was predicted and nothing was there to find: no measurement, not 1.0."""
        if not self.predicted:
            return None if not self.gold else 0.0
        return self.matched / self.predicted

    @property
    def recall(self) -> float | None:
        if not self.gold:
            return None if not self.predicted else 0.0
        return self.matched / self.gold

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def field_accuracy(self) -> float | None:
        compared = sum(n for _, n in self.fields.values())
        return sum(c for c, _ in self.fields.values()) / compared if compared else None


@dataclass
class Evaluation:
    """Scores per kind plus every miss, spurious record and field disagreement, for reading."""

    kinds: dict[str, KindScore] = field(default_factory=lambda: {k: KindScore() for k in SCORED})
    missed: list[Miss] = field(default_factory=list)
    spurious: list[Miss] = field(default_factory=list)
    disagreements: list[Disagreement] = field(default_factory=list)

    def to_dict(self, details: bool = True) -> dict[str, Any]:
        """Scores by kind; with ``details``, under ``scores`` beside the misses, spurious records and disagreements."""
        scores: dict[str, KindSummary] = {
            kind: {
                "gold": s.gold,
                "predicted": s.predicted,
                "matched": s.matched,
                "precision": _rounded(s.precision),
                "recall": _rounded(s.recall),
                "f1": _rounded(s.f1),
                "field_accuracy": None if s.field_accuracy is None else round(s.field_accuracy, 4),
                "fields": {f: {"correct": c, "compared": n} for f, (c, n) in sorted(s.fields.items())},
            }
            for kind, s in self.kinds.items()
            if s.gold or s.predicted
        }
        if details:
            t = self.total
            total: dict[str, float | None] = {"gold": t.gold, "predicted": t.predicted, "matched": t.matched}
            total.update(precision=_rounded(t.precision), recall=_rounded(t.recall), f1=_rounded(t.f1))
            return {
                "scores": scores,
                "total": total,
                "missed": self.missed,
                "spurious": self.spurious,
                "disagreements": self.disagreements,
            }
        return scores

    @property
    def total(self) -> KindScore:
        """The record kinds pooled (numeric doses are counted once, with the doses).

        A set with no gold record and no prediction pools to zeros, whose scores are None:
        it shows ``n/a``, so an empty passage file never reads as a perfect score.
        """
        pooled = KindScore()
        for kind, s in self.kinds.items():
            if SCORED[kind][1] is not None:
                continue
            pooled.gold, pooled.predicted, pooled.matched = pooled.gold + s.gold, pooled.predicted + s.predicted, pooled.matched + s.matched
            pooled.fields.update({f"{kind}.{name}": counts for name, counts in s.fields.items()})
        return pooled

    def to_text(self) -> str:
        lines = ["kind           gold  pred  match  precision  recall     F1  field acc."]
        for kind, s in [*self.kinds.items(), ("total", self.total)]:
            if not s.gold and not s.predicted and kind != "total":
                continue
            lines.append(
                f"{kind:<13} {s.gold:>5} {s.predicted:>5} {s.matched:>6} {_shown(s.precision):>10} {_shown(s.recall):>7}"
                f" {_shown(s.f1):>6} {_shown(s.field_accuracy):>11}"
            )
        return "\n".join(lines)


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _shown(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def score_document(
    evaluation: Evaluation, doc_id: str, predicted: list[GoldRow], gold: list[GoldRow], kinds: Sequence[str] = KINDS
) -> None:
    """Add one document's predictions and gold records (both in the gold shape) to ``evaluation``.

    ``kinds`` are the record kinds the gold annotates; the numeric doses are scored with the doses.
    """
    for kind in (k for k, (record_kind, _) in SCORED.items() if record_kind in kinds):
        record_kind, dose_kind = SCORED[kind]
        preds = [r for r in predicted if r["kind"] == record_kind and (dose_kind is None or r.get("dose_kind") == dose_kind)]
        golds = [r for r in gold if r["kind"] == record_kind and (dose_kind is None or r.get("dose_kind") == dose_kind)]
        s = evaluation.kinds[kind]
        s.gold += len(golds)
        s.predicted += len(preds)
        pairs = matched_pairs(golds, preds, FIELDS[kind])
        for gi, pi in pairs:
            s.matched += 1
            g, p = golds[gi], preds[pi]
            for name in FIELDS[kind]:
                counts = s.fields.setdefault(name, [0, 0])
                counts[1] += 1
                if same(g.get(name), p.get(name)):
                    counts[0] += 1
                else:
                    evaluation.disagreements.append(
                        {"doc": doc_id, "kind": kind, "field": name, "exact": g["exact"], "gold": g.get(name), "predicted": p.get(name)}
                    )
        used_g = {gi for gi, _ in pairs}
        used_p = {pi for _, pi in pairs}
        evaluation.missed += [
            {"doc": doc_id, "kind": kind, "exact": g["exact"], "char_start": g["char_start"]}
            for i, g in enumerate(golds)
            if i not in used_g
        ]
        evaluation.spurious += [
            {"doc": doc_id, "kind": kind, "exact": p["exact"], "char_start": p["char_start"]}
            for i, p in enumerate(preds)
            if i not in used_p
        ]


def gold_row(record: Record) -> GoldRow:
    """An extracted record in the gold shape: span at top level, a dose's kind as ``dose_kind``."""
    from .extractors import to_json

    row = to_json(record)
    p = row.pop("provenance")
    row.update(char_start=p["char_start"], char_end=p["char_end"], exact=p["exact"])
    return row


def predict(text: str, article_id: str) -> list[GoldRow]:
    """The extractors' records for ``text`` in the gold shape: span at top level, a dose's kind as ``dose_kind``."""
    from .extractors import extract

    return [gold_row(record) for record in extract(text, article_id=article_id)]


def read_gold(path: Path) -> list[GoldRow]:
    """Gold records of one JSONL file."""
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def evaluate_dirs(gold_dir: Path = Path("data/raw/gold"), raw_dir: Path = Path("data/raw")) -> Evaluation:
    """Score the extractors on every ``<article_id>.jsonl`` in ``gold_dir`` against its raw article."""
    gold_dir, raw_dir = Path(gold_dir), Path(raw_dir)
    files = _article_files(raw_dir)
    evaluation = Evaluation()
    gold_files = sorted(gold_dir.glob("*.jsonl"))
    if not gold_files:
        raise SourceError("no gold files (*.jsonl)", reason="missing", where=str(gold_dir))
    for path in gold_files:
        article_id = path.stem
        if article_id not in files:
            raise SourceError(
                f"no raw article for gold file {path.name}", reason="missing", where=str(raw_dir), hint="List it in sources.csv."
            )
        text = files[article_id].read_bytes().decode("utf-8")
        score_document(evaluation, article_id, predict(text, article_id), read_gold(path))
    return evaluation


def evaluate_release(version: str | None = None) -> Evaluation:
    """Score the extractors on a release's gold table against its articles' texts (``provenance.exact``).

    Both ship in every release, so an installed package scores the seed gold without the
    repository's ``data/raw``; on the same gold it gives what :func:`evaluate_dirs` gives.
    """
    from .reader import load

    texts = {row["id"]: row["provenance"]["exact"] for row in load("articles", version).select(["id", "provenance"]).to_pylist()}
    by_article: dict[str, list[GoldRow]] = {}
    for row in load("gold", version).to_pylist():
        span = row.pop("provenance")
        row.update(char_start=span["char_start"], char_end=span["char_end"], exact=span["exact"])
        by_article.setdefault(row["article_id"], []).append(row)
    evaluation = Evaluation()
    for article_id, gold in sorted(by_article.items()):
        if article_id not in texts:
            raise SourceError(f"no article for the gold records of {article_id}", reason="missing", where=f"release {version or 'newest'}")
        # The table is ordered by id; a gold file by position, which breaks ties in matching the same way.
        gold.sort(key=lambda r: (r["char_start"], r["char_end"]))
        score_document(evaluation, article_id, predict(texts[article_id], article_id), gold)
    return evaluation


def read_passages(path: Path) -> list[Passage]:
    """The passages of a JSONL file of ``{"id", "text", "records"}``."""
    path = Path(path)
    if not path.is_file():
        raise SourceError("no such passage file", reason="missing", where=str(path))
    items: list[Passage] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            missing = [key for key in ("id", "text", "records") if key not in item]
            if missing:
                raise KeyError(", ".join(missing))
        except (ValueError, KeyError, TypeError) as exc:
            raise SourceError(f"line {n} is not a passage ({exc!r})", reason="unreadable", where=str(path)) from None
        items.append(item)
    return items


def evaluate_passages(path: Path, kinds: tuple[str, ...] | None = None) -> Evaluation:
    """Score the extractors on a passage file: JSONL of ``{"id", "text", "records"}``.

    Only the kinds the file annotates are scored (``kinds`` by default: every kind any of its
    records has), so a set of doses and mechanisms says nothing about claims it never marked.
    """
    items = read_passages(path)
    if kinds is None:
        present = {r["kind"] for item in items for r in item["records"]}
        kinds = tuple(k for k in KINDS if k in present)
    evaluation = Evaluation()
    for item in items:
        score_document(evaluation, item["id"], predict(item["text"], "passage"), item["records"], kinds=kinds)
    return evaluation


def passage_files(raw_dir: Path) -> dict[str, Path]:
    """The development and frozen test passage files of ``raw_dir`` that exist, by set name."""
    return _passages_in(Path(raw_dir) / "passages")


def packaged_passages() -> dict[str, Path]:
    """The passage files the package ships (``kratom_dataset/passages``), by set name.

    An editable install or a source checkout has none inside the package: there they are the
    repository's ``data/raw/passages``, the folder the wheel copies them from.
    """
    from importlib import resources

    package = resources.files("kratom_dataset")
    shipped = package.joinpath("passages")
    folder = Path(str(shipped)) if shipped.is_dir() else Path(str(package)).parents[1] / "data" / "raw" / "passages"
    return _passages_in(folder)


def _passages_in(folder: Path) -> dict[str, Path]:
    return {name: folder / f"{name}.jsonl" for name in PASSAGE_SETS if (folder / f"{name}.jsonl").is_file()}


def _article_files(raw_dir: Path) -> dict[str, Path]:
    files: dict[str, Path] = {}
    sources = raw_dir / "sources.csv"
    if sources.is_file():
        with open(sources, newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                files[row["article_id"]] = raw_dir / row["file"]
    return files


def challenge_file(raw_dir: Path) -> Path | None:
    """The challenge passages of the repository that holds ``raw_dir`` (``tests/challenge/``), if any."""
    path = Path(raw_dir).resolve().parent.parent / "tests" / "challenge" / "passages.jsonl"
    return path if path.is_file() else None


def release_evaluation(raw_dir: Path) -> dict[str, Any]:
    """The scores a release's manifest records: seed gold, each passage split, and the challenge set.

    Scoring the passages takes seconds; a process that builds the same raw folder again (a
    resumed build, the tests) reuses the scores while the files scored and the extractors are
    the same.
    """
    key = _evaluation_key(Path(raw_dir))
    if key not in _EVALUATIONS:
        _EVALUATIONS[key] = json.dumps(_release_evaluation(Path(raw_dir)))
    result: dict[str, Any] = json.loads(_EVALUATIONS[key])
    return result


_EVALUATIONS: dict[str, str] = {}


def _evaluation_key(raw_dir: Path) -> str:
    """A digest of everything the release evaluation reads: the raw folder's texts, gold files and
    passages, the challenge file, and the extractors' versions."""
    import hashlib

    from .extractors import EXTRACTORS

    digest = hashlib.sha256(json.dumps(sorted(EXTRACTORS.items())).encode("utf-8"))
    challenge = challenge_file(raw_dir)
    files = sorted(p for p in raw_dir.rglob("*") if p.is_file()) + ([challenge] if challenge is not None else [])
    for path in files:
        digest.update(path.as_posix().encode("utf-8") + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _release_evaluation(raw_dir: Path) -> dict[str, Any]:
    evaluation: dict[str, Any] = {"seed_gold": evaluate_dirs(Path(raw_dir) / "gold", raw_dir).to_dict(details=False)}
    for name, path in passage_files(raw_dir).items():
        evaluation[f"{name}_passages"] = evaluate_passages(path).to_dict(details=False)
    challenge = challenge_file(raw_dir)
    if challenge is not None:
        scores = evaluate_passages(challenge).to_dict(details=False)
        evaluation["challenge"] = {k: scores[k] for k in ("dose", "mechanism")}
    return evaluation
