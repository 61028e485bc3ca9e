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

import hashlib
import re
from typing import NamedTuple

from . import quotes
from .cells import COLUMNS, TABLE_ROW
from .decoding import decode
from .document import Block, Document, SectionSpan, trim
from .front_matter import front_matter
from .lexicon import factored
from .lines import (
    ITEM_MARK,
    MD_HEADING,
    OPEN_QUOTES,
    OUTLINE_NUMBER,
    is_attribute_line,
    is_author_line,
    is_bare_item,
    is_forum_byline,
    is_heading_line,
    is_note_run,
    is_numbered_heading,
    single_break,
)
from .lines import MINOR_WORDS as _MINOR_WORDS  # noqa: F401 - tests/test_wrapping.py reads it from here
from .menus import is_menu_line
from .sentences import split_sentences
from .vocabulary import ArticleFormat, SectionRole
from .wrapping import paragraph_lines

# The text of each line; a blank line is no span, so the empty matches between breaks are not made.
_LINE = re.compile(r"[^\r\n]+")
_BULLET = re.compile(r"[ \t]*[-*•][ \t]+")
# "1. ", "2) ", an outline's "3.2 " and a thread's numbered post "3/ " (a fraction, "1/2 tsp", has no space after its slash)
_NUMBER_MARK = re.compile(rf"[ \t]*(?:#?\d{{1,2}}[.)/]|{OUTLINE_NUMBER})[ \t]+(?=\S)", re.MULTILINE)
_CONCLUSION_HEADING = factored(r"conclusion|final thoughts|bottom line|takeaways?|summary|in short", re.IGNORECASE)
# The heading of a list of sources or of links to other pages: its entries cite titles, they assert nothing of the page's own.
_REFERENCES_HEADING = factored(
    r"\W*(?:(?:scientific |selected |cited )?references?(?: list| and (?:notes|sources|further reading))?|sources?(?: and references)?|"
    r"bibliography|works cited|literature cited|citations|further reading|similar (?:articles|threads|posts)|cited by(?: \d+ articles?)?|"
    r"related (?:articles|posts|reading|stories|content|products|guides|coverage|news|links|threads)|you (?:may|might) also (?:like|enjoy)|"
    r"read next|more (?:stories|articles|news|coverage)|"
    r"popular posts|recommended (?:reading|for you|articles)|customers also (?:bought|viewed)|more from(?: [\w&' ]{1,30})?|trending(?: now)?|related)"
    # "SOURCES (available with your library card)": the heading with an aside
    r"(?:\s*\([^()\n]{1,60}\))?\W*",
    re.IGNORECASE,
)
# The edit link a wiki's heading ends with: "References [edit]", "Pharmacology [ edit ]".
_EDIT_LINK = re.compile(r"\s*\[\s*edit(?:\s*\|\s*edit source)?\s*\]\s*$", re.IGNORECASE)
_CLOSE_QUOTES = '”"’'
# The heading of a table of contents, whose entries follow it one to a line.
_CONTENTS = factored(r"(?:table of )?contents:?|in this (?:article|guide|post|page):?|on this page:?|jump to:?", re.IGNORECASE)

# Named here before they had modules of their own, and still imported from here.
__all__ = ["Document", "decode", "is_heading_line", "parse_article"]

LineSpan = tuple[int, int]


class Layout(NamedTuple):
    """What a layout rule makes of an article's lines."""

    format: ArticleFormat
    title: str | None
    sections: list[SectionSpan]
    paragraphs: list[Block]


def parse_article(raw: bytes, *, article_id: str, source_file: str) -> Document:
    """Parse one article's raw bytes into a :class:`Document`."""
    text = decode(raw, where=source_file)
    lines = _lines(text)
    skip, meta_title = front_matter(text, lines)
    lines = lines[skip:]
    quoted = quotes.quoted(text)
    layout = _template(text, lines) or _markdown(text, lines) or _plain(text, lines, quoted)
    fmt, title, sections, paragraphs = layout
    title = meta_title or title
    flat = _flatten(text, paragraphs, quoted)
    sentences = tuple(s for p in paragraphs for s in split_sentences(flat if quoted else text, p))
    return Document(
        flat=flat,
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


def _lines(text: str) -> list[LineSpan]:
    """Spans of non-blank lines, trimmed of surrounding whitespace; any of \\n, \\r\\n, \\r ends a line."""
    spans = []
    for m in _LINE.finditer(text):
        start, end = trim(text, m.start(), m.end())
        if start < end:
            spans.append((start, end))
    return spans


_SOFT_BREAK = re.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t]*")
# Characters read as their plain forms when matching: no-break and figure spaces, the Unicode
# hyphens, as pages paste them ("7‑hydroxymitragynine"). One character each, so offsets hold.
_PLAIN_FORMS = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2010": "-", "\u2011": "-"})
#: The characters of :data:`_PLAIN_FORMS`, each looked for as a substring: a regex class of them
#: is tested against every character one by one.
_ODD_FORMS = "\u00a0\u2007\u202f\u2010\u2011"


