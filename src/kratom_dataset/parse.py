"""Raw bytes to a :class:`Document`: sections, paragraphs and sentences with code-point spans.

Offsets count Unicode code points in the raw bytes decoded as UTF-8 with no newline
translation, so ``text[start:end]`` is always the exact source text. Nothing here rewrites the
text: a span can be narrowed to skip whitespace, markup or wrapping quotes, never normalised.

Three layouts are recognised, in this order:

* ``template``: the seed layout: a summary line, an intro, a ``- `` bulleted table of contents
  whose entries reappear later as heading lines, sections under those headings, and a last
  unheaded paragraph that concludes;
* ``markdown``: ``#`` headings (a leading level-1 heading is the title);
* ``plain``: paragraphs with no structure, in one ``body`` section.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import itertools
import re
from dataclasses import dataclass, field

from .errors import SourceError
from .ids import record_id

_LINE = re.compile(r"[^\r\n]*")
_MD_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")
_BULLET = re.compile(r"[ \t]*[-*•][ \t]+")
_NUMBER_MARK = re.compile(r"[ \t]*\d{1,2}[.)][ \t]+(?=\S)")
_CONCLUSION_HEADING = re.compile(r"conclusion|final thoughts|bottom line|takeaways?|summary|in short", re.IGNORECASE)

# A sentence ends at . ! or ? (plus closing quotes or brackets) followed by space and then
# something that can start one: a capital, a digit, or a letter of a script without case.
# Abbreviations and initials are checked separately.
_SENTENCE_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)")
_SKIP_BEFORE_START = " \t\n\r\f\v\u00a0\u200b\u200c\u200d\u200e\u200f\u2060\ufeff\"“‘'(["
_ABBREVIATIONS = frozenset(
    ["e.g", "i.e", "etc", "vs", "dr", "mr", "mrs", "ms", "prof", "approx", "no", "fig", "st", "jr", "sr", "inc", "ltd", "co", "mt", "ca", "cf", "al", "u.s"]
)
_OPEN_QUOTES = "“\"‘"
# Characters that carry no text: white space, the byte-order mark, zero-width spaces and joiners.
_BLANK = " \t\n\r\f\v\ufeff\u200b\u200c\u200d\u2060\u00a0"
_ONLY_BLANK = re.compile(r"[\s\ufeff\u200b\u200c\u200d\u2060]*")
_CLOSE_QUOTES = "”\"’"


@dataclass(frozen=True)
class Block:
    """A section, paragraph or sentence: a span plus what the parser knows about it."""

    start: int
    end: int
    section_index: int = 0
    paragraph_index: int = 0
    is_heading: bool = False


@dataclass(frozen=True)
class SectionSpan:
    """A section of the document: its role, its heading (if any) and its span."""

    index: int
    role: str
    heading: str | None
    start: int
    end: int

    @property
    def name(self) -> str:
        """Heading text, or the role for sections without one (what provenance calls ``section``)."""
        return self.heading or self.role


@dataclass(frozen=True)
class Document:
    """A parsed article. Pure data: extractors read it, nothing mutates it."""

    article_id: str
    source_file: str
    sha256: str
    size_bytes: int
    text: str
    format: str
    title: str | None
    sections: tuple[SectionSpan, ...]
    paragraphs: tuple[Block, ...]
    sentences: tuple[Block, ...]
    _sentence_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)
    flat: str = field(default="", repr=False, compare=False)
    """The text with every soft line break (a line break inside a paragraph) read as a space: the
    same length and offsets as ``text``, so rules match "binds the\\nmu-opioid receptor" as one
    phrase while every quote is still sliced from ``text``. It is ``text`` itself when the
    article has no soft breaks."""

    def __post_init__(self):
        if not self.flat:
            object.__setattr__(self, "flat", self.text)

    def section_of(self, offset: int) -> SectionSpan:
        """The section containing ``offset`` (the last one starting at or before it): a binary
        search, since a page of one-line headings has as many sections as lines."""
        starts = self.__dict__.get("_section_starts")
        if starts is None:
            starts = [section.start for section in self.sections]
            object.__setattr__(self, "_section_starts", starts)
        return self.sections[max(0, bisect.bisect_right(starts, offset) - 1)]

    @functools.cached_property
    def sentence_ids(self) -> tuple[str, ...]:
        """Record id of every sentence, made once: the sentences table and every provenance share them."""
        return tuple(record_id("sen", self.article_id, s.start, s.end) for s in self.sentences)

    def sentence_at(self, offset: int) -> int | None:
        """Index of the sentence containing ``offset``, or None between sentences."""

        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i].end:
            return i
        return None


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


def parse_article(raw: bytes, *, article_id: str, source_file: str) -> Document:
    """Parse one article's raw bytes into a :class:`Document`."""
    text = decode(raw, where=source_file)
    lines = _lines(text)
    skip, meta_title = _front_matter(text, lines)
    lines = lines[skip:]
    layout = _template(text, lines) or _markdown(text, lines) or _plain(text, lines)
    fmt, title, sections, paragraphs = layout
    title = meta_title or title
    sentences = tuple(s for p in paragraphs for s in split_sentences(text, p))
    return Document(
        flat=_flatten(text, paragraphs),
        article_id=article_id,
        source_file=source_file,
        sha256=hashlib.sha256(raw).hexdigest(),
        size_bytes=len(raw),
        text=text,
        format=fmt,
        title=title,
        sections=tuple(sections),
        paragraphs=tuple(paragraphs),
        sentences=sentences,
        _sentence_starts=tuple(s.start for s in sentences),
    )


