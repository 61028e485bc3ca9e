"""The agent and target of an action word: where a sentence puts them around it.

Before the action ("MG binds MOR") or after it ("the binding of MG to MOR", "activated by
7-OH"), fronted ("At the mu-opioid receptor, MG ..."), or pointed back to by a pronoun
(:mod:`.role_nouns` reads agents a role noun names). :mod:`.mechanisms` turns what these find
into records.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..document import Document
from ._match import Hit
from .coreference import resolve_agents, resolve_target
from .mentions import CHAIN, Target, chain_back, chain_from, coordinated, lexicon

#: Agents of one action, each hit with the agent it names (a plural reference names several).
AgentGroup = list[tuple[Hit, str]]
#: Targets of one action, coordinated, each with its words as written.
TargetChain = list[tuple[Target, str]]

# "Kratom and these opioids": a coordinated name led by a determiner.
_AND_DETERMINER = re.compile(r"\s*,?\s+(?:and|or)\s+(?:these|those|other|the|all)\s+", re.IGNORECASE)

_AGENT_GAP = 70
_TARGET_GAP = 40
# A clause boundary between an action and a later target: the target belongs to the next clause.
_CLAUSE_BREAK = re.compile(
    r"(?<!\d)\.|\.(?!\d)|;|,\s*(?:whereas|while|but|although|though|and at|and on)\b"
    # "binding differently compared to endogenous opioids" compares; it names no target.
    r"|\b(?:compared (?:to|with)|than|unlike|similar to)\b"
    # "to reduce pain or to avoid withdrawal from opioids": the drug is what the noun is of.
    r"|\b(?:withdrawal|detox|recovery|abstinence|weaning) (?:from|off)\b|\bdependence on\b|\baddiction to\b",
    re.IGNORECASE,
)
# "At the mu-opioid receptor, MG acts as ...": a target fronted before its agent.
_FRONTED = re.compile(
    r"(?:^|[,;:]\s*|\bwhereas\s+|\bwhile\s+|\band\s+)(?:at|on)\s+(?:the\s+)?(?:(?:human|rat|mouse|rodent|cloned|recombinant|same)\s+)?$",
    re.IGNORECASE,
)
# "is activated by 7-OH": the passive names its target first and its agent after "by".
PASSIVE_BEFORE = re.compile(r"(?:\b(?:is|are|was|were|be|being|gets?)\s+|:\s*)(?:(?:\w+ly|also|not|only|itself)\s+)?$", re.IGNORECASE)
PASSIVE_AFTER = re.compile(
    r"(?:\s+(?:(?:even|far|much|still)\s+)?(?:(?:more|less|most|least|far|much|very)\s+)?\w+ly)?\s+by\s+(?:the\s+)?", re.IGNORECASE
)
_BY = re.compile(r"\s+by\s+", re.IGNORECASE)
# "targeted by", "inhibition by", "blockade by": a participle or a noun right after its target.
_REDUCED_OR_NOMINAL = re.compile(r"(?:ed|ion|ade|ism)$")
# "the binding of <agent> to ...": the agent follows the action noun.
_OF_AGENT = re.compile(r"\s+of\s+", re.IGNORECASE)
# An action whose own words end in "of" ("inhibitory effects of"): the agent follows at once.
_OF_ENDED = re.compile(r"\sof$", re.IGNORECASE)
# "inhibition of CYP2D6 by <agent>", and "through <agent>" as translated pages write it.
_BY_AGENT = re.compile(r"\s+(?:by|through)\s+", re.IGNORECASE)
# "By binding to these receptors, <agent> ...", "As a partial agonist at MOR, <agent> ...": an
# adverbial clause or a fronted role before the main subject.
_ADVERBIAL = re.compile(
    r"(?:^|[,;]\s*)(?:(?:by|through|via|upon|after|when|while)\s+|(?:as|being)\s+(?:(?:an?|the)\s+)?(?:[\w-]+\s+){0,2})$", re.IGNORECASE
)
_MAIN_SUBJECT = re.compile(r"[^,.;]{0,60},\s*")
_BRACKET_LIST = re.compile(r"\s*\((?:(?:e\.g\.|i\.e\.),?\s*|(?:such as|especially|mainly|notably|including|namely)\s+)?", re.IGNORECASE)
_BRACKET_CLOSE = re.compile(r"\s*\)")
_APPOSITIVE = re.compile(
    r"\)?\s*,\s*(?:(?:the|a|an|its|one|another|two|three|both|several)\b|(?:which|who)\s)[^,;.]{0,90},\s*(?:[\w-]+\s+){0,8}", re.IGNORECASE
)
#: The most characters between two names of one agent read as one naming ("kratom (Mitragyna
#: speciosa)", "MG\tHigh\tMG").
_RENAMED_GAP = 15
# An aside between commas after a name, which the distance to its action does not count.
_ASIDE = re.compile(r"(?:[ \t]+[\w'’-]+){0,3}?,(?:[^,;.()]|(?<=\d)\.(?=\d)){1,80},")
_NEW_CLAUSE = re.compile(r"(?<!\d)\.|\.(?!\d)|;|,\s*(?:so|but|whereas|while|although|though|because|since|and so)\b", re.IGNORECASE)
_RELATIVE = re.compile(r"which|who|that", re.IGNORECASE)


def new_clause(text: str, start: int, end: int) -> bool:
    """Whether a clause ends in ``text[start:end]`` outside brackets: the stops of "naloxone (1
    mg/kg, s.c.), a non-selective antagonist" abbreviate, they end nothing."""
    for m in _NEW_CLAUSE.finditer(text, start, end):
        if text.count("(", start, m.start()) <= text.count(")", start, m.start()):
            return True
    return False


