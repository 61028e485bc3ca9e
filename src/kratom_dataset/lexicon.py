"""Read the lexicons and the taxonomy shipped in ``kratom_dataset/lexicons`` and compile them.

Lexicons are data, not code: each file carries its own version, and the extractors fold those
versions into theirs so a change of words is visible in provenance.
"""

from __future__ import annotations

import _sre as _sre_engine  # type: ignore[import-not-found]
import json
import re
import sys
from collections.abc import Iterable
from importlib import resources
from typing import Any

from .errors import LexiconError

if sys.version_info >= (3, 11):  # the regex parser moved in Python 3.11
    from re import _compiler as _sre_compiler
    from re import _constants as _sre
    from re import _parser as _sre_parser
else:  # pragma: no cover - Python 3.10
    import sre_compile as _sre_compiler
    import sre_constants as _sre
    import sre_parse as _sre_parser

APOSTROPHE = "['’]"


#: Parsed lexicons by name, kept for the process: the rules' lexicons are read again for every
#: pattern they compile. A model's weights leave once the model is made (:func:`forget`).
_READ: dict[str, dict[str, Any]] = {}


def read(name: str) -> dict[str, Any]:
    """Parsed JSON of lexicon ``name`` (without extension), its pieces put in place, read once.

    A lexicon may name pieces its patterns share under ``"pieces"`` ("page": the words a page
    calls itself by) and write ``<<page>>`` where one stands, so a word added to a piece reaches
    every pattern that uses it."""
    data = _READ.get(name)
    if data is None:
        data = _READ[name] = _parse(name)
    return data


def forget(name: str) -> None:
    """Drop lexicon ``name``'s parsed JSON: a model's weights, once the model is made from them.
    Kept, its hundred thousand lists would be walked by every collection of the cyclic garbage
    collector, after every batch."""
    _READ.pop(name, None)


def _parse(name: str) -> dict[str, Any]:
    with resources.files("kratom_dataset.lexicons").joinpath(f"{name}.json").open("rb") as fh:
        data: dict[str, Any] = json.load(fh)
    pieces: dict[str, str] = data.get("pieces", {})
    return {key: value if key == "pieces" else _with_pieces(value, pieces, name) for key, value in data.items()}


_PIECE = re.compile(r"<<(\w+)>>")


def _with_pieces(value: Any, pieces: dict[str, str], lexicon: str) -> Any:
    if isinstance(value, str):
        return _PIECE.sub(lambda m: f"(?:{_piece(pieces, m.group(1), lexicon)})", value) if "<<" in value else value
    if isinstance(value, list):
        return [_with_pieces(v, pieces, lexicon) for v in value]
    if isinstance(value, dict):
        return {k: _with_pieces(v, pieces, lexicon) for k, v in value.items()}
    return value


def _piece(pieces: dict[str, str], name: str, lexicon: str) -> str:
    if name not in pieces:
        raise LexiconError(f'lexicon {lexicon!r} uses the piece <<{name}>>, which its "pieces" do not name. Add it there.')
    return pieces[name]


WORD_START = r"(?<![\w-])"
WORD_END = r"(?![\w])"


def body(words: str) -> str:
    """A lexicon pattern's regex body: a straight apostrophe also matches a curly one."""
    return words.replace("'", APOSTROPHE)


def pattern(words: str, *, case_sensitive: bool = False, guard: bool = False) -> re.Pattern[str]:
    """Compile a lexicon pattern on word boundaries, letting ' match a straight or curly apostrophe.

    Boundaries are lookarounds on word characters rather than ``\\b``, so a pattern may start or
    end with a symbol such as ``µ`` or ``~``. ``guard`` leads it with :func:`guarded`'s lookahead,
    for patterns scanned over whole sentences.
    """
    flags = 0 if case_sensitive else re.IGNORECASE
    source = rf"{WORD_START}(?:{body(words)}){WORD_END}"
    return guarded(source, flags) if guard else factored(source, flags)


