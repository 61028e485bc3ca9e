"""The commands that read, compare and pin published releases, and write the files made from the code (part of ``kratom-dataset``)."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from .cli_errors import friendly
from .errors import ReleaseError


@click.command()
@click.argument("old")
@click.argument("new")
@click.option("--json", "as_json", is_flag=True, help="Print the differences as JSON.")
@friendly
def diff(old: str, new: str, as_json: bool) -> None:
    """Record-level differences between two releases (versions or folders), by stable id.

    Lists added, removed and changed records per table with the fields that changed, and the
    smallest version bump the differences allow.
    """
    from .diff import diff as diff_releases

    result = diff_releases(old, new)
    click.echo(json.dumps(result.to_dict(), indent=2) if as_json else result.to_text())


@click.command()
@click.argument("version", required=False)
@friendly
def verify(version: str | None) -> None:
    """Check every file of a release (default: newest) against its manifest and SHA256SUMS."""
    from .reader import release_dir
    from .reader import verify as verify_release

    names = verify_release(version)
    click.echo(f"{release_dir(version)}: {len(names)} files match the manifest and SHA256SUMS")


def check_or_write(check_help: str, write_help: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """``--check`` and ``--write``, exactly one of them: for files generated from the code."""

    def decorate(command: Callable[..., None]) -> Callable[..., None]:
        @functools.wraps(command)
        def run(*args: Any, check: bool, write: bool, **kwargs: Any) -> None:
            if check == write:
                raise click.UsageError("give exactly one of --check or --write")
            command(*args, write=write, **kwargs)

        with_write = click.option("--write", is_flag=True, help=write_help)(run)
        return click.option("--check", is_flag=True, help=check_help)(with_write)

    return decorate


@click.command()
@click.option("--dir", "directory", type=click.Path(path_type=Path), default=Path("schema"), show_default=True)
@check_or_write("Fail when the files differ from the models.", "Write the files from the models.")
@friendly
def schema(directory: Path, write: bool) -> None:
    """Write or check the JSON Schema files generated from the models."""
    from .schemas import check_schemas, write_schemas

    if write:
        for p in write_schemas(directory):
            click.echo(f"wrote {p}")
    else:
        check_schemas(directory)
        click.echo(f"{directory}: schema files match the models")


@click.command()
@click.option(
    "--passages",
    type=click.Path(path_type=Path),
    default=Path("data/raw/passages/dev.jsonl"),
    show_default=True,
    help="Annotated passages to train on (never the frozen test split).",
)
@check_or_write("Fail when the weights differ from a retrain.", "Write the weights from a retrain.")
@friendly
def train(passages: Path, write: bool) -> None:
    """Train the readers (whether a unit is a claim; a dose's role, purpose and preparation; a claim's type, evidence and polarity) on annotated passages (needs scikit-learn)."""
    from . import train as training

    data = training.examples(passages) if write else None  # read once for the weights and the cross-validation
    result = training.write(passages, data) if write else training.check(passages)
    for kind, content in result.items():
        done = "wrote" if write else "matches a retrain:"
        click.echo(f"{done} {training.weights_file(kind).name} ({content['trained_on']['examples']} {kind}s of {passages})")
    if write:
        click.echo("read as the gold reads them, each batch by a model trained on the other batches:")
        for name, (rules, model) in training.cross_validate(passages, data=data).items():
            click.echo(f"  {name}: rules alone {rules:.3f}, model {model:.3f}")


@click.command()
@click.option(
    "--out",
    "out_root",
    type=click.Path(path_type=Path),
    default=Path("data/processed"),
    show_default=True,
    help="Folder of the published releases.",
)
@check_or_write(
    "Fail when the package's pins differ from the releases.", "Write the pins of the releases into the package (at release time)."
)
@friendly
def pin(out_root: Path, write: bool) -> None:
    """Record (or check) the manifest sha256 of every published release in the package's code."""
    from . import pins

    wanted = pins.pins_for(out_root)
    if write:
        Path(pins.__file__).write_text(pins.render(wanted), encoding="utf-8")
        click.echo(f"pinned {len(wanted)} release(s): {', '.join(wanted)}")
    elif wanted != pins.PINNED:
        differ = sorted(set(wanted.items()) ^ set(pins.PINNED.items()))
        raise ReleaseError(
            f"the package's pins differ from the releases in {out_root}: {', '.join(sorted({v for v, _ in differ}))}",
            where=str(out_root),
            hint="Run `kratom-dataset pin --write` after publishing a release.",
        )
    else:
        click.echo(f"{out_root}: {len(wanted)} release(s) pinned")


@click.command()
@friendly
def versions() -> None:
    """List the published releases, oldest first."""
    from .reader import versions as list_versions

    for v in list_versions():
        click.echo(v)


@click.command()
@friendly
def tables() -> None:
    """List the release tables."""
    from .reader import tables as list_tables

    for t in list_tables():
        click.echo(t)


@click.command()
@click.argument("table")
@click.option("--version", default=None, help="Release version (default: newest).")
@friendly
def path(table: str, version: str | None) -> None:
    """Print the Parquet file of TABLE, for other engines (duckdb, polars, spark)."""
    from .reader import path as table_path

    click.echo(table_path(table, version))


@click.command()
@click.argument("query")
@click.option("--version", default=None, help="Release version (default: newest).")
@click.option(
    "--path", "folder", type=click.Path(path_type=Path), default=None, help="A build or release folder instead of a published release."
)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "jsonl"]), default="table", show_default=True)
@friendly
def sql(query: str, version: str | None, folder: Path | None, fmt: str) -> None:
    """Run a DuckDB QUERY over a release, each table a view named after it.

    Example: kratom-dataset sql "select unit, count(*) as n from doses group by unit order by n desc"
    """
    from .query import sql as run

    result = run(query, version, path=folder)
    if fmt == "jsonl":
        for row in result.to_pylist():
            click.echo(json.dumps(row, ensure_ascii=False, default=str))
    elif fmt == "csv":
        import io

        import pyarrow.csv as pacsv

        from .frames import flatten

        buffer = io.BytesIO()
        pacsv.write_csv(flatten(result), buffer)
        click.echo(buffer.getvalue().decode("utf-8"), nl=False)
    else:
        click.echo(render_table(result.column_names, [[_cell(v) for v in row.values()] for row in result.to_pylist()]))


def _cell(value: Any, width: int = 60) -> str:
    text = (
        json.dumps(value, ensure_ascii=False, default=str) if isinstance(value, (dict, list)) else "NULL" if value is None else str(value)
    )
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render_table(header: list[str], rows: list[list[str]]) -> str:
    """Rows as an aligned text table with a header rule, and the row count under it."""
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(header)]

    def line(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()

    out = [line(header), line(["-" * w for w in widths]), *(line(r) for r in rows)]
    return "\n".join([*out, f"({len(rows)} row{'s' if len(rows) != 1 else ''})"])
