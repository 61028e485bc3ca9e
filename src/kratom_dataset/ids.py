"""Ids: stable, content-derived record ids and safe article ids from file paths.

The lowest floor beside the models: parsing, extraction and every build name things with
these two functions, so they import nothing of the package.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import unicodedata
from pathlib import Path

_CLEAN = re.compile(r"[a-z0-9][a-z0-9-]{0,95}")
_SLUG = re.compile(r"[^a-z0-9]+")


def article_id_for(relative: str) -> str:
    """A safe, stable id from a file's path below ``articles/``.

    A clean lowercase name (``kratom-sleep.txt``) is its own id (``kratom-sleep``). Any other
    name (spaces, capitals, non-ASCII letters, ``..``, sub-folders) is folded to ASCII and gets
    a short hash of the exact path, so two names that fold alike never share an id and an id
    never changes when other files come or go.
    """
    stem = relative.rsplit(".", 1)[0] if "." in Path(relative).name else relative
    if _CLEAN.fullmatch(stem):
        return stem
    folded = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii").lower()
    slug = _SLUG.sub("-", folded).strip("-")[:80] or "article"
    return f"{slug}-{hashlib.sha256(relative.encode('utf-8')).hexdigest()[:8]}"


def record_id(prefix: str, *parts: object) -> str:
    """A stable id from content: the same parts give the same id in every build and on every machine.

    The parts are written as compact JSON (sorted keys) and hashed with SHA-256, as sqlite-utils'
    ``hash_record`` does; 16 hex digits keep ids short while collisions stay out of reach for
    any corpus this package will see (a validation check still guards uniqueness).
    """
    pieces = []
    for p in parts:
        kind = type(p)
        if kind is int:
            pieces.append(str(p))
        elif kind is str and _plain(p):
            pieces.append(f'"{p}"')
        else:
            payload = json.dumps(parts, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
            break
    else:
        # The JSON of ints and plain strings, written directly: the same bytes, a tenth of the time.
        payload = "[" + ",".join(pieces) + "]"
    return f"{prefix}-{hashlib.sha256(payload.encode('utf-8')).hexdigest()[:16]}"


#: Strings whose JSON form is the string in quotes: printable ASCII without quote or backslash.
_PLAIN = re.compile(r"[ !#-\[\]-~]*").fullmatch


@functools.lru_cache(maxsize=4096)
def _plain(text: str) -> bool:
    """Whether ``text`` is written in JSON as itself in quotes; remembered, as ids repeat per article."""
    return _PLAIN(text) is not None
