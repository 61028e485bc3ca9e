"""YAML front matter of a Markdown file: the "---" fence, "key: value" lines and the closing
fence, read for the page's title and skipped, since none of it is a sentence of the page."""

from __future__ import annotations

import re

_FRONT_FENCE = re.compile(r"\ufeff?---")
_FRONT_END = re.compile(r"---|\.\.\.")
_FRONT_LINE = re.compile(r"[A-Za-z_][\w-]*\s*:(?:\s.*)?|-\s.*|#.*")
_FRONT_TITLE = re.compile(r"title\s*:\s*(?P<value>.+)", re.IGNORECASE)


def front_matter(text: str, lines: list[tuple[int, int]]) -> tuple[int, str | None]:
    """YAML front matter of a Markdown file ("---", "key: value" lines, "---"): how many lines it
    takes and its title. It is metadata about the page, so none of it becomes a sentence or a claim."""
    if not lines or not _FRONT_FENCE.fullmatch(text[lines[0][0] : lines[0][1]]):
        return 0, None
    title = None
    for n, (s, e) in enumerate(lines[1:61], start=1):
        line = text[s:e]
        if _FRONT_END.fullmatch(line):
            return (n + 1, title) if n > 1 else (0, None)
        indented = s > 0 and text[s - 1] in " \t"
        if not (indented or _FRONT_LINE.fullmatch(line)):
            return 0, None  # not YAML: a thematic break opening the text
        m = _FRONT_TITLE.fullmatch(line) if not indented else None
        if m and title is None:
            title = m.group("value").strip().strip("\"'").strip() or None
    return 0, None
