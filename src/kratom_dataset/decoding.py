"""Raw bytes to text: UTF-8 decoded exactly, or a :class:`SourceError` saying why a file is not text.

Kept apart from the parser because it is the one place that judges a file's bytes; the parser
only ever sees text that decoded cleanly.
"""

from __future__ import annotations

import re

from .errors import SourceError

_ONLY_BLANK = re.compile(r"[\s\ufeff\u200b\u200c\u200d\u2060]*")
_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or an office document)",
    b"\x1f\x8b": "a gzip archive",
}
_HTML = re.compile(rb"^\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.IGNORECASE)


def decode(raw: bytes, *, where: str) -> str:
    """Decode raw bytes as UTF-8 exactly, or raise a :class:`SourceError` that says why not.

    Nothing is repaired: a file that is not clean UTF-8 text is rejected with a reason, so no
    offset ever points into text the source did not contain. A UTF-8 byte-order mark is kept
    as the text's first code point (offsets count it) and left out of every span.
    """
    for magic, kind in _MAGIC.items():
        if raw.startswith(magic):
            raise SourceError(f"binary file ({kind}), not text", reason="binary", where=where, hint="Remove it from the input.")
    if raw.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):  # before UTF-16: FF FE opens both
        raise SourceError("UTF-32 text (byte-order mark found)", reason="utf32", where=where, hint="Convert the file to UTF-8.")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError("UTF-16 text (byte-order mark found)", reason="utf16", where=where, hint="Convert the file to UTF-8.")
    if b"\x00" in raw:
        half = raw[1::2] if raw[1:2] == b"\x00" else raw[0::2]
        if len(raw) >= 4 and half.count(0) == len(half):
            raise SourceError("looks like UTF-16 without a byte-order mark", reason="utf16", where=where, hint="Convert the file to UTF-8.")
        raise SourceError(
            f"NUL byte at offset {raw.index(0)}: binary data, not text", reason="nul-bytes", where=where, hint="Remove it from the input."
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SourceError(
            f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start}; Latin-1 or Windows-1252 text looks like this)",
            reason="not-utf8",
            where=where,
            hint="Convert the file to UTF-8 and try again.",
        ) from None
    if not text:
        raise SourceError("the file is empty", reason="empty", where=where, hint="Remove it or give it content.")
    if _ONLY_BLANK.fullmatch(text):
        raise SourceError("the file holds only white space", reason="whitespace-only", where=where, hint="Remove it or give it content.")
    if _HTML.match(raw[:4096]):
        raise SourceError(
            "HTML where plain text or Markdown was expected", reason="html", where=where, hint="Extract the article's text first."
        )
    return text