_OBJECT_PRONOUN = re.compile(r"it|them", re.IGNORECASE)
_MEANS = re.compile(r"\s+(?:\w+ly\s+)?(?:by|through|via)\s+", re.IGNORECASE)
_DETERMINER = re.compile(r"(?:the|both)\s+", re.IGNORECASE)
# "has measured whether MG suppresses REM sleep": what stands before a subject whose action is asked, not stated.
ASKED = re.compile(r"\b(?:whether|if)\s+$", re.IGNORECASE)
# "CYP3A4, which kratom alkaloids appear to inhibit": the object before a relative clause's subject.
# ", which", "that", or an appositive head before it: "CYP2D6, an enzyme that kratom extracts block"
_OBJECT_RELATIVE = re.compile(
    r"\s*,?\s*(?:(?:an?|the|one of the)\s+(?:[\w-]+\s+)?(?:enzymes?|receptors?|transporters?|pumps?|proteins?|channels?)\s+)?(?:(?:both|all|each|either|two|three) of\s+)?(?:which|that)\s+",
    re.IGNORECASE,
)


# A participle's agent ending the words before a target: the target acts on something else named there.
# A verb right after a name: the name opens a clause of its own.
_SUBJECT_OF_NEXT = re.compile(r"\s+(?:are|is|were|was|have|has|had|can|could|may|might|will|would|do|does|did)\b", re.IGNORECASE)
_ACTED_BY = re.compile(r"\b[a-z]+(?:ed|en|wn)\s+by\s+$", re.IGNORECASE)


def target_chain(
    text: str, start: int, limit: int, targets: list[Target], target_refs: list[Hit], doc: Document, index: int
) -> TargetChain:
    """The target right after the action, plus any coordinated with it ("serotonin and dopamine")."""
    candidates = [t for t in targets if start <= t.start < limit]
    refs = [r for r in target_refs if start <= r.start < limit]
    first_ref = refs[0] if refs else None
    nearest = min([h.start for h in candidates[:1] + refs[:1]], default=start)
    if _ACTED_BY.search(text, start, nearest):
        return []  # "increased effects of drugs metabolized by them": the enzymes act on other drugs
    if candidates and (first_ref is None or candidates[0].start <= first_ref.start):
        first = candidates[0]
        if first.start - start > _TARGET_GAP or _CLAUSE_BREAK.search(text, start, first.start):
            return []
        chain = [(first, text[first.start : first.end])]
        for nxt in candidates[1:]:
            gap = text[chain[-1][0].end : nxt.start]
            if not CHAIN.fullmatch(gap) or ("," in gap and _SUBJECT_OF_NEXT.match(text, nxt.end, limit)):
                break  # "acts on opioid receptors, and opioids are known to ...": a new clause's subject
            if gap.strip() == "like" and not all(kind == "enzyme" for _, kind in (*chain[-1][0].names, *nxt.names)):
                break  # "liver enzymes like CYP3A4" names members; "the same receptors like opioids" compares
            chain.append((nxt, text[nxt.start : nxt.end]))
        chain += _ranked_after(text, chain[-1][0].end, limit, candidates)
        listed = _bracketed(text, chain[-1][0].end, candidates) or _singled_out(text, chain[-1][0], candidates, limit)
        return chain[:-1] + listed if listed else chain
    if first_ref and first_ref.start - start <= _TARGET_GAP:
        listed = _bracketed(text, first_ref.end, [t for t in targets if t.start >= first_ref.end])
        if listed:
            return listed  # "its own receptors (MT1 and MT2)"
        plural = lexicon().plural_targets.fullmatch(first_ref.text(text)) is not None
        resolved = resolve_target(doc, index, first_ref.start, plural=plural, target_type=first_ref.info.get("target_type"))
        if resolved:
            return [(Target(first_ref.start, first_ref.end, resolved.names), text[first_ref.start : first_ref.end])]
    return []