_FRONT_FENCE = re.compile(r"\ufeff?---")
_FRONT_END = re.compile(r"---|\.\.\.")
_FRONT_LINE = re.compile(r"[A-Za-z_][\w-]*\s*:(?:\s.*)?|-\s.*|#.*")
_FRONT_TITLE = re.compile(r"title\s*:\s*(?P<value>.+)", re.IGNORECASE)


def _front_matter(text: str, lines: list[tuple[int, int]]) -> tuple[int, str | None]:
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


def _lines(text: str) -> list[tuple[int, int]]:
    """Spans of non-blank lines, trimmed of surrounding whitespace; any of \\n, \\r\\n, \\r ends a line."""
    spans = []
    for m in _LINE.finditer(text):
        start, end = _trim(text, m.start(), m.end())
        if start < end:
            spans.append((start, end))
    return spans


_SOFT_BREAK = re.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t]*")


# Characters read as their plain forms when matching: no-break and figure spaces, the Unicode
# hyphens, as pages paste them ("7‑hydroxymitragynine"). One character each, so offsets hold.
_PLAIN_FORMS = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2010": "-", "\u2011": "-"})
_ODD_FORMS = re.compile("[\u00a0\u2007\u202f\u2010\u2011]")


def _flatten(text: str, paragraphs) -> str:
    """``text`` with the line breaks inside each paragraph turned to spaces, and no-break spaces and
    hyphens read as plain ones; offsets kept."""
    if _ODD_FORMS.search(text):
        return _flatten(text.translate(_PLAIN_FORMS), paragraphs)
    pieces = []
    cursor = 0
    for p in paragraphs:
        if text.find("\n", p.start, p.end) < 0 and text.find("\r", p.start, p.end) < 0:
            continue
        for m in _SOFT_BREAK.finditer(text, p.start, p.end):
            pieces += [text[cursor : m.start()], " " * (m.end() - m.start())]
            cursor = m.end()
    if not pieces:
        return text
    pieces.append(text[cursor:])
    return "".join(pieces)


