"""What references in a mechanism's clause point back to: pronouns, "these compounds", "the receptor".

A reference is resolved to the latest agent (or target) named before it, in its sentence or the
sentences before it in its paragraph (the last line of a list above, for a list item). A plural
reference takes every agent coordinated with the last one; "the alkaloid" only an alkaloid; a
name in a prepositional phrase ("one of the alkaloids in kratom") only when nothing else is
there. With nothing to point back to, a reference names what the page is about: the agents of
its title, or the agent named most often just before it.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from ..cells import column_head
from ..document import Document
from ._match import Hit, looking_back
from .mentions import CHAIN, Target, chain_back, compared_agents, find_agents, find_targets, lexicon, named_agents
from .relatives import RELATIVE_PRONOUN, described, describes_target, generic_head

# "the main alkaloid in kratom": a name in a prepositional phrase, seldom what "it" points back to;
# "smaller amounts of 7-OH" names 7-OH all the same.
IN_PHRASE = re.compile(
    r"\b(?:in|(?<!amounts )(?<!amount )(?<!quantities )(?<!traces )(?<!trace )of|from|within|inside|into)\s+(?:the\s+|raw\s+|dried\s+)?$",
    re.IGNORECASE,
)

SINGULAR = re.compile(
    r"it|its|this compound|the compound|this supplement|this amino acid|the amino acid|this molecule|the molecule|this alkaloid|the alkaloid|this drug|the drug|this substance|the substance",
    re.IGNORECASE,
)

PRONOUN = re.compile(r"it|its", re.IGNORECASE)

#: What may come before a sentence's subject: a label, a fronted phrase ("In cells, "), an article, an adverb of sequence.
_FRONTED = r"(?:(?:in|at|on|with|after|during|under|across)\s+(?:[\w-]+\s+){0,2}[\w-]+,\s+)?"
SUBJECT_START = re.compile(rf"\s*(?:[^\W\d_][\w -]{{0,44}}:\s+)?{_FRONTED}(?:(?:the|but|and|also|however,?|then)\s+)?", re.IGNORECASE)

PLURAL_NAME = re.compile(r"\b(?:alkaloids|compounds|constituents)\b", re.IGNORECASE)

# A class named in the plural ("opioids", "benzodiazepines"), which "it" does not point back to.
PLURAL_CLASS = re.compile(
    r"(?:opioids|opiates|benzodiazepines|drugs|medications|medicines|painkillers|antidepressants|ssris|z-drugs|stimulants|"
    r"sedatives|agonists|antagonists|inhibitors|extracts|supplements|products)$",
    re.IGNORECASE,
)

PAIR = re.compile(r"both|the two|either|neither", re.IGNORECASE)

#: How far back (in characters) within one sentence a reference looks for what it names.
LOOKBACK = 400

#: How much text before a reference is read for the page's topic when its paragraph names nothing.
TOPIC_WINDOW = 3000


def resolve_agents(doc: Document, index: int, reference: Hit, *, plural: bool) -> list[str]:
    """What ``reference`` points back to: the latest agent named in the sentence or the sentences
    before it (the paragraph, or the last sentence of the one before); for a plural reference
    ("they", "both alkaloids") every agent coordinated with it ("MG and 7-OH"), or failing that the
    distinct alkaloids and drugs of that sentence. "The alkaloid" points back to an alkaloid only.
    Naming none, "it" is what its section's heading names ("2. Melatonin"), then the page's topic."""
    text = doc.flat
    if RELATIVE_PRONOUN.fullmatch(reference.text(text)) and (
        generic_head(text, reference.start) or describes_target(text, reference.start)
    ):
        return []  # "When a drug that acts on GABA receptors is taken with one that acts on ...": nobody named
    spans = looking_back(doc, index, reference.start, list_items=1, window=LOOKBACK)
    if plural:  # "Both compounds" under a heading names the pair the page named just before it
        spans = itertools.chain(spans, _section_before(doc, index))
    spans = iter(spans)
    for start, end in spans:
        hits = referable(reference, _antecedents(text, start, named_agents(text, start, end), reference), text)
        if not hits:
            continue
        if plural and PAIR.match(text, reference.start):
            # "Mitragynine and 7-OH are the main alkaloids. Both compounds ...": the two it names
            specific = [h for h in hits if _specific(h)]
            hits = specific if len({h.label for h in specific}) >= 2 else hits
        group = [_salient(text, hits, start, end < reference.start, reference)]
        if not plural and _KIN.search(reference.text(text)):
            return [_kin(reference.text(text), hits, group[0])]
        if plural:
            for prev in reversed(hits[:-1]):
                if not CHAIN.fullmatch(text, prev.end, group[0].start):
                    break
                group.insert(0, prev)
            if len(group) == 1 and PAIR.match(text, reference.start):  # "Both alkaloids": the last two named
                # ... a name the clause compared with the subject among them ("X bound MOR more tightly than Y, whereas both ...")
                others = [h for h in hits if h.label != group[0].label] or [
                    h
                    for h in referable(reference, find_agents(text, start, end), text)
                    if h.label != group[0].label and not h.info.get("generic")
                ]
                group = (others[-1:] or _more_before(text, spans, reference, group, 2)) + group
            elif len(group) == 1 and not (RELATIVE_PRONOUN.fullmatch(reference.text(text)) and _specific(group[0])):
                # "MG makes up most of it, while 7-OH is a trace. They both ..."; but "opioids, which" are the opioids
                group = [h for h in hits if _specific(h)][-3:] or group
            counted = _COUNTED.search(reference.text(text))
            count = _COUNTS[counted.group(0).lower()] if counted else None
            if count is not None and len({h.label for h in group}) < count:
                # "all four alkaloids" after a sentence that names one: the four named before it
                group = _more_before(text, spans, reference, group, count) + group
        return list(dict.fromkeys(h.label for h in group))
    return [h.label] if not plural and (h := heading_agent(doc, reference.start)) else page_topic(doc, reference.start, plural=plural)


_KIN = re.compile(r"\bmetabolite$|^the parent\b", re.IGNORECASE)


def _kin(reference: str, hits: list[Hit], salient: Hit) -> str:
    """What "the metabolite" or "the parent compound" names: the latest metabolite named before
    it, or else the metabolite of the drug it follows ("Its metabolite binds ..." after
    mitragynine is 7-OH); the drug a metabolite named before it is made from."""
    parents = lexicon().metabolites
    label: str = salient.label
    if reference.lower().endswith("metabolite"):
        named: list[str] = [h.label for h in hits if h.label in parents]
        return named[-1] if named else next((m for m, p in parents.items() if p == label), label)
    return parents.get(label, label)


# A plural reference that says how many it names: "all four alkaloids", "the three compounds".
_COUNTS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10} | {str(n): n for n in range(3, 13)}
_COUNTED = re.compile(r"\b(?:" + "|".join(_COUNTS) + r")\b", re.IGNORECASE)


def _more_before(text: str, spans: Iterator[tuple[int, int]], reference: Hit, group: list[Hit], count: int) -> list[Hit]:
    """Agents named before the sentences already read, the latest first, until ``group`` and they
    name ``count`` agents: "We tested MG, 7-OH, paynantheine and speciogynine. MG inhibited CYP2D6,
    whereas inhibition of CYP1A2 by all four alkaloids was weak"; "MG bound MOR ... 7-OH was a
    partial agonist at the MOR. Both compounds ..." are MG and 7-OH."""
    named = {h.label for h in group}
    more: list[Hit] = []
    for start, end in spans:
        for h in reversed(referable(reference, _antecedents(text, start, named_agents(text, start, end), reference), text)):
            if h.label not in named and _specific(h):
                named.add(h.label)
                more.insert(0, h)
                if len(named) >= count:
                    return more
    return more