def guarded(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, led by a lookahead on the characters a match can start with.

    The regex engine tries a pattern at every position of the text; a pattern that opens with a
    lookbehind and an alternation of words does all that work at each one. The lookahead turns
    most positions away after one character test and changes no match: its class holds every
    character the pattern can consume first (worked out from the parsed pattern, under the same
    flags). Where that cannot be worked out, the pattern is compiled as it is.
    """
    try:
        items = _first_class(list(_sre_parser.parse(source, flags).data))
    except re.error:
        items = None
    if items is None or source.startswith("(?") and source[2:3].isalpha():
        return factored(source, flags)  # global inline flags must stay first
    return factored(f"(?=[{''.join(dict.fromkeys(items))}])(?:{source})", flags)


def factored(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)`` with the alternatives of each alternation that open with one
    literal character gathered under it, as a trie is ("(?:people|peers|users)" is compiled as
    "(?:pe(?:ople|ers)|users)").

    sre enters every alternative of an alternation in turn, and a case-insensitive alternative
    cannot be skipped on its first character without being entered; gathered, the alternatives
    of one first character cost one entry. Alternatives that open with different characters
    never both match at one place, so their order does not matter; alternatives of one
    character keep theirs, and one that opens with anything else (a class, a group, a
    character outside ASCII) keeps its place among all of them. The compiled pattern's
    ``pattern`` is ``source``. It is built through the regex engine's private interface; a
    Python whose engine reads it otherwise gets ``re.compile(source, flags)``, which matches the
    same.
    """
    try:
        parsed = _sre_parser.parse(source, flags)
    except re.error:
        return re.compile(source, flags)
    try:
        tree = _factor(parsed, bool(parsed.state.flags & re.IGNORECASE))
        state = tree.state
        names = [None] * state.groups
        for name, number in state.groupdict.items():
            names[number] = name
        code = _sre_compiler._code(tree, flags)  # type: ignore[attr-defined]
        compiled: re.Pattern[str] = _sre_engine.compile(source, flags | state.flags, code, state.groups - 1, state.groupdict, tuple(names))
    except (AttributeError, TypeError, ValueError):  # the engine's private interface moved: match as written
        return re.compile(source, flags)
    return compiled


#: Repeats and atomic groups as the parser names them (the possessive ones are new in Python 3.11).
_REPEATS = tuple(getattr(_sre, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_sre, name))
_ATOMIC_GROUP = getattr(_sre, "ATOMIC_GROUP", None)


def _factor(items: Any, ignorecase: bool) -> Any:
    """A parsed pattern with :func:`factored`'s gathering applied throughout."""
    out: list[tuple[Any, Any]] = []
    for op, av in items.data:
        if op is _sre.BRANCH:
            branches = _gather([_factor(b, ignorecase) for b in av[1]], ignorecase, items.state)
            if len(branches) == 1:
                out.extend(branches[0].data)
            else:
                out.append((op, (av[0], branches)))
        elif op is _sre.SUBPATTERN:
            group, add, remove, inner = av
            inner_case = bool((ignorecase or add & re.IGNORECASE) and not remove & re.IGNORECASE)
            out.append((op, (group, add, remove, _factor(inner, inner_case))))
        elif op in _REPEATS:
            out.append((op, (av[0], av[1], _factor(av[2], ignorecase))))
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
            out.append((op, (av[0], _factor(av[1], ignorecase))))
        elif op is _ATOMIC_GROUP:
            out.append((op, _factor(av, ignorecase)))
        elif op is _sre.GROUPREF_EXISTS:
            out.append((op, (av[0], _factor(av[1], ignorecase), av[2] and _factor(av[2], ignorecase))))
        else:
            out.append((op, av))
    return _sre_parser.SubPattern(items.state, out)


def _gather(branches: list[Any], ignorecase: bool, state: Any) -> list[Any]:
    """Alternatives in an order that matches as ``branches`` does, those of one first character gathered."""
    out: list[Any] = []
    run: dict[str, list[Any]] = {}
    for branch in [*branches, None]:
        key = _first_literal(branch, ignorecase) if branch is not None else None
        if key is not None:
            run.setdefault(key, []).append(branch)
            continue
        for same in run.values():
            head = _head(same[0].data[0], ignorecase, state)
            if len(same) == 1:
                out.append(_sre_parser.SubPattern(state, [head, *same[0].data[1:]]))
            else:
                rests = _gather([_sre_parser.SubPattern(state, b.data[1:]) for b in same], ignorecase, state)
                out.append(_sre_parser.SubPattern(state, [head, (_sre.BRANCH, (None, rests))]))
        run = {}
        if branch is not None:
            out.append(branch)
    return out


#: Characters other than its two cases that an ASCII letter matches when case is ignored.
_FOLDS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}