# A list item: a bullet, or a number or letter with a dot or bracket ("1.", "2)", "a.").
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*•▪◦–—][ \t]+|\d{1,2}[.)][ \t]+|[a-zA-Z][.)][ \t]+(?=[A-Z0-9]))")
# "Week 2: 9 g/day", "Serving size: 1 tsp": a label, a colon and a value on one line.
_LABEL = re.compile(r"^[^:.!?]{1,40}:[ \t]+(?P<value>\S.*)$")
_TERMINAL = ".!?;,…"
_MINOR_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "nor",
        "of",
        "on",
        "or",
        "per",
        "the",
        "to",
        "vs",
        "via",
        "with",
        "without",
        "your",
        "you",
        "is",
        "are",
    ]
)


def is_heading_line(line: str, *, strict: bool = True, words_limit: int = 15) -> bool:
    """Whether a line of plain text reads as a heading, a title or page furniture, not a sentence.

    A heading has no closing punctuation and starts with a capital or a digit. ``strict`` asks
    more, as for a line that might be a wrapped piece of a sentence: Title Case or a closing
    colon. Otherwise any such line of up to ``words_limit`` words that stands as
    its own paragraph is one (a byline, a dateline, a tagline under a title); none ends in a word
    such as "in" or "the", as a piece of a wrapped sentence does. A "Label: value"
    line ("Week 2: 9 g/day") and a line stating an amount ("Day 4 - 7 g") are content, unless
    the rest is Title Case ("Kratom and Sleep: What to Know", "Red Bali Powder - 250 g"). A
    numbered line is a heading only in Title Case ("2. Forgetting About Sleep"); a bulleted one never.
    """
    line = line.strip()
    if not line or len(line) > 200 or _BULLET_ITEM.match(line):
        return False
    numbered = _LIST_ITEM.match(line)
    if numbered:
        rest = line[numbered.end() :]
        return bool(rest) and rest[-1] not in _TERMINAL and len(rest.split()) <= 12 and _title_case(rest)
    if line.endswith(":"):
        return len(line.split()) <= 10
    core = line.rstrip(_CLOSERS)
    if not core or core[-1] in _TERMINAL or not (line[0].isupper() or line[0].isdigit() or line[0] in _OPEN_QUOTES):
        return False
    label = _LABEL.match(line)
    if label and not _title_case(label.group("value")):
        return False
    words = line.split()
    if words[-1].lower() in _MINOR_WORDS:
        return False  # "Red vein strains are higher in": a piece of a wrapped sentence
    if AMOUNT.search(line):  # "Day 4 – 7 g" states an amount; "Red Bali Kratom Powder – 250 g" names a product
        rest = AMOUNT.sub(" ", line)
        return len(words) <= 12 and _title_case(rest) and sum(1 for w in rest.split() if w[0].isupper() and not w.isupper()) >= 2
    if strict:
        return len(words) <= 12 and _title_case(line)
    return len(words) <= words_limit


_BULLET_ITEM = re.compile(r"[ \t]*[-*•▪◦–—][ \t]+")
_CLOSERS = "\"”’)]"


# A number and a unit of amount, as a heading rarely holds one: "8 g", "12g/day", "10%", "1/2 tsp".
AMOUNT = re.compile(r"\d\s*(?:g|mg|mcg|µg|grams?|%|tsp|tbsp|teaspoons?|tablespoons?|oz|ml)(?![^\W\d_])", re.IGNORECASE)


def _title_case(phrase: str) -> bool:
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", phrase)]
    if not words or not words[0][0].isupper():
        return False
    major = [w for w in words if w.lower() not in _MINOR_WORDS]
    return bool(major) and all(w[0].isupper() for w in major)


