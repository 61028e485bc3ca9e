"""The data card (``README.md`` of a release folder), rendered from the manifest and the models."""

from __future__ import annotations

from typing import Any

import pyarrow as pa

from .models import TABLES

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
        f"# kratom-dataset {version}",
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
    lines += ["", "## Sources", "", "| article id | file | sha256 |", "| --- | --- | --- |"]
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
            "  quality on new pages.",
            "",
            "| set | kind | gold | extracted | matched | precision | recall | F1 | field accuracy |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for name, scores in manifest["evaluation"].items():
            for kind, s in scores.items():
                shown = {k: "n/a" if s[k] is None else f"{s[k]:.3f}" for k in ("precision", "recall", "f1", "field_accuracy")}
                lines.append(
                    f"| {name.replace('_', ' ')} | {kind.replace('_', ' ')} | {s['gold']} | {s['predicted']} | {s['matched']} | "
                    f"{shown['precision']} | {shown['recall']} | {shown['f1']} | {shown['field_accuracy']} |"
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
        "Every file lists its checksum in `manifest.json` and `SHA256SUMS` (`sha256sum -c SHA256SUMS`).",
        "Each Parquet file describes itself in key-value metadata under `kratom_dataset`.",
        "",
        "## Citing",
        "",
        f"kratom-dataset contributors. *kratom-dataset*, version {version}: structured records of",
        "what web articles about kratom, opioid withdrawal and sleep state. Cite the version you pinned.",
        "",
    ]
    return "\n".join(lines)