# "inhibit CYP2D6 most potently, followed by CYP3A4 and CYP2C9": a ranking goes on with the targets after it.
_FOLLOWED = re.compile(r"(?:\s+(?:most|more|less|least|\w+ly|in vitro|in vivo)){0,3},?\s+followed by\s+", re.IGNORECASE)


def _ranked_after(text: str, end: int, limit: int, targets: list[Target]) -> TargetChain:
    """The targets a ranking names after the first one, each acted on as well, less so."""
    followed = _FOLLOWED.match(text, end, limit)
    first = next((t for t in targets if t.start == followed.end()), None) if followed else None
    return chain_from(text, targets, first) if first else []


def _singled_out(text: str, general: Target, targets: list[Target], limit: int) -> TargetChain:
    """The targets a clause singles out of a class it named ("inhibits several cytochrome P450
    enzymes in vitro, most strongly CYP2D6", "the liver enzymes that clear other drugs, especially
    CYP3A4 and CYP2D6"): what the action was stated of in particular."""
    if not any(name in _CLASSES for name, _ in general.names):
        return []
    singled = _SINGLING_OUT.match(text, general.end, limit)
    if not singled:
        return []
    return _listed(text, singled.end(), [t for t in targets if t.start >= singled.end()])


#: Classes of enzymes a text names before or beside the members it means ("liver enzymes such as
#: CYP2D6 and CYP3A4").
ENZYME_CLASSES = frozenset({"liver enzymes", "CYP enzymes", "cytochrome P450 enzymes", "drug-metabolising enzymes"})
#: Targets that name a class of which a text may single out members.
_CLASSES = ENZYME_CLASSES | {"opioid receptors", "serotonin receptors", "adrenergic receptors"}
_SINGLING_OUT = re.compile(
    r"[^.;:,]{0,60}?,\s*(?:especially|particularly|notably|mainly|chiefly|in particular|most (?:strongly|potently|notably)|including|such as)\s+",
    re.IGNORECASE,
)


def _listed(text: str, start: int, targets: list[Target]) -> TargetChain:
    """The targets named one after another from ``start`` on ("CYP3A4 and CYP2D6")."""
    if not targets or targets[0].start != start:
        return []
    listed = [targets[0]]
    for nxt in targets[1:]:
        if not CHAIN.fullmatch(text[listed[-1].end : nxt.start]):
            break
        listed.append(nxt)
    return [(t, text[t.start : t.end]) for t in listed]


def _bracketed(text: str, end: int, targets: list[Target]) -> TargetChain:
    """The targets a bracket right after ``end`` lists in full, which name what the words before
    it name in general: "liver enzymes (CYP2D6, CYP3A4)"."""
    bracket = _BRACKET_LIST.match(text, end)
    if not bracket:
        return []
    listed = _listed(text, bracket.end(), [t for t in targets if t.start >= bracket.end()])
    return listed if listed and _BRACKET_CLOSE.match(text, listed[-1][0].end) else []


def target_before(
    text: str, window_start: int, agent_start: int, action_start: int, targets: list[Target], agent_end: int | None = None
) -> TargetChain:
    """A target stated before the action: fronted ("At the mu-opioid receptor MG acts as ...") or
    as the action noun's modifier ("a weak mu-opioid partial agonist")."""
    adjacent = [t for t in targets if t.end <= action_start and re.fullmatch(r"\s*", text[t.end : action_start])]
    if adjacent and adjacent[-1].start >= (agent_start if agent_end is None else agent_end):
        return chain_back(text, targets, adjacent[-1])
    fronted = [t for t in targets if window_start <= t.start and t.end <= agent_start]
    if fronted and _FRONTED.search(text[window_start : fronted[0].start]):
        last = fronted[0]
        for nxt in fronted[1:]:
            if CHAIN.fullmatch(text[last.end : nxt.start]):
                last = nxt
        return chain_back(text, targets, last)
    return []