def _head(literal: tuple[Any, Any], ignorecase: bool, state: Any) -> tuple[Any, Any]:
    """The first character of an alternative, a case-insensitive letter written as the
    case-sensitive class of what it matches ("[kK\u212a]"): sre skips an alternative whose
    first character or class fails without entering it, but enters one that opens with a
    case-insensitive letter to test it."""
    char = chr(literal[1])
    if not (ignorecase and char.isalpha()):
        return literal
    lower = char.lower()
    members = [(_sre.LITERAL, ord(c)) for c in lower + lower.upper() + _FOLDS.get(lower, "")]
    return _sre.SUBPATTERN, (None, 0, re.IGNORECASE, _sre_parser.SubPattern(state, [(_sre.IN, members)]))


def _first_literal(branch: Any, ignorecase: bool) -> str | None:
    """The ASCII character an alternative opens with (lower-cased when case is ignored), or None."""
    if not branch.data:
        return None
    op, av = branch.data[0]
    if op is not _sre.LITERAL or av >= 128:
        return None
    return chr(av).lower() if ignorecase else chr(av)


def min_width(source: str, flags: int = 0) -> int:
    """The fewest characters a match of ``source`` can hold."""
    low: int = _sre_parser.parse(source, flags).getwidth()[0]
    return low


def first_characters(source: str, flags: int = 0) -> str | None:
    """A case-sensitive class of every character a match of ``source`` can start with, or None.

    Exact within ASCII (but for a group that turns case-insensitivity off, read as the pattern
    around it is) and open outside it (the match decides there), so it needs no case folding:
    sre can test it against each character without entering the pattern, where a
    case-insensitive class makes it lower-case every character first.
    """
    try:
        parsed = _sre_parser.parse(source, flags)
    except re.error:
        return None
    items = _first_class(list(parsed.data))
    if items is None:
        return None
    members = re.compile(f"[{''.join(dict.fromkeys(items))}]", parsed.state.flags)
    return open_class(c for c in range(128) if members.match(chr(c)))


def open_class(ascii_codes: Iterable[int]) -> str | None:
    """A regex class of the ASCII characters ``ascii_codes`` and every character outside ASCII,
    or None when that is every character.

    It is written as the ASCII characters it leaves out: a range up to the last code point
    takes sre's compiler a walk over the whole of Unicode.
    """
    left_out = sorted(set(range(128)) - set(ascii_codes))
    return f"[^{''.join(_class_char(c) for c in left_out)}]" if left_out else None


