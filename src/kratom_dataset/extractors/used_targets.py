"""What a relative clause after a receptor says of the drugs in it: "the opioid receptors that
heroin and fentanyl use", "the opioid receptors kratom uses", "the mu receptors that morphine acts on".

The clause names the drugs after the receptor it is about, so the action lexicon, which reads a
drug before its verb and the target after, finds nothing there; a reader finds each drug acting on
that receptor. The record is each drug ``interacts_with`` the receptor ("uses", "acts on", "hits"),
or ``binds`` it ("binds to"), one record each, unless the sentence already holds the pair.
"""

from __future__ import annotations

import re

from ..document import Document
from ..models import Mechanism
from ._match import Hit
from .mechanism_records import records
from .mentions import find_agents, find_targets

# Between the receptor and the first drug: "that", "which", or nothing ("the opioid receptors kratom uses").
_OPENS = re.compile(r"\s+(?:that\s+|which\s+)?")
# Between two drugs of the clause: "heroin and fentanyl", "morphine, oxycodone or heroin".
_JOINED = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s(?:and|or|&)\s+)")
# The clause's verb, right after its last drug, and not the opening of a purpose ("uses to ...").
_VERB = re.compile(
    r"\s+(?:(?:also|normally|usually|all|both|typically|mainly)\s+)?"
    r"(?:(?P<binds>bind(?:s|ed)?(?:\s+to)?)|(?P<interacts_with>use[sd]?|act(?:s|ed)?\s+on|work(?:s|ed)?\s+on|hit(?:s)?|target(?:s|ed)?))\b"
    r"(?![ \t]+(?:to|for|as|it|them)\b)",
    re.IGNORECASE,
)
# A word of such a verb somewhere in the span: the cheap test before any mention is looked for.
_VERB_WORD = re.compile(r"\b(?:uses?|used|act(?:s|ed)? on|work(?:s|ed)? on|hits?|target(?:s|ed)?|bind(?:s|ed)?)\b", re.IGNORECASE)


def used_targets(doc: Document, index: int, claim_id: str, s: int, e: int, stated: list[Mechanism]) -> list[Mechanism]:
    """The drugs the relative clauses after receptors in ``[s, e)`` name as acting on them, less
    the pairs ``stated`` already holds."""
    text = doc.flat
    if text.find("recept", s, e) < 0 or _VERB_WORD.search(text, s, e) is None:
        return []
    agents = find_agents(text, s, e)
    if not agents:
        return []
    held = {(m.agent, m.target) for m in stated}
    out: list[Mechanism] = []
    for target in find_targets(text, s, e):
        if not any(kind == "receptor" for _, kind in target.names):
            continue
        opened = _OPENS.match(text, target.end, e)
        if opened is None:
            continue
        group = _group(text, opened.end(), agents)
        verb = _VERB.match(text, group[-1].end, e) if group else None
        if verb is None:
            continue
        action = Hit(verb.start() + len(verb.group()) - len(verb.group().lstrip()), verb.end(), verb.lastgroup or "interacts_with", {})
        for hit in group:
            pairs = [(hit.label, name) for name, _ in target.names]
            if all(pair in held for pair in pairs):
                continue
            held.update(pairs)
            out.extend(records(doc, claim_id, [(hit, hit.label)], action, [(target, text[target.start : target.end])], None, 0, 0))
    return out


def _group(text: str, at: int, agents: list[Hit]) -> list[Hit]:
    """The drugs named one after another from ``at``, joined by commas, "and" or "or"."""
    group: list[Hit] = []
    for hit in agents:
        if hit.start < at:
            continue
        if hit.start != at:
            break
        group.append(hit)
        joined = _JOINED.match(text, hit.end)
        at = joined.end() if joined else -1
    return group