def _flatten(text: str, paragraphs: list[Block], quoted: bool = False) -> str:
    """``text`` with the line breaks inside each paragraph turned to spaces (with the quote marks
    after them, on a page that quotes), and no-break spaces and hyphens read as plain ones; offsets kept."""
    if any(form in text for form in _ODD_FORMS):
        return _flatten(text.translate(_PLAIN_FORMS), paragraphs, quoted)
    pieces: list[str] = []
    cursor = 0
    soft = quotes.QUOTED_BREAK if quoted else _SOFT_BREAK
    for p in paragraphs:
        if text.find("\n", p.start, p.end) < 0 and text.find("\r", p.start, p.end) < 0:
            continue
        for m in soft.finditer(text, p.start, p.end):
            pieces += [text[cursor : m.start()], " " * (m.end() - m.start())]
            cursor = m.end()
    if not pieces:
        return text
    pieces.append(text[cursor:])
    return "".join(pieces)


def _unquote(text: str, start: int, end: int) -> LineSpan:
    """Drop quotes that wrap a whole paragraph (the seed intros), keeping the inner span; a
    paragraph that holds other quotation marks inside opens and closes two quotations
    ('"Kratom is not harmless," said Dr. Reyes. "We see seizures."'), which keep theirs."""
    if end - start >= 2 and text[start] in OPEN_QUOTES and text[end - 1] in _CLOSE_QUOTES:
        inner = text[start + 1 : end - 1]
        if inner.strip() and "“" not in inner and "”" not in inner and '"' not in inner:
            return trim(text, start + 1, end - 1)
    return start, end


def _paragraph(text: str, span: LineSpan, section: int, index: int, *, heading: bool = False) -> Block:
    start, end = span
    m = ITEM_MARK.match(text, start, end) or _NUMBER_MARK.match(text, start, end)
    if m:
        start = m.end()
    if not heading:
        start, end = _unquote(text, start, end)
    return Block(start, end, section, index, heading)


def _template(text: str, lines: list[LineSpan]) -> Layout | None:
    """The seed layout, recognised by a bulleted list whose entries reappear as heading lines."""
    marks = {i: m for i, (s, e) in enumerate(lines) if (m := _BULLET.match(text, s, e))}
    bullets = list(marks)
    if not bullets or bullets[0] == 0:
        return None
    first = bullets[0]
    run = [first]
    while run[-1] + 1 < len(lines) and run[-1] + 1 in bullets:
        run.append(run[-1] + 1)
    entries = [text[marks[i].end() : lines[i][1]] for i in run]
    later = [text[s:e] for s, e in lines[run[-1] + 1 :]]
    if not all(entry in later for entry in entries):
        return None
    sections: list[SectionSpan] = []
    paragraphs: list[Block] = []

    def add_section(role: SectionRole, heading: str | None, start: int, end: int) -> None:
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
    current: tuple[str, LineSpan, list[LineSpan]] | None = None
    groups: list[tuple[str, LineSpan, list[LineSpan]]] = []
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
    return Layout("template", None, sections, paragraphs)


def _markdown(text: str, lines: list[LineSpan]) -> Layout | None:
    """Markdown: ``#`` headings start sections; a leading level-1 heading is the title.

    Other lines are joined into paragraphs across soft line breaks; a short line that reads as a
    heading (:func:`is_heading_line`) and is followed by more text is a heading inside its section.
    """
    marks = [(MD_HEADING.match(text[s:e]), (s, e)) for s, e in lines]
    if not any(m for m, _ in marks):
        return None
    sections: list[SectionSpan] = []
    paragraphs: list[Block] = []
    title = None
    runs: list[list[LineSpan]] = [[]]
    for n, (m, span) in enumerate(marks):
        if not m:
            runs[-1].append(span)
            continue
        _add_paragraphs(text, paragraph_lines(text, runs[-1]), sections, paragraphs, new_sections=False)
        runs.append([])
        heading_start = span[0] + m.start(2)
        heading_end = span[0] + m.end(2)
        heading = text[heading_start:heading_end]
        if n == 0 and len(m.group(1)) == 1:
            title = heading
        sections.append(SectionSpan(len(sections), heading_role(heading), heading, span[0], span[1]))
        if heading_end > heading_start:
            paragraphs.append(Block(heading_start, heading_end, len(sections) - 1, len(paragraphs), True))
    _add_paragraphs(text, paragraph_lines(text, runs[-1]), sections, paragraphs, new_sections=False, last=True)
    return Layout("markdown", title, sections, paragraphs)


