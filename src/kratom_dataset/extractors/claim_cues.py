"""The claim lexicon (`lexicons/claims.json`) compiled once: page talk and furniture, hedges,
negations, evidence and the claim type patterns."""

from __future__ import annotations

import functools
import operator
import re
import sys
from dataclasses import dataclass
from typing import Any, NamedTuple

from .. import lexicon as lexicons
from ._alternatives import alternatives
from ._match import Hit, Matcher
from ._words import INDEX, Worded, folded_fragments
from .speakers import Speakers

#: The type matchers a sentence can match, by type name and strength.
Types = dict[tuple[str, bool], list[Matcher]]


@dataclass(frozen=True)
class ClaimCues:
    rhetoric: Opening
    furniture: Opening
    rhetoric_within: Within
    furniture_within: Within
    speculation: Matcher
    negation: Matcher
    negation_exceptions: Matcher
    evidence: Matcher
    citation: re.Pattern[str]
    personal: Matcher
    types: list[tuple[str, bool, Matcher]]
    subjects: Matcher
    main_clause: re.Pattern[str]
    appositive: re.Pattern[str]
    subordinate_mechanism: re.Pattern[str]
    type_words: int  # word-index bits of every type pattern (-1 when one has no word to look for)
    type_subsets: dict[int, Types]  # a sentence's type bits -> the types it can match
    dose_outcomes: Worded
    study_design: Worded
    study_frame: re.Pattern[str]
    use_motive: Worded
    attribution: Attribution
    speakers: Speakers


@functools.cache
def lexicon() -> ClaimCues:
    lex = lexicons.read("claims")
    negations = [w for w in lex["negation"] if not w.startswith("n'")]
    types = [
        (t["type"], t.get("strong", False), Matcher([(t["type"], p, {}) for p in alternatives(t["pattern"])], bounded=False))
        for t in lex["types"]
    ]
    type_words = functools.reduce(operator.or_, (matcher.needs for _, _, matcher in types), 0)
    return ClaimCues(
        rhetoric=opening(lex["rhetoric"]),
        furniture=opening(lex["furniture"]),
        rhetoric_within=within(lex["rhetoric_within"]),
        furniture_within=within(lex["furniture_within"]),
        speculation=Matcher([("speculation", w, {}) for w in lex["speculation"]]),
        # Leftmost, then the first word listed that matches, as in one regex alternation.
        negation=Matcher(
            [("negation", rf"(?<![\w-])(?:{w})(?!\w)", {}) for w in negations] + [("negation", r"n't(?!\w)", {})],
            bounded=False,
            longest=False,
        ),
        negation_exceptions=Matcher([("exception", w, {}) for w in lex["negation_exceptions"]], longest=False),
        # Each evidence cue is a long alternation of wordings: searched apart, as the mechanism actions are.
        evidence=Matcher([(e["evidence"], e["pattern"], e) for e in lex["evidence"]], apart=True),
        citation=re.compile(lex["citation"], re.IGNORECASE),
        # One entry per alternative, so the word index skips most of them; the first one found at the
        # leftmost place, as the one alternation finds it.
        personal=Matcher([("personal_accounts", a, {}) for a in spread(lex["personal"])], bounded=False, longest=False),
        types=types,
        type_words=type_words,
        type_subsets={},
        subjects=Matcher([(s["subject"], s["pattern"], s) for s in lex["subjects"]]),
        main_clause=lexicons.factored(lex["main_clause"], re.IGNORECASE),
        dose_outcomes=Worded(lexicons.guarded(lex["dose_outcomes"], re.IGNORECASE)),
        study_design=Worded(lexicons.guarded(lex["study_design"], re.IGNORECASE)),
        study_frame=lexicons.factored(lex["study_frame"], re.IGNORECASE),
        use_motive=Worded(lexicons.guarded(lex["use_motive"], re.IGNORECASE)),
        attribution=Attribution(lex["attribution"]),
        speakers=Speakers(lex["attribution"]),
        appositive=lexicons.factored(lex["appositive"], re.IGNORECASE),
        subordinate_mechanism=lexicons.factored(lexicons.body(lex["subordinate_mechanism"]), re.IGNORECASE),
    )


