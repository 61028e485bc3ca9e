"""Mechanisms stated with a verb no lexicon lists: an agent joined to a receptor, enzyme,
transporter or channel a few words after it in the same clause."""

from __future__ import annotations

import functools
import re

from .. import lexicon as lexicons
from ..document import Document
from ..models import Mechanism
from ._match import Hit, Matcher
from ._words import INDEX
from .coreference import resolve_agents
from .mechanism_records import records
from .mentions import Target, compared_agents, find_agents, find_targets, inside_longer, lexicon

# What may join an agent to a receptor or an enzyme with a verb no lexicon lists: some word that
# reads as a verb ("knocks ... off", "is a ... substrate", "make ... slow"), and no comparison,
# coordination, relative clause or clause break, which would make the two parts of different
# statements.
_VERB_LIKE = re.compile(
    r"\b(?:[a-z]+(?:s|ed)|is|are|was|were|has|have|had|can|may|might|will|would|does|do|did|make|work|go|act)\b(?!\s*$)", re.IGNORECASE
)
_NO_RELATION_BETWEEN = re.compile(
    r"\b(?:than|like|unlike|beyond|versus|vs|or|and|which|that|who|whereas|while|but|because|if|when|so|with|without|users?|people|patients)\b"
    r"|[,.;:!?()\u2014\u2013]",
    re.IGNORECASE,
)
#: The target types an agent can plainly act on whatever the verb.
_UNNAMED_ACTION_TARGETS = frozenset(["receptor", "enzyme", "transporter", "ion_channel"])


def unnamed_actions(doc: Document, index: int, claim_id: str, s: int, e: int) -> list[Mechanism]:
    """For a sentence with no mechanism the lexicon reads: an agent (or a reference the sentence
    opens with, resolved) and, within a few words after it in the same clause, a receptor,
    enzyme, transporter or channel, joined by a verb the lexicon does not know ("Naloxone knocks
    both compounds off the mu receptor", "Midazolam is a sensitive CYP3A4 substrate", "Its
    best-documented targets are the opioid receptors"). The sentence states that the agent acts
    on the target, not how, so the action is ``interacts_with`` and ``action_text`` keeps the
    joining words."""
    text = doc.flat
    words = INDEX.sentence_words(doc)[index]
    if not typed_targets().first(text, s, e, words=words) and "receptor" not in text[s:e].lower():
        return []  # no receptor, enzyme, transporter or channel named: most sentences end here
    targets = [t for t in find_targets(text, s, e, words) if any(kind in _UNNAMED_ACTION_TARGETS for _, kind in t.names)]
    if not targets:
        return []
    named = [h for h in find_agents(text, s, e, words) if not inside_longer(h, targets)]
    compared = compared_agents(text, s, named)
    out: list[Mechanism] = []
    for agent in (h for h in named if h not in compared):
        out += _joined(doc, claim_id, agent, [(agent, agent.label)], targets, named)
    opening = next(
        (r for r in lexicon().references.find(text, s, e) if not text[s : r.start].strip() and not _DEMONSTRATIVE.fullmatch(r.text(text))),
        None,
    )
    if opening is not None and not any(h.start < opening.end for h in named):
        # "Its best-documented targets are opioid receptors": a sentence that opens with a reference
        plural = lexicon().plural.fullmatch(opening.text(text)) is not None
        group = [(opening, name) for name in resolve_agents(doc, index, opening, plural=plural)]
        out += _joined(doc, claim_id, opening, group, targets, named) if group else []
    return out


def _joined(
    doc: Document, claim_id: str, agent: Hit, group: list[tuple[Hit, str]], targets: list[Target], named: list[Hit]
) -> list[Mechanism]:
    """The records of ``agent`` (standing for ``group``) joined to the target a few words after it
    by a verb no lexicon lists, if one is."""
    text = doc.flat
    target = next((t for t in targets if t.start >= agent.end), None)
    if target is None or target.start - agent.end > _UNNAMED_REACH or _PRODUCT_BEFORE.search(text, max(0, agent.start - 6), agent.start):
        return []  # "conversion of MG to 7-OH": the product of a conversion acts on nothing
    between = text[agent.end : target.start]
    if _NO_RELATION_BETWEEN.search(between) or not _VERB_LIKE.search(between) or _OBJECT_OF.match(between):
        return []
    if any(agent.end <= h.start < target.start and text[agent.end : h.start].strip().lower() not in ("to", "into") for h in named):
        return []  # another agent stands between them, unless it is the first one's product
    verb = Hit(agent.end + len(between) - len(between.lstrip()), target.start - len(between) + len(between.rstrip()), "interacts_with", {})
    return records(doc, claim_id, group, verb, [(target, text[target.start : target.end])], None, agent.end, verb.end)


_UNNAMED_REACH = 60
# "We docked mitraphylline into structures of the mu receptor": an agent a preposition follows is
# the object of an earlier verb, not the subject of one before the target.
_OBJECT_OF = re.compile(r"\s*(?:into|in|onto|of|from|for|at|on|to|by|per)\b", re.IGNORECASE)
# "That conversion is done by CYP3A4": a demonstrative alone may stand for a noun that is no agent.
_DEMONSTRATIVE = re.compile(r"this|that|these|those", re.IGNORECASE)
_PRODUCT_BEFORE = re.compile(r"\b(?:in)?to\s+$", re.IGNORECASE)


@functools.cache
def typed_targets() -> Matcher:
    """The lexicon's targets of the types an unlisted verb may act on, to tell cheaply whether a
    sentence names one before the whole target lexicon reads it."""
    entries = lexicons.read("mechanisms")["targets"]
    return Matcher([(t["target"], t["pattern"], t) for t in entries if t["target_type"] in _UNNAMED_ACTION_TARGETS])
