"""The data card (``README.md`` of a release folder), rendered from the manifest and the models.

The card opens with the Hugging Face metadata block, so ``datasets.load_dataset(<release folder>,
"doses")`` finds every table as a config of its own, and the Hub shows the licence and sizes.
Title, licences, origin and citation come from :mod:`kratom_dataset.about`, stated there once.
"""

from __future__ import annotations

import json
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from . import about
from .layout import CARD, CHECKSUMS, MANIFEST, parquet_name
from .models import TABLES

#: The config ``load_dataset(<folder>)`` returns without a name. Claims are the dataset's centre:
#: every dose and mechanism points at one, and a claim row reads on its own (its text, type, hedges
#: and evidence), where ``articles`` would open on whole texts and ``sentences`` on bare anchors.
DEFAULT_CONFIG = "claims"

#: Hugging Face task categories the tables honestly serve: claims carry labels of a span
#: (type, certainty, evidence: text classification), and doses, mechanisms and cues are
#: character spans of their sentences (token classification). No model was trained on them.
TASK_CATEGORIES = ("text-classification", "token-classification")

#: The extraction rules read English only, so every record is of English text.
LANGUAGES = ("en",)

#: Columns counted value by value in the statistics section, per table: the codes a user filters on.
BREAKDOWNS: dict[str, tuple[str, ...]] = {
    "articles": ("format",),
    "sentences": ("is_heading",),
    "topics": ("established_by",),
    "claims": ("claim_type", "certainty", "evidence"),
    "doses": ("kind", "unit", "role"),
    "mechanisms": ("action", "target_type"),
    "gold": ("kind",),
}

#: What each metadata descriptor a manifest lists (``metadata_files``) is, for the card's file list.
_DESCRIPTORS = {
    "croissant.json": "the release described in Croissant (MLCommons), for `mlcroissant` and ML tooling.",
    "datapackage.json": "the release described as a Frictionless Data Package, for `frictionless` and its tools.",
}

#: Hugging Face ``size_categories``: upper bound (exclusive) and label, in order.
_SIZES = (
    (1_000, "n<1K"),
    (10_000, "1K<n<10K"),
    (100_000, "10K<n<100K"),
    (1_000_000, "100K<n<1M"),
    (10_000_000, "1M<n<10M"),
    (100_000_000, "10M<n<100M"),
    (1_000_000_000, "100M<n<1B"),
    (10_000_000_000, "1B<n<10B"),
    (100_000_000_000, "10B<n<100B"),
    (1_000_000_000_000, "100B<n<1T"),
)

_CAVEAT = """\
**As stated, not as fact.** Every record says what an article *states*, with its hedges
("may", "research suggests") and the evidence it *claims* ("studies suggest", "users report").
Nothing here checks whether a statement is true. Doses are the article's numbers and units,
never corrected: "1-3 grams of leaf powder" and "1-3 grams of kratom extract" are kept apart
(an extract is far stronger than leaf). Statements about GABA, melatonin and REM sleep are
recorded as written and were not checked against any source. This is not medical advice."""