def label_target(text: str, start: int, end: int, targets: list[Target]) -> TargetChain:
    """The targets a "Label: value" line names in its label ("alpha-2 receptors: MG acts as an
    agonist"), for an action in its value that names no target of its own."""
    colon = text.find(":", start, end)
    if colon < 0:
        return []
    label = [t for t in targets if start <= t.start and t.end <= colon]
    if not label or text[start : label[0].start].strip() or text[label[-1].end : colon].strip():
        return []
    chain = chain_back(text, targets, label[-1])
    return chain if chain[0][0] is label[0] else []


# "At this receptor it acted as a partial agonist": a phrase before the clause's agent.
_FRONTING = re.compile(r"\s*(?:(?:at|on|for|with)\s+)?", re.IGNORECASE)


def fronted_reference(text: str, start: int, agent_start: int, target_refs: Sequence[Hit], doc: Document, index: int) -> TargetChain:
    """The target a reference fronted before the clause's agent points back to: "At this receptor
    it acted as a partial agonist", "There it behaves as a partial agonist"."""
    for ref in target_refs:
        if ref.end <= agent_start and _FRONTING.fullmatch(text, start, ref.start) and not text[ref.end : agent_start].strip(" ,"):
            resolved = resolve_target(doc, index, ref.start, target_type=ref.info.get("target_type"))
            if resolved:
                return [(Target(ref.start, ref.end, resolved.names), text[ref.start : ref.end])]
    return []


def relative_object(text: str, window_start: int, agent_start: int, targets: list[Target]) -> TargetChain:
    """The target a relative clause's agent acts on: "CYP3A4, which kratom alkaloids appear to
    inhibit", "the receptors that morphine activates"."""
    before = [t for t in targets if window_start <= t.start and t.end <= agent_start]
    if before and _OBJECT_RELATIVE.fullmatch(text, before[-1].end, agent_start):
        return chain_back(text, targets, before[-1])
    return []


def passive_arguments(
    text: str,
    action: Hit,
    limit: int,
    targets: list[Target],
    agents: list[Hit],
    window_start: int,
    target_refs: Sequence[Hit] = (),
    doc: Document | None = None,
    index: int = 0,
    references: Sequence[Hit] = (),
) -> tuple[AgentGroup, TargetChain] | None:
    """``<target> is activated by <agent>``: the agent after "by", the target before the verb; also
    a reduced relative, "the receptor targeted by morphine and heroin", a compound noun,
    "CYP2D6 inhibition by mitragynine", and a reference after "by" ("is blocked by it")."""
    by = PASSIVE_AFTER.match(text, action.end, limit)
    if not by:
        return None
    # "acts on the same receptors targeted by morphine": the object of the clause before is the
    # subject of a reduced relative right after it
    before = [t for t in targets if (window_start <= t.start or not text[t.end : action.start].strip()) and t.end <= action.start]
    refs = [r for r in target_refs if window_start <= r.start and r.end <= action.start and (not before or r.start > before[-1].end)]
    chosen = chain_back(text, targets, before[-1]) if before else []
    if refs and doc is not None:  # "the same receptor targeted by morphine"
        resolved = resolve_target(doc, index, refs[-1].start)
        if resolved:
            before.append(Target(refs[-1].start, refs[-1].end, resolved.names))
            chosen = [(before[-1], text[refs[-1].start : refs[-1].end])]
    if not before:
        return None
    adjacent = not text[before[-1].end : action.start].strip()
    reduced = adjacent and _REDUCED_OR_NOMINAL.search(action.text(text).lower()) is not None
    if not reduced and not PASSIVE_BEFORE.search(text[max(window_start, action.start - 30) : action.start]):
        return None
    # "by the leaf's alkaloids": a name whose own words begin with the article after "by"
    after = [
        h for h in agents if h.start == by.end() or (by.start() < h.start < by.end() and text[h.start : by.end()].strip().lower() == "the")
    ]
    if not after:
        # agent_at skips the article itself: "by the alkaloid" is a reference that holds it
        referred = agent_at((_BY.match(text, action.end) or by).end(), [], list(references), doc, index) if doc is not None else []
        return (referred, chosen) if referred else None
    group = [after[0]]
    for nxt in agents:
        if nxt.start > group[-1].end and CHAIN.fullmatch(text, group[-1].end, nxt.start):
            group.append(nxt)
    return [(h, h.label) for h in group], chosen