def _section_before(doc: Document, index: int) -> Iterator[tuple[int, int]]:
    """The end of the paragraph before a heading, for a reference in the first paragraph under
    it that names no agent: "Mitragynine and 7-OH do most of the work.\n\nOpioid receptors\nBoth
    compounds bind ..."."""
    sentence = doc.sentences[index]
    heading = doc.section_of(sentence.start).heading
    if heading and named_agents(heading, 0, len(heading)):
        return  # "Gabapentin and clonidine\nBoth drugs ...": the heading names what the section is about
    asked = False  # a question line stands between, as an FAQ's heading does ("How does it act?")
    for j in range(index - 1, -1, -1):
        prior = doc.sentences[j]
        if prior.section_index == sentence.section_index:
            if prior.paragraph_index == sentence.paragraph_index or prior.is_heading:
                continue
            if not asked and _ASKED.fullmatch(doc.flat, prior.start, prior.end):
                asked = True
                continue
            if not asked:
                return  # not the first paragraph of its section
        # that paragraph, then the ones before it while they stay within reach and under no heading
        reach = prior.end - LOOKBACK
        while j >= 0 and not doc.sentences[j].is_heading and doc.sentences[j].end > reach:
            prior = doc.sentences[j]
            start = prior.start
            while j > 0 and doc.sentences[j - 1].paragraph_index == prior.paragraph_index:
                j -= 1
                start = doc.sentences[j].start
            yield max(start, reach), prior.end
            j -= 1
        return