# What may open a reporting verb's subject: a conjunction, then a determiner or a quantifier.
_SUBJECT_OPENING = (
    r"\s*(?:(?:and|but|so|then|also)\s+)?(?!(?:no|none|nobody|neither|for|to|with|in|on|at|from|of|about|after|before)\b)"
    r"(?:(?:a few|a lot of|lots of|plenty of|a|an|the|my|our|your|his|her|their|one|some|many|most|several|other|two|three|few|these|those|this|that)\s+)?"
)
#: How far into a unit its reporting verb may stand, and how far after its subject's head noun.
_VERB_WITHIN, _SUBJECT_GAP = 200, 80


class Attribution:
    """Who a unit is attributed to, read from the subject of its reporting verb: "A toxicologist
    in Kuala Lumpur who was not involved in the work noted that ..." is an expert's word, "others
    on here say ..." users' reports, "A 2021 survey of members found ..." a study's.

    The subject opens the verb's clause (the unit, or what follows its last comma, colon or
    bracket before the verb, or past an appositive that closes right before it: "Dr. Lind, a
    pharmacologist, told ..."); the class of its head noun, the last listed noun within two
    words of its determiner ("FDA testing" is testing), names the evidence. A verb after "be", a
    modal or "to" reports nothing of its subject; a passive one names its source after "by"
    ("Headache was reported by 4 of 32 participants"). Read only when no cue of the evidence list does.
    """

    def __init__(self, spec: dict[str, Any]) -> None:
        self._verbs = Worded(lexicons.guarded(rf"\b(?:{lexicons.body(spec['verbs'])})\b", re.IGNORECASE))
        self._labels: list[str] = [source["evidence"] for source in spec["sources"]]
        nouns = "|".join(f"(?P<s{n}>{lexicons.body(source['pattern'])})" for n, source in enumerate(spec["sources"]))
        titled = rf"(?i:{spec['titles']})\.?\s+[A-Z][\w'’-]+"
        self._experts = self._labels.index("experts")
        self._subject = re.compile(rf"{_SUBJECT_OPENING}(?:[\w'’-]+\s+){{0,2}}(?:{nouns}|(?P<titled>{titled}))(?![\w'’-])", re.IGNORECASE)
        speaker = rf"(?:{titled}|[A-Z][\w'’-]+)(?:\s+[A-Z][\w'’-]+){{0,2}}"
        verbs = spec["quoted_verbs"]
        # '"...," said Dr. Ruiz', '..., said his daughter', '"...," Dr. Tan added', '"..." (Dr. Hsu)', '"..." — Dr. Hsu',
        # 'Njoroge said' of a Dr. Njoroge named before: a quotation's or a report's speaker
        self._quoted = re.compile(
            rf"[\"”’',]\s*,?\s*(?:(?P<verb>(?i:{verbs}))\s+(?P<after>[^;:!?\"“”]{{1,80}})|(?P<before>{speaker})\s+(?i:{verbs})\b)"
            rf"|\((?P<bracket>{titled})\)|(?:^|(?<=\n)|(?<=[.;,]\s)|(?<=\bbut\s)|(?<=\band\s))(?P<opening>[A-Z][\w'’-]+)\s+(?i:{verbs})\b"
            # "According to Raman, ..." of a Dr. Priya Raman named before
            rf"|(?:^|(?<=\n)|(?<=[.;]\s))[Aa]ccording to (?P<according>{titled}|[A-Z][\w'’-]+)(?=\s*,)"
            rf"|[\"”’]\s*(?:[—–]|--?)\s*(?P<signed>{titled})"
        )
        # every speaker is named by one of the verbs or the titles: most units hold none
        self._speaker_words = Worded(lexicons.guarded(rf"\b(?:{verbs}|{spec['titles']}|according)\b", re.IGNORECASE))
        self._titled = re.compile(rf"\b{titled}")
        self._aged = re.compile(rf"{speaker},\s*\d{{1,2}},")
        self._name = re.compile(r"[A-Z][\w'’-]+")
        experts = next(source["pattern"] for source in spec["sources"] if source["evidence"] == "experts")
        title = rf"(?i:{spec['titles']})\.?\s+"
        # "Dr. Thabo Mokoena" introduces Thabo and Mokoena; "pharmacologist Dr. Hannah Osei", Osei
        self._introducer = rf"(?:(?i:{lexicons.body(experts)})\s+(?:{title})?|{title})(?:[A-Z][\w'’-]+\s+){{0,2}}"
        role = rf"(?i:{lexicons.body(experts)})\b"
        # "Osei, a pharmacologist", "Priya (keys, also an ER nurse)", "Dani, who ... is also a nurse": the role after the name
        self._described = re.compile(
            rf"(?:\s+[A-Z][\w'’-]+){{0,2}}(?:,\s+(?:(?:a|an|the)\s+)?(?:[\w'’-]+\s+){{0,3}}?{role}|\s*\([^()]{{0,60}}?\b{role}"
            rf"|,?\s+who\b[^.;!?]{{0,80}}?\b(?:is|was|'s|’s)\s+(?:also\s+|now\s+)?(?:a|an)\s+(?:[\w'’-]+\s+){{0,3}}?{role})"
        )

    def first(self, text: str, start: int, end: int, words: int | None = None) -> Hit | None:
        """The unit's attribution, from its subject's first word to the verb, or None."""
        unit = text[start:end]
        for verb in self._verbs.finditer(unit, words):
            if verb.start() > _VERB_WITHIN:
                break
            clause = _clause_start(unit, verb.start())
            if _NOT_REPORTING.search(unit, max(clause, verb.start() - 24), verb.start()):
                # "patients are told", "can tell you", "likely to report": the subject reports nothing;
                # "Headache was reported by 4 of 32 participants": the agent after "by" does
                agent = _BY.match(unit, verb.end())
                subject = self._subject.match(unit, agent.end(), min(len(unit), agent.end() + 60)) if agent else None
                if subject is not None:
                    return Hit(start + verb.start(), start + subject.end(), self._label(subject), {})
                continue
            subject = self._subject.match(unit, clause, verb.start())
            if subject is None and (_told_by_people(unit, clause, verb) or _counted_people(unit, clause, verb)):
                return Hit(start + _word_at(unit, clause, verb.start()), start + verb.end(), "users_report", {})
            if subject is None and not unit[clause : verb.start()].strip():
                subject = self._apposed(unit, clause)
                clause = subject.start() if subject is not None else clause
            if subject is None or verb.start() - subject.end() > _SUBJECT_GAP or "." in unit[subject.end() : verb.start()]:
                continue
            return Hit(start + _word_at(unit, clause, verb.start()), start + verb.end(), self._label(subject), {})
        return None

    def _apposed(self, unit: str, clause: int) -> re.Match[str] | None:
        """The subject of a verb right after an appositive's closing comma: the appositive's
        noun or, failing it, the name it follows ("Dr. Amara Lind, a pharmacologist, told ...")."""
        for _ in range(2):
            if clause < 2 or unit[clause - 1] != ",":
                return None
            clause = _clause_start(unit, clause - 1)
            if _ADVERBIAL.match(unit, clause):
                return None  # "If your doctor raises the dose, mention ...": a clause of condition, no appositive
            subject = self._subject.match(unit, clause, unit.find(",", clause))
            if subject is not None:
                return subject
        return None

    def quoted(self, text: str, start: int, end: int, words: int | None = None) -> Hit | None:
        """Who a quotation in the unit is attributed to, or None: a title or a role names an
        expert, a lay noun or a name with an age ("Marsh, 41,") a user. A bare name names
        nobody: dev's readers mostly give a company's or a campaign's spokesman no evidence."""
        if self._speaker_words.search(text[start:end], words) is None:
            return None
        for m in self._quoted.finditer(text, start, end):
            source = m.group("after")
            if m.group("bracket"):
                return Hit(m.start("bracket"), m.end("bracket"), "experts", {})
            if m.group("signed"):  # '"..." — Dr. Raman, 46:15': a quotation signed below with a title
                return Hit(m.start("signed"), m.end("signed"), "experts", {})
            if m.group("according"):
                named = m.group("according")
                if self._titled.match(named) or self._introduced(text, named, m.start()):
                    return Hit(m.start(), m.end("according"), "experts", {})
                continue
            if source is None:  # the speaker before the verb: titled, or named with a title or a role before
                named = m.group("before") or m.group("opening")
                at = m.start("before") if m.group("before") else m.start("opening")
                if self._titled.match(named) or self._introduced(text, named.split()[-1], at):
                    return Hit(at, m.end(), "experts", {})
                continue
            subject = self._subject.match(source)
            if subject is not None:
                return Hit(m.start("verb"), m.start("after") + subject.end(), self._label(subject), {})
            aged = self._aged.match(source)
            if aged is not None:
                return Hit(m.start("verb"), m.start("after") + aged.end() - 1, "users_report", {})
            named = self._titled.search(source)
            if named is not None:
                return Hit(m.start("verb"), m.start("after") + named.end(), "experts", {})
            name = self._name.match(source)
            if name is not None and self._introduced(text, name.group(), m.start()):
                return Hit(m.start("verb"), m.start("after") + name.end(), "experts", {})
        return None

    def _introduced(self, text: str, name: str, before: int) -> bool:
        """Whether ``name`` was introduced with a title or a role before ``before`` ("Dr. Wanjiru
        Njoroge", "toxicologist Anita Roy", "Osei, a pharmacologist"): the same person, named again."""
        at = text.find(name, 0, before)
        if at < 0:
            return False  # the name is not there to be introduced: no scan of the page before it
        if _introduction(self._introducer, name).search(text, 0, before) is not None:
            return True
        while at >= 0:  # the role after the name, read at each place the name stands
            if not (at and (text[at - 1].isalnum() or text[at - 1] in "'’-")) and self._described.match(text, at + len(name)):
                return True
            at = text.find(name, at + len(name), before)
        return False

    def _label(self, subject: re.Match[str]) -> str:
        if subject.lastgroup == "titled":
            return self._labels[self._experts]
        return self._labels[int((subject.lastgroup or "s0")[1:])]