def render(manifest: dict[str, Any], tables: dict[str, pa.Table]) -> str:
    """Markdown data card; deterministic (no dates), so a rebuild gives the same bytes."""
    version = manifest["version"]
    lines = [
        *front_matter(tables),
        "",
        f"# {about.NAME} {version}",
        "",
        "Structured records of what web articles about kratom (Mitragyna speciosa), opioid withdrawal",
        "and sleep *say*: the topics they cover, the claims they make, the doses and the mechanisms",
        "they state. Every record carries a `provenance` struct pointing at the exact characters of",
        "its source (Unicode code points, end-exclusive; `text[char_start:char_end] == exact`).",
        "",
        _CAVEAT,
        "",
        "## Contents",
        "",
        f"Schema version {manifest['schema_version']}; {len(manifest['articles'])} source articles.",
        "",
        "| table | rows | primary key | what a row is |",
        "| --- | ---: | --- | --- |",
    ]
    for name, model in TABLES.items():
        doc = (model.__doc__ or "").strip().splitlines()[0]
        lines.append(f"| `{name}` | {tables[name].num_rows} | `id` | {doc} |")
    lines += ["", *statistics(tables)]
    lines += ["## Sources", "", "| article id | file | sha256 |", "| --- | --- | --- |"]
    for aid, info in sorted(manifest["articles"].items()):
        lines.append(f"| `{aid}` | `{info['file']}` | `{info['sha256'][:16]}…` |")
    lines += ["", "## Extractors", "", "| extractor | version |", "| --- | --- |"]
    for name, ver in manifest["extractors"].items():
        lines.append(f"| `{name}` | `{ver}` |")
    if manifest.get("evaluation"):
        lines += [
            "",
            "## Extraction quality",
            "",
            "The rule-made records scored by `kratom-dataset evaluate`. A match is an overlapping span",
            "of the same kind; field accuracy is measured on matched records. Which set measures what:",
            "",
            "- **test passages**: the frozen test split of the real-page passages (written and annotated",
            "  by hand for the project in the styles of real pages, split off before any rule was tuned",
            "  and never edited after its errors were seen). The only figures here that measure quality",
            "  on text the rules were not developed on.",
            "- **dev passages**, **seed gold** (the gold set of this release, table `gold`, written by a",
            "  person reading each seed article) and **challenge** (short passages of the repository's",
            "  tests): the rules were developed on these sets, so their scores measure the tuning, not",
            "  quality on new pages. Whether a unit is a claim, a dose's role, purpose and preparation",
            "  and a claim's type, evidence and polarity are read by models trained on the dev passages",
            "  (`kratom-dataset train`): on dev those fields score the training; read batch by batch by",
            "  models trained on the other batches, they score as `kratom-dataset train --write` prints",
            "  and the CHANGELOG gives.",
            "",
            "| set | kind | gold | extracted | matched | precision | recall | F1 | field accuracy |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        sets = {name: scores for name, scores in manifest["evaluation"].items() if not name.startswith("second_")}
        lines += _score_rows(sets)
        if "second_reader" in manifest["evaluation"]:
            lines += [
                "",
                "### Agreement between annotators",
                "",
                "Dev passages read again by an annotator who saw neither their gold records nor the rules",
                "(`data/raw/passages/second_reading.jsonl`), scored against the gold as the rules are, beside",
                "the rules on the same passages: how far two careful readers agree, and so how far the rules",
                "can be asked to reach. The rules were developed on these passages.",
                "",
                "| set | kind | gold | extracted | matched | precision | recall | F1 | field accuracy |",
                "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
            ]
            lines += _score_rows(
                {
                    "second reader": manifest["evaluation"]["second_reader"],
                    "rules, same passages": manifest["evaluation"]["second_reading_extractors"],
                }
            )
    lines += ["", "## Fields", ""]
    for name, model in TABLES.items():
        lines += [f"### `{name}`", "", "| field | type | description |", "| --- | --- | --- |"]
        for fname, info in model.model_fields.items():
            arrow = tables[name].schema.field(fname).type
            desc = (info.description or "").replace("\n", " ").replace("|", "\\|")
            lines.append(f"| `{fname}` | `{arrow}` | {desc} |")
        lines.append("")
    lines += [
        "## Loading",
        "",
        "```python",
        "import kratom_dataset as kd",
        f'doses = kd.load("doses", version="{version}")   # a pyarrow.Table',
        "",
        "# or with Hugging Face datasets, from this folder: one config per table, split train",
        "from datasets import load_dataset",
        'doses = load_dataset("path/to/this/folder", "doses")["train"]',
        "```",
        "",
        "```sql",
        "-- DuckDB, straight from the files: slice a quote out of its article",
        "select d.provenance.exact,",
        "       substring(a.provenance.exact, d.provenance.char_start + 1,",
        "                 d.provenance.char_end - d.provenance.char_start) as sliced",
        "from 'doses.parquet' d join 'articles.parquet' a on a.id = d.article_id;",
        "```",
        "",
        "## Files",
        "",
        f"- `<table>.parquet`: one file per table (`{parquet_name('doses')}` ...). Each file describes itself in",
        "  key-value metadata under `kratom_dataset`, and every field carries its description.",
        f"- `{MANIFEST}`: version, schema version, every file with its rows, bytes and sha256, the source",
        "  articles, the extractor versions and, when the release has a gold set, the extraction scores.",
        f"- `{CHECKSUMS}`: the checksums in the format of `sha256sum -c {CHECKSUMS}`.",
        f"- `{CARD}`: this card; its metadata block is what Hugging Face `datasets` reads.",
        *(f"- `{name}`: {_DESCRIPTORS.get(name, 'a metadata descriptor of the release.')}" for name in manifest.get("metadata_files", [])),
        "",
        *licence_and_origin(),
        "## Citing",
        "",
        f"Cite the version you pinned; this is release {version}:",
        "",
        "```bibtex",
        about.bibtex(version),
        "```",
        "",
    ]
    return "\n".join(lines)


def _score_rows(sets: dict[str, dict[str, Any]]) -> list[str]:
    """One table row per set and kind of scores."""
    rows = []
    for name, scores in sets.items():
        for kind, s in scores.items():
            shown = {k: "n/a" if s[k] is None else f"{s[k]:.3f}" for k in ("precision", "recall", "f1", "field_accuracy")}
            rows.append(
                f"| {name.replace('_', ' ')} | {kind.replace('_', ' ')} | {s['gold']} | {s['predicted']} | {s['matched']} | "
                f"{shown['precision']} | {shown['recall']} | {shown['f1']} | {shown['field_accuracy']} |"
            )
    return rows


def size_category(rows: int) -> str:
    """The Hugging Face ``size_categories`` label of ``rows`` examples."""
    for bound, label in _SIZES:
        if rows < bound:
            return label
    return "n>1T"


def front_matter(tables: dict[str, pa.Table]) -> list[str]:
    """The Hugging Face metadata block: one config per table, so ``load_dataset`` reads each by name.

    The size counts the rows of every table together, since each row of each config is a record a
    user can load. Strings are written as JSON, which YAML reads as quoted scalars, so no title
    can break the block and no YAML library is needed to write it.
    """
    total = sum(t.num_rows for t in tables.values())
    tags = sorted({k.replace(" ", "-") for k in about.KEYWORDS})
    lines = [
        "---",
        f"pretty_name: {json.dumps(about.TITLE)}",
        f"license: {json.dumps(about.RECORDS_LICENSE.lower())}",
        "language:",
        *(f"- {json.dumps(lang)}" for lang in LANGUAGES),
        "task_categories:",
        *(f"- {json.dumps(task)}" for task in TASK_CATEGORIES),
        "size_categories:",
        f"- {json.dumps(size_category(total))}",
        "tags:",
        *(f"- {json.dumps(tag)}" for tag in tags),
        "configs:",
    ]
    for name in TABLES:
        lines.append(f"- config_name: {json.dumps(name)}")
        if name == DEFAULT_CONFIG:
            lines.append("  default: true")
        lines += ["  data_files:", "  - split: train", f"    path: {json.dumps(parquet_name(name))}"]
    lines.append("---")
    return lines


def value_counts(table: pa.Table, column: str) -> list[tuple[str | None, int]]:
    """How many rows hold each value of ``column``: most rows first, then by value, null last.

    Values are given as the card shows them (booleans as ``true``/``false``); null stays ``None``.
    """
    counted = pc.value_counts(table.column(column)).to_pylist()
    pairs: list[tuple[str | None, int]] = []
    for entry in counted:
        value = entry["values"]
        shown = None if value is None else (str(value).lower() if isinstance(value, bool) else str(value))
        pairs.append((shown, int(entry["counts"])))
    return sorted(pairs, key=lambda p: (-p[1], p[0] is None, p[0] or ""))


def statistics(tables: dict[str, pa.Table]) -> list[str]:
    """Rows of every table and, for its codes (``BREAKDOWNS``), how many rows take each value."""
    lines = [
        "## Statistics",
        "",
        "Counted from the tables of this release. `null` means the text did not state the value.",
        "",
    ]
    for name in TABLES:
        table = tables[name]
        lines += [f"### `{name}`: {table.num_rows} rows", ""]
        for column in BREAKDOWNS.get(name, ()):
            if column not in table.column_names:
                continue
            lines += [f"| `{column}` | rows |", "| --- | ---: |"]
            for value, count in value_counts(table, column):
                lines.append(f"| {'null' if value is None else f'`{value}`'} | {count} |")
            lines.append("")
    return lines


def licence_and_origin() -> list[str]:
    """Which licence covers what, and what is and is not known of the quoted article texts."""
    return [
        "## Licence and origin",
        "",
        f"- **Records**: [{about.RECORDS_LICENSE}]({about.RECORDS_LICENSE_URL}), for the records this project made.",
        f"- **Code** (the `kratom-dataset` package that builds and reads the releases): {about.CODE_LICENSE}.",
        "- **Article texts**: quoted in full in `articles` and in part in every `provenance`",
        "  (`exact`, `prefix`, `suffix`); not covered by the records' licence.",
        "",
        about.TEXT_ORIGIN,
        "",
    ]
