"""Mechanism records of one stated action: one per agent and per target, with the negation the
clause states and a span over the words the clause itself writes."""

from __future__ import annotations

import re

from .. import lexicon as lexicons
from ..document import Document
from ..ids import record_id
from ..models import Mechanism
from ..provenance import anchor
from ._match import Hit
from .arguments import ENZYME_CLASSES, AgentGroup, TargetChain
from .mentions import Target

NAME = "kratom_dataset.extractors.mechanisms"
VERSION = f"1.31.0+{lexicons.version('mechanisms')}"

# "receptors such as 5-HT1A": what follows names an example of the target before it.
_EXAMPLE_OF = re.compile(r"\s*,?\s*(?:such as|including|especially|notably|like|e\.g\.,?)\s+", re.IGNORECASE)
_NEITHER = re.compile(r"\b(?:neither|none of|no)\b", re.IGNORECASE)
_NEGATION = re.compile(
    r"\b(?:not|never|no longer|no|lacks?|lacking|lacked|fails? to|failed to|neither|nor|doesnt|dont|didnt|isnt|arent|wont|cant)\b|n['’]t\b",
    re.IGNORECASE,
)


_WITHOUT = re.compile(r"\bwithout\s+(?:\w+ly\s+)?$", re.IGNORECASE)


def records(
    doc: Document,
    claim_id: str,
    group: AgentGroup,
    action: Hit,
    chosen: TargetChain,
    effect: str | None,
    negation_start: int,
    negation_end: int,
    elided: frozenset[str] | set[str] = frozenset(),
    negated: bool | None = None,
    reach: int = 0,
) -> list[Mechanism]:
    """One record per agent and per target of one stated action.

    The span runs over the agent, the action and the target as this clause writes them: a part
    left to the clause before (``elided``) is recorded but not spanned. It goes on to ``reach``
    where words after them say the action again ("..., and kratom probably does the same").
    """
    text = doc.flat
    out = []
    denied = _NEITHER.search(text, max(0, group[0][0].start - 12), group[0][0].end) is not None  # "neither MG nor 7-OH induced"
    # "activates MOR without recruiting β-arrestin-2": the action after "without" is denied
    denied = denied or _WITHOUT.search(text, max(0, action.start - 24), action.start) is not None
    group_hits = [h for h, _ in group]
    stated = negated
    for hit, agent in group:
        if stated is None:
            negated = denied or bool(
                _NEGATION.search(text, max(hit.end, negation_start) if hit.end <= negation_end else negation_start, negation_end)
            )
        named: set[str] = set()
        last_end = -1
        for k, (tgt, _) in enumerate(chosen):
            example = last_end >= 0 and _EXAMPLE_OF.fullmatch(text, last_end, tgt.start) is not None
            last_end = tgt.end
            exemplified = k + 1 < len(chosen) and _EXAMPLE_OF.fullmatch(text, tgt.end, chosen[k + 1][0].start) is not None
            # "inhibits CYP3A4 and CYP2D6, liver enzymes that ...": the class in apposition to its members;
            # "liver enzymes such as CYP2D6" states the action of the members (dev's gold never records the class there)
            apposed = k > 0 and text[chosen[k - 1][0].end : tgt.start].strip() == ","
            for name, ttype in tgt.names:
                if example and name in named or (exemplified or apposed) and name in ENZYME_CLASSES:
                    continue  # "serotonin receptors such as 5-HT1A": one target, and an example of it
                named.add(name)
                # coordinated agents share the span of their whole phrase: "Kratom and morphine bind ..."
                parts: list[Hit | Target] = [
                    action,
                    *(group_hits if "agent" not in elided else []),
                    *([tgt] if "target" not in elided and not _heads_column(text, tgt, action) else []),
                ]
                start = min(p.start for p in parts)
                end = max(reach, *(p.end for p in parts))
                out.append(
                    Mechanism.trusted(
                        id=record_id("mec", doc.article_id, start, end, agent, action.label, name),
                        article_id=doc.article_id,
                        claim_id=claim_id,
                        agent=agent,
                        agent_text=hit.text(doc.text),
                        action=action.label,
                        action_text=action.text(doc.text),
                        target=name,
                        target_text=doc.text[tgt.start : tgt.end],
                        target_type=ttype,
                        negated=bool(negated),
                        effect=effect or None,
                        provenance=anchor(doc, start, end, extractor=NAME, extractor_version=VERSION),
                    )
                )
    return out


def _heads_column(text: str, target: Target, action: Hit) -> bool:
    """Whether ``target`` heads the column of the table row ``action`` stands in, on a line above
    it: the row's record spans the row, not the head."""
    line = text.rfind("\n", 0, action.start)
    return target.end <= line and "|" in text[line : action.start]