def _word_at(unit: str, clause: int, end: int) -> int:
    """Where the first word of ``unit[clause:end]`` starts: past the spaces a clause opens with."""
    return clause + len(unit[clause:end]) - len(unit[clause:end].lstrip())


def _told_by_people(unit: str, clause: int, verb: re.Match[str]) -> bool:
    """Whether people named by a plural noun the lexicon need not list tell someone what the unit
    says ("Veterans tell us ...", "Several deckhands have told supervisors ...", "A few men told me ..."): only people tell."""
    return (
        verb.group().lower() in ("tell", "told")
        and _TOLD_WHOM.match(unit, verb.end()) is not None
        and _TOLD_BY.fullmatch(unit, clause, verb.start()) is not None
    )


def _counted_people(unit: str, clause: int, verb: re.Match[str]) -> bool:
    """Whether people counted and not named say what the unit says ("Most described taking two to
    four grams", "both said they could no longer ...", "Several told me ..."): only people say; but
    "Most reported deaths involved ..." counts deaths."""
    return (
        _COUNTED.fullmatch(unit, clause, verb.start()) is not None
        and verb.group().lower() in _COUNTED_VERBS
        and _COUNTED_THINGS.match(unit, verb.end()) is None
    )


# "Most", "Two of them", "A few of us", "both": people counted as the subject of a verb of saying.
_COUNTED = re.compile(
    r"\s*(?:(?:and|but|so)\s+)?(?:most|many|some|several|a few|few|two|three|four|five|both|all|others|half)(?:\s+of\s+(?:them|us|those))?,?\s+(?:also\s+|had\s+|have\s+)?",
    re.IGNORECASE,
)
_COUNTED_VERBS = frozenset(
    {"said", "say", "says", "told", "tell", "reported", "report", "described", "describe", "mentioned", "noted", "admitted"}
)
# "reported deaths", "described cases": a participle before what is counted.
_COUNTED_THINGS = re.compile(
    r"\s+(?:[\w-]+\s+)?(?:deaths|fatalities|cases|events|seizures|comas|exposures|calls|poisonings|admissions|incidents|effects|symptoms)\b",
    re.IGNORECASE,
)