def heading_role(heading: str) -> SectionRole:
    """The role of the section a heading opens: a conclusion, a list of references, or a section."""
    if _REFERENCES_HEADING.fullmatch(_EDIT_LINK.sub("", heading).strip()):
        return "references"  # "References [edit]": a wiki's heading with its edit link
    return "conclusion" if _CONCLUSION_HEADING.search(heading) else "section"


def _plain(text: str, lines: list[LineSpan], quoted: bool = False) -> Layout:
    """No markup: paragraphs across soft line breaks; a line that reads as a heading starts a section.

    A text with no such line is one ``body`` section. A heading on the first line is the title.
    ``quoted``: the page quotes with ">", read without the marks, a paragraph never running on
    from one depth of quoting to another (a reply under the line it quotes).
    """
    spans = paragraph_lines(text, quotes.unmarked(text, lines) if quoted else lines)
    if quoted:
        spans = [piece for span in spans for piece in quotes.by_depth(text, span)]
    sections: list[SectionSpan] = []
    paragraphs: list[Block] = []
    _add_paragraphs(text, spans, sections, paragraphs, new_sections=True, last=True)
    first = _title_paragraph(text, paragraphs)
    title = text[first.start : first.end] if first.is_heading else None
    return Layout("plain", title, sections, paragraphs)


# A breadcrumb: "Home › Guides › Dosing", "Substances A–Z > Kratom > Kratom and the brain".
_BREADCRUMB = re.compile(r"[^\n]*?\S\s[›>»/]\s\S[^\n]*")


def _title_paragraph(text: str, paragraphs: list[Block]) -> Block:
    """The paragraph that holds the page's title: the first, or the heading right under a
    breadcrumb among the page's first lines, where a copied page puts its title below the site's
    name and menu ("Highland Drug & Alcohol Partnership" / menu / "Substances A–Z > Kratom" /
    "Kratom and the Brain")."""
    for n, p in enumerate(paragraphs[: _TITLE_REACH - 1]):
        if _BREADCRUMB.fullmatch(text, p.start, p.end):
            # the first heading under it that is no more chrome ("Volume 12, Issue 3 · September 2023")
            under = next((q for q in paragraphs[n + 1 : _TITLE_REACH] if not _chrome(text, q)), None)
            if under is not None and under.is_heading:
                return under
    return paragraphs[0]


#: How many lines open a page (title, tagline, byline) before its body can run notes.
_PAGE_TOP = 3
#: How many heading lines (breadcrumb, site name, kicker) may stand before a page's title.
_TITLE_REACH = 6
# A line that may stand above a page's title: a breadcrumb, a kicker in capitals ("HEALTH") or a
# section's name ("Abstract", "News"); another short line in mixed case may be the title itself.
_KICKER = re.compile(
    r"\s[›>»|·•/]\s|^[^a-z\d\n]*[A-Z][^a-z\d\n]*$"
    r"|^\W*(?i:abstract|news|health|science|opinion|review|research|wellness|guides?|blog|features?|explainer|analysis|(?:study )?results"
    r"|(?:press|media) releases?|fact ?sheets?|newsroom|original (?:article|research)|case reports?|skip to (?:main )?content)\W*$",
    re.MULTILINE,  # searched from a paragraph's start inside the text: "^" is the start of its line
)


def _bare_list(text: str, spans: list[LineSpan]) -> set[int]:
    """The lines that are items of a list whose bullets a page's copy lost: a run of lines that
    read as items (:func:`is_bare_item`), one line break apart. A run's first line is an item
    only under a heading one line break above ("Key Takeaways", "2. Receptor pharmacology"); otherwise it may head the
    rest ("Opioid receptors and sleep" over notes). A line right above a paragraph heads that
    paragraph ("Kratom and opioids"). Two items or more make a list; a lone line under a title
    is a tagline ("From the free encyclopedia")."""
    bare = [is_bare_item(text[s:e]) for s, e in spans]
    joined = [single_break(text[spans[n][1] : spans[n + 1][0]]) for n in range(len(spans) - 1)] + [False]
    items: set[int] = set()
    n = 0
    while n < len(spans):
        if not bare[n]:
            n += 1
            continue
        last = n
        while joined[last] and bare[last + 1]:
            last += 1
        run = range(n, last + 1 - joined[last])
        above = " ".join(text[spans[n - 1][0] : spans[n - 1][1]].split()) if n else ""
        if not (n and joined[n - 1] and (is_heading_line(above) or is_numbered_heading(above, text[spans[n][0] : spans[n][1]]))):
            run = run[1:]
        if len(run) >= 2:
            items.update(run)
        n = last + 1
    return items


#: The most words a paper's title over its author line runs to: a longer line is a paragraph.
_TITLE_WORDS = 40

