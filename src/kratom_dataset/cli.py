"""The ``kratom-dataset`` command: a thin door onto the library, one command per function.

Library errors become one line, ``[code] message``, and exit status 1; never a traceback.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from . import cli_releases
from .cli_errors import friendly
from .errors import KratomDatasetError, SourceError

if TYPE_CHECKING:
    from .models import Record, RecordKind


@click.group()
@click.version_option(package_name="kratom-dataset")
def main() -> None:
    """Build, check and read kratom-dataset releases."""


@main.command()
@click.option(
    "--input",
    "inputs",
    multiple=True,
    help="Corpus input (folder, .jsonl, .parquet or glob); repeat for several. Builds a corpus instead of a release.",
)
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Corpus builds: process pool, or dask.distributed.",
)
@click.option(
    "--scheduler",
    default=None,
    help="Corpus builds with dask: scheduler address (tcp://host:8786) or scheduler file; default a LocalCluster.",
)
@click.option(
    "--batch-size", type=click.IntRange(min=1), default=None, help="Corpus builds: articles per batch and part file (default 128)."
)
@click.option(
    "--raw",
    "raw_dir",
    type=click.Path(path_type=Path),
    default=Path("data/raw"),
    show_default=True,
    help="Folder with sources.csv and articles/.",
)
@click.option(
    "--out",
    "out_root",
    type=click.Path(path_type=Path),
    default=Path("data/processed"),
    show_default=True,
    help="Folder that holds one sub-folder per release.",
)
@click.option("--version", "version", default=None, help="Release version to write (default: the package version).")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Worker processes (default: one per core).")
@click.option("--strict", is_flag=True, help="Stop at the first input file that cannot be read.")
@click.option("--allow-rejects", is_flag=True, help="Publish without the rejected files instead of failing.")
@click.option(
    "--lock-timeout", type=click.FloatRange(min=0), default=None, help="Seconds to wait for another build on the same folder (default 120)."
)
@click.option("--max-bytes", type=click.IntRange(min=1), default=None, help="Reject articles larger than this many bytes (default 8 MiB).")
@friendly
def build(
    inputs: tuple[str, ...],
    engine: str,
    scheduler: str | None,
    batch_size: int | None,
    raw_dir: Path,
    out_root: Path,
    version: str | None,
    workers: int | None,
    strict: bool,
    allow_rejects: bool,
    lock_timeout: float | None,
    max_bytes: int | None,
) -> None:
    """Build a release from the raw articles, or, with --input, the same tables over a corpus.

    A corpus build streams its inputs in batches and writes part files per table under --out,
    a manifest and rejects.json; it resumes where an interrupted build stopped.

    Files that cannot be read as articles are listed with their reason in
    OUT/VERSION.rejects.json; any reject fails the build unless --allow-rejects is given.

    Example: kratom-dataset build --raw data/raw --out data/processed
    """
    from .build import DEFAULT_BATCH, DEFAULT_MAX_BYTES, build_corpus, build_release

    if inputs:
        if out_root == Path("data/processed"):
            raise click.UsageError("a corpus build needs its own --out DIR (data/processed holds releases)")
        manifest = build_corpus(
            list(inputs),
            out_root,
            workers=workers,
            engine=engine,
            scheduler=scheduler,
            batch_size=batch_size or DEFAULT_BATCH,
            max_bytes=max_bytes,
        )
        rows = ", ".join(f"{t} {n}" for t, n in manifest["rows"].items())
        click.echo(
            f"built {manifest['articles']} articles in {manifest['batches']} batches into {out_root} ({rows}); {manifest['rejected']} rejected"
        )
        if manifest["rejected"] and not allow_rejects:
            click.echo(
                f"[source-error] {manifest['rejected']} input(s) rejected: see {out_root / 'rejects.json'} (or pass --allow-rejects)",
                err=True,
            )
            sys.exit(1)
        return

    folder, changed, rejects = build_release(
        raw_dir,
        out_root,
        version=version,
        workers=workers,
        strict=strict,
        allow_rejects=allow_rejects,
        max_bytes=max_bytes or DEFAULT_MAX_BYTES,
        lock_timeout=lock_timeout,
    )
    for r in rejects:
        click.echo(f"rejected {r.file}: [{r.reason}] {r.detail}", err=True)
    from .layout import Manifest

    release = Manifest.read(folder)
    rows = ", ".join(f"{f['table']} {f['rows']}" for f in release.files.values())
    if changed:
        click.echo(f"wrote release {release.version} to {folder} ({rows})")
    else:
        click.echo(f"release {release.version} in {folder} is already published and identical; nothing to do ({rows})")


@main.command()
@click.argument("release_dir", required=False, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@friendly
def validate(release_dir: Path | None, as_json: bool) -> None:
    """Run every consistency check on a release folder or Parquet file (default: the newest release).

    Works on files someone else produced too. Exits 1 when anything is wrong; each issue names
    its table, record, field and code.
    """
    from .reader import release_dir as newest
    from .validate import validate_release

    folder = release_dir or newest()
    if not folder.exists():
        raise KratomDatasetError("no such file or folder", where=str(folder), hint="Give a release folder or a Parquet file.")
    report = validate_release(folder)
    click.echo(json.dumps(report.to_dict(), indent=2) if as_json else f"{folder}: {report.to_text()}")
    sys.exit(0 if report.valid else 1)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "parquet"]), default="jsonl", show_default=True)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder for the output (required for parquet; jsonl goes to standard output without it).",
)
@click.option(
    "--max-bytes", type=click.IntRange(min=1), default=None, help="Refuse files larger than this many bytes (default 8 MiB, as builds)."
)
@friendly
def extract(files: tuple[Path, ...], fmt: str, out_dir: Path | None, max_bytes: int | None) -> None:
    """Extract topics, claims, doses and mechanisms from text files.

    One JSON line per record: its kind, the file, its fields and its provenance, with
    char_start/char_end/exact relative to that file's text. With --format parquet, one
    file per kind (topics, claims, doses, mechanisms) in --out. A file that cannot be read
    is reported and the others are still extracted; the exit status is then 1.

    Example: kratom-dataset extract article.txt notes.md > records.jsonl
    """
    from .extractors import extract as extract_text
    from .extractors import kind_of, to_json
    from .files import read_input
    from .ids import article_id_for
    from .inputs import DEFAULT_MAX_BYTES
    from .layout import parquet_name
    from .parse import decode
    from .vocabulary import RECORD_KINDS, TABLE_OF_KIND

    parquet_dir: Path | None = None
    if fmt == "parquet":
        if out_dir is None:
            raise click.UsageError("--format parquet needs --out DIR")
        parquet_dir = out_dir
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    failed = 0
    collected: dict[RecordKind, list[Record]] = {kind: [] for kind in RECORD_KINDS}
    for file in files:
        try:
            raw = read_input(file, limit=max_bytes or DEFAULT_MAX_BYTES)
            records = extract_text(decode(raw, where=str(file)), article_id=article_id_for(file.name))
        except SourceError as exc:
            click.echo(f"[{exc.code}] {exc}", err=True)
            failed += 1
            continue
        if fmt == "jsonl":
            lines = "".join(json.dumps(to_json(r, file=str(file)), ensure_ascii=False) + "\n" for r in records)
            if out_dir:
                (out_dir / f"{article_id_for(file.name)}.jsonl").write_text(lines, encoding="utf-8")
            else:
                click.echo(lines, nl=False)
        else:
            for r in records:
                collected[kind_of(r)].append(r)
    if parquet_dir is not None:
        import pyarrow.parquet as pq

        from .arrow import to_table

        for kind, kept in collected.items():
            pq.write_table(to_table(TABLE_OF_KIND[kind], kept), parquet_dir / parquet_name(TABLE_OF_KIND[kind]))
    if failed:
        sys.exit(1)


@main.command()
@click.option(
    "--gold",
    "gold_dir",
    type=click.Path(path_type=Path),
    default=Path("data/raw/gold"),
    show_default=True,
    help="Folder of <article_id>.jsonl gold files.",
)
@click.option(
    "--articles",
    "raw_dir",
    type=click.Path(path_type=Path),
    default=Path("data/raw"),
    show_default=True,
    help="Raw folder whose sources.csv maps article ids to files, and whose passages/ holds dev.jsonl and test.jsonl.",
)
@click.option(
    "--set",
    "sets",
    multiple=True,
    type=click.Choice(["seed", "dev", "test", "challenge"]),
    help="Score only these sets (repeatable); all that exist by default.",
)
@click.option(
    "--challenge", type=click.Path(path_type=Path), default=None, help="Score this passage file instead (JSONL of id, text, records)."
)
@click.option(
    "--second-reading",
    "second",
    type=click.Path(path_type=Path),
    default=None,
    help="Score this file's records, passages read again by another annotator, against the gold of the same "
    "dev, test or --challenge passages, beside the extractors' scores on them.",
)
@click.option("--json", "as_json", is_flag=True, help="Print scores, misses and disagreements as JSON, by set.")
@friendly
def evaluate(gold_dir: Path, raw_dir: Path, sets: tuple[str, ...], challenge: Path | None, second: Path | None, as_json: bool) -> None:
    """Score the extractors against hand-written gold records.

    Precision, recall and F1 per kind (a match is an overlapping span of the same kind) and
    per-field accuracy on matched records, for each set: the seed gold, the real-page passages'
    dev split (tuned on) and frozen test split (the measure), and the challenge passages.
    --second-reading scores another annotator's records for some of those passages instead,
    which says how far two readers agree, beside the extractors on the same passages.

    Outside the repository, where the default --gold and --articles folders do not exist, the
    seed gold is the newest release's gold table scored against its articles table, and the
    passages are the ones the package ships; the first line says which sources were scored.
    """
    from click.core import ParameterSource

    from .scoring import (
        Evaluation,
        challenge_file,
        evaluate_dirs,
        evaluate_passages,
        evaluate_release,
        packaged_passages,
        passage_files,
    )

    ctx = click.get_current_context()
    defaults = all(ctx.get_parameter_source(name) == ParameterSource.DEFAULT for name in ("gold_dir", "raw_dir"))
    results: dict[str, Evaluation]
    sources: dict[str, str] = {}
    if second is not None:
        from .agreement import second_reading

        files = passage_files(raw_dir) or (packaged_passages() if defaults else {})
        golds = [challenge] if challenge is not None else list(files.values())
        results = second_reading(second, golds)
        sources = {name: f"{second} against {', '.join(map(str, golds))}" for name in results}
    elif challenge is not None:
        results = {"passages": evaluate_passages(challenge)}
        sources["passages"] = str(challenge)
    else:
        wanted = set(sets) or {"seed", "dev", "test", "challenge"}
        results = {}
        if "seed" in wanted:
            if defaults and not (gold_dir.is_dir() and raw_dir.is_dir()):
                from .reader import versions

                newest = versions()[-1] if versions() else None
                if newest is None:
                    raise SourceError("no gold files and no release to take the gold table from", reason="missing", where=str(gold_dir))
                results["seed gold"] = evaluate_release(newest)
                sources["seed gold"] = f"release {newest} (gold and articles tables)"
            else:
                results["seed gold"] = evaluate_dirs(gold_dir, raw_dir)
                sources["seed gold"] = f"{gold_dir} against {raw_dir}"
        files = passage_files(raw_dir)
        if not files and defaults:
            files = packaged_passages()
        for name in ("dev", "test"):
            if name in wanted and name in files:
                label = f"{name} passages" + (" (frozen)" if name == "test" else " (tuned on)")
                results[label] = evaluate_passages(files[name])
                sources[label] = str(files[name])
        found = challenge_file(raw_dir)
        if "challenge" in wanted and found is not None:
            results["challenge"] = evaluate_passages(found)
            sources["challenge"] = str(found)
        missing = sorted(wanted - {"seed"} - set(files) - ({"challenge"} if found is not None else set()))
        if missing and sets:
            raise click.UsageError(f"no {', '.join(missing)} set under {raw_dir}")
    if as_json:
        out = {name: {"source": sources[name], **r.to_dict()} for name, r in results.items()}
        click.echo(json.dumps(out, indent=2, ensure_ascii=False))
        return
    head = "scored: " + "; ".join(f"{name} from {source}" for name, source in sources.items())
    click.echo("\n\n".join([head, *(f"{name}\n{r.to_text()}" for name, r in results.items())]))


for command in (
    cli_releases.diff,
    cli_releases.verify,
    cli_releases.schema,
    cli_releases.pin,
    cli_releases.versions,
    cli_releases.tables,
    cli_releases.path,
    cli_releases.sql,
    cli_releases.train,
):
    main.add_command(command)


if __name__ == "__main__":  # pragma: no cover
    main()
