"""Drug interactions as pages state them: "Kratom can interact with antidepressants, blood
thinners and sedatives", "it could interact with my sertraline", "melatonin doesn't
meaningfully interact with kratom", "St John's wort can lower blood levels of oral
contraceptives, cyclosporine and many HIV drugs".

Such a sentence says that one drug changes what another does: the record is the subject
``interacts_with`` (or, for levels raised or lowered, ``increases`` or ``decreases``) each drug,
or class of drugs, the verb lists, one record each. A list that holds anything but drugs
("interacts with serotonin receptors, and fluoxetine ...") is left to the action lexicon, which
reads targets. Levels of drugs in general ("raise levels of other medicines") are left to it
too: dev's gold records them about one time in six. The noun ("the risk of interactions with
CYP2D6 substrates", "no interaction between melatonin and kratom") names a worry or a question
more often than it states that two drugs interact: read, it added about twenty records that
dev's gold does not hold, against four that it does, so it is not read.
"""

from __future__ import annotations

import functools
import re

from .. import lexicon as lexicons
from ..document import Document, trim
from ..models import Mechanism
from ._match import Hit
from .arguments import ASKED
from .coreference import resolve_agents
from .mechanism_records import records
from .mentions import Target, find_agents, lexicon

# The verb and where its list starts: "interact with", "interacts dangerously with", "can lower
# blood levels of", "raised exposure to"; the group names the action.
_CUE = re.compile(
    r"\b(?:(?P<interacts_with>interact)(?:s|ed|ing)?\s+(?:\w+ly\s+)?with"
    r"|(?:(?P<increases>rais|increas|boost)|(?P<decreases>lower|reduc|decreas))\w*\s+(?:the\s+)?(?:(?:blood|plasma|serum)\s+)?"
    r"(?:levels?|concentrations?|exposure)\s+(?:of|to))\s+",
    re.IGNORECASE,
)
# Where the list ends: a stop, a clause's opening word, an adverb ("..., partly because") or an example list ("..., including X").
_LIST_END = re.compile(
    r"[.;:!?()]|,\s*(?:which|including|such as|especially|so|but|because|\w+ly|and\s+(?:it|they|this|these|can|may|could))\b"
    r"|\s(?:which|that|because|but|so|if|when|unless|since|by|to|in|at|for)\s",
    re.IGNORECASE,
)
_ITEM_SPLIT = re.compile(r",\s*(?:and\s+|or\s+)?(?:with\s+)?|\s+(?:and|or)\s+(?:with\s+)?", re.IGNORECASE)
# The words before a class's head that name no part of it: "some", "your", "several common".
_DETERMINER = re.compile(
    r"(?:(?:some|many|most|other|several|certain|any|all|your|my|his|her|their|its|the|a|an|these|those|various|numerous)\s+)+",
    re.IGNORECASE,
)
_NEGATED = re.compile(r"(?:\b(?:not?|never|cannot|without)\b|n['’]t\b)[^.;]*$", re.IGNORECASE)
#: How far before the verb its subject may stand.
_SUBJECT_REACH = 80


def interactions(doc: Document, index: int, claim_id: str, s: int, e: int, stated: list[Mechanism]) -> list[Mechanism]:
    """The interactions the span ``[s, e)`` of sentence ``index`` states that ``stated`` does not already hold."""
    text = doc.flat
    if not any(word in text[s:e].lower() for word in ("interact", "level", "concentration", "exposure")):
        return []
    held = {(m.agent, m.target) for m in stated}
    agents = find_agents(text, s, e)
    out: list[Mechanism] = []
    for cue in _CUE.finditer(text, s, e):
        stop = _LIST_END.search(text, cue.end(), e)
        label = cue.lastgroup or "interacts_with"
        listed = _items(text, cue.end(), stop.start() if stop else e, agents, levels=label != "interacts_with")
        group = _subject(doc, index, s, cue.start(), agents) if listed else []
        if not group or ASKED.search(text, max(s, group[0][0].start - 12), group[0][0].start):
            continue  # "we will test whether it raises blood levels of ...": asked, not stated
        negated = _NEGATED.search(text, max(s, group[-1][0].end), cue.start()) is not None  # "doesn't interact", "never interacts"
        action = Hit(cue.start(), cue.start() + len(cue.group().split()[0]), label, {})
        for target, name in listed:
            for hit, agent in group:
                if agent == name or (agent, name) in held:
                    continue
                held.add((agent, name))
                out.extend(
                    records(
                        doc,
                        claim_id,
                        [(hit, agent)],
                        action,
                        [(target, text[target.start : target.end])],
                        None,
                        0,
                        0,
                        negated=negated or None,
                    )
                )
    return out


@functools.cache
def _classes() -> re.Pattern[str]:
    """A class of drugs, by its head noun and up to two words before it ("some heart medicines")."""
    return re.compile(rf"(?:[\w-]+\s+){{0,2}}(?:{lexicons.read('mechanisms')['interactions']['classes']})", re.IGNORECASE)


def _items(text: str, start: int, end: int, agents: list[Hit], levels: bool = False) -> list[tuple[Target, str]]:
    """The drugs and classes of drugs listed in ``[start, end)``, each as a target and its name;
    none where anything else is listed with them.

    For ``levels``, only the drugs named, each the whole of its item: dev's gold records the
    levels of a class ("some antidepressants") or of examples ("drugs such as quetiapine") in 3 of
    the 19 sentences that state them."""
    out: list[tuple[Target, str]] = []
    at = start
    for piece in [*_ITEM_SPLIT.finditer(text, start, end), None]:
        stop = piece.start() if piece else end
        head = _DETERMINER.match(text, at, stop)
        begin = head.end() if head else at
        if not text[begin:stop].strip():
            at = piece.end() if piece else end
            continue  # the stop after a comma that closes the list ("my antidepressant, since")
        named = next((h for h in agents if begin <= h.start and h.end <= stop), None)
        if named is not None and (not levels or (named.start, named.end) == trim(text, begin, stop)):
            out.append((Target(named.start, named.end, ((named.label, "drug"),)), named.label))
        elif named is None and (cls := _classes().fullmatch(text, *trim(text, begin, stop))) is not None:
            name = " ".join(cls.group().lower().split())
            out += [] if levels else [(Target(cls.start(), cls.end(), ((name, "drug_class"),)), name)]
        else:
            return []
        at = piece.end() if piece else end
    return out


def _subject(doc: Document, index: int, s: int, cue: int, agents: list[Hit]) -> list[tuple[Hit, str]]:
    """The drug whose interaction a clause states: the name nearest before the cue in its clause
    ("Kratom can interact with"), or the drug a reference before it points back to ("it could
    interact with my sertraline")."""
    text = doc.flat
    opening = max(s, cue - _SUBJECT_REACH, *(text.rfind(mark, s, cue) + 1 for mark in ".;:"))
    before = [h for h in agents if opening <= h.start and h.end <= cue]
    references = [h for h in lexicon().references.find(text, opening, cue) if not any(h.start < a.end and a.start < h.end for a in before)]
    if references and (not before or references[-1].start > before[-1].end):
        ref = references[-1]
        plural = lexicon().plural.fullmatch(ref.text(text)) is not None
        return [(ref, agent) for agent in resolve_agents(doc, index, ref, plural=plural)]
    return [(before[-1], before[-1].label)] if before else []
