"""A drug as an enzyme's substrate: what breaks it down, converts or clears it.

Drug-interaction pages state this relation in many shapes besides the passive ("mitragynine is
metabolised by CYP3A4"), which the action lexicon reads: the enzyme as subject ("CYP3A4 in the
liver converts mitragynine", "CYP2D6 is needed to convert codeine"), a product formed from the
drug ("7-OH, formed from mitragynine by CYP3A4"), a reaction arrow ("MG → 7-OH-MG via CYP3A4"),
a process noun ("its oxidation by hepatic CYP3A4", "the conversion of MG to 7-OH depends on
CYP3A4") and the substrate noun ("quetiapine, a CYP3A4 substrate"). Each states that the drug
``interacts_with`` the enzyme. The wordings are data (``substrates`` in the mechanisms
lexicon); the shapes are the patterns below.

Left out, because readers of the development pages record them less often than not: an enzyme
described in an aside ("CYP3A4, the enzyme that clears oxycodone", "CYP2D6, which clears
quetiapine"), whose sentence is about something else, and substrates given as examples
("CYP2D6 substrates such as codeine").
"""

from __future__ import annotations

import functools
import re

from .. import lexicon as lexicons
from ..document import Document
from ..models import Mechanism
from ._match import Hit, Matcher
from ._words import INDEX
from .arguments import AgentGroup, TargetChain, agent_at
from .mechanism_records import records
from .mentions import CHAIN, Target, chain_from, find_agents, find_targets, inside_longer, lexicon

# "which", "that": a relative pronoun or a demonstrative ("That conversion is done by ..."), not a drug.
_RELATIVE = re.compile(r"which|that|who", re.IGNORECASE)
# What every enzyme or transporter the lexicon names holds, looked for before anything is read.
# The words are looked up in the sentence's word mask, not scanned for: a case-insensitive
# alternation is entered at every character of every sentence, and most hold none of them.
_ENZYME_WORDS = Matcher(
    [("enzyme", r"cyp|cytochrome|enzyme|ugt|p-?gp|glycoprotein|transporter|bsep|cox-2|cyclooxygenase", {})], bounded=False
)
_ENZYME_SYMBOLS = re.compile(r"SERT|[123][A-E]\d")
_TYPES = frozenset({"enzyme", "transporter"})
_ACTION = "interacts_with"
# Between an enzyme and the words after it that a shape reads: a bracket ("CYP3A4 (the main one)").
_ASIDE = r"(?:\s*\([^()]{0,60}\))?"
_ADVERBS = r"(?:(?:mainly|mostly|largely|partly|partially|primarily|predominantly|principally|chiefly|also|then|normally|usually|extensively|in (?:the|your) (?:liver|gut|intestines?|body))\s*,?\s+)*"


@functools.cache
def _shapes() -> dict[str, re.Pattern[str]]:
    """The shapes, each anchored where it is tried: after an enzyme, after a drug, or at a cue."""
    lex = lexicons.read("mechanisms")["substrates"]
    verbs, made, processes, needs = lex["enzyme_verbs"], lex["made_from"], lex["processes"], lex["needs"]
    by = rf"\s*,?\s+{_ADVERBS}(?:by|via|through|{needs})\s+(?:the\s+)?(?:(?:hepatic|liver|intestinal|gut)\s+)?(?:enzymes?\s+)?"
    # "(MG) to 7-OH-MG was catalysed mainly by": what the process made, its passive, then "by"
    done_by = (
        rf"{_ASIDE}(?:\s+(?:in)?to\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}?[\w-]+{_ASIDE})?"
        rf"(?:\s+(?:is|was|are|were)\s+(?:\w+ly\s+)?(?:catalysed|catalyzed|mediated|carried out|done))?{by}"
    )
    flags = re.IGNORECASE
    return {
        # after an enzyme: "... converts", ", the enzyme that breaks down", " is needed to convert"
        "enzyme_subject": re.compile(
            rf"{_ASIDE}(?:\s+in (?:the|your) (?:liver|gut|intestines?|body))?"
            rf"\s+{_ADVERBS}(?:(?:does|do|did)\s+not\s+|(?:does|do|did)n[’']t\s+|never\s+)?(?:(?:is|are)\s+(?:not\s+)?(?:needed|required|responsible)\s+(?:to|for)\s+)?(?P<verb>{verbs})\s+"
            r"(?:(?:part|some|much|most|many|several|all|a lot) of\s+)?(?:(?:the|your|each|many|most|several|some|other|various|common|a number of|a range of)\s+)*"
            r"(?:(?:drugs?|medicines?|medications?|compounds?|opioids)\s*,?\s*(?:including|such as|like|e\.g\.,?)\s+)?",
            flags,
        ),
        # after a drug: "→ 7-OH-MG via", "'s breakdown relies on", " undergoes metabolism, mainly by"
        "arrow": re.compile(rf"\s*(?:→|->|⟶|=>)\s*\S+{_ASIDE}\s+{_ADVERBS}(?:via|by|through)\s+(?:(?:hepatic|liver)\s+)?", flags),
        "drug_process": re.compile(rf"(?:[’']s)?\s+(?:(?:own|first-pass|extensive|hepatic|rapid)\s+)*(?:{processes}){done_by}", flags),
        "undergoes": re.compile(rf"\s+(?:undergoes|undergo|underwent)\s+(?:[\w-]+\s+){{0,3}}?(?:{processes}){by}", flags),
        "by_mediated": re.compile(rf"\s+{_ADVERBS}by\s+(?=\S+-(?:mediated|catalysed|catalyzed|dependent)\s+(?:{processes})\b)", flags),
        "comma_substrate": re.compile(r"\s*,\s+(?:an?\s+)?(?:(?:sensitive|known|major|minor|typical)\s+)?(?=\S+\s+substrate)", flags),
        # at a cue, before the drug: "formed from", "conversion of"
        "made_from": re.compile(rf"\b(?:{made})\s+{_ADVERBS}from\s+(?:the\s+)?", flags),
        "process_of": re.compile(rf"\b(?:{processes})\s+of\s+(?:the\s+)?", flags),
        # after the drug those cues lead to
        "made_by": re.compile(done_by, flags),
        "cue": re.compile(rf"{verbs}|{made}|{processes}|{needs}|substrate|→|->|⟶|=>|mediated", flags),
    }