# A subject of a plural head noun, maybe qualified ("who come in", "at the counter"), before "tell" or "told".
_TOLD_BY = re.compile(
    rf"{_SUBJECT_OPENING}(?:[\w'’-]+\s+){{0,2}}(?!(?:this|his|its|was|is|has|does|yes|us|thus|perhaps|always|sometimes|news)\b)"
    r"(?!(?:results|findings|figures|numbers|stats|statistics|labels|records|tests|scans|charts|reports|signs|symptoms|guidelines|rules|laws)\b)"
    r"(?:[a-z][a-z'’-]*[a-rt-z]s|(?:wo)?men|children)(?:\s+(?:who|that|at|in|on|from)\s+[^,.;:]{1,40}?)?"
    r"\s+(?:(?:have|had|often|sometimes|regularly|also|always|all|keep)\s+)?",
    re.IGNORECASE,
)
_TOLD_WHOM = re.compile(r"\s+(?:us|me|him|her|them|(?:the |our |my )?[a-z]+s)\b", re.IGNORECASE)

_CLAUSE_MARKS = (",", ";", ":", "(", "“", '"')
# The agent of a passive reporting verb, with a count before it: "by 4 of 32 melatonin participants".
_BY = re.compile(r"\s+by\s+(?:(?:only |just |about |around )?[\d,]+(?:\s*%| of(?: the)? [\d,]+| percent of)?\s+)?", re.IGNORECASE)
# A passive, a modal or an infinitive before the verb: "are told", "should be warned", "can tell", "to report".
# A clause opened by a subordinating word, which no appositive is: "If your doctor ...", "When the vet ...".
_ADVERBIAL = re.compile(
    r"\s*(?:if|when|whenever|while|because|since|although|though|unless|until|after|before|once|as|so|for|in|on|at|with|by)\b",
    re.IGNORECASE,
)
_NOT_REPORTING = re.compile(
    r"\b(?:be|been|being|is|are|was|were|am|get|gets|got|can|cannot|can't|can’t|could|should|would|will|must|may|might|to)\s+(?:\w+ly\s+)?$",
    re.IGNORECASE,
)
# A comma inside a number ("4,600 exposure reports") separates no clauses.
_NUMBER_COMMA = re.compile(r"(?<=\d),(?=\d{3}\b)")


