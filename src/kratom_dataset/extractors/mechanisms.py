"""Mechanisms as stated: an agent, an action and a target, read from one sentence.

The extractor only pairs words the sentence itself contains: an action with no recognised
target ("modulate mood") or no agent it can name is not a mechanism. "Interact with" states no
action type, so it stays ``interacts_with``; nothing is imported from the literature. A pronoun
("It", "its") is resolved to the latest agent named earlier in the sentence or paragraph, and
"these receptors" to the latest target; ``agent_text`` keeps the words as written.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .. import lexicon as lexicons
from ..models import Mechanism
from ..parse import Document
from ..provenance import anchor, record_id
from ._match import INDEX, Hit, Matcher, looking_back

NAME = "kratom_dataset.extractors.mechanisms"
VERSION = f"1.0.0+{lexicons.version('mechanisms')}"

_AGENT_GAP = 70
_TARGET_GAP = 40
_CHAIN = re.compile(
    r"\s*(?:,\s*(?:and\s+|or\s+|particularly\s+|including\s+|namely\s+|such as\s+|as well as\s+)?"
    r"|\s+and\s+|\s+or\s+|\s+particularly\s+|\s+as well as\s+"
    # "CYP2D6 and, to a lesser degree, CYP3A4": an aside between two conjuncts.
    r"|\s*,?\s*(?:and|or)\s*,\s*[^,.;]{1,30},\s*"
    # "neither MG nor 7-OH", "with 5-HT2A receptors and with alpha-adrenergic receptors"
    r"|\s+nor\s+|\s*,?\s+and\s+(?:with|at|on|to)\s+)"
)
# "kratom, like other opioids, ...": a name in a comparison is not the agent of the clause.
_COMPARED = re.compile(r"\b(?:like|unlike|than|as with|similar to|compared (?:to|with)|the way)\s+(?:other\s+|the\s+)?$", re.IGNORECASE)
# "on calcium channels rather than opioid receptors": a target denied beside the stated one.
_CONTRAST = re.compile(
    r"\s*,?\s*(?:(?P<adds>not (?:just|only)|as well as)|instead of|rather than|but not|and not|not)\s+(?:on\s+|at\s+|to\s+|with\s+)?(?:the\s+)?",
    re.IGNORECASE,
)
# "suppresses REM sleep, as other opioids do": a name compared by "as ... do".
_AS_BEFORE = re.compile(r"(?<!such )(?<!as well )\bas\s+(?:other\s+|the\s+)?$", re.IGNORECASE)
_DOES_AFTER = re.compile(r"\s+(?:do|does|did)\b", re.IGNORECASE)
# "a different pathway than the kratom", "rather than kratom": no shared action.
_NOT_COMPARED = re.compile(r"\b(?:different\w*|other|rather)\b[^,.;]{0,40}\bthan\s+(?:other\s+|the\s+)?$", re.IGNORECASE)
_POTENCY = re.compile(r"\b(?:potent|active|selective)\b", re.IGNORECASE)
_UNLIKE = re.compile(r"\bunlike\s+(?:other\s+|the\s+)?$", re.IGNORECASE)
# Where the clause holding a comparison ends.
_CLAUSE_END = re.compile(r"[.;]|,\s*(?:whereas|while|but|although|though)\b", re.IGNORECASE)
# A clause boundary between an action and a later target: the target belongs to the next clause.
_CLAUSE_BREAK = re.compile(
    r"[.;]|,\s*(?:whereas|while|but|although|though|and at|and on)\b"
    # "binding differently compared to endogenous opioids" compares; it names no target.
    r"|\b(?:compared (?:to|with)|than|unlike|similar to)\b",
    re.IGNORECASE,
)
# "At the mu-opioid receptor, MG acts as ...": a target fronted before its agent.
_FRONTED = re.compile(r"(?:^|[,;]\s*|\bwhereas\s+|\bwhile\s+|\band\s+)(?:at|on)\s+(?:the\s+)?$", re.IGNORECASE)
# "is activated by 7-OH": the passive names its target first and its agent after "by".
_PASSIVE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|being|gets?)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_PASSIVE_AFTER = re.compile(r"\s+by\s+(?:the\s+)?", re.IGNORECASE)
# "the binding of <agent> to ...": the agent follows the action noun.
_OF_AGENT = re.compile(r"\s+of\s+", re.IGNORECASE)
# "inhibition of CYP2D6 by <agent>".
_BY_AGENT = re.compile(r"\s+by\s+", re.IGNORECASE)
# "By binding to these receptors, <agent> ...": an adverbial clause before the main subject.
_ADVERBIAL = re.compile(r"(?:^|[,;]\s*)(?:by|through|via|upon|after|when|while)\s+$", re.IGNORECASE)
_MAIN_SUBJECT = re.compile(r"[^,.;]{0,60},\s*")
_DETERMINERS = re.compile(r"\s*(?:(?:the|your|their|its|our|his|her|these|those|both|all|a|an)\s+)?")
# "the main alkaloid in kratom": a name in a prepositional phrase, seldom what "it" points back to.
_IN_PHRASE = re.compile(r"\b(?:in|of|from|within|inside|into)\s+(?:the\s+|raw\s+|dried\s+)?$", re.IGNORECASE)
_APPOSITIVE = re.compile(r"\s*,\s*(?:the|a|an|its|one|another)\b[^,;.]{0,60},\s*(?:\w+\s+){0,3}", re.IGNORECASE)
_SINGULAR = re.compile(r"it|its|this compound|the compound|this alkaloid|the alkaloid|this drug|the drug|this substance|the substance", re.IGNORECASE)
_PLURAL_NAME = re.compile(r"\b(?:alkaloids|compounds|constituents)\b", re.IGNORECASE)
_RELATIVE = re.compile(r"which|who", re.IGNORECASE)
_PAIR = re.compile(r"both|the two|either|neither", re.IGNORECASE)
_ARTICLE = re.compile(r"the\s+", re.IGNORECASE)
# What may stand between two actions of one subject: "..., and (it) is also an antagonist at".
_SHARED_SUBJECT = re.compile(
    r"(?:\s*,?\s*(?:and|but|yet|or|as well as|while|whereas|also|additionally|there|too|"
    r"is|are|was|were|acts?|acting|functions?|behaves?|may|might|can|could|does|did|do|has|have|had|showed|shows|show|"
    r"helps?|helped|to|therefore|thus|then|so|seems?|seemed|appears?|appeared|thought|believed|known|reported|said|likely|in turn|in addition|"
    r"in (?:the |these |some |our )?(?:assays?|studies|experiments|cells|animals|mice|rats|vitro|vivo)|"
    r"not|no|only|very|\w+ly|weaker|stronger|weak|strong|potent|modest|mild|some|significant|marked|moderate|little|much|"
    r"further|dose-dependent|time-dependent|competitive|selective|full|mixed|an?|as|"
    # "acts on MT1 receptors in the brain's master clock and helps regulate ...": a place or setting
    r"(?:in|within|across|throughout) (?:the |a |an |your |our |its |their |some |these |all )?(?:[\w’'-]+ ){0,2}[\w’'-]+(?=\s*,?\s*(?:and|but|yet|while|whereas)\b))\b)*\s*,?\s*",
    re.IGNORECASE,
)
# "inhibitors such as ketoconazole": agents named as examples of a role noun.
_ROLE_NOUN = re.compile(r"(?:inhibitors|inducers|agonists|antagonists|blockers)(?: of)?$", re.IGNORECASE)
_EXAMPLE = re.compile(r"\s*,?\s*\(?(?:such as|like|e\.g\.,?|for example,?|including|notably)\s+", re.IGNORECASE)
# A role noun ending its clause with no target of its own: the target is the previous one.
_SHARED_OBJECT = re.compile(r"\s*(?:[,.;)]|$|\s+(?:instead|too|as well|there|in others|in other \w+|at (?:the )?same (?:site|receptors?))\b|\s+(?:whereas|while|but)\b)", re.IGNORECASE)
_NEITHER = re.compile(r"\b(?:neither|none of|no)\b", re.IGNORECASE)
_NEGATION = re.compile(
    r"\b(?:not|never|no longer|no|lacks?|lacking|lacked|fails? to|failed to|neither|nor|doesnt|dont|didnt|isnt|arent|wont|cant)\b|n['’]t\b",
    re.IGNORECASE,
)
_EFFECT = re.compile(
    r"(?:\s+(?:in|within)\s+(?:the|our|your)\s+[^,.;]{1,40}?)?\s*,\s*(?P<effect>\w+ing\b[^;]*?)"
    r"(?=,\s*(?:while|whereas|although|though)\b|[.;!?]?$)"
)
_COORDINATED_RECEPTORS = {
    "opioid": "opioid receptors",
    "opiate": "opioid receptors",
    "gaba": "GABA receptors",
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
}


_UNKNOWN = re.compile(
    r"\s+(?:is|are|remains?|was|were)\s+(?:still\s+|largely\s+|completely\s+|as yet\s+)?(?:unknown|unclear|not (?:yet )?(?:known|clear|established)|uncertain|poorly understood|unstudied)",
    re.IGNORECASE,
)
_MODIFIER = re.compile(r"-(?:induced|like|related|free|based|containing)\b", re.IGNORECASE)
_NEUROTRANSMITTERS = {
    "serotonin": "serotonin",
    "seratonin": "serotonin",
    "dopamine": "dopamine",
    "gaba": "GABA",
    "norepinephrine": "norepinephrine",
    "noradrenaline": "norepinephrine",
}
# The words around a drug in a drug target: "the blood levels of", "concentrations".
_DRUG_LEVEL = re.compile(
    r"^(?:the )?(?:blood |plasma |serum )?(?:levels?|concentrations?) of (?:other |some |many |certain |these |those |such )?"
    r"|(?: blood| plasma| serum)? (?:levels|concentrations|exposure)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _Lexicon:
    agents: Matcher
    references: Matcher
    actions: Matcher
    targets: Matcher
    target_references: Matcher
    coordinated: re.Pattern
    plural: re.Pattern
    plural_targets: re.Pattern
    nominal: re.Pattern
    alkaloids: frozenset[str]


@functools.cache
def _lexicon() -> _Lexicon:
    lex = lexicons.read("mechanisms")
    return _Lexicon(
        agents=Matcher([(a["agent"], a["pattern"], a) for a in lex["agents"]]),
        references=Matcher([("reference", lex["agent_references"], {})]),
        actions=Matcher([(a["action"], a["pattern"], a) for a in lex["actions"]]),
        targets=Matcher([(t["target"], t["pattern"], t) for t in lex["targets"]]),
        target_references=Matcher([("reference", t["pattern"], t) for t in lex["target_references"]]),
        coordinated=lexicons.pattern(lex["coordinated_targets"]),
        plural=re.compile(lex["plural_references"], re.IGNORECASE),
        plural_targets=re.compile(lex["plural_target_references"], re.IGNORECASE),
        nominal=re.compile(lex["nominal_actions"], re.IGNORECASE),
        alkaloids=frozenset(lex["alkaloids"]),
    )


@dataclass(frozen=True)
class _Target:
    start: int
    end: int
    names: tuple[tuple[str, str], ...]  # (normalised target, target type)


def extract_mechanisms(doc: Document, claim_ids: dict[int, str]) -> list[Mechanism]:
    """Every stated mechanism in the claim sentences of ``doc`` (``claim_ids``: sentence index -> claim id)."""
    records = []
    for index, claim_id in sorted(claim_ids.items()):
        records.extend(_sentence_mechanisms(doc, index, claim_id))
    return records


def sentence_has_mechanism(doc: Document, index: int) -> bool:
    """Whether the sentence states a mechanism (claims use it to pick the ``mechanism`` type)."""
    return bool(_sentence_mechanisms(doc, index, "probe"))


def _targets(text: str, s: int, e: int, words: int | None = None) -> list[_Target]:
    lex = _lexicon()
    out = []
    for m in lex.coordinated.finditer(text, s, e):
        noun = m.group("noun").lower()
        names = []
        for word in re.split(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", m.group("items")):
            key = word.lower().rstrip("-")
            if noun.startswith("receptor"):
                name = "serotonin receptors" if key.startswith("5-ht") else "histamine receptors" if re.fullmatch(r"h\d", key) else _COORDINATED_RECEPTORS[key]
                names.append((name, "receptor"))
            elif key in _NEUROTRANSMITTERS:
                names.append((_NEUROTRANSMITTERS[key], "neurotransmitter"))
        if not names:
            continue
        out.append(_Target(m.start(), m.end(), tuple(names)))
    for hit in lex.targets.find(text, s, e, words=words):
        if _MODIFIER.match(text, hit.end):
            continue  # "serotonin-induced head twitches" names the twitches, not serotonin
        if not any(t.start <= hit.start < t.end for t in out):
            out.append(_Target(hit.start, hit.end, ((_target_name(text, hit), hit.info["target_type"]),)))
    return sorted(out, key=lambda t: t.start)


def _target_name(text: str, hit: Hit) -> str:
    """A target's name: the lexicon's, or for ``*`` the words as written (symbols such as TNF-α
    keep their case); a drug target ("blood levels of kratom") is named by the drug it holds."""
    if hit.info["target_type"] == "drug":
        named = _agents(text, hit.start, hit.end)
        return named[-1].label if named else _DRUG_LEVEL.sub("", hit.text(text)).lower()
    return " ".join(hit.text(text).split()) if hit.label == "*" else hit.label


def _sentence_mechanisms(doc: Document, index: int, claim_id: str) -> list[Mechanism]:
    lex = _lexicon()
    text = doc.flat
    sentence = doc.sentences[index]
    s, e = sentence.start, sentence.end
    words = INDEX.sentence_words(doc)[index]
    action_hits = lex.actions.find(text, s, e, words=words)
    if not action_hits:
        return []  # no action word: nothing below can make a mechanism
    targets = _targets(text, s, e, words)
    target_refs = lex.target_references.find(text, s, e, words=words)
    if not targets and not target_refs:
        return []  # an action on nothing named: "reduces cravings"
    # A name inside a longer target ("melatonin production") is not an agent; the same word as a
    # whole target ("melatonin") can be either, by its place around the action.
    named = [h for h in _agents(text, s, e, words) if not _inside_longer(h, targets)]
    compared = [h for h in named if _compared(text, s, h)]
    agents = [h for h in named if h not in compared]
    references = [h for h in lex.references.find(text, s, e, words=words) if not _overlaps_any(h, agents)]
    actions = [h for h in action_hits if not _inside_any(h, targets) and not _overlaps_any(h, agents)]
    targets = _after_actions(text, targets, actions)
    out: list[Mechanism] = []
    blocked_until = s  # triggers inside an earlier mechanism's effect clause state no new mechanism
    window_start = s
    previous: tuple[list, list] | None = None  # the agents and targets of the sentence's last mechanism
    for n, action in enumerate(actions):
        if action.start < blocked_until:
            continue
        limit = actions[n + 1].start if n + 1 < len(actions) else e
        negation_start = window_start
        elided = None  # the part of the mechanism this clause leaves to the one before it
        passive = _passive(text, action, limit, targets, agents, window_start, target_refs, doc, index)
        if passive:
            group, chosen = passive
        elif _PASSIVE_AFTER.match(text, action.end, limit) and _PASSIVE_BEFORE.search(text, max(window_start, action.start - 30), action.start):
            continue  # "mitragynine is activated by CYP3A4": the actor after "by" is no agent
        else:
            chosen = _target_chain(text, action.end, limit, targets, target_refs, doc, index)
            group = _agent_group(text, window_start, action.start, agents, references, doc, index)
            if group and (not chosen or not _DETERMINERS.fullmatch(text, action.end, chosen[0][0].start)):
                # "a mu-opioid antagonist in the assays and ...": the modifier names the target
                chosen = _target_before(text, window_start, group[0][0].start, action.start, targets, group[-1][0].end) or chosen
            if not chosen:  # "a partial mu agonist": the target inside the action's words
                chosen = [(t, text[t.start : t.end]) for t in targets if action.start <= t.start and t.end <= action.end]
            if not group:
                group, chosen = _agent_after(text, action, limit, chosen, window_start, agents, references, doc, index)
            if not group:
                group, chosen = _examples(text, action, limit, chosen, window_start, targets, agents)
            if not group and previous and _SHARED_SUBJECT.fullmatch(text, window_start, action.start):
                group = previous[0]  # "MG is a partial agonist at MOR and an antagonist at KOR"
                elided = "agent"
            if group and not chosen and previous and _SHARED_OBJECT.match(text, action.end, limit):
                chosen = previous[1]  # "MG is an antagonist at KOR, whereas 7-OH is a partial agonist"
                elided = "target"
            if not group and chosen and lex.nominal.fullmatch(action.text(text)):
                # "activation of opioid receptors" with no agent in the clause: what the text is about
                antecedent = _antecedent(doc, index, action.start)
                if antecedent:
                    group, elided = [antecedent], "agent"
        if not chosen or not group:
            continue
        if _UNKNOWN.match(text, chosen[-1][0].end, limit):
            continue  # "their effect on these enzymes is unknown" states no effect
        chosen, denied = _contrasted(text, chosen, targets, limit)
        previous = (group, chosen)
        target_end = max(chosen[-1][0].end, action.end, max(h.end for h, _ in group)) if elided != "target" else action.end
        effect_match = _EFFECT.match(text, target_end, e)
        effect = doc.text[effect_match.start("effect") : effect_match.end("effect")].strip() if effect_match else None
        stated = [(action, chosen, effect)]
        if effect_match:
            blocked_until = effect_match.end()
            # ", mimicking the effects of opioids": a participle that is itself an action on a
            # target states a second mechanism of the same agents.
            follow = lex.actions.first(text, effect_match.start("effect"), effect_match.end("effect"), words=words)
            if follow is not None and follow.start == effect_match.start("effect"):
                more = _target_chain(text, follow.end, effect_match.end("effect"), targets, target_refs, doc, index)
                if more:
                    stated.append((follow, more, None))
        if denied:
            out.extend(_records(doc, claim_id, group, action, denied, None, negation_start, action.start, elided, negated=True))
        for act, tgts, eff in stated:
            records = _records(doc, claim_id, group, act, tgts, eff, negation_start, action.start, elided)
            out.extend(records)
            if records and compared:
                # The comparison belongs to this clause, not to its effect: "..., providing relief similar to opioids"
                clause = _CLAUSE_END.search(text, target_end, effect_match.start() if effect_match else limit)
                clause_end = clause.start() if clause else effect_match.start() if effect_match else limit
                out.extend(_compared_records(doc, claim_id, group, act, tgts, compared, clause_end, records[0].negated))
        window_start = max(target_end, action.end)
    return out


def _contrasted(text: str, chosen, targets, limit: int):
    """Targets set against the chosen ones: "acting on calcium channels rather than opioid receptors"
    denies the second ("instead of", "but not"); "not just opioid receptors" adds it. Returns the
    chosen targets and the denied ones."""
    last = chosen[-1][0]
    contrast = _CONTRAST.match(text, last.end, limit)
    if not contrast:
        return chosen, []
    following = [t for t in targets if t.start == contrast.end()]
    if not following:
        return chosen, []
    more = _chain_back(text, [t for t in targets if t.start >= following[0].start], _chain_forward(text, targets, following[0]))
    if contrast.group("adds"):
        return chosen + more, []
    return chosen, more


def _chain_forward(text: str, targets, first):
    """The last target coordinated after ``first`` ("opioid, adrenergic and GABA receptors")."""
    last = first
    for nxt in (t for t in targets if t.start >= first.end):
        if not _CHAIN.fullmatch(text, last.end, nxt.start):
            break
        last = nxt
    return last


def _compared(text: str, start: int, hit: Hit) -> bool:
    """Whether a name stands in a comparison ("like other opioids", "than morphine", "as other
    opioids do") rather than as the subject of its clause."""
    if _COMPARED.search(text, max(start, hit.start - 25), hit.start):
        return True
    return bool(_AS_BEFORE.search(text, max(start, hit.start - 25), hit.start) and _DOES_AFTER.match(text, hit.end))


def _compared_records(doc, claim_id, group, action, chosen, compared, clause_end, negated) -> list[Mechanism]:
    """What a comparison asserts of the name it compares with: "binds MOR more tightly than
    morphine" and "suppresses REM sleep, as other opioids do" state the same action of morphine and
    the opioids; "unlike morphine, MG does not recruit β-arrestin" states that morphine does."""
    text = doc.flat
    first = min(group[0][0].start, action.start)
    named = {agent for _, agent in group}
    out = []
    if _POTENCY.search(action.text(text)):
        return []  # "far more potent at MOR than mitragynine" ranks the two; it states no action of the second
    for hit in compared:
        if not first <= hit.start < clause_end or hit.label in named or _NOT_COMPARED.search(text, first, hit.start):
            continue
        unlike = _UNLIKE.search(text, max(0, hit.start - 25), hit.start) is not None
        if unlike and not negated:
            continue  # "Unlike morphine, MG is a partial agonist": what morphine is goes unsaid
        named.add(hit.label)
        out.extend(_records(doc, claim_id, [(hit, hit.label)], action, chosen, None, 0, 0, negated=False if unlike else negated))
    return out


def _records(
    doc: Document,
    claim_id: str,
    group,
    action: Hit,
    chosen,
    effect,
    negation_start: int,
    negation_end: int,
    elided: str | None = None,
    negated: bool | None = None,
) -> list[Mechanism]:
    """One record per agent and per target of one stated action.

    The span runs over the agent, the action and the target as this clause writes them: a part
    left to the clause before (``elided``) is recorded but not spanned.
    """
    text = doc.flat
    out = []
    denied = _NEITHER.search(text, max(0, group[0][0].start - 12), group[0][0].end) is not None  # "neither MG nor 7-OH induced"
    stated = negated
    for hit, agent in group:
        if stated is None:
            negated = denied or bool(_NEGATION.search(text, max(hit.end, negation_start) if hit.end <= negation_end else negation_start, negation_end))
        for tgt, _ in chosen:
            for name, ttype in tgt.names:
                parts = [action, *([hit] if elided != "agent" else []), *([tgt] if elided != "target" else [])]
                start = min(p.start for p in parts)
                end = max(p.end for p in parts)
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


def _after_actions(text: str, targets: list[_Target], actions: list[Hit]) -> list[_Target]:
    """Targets cut to begin after an action that ends inside them: "blocks the release of
    noradrenaline" is an action on "noradrenaline", not on words the action already holds."""
    out = []
    for t in targets:
        for a in actions:
            if a.start < t.start < a.end < t.end:
                t = _Target(a.end + len(text[a.end : t.end]) - len(text[a.end : t.end].lstrip()), t.end, t.names)
        out.append(t)
    return out


def _inside_any(hit: Hit, spans) -> bool:
    return any(span.start <= hit.start and hit.end <= span.end for span in spans)


def _overlaps_any(hit: Hit, spans) -> bool:
    return any(hit.start < span.end and span.start < hit.end for span in spans)


def _target_chain(text, start, limit, targets, target_refs, doc, index):
    """The target right after the action, plus any coordinated with it ("serotonin and dopamine")."""
    candidates = [t for t in targets if start <= t.start < limit]
    refs = [r for r in target_refs if start <= r.start < limit]
    first_ref = refs[0] if refs else None
    if candidates and (first_ref is None or candidates[0].start < first_ref.start):
        first = candidates[0]
        if first.start - start > _TARGET_GAP or _CLAUSE_BREAK.search(text, start, first.start):
            return []
        chain = [(first, text[first.start : first.end])]
        for nxt in candidates[1:]:
            if not _CHAIN.fullmatch(text[chain[-1][0].end : nxt.start]):
                break
            chain.append((nxt, text[nxt.start : nxt.end]))
        return chain
    if first_ref and first_ref.start - start <= _TARGET_GAP:
        plural = _lexicon().plural_targets.fullmatch(first_ref.text(text)) is not None
        resolved = _resolve_target(doc, index, first_ref.start, plural=plural, target_type=first_ref.info.get("target_type"))
        if resolved:
            return [(_Target(first_ref.start, first_ref.end, resolved.names), text[first_ref.start : first_ref.end])]
    return []


def _chain_back(text, targets, last):
    """``last`` plus the targets coordinated before it ("kappa and delta ...")."""
    chain = [last]
    for prev in reversed([t for t in targets if t.end <= last.start]):
        if not _CHAIN.fullmatch(text[prev.end : chain[0].start]):
            break
        chain.insert(0, prev)
    return [(t, text[t.start : t.end]) for t in chain]


def _target_before(text, window_start, agent_start, action_start, targets, agent_end=None):
    """A target stated before the action: fronted ("At the mu-opioid receptor MG acts as ...") or
    as the action noun's modifier ("a weak mu-opioid partial agonist")."""
    adjacent = [t for t in targets if t.end <= action_start and re.fullmatch(r"\s*", text[t.end : action_start])]
    if adjacent and adjacent[-1].start >= (agent_start if agent_end is None else agent_end):
        return _chain_back(text, targets, adjacent[-1])
    fronted = [t for t in targets if window_start <= t.start and t.end <= agent_start]
    if fronted and _FRONTED.search(text[window_start : fronted[0].start]):
        last = fronted[0]
        for nxt in fronted[1:]:
            if _CHAIN.fullmatch(text[last.end : nxt.start]):
                last = nxt
        return _chain_back(text, targets, last)
    return []


def _passive(text, action, limit, targets, agents, window_start, target_refs=(), doc=None, index=0):
    """``<target> is activated by <agent>``: the agent after "by", the target before the verb; also
    a reduced relative, "the receptor targeted by morphine and heroin"."""
    by = _PASSIVE_AFTER.match(text, action.end, limit)
    if not by:
        return None
    before = [t for t in targets if window_start <= t.start and t.end <= action.start]
    refs = [r for r in target_refs if window_start <= r.start and r.end <= action.start and (not before or r.start > before[-1].end)]
    chosen = _chain_back(text, targets, before[-1]) if before else []
    if refs and doc is not None:  # "the same receptor targeted by morphine"
        resolved = _resolve_target(doc, index, refs[-1].start)
        if resolved:
            before.append(_Target(refs[-1].start, refs[-1].end, resolved.names))
            chosen = [(before[-1], text[refs[-1].start : refs[-1].end])]
    if not before:
        return None
    reduced = action.text(text).lower().endswith("ed") and not text[before[-1].end : action.start].strip()
    if not reduced and not _PASSIVE_BEFORE.search(text[max(window_start, action.start - 30) : action.start]):
        return None
    after = [h for h in agents if h.start == by.end()]
    if not after:
        return None
    group = [after[0]]
    for nxt in agents:
        if nxt.start > group[-1].end and _CHAIN.fullmatch(text, group[-1].end, nxt.start):
            group.append(nxt)
    return [(h, h.label) for h in group], chosen


def _agent_after(text, action, limit, chosen, window_start, agents, references, doc, index):
    """An agent named after its action: a nominalisation ("the binding of MG to MOR",
    "inhibition of CYP2D6 by kratom") or an adverbial clause ("By binding to these receptors,
    the alkaloids ..."). Returns ``(group, targets)``, empty when neither form is there."""
    of = _OF_AGENT.match(text, action.end, limit)
    if of:
        group = _agent_at(of.end(), agents, references, doc, index)
        if group:
            targets = [t for t in chosen if t[0].start >= group[0][0].end] or chosen
            return group, targets
    if chosen:
        by = _BY_AGENT.match(text, chosen[-1][0].end, limit)
        if by:
            group = _agent_at(by.end(), agents, references, doc, index)
            if group:
                return group, chosen
        lead = text[window_start : action.start]
        if _ADVERBIAL.search(lead) or (not lead.strip(" \t\"“‘'") and action.text(text).lower().endswith("ing")):
            comma = _MAIN_SUBJECT.match(text, chosen[-1][0].end)
            if comma:
                group = _agent_at(comma.end(), agents, references, doc, index)
                if group:
                    return group, chosen
    return [], chosen


def _examples(text, action, limit, chosen, window_start, targets, agents):
    """Agents given as examples of a role noun: "strong CYP3A4 inhibitors such as ketoconazole or
    clarithromycin", "inhibitors of this enzyme (e.g. ketoconazole)". Returns ``(group, targets)``."""
    if not _ROLE_NOUN.search(action.text(text)):
        return [], chosen
    chosen = chosen or _target_before(text, window_start, window_start, action.start, targets)
    example = _EXAMPLE.match(text, chosen[-1][0].end if chosen and chosen[-1][0].start > action.start else action.end, limit) if chosen else None
    if not example:
        return [], chosen
    group = [h for h in agents if h.start == example.end()][:1]
    for nxt in agents:
        if group and nxt.start > group[-1].end and _CHAIN.fullmatch(text, group[-1].end, nxt.start):
            group.append(nxt)
    return [(h, h.label) for h in group], chosen


def _agent_at(offset, agents, references, doc, index):
    """The agent (or a reference resolved to one or, if plural, several) that starts at ``offset``,
    as a list of ``(hit, agent)``.

    An article before it is skipped unless the agent's own words hold it ("the alkaloids")."""
    article = _ARTICLE.match(doc.flat, offset)
    starts = (offset, article.end()) if article else (offset,)
    for hit in agents:
        if hit.start in starts:
            return [(hit, hit.label)]
    for hit in references:
        if hit.start in starts:
            plural = _lexicon().plural.fullmatch(hit.text(doc.flat)) is not None
            return [(hit, agent) for agent in _resolve_agents(doc, index, hit, plural=plural)]
    return []


def _agent_group(text, window_start, action_start, agents, references, doc, index):
    """The agent(s) before the action: the nearest, plus any coordinated or appositive with it."""
    before = [h for h in agents if window_start <= h.start and h.end <= action_start]
    refs = [h for h in references if window_start <= h.start and h.end <= action_start]
    nearest_ref = refs[-1] if refs else None
    if before and (nearest_ref is None or before[-1].start > nearest_ref.start):
        nearest = before[-1]
        if action_start - nearest.end > _AGENT_GAP:
            return []
        group = [nearest]
        for prev in reversed(before[:-1]):
            gap = text[prev.end : group[0].start]
            if _CHAIN.fullmatch(gap) or (prev.label == group[0].label and "." not in gap):
                group.insert(0, prev)
            else:
                break
        if group[0] is before[-1] and len(before) > 1 and _IN_PHRASE.search(text, max(0, nearest.start - 12), nearest.start):
            outer = before[-2]
            if _APPOSITIVE.fullmatch(text, outer.end, action_start):  # "Mitragynine, the main alkaloid in kratom, is"
                group = [outer]
        specific = [h for h in group if not h.info.get("generic") and h.label != "kratom"]
        if specific:
            group = specific
        else:
            group = [group[0]]
        return [(h, h.label) for h in group]
    if nearest_ref and action_start - nearest_ref.end <= _AGENT_GAP:
        # A relative pronoun takes the whole noun phrase before it: "diphenhydramine or doxylamine, which block".
        plural = _lexicon().plural.fullmatch(nearest_ref.text(text)) is not None or _RELATIVE.fullmatch(nearest_ref.text(text)) is not None
        return [(nearest_ref, agent) for agent in _resolve_agents(doc, index, nearest_ref, plural=plural)]
    return []


def _resolve_agents(doc: Document, index: int, reference: Hit, *, plural: bool) -> list[str]:
    """What ``reference`` points back to: the latest agent named in the sentence or the sentences
    before it (the paragraph, or the last sentence of the one before); for a plural reference
    ("they", "both alkaloids") every agent coordinated with it ("MG and 7-OH"), or failing that the
    distinct alkaloids and drugs of that sentence. "The alkaloid" points back to an alkaloid only."""
    text = doc.flat
    for start, end in looking_back(doc, index, reference.start, list_items=1):
        hits = _referable(reference, _named_agents(text, start, end), text)
        if not hits:
            continue
        group = [hits[-1]]
        if plural:
            for prev in reversed(hits[:-1]):
                if not _CHAIN.fullmatch(text, prev.end, group[0].start):
                    break
                group.insert(0, prev)
            if len(group) == 1 and _PAIR.match(text, reference.start):  # "Both alkaloids": the last two named
                others = [h for h in hits if h.label != group[0].label]
                group = others[-1:] + group
            elif len(group) == 1:  # "MG makes up most of it, while 7-OH is a trace. They both ..."
                group = [h for h in hits if not h.info.get("generic") and h.label != "kratom"][-3:] or group
        return list(dict.fromkeys(h.label for h in group))
    return []


def _referable(reference: Hit | None, hits: list[Hit], text: str) -> list[Hit]:
    """The agents ``reference`` can name: "this alkaloid" only an alkaloid, "it" any agent; a name
    inside a prepositional phrase ("one of the alkaloids in kratom leaf") only when no other is there."""
    salient = [h for h in hits if not _IN_PHRASE.search(text, max(0, h.start - 12), h.start)]
    hits = salient or hits
    if reference is not None and _SINGULAR.fullmatch(reference.text(text)):  # "it" is not "the alkaloids in kratom"
        hits = [h for h in hits if not (h.info.get("generic") and _PLURAL_NAME.search(h.text(text)))] or hits
    if reference is None or "alkaloid" not in reference.text(text).lower():
        return hits
    alkaloids = _lexicon().alkaloids
    singular = "alkaloids" not in reference.text(text).lower()  # "the alkaloid" is one of them, not the plant's
    return [h for h in hits if h.label in alkaloids and not (singular and h.label == "kratom")]


def _named_agents(text: str, start: int, end: int):
    """Agents named in ``text[start:end]`` that a reference can point back to: not a name inside a
    target ("melatonin levels") or in a comparison ("unlike morphine")."""
    targets = _targets(text, start, end)
    return [
        h
        for h in _agents(text, start, end)
        if not _inside_longer(h, targets) and not _COMPARED.search(text, max(start, h.start - 25), h.start)
    ]


def _agents(text: str, start: int, end: int, words: int | None = None) -> list[Hit]:
    """Agents named in ``text[start:end]``; one named as written (lexicon label ``*``: a drug, a
    minor alkaloid) is labelled by its own words in lower case."""
    return [h._replace(label=" ".join(h.text(text).lower().split())) if h.label == "*" else h for h in _lexicon().agents.find(text, start, end, words=words)]


def _inside_longer(hit: Hit, targets) -> bool:
    """Whether a name lies inside a longer target ("melatonin production"); the same word as a whole
    target ("melatonin") may still be an agent."""
    return any(t.start <= hit.start and hit.end <= t.end and (t.start, t.end) != (hit.start, hit.end) for t in targets)


def _antecedent(doc: Document, index: int, offset: int, reference: Hit | None = None):
    """The latest agent named before ``offset`` (in the sentence or the ones before) that
    ``reference`` can name, as ``(hit, agent)``."""
    text = doc.flat
    for start, end in looking_back(doc, index, offset, list_items=1):
        hits = _referable(reference, _named_agents(text, start, end), text)
        if hits:
            return hits[-1], hits[-1].label
    return None


def _resolve_target(doc: Document, index: int, offset: int, *, plural: bool = False, target_type: str | None = None) -> _Target | None:
    """Latest target named before ``offset`` in the sentence or the paragraph's earlier sentences;
    for a plural reference ("these enzymes") every target of its type named there ("an inhibitor
    of CYP2D6 and a weaker inhibitor of CYP3A4"), or else every target coordinated with the last."""
    for start, end in looking_back(doc, index, offset, list_items=3):
        found = _targets(doc.flat, start, end)
        if found:
            typed = [t for t in found if any(ttype == target_type for _, ttype in t.names)] if plural else []
            chain = typed if len(typed) > 1 else [t for t, _ in _chain_back(doc.flat, found, found[-1])] if plural else [found[-1]]
            names = tuple(dict.fromkeys(name for t in chain for name in t.names))
            return _Target(chain[-1].start, chain[-1].end, names)
    return None
