"""Mechanisms as stated: an agent, an action and a target, read from one sentence.

The extractor only pairs words the sentence itself contains: an action with no recognised
target ("modulate mood") or no agent it can name is not a mechanism. "Interact with" states no
action type, so it stays ``interacts_with``; nothing is imported from the literature. A pronoun
("It", "its") is resolved to the latest agent named earlier in the sentence or paragraph, and
"these receptors" to the latest target; ``agent_text`` keeps the words as written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..document import Document
from ..models import Mechanism
from ._match import Hit
from ._words import INDEX
from .arguments import (
    ASKED,
    PASSIVE_AFTER,
    PASSIVE_BEFORE,
    AgentGroup,
    TargetChain,
    agent_after,
    agent_group,
    fronted_reference,
    label_target,
    passive_arguments,
    relative_object,
    target_before,
    target_chain,
)
from .comparisons import compared_records
from .coreference import antecedent, asked_agent, column_agent, heading_agent, lead_in_agent, named_after, names_next, quantified_over
from .interactions import interactions
from .mechanism_records import NAME, VERSION, records
from .mentions import (
    Target,
    chain_back,
    chain_from,
    compared_agents,
    elliptic_agents,
    find_agents,
    find_targets,
    inside_longer,
    is_compared,
    lexicon,
    ones_target,
    with_ones,
)
from .reversals import reversals
from .role_nouns import combined_with, examples, named_after_role
from .subjects import nominal_agent
from .substrates import substrates
from .table_rows import row_arguments
from .unlisted_verbs import unnamed_actions
from .used_targets import used_targets

__all__ = ["NAME", "VERSION", "extract_mechanisms", "sentence_has_mechanism"]

_POSSESSIVE = re.compile(r"its|their", re.IGNORECASE)  # "far weaker than its affinity for MOR" compares the subject's own

# A route after an action's target: "reduces pain signaling through opioid receptors".
_THROUGH = re.compile(
    r"\s*,?\s+(?:(?:mainly|mostly|largely|partly|partially|probably|likely|possibly|presumably|chiefly|primarily|perhaps)\s+)?"
    r"(?P<via>through|via)\s+(?:the\s+|its\s+|their\s+)?",
    re.IGNORECASE,
)
# "on calcium channels rather than opioid receptors": a target denied beside the stated one.
_CONTRAST = re.compile(
    # "... on MT1 and MT2 receptors in the brain's master clock rather than on opioid receptors": a place may come between
    r"(?:\s+(?:in|within)\s+[^,;.()]{1,40}?)?\s*,?\s*(?:(?P<adds>not (?:just|only)|as well as|(?:and|with) (?:(?:a )?(?:minor|smaller|lesser|some|small) )?(?:contributions?|roles?|involvement|help) (?:from|for|of|by)"
    r"|and,? to a (?:lesser|smaller) (?:extent|degree),?(?: by)?)|instead of|rather than|but not|and not|not)\s+(?:on\s+|at\s+|to\s+|with\s+)?(?:the\s+)?",
    re.IGNORECASE,
)
# "in radioligand binding, [35S]GTPγS and β-arrestin-2 recruitment assays": the names of assays, whose words state no action.
_ASSAY_NAMES = re.compile(r"\bin\s+(?:[^\s.;]+\s+){0,8}?assays?\b", re.IGNORECASE)
# A study's measuring verb before an action noun: the action is what was measured.
_MEASURED = re.compile(
    r"\b(?:measured|assessed|tested|examined|evaluated|investigated|studied|determined|quantified|screened|profiled|characteri[sz]ed)"
    r"\s+(?:the\s+|their\s+|its\s+)?(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_NOUN_ACTION = re.compile(r"\w+(?:ion|ing|ade|ism|ity)\b", re.IGNORECASE)
# Where the clause holding a comparison ends.
_CLAUSE_END = re.compile(r"[.;]|,\s*(?:whereas|while|but|although|though|so|which)\b", re.IGNORECASE)
_DETERMINERS = re.compile(r"\s*(?:(?:the|your|their|its|our|his|her|these|those|both|all|a|an)\s+)?")
# What may stand between two actions of one subject: "..., and (it) is also an antagonist at".
_SHARED_SUBJECT = re.compile(
    r"(?:\s*,?\s*(?:and|but|yet|or|as well as|plus|while|whereas|also|additionally|there|too|"
    r"is|are|was|were|acts?|acting|functions?|behaves?|may|might|can|could|does|did|do|has|have|had|showed|shows|show|"
    r"helps?|helped|to|with|without|therefore|thus|then|so|seems?|seemed|appears?|appeared|thought|believed|known|reported|said|considered|regarded|described|classified|viewed|likely|in turn|in addition|"
    r"in (?:the |these |some |our )?(?:assays?|studies|experiments|cells|animals|mice|rats|vitro|vivo)|"
    r"not|no|only|very|\w+ly|weaker|stronger|weak|strong|potent|modest|mild|some|significant|marked|moderate|little|much|meaningful|notable|major|minor|relevant|important|"
    r"measurable|detectable|appreciable|any|affinity|potency|efficacy|selectivity|"
    # "bound MOR with higher affinity than mitragynine (Ki ...) and showed ...": what the first clause compared it with
    r"(?:than|unlike|like)\s+[\w’'-]+(?:\s+[\w’'-]+)?(?=\s*[,(]|\s+(?:and|but|in)\b)|"
    # "... at MOR, several times more potent than morphine, and acts as ...": how many times
    r"(?:several|many|a few|two|three|four|five|ten|\d+(?:\.\d+)?)\s*(?:-\s*)?(?:times|fold|×)|\w+-fold|twice|"
    r"further|dose-dependent|time-dependent|competitive|selective|full|mixed|an?|as|"
    # "enhances GABA-A receptor signalling and depresses ...": the noun that closes the first object
    r"signal(?:l)?ing|activity|function|transmission|expression|subunits?|"
    # "acts on MT1 receptors in the brain's master clock and helps regulate ...": a place or setting
    r"(?:in|within|across|throughout|at|during|with|for) (?:the |a |an |your |our |its |their |some |these |all |low |high )?(?:[\w’'-]+ ){0,2}[\w’'-]+(?=\s*[,(]|\s+(?:and|but|yet|while|whereas|by|without)\b)|"
    # "... by acting on MT1 and MT2 receptors": a means clause shares the subject of the main one
    r"by|through|via|mainly|mostly|chiefly|largely|primarily|thereby|itself|themselves|greater|higher|lower|more|less|"
    # "an inhibitor of CYP2D6 (IC50 2.2 µM) and a moderate inhibitor of CYP3A4": an aside in brackets
    r"\([^()]{0,80}\)|\)|\+|&|"
    # "corynantheidine: weak MOR partial agonist; binds alpha-1D adrenoceptors": a note's clauses share its subject
    r";)(?!\w))*\s*,?\s*",
    re.IGNORECASE,
)
# A role noun ending its clause with no target of its own: the target is the previous one.
# "acts at MOR as a partial agonist": the role noun after the target of a generic action.
_AS_ROLE = re.compile(r"\s+as\s+(?:an?\s+)?", re.IGNORECASE)
_GAPPED_AS = re.compile(r"\s*,?\s*(?:and|but|while|whereas)\s+(?:on|at|upon)\s+(?P<target>[^,;.]{1,60}?)\s+as\s+(?:an?\s+)?", re.IGNORECASE)
_SHARED_OBJECT = re.compile(
    r"\s*(?:[,.;)]|$|\([^()]*\d[^()]*\)|\s+(?:instead|too|as well|there|in others|in other \w+|at (?:the )?same (?:site|receptors?))\b|\s+(?:whereas|while|but)\b"
    r"|\s+(?:(?:much|far|even) )?(?:more |less )?(?:tightly|strongly|weakly|potently|firmly|avidly)\b)",
    re.IGNORECASE,
)
# A list item or a note that opens with its action: "• partial agonist at MOR", "- blocks MOR, KOR".
_SUBJECTLESS = re.compile(r"[\W_]*(?:[\w-]+\s+){0,2}?", re.IGNORECASE)
# ... or an answer's, after its label: "Back: Full agonist at ...", "A: Blocks ...".
_ANSWER = re.compile(r"(?-i:[A-Z])[\w ]{0,14}:\s*" + _SUBJECTLESS.pattern, re.IGNORECASE)
_EFFECT = re.compile(
    r"(?:\s+(?:in|within)\s+(?:the|our|your)\s+[^,.;]{1,40}?)?\s*,\s*(?P<effect>\w+ing\b[^;]*?)"
    r"(?=,\s*(?:while|whereas|although|though)\b|[.;!?]?$)"
)


# What opens the clause of an agentless passive before its subject: a clause break, a conjunction.
_PASSIVE_OPENING = re.compile(
    r"(?:[,;]|\b(?:and|but|while|whereas|although|though|yet))\s*(?:(?:and|but|while|whereas)\s+)?(?:the\s+)?$", re.IGNORECASE
)
_PARTICIPLE = re.compile(r"(?:ed|en|bound)$", re.IGNORECASE)
# Between that subject and its participle: "were", "was also", "is only weakly".
_PASSIVE_VERB = re.compile(r"\s+(?:is|are|was|were)\s+(?:(?:\w+ly|also|not|only)\s+){0,2}", re.IGNORECASE)


_UNKNOWN = re.compile(
    r"\s+(?:is|are|remains?|was|were)\s+(?:still\s+|largely\s+|completely\s+|as yet\s+)?(?:unknown|unclear|not (?:yet )?(?:known|clear|established)|uncertain|poorly understood|unstudied)",
    re.IGNORECASE,
)
#: The longest stretch of one sentence read as a whole; real sentences are far shorter.
_PIECE = 2000
_PIECE_BREAKS = re.compile(r"[;,]\s*")
_SPACE = re.compile(r"\s+")


def extract_mechanisms(doc: Document, claim_ids: dict[int, str]) -> list[Mechanism]:
    """Every stated mechanism in the claim sentences of ``doc`` (``claim_ids``: sentence index -> claim id)."""
    out: list[Mechanism] = []
    for index, claim_id in sorted(claim_ids.items()):
        out.extend(_sentence_mechanisms(doc, index, claim_id))
    return out


def sentence_has_mechanism(doc: Document, index: int) -> bool:
    """Whether the sentence states a mechanism (claims use it to pick the ``mechanism`` type)."""
    return bool(_sentence_mechanisms(doc, index, "probe"))


def _sentence_mechanisms(doc: Document, index: int, claim_id: str) -> list[Mechanism]:
    """The sentence's mechanisms; a run-on "sentence" of many thousand characters is read in
    clause-bounded pieces of at most :data:`_PIECE` characters, so the work stays linear in it."""
    sentence = doc.sentences[index]
    s, e = sentence.start, sentence.end
    out: list[Mechanism] = []
    while s < e:
        cut = e if e - s <= _PIECE else _piece_end(doc.flat, s, s + _PIECE)
        out.extend(_span_mechanisms(doc, index, claim_id, s, cut))
        s = cut
    return out


def _piece_end(text: str, start: int, limit: int) -> int:
    """The last clause break (";", ",", a space) before ``limit``, past the middle of the piece."""
    for pattern in (_PIECE_BREAKS, _SPACE):
        cuts = [m.end() for m in pattern.finditer(text, (start + limit) // 2, limit)]
        if cuts:
            return cuts[-1]
    return limit


def _span_mechanisms(doc: Document, index: int, claim_id: str, s: int, e: int) -> list[Mechanism]:
    stated = _named_mechanisms(doc, index, claim_id, s, e) or unnamed_actions(doc, index, claim_id, s, e)
    for more in (reversals, interactions, substrates, used_targets):
        stated += more(doc, index, claim_id, s, e, stated)
    return stated


def _named_mechanisms(doc: Document, index: int, claim_id: str, s: int, e: int) -> list[Mechanism]:
    lex = lexicon()
    text = doc.flat
    words = INDEX.sentence_words(doc)[index]
    action_hits = lex.actions.find(text, s, e, words=words)
    if not action_hits:
        return []  # no action word: nothing below can make a mechanism
    targets = find_targets(text, s, e, words)
    if " ones" in text[s:e]:
        targets = with_ones(text, s, e, targets)
    target_refs = [r for r in lex.target_references.find(text, s, e, words=words) if not named_after(text, r, targets)]
    if not targets and not target_refs and "|" not in text[s:e]:
        return []  # an action on nothing named: "reduces cravings"; a table's row may name it in its column's head
    # A name inside a longer target ("melatonin production") is not an agent; the same word as a
    # whole target ("melatonin") can be either, by its place around the action.
    named = [h for h in find_agents(text, s, e, words) if not inside_longer(h, targets)]
    compared = compared_agents(text, s, named)
    compared += [h for h in elliptic_agents(text, named) if h not in compared]
    found_references = lex.references.find(text, s, e, words=words)
    agents = [h for h in named if h not in compared and not quantified_over(h, found_references, text)]
    # "less strongly than the parent compound" is set beside the subject, and "its metabolite
    # 7-hydroxymitragynine" names its referent: neither is a reference for the clause's subject
    references = [
        h
        for h in found_references
        if not _overlaps_any(h, agents)
        and not (is_compared(text, s, h) and not _POSSESSIVE.fullmatch(h.text(text)))
        and not names_next(text, h, agents)
    ]
    assays = [Hit(m.start(), m.end(), "assay", {}) for m in _ASSAY_NAMES.finditer(text, s, e)] if "assay" in text[s:e] else []
    # an action that opens inside a target is that target's word: "pain signaling through opioid receptors"
    actions = [h for h in action_hits if not _opens_inside(h, targets) and not _overlaps_any(h, agents) and not _inside_any(h, assays)]
    actions = [h for h in actions if not _object_activity(text, h, actions, targets)]
    targets = _after_actions(text, targets, actions)
    out: list[Mechanism] = []
    blocked_until = s  # triggers inside an earlier mechanism's effect clause state no new mechanism
    window_start = s
    previous: tuple[AgentGroup, TargetChain] | None = None  # the agents and targets of the sentence's last mechanism
    # where the last "acts at X" ends, its records, and its agents and targets
    generic: tuple[int, list[Mechanism], tuple[AgentGroup, TargetChain]] | None = None
    for n, action in enumerate(actions):
        if action.start < blocked_until:
            continue
        if _MEASURED.search(text, max(s, action.start - 40), action.start) and _NOUN_ACTION.match(action.text(text)):
            continue  # "We measured inhibition of seven CYP isoforms by ...": what a study measured, not what it found
        limit = actions[n + 1].start if n + 1 < len(actions) else e
        negation_start = window_start
        elided: set[str] = set()  # the parts of the mechanism this clause leaves to the one before it
        as_role = generic if generic is not None and _AS_ROLE.fullmatch(text, generic[0], action.start) else None
        gapped = _gapped_target(text, window_start, action.start, targets) if previous is not None and as_role is None else []
        passive = (
            None
            if as_role or gapped
            else passive_arguments(text, action, limit, targets, agents, window_start, target_refs, doc, index, references)
        )
        if as_role is not None:
            # "MG acts at MOR as a partial agonist": the role says how it acts, in one record
            _, replaced, (group, chosen) = as_role
            out = [r for r in out if not any(r is g for g in replaced)]
        elif gapped and previous is not None:
            group, chosen = previous[0], gapped  # "... and on the mu receptor as a partial agonist"
            elided.add("agent")
        elif passive:
            group, chosen = passive
        elif PASSIVE_AFTER.match(text, action.end, limit) and PASSIVE_BEFORE.search(
            text, max(window_start, action.start - 30), action.start
        ):
            continue  # "mitragynine is activated by CYP3A4": the actor after "by" is no agent
        elif (role_agent := named_after_role(text, action, agents)) is not None:
            # "the kappa antagonist nor-binaltorphimine", "the α2 antagonist idazoxan"
            group = [(role_agent, role_agent.label)]
            negation_start = action.start  # "but not by the kappa antagonist X": the role is not denied
            chosen = target_before(text, window_start, window_start, action.start, targets) or [
                (t, text[t.start : t.end]) for t in targets if action.start <= t.start and t.end <= action.end
            ]
        else:
            chosen = target_chain(text, action.end, limit, targets, target_refs, doc, index)
            inside = [(t, text[t.start : t.end]) for t in targets if action.start <= t.start and t.end <= action.end]
            if inside and chosen and not _DETERMINERS.fullmatch(text, action.end, chosen[0][0].start):
                chosen = inside  # "a partial mu agonist, plus some alpha-2 ...": the role names its own target
            group = agent_group(text, window_start, action.start, agents, references, doc, index)
            group = [] if combined_with(text, group, action) else group
            if group and (_NOUN_ACTION.match(action.text(text)) or action.text(text).endswith("ing")):
                group = nominal_agent(text, window_start, action, chosen, limit, agents, references, doc, index) or group
            if group and ASKED.search(text, max(s, group[0][0].start - 12), group[0][0].start):
                continue  # "has measured whether MG suppresses REM sleep": asked, not stated
            if group and (not chosen or not _DETERMINERS.fullmatch(text, action.end, chosen[0][0].start)):
                # "a mu-opioid antagonist in the assays and ...": the modifier names the target
                chosen = target_before(text, window_start, group[0][0].start, action.start, targets, group[-1][0].end) or chosen
            if not chosen:  # "a partial mu agonist": the target inside the action's words
                chosen = [(t, text[t.start : t.end]) for t in targets if action.start <= t.start and t.end <= action.end]
            if group and not chosen:  # "5-HT2A: paynantheine shows affinity", "CYP3A4, which kratom may inhibit"
                chosen = (
                    label_target(text, s, action.start, targets)
                    or relative_object(text, s, group[0][0].start, targets)
                    or fronted_reference(text, s, group[0][0].start, target_refs, doc, index)
                )
            if not group:
                group, chosen = agent_after(text, action, limit, chosen, window_start, agents, references, doc, index)
            if not group:
                group, chosen = examples(text, action, limit, chosen, window_start, targets, named)
            if not group and previous and _SHARED_SUBJECT.fullmatch(text, window_start, action.start):
                group = previous[0]  # "MG is a partial agonist at MOR and an antagonist at KOR"
                elided.add("agent")
            elif not group and not chosen and previous and (opened := _passive_subject(text, window_start, action, targets)):
                group, chosen = previous[0], opened  # "MG inhibited CYP2D6; CYP2C9 was inhibited only above 10 µM"
                elided.add("agent")
            elif not group and previous and not chosen:
                # "MG is a MOR partial agonist and a DOR antagonist": the second role noun's modifier
                modifier = target_before(text, window_start, window_start, action.start, targets)
                if modifier and _SHARED_SUBJECT.fullmatch(text, window_start, modifier[0][0].start):
                    group, chosen = previous[0], modifier
                    elided.add("agent")
            if group and not chosen and previous and _SHARED_OBJECT.match(text, action.end, limit):
                chosen = previous[1]  # "MG is an antagonist at KOR, whereas 7-OH is a partial agonist"
                elided.add("target")
            if not group and chosen and lex.nominal.fullmatch(action.text(text)):
                # "activation of opioid receptors" with no agent in the clause: what the text is about
                implied = antecedent(doc, index, action.start)
                if implied:
                    group = [implied]
                    elided.add("agent")
            opens = s
            if not group and not chosen:  # "Mu-opioid receptor: potent partial agonist" under "7-hydroxymitragynine"
                chosen = label_target(text, s, action.start, targets)
                opens = text.find(":", s, action.start) + 1 if chosen else s
            if not group and chosen:
                bare = _SUBJECTLESS.fullmatch(text, opens, action.start) is not None
                if bare or _ANSWER.fullmatch(text, opens, action.start):
                    # "• Mitragynine:" over "   – partial agonist at MOR"; "Slide 12 — Buprenorphine" over "• partial agonist at MOR"
                    subject = ((lead_in_agent(doc, s) or heading_agent(doc, s)) if bare else None) or asked_agent(doc, index)
                    if subject is not None:
                        group = [(subject, subject.label)]
                        elided.add("agent")
            if not group and chosen and "|" in text[s : action.start]:
                subject = column_agent(doc, action.start)  # "| | Kratom |" over "| Main action | Partial agonist at mu |"
                if subject is not None:
                    group = [(subject, subject.label)]
                    elided.add("agent")
        if (not chosen or not group) and ("|" in text[s:e] or "\t" in text[s:e]):
            chosen, group = row_arguments(text, action, agents, targets) or (chosen, group)
        if not chosen or not group:
            continue
        if _UNKNOWN.match(text, chosen[-1][0].end, limit):
            continue  # "their effect on these enzymes is unknown" states no effect
        chosen, denied = _contrasted(text, chosen, targets, limit)
        previous = (group, chosen)
        target_end = max(chosen[-1][0].end, action.end, max(h.end for h, _ in group)) if "target" not in elided else action.end
        effect_match = _EFFECT.match(text, target_end, e)
        effect = doc.text[effect_match.start("effect") : effect_match.end("effect")].strip() if effect_match else None
        stated = [(action, chosen, effect)]
        route = _THROUGH.match(text, chosen[-1][0].end, limit) if "target" not in elided else None
        if route is not None and action.label != "interacts_with":
            receptors = [t for t in targets if t.start == route.end() and t.names[0][1] == "receptor"]
            if receptors:  # "reduces pain signaling through opioid receptors": the receptors it acts through
                stated.append(
                    (Hit(route.start("via"), route.end("via"), "interacts_with", {}), chain_from(text, targets, receptors[0]), None)
                )
        if effect_match:
            blocked_until = effect_match.end()
            # ", mimicking the effects of opioids": a participle that is itself an action on a
            # target states a second mechanism of the same agents.
            follow = lex.actions.first(text, effect_match.start("effect"), effect_match.end("effect"), words=words)
            if follow is not None and follow.start == effect_match.start("effect"):
                more = target_chain(text, follow.end, effect_match.end("effect"), targets, target_refs, doc, index)
                if more:
                    stated.append((follow, more, None))
        if denied:
            out.extend(records(doc, claim_id, group, action, denied, None, negation_start, action.start, elided, negated=True))
        generic = None
        for act, tgts, eff in stated:
            made = records(doc, claim_id, group, act, tgts, eff, negation_start, action.end, elided)
            out.extend(made)
            if act is action and action.label == "interacts_with" and not denied and not effect_match:
                generic = (target_end, made, previous)
            if made and compared:
                # The comparison belongs to this clause, not to its effect: "..., providing relief similar to opioids"
                clause = _CLAUSE_END.search(text, target_end, effect_match.start() if effect_match else limit)
                clause_end = clause.start() if clause else effect_match.start() if effect_match else limit
                # an elided agent stands in an earlier clause: this one opens at its action
                opening = act.start if "agent" in elided else min(group[0][0].start, act.start)
                out.extend(compared_records(doc, claim_id, group, act, tgts, compared, opening, clause_end, limit, made[0].negated))
        window_start = max(target_end, action.end)
    return out


def _gapped_target(text: str, start: int, end: int, targets: list[Target]) -> TargetChain:
    """The target of a clause that leaves its subject and verb to the one before: "acts on KOR as
    an antagonist and on MOR as a partial agonist" (``text[start:end]`` runs to the role noun)."""
    m = _GAPPED_AS.fullmatch(text, start, end)
    if m is None:
        return []
    return [(t, text[t.start : t.end]) for t in targets if m.start("target") <= t.start and t.end <= m.end("target")]