@functools.lru_cache(maxsize=256)
def _introduction(introducer: str, name: str) -> re.Pattern[str]:
    """A title or a role introducing ``name``, led by a test of the characters it can start with:
    searched over the page before a quotation, it is tried at every position."""
    return lexicons.guarded(rf"{introducer}{re.escape(name)}(?![\w'’-])")


def _clause_start(unit: str, at: int) -> int:
    """Where the clause holding ``unit[at]`` opens: after the last clause mark before it."""
    marks = [unit.rfind(mark, 0, at) for mark in _CLAUSE_MARKS if mark != ","]
    commas = [m.start() for m in re.finditer(",", unit[:at]) if not _NUMBER_COMMA.match(unit, m.start())]
    return max(*marks, commas[-1] if commas else -1) + 1


def spread(source: str) -> list[str]:
    """The alternatives of a pattern that is one alternation, each a pattern of its own: "a|b"
    gives "a" and "b", and one wrapped in word boundaries, "\\b(?:a|b)\\b", gives "\\b(?:a)\\b" and
    "\\b(?:b)\\b". Searched apart, the leftmost match and, at one place, the first alternative
    that matches there, is what the pattern matches."""
    head, tail = r"\b(?:", r")\b"
    if source.startswith(head) and source.endswith(tail):
        inner = source[len(head) : -len(tail)]
        try:
            re.compile(inner)  # the group that opens the pattern closes at its end
        except re.error:
            return alternatives(source)
        return [f"{head}{a}{tail}" for a in alternatives(inner)]
    return alternatives(source)


def opening(patterns: list[str]) -> Opening:
    """Units that open with any of ``patterns`` (after a quote), case-insensitive: see :class:`Opening`."""
    return Opening(patterns)


def _opening_source(patterns: list[str]) -> str:
    # past the arrow of a link, a button or a reply ("→ Book a free call", "↳ sam_k · 6:20 AM"); not past a quotation mark, whose
    # '"Great for winding down."' is a review that asserts
    return rf"^(?:[→»►▶↳↪]\s*)?(?:{'|'.join(patterns)})(?!\w)".replace("'", lexicons.APOSTROPHE)


