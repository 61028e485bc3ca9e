"""Mentions for mechanisms: the lexicon, and where a span of text names agents and targets.

A target is found as the lexicon spells it, or as a coordination the lexicon cannot list
("opioid, adrenergic and serotonergic receptors": one target each). An agent is named as the
lexicon spells it; one in a comparison ("unlike morphine", "as other opioids do") is a name the
clause sets beside its subject, not its subject. Used by :mod:`.mechanisms` and :mod:`.coreference`.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from .. import lexicon as lexicons
from ._match import Hit, Matcher

CHAIN = re.compile(
    r"\s*(?:,\s*(?:(?:and|or)\s+(?:(?:probably|possibly|likely|perhaps|maybe|presumably|also|even)\s+)?|particularly\s+|especially\s+|notably\s+|mainly\s+|chiefly\s+|primarily\s+|mostly\s+|principally\s+|above all\s+|in particular\s+|including\s+|namely\s+|such as\s+|as well as\s+)?"
    r"|\s*,?\s+(?:and|or)\s+(?:the\s+|(?:some|several|certain|other|various)\s+(?:(?:classical|conventional|prescription|typical|traditional|full)\s+)?|(?:the|your)\s+(?:body|brain)['’]s\s+(?:own\s+)?"
    r"|(?:its|the|their)\s+(?:(?:main|active|major|principal|more|most|less|far|potent|oxidi[sz]ed|close|chemical)\s+){0,3}(?:metabolite|cousin|relative|analog(?:ue)?),?\s+)?|\s+particularly\s+|\s+as well as\s+|\s+(?:such as|including|especially|notably)\s+|\s+like\s+"
    # "CYP2D6 and, to a lesser degree, CYP3A4", "of CYP2D6 and, more weakly, of CYP3A4": an aside between two conjuncts.
    r"|\s*,?\s*(?:and|or)\s*,\s*[^,.;]{1,30},\s*(?:(?:of|at|on|to|with|by)\s+)?"
    # "CYP3A4 with an IC50 of about 40 µM and CYP2D6": a figure between two conjuncts
    r"|\s+with\s+(?:an?\s+)?(?:IC50|Ki|EC50|Kb|Kd)\b[^,;()]{0,30}?\s+and\s+"
    # "CYP2D6 fairly potently in vitro (IC50 around 0.5 µM) and CYP3A4": how strongly, and a figure in brackets, between two conjuncts
    r"|(?:\s+(?:\w+ly|in vitro|in vivo)){1,3}(?:\s*\([^()]{0,80}\))?\s*,?\s+and\s+|\s*\([^()]{0,80}\)\s*,?\s+and\s+"
    # "CYP2D6 and in less degree CYP3A4", "MOR and to a lesser extent KOR": the same aside without commas
    r"|\s*,?\s+(?:and|or)\s+(?:to|in)\s+(?:an?\s+)?(?:lesser|less|smaller|greater|small|some|minor)\s+(?:degree|extent)\s*,?\s+(?:(?:of|at|on|to|with|by)\s+)?"
    # "neither MG nor 7-OH", "with 5-HT2A receptors and with alpha-adrenergic receptors"
    # "at opioid receptors in the brain and also on adrenergic receptors": the same preposition again
    r"|\s+nor\s+|(?:\s+in\s+the\s+(?:brain|body|gut|spinal cord|liver|central nervous system))?\s*,?\s+and\s+(?:also\s+)?(?:with|at|on|to|for|of)\s+"
    # "mitragynine and especially 7-hydroxymitragynine": a conjunct the writer stresses
    r"|\s*,?\s+(?:and|or)\s+(?:especially|particularly|notably|above all|in particular|even|most of all)\s+"
    r"(?:(?:its|their)\s+(?:(?:main|active|major|principal|potent)\s+){0,2}metabolite,?\s+)?"
    # "catalysed by CYP3A4, with minor contributions from CYP2D6": the enzymes that share the work
    r"|\s*,\s*with\s+(?:an?\s+)?(?:minor|small|smaller|some|lesser|additional|further)\s+(?:contributions?|roles?|help)\s+(?:from|by|of|for)\s+"
    # "partly through opioid receptors and partly through adrenergic ones", "binds MOR but also KOR": a second route or target
    r"|\s*,?\s+(?:and|but)\s+(?:also\s+|partly\s+|partially\s+|mainly\s+|mostly\s+)?(?:through|via)\s+|\s*,?\s+but\s+also\s+(?:(?:at|on|to|with)\s+)?"
    # "by CYP3A4 and partly by CYP2D6": a second agent of a passive
    r"|\s*,?\s+and\s+(?:(?:also|partly|partially|mainly|mostly|largely|chiefly|then)\s+)?by\s+"
    # "CYP2D6 pretty strongly and CYP3A4": an adverb of degree closing the first conjunct
    r"|\s+(?:(?:pretty|very|quite|more|less|most|fairly|rather|only)\s+)?\w+ly(?:\s*\([^()]{1,40}\))?\s*,?\s+(?:and|or)\s+(?:(?:more|less|also|only)\s+\w+ly\s+)?"
    # "KOR/DOR", "MT1/MT2 agonists", "CYP2D6 + CYP3A4", "paynantheine & speciogynine"
    r"|\s*[/+&]\s*"
    # "alpha-2 receptors (cf. clonidine) and 5-HT2A receptors", "CYP2D6 (strong) & CYP3A4": a bracketed aside after the first conjunct;
    # "CYP2D6 (IC50 = 2.2 µM) competitively and CYP3A4": an adverb after the aside
    r"|\s*\([^()]{1,40}\)(?:\s+(?:more\s+|less\s+)?\w+ly)?\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*[&+]\s*|,?\s*(?:and|or)\s*,\s*[^,.;]{1,30},\s*))"
)

# "kratom, like other opioids, ...": a name in a comparison is not the agent of the clause.
COMPARED = re.compile(
    r"\b(?:(?<!inhibitors )(?<!inducers )(?<!agonists )(?<!blockers )like|unlike|than|as with|similar to|compared (?:to|with)|the way|shared (?:with|by))\s+(?:(?:that|those) of\s+)?(?:its (?:metabolite|parent)\s+|other\s+|the\s+)?$",
    re.IGNORECASE,
)

# "suppresses REM sleep, as other opioids do": a name compared by "as ... do".
AS_BEFORE = re.compile(r"(?:(?<!such )(?<!as well )\bas|\bsame\b[^.;]{0,60}\bthat)\s+(?:other\s+|the\s+)?$", re.IGNORECASE)

DOES_AFTER = re.compile(r"\s+(?:do|does|did)\b", re.IGNORECASE)

# "the same receptors morphine uses", "the receptor that oxycodone used": a name said to use them too.
USES_BEFORE = re.compile(r"\b(?:receptors?|ones|sites?)\s+(?:that\s+)?(?:other\s+|the\s+)?$", re.IGNORECASE)
USES_AFTER = re.compile(r"\s+(?:also\s+|all\s+)?(?:uses?|used)\b", re.IGNORECASE)

_CONJOINED = re.compile(r"\s*,?\s+(?:and|or)\s+", re.IGNORECASE)

# "binds the same receptors as morphine", "and so do oxycodone and fentanyl", "as does morphine":
# the name after it is said to do the same.
SAME_AS = re.compile(
    r"(?:\bsame\b[^.;]{0,60}?\s(?:as|like)|\b(?:as|so)\s+(?:do|does|did|is|are|was|were))\s+(?:(?:other|the|many|most|some)\s+)?$",
    re.IGNORECASE,
)

# "..., and kratom probably does the same": a name whose verb, a form of "do", stands for the
# action and target of the clause before it.
DOES_SAME = re.compile(
    r"(?:\s+(?:may|might|could|can|will|would|probably|likely|possibly|also|actually|presumably)){0,2}\s+"
    r"(?:(?:do|does|did)\s+(?:the\s+same|likewise|so\b(?!\s+(?:by|through|via|at|on)\b)|too\b(?!\s+(?:much|many|little|few|well|high|low)\b))"
    r"|(?:is|are)\s+(?:likely|thought|expected|believed)\s+to\s+do\s+the\s+same)",
    re.IGNORECASE,
)

MODIFIER = re.compile(r"-(?:induced|like|related|free|based|containing)\b|\s+(?:syndrome|toxicity)\b", re.IGNORECASE)

# "reduce their use of prescription opioids": a drug as what people take is a habit, not a target.
TAKING = re.compile(
    r"\b(?:use|usage|intake|consumption|misuse|abuse) of\s+"
    r"(?:(?:prescription|illicit|illegal|other|street|daily|their|your)\s+)*$"
    r"|\b(?:dependence on|reliance on|addiction to|cravings? for|need for|off of|off)\s+(?:(?:prescription|illicit|other|their|your)\s+)*$",
    re.IGNORECASE,
)

COORDINATED_RECEPTORS = {
    "opioid": "opioid receptors",
    "opiate": "opioid receptors",
    "gaba": "GABA receptors",
    "gaba-a": "GABA receptors",
    "gabaa": "GABA receptors",
    "gaba-b": "GABA receptors",
    "gabab": "GABA receptors",
    "serotonin": "serotonin receptors",
    "seratonin": "serotonin receptors",
    "serotonergic": "serotonin receptors",
    "dopamine": "dopamine receptors",
    "dopaminergic": "dopamine receptors",
    "adrenergic": "adrenergic receptors",
    "noradrenergic": "adrenergic receptors",
    "nmda": "NMDA receptors",
    "kappa": "kappa-opioid receptor",
    "delta": "delta-opioid receptor",
    "mu": "mu-opioid receptor",
    "µ": "mu-opioid receptor",
    "μ": "mu-opioid receptor",
    "κ": "kappa-opioid receptor",
    "δ": "delta-opioid receptor",
    "mt1": "MT1 melatonin receptor",
    "mt2": "MT2 melatonin receptor",
    "histamine": "histamine receptors",
    "acetylcholine": "acetylcholine receptors",
    "muscarinic": "muscarinic receptors",
}

# "alpha-2 adrenergic and 5-HT2A receptors": an adrenoceptor subtype as one item of a coordination.
_ALPHA_ITEM = re.compile(r"(?:alpha|α)[- ]?([12])")

# "by blocking its reuptake (transporter)": the reuptake of a neurotransmitter named before.
_ITS_REUPTAKE = re.compile(r"\bits re-?uptake(?: (?P<transporter>transporters?|pumps?))?\b", re.IGNORECASE)
_REUPTAKEN = frozenset({"serotonin", "norepinephrine", "dopamine"})

NEUROTRANSMITTERS = {
    "serotonin": "serotonin",
    "seratonin": "serotonin",
    "dopamine": "dopamine",
    "gaba": "GABA",
    "norepinephrine": "norepinephrine",
    "noradrenaline": "norepinephrine",
}

# The words around a drug in a drug target: "the blood levels of", "concentrations".
DRUG_LEVEL = re.compile(
    r"^(?:the )?(?:blood |plasma |serum )?(?:levels?|concentrations?) of (?:other |some |many |certain |these |those |such )?"
    r"|(?: blood| plasma| serum)? (?:levels|concentrations|exposure)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Lexicon:
    agents: Matcher
    references: Matcher
    actions: Matcher
    targets: Matcher
    target_references: Matcher
    coordinated: re.Pattern[str]
    plural: re.Pattern[str]
    plural_targets: re.Pattern[str]
    nominal: re.Pattern[str]
    alkaloids: frozenset[str]
    metabolites: dict[str, str]  # metabolite -> the drug it is made from


@functools.cache
def lexicon() -> Lexicon:
    lex = lexicons.read("mechanisms")
    return Lexicon(
        agents=Matcher([(a["agent"], a["pattern"], a) for a in lex["agents"]]),
        references=Matcher([("reference", lex["agent_references"], {})]),
        # Each action is a long alternation of wordings: searched apart, a sentence is scanned only for the wordings whose words it holds.
        actions=Matcher([(a["action"], a["pattern"], a) for a in lex["actions"]], apart=True),
        targets=Matcher([(t["target"], t["pattern"], t) for t in lex["targets"]]),
        target_references=Matcher([("reference", t["pattern"], t) for t in lex["target_references"]]),
        coordinated=lexicons.pattern(lex["coordinated_targets"]),
        plural=re.compile(lex["plural_references"], re.IGNORECASE),
        plural_targets=re.compile(lex["plural_target_references"], re.IGNORECASE),
        nominal=re.compile(lex["nominal_actions"], re.IGNORECASE),
        alkaloids=frozenset(lex["alkaloids"]),
        metabolites=dict(lex["metabolites"]),
    )


@dataclass(frozen=True)
class Target:
    start: int
    end: int
    names: tuple[tuple[str, str], ...]  # (normalised target, target type)


def find_targets(text: str, s: int, e: int, words: int | None = None) -> list[Target]:
    lex = lexicon()
    out: list[Target] = []
    for m in lex.coordinated.finditer(text, s, e):
        noun = m.group("noun").lower()
        names = []
        items = _items(text, m)
        for a, b in items:
            key = _FAMILY.sub("", text[a:b].lower().rstrip("-"))
            if noun.startswith("receptor"):
                alpha = _ALPHA_ITEM.match(key)
                name = (
                    f"alpha-{alpha.group(1)} adrenergic receptors"
                    if alpha
                    else "serotonin receptors"
                    if key.startswith("5-ht")
                    else "histamine H1 receptor"
                    if key == "h1"
                    else "histamine receptors"
                    if re.fullmatch(r"h\d", key)
                    else "dopamine receptors"
                    if re.fullmatch(r"d\d", key)
                    else COORDINATED_RECEPTORS[key]
                )
                names.append((name, "receptor"))
            elif key in NEUROTRANSMITTERS:
                names.append((NEUROTRANSMITTERS[key], "neurotransmitter"))
        if not names:
            continue
        if len(names) == len(items) and len(set(names)) < len(names):
            # "5-HT1A and 5-HT2B receptors": two subtypes the vocabulary names alike are a target each, the last with the noun
            out.extend(Target(a, m.end() if n == len(items) - 1 else b, (name,)) for n, ((a, b), name) in enumerate(zip(items, names)))
            continue
        out.append(Target(m.start(), m.end(), tuple(dict.fromkeys(names))))
    coordinated = [(t.start, t.end) for t in out]  # found left to right, so sorted
    starts = [a for a, _ in coordinated]
    for hit in lex.targets.find(text, s, e, words=words):
        if MODIFIER.match(text, hit.end):
            continue  # "serotonin-induced head twitches", "serotonin syndrome": the twitches, the syndrome
        if hit.info["target_type"] in ("drug", "drug_class") and TAKING.search(text, max(s, hit.start - 40), hit.start):
            continue
        at = bisect.bisect_right(starts, hit.start)
        if at and coordinated[at - 1][1] > hit.start:
            continue
        if at < len(starts) and starts[at] < hit.end:
            # "histamine H1 and alpha-1 adrenergic receptors": the name that opens a coordination
            # begins it; the coordination keeps its items and starts where the name does
            out[at] = Target(min(hit.start, out[at].start), out[at].end, out[at].names)  # out opens with the coordinations, in order
            continue
        own: tuple[str, str] = (target_name(text, hit), hit.info["target_type"])
        bare = _bare_conjuncts(text, s, hit) if own[1] == "receptor" else None
        if bare and not any(t.end > bare[0] for t in out):  # "histamine H1 and ...": the words are a target already
            out.append(Target(bare[0], hit.end, (*bare[1], own)))
        else:
            out.append(Target(hit.start, hit.end, (own,)))
    if text.find("uptake", s, e) >= 0:
        out.extend(_own_reuptake(text, s, e, out))
    return sorted(out, key=lambda t: t.start)


# "dopamine D2 and serotonin 5-HT2A", "5-HT2A serotonin and H1 histamine" receptors: a family word names no target of its own
_FAMILY = re.compile(
    r"^(?:dopamine|serotonin|histamine|melatonin) (?=d\d|5-ht|h\d|mt\d)|(?<=\w) (?:dopamine|serotonin|histamine|melatonin)$"
)
_ITEM_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")


def _items(text: str, m: re.Match[str]) -> list[tuple[int, int]]:
    """Where each item of a coordination of targets stands ("5-HT1A", "5-HT2B" in "5-HT1A and 5-HT2B receptors")."""
    spans, at = [], m.start("items")
    for sep in _ITEM_SEPARATOR.finditer(text, at, m.end("items")):
        spans.append((at, sep.start()))
        at = sep.end()
    spans.append((at, m.end("items")))
    return spans


# "histamine and acetylcholine receptors", "orexin-1, orexin-2 or": bare words coordinated before a receptor.
_BARE_ITEMS = re.compile(r"(?<![\w-])((?:[a-z]\w*(?:-\d+[a-z]?)?\s*,\s*)*[a-z]\w*(?:-\d+[a-z]?)?)\s*,?\s+(?:and|or)\s+$", re.IGNORECASE)


def _bare_conjuncts(text: str, s: int, hit: Hit) -> tuple[int, list[tuple[str, str]]] | None:
    """Where the receptors coordinated before ``hit`` by their bare names begin, and their
    names: each word with the noun that closes the coordination must read as a receptor the
    lexicon knows or names as written ("histamine receptors"); else there is no such coordination."""
    noun = hit.text(text).rsplit(None, 1)[-1]
    if not noun.lower().startswith("receptor"):
        return None
    m = _BARE_ITEMS.search(text, max(s, hit.start - 80), hit.start)
    if m is None:
        return None
    names = []
    for word in re.split(r"\s*,\s*|\s+", m.group(1)):
        if lexicon().targets.first(word):
            return None  # "MT1 and MT2 receptors": a target of its own, which the coordination rules read
        phrase = f"{word} {noun}"
        found = lexicon().targets.find(phrase, 0, len(phrase))
        if len(found) != 1 or (found[0].start, found[0].end) != (0, len(phrase)) or found[0].info["target_type"] != "receptor":
            return None
        names.append((target_name(phrase, found[0]), "receptor"))
    return m.start(1), names


def _own_reuptake(text: str, s: int, e: int, found: list[Target]) -> list[Target]:
    """ "raises serotonin levels by blocking its reuptake": the reuptake (or its transporter) of
    the neurotransmitter named last before it."""
    out = []
    for m in _ITS_REUPTAKE.finditer(text, s, e):
        named = [t.names[0][0] for t in found if t.end <= m.start() and t.names[0][0] in _REUPTAKEN]
        if named:
            kind = "transporter" if m.group("transporter") else "reuptake"
            name = f"{named[-1]} {kind}"
            out.append(Target(m.start(), m.end(), ((name, "transporter" if kind == "transporter" else "physiological_process"),)))
    return out


def target_name(text: str, hit: Hit) -> str:
    """A target's name: the lexicon's, or for ``*`` the words as written (symbols such as TNF-α
    keep their case); a drug target ("blood levels of kratom") is named by the drug it holds."""
    if hit.info["target_type"] == "drug":
        named = find_agents(text, hit.start, hit.end)
        return named[-1].label if named else DRUG_LEVEL.sub("", hit.text(text)).lower()
    return " ".join(hit.text(text).split()) if hit.label == "*" else hit.label


class _Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=_Span)


def coordinated(text: str, spans: Sequence[S], first: S) -> list[S]:
    """``first`` plus the mentions of ``spans`` coordinated after it: targets ("opioid, adrenergic
    and GABA receptors") or agents ("by corynantheidine and paynantheine")."""
    chain = [first]
    for nxt in (t for t in spans if t.start >= first.end):
        if not CHAIN.fullmatch(text, chain[-1].end, nxt.start):
            break
        chain.append(nxt)
    return chain


def chain_from(text: str, targets: list[Target], first: Target) -> list[tuple[Target, str]]:
    """``first`` plus the targets coordinated after it ("opioid, adrenergic and GABA receptors")."""
    return [(t, text[t.start : t.end]) for t in coordinated(text, targets, first)]


def chain_back(text: str, targets: list[Target], last: Target) -> list[tuple[Target, str]]:
    """``last`` plus the targets coordinated before it ("kappa and delta ...")."""
    return [(t, text[t.start : t.end]) for t in coordinated_before(text, [*(t for t in targets if t.end <= last.start), last])]


def coordinated_before(text: str, spans: Sequence[S]) -> list[S]:
    """The last of ``spans`` plus those coordinated before it ("clonidine or lofexidine")."""
    chain = [spans[-1]]
    for prev in reversed(spans[:-1]):
        if prev.end > chain[0].start or not CHAIN.fullmatch(text, prev.end, chain[0].start):
            break
        chain.insert(0, prev)
    return chain


def is_compared(text: str, start: int, hit: Hit) -> bool:
    """Whether a name stands in a comparison ("like other opioids", "than morphine", "as other
    opioids do") rather than as the subject of its clause."""
    if COMPARED.search(text, max(start, hit.start - 25), hit.start) or SAME_AS.search(text, max(start, hit.start - 90), hit.start):
        return True
    if USES_BEFORE.search(text, max(start, hit.start - 30), hit.start) and USES_AFTER.match(text, hit.end):
        return True
    return bool(AS_BEFORE.search(text, max(start, hit.start - 90), hit.start) and DOES_AFTER.match(text, hit.end))


def compared_agents(text: str, start: int, hits: list[Hit]) -> list[Hit]:
    """The hits that stand in a comparison (:func:`is_compared`), with the names coordinated after
    one ("and so do oxycodone, methadone and fentanyl")."""
    out: list[Hit] = []
    for n, hit in enumerate(hits):
        if is_compared(text, start, hit) or (out and out[-1] is hits[n - 1] and _joined(text, hits, n)):
            out.append(hit)
    return out


def elliptic_agents(text: str, hits: list[Hit]) -> list[Hit]:
    """The names whose verb is a form of "do" standing for the clause before: "..., and kratom
    probably does the same", "mitragynine is likely to do the same"."""
    return [h for h in hits if DOES_SAME.match(text, h.end)]


def _joined(text: str, hits: list[Hit], n: int) -> bool:
    """Whether ``hits[n]`` is coordinated with the hit before it: by "and"/"or", or by a comma in
    a list that goes on ("oxycodone, methadone and fentanyl"), not the comma that closes a
    fronted phrase ("Unlike morphine, mitragynine ...")."""
    if _CONJOINED.fullmatch(text, hits[n - 1].end, hits[n].start):
        return True
    return bool(
        CHAIN.fullmatch(text, hits[n - 1].end, hits[n].start)
        and n + 1 < len(hits)
        and CHAIN.fullmatch(text, hits[n].end, hits[n + 1].start)
    )


def named_agents(text: str, start: int, end: int) -> list[Hit]:
    """Agents named in ``text[start:end]`` that a reference can point back to: not a name inside a
    target ("melatonin levels") or in a comparison ("unlike morphine")."""
    targets = find_targets(text, start, end)
    return [
        h
        for h in find_agents(text, start, end)
        if not inside_longer(h, targets) and not COMPARED.search(text, max(start, h.start - 25), h.start)
    ]


def find_agents(text: str, start: int, end: int, words: int | None = None) -> list[Hit]:
    """Agents named in ``text[start:end]``; one named as written (lexicon label ``*``: a drug, a
    minor alkaloid) is labelled by its own words in lower case."""
    return [
        h._replace(label=" ".join(h.text(text).lower().split())) if h.label == "*" else h
        for h in lexicon().agents.find(text, start, end, words=words)
    ]


def inside_longer(hit: Hit, targets: list[Target]) -> bool:
    """Whether a name lies inside a longer target ("melatonin production"); the same word as a whole
    target ("melatonin") may still be an agent."""
    return any(t.start <= hit.start and hit.end <= t.end and (t.start, t.end) != (hit.start, hit.end) for t in targets)


def with_ones(text: str, s: int, e: int, targets: list[Target]) -> list[Target]:
    """``targets`` and those named by a modifier and "ones" after one of them ("partly through
    opioid receptors and partly through adrenergic ones"), in the order of the text."""
    found = list(targets)
    for m in _ONES.finditer(text, s, e):
        before = [t for t in targets if t.end <= m.start()]
        one = ones_target(text, m.start(), before[-1], e) if before else None
        if one is not None and not any(t.start < one[0].end and one[0].start < t.end for t in targets):
            found.append(one[0])
    return sorted(found, key=lambda t: t.start)


# "opioid ones", "the kappa ones": a modifier and the pronoun of a noun named before.
_ONES = re.compile(r"(?P<modifier>[\w-]+(?: [\w-]+)?) ones\b", re.IGNORECASE)


def ones_target(text: str, at: int, last: Target, limit: int) -> tuple[Target, str] | None:
    """A target named by a modifier and "ones" for the head noun of the one before it:
    "serotonin receptors rather than opioid ones" sets opioid receptors against them."""
    one = _ONES.match(text, at, limit)
    if one is None:
        return None
    head = text[last.start : last.end].split()[-1]
    phrase = f"{one.group('modifier')} {head if head.endswith('s') else head + 's'}"
    named = [t for t in find_targets(phrase, 0, len(phrase)) if t.start == 0 and t.end == len(phrase)]
    if not named:
        return None
    return Target(one.start(), one.end(), named[0].names), text[one.start() : one.end()]