def substrates(doc: Document, index: int, claim_id: str, s: int, e: int, stated: list[Mechanism]) -> list[Mechanism]:
    """The substrate relations the span ``[s, e)`` of sentence ``index`` states that ``stated``
    does not already hold (the passive is read by the action lexicon)."""
    text = doc.flat
    shapes = _shapes()
    words = INDEX.sentence_words(doc)[index]
    if not (_ENZYME_WORDS.matches(text, s, e, words=words) or _ENZYME_SYMBOLS.search(text, s, e)) or not shapes["cue"].search(text, s, e):
        return []  # no enzyme or transporter could be named, or no cue of a substrate
    targets = find_targets(text, s, e, words)
    enzymes = [t for t in targets if any(ttype in _TYPES for _, ttype in t.names)]
    if not enzymes:
        return []
    agents = [h for h in find_agents(text, s, e, words) if not inside_longer(h, targets)]
    references = lexicon().references.find(text, s, e, words=words)
    found: list[tuple[AgentGroup, Hit, TargetChain, int]] = []
    for n, enzyme in enumerate(enzymes):
        chain = _enzyme_chain(text, enzymes, n)
        if chain is None:
            continue  # not the head of its coordination: the head's shapes read the whole chain
        after = chain[-1][0].end
        m = shapes["enzyme_subject"].match(text, after, e)
        group = _agent_chain(text, m.end(), e, agents, references, doc, index) if m else []
        if m and group:
            found.append((group, Hit(m.start("verb"), m.end("verb"), _ACTION, {}), chain, chain[0][0].start))
    for hit in [*agents, *(h for h in references if not _RELATIVE.fullmatch(h.text(text)))]:
        group = agent_at(hit.start, agents, references, doc, index)
        if not group or group[0][0] != hit:
            continue
        for name in ("arrow", "drug_process", "undergoes", "by_mediated", "comma_substrate"):
            m = shapes[name].match(text, hit.end, e)
            chain = _chain_at(text, enzymes, m.end()) if m else []
            if m and chain:
                cue = _stripped(text, hit.end, m.end()) if name != "comma_substrate" else _substrate_word(text, chain)
                found.append((group, Hit(*cue, _ACTION, {}), chain, hit.start))
                break
    for name in ("made_from", "process_of"):
        for m in shapes[name].finditer(text, s, e):
            group = agent_at(m.end(), agents, references, doc, index)
            if not group:
                continue
            by = shapes["made_by"].match(text, group[-1][0].end, e)
            chain = _chain_at(text, enzymes, by.end()) if by else []
            if chain:
                found.append((group, Hit(*_stripped(text, m.start(), m.end()), _ACTION, {}), chain, m.start()))
    have = {(m.agent, m.target) for m in stated}
    out: list[Mechanism] = []
    for group, action, chain, opens in found:
        for made in records(doc, claim_id, group, action, chain, None, max(s, opens), max(action.end, chain[0][0].start)):
            if (made.agent, made.target) not in have:
                have.add((made.agent, made.target))
                out.append(made)
    return out


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without the spaces and commas at its ends: the words of a cue as written."""
    chunk = text[start:end]
    lead = len(chunk) - len(chunk.lstrip(" ,:\n"))
    return start + lead, start + len(chunk.rstrip(" ,:\n"))


def _substrate_word(text: str, chain: TargetChain) -> tuple[int, int]:
    """Where "substrate" stands after the enzymes that name it ("a CYP3A4 substrate")."""
    end = chain[-1][0].end
    start = end + len(text[end:]) - len(text[end:].lstrip())
    return start, start + len("substrate")


def _enzyme_chain(text: str, enzymes: list[Target], n: int) -> TargetChain | None:
    """The enzymes coordinated from ``enzymes[n]`` on ("CYP2D6 and CYP3A4"); ``None`` when it is
    itself coordinated after an earlier one."""
    if n and CHAIN.fullmatch(text, enzymes[n - 1].end, enzymes[n].start):
        return None
    return chain_from(text, enzymes, enzymes[n])


def _chain_at(text: str, enzymes: list[Target], offset: int) -> TargetChain:
    """The enzymes coordinated from the one that starts at ``offset``."""
    for n, enzyme in enumerate(enzymes):
        if enzyme.start == offset:
            return _enzyme_chain(text, enzymes, n) or [(enzyme, text[enzyme.start : enzyme.end])]
    return []


def _agent_chain(text: str, offset: int, end: int, agents: list[Hit], references: list[Hit], doc: Document, index: int) -> AgentGroup:
    """The agent at ``offset`` and those coordinated after it ("quetiapine, trazodone and statins")."""
    group = agent_at(offset, agents, references, doc, index)
    if not group:
        return []
    last = group[-1][0]
    for hit in agents:
        if hit.start >= last.end and hit.end <= end and CHAIN.fullmatch(text, last.end, hit.start):
            group.append((hit, hit.label))
            last = hit
    return group