class Opening:
    """Whether a unit opens with any of a list of patterns, each pattern tried on its own and only
    where it can match.

    One alternation of them all was entered at every unit, and the patterns that open by
    reading ahead ("[^.]{0,60}\\bask (?:me|us)") walk far into it each time. Apart (each
    alternative of each pattern), a pattern is tried only on a unit whose first character can
    start it and that holds one of the words every match of it holds; a unit matches the
    alternation exactly when it matches one of them, in whatever order they are tried.
    """

    def __init__(self, patterns: list[str]) -> None:
        self._branches: list[tuple[re.Pattern[str] | None, _Branch]] = []
        for alternative in (a for pattern in patterns for a in alternatives(pattern)):
            source = _opening_source([alternative])
            first = lexicons.first_characters(source, re.IGNORECASE)
            words = folded_fragments(source, re.IGNORECASE, most=sys.maxsize)
            bit = INDEX.register(set(words)) if words else None
            needs = None if bit else folded_fragments(source, re.IGNORECASE)
            branch = _Branch(bit, needs, lexicons.factored(source, re.IGNORECASE))
            self._branches.append((re.compile(first) if first else None, branch))
        self._by_first: dict[str, _Candidates] = {}

    def match(self, unit: str, words: int | None = None) -> bool:
        """Whether ``unit`` opens with one of the patterns, as ``re.match`` of their alternation says;
        ``words`` is the word-index mask of the unit or of a span holding it, read when not given."""
        head = unit[:1]
        candidates = self._by_first.get(head)
        if candidates is None:
            candidates = self._by_first[head] = _Candidates([b for first, b in self._branches if first is None or first.match(head)])
        return candidates.match(unit, words)


class _Branch(NamedTuple):
    """One alternative of an :class:`Opening`: the word-index bit of the words it needs, or (for
    fragments the index cannot read) the fragments themselves, and its pattern."""

    bit: int | None
    needs: tuple[str, ...] | None
    pattern: re.Pattern[str]


class _Candidates:
    """The branches of an :class:`Opening` a unit's first character allows, by what gates them.

    A branch the word index gates is found from the unit's word mask by its bit, so a unit
    costs one mask and the patterns of the words it holds, not a test per branch.
    """

    def __init__(self, branches: list[_Branch]) -> None:
        self._ungated = [(b.needs, b.pattern) for b in branches if b.bit is None]
        self._by_bit = {b.bit: b.pattern for b in branches if b.bit is not None}
        self._bits = sum(self._by_bit)

    def match(self, unit: str, words: int | None) -> bool:
        lowered = unit.lower() if unit.isascii() else None
        for needs, p in self._ungated:
            if needs is not None and lowered is not None and not any(map(lowered.__contains__, needs)):
                continue
            if p.match(unit):
                return True
        if lowered is None:
            held = self._bits  # the index reads words outside ASCII as they are, and a case-insensitive match may not
        else:
            held = (INDEX.mask(unit, 0, len(unit)) if words is None else words) & self._bits
        while held:
            bit = held & -held
            if self._by_bit[bit].match(unit):
                return True
            held ^= bit
        return False


class Within(NamedTuple):
    """The entries of :func:`within`, and every string any of them needs: a unit that holds none
    of those, as most do, is read no further than one test of them all."""

    needs: tuple[str, ...]
    entries: list[tuple[tuple[str, ...], re.Pattern[str]]]


def within(entries: list[dict[str, str]]) -> Within:
    """Words a unit holds somewhere in its first clause ("..., so here it is", "... not personal
    advice"), each with the strings it needs ("a|b": either): the pattern is searched for only in
    a unit that holds one, where an anchored pattern would have to scan up to them at every unit."""
    found = _within_entries(entries)
    return Within(tuple(dict.fromkeys(need for needs, _ in found for need in needs)), found)


def _within_entries(entries: list[dict[str, str]]) -> list[tuple[tuple[str, ...], re.Pattern[str]]]:
    return [(tuple(e["needs"].split("|")), re.compile(e["pattern"].replace("'", lexicons.APOSTROPHE), re.IGNORECASE)) for e in entries]