def _continues(text: str, prev: tuple[int, int], nxt: tuple[int, int], gap: str, width: int) -> bool:
    """Whether line ``nxt`` goes on with the paragraph of line ``prev`` (a soft line break).

    As in CommonMark a blank line ends a paragraph; so do a list item and a heading. A wrapped
    line runs close to the text's wrap ``width`` and no longer; a line that stops without
    closing punctuation ends its paragraph ("Day 1-3 - 10 g", a title, a byline) unless the next
    line plainly goes on with it in lower case ("Kratom is a tree\nnative to ...") and does not
    repeat its first word as a parallel list would ("week 1 - 35g/day\nweek 2 - 30g/day"), or it
    is a wrapped line and the next one goes on with a capital ("binds the\nMOR").
    """
    if gap.count("\n") + gap.count("\r") - gap.count("\r\n") > 1:
        return False
    before, after = text[prev[0] : prev[1]], text[nxt[0] : nxt[1]]
    if _LIST_ITEM.match(after) or _MD_HEADING.match(after) or _MD_HEADING.match(before):
        return False
    if before.split()[-1].lower() in _MINOR_WORDS and not _LABEL.match(after):
        return True  # "broken down mainly by\nCYP3A4": a line ending in "by" or "the" runs on
    wrapped = width and _WRAPPED * width <= len(before) <= width and len(before) >= 25 and before.count(" ") >= 3
    first = after.lstrip("([“‘\"'")[:1] or after[0]  # "(standardised to 45%)" opens in lower case
    if first.islower() or (first.isdigit() and not _LABEL.match(after) and not (is_heading_line(before) and AMOUNT.search(after[:24]))):
        return before[-1] not in ".!?" and (wrapped or not _parallel(before, after))
    if not wrapped or not first.isupper() or _LABEL.match(before) or _LABEL.match(after) or before[-1] in ":;…":
        return False
    if is_heading_line(before) or _BYLINE.search(before):
        return False  # a heading or a byline ends its line whatever comes next
    if _LIST_ITEM.match(before) or len(before) + 1 + len(after.split()[0]) <= width:
        return False  # a wrapper breaks a line only where the next word would not fit
    return before[-1] not in ".!?" and not (len(after.split()) <= 4 and is_heading_line(after, strict=False))


def _parallel(before: str, after: str) -> bool:
    """Whether two lines are entries of one list: the same first word, and a number in each
    ("week 1 - 35g/day" then "week 2 - 30g/day")."""
    return before.split()[0].lower() == after.split()[0].lower() and _DIGIT_IN.search(before) is not None and _DIGIT_IN.search(after) is not None


_DIGIT_IN = re.compile(r"\d")

# A byline, a dateline or a breadcrumb, which a capitalised line never continues: "By Jane Doe |
# 3 March 2024", "Home > Extracts > Resin".
_BYLINE = re.compile(r"^(?:by|posted|updated|published|reviewed|medically reviewed|written|last (?:updated|edited))\b|\s[|·•»›>/]\s", re.IGNORECASE)

#: A line at least this share of the text's wrap width may have been wrapped.
_WRAPPED = 0.5