def _first_class(items: list[tuple[Any, Any]]) -> list[str] | None:
    """Regex class members for every character a match of ``items`` can start with, or None."""
    for n, (op, av) in enumerate(items):
        if op in (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT):
            continue  # zero width: the first character comes after it
        if op is _sre.LITERAL:
            return [_class_char(av)]
        if op is _sre.IN:
            members = [_class_member(o, a) for o, a in av]
            return None if None in members else [m for m in members if m is not None]
        if op is _sre.SUBPATTERN:
            if av[1]:
                return None  # "(?i:...)": flags of its own, which the class would not share
            # "(?-i:H)": read under the outer flags, the class holds "h" too: more than a match needs, never less
            return _first_class(list(av[-1]) + items[n + 1 :])
        if op is _sre.BRANCH:
            parts = [_first_class(list(branch) + items[n + 1 :]) for branch in av[1]]
            return None if None in parts else [m for part in parts if part is not None for m in part]
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
            inner = _first_class(list(av[2]) + items[n + 1 :])
            if av[0] >= 1 or inner is None:
                return inner
            rest = _first_class(items[n + 1 :])
            return None if rest is None else inner + rest
        return None
    return None  # the pattern can match the empty string


_CATEGORIES = {
    _sre.CATEGORY_DIGIT: r"\d",
    _sre.CATEGORY_NOT_DIGIT: r"\D",
    _sre.CATEGORY_WORD: r"\w",
    _sre.CATEGORY_NOT_WORD: r"\W",
    _sre.CATEGORY_SPACE: r"\s",
    _sre.CATEGORY_NOT_SPACE: r"\S",
}


def _class_char(code: int) -> str:
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def _class_member(op: Any, av: Any) -> str | None:
    if op is _sre.LITERAL:
        return _class_char(av)
    if op is _sre.RANGE:
        return f"{_class_char(av[0])}-{_class_char(av[1])}"
    if op is _sre.CATEGORY:
        return _CATEGORIES.get(av)
    return None


def alternation(items: list[str]) -> str:
    """Longest-first alternation of literal words, so 'leaf powder' wins over 'leaf'.

    Written as a trie (:func:`trie_pattern`), which matches as the plain alternation does: the
    words that match at one place are prefixes of each other, and both forms try them longest
    first. sre tries an alternation's every word in turn at each place it is entered, and a
    case-insensitive word has no first character it can skip on; the trie tests each character
    once. Words whose characters case folding (or the two apostrophes) could confuse keep the
    plain form.
    """
    words = sorted(items, key=len, reverse=True)
    kept = list(dict.fromkeys(w for w in words if "’" not in w or w.replace("’", "'") not in words))  # "g's" matches "g’s"
    chars = {c for w in kept for c in w}
    if any(w != w.lower() for w in kept) or {"'", "’"} <= chars or not _fold_apart(chars):
        return "|".join(re.escape(i).replace("'", APOSTROPHE) for i in words)
    return trie_pattern(kept)


def _fold_apart(chars: set[str]) -> bool:
    """Whether no two of ``chars`` match each other case-insensitively (as "µ" and "μ" do)."""
    return not any(a != b and re.fullmatch(re.escape(a), b, re.IGNORECASE) for a in chars for b in chars)


#: A node of a trie of words: each next character (or "" where a word ends) and the node after it.
_Node = dict[str, "_Node"]


def trie_pattern(words: list[str]) -> str:
    """A regex matching any of ``words`` (lowercase literals; ' also matches ’), longest first.

    Siblings differ in their next character, so at most one branch can go on at any place in
    the text; ``(?:...)?`` is greedy, so a node tries to continue before it lets a word end.
    """
    root: _Node = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(body(re.escape(char)), {})
        node[""] = {}

    def emit(node: _Node) -> str:
        branches = [atom + emit(child) for atom, child in sorted(node.items()) if atom]
        if not branches:
            return ""
        inner = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        if "" in node:
            return inner + "?" if len(branches) == 1 and len(branches[0]) == 1 else f"(?:{inner})?"
        return inner

    return emit(root)


def version(*names: str) -> str:
    """Combined version string of several lexicons, e.g. ``claims-1.0.0+taxonomy-1.0.0``."""
    return "+".join(f"{n}-{read(n)['version']}" for n in names)