def _passive_subject(text: str, window_start: int, action: Hit, targets: list[Target]) -> TargetChain:
    """The targets that open an agentless passive clause ("CYP2C9 and CYP1A2 were inhibited"),
    whose agent is the one the sentence's clause before it named; none when the verb is no passive."""
    before = [t for t in targets if window_start <= t.start and t.end <= action.start]
    if not before or not _PARTICIPLE.search(action.text(text)) or not _PASSIVE_VERB.fullmatch(text, before[-1].end, action.start):
        return []
    chain = chain_back(text, before, before[-1])
    opening = chain[0][0].start
    if text[window_start:opening].strip() and not _PASSIVE_OPENING.search(text, window_start, opening):
        return []
    return chain


def _contrasted(text: str, chosen: TargetChain, targets: list[Target], limit: int) -> tuple[TargetChain, TargetChain]:
    """Targets set against the chosen ones: "acting on calcium channels rather than opioid receptors"
    denies the second ("instead of", "but not"); "not just opioid receptors" adds it. Returns the chosen and the denied."""
    last = chosen[-1][0]
    contrast = _CONTRAST.match(text, last.end, limit)
    if not contrast:
        return chosen, []
    following = [t for t in targets if t.start == contrast.end()]
    if not following:
        ones = ones_target(text, contrast.end(), last, limit)
        return (chosen, []) if ones is None else ((chosen + [ones], []) if contrast.group("adds") else (chosen, [ones]))
    more = chain_from(text, targets, following[0])
    if contrast.group("adds"):
        return chosen + more, []
    return chosen, more