def agent_after(
    text: str,
    action: Hit,
    limit: int,
    chosen: TargetChain,
    window_start: int,
    agents: list[Hit],
    references: list[Hit],
    doc: Document,
    index: int,
) -> tuple[AgentGroup, TargetChain]:
    """An agent named after its action: a nominalisation ("the binding of MG to MOR",
    "inhibition of CYP2D6 by kratom") or an adverbial clause ("By binding to these receptors,
    the alkaloids ..."). Returns ``(group, targets)``, empty when neither form is there."""
    of = _of_agent(text, action, limit)
    if of is not None:
        group = agent_at(of, agents, references, doc, index)
        if group:
            targets = [t for t in chosen if t[0].start >= group[0][0].end] or chosen
            return group, targets
    if chosen:
        group = by_agent(text, chosen, limit, agents, references, doc, index)
        if group:
            return group, chosen
        lead = text[window_start : action.start]
        if _ADVERBIAL.search(lead) or (not lead.strip(" \t\"“‘'") and action.text(text).lower().endswith("ing")):
            comma = _MAIN_SUBJECT.match(text, chosen[-1][0].end)
            if comma:
                group = agent_at(comma.end(), agents, references, doc, index)
                if group:
                    return group, chosen
    return [], chosen


def agent_of(text: str, action: Hit, limit: int, agents: list[Hit], references: list[Hit], doc: Document, index: int) -> AgentGroup:
    """The agent a nominal action names after "of", which outranks a name before it: "raise levels
    of some SSRIs, and activity of mitragynine at 5-HT2A receptors" is mitragynine's activity."""
    of = _of_agent(text, action, limit)
    return agent_at(of, agents, references, doc, index) if of is not None else []


def by_agent(text: str, chosen: TargetChain, limit: int, agents: list[Hit], references: list[Hit], doc: Document, index: int) -> AgentGroup:
    """The agent a nominal action names after its target with "by", which outranks a name before
    it: "Dextromethorphan: inhibition of CYP2D6 by mitragynine" is mitragynine's inhibition."""
    by = _BY_AGENT.match(text, chosen[-1][0].end, limit) if chosen else None
    return agent_at(by.end(), agents, references, doc, index) if by else []


def _of_agent(text: str, action: Hit, limit: int) -> int | None:
    """Where a nominal action's agent after "of" starts: "the binding of MG to MOR", or at once
    after an action whose own words end in "of" ("the inhibitory effects of mitragynine on")."""
    of = _OF_AGENT.match(text, action.end, limit)
    if of:
        return of.end()
    if _OF_ENDED.search(text, action.start, action.end):
        return action.end + len(text[action.end : limit]) - len(text[action.end : limit].lstrip())
    return None


def agent_at(offset: int, agents: list[Hit], references: list[Hit], doc: Document, index: int) -> AgentGroup:
    """The agent (or a reference resolved to one or, if plural, several) that starts at ``offset``,
    with the names coordinated after it, as a list of ``(hit, agent)``.

    A determiner before it ("the", "both mitragynine and corynantheidine") is skipped unless the
    agent's own words hold it ("the alkaloids")."""
    determiner = _DETERMINER.match(doc.flat, offset)
    starts = (offset, determiner.end()) if determiner else (offset,)
    for hit in agents:
        if hit.start in starts:  # "by corynantheidine and paynantheine": the names coordinated with it
            return [(h, h.label) for h in coordinated(doc.flat, agents, hit)]
    for hit in references:
        if hit.start in starts:
            plural = lexicon().plural.fullmatch(hit.text(doc.flat)) is not None
            return [(hit, agent) for agent in resolve_agents(doc, index, hit, plural=plural)]
    return []


def _in_figures(text: str, agent: Hit, action_start: int) -> bool:
    """Whether ``agent`` is named inside a bracket of figures closed before the action: the
    reference drug of a measurement ("partial agonists (Emax 41% of DAMGO) and antagonists at")
    is no subject."""
    opened = text.rfind("(", 0, agent.start)
    closed = text.find(")", agent.end, action_start)
    return opened >= 0 and closed >= 0 and text.find(")", opened, agent.start) < 0 and _FIGURES.search(text, opened, closed) is not None