# A line whose items only wide gaps set apart ("Week    Daily total    Split"): the head of a table
# laid out in spaces as often as a menu ("Home   About   Archive").
_COLUMNS_ONLY = re.compile(r"[^·•|›>»/\n]*")


def _chrome(text: str, p: Block) -> bool:
    """Whether a paragraph at the top of a page is chrome that may stand over its title: a kicker
    or a breadcrumb heading, or a menu."""
    return (p.is_heading and _KICKER.search(text, p.start, p.end) is not None) or is_menu_line(text[p.start : p.end])


def _add_paragraphs(
    text: str, spans: list[LineSpan], sections: list[SectionSpan], paragraphs: list[Block], *, new_sections: bool, last: bool = False
) -> None:
    """Append ``spans`` as paragraphs; with ``new_sections`` each heading line opens a section."""
    contents = False  # inside a table of contents: its entries are headings too
    bare_list = _bare_list(text, spans)
    for n, span in enumerate(spans):
        more = n + 1 < len(spans) or not last
        line = text[span[0] : span[1]]
        # The page's title may follow a breadcrumb, a site name or a kicker ("Home › News", "HEALTH").
        # ... or a site's name over its menu or breadcrumb ("Journal of Asian Pharmacokinetics" / "Home | Archive")
        first = (
            not paragraphs
            or (
                len(paragraphs) < _TITLE_REACH
                and (
                    all(_chrome(text, p) for p in paragraphs)
                    or (
                        len(paragraphs) >= 2
                        and paragraphs[0].is_heading
                        and all(_chrome(text, p) for p in paragraphs[1:])
                        # under a line set apart by gaps alone, a line laid out in gaps too is a row of its table
                        and not (COLUMNS.search(line) and any(_COLUMNS_ONLY.fullmatch(text, p.start, p.end) for p in paragraphs[1:]))
                    )
                )
                and not is_attribute_line(line)
            )
        )
        heading = more and is_heading_line(" ".join(line.split()), strict=False, words_limit=25 if first else 15, title=first)
        following = text[spans[n + 1][0] : spans[n + 1][1]] if n + 1 < len(spans) else ""
        if heading and paragraphs and is_forum_byline(text[paragraphs[-1].start : paragraphs[-1].end]):
            heading = False  # "u/name · 9h" then "4 months seems long lol": a post, not a heading
        if (
            heading
            and TABLE_ROW.search(line)
            and (TABLE_ROW.search(following) or (paragraphs and TABLE_ROW.search(text, paragraphs[-1].start, paragraphs[-1].end)))
        ):
            heading = False  # "Quetiapine | CYP3A4 | Major" among rows like it: a row of a table
        if not heading and more and (contents or is_numbered_heading(line, following)):
            entry = " ".join(_NUMBER_MARK.sub("", line, count=1).split())  # a contents entry may ask ("1. Why a spreadsheet?")
            heading = is_heading_line(entry, strict=False, words_limit=12) or (contents and entry[-1:] == "?" and entry.count(" ") < 12)
        if not heading and more and line.rstrip()[-1:] not in ".;," and len(line.split()) <= _TITLE_WORDS and is_author_line(following):
            heading = True  # a paper's title, however long or cased, over its authors; a paragraph is none
        if heading and not first and not contents and n in bare_list:
            heading = False  # "Key Takeaways" over "Start low and go slow" / "Never mix it with alcohol"
        # a heading one line break under the paragraph before it (read only for a heading)
        under_previous = heading and bool(paragraphs) and single_break(text[paragraphs[-1].end : span[0]])
        if (
            heading
            and not first
            and not contents
            and len(paragraphs) > _PAGE_TOP  # under the title, a line is a tagline or a byline
            and not paragraphs[-1].is_heading
            and under_previous
            and is_note_run(
                text[paragraphs[-1].start : paragraphs[-1].end],
                line,
                following if n + 1 < len(spans) and single_break(text[span[1] : spans[n + 1][0]]) else None,
            )
        ):
            heading = False  # "7-OH-MG: tenfold higher MOR affinity" / "CYP2D6 inhibition at high concentrations"
        if heading and sections and sections[-1].role == "references" and under_previous:
            heading = False  # "Related" over "Why more people search for kratom": entries of the list, not headings
        contents = heading and (contents or _CONTENTS.fullmatch(line.strip()) is not None)
        if new_sections and (heading or not sections):
            role: SectionRole = heading_role(line) if heading else "body"
            sections.append(SectionSpan(len(sections), role, line if heading else None, span[0], span[1]))
        if not sections:
            sections.append(SectionSpan(0, "intro", None, span[0], span[1]))
        current = sections[-1]
        sections[-1] = SectionSpan(current.index, current.role, current.heading, current.start, max(current.end, span[1]))
        paragraphs.append(_paragraph(text, span, current.index, len(paragraphs), heading=heading))