def _after_actions(text: str, targets: list[Target], actions: list[Hit]) -> list[Target]:
    """Targets cut to begin after an action that ends inside them: "blocks the release of
    noradrenaline" is an action on "noradrenaline", not on words the action already holds."""
    out = []
    for t in targets:
        for a in actions:
            if a.start < t.start < a.end < t.end:
                t = Target(a.end + len(text[a.end : t.end]) - len(text[a.end : t.end].lstrip()), t.end, t.names)
        out.append(t)
    return out


def _object_activity(text: str, hit: Hit, actions: list[Hit], targets: list[Target]) -> bool:
    """Whether ``hit`` is the word "activity" after a target that another action takes as its
    object: "enhances GABA-A receptor activity" acts on the receptors; "has alpha-2 activity" does not."""
    if text[hit.start : hit.end].lower() != "activity":
        return False
    target = next((t for t in targets if t.end <= hit.start and not text[t.end : hit.start].strip()), None)
    return target is not None and any(a.end <= target.start and _DETERMINERS.fullmatch(text, a.end, target.start) for a in actions)


def _inside_any(hit: Hit, spans: Sequence[Hit | Target]) -> bool:
    return any(span.start <= hit.start and hit.end <= span.end for span in spans)


def _opens_inside(hit: Hit, spans: Sequence[Hit | Target]) -> bool:
    """Whether ``hit`` lies inside a span or opens inside one and runs past it."""
    return _inside_any(hit, spans) or any(span.start < hit.start < span.end for span in spans)


def _overlaps_any(hit: Hit, spans: Sequence[Hit | Target]) -> bool:
    return any(hit.start < span.end and span.start < hit.end for span in spans)