# What makes a bracket one of figures: a sign of measure, or a number with its unit ("Ki 54 nM").
_FIGURES = re.compile(r"[=%]|\d\s*(?:nM|[µμ]M|mM|mg|g|kg|h)\b")


def _renamed(text: str, first: Hit, again: Hit) -> bool:
    """Whether ``again`` names the agent of ``first`` again within one phrase ("mitragynine (MG)",
    "Mitragynine: mitragynine"), not as the subject of a clause of its own ("... have weaker opioid
    activity; paynantheine acts on")."""
    return first.label == again.label and again.start - first.end <= _RENAMED_GAP and not new_clause(text, first.end, again.start)


def agent_group(
    text: str, window_start: int, action_start: int, agents: list[Hit], references: list[Hit], doc: Document, index: int
) -> AgentGroup:
    """The agent(s) before the action: the nearest, plus any coordinated or appositive with it.

    Not across a clause boundary ("formed from MG by CYP3A4, so CYP3A4 inhibitors ...")."""
    before = [h for h in agents if window_start <= h.start and h.end <= action_start and not _in_figures(text, h, action_start)]
    refs = [h for h in references if window_start <= h.start and h.end <= action_start]
    if refs and _OBJECT_PRONOUN.fullmatch(refs[-1].text(text)) and _MEANS.fullmatch(text, refs[-1].end, action_start):
        # "Clonidine and lofexidine relieve it by stimulating ...": the object of the verb is no agent
        object_start = refs.pop().start
        before = [h for h in before if h.end <= object_start]
    if before and refs and refs[-1].start > before[-1].end and _APPOSITIVE.fullmatch(text, before[-1].end, action_start):
        refs = [h for h in refs if h.start < before[-1].end]  # "paynantheine, one of these compounds, binds": the aside names no new agent
    nearest_ref = refs[-1] if refs else None
    if before and (nearest_ref is None or before[-1].start > nearest_ref.start):
        nearest = before[-1]
        aside = _ASIDE.match(text, nearest.end, action_start)  # "7-OH, present only in traces in the leaf, is ..."
        if action_start - (aside.end() if aside else nearest.end) > _AGENT_GAP or new_clause(text, nearest.end, action_start):
            return []
        # "Mitragynine, the main kratom alkaloid, is", "Mitragynine (MG), the principal alkaloid of
        # Mitragyna speciosa (kratom), is", "7-OH, which forms from MG in the liver, is": the head of
        # an appositive, not a name inside it nor a list with it
        head = next((h for h in before[:-1] if _APPOSITIVE.fullmatch(text, h.end, action_start)), None)
        group = [head if head is not None else nearest]
        # "Speciogynine and paynantheine, two minor alkaloids, behave as": the heads coordinated
        for prev in reversed(before[: before.index(group[0])]):
            gap = text[prev.end : group[0].start]
            if CHAIN.fullmatch(gap) or _AND_DETERMINER.fullmatch(gap) or _renamed(text, prev, group[0]):
                group.insert(0, prev)
            else:
                break
        specific = [h for h in group if not h.info.get("generic") and h.label != "kratom"]
        if specific and all(h.label in lexicon().alkaloids for h in specific):
            group = specific  # "kratom's alkaloids, mitragynine and 7-OH": the alkaloids it names
        elif not specific:
            group = [group[0]]
        named: dict[str, Hit] = {}
        for h in group:  # "mitragynine (MG)": one agent named twice
            named.setdefault(h.label, h)
        # "it and its cousin speciogynine show affinity": a pronoun coordinated before the names
        lead = next((r for r in refs if r.end <= group[0].start and CHAIN.fullmatch(text, r.end, group[0].start)), None)
        pointed = [(lead, agent) for agent in resolve_agents(doc, index, lead, plural=False) if agent not in named] if lead else []
        return pointed + [(h, h.label) for h in named.values()]
    if nearest_ref and action_start - nearest_ref.end <= _AGENT_GAP:
        relative = _RELATIVE.fullmatch(nearest_ref.text(text)) is not None
        # A relative pronoun takes the whole noun phrase before it: "diphenhydramine or doxylamine, which block".
        plural = relative or lexicon().plural.fullmatch(nearest_ref.text(text)) is not None
        return [(nearest_ref, agent) for agent in resolve_agents(doc, index, nearest_ref, plural=plural)]
    return []
