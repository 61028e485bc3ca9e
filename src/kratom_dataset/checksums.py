"""SHA-256 of files and the ``SHA256SUMS`` file of a release (the format ``sha256sum -c`` reads)."""

from __future__ import annotations

import hashlib
from pathlib import Path

CHECKSUMS = "SHA256SUMS"


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file, read in 1 MiB chunks so memory stays flat for any size."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def render_sums(folder: Path, names: list[str]) -> str:
    """``SHA256SUMS`` text for the given files of ``folder``: ``<hex>  <name>`` lines, sorted."""
    return "".join(f"{sha256_file(folder / n)}  {n}\n" for n in sorted(names))


def check_sums(folder: Path) -> list[str]:
    """Problems with ``folder/SHA256SUMS``: missing, naming a missing file, or a hash that differs."""
    path = folder / CHECKSUMS
    if not path.is_file():
        return [f"{CHECKSUMS} does not exist"]
    problems = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        digest, _, name = line.partition("  ")
        target = folder / name
        if not name or "/" in name or not target.is_file():
            problems.append(f"{CHECKSUMS} line {n} names a missing file {name!r}")
        elif sha256_file(target) != digest:
            problems.append(f"{name} does not match {CHECKSUMS}")
    return problems
