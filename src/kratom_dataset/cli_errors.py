"""How the command line reports what went wrong: library errors as one ``[code] message`` line
and exit status 1, a bug as one line and 2, never a traceback (unless asked for)."""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import ParamSpec, TypeVar

import click

from .errors import KratomDatasetError, SourceError, ValidationFailed

P = ParamSpec("P")
R = TypeVar("R")


def friendly(fn: Callable[P, R]) -> Callable[P, R]:
    """Library errors as one ``[code] message`` line and exit status 1; a bug as one line and 2."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except SourceError as exc:
            if exc.reason == "rejected":
                print_rejects(exc.where)
            click.echo(f"[{exc.code}] {exc}", err=True)
            sys.exit(1)
        except ValidationFailed as exc:
            if exc.report is not None:
                click.echo(exc.report.to_text(), err=True)
            click.echo(f"[{exc.code}] {exc}", err=True)
            sys.exit(1)
        except KratomDatasetError as exc:
            click.echo(f"[{exc.code}] {exc}", err=True)
            sys.exit(1)
        except (click.exceptions.Exit, click.ClickException, SystemExit, KeyboardInterrupt):
            raise
        except Exception as exc:  # a bug: say so in one line unless asked for the traceback
            if os.environ.get("KRATOM_DATASET_DEBUG"):
                raise
            click.echo(
                f"[internal-error] {exc.__class__.__name__}: {exc}. This is a bug in kratom-dataset; "
                "rerun with KRATOM_DATASET_DEBUG=1 for the traceback and report it.",
                err=True,
            )
            sys.exit(2)

    return wrapper


def print_rejects(report_path: str | None) -> None:
    if report_path is None:
        return
    try:
        rejects = json.loads(Path(report_path).read_text(encoding="utf-8"))
    except (OSError, ValueError, TypeError):
        return
    for r in rejects:
        click.echo(f"rejected {r['file']}: [{r['reason']}] {r['detail']}", err=True)
