"""Reversal by an antagonist: "Its effects are reversed by naloxone", "Naloxone reverses the
antinociceptive effects of mitragynine", "naloxone will reverse both".

Such a sentence states that the antagonist acts against what it reverses. When the sentence (or a
pronoun in it) names the drug whose effects are undone, the record is the antagonist ``antagonist``
that drug; when it names only the effect ("respiratory depression responds to naloxone"), the
antagonist ``inhibits`` the effect. An overdose reversed ("naloxone reverses an overdose") states
no mechanism, nor does a receptor blocked, which the action lexicon already reads.
"""

from __future__ import annotations

import functools
import re

from .. import lexicon as lexicons
from ..document import Document
from ..models import Mechanism
from ._match import Hit
from .coreference import PLURAL_CLASS, antecedent, resolve_agents
from .mechanism_records import records
from .mentions import Target, find_agents

#: What a reversal undoes: the target, its name and its type.
_Undone = tuple[Target, str, str]
#: One reading of a reversal: the antagonist's hit and label, what it undoes, and the verb.
_Reading = tuple[Hit, str, Target, str, str, Hit]


@functools.cache
def _words() -> tuple[frozenset[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The antagonists, the passive and active verbs of reversal, and the effects they undo."""
    lex = lexicons.read("mechanisms")["reversal"]
    effects = lex["effects"]
    passive = re.compile(rf"\b(?:{lex['passive']})\s+(?:(?:and|or)\s+)?(?:(?:by|to)\s+)?(?:the\s+)?(?:[\w-]+\s+){{0,3}}?$", re.IGNORECASE)
    active = re.compile(
        rf"\s+(?:(?:\w+ly|can|could|will|may|might|still|also|would|should)\s+){{0,3}}(?P<verb>{lex['active']})\s+", re.IGNORECASE
    )
    return frozenset(lex["antagonists"]), passive, active, re.compile(effects, re.IGNORECASE)


_NEGATION = re.compile(r"\b(?:not|never|no|cannot|n['’]t)\b", re.IGNORECASE)
# "the antinociceptive effects of", "its analgesic effect in mice", "Antinociception produced by".
_OWNER_AFTER = re.compile(
    r"\s+(?:(?:in|of) (?:mice|rats|animals|rodents|humans)\s+)?(?:of|produced by|caused by|induced by|from)\s+(?:the\s+)?$"
)
_POSSESSIVE = re.compile(r"\b(?P<ref>its|their)\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
# "reverses a kratom overdose": an overdose undone, not a drug's action.
_OVERDOSE = re.compile(r"[\s-]*(?:related\s+|induced\s+|associated\s+)?(?:overdoses?|poisonings?|toxicity|intoxication)\b", re.IGNORECASE)
_BOTH = re.compile(r"both|them|it", re.IGNORECASE)


def reversals(doc: Document, index: int, claim_id: str, s: int, e: int, stated: list[Mechanism]) -> list[Mechanism]:
    """The reversals the span ``[s, e)`` of sentence ``index`` states that ``stated`` (what the
    other rules read there) does not already hold."""
    text = doc.flat
    low = text[s:e].lower()
    if "revers" not in low and "block" not in low and "respond" not in low and "prevent" not in low and "abolish" not in low:
        return []
    antagonists, passive, active, effects = _words()
    agents = find_agents(text, s, e)
    out: list[Mechanism] = []
    held = {(m.agent, m.target) for m in stated}
    for hit in agents:
        if hit.label not in antagonists:
            continue
        for agent_hit, agent, target, name, kind, verb in _readings(doc, index, s, e, hit, agents, passive, active, effects):
            if (agent, name) in held:
                continue
            held.add((agent, name))
            clause = _clause_start(text, s, verb.start)
            negated = _NEGATION.search(text, clause, verb.start) is not None
            action = Hit(verb.start, verb.end, "antagonist" if kind in ("drug", "drug_class") else "inhibits", {})
            out.extend(
                records(
                    doc, claim_id, [(agent_hit, agent)], action, [(target, text[target.start : target.end])], None, 0, 0, negated=negated
                )
            )
    return out


def _clause_start(text: str, s: int, at: int) -> int:
    """Where the clause holding ``at`` begins: after the last stop, semicolon or colon, or at ``s``."""
    return max(s, *(text.rfind(mark, s, at) + 1 for mark in ".;:"))


def _readings(
    doc: Document,
    index: int,
    s: int,
    e: int,
    hit: Hit,
    agents: list[Hit],
    passive: re.Pattern[str],
    active: re.Pattern[str],
    effects: re.Pattern[str],
) -> list[_Reading]:
    text = doc.flat
    before = passive.search(text, max(s, hit.start - 60), hit.start)
    if before:  # "Its effects are reversed by naloxone", "respiratory depression responds to naloxone"
        verb = Hit(before.start(), before.start() + len(before.group().split()[0]), "", {})
        clause = _clause_start(text, s, verb.start)
        return [(hit, hit.label, *found, verb) for found in _undone(doc, index, clause, verb.start, agents, effects, object_first=True)]
    after = active.match(text, hit.end, e)
    if after:  # "Naloxone reverses the antinociceptive effects of mitragynine", "naloxone will reverse both"
        verb = Hit(after.start("verb"), after.end("verb"), "", {})
        end = _CLAUSE_END.search(text, after.end(), e)
        stop = end.start() if end else e
        return [(hit, hit.label, *found, verb) for found in _undone(doc, index, after.end(), stop, agents, effects, object_first=False)]
    return []


_CLAUSE_END = re.compile(r"[.;:,]|\b(?:by|through|via|which|because|but|and)\b", re.IGNORECASE)


def _undone(
    doc: Document, index: int, start: int, end: int, agents: list[Hit], effects: re.Pattern[str], *, object_first: bool
) -> list[_Undone]:
    """What a reversal in ``[start, end)`` undoes: the drug whose effects it names ("the effects of
    mitragynine", "its effects"), a drug named as the object ("reverses 7-OH"), or an effect."""
    text = doc.flat
    effect = effects.search(text, start, end)
    owners = [h for h in agents if start <= h.start and h.end <= end and h.label not in _words()[0]]
    if effect:
        owner = next((h for h in owners if _OWNER_AFTER.fullmatch(text, effect.end(), h.start)), None)
        if owner is not None:
            return [(Target(owner.start, owner.end, ((owner.label, _kind(owner)),)), owner.label, _kind(owner))]
        possessive = _POSSESSIVE.search(text, max(start, effect.start() - 40), effect.start())
        if possessive:
            ref = Hit(possessive.start("ref"), possessive.end("ref"), "", {})
            named = antecedent(doc, index, ref.start, ref)
            if named is not None:
                _, label = named
                return [(Target(ref.start, ref.end, ((label, "drug"),)), label, "drug")]
            return []
        if effect.group().lower().rstrip("s") in ("effect", "action"):
            return []  # "the effects" of nothing named
        name = " ".join(effect.group().lower().split())
        return [(Target(effect.start(), effect.end(), ((name, "physiological_process"),)), name, "physiological_process")]
    if object_first:
        subject = [h for h in owners if h.end <= end]
        return [(Target(h.start, h.end, ((h.label, _kind(h)),)), h.label, _kind(h)) for h in subject[:1]]
    if owners and owners[0].start - start <= 12 and not _OVERDOSE.match(text, owners[0].end):  # "still reverses 7-OH"
        h = owners[0]
        return [(Target(h.start, h.end, ((h.label, _kind(h)),)), h.label, _kind(h))]
    both = _BOTH.match(text, start)
    if both:  # "naloxone will reverse both"
        ref = Hit(both.start(), both.end(), "", {})
        labels = [label for label in resolve_agents(doc, index, ref, plural=both.group().lower() != "it") if label not in _words()[0]]
        return [(Target(ref.start, ref.end, ((label, "drug"),)), label, "drug") for label in labels]
    return []


def _kind(hit: Hit) -> str:
    return "drug_class" if PLURAL_CLASS.search(hit.label) else "drug"