# A paragraph that is a question alone.
_ASKED = re.compile(r"[^\n]{3,150}\?\s*")
# "Front: Buprenorphine MOA": a card's prompt asks whether or not it ends in a question mark.
_CARD_FRONT = re.compile(r"\s*(?:front|q|question|prompt)\s*:", re.IGNORECASE)


def page_topic(doc: Document, offset: int, *, plural: bool) -> list[str]:
    """What a page is about, for a reference with nothing to point back to in its paragraph: the
    agents its title names ("Clonidine vs. Lofexidine ... Both drugs are ..."), or else the agent
    named most often in the stretch of text before it ("anyone use kratom for sleep? ... it hits
    the opioid receptors harder"): in its section, or, where the section names none (a wiki's
    "Pharmacodynamics" opening with "It is a partial agonist"), in the sections before."""
    if doc.title:
        named = named_agents(doc.title, 0, len(doc.title))
        if named:
            labels = list(dict.fromkeys(h.label for h in named))
            return labels if plural else labels[:1]
    window = max(0, offset - TOPIC_WINDOW)
    for start in dict.fromkeys((max(doc.section_of(offset).start, window), window)):
        counts: dict[str, int] = {}
        for h in named_agents(doc.flat, start, offset):
            counts[h.label] = counts.get(h.label, 0) + 1
        if counts:
            return [max(counts, key=lambda label: counts[label])]
    return []


def _antecedents(text: str, start: int, hits: list[Hit], reference: Hit | None = None) -> list[Hit]:
    """``hits`` but the names a comparison sets beside a clause's subject ("Unlike morphine, they
    ..."), the names a copula says the subject is or is not ("it's not just a weaker
    oxycodone") and the names given as examples ("a CYP2D6 substrate such as dextromethorphan"):
    what a reference points back to is a subject, not what it is likened to or exemplified by.
    A relative pronoun ("such as clarithromycin, which inhibits ...") points to the name before it,
    whatever that is."""
    compared = compared_agents(text, start, hits)
    if reference is not None and RELATIVE_PRONOUN.fullmatch(reference.text(text)):
        return described(text, reference, [h for h in hits if h not in compared])
    kept = [
        h
        for h in hits
        if h not in compared
        and not _PREDICATE.search(text, max(start, h.start - 40), h.start)
        and not _EXAMPLE.search(text, max(start, h.start - 12), h.start)
    ]
    return [h for h in kept if not _MODIFIES.match(text, h.end)] or kept


