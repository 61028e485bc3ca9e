"""Reading one input file safely: only regular files, never blocking, every failure a typed reject.

A FIFO among the inputs would block a build forever, a symlink loop would vanish from a folder
listing, and an I/O error would abort the whole build. Here each becomes a
:class:`~kratom_dataset.errors.SourceError` with a stable ``reason`` that the builds list as a
reject, so the other files are still built.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from .errors import OutputError, SourceError

#: Suffixes of article files read as text (plain text or Markdown).
TEXT_SUFFIXES = (".txt", ".md", ".markdown")


def too_large(size: int, limit: int) -> str:
    """What a ``too-large`` reject says, wherever the limit is met."""
    return f"{size} bytes is over the limit of {limit} (raise it with --max-bytes)"


def read_input(path: Path, *, limit: int | None = None) -> bytes:
    """The bytes of the regular file at ``path``.

    Raises :class:`SourceError` with reason ``symlink-loop``, ``not-a-regular-file`` (a FIFO,
    socket or device: opened without blocking and refused), ``too-large`` (over ``limit``
    bytes, not read) or ``unreadable`` (the operating system's error, e.g. EIO or EACCES).
    """
    where = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise _os_reject(exc, where) from None
    try:
        info = os.fstat(fd)
        _require_regular(info.st_mode, where)
        if limit is not None and info.st_size > limit:
            raise SourceError(too_large(info.st_size, limit), reason="too-large", where=where)
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise _os_reject(exc, where) from None
    finally:
        os.close(fd)


def is_listable(path: Path) -> bool:
    """Whether a folder walk should offer ``path`` as an input: anything but a folder (so that
    FIFOs, sockets and broken or looping links are rejected by name rather than skipped)."""
    try:
        return not path.is_dir()
    except OSError:
        return True


def _os_reject(exc: OSError, where: str) -> SourceError:
    if exc.errno == errno.ELOOP:
        return SourceError("a symbolic link that points back to itself", reason="symlink-loop", where=where, hint="Fix or remove the link.")
    if exc.errno == errno.ENOENT and os.path.islink(where):
        return SourceError("a symbolic link to nothing", reason="missing", where=where, hint="Fix or remove the link.")
    return SourceError(
        f"cannot be read: {exc.strerror or exc}", reason="unreadable", where=where, hint="Check the file and its permissions."
    )


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a file"


def check_regular(path: Path) -> None:
    """Raise the :func:`read_input` reject for ``path`` unless it is a regular file (without reading it)."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise _os_reject(exc, str(path)) from None
    _require_regular(info.st_mode, str(path))


def _require_regular(mode: int, where: str) -> None:
    if not stat.S_ISREG(mode):
        raise SourceError(
            f"not a regular file ({_kind(mode)})", reason="not-a-regular-file", where=where, hint="Give only regular files as inputs."
        )


@contextlib.contextmanager
def writing_to(folder: Path) -> Iterator[None]:
    """Turn a failed write under ``folder`` (disk full, read-only, no permission) into an
    :class:`~kratom_dataset.errors.OutputError` naming the folder and the cause."""
    try:
        yield
    except OSError as exc:
        if isinstance(exc, (FileNotFoundError, NotADirectoryError)) and exc.filename and not str(exc.filename).startswith(str(folder)):
            raise  # not a write under the output folder
        cause = exc.strerror or exc.__class__.__name__
        raise OutputError(
            f"the output could not be written: {cause}",
            where=str(folder),
            hint="Free space or choose a writable --out folder; nothing half-written was published.",
        ) from None