def _paragraph_lines(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Lines joined into paragraphs across soft line breaks (see :func:`_continues`)."""
    # The wrap width, read off the lines that certainly were wrapped: they stop mid-sentence and
    # the next line runs on in lower case. A wrapper makes no line longer than its width; a text
    # with none of them is not hard-wrapped.
    lengths = sorted(
        e - s for (s, e), (ns, _) in itertools.pairwise(lines) if text[e - 1] not in ".!?:;" and text[ns].islower() and text.count("\n", e, ns) + text.count("\r", e, ns) - text.count("\r\n", e, ns) == 1
    )
    width = lengths[-1] if len(lengths) >= 3 else 0  # a wrap width is read off a few lines, not one
    out: list[tuple[int, int]] = []
    previous = None  # the paragraph's last line so far: the line before, never searched for again
    for span in lines:
        if out and previous is not None and _continues(text, previous, span, text[out[-1][1] : span[0]], width):
            out[-1] = (out[-1][0], span[1])
        else:
            out.append(span)
        previous = span
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start] in _BLANK or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in _BLANK or text[end - 1].isspace()):
        end -= 1
    return start, end


def _unquote(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop quotes that wrap a whole paragraph (the seed intros), keeping the inner span."""
    if end - start >= 2 and text[start] in _OPEN_QUOTES and text[end - 1] in _CLOSE_QUOTES:
        inner = text[start + 1 : end - 1]
        if inner.strip() and "“" not in inner and "”" not in inner:
            return _trim(text, start + 1, end - 1)
    return start, end


def _paragraph(text: str, span: tuple[int, int], section: int, index: int, *, heading=False) -> Block:
    start, end = span
    m = _BULLET.match(text, start, end) or _NUMBER_MARK.match(text, start, end)
    if m:
        start = m.end()
    if not heading:
        start, end = _unquote(text, start, end)
    return Block(start, end, section, index, heading)


def _template(text: str, lines):
    """The seed layout, recognised by a bulleted list whose entries reappear as heading lines."""
    bullets = [i for i, (s, e) in enumerate(lines) if _BULLET.match(text, s, e)]
    if not bullets or bullets[0] == 0:
        return None
    first = bullets[0]
    run = [first]
    while run[-1] + 1 < len(lines) and run[-1] + 1 in bullets:
        run.append(run[-1] + 1)
    entries = [text[_BULLET.match(text, *lines[i]).end() : lines[i][1]] for i in run]
    later = [text[s:e] for s, e in lines[run[-1] + 1 :]]
    if not all(entry in later for entry in entries):
        return None
    sections: list[SectionSpan] = []
    paragraphs: list[Block] = []

    def add_section(role, heading, start, end):
        sections.append(SectionSpan(len(sections), role, heading, start, end))

    intro = lines[:first]
    add_section("summary", None, *intro[0])
    paragraphs.append(_paragraph(text, intro[0], 0, 0))
    if len(intro) > 1:
        add_section("intro", None, intro[1][0], intro[-1][1])
        for span in intro[1:]:
            paragraphs.append(_paragraph(text, span, 1, len(paragraphs)))
    toc = len(sections)
    add_section("toc", None, lines[run[0]][0], lines[run[-1]][1])
    for i in run:
        paragraphs.append(_paragraph(text, lines[i], toc, len(paragraphs), heading=True))
    headings = set(entries)
    body = lines[run[-1] + 1 :]
    current = None
    groups: list[tuple[str, tuple[int, int], list[tuple[int, int]]]] = []
    for span in body:
        line = text[span[0] : span[1]]
        if line in headings:
            current = (line, span, [])
            groups.append(current)
        elif current is None:
            current = ("", span, [span])
            groups.append(current)
        else:
            current[2].append(span)
    conclusion = None
    if groups and len(groups[-1][2]) >= 2:
        conclusion = groups[-1][2].pop()
    for heading, hspan, spans in groups:
        end = spans[-1][1] if spans else hspan[1]
        index = len(sections)
        add_section("section" if heading else "intro", heading or None, hspan[0], end)
        if heading:
            paragraphs.append(_paragraph(text, hspan, index, len(paragraphs), heading=True))
        for span in spans:
            paragraphs.append(_paragraph(text, span, index, len(paragraphs)))
    if conclusion:
        add_section("conclusion", None, *conclusion)
        paragraphs.append(_paragraph(text, conclusion, len(sections) - 1, len(paragraphs)))
    return "template", None, sections, paragraphs


def _markdown(text: str, lines):
    """Markdown: ``#`` headings start sections; a leading level-1 heading is the title.

    Other lines are joined into paragraphs across soft line breaks; a short line that reads as a
    heading (:func:`is_heading_line`) and is followed by more text is a heading inside its section.
    """
    marks = [(_MD_HEADING.match(text[s:e]), (s, e)) for s, e in lines]
    if not any(m for m, _ in marks):
        return None
    sections: list[SectionSpan] = []
    paragraphs: list[Block] = []
    title = None
    runs: list[list[tuple[int, int]]] = [[]]
    for n, (m, span) in enumerate(marks):
        if not m:
            runs[-1].append(span)
            continue
        _add_paragraphs(text, _paragraph_lines(text, runs[-1]), sections, paragraphs, new_sections=False)
        runs.append([])
        heading_start = span[0] + m.start(2)
        heading_end = span[0] + m.end(2)
        heading = text[heading_start:heading_end]
        if n == 0 and len(m.group(1)) == 1:
            title = heading
        role = "conclusion" if _CONCLUSION_HEADING.search(heading) else "section"
        sections.append(SectionSpan(len(sections), role, heading, span[0], span[1]))
        if heading_end > heading_start:
            paragraphs.append(Block(heading_start, heading_end, len(sections) - 1, len(paragraphs), True))
    _add_paragraphs(text, _paragraph_lines(text, runs[-1]), sections, paragraphs, new_sections=False, last=True)
    return "markdown", title, sections, paragraphs


def _plain(text: str, lines):
    """No markup: paragraphs across soft line breaks; a line that reads as a heading starts a section.

    A text with no such line is one ``body`` section. A heading on the first line is the title.
    """
    spans = _paragraph_lines(text, lines)
    sections: list[SectionSpan] = []
    paragraphs: list[Block] = []
    _add_paragraphs(text, spans, sections, paragraphs, new_sections=True, last=True)
    first = paragraphs[0]
    title = text[first.start : first.end] if first.is_heading else None
    return "plain", title, sections, paragraphs


def _add_paragraphs(text, spans, sections, paragraphs, *, new_sections: bool, last: bool = False) -> None:
    """Append ``spans`` as paragraphs; with ``new_sections`` each heading line opens a section."""
    for n, span in enumerate(spans):
        more = n + 1 < len(spans) or not last
        line = text[span[0] : span[1]]
        first = not paragraphs
        heading = more and is_heading_line(" ".join(line.split()), strict=False, words_limit=25 if first else 15)
        if new_sections and (heading or not sections):
            role = ("conclusion" if _CONCLUSION_HEADING.search(line) else "section") if heading else "body"
            sections.append(SectionSpan(len(sections), role, line if heading else None, span[0], span[1]))
        if not sections:
            sections.append(SectionSpan(0, "intro", None, span[0], span[1]))
        current = sections[-1]
        sections[-1] = SectionSpan(current.index, current.role, current.heading, current.start, max(current.end, span[1]))
        paragraphs.append(_paragraph(text, span, current.index, len(paragraphs), heading=heading))


def split_sentences(text: str, paragraph: Block) -> list[Block]:
    """Split one paragraph into sentence spans; headings stay whole."""
    start, end = paragraph.start, paragraph.end
    if start >= end:
        return []
    if paragraph.is_heading:
        return [paragraph]
    pieces = []
    cursor = start
    for m in _SENTENCE_END.finditer(text, start, end):
        if not _starts_sentence(text, m.end(), end) or _is_abbreviation(text, cursor, m.start()):
            continue
        pieces.append((cursor, m.end()))
        cursor = m.end()
    pieces.append((cursor, end))
    out = []
    for s, e in pieces:
        s, e = _trim(text, s, e)
        if s < e:
            out.append(Block(s, e, paragraph.section_index, paragraph.paragraph_index, False))
    return out


def _starts_sentence(text: str, pos: int, end: int) -> bool:
    while pos < end and text[pos] in _SKIP_BEFORE_START:
        pos += 1
    if pos >= end:
        return False
    ch = text[pos]
    return ch.isupper() or ch.isdigit() or (ch.isalpha() and not ch.islower())


def _is_abbreviation(text: str, start: int, dot: int) -> bool:
    if text[dot] != ".":
        return False
    word_start = dot
    while word_start > start and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:dot].lstrip("(\"“‘'")
    # An initial ("J. Smith") is a capital letter; "5 g." ends a sentence with a unit.
    return word.lower() in _ABBREVIATIONS or (len(word) == 1 and word.isupper())