# "buprenorphine for kratom withdrawal": a name that modifies the noun after it is not the phrase's referent.
_MODIFIES = re.compile(
    r"\s+(?:withdrawal|use|users?|habit|dependence|addiction|cravings?|tolerance|products?|vendors?|shops?)\b", re.IGNORECASE
)


# "a CYP2D6 substrate such as dextromethorphan": a name given as an example of a class.
_EXAMPLE = re.compile(r"\b(?:such as|e\.g\.,?|including)\s+$", re.IGNORECASE)
# "is a", "it's not just a weaker", "is it basically just a": a name after it is what the subject is said to be.
_PREDICATE = re.compile(
    r"(?:\b(?:is|are|was|were|isn[’']t|aren[’']t|wasn[’']t)|[’']s)\s+(?:(?:it|they|this|that)\s+)?(?:not\s+)?(?:basically\s+|really\s+)?(?:just\s+|simply\s+|only\s+|merely\s+|basically\s+)?"
    r"(?:an?|the)\s+(?:(?!(?:and|or|but)\b)[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


def referable(reference: Hit | None, hits: list[Hit], text: str) -> list[Hit]:
    """The agents ``reference`` can name: "this alkaloid" only an alkaloid, "it" any agent; a name
    inside a prepositional phrase ("one of the alkaloids in kratom leaf") only when no other is there."""
    singular = reference is not None and SINGULAR.fullmatch(reference.text(text)) is not None
    if singular:  # "it" does not name "morphine and oxycodone": with only names joined like that, it names one before them
        hits = _unjoined(text, hits)
    salient = [h for h in hits if not IN_PHRASE.search(text, max(0, h.start - 12), h.start)]
    hits = salient or hits
    if singular:  # nor "the alkaloids in kratom"
        hits = [
            h for h in hits if not (h.info.get("generic") and PLURAL_NAME.search(h.text(text))) and not PLURAL_CLASS.search(h.text(text))
        ] or hits
    if reference is None or "alkaloid" not in reference.text(text).lower():
        return hits
    alkaloids = lexicon().alkaloids
    one = "alkaloids" not in reference.text(text).lower()  # "the alkaloid" is one of them, not the plant's
    return [h for h in hits if h.label in alkaloids and not (one and h.label == "kratom")]


def _unjoined(text: str, hits: list[Hit]) -> list[Hit]:
    """``hits`` but the names joined by "and" or "or" into one phrase ("morphine and oxycodone",
    "kratom, heroin and cocaine"); a name set beside another by a comma alone is in apposition
    ("Mitragynine, the main alkaloid in the leaf, ...") and stays."""
    joined: set[int] = set()
    for k in range(len(hits) - 1, 0, -1):
        a, b = hits[k - 1], hits[k]
        if a.label != b.label and (_JOINED.fullmatch(text, a.end, b.start) or (k in joined and _LISTED.fullmatch(text, a.end, b.start))):
            joined.update((k - 1, k))
    return [h for k, h in enumerate(hits) if k not in joined]


_JOINED = re.compile(r",?\s+(?:and|or)\s+", re.IGNORECASE)
_LISTED = re.compile(r",\s*")


def antecedent(doc: Document, index: int, offset: int, reference: Hit | None = None) -> tuple[Hit, str] | None:
    """The latest agent named before ``offset`` (in the sentence or the ones before) that
    ``reference`` can name, as ``(hit, agent)``; failing that, what the page is about."""
    text = doc.flat
    for start, end in looking_back(doc, index, offset, list_items=1, window=LOOKBACK):
        hits = referable(reference, _antecedents(text, start, named_agents(text, start, end), reference), text)
        if hits:
            hit = _salient(text, hits, start, end < offset, reference)
            return hit, hit.label
    topic = page_topic(doc, offset, plural=False)
    if topic and reference is not None:
        return reference, topic[0]
    return None


def heading_agent(doc: Document, offset: int) -> Hit | None:
    """The agent the heading of ``offset``'s section names ("Slide 12 — Buprenorphine", "1.
    Mitragynine (MG)"): the subject of the notes and bullets under it that name none."""
    section = doc.section_of(offset)
    if not section.heading or section.start >= offset:
        return None
    line_end = doc.flat.find("\n", section.start, offset)
    named = named_agents(doc.flat, section.start, line_end if line_end >= 0 else min(offset, section.start + len(section.heading)))
    specific = [h for h in named if not h.info.get("generic")] or named
    if specific:
        return specific[0]
    # "Receptor profile" names no agent: the page's own subject does ("7-Hydroxymitragynine")
    first = doc.sections[0]
    if doc.title is None or first.heading is None or first is section:
        return None
    titled = [h for h in named_agents(doc.flat, first.start, first.start + len(first.heading)) if not h.info.get("generic")]
    return titled[0] if len(titled) == 1 else None


def asked_agent(doc: Document, index: int) -> Hit | None:
    """The agent the question just before sentence ``index`` names ("Front: Morphine — receptor
    profile?" over "Back: Full agonist at mu"): what an answer with no subject is about."""
    before = doc.sentences[index - 1] if index else None
    if before is None:
        return None
    asked = doc.flat[before.start : before.end]
    if not asked.rstrip().endswith("?") and not _CARD_FRONT.match(asked):
        return None
    return _first_named(doc.flat, before.start, before.end)


def lead_in_agent(doc: Document, offset: int) -> Hit | None:
    """The agent the item that leads a nested list names ("• Mitragynine (MG), the main alkaloid:"
    over "   – partial agonist at MOR"): the nearest line above, in the same section, indented
    less than ``offset``'s line and ending in a colon. None where the line is not indented."""
    text = doc.flat
    line_start = text.rfind("\n", 0, offset) + 1
    indent = len(text[line_start:offset]) - len(text[line_start:offset].lstrip())
    if not indent:
        return None
    floor = doc.section_of(offset).start
    for _ in range(_LEAD_IN_REACH):
        if line_start <= floor:
            return None
        above = text.rfind("\n", 0, line_start - 1) + 1
        line = text[above : line_start - 1]
        if line.strip() and len(line) - len(line.lstrip()) < indent:
            if not line.rstrip().endswith(":"):
                return None
            return _first_named(text, above, line_start - 1)
        line_start = above
    return None


#: How many lines above an indented item its list's lead-in may stand.
_LEAD_IN_REACH = 12


def column_agent(doc: Document, offset: int) -> Hit | None:
    """The agent the header of ``offset``'s column names, in a row of a table whose first row
    heads the columns with the things compared ("| | Kratom | Suboxone |" over "| Main action |
    Partial agonist at mu | ..."): the subject of the cells under it."""
    head = column_head(doc.flat, offset)
    return None if head is None else _first_named(doc.flat, *head)


def _first_named(text: str, start: int, end: int) -> Hit | None:
    """The first agent ``text[start:end]`` names by a name of its own, not a class ("kratom alkaloids")."""
    return next((h for h in named_agents(text, start, end) if not h.info.get("generic")), None)


def _salient(text: str, hits: list[Hit], start: int, earlier: bool, reference: Hit | None) -> Hit:
    """The agent "it" points back to among ``hits``: the latest one, or, in an earlier sentence
    that opens with its subject, that subject ("Buprenorphine is an option if you were using
    fentanyl. It binds ..." is buprenorphine)."""
    if (
        reference is not None
        and (earlier or _NEW_CLAUSE.search(text, max(start, reference.start - 12), reference.start))
        and PRONOUN.fullmatch(reference.text(text))
        and SUBJECT_START.fullmatch(text, start, hits[0].start)
    ):
        return hits[0]
    return hits[-1]


# Where a coordinated main clause opens: "Modafinil induces CYP3A4, the enzyme that turns MG into 7-OH, and it inhibits ...",
# or a clause that gives the main one's reason: "Kratom can raise levels of oxycodone and fentanyl, because it inhibits ...".
_NEW_CLAUSE = re.compile(r"(?:,\s*and|;|,?\s*\b(?:because|since|so|but|yet|although|though|whereas))\s+$", re.IGNORECASE)


def resolve_target(doc: Document, index: int, offset: int, *, plural: bool = False, target_type: str | None = None) -> Target | None:
    """Latest target named before ``offset`` in the sentence or the paragraph's earlier sentences;
    for a plural reference ("these enzymes") every target of its type named there ("an inhibitor
    of CYP2D6 and a weaker inhibitor of CYP3A4"), or else every target coordinated with the last."""
    untyped: list[Target] = []
    for start, end in looking_back(doc, index, offset, list_items=3, window=LOOKBACK):
        found = find_targets(doc.flat, start, end)
        if not found:
            continue
        typed = [t for t in found if any(ttype == target_type for _, ttype in t.names)]
        if not typed and target_type is not None:
            # "... block P-glycoprotein. Inhibition of these enzymes": the enzymes named before it
            untyped = untyped or found
            continue
        return _referent(doc.flat, found, typed, plural=plural)
    return _referent(doc.flat, untyped, [], plural=plural) if untyped else None


def _referent(text: str, found: list[Target], typed: list[Target], *, plural: bool) -> Target:
    """One target standing for what a reference names among ``found``: for a plural one the
    targets of its type, or else those coordinated with the last of its type; for a singular one
    the last of its type ("binds mu receptors more tightly than most opioids, yet is a partial
    agonist at these receptors": the receptors, not the drugs)."""
    last = typed[-1] if typed else found[-1]
    chain = typed if plural and len(typed) > 1 else [t for t, _ in chain_back(text, found, last)] if plural else [last]
    names = tuple(dict.fromkeys(name for t in chain for name in t.names))
    return Target(chain[-1].start, chain[-1].end, names)


# Between a plural reference and the targets that name it: "the receptors MT1 and MT2", "these enzymes, CYP2D6 and".
_NAMED_AFTER = re.compile(r"\s*(?:[,:–—]\s*|\s\((?=[^()]{1,60}\)))?(?:(?:called|named|known as|namely)\s+)?")
# How many a reference counts: "two" to "ten", or in digits.
_COUNT = r"(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
# The words before a reference's noun that count or quantify it: "none of the six", "all three", "both".
_QUANTIFIED = re.compile(
    rf"(?:none|neither|either|each|all|both|any)\b(?: of)?(?: the| these| those)?(?: {_COUNT})?\s+|(?:the|these|those) {_COUNT}\s+",
    re.IGNORECASE,
)


def named_after(text: str, reference: Hit, targets: list[Target]) -> bool:
    """Whether the targets after a plural reference name what it refers to ("works on the
    receptors MT1 and MT2"): those targets, not an earlier one, are what the clause acts on."""
    return lexicon().plural_targets.fullmatch(reference.text(text)) is not None and any(
        _NAMED_AFTER.fullmatch(text, reference.end, t.start) for t in targets
    )


def names_next(text: str, reference: Hit, agents: list[Hit]) -> bool:
    """Whether the agent right after a reference is what it refers to ("its metabolite
    7-hydroxymitragynine", "the compound, mitragynine,"): the name, not the reference, is the agent."""
    return any(a.start >= reference.end and _NAMED_AFTER.fullmatch(text, reference.end, a.start) for a in agents)


def quantified_over(agent: Hit, references: list[Hit], text: str) -> bool:
    """Whether a generic agent ("alkaloids") is the noun of a reference that counts or quantifies
    what the page named before ("None of the six alkaloids", "all three alkaloids"): the
    reference, not kratom as a whole, is the agent."""
    return bool(agent.info.get("generic")) and any(
        r.start <= agent.start and (agent.end <= r.end or r.end <= agent.start) and _QUANTIFIED.fullmatch(text, r.start, agent.start)
        for r in references
    )


def _specific(hit: Hit) -> bool:
    """Whether ``hit`` names one agent, not kratom as a whole or a class of its alkaloids ("a kratom alkaloid")."""
    return not hit.info.get("generic") and hit.label != "kratom"
