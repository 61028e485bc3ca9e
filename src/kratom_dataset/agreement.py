"""How far a second reader agrees with the gold: the same passages annotated again by someone who
saw neither the gold nor the rules, scored as the extractors are. It bounds what the extractors can
be asked to reach: a field two careful readers fill alike is one the rules can learn."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .errors import SourceError
from .scoring import KINDS, Evaluation, passage_files, predict, read_passages, score_document


def second_reading(path: Path, gold_paths: Sequence[Path]) -> dict[str, Evaluation]:
    """How far a second reader agrees with the gold: the records of ``path`` (passages read again
    by another annotator, by the ids of the gold files) scored against the gold as the extractors'
    are, beside the extractors' own scores on the same passages. A reader who agrees with the
    gold no better than the rules do says the gold, not the rules, sets the ceiling."""
    gold = {item["id"]: item for p in gold_paths for item in read_passages(p)}
    second = read_passages(path)
    _refuse(
        path,
        [item["id"] for item in second if item["id"] not in gold],
        "passages with no gold passage of the same id",
        "missing",
        "A second reading keeps the ids of the dev, test or --challenge passages it reads again.",
    )
    _refuse(
        path,
        [item["id"] for item in second if item["text"] != gold[item["id"]]["text"]],
        "passages whose text differs from the gold passage's",
        "changed",
        "A second reading annotates the same text, byte for byte.",
    )
    present = {r["kind"] for item in second for r in item["records"]}
    kinds = tuple(k for k in KINDS if k in present)
    reader, rules = Evaluation(), Evaluation()
    for item in second:
        reference = gold[item["id"]]["records"]
        score_document(reader, item["id"], item["records"], reference, kinds=kinds)
        score_document(rules, item["id"], predict(item["text"], "passage"), reference, kinds=kinds)
    return {"second reader against the gold": reader, "extractors against the same gold": rules}


def _refuse(path: Path, ids: list[str], problem: str, reason: str, hint: str) -> None:
    """A typed error naming the first passages of a second reading that cannot be scored."""
    if ids:
        raise SourceError(f"{problem}: {', '.join(ids[:5])}", reason=reason, where=str(path), hint=hint)


#: Passages of the sets read again by a second annotator, in a raw folder's ``passages/``.
SECOND_READING = "second_reading.jsonl"


def release_agreement(raw_dir: Path) -> dict[str, Any]:
    """The second reading of a raw folder's passages, as a release's manifest records it beside
    the extractors' scores: the reader's and the extractors' on the same passages, or nothing."""
    second = Path(raw_dir) / "passages" / SECOND_READING
    if not second.is_file():
        return {}
    reader, rules = second_reading(second, list(passage_files(raw_dir).values())).values()
    return {"second_reader": reader.to_dict(details=False), "second_reading_extractors": rules.to_dict(details=False)}
