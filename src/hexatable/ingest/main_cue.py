"""The main cue of a clause: the cue that splits its actors from its targets (rule 3 of
:mod:`hexatable.ingest.extract`).

:func:`main_cue` takes the first cue after the clause's first actor, passing over cues a Chinese
title, an adverbial stretch or an English subordinate clause holds (:func:`zh_main_verbs`); the cue
that finally types the event may be a later one (:mod:`hexatable.ingest.event_cue`). Two tests say
when a clause without a cue opens with a subject that is no party (:func:`not_cue_subject`,
:func:`en_unknown_subject`), so its names make no event. Pure."""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence

from hexatable.ingest.clauses import en_subordinate_stretches, zh_subordinate_stretches
from hexatable.ingest.cue_codes import NO_CUE_CAMEO
from hexatable.ingest.en_negation import en_judged_past, en_modal_negated
from hexatable.ingest.offsets import OffsetIndex
from hexatable.ingest.parties import (
    EN_AGENT,
    EN_DOING_PARTICIPLE,
    EN_PASSIVE,
    EN_SAYING_AFTER,
    ZH_NOUN_JOINT,
    en_inverted_speaker,
    en_quoted_speaker,
    en_under_fire,
    zh_received,
)
from hexatable.ingest.types import ActorMention, Cue, Lang
from hexatable.ingest.zh_spans import zh_fences, zh_reasons_in
from hexatable.ingest.zh_subjects import zh_modifies


def not_cue_subject(
    flat: str,
    start: int,
    first_actor: int,
    known: Sequence[ActorMention],
    not_cues: Sequence[tuple[Lang, str]],
    lang: Lang,
) -> bool:
    """Whether a cue-less clause opens with a phrase the verb dictionary says is no cue (its
    ``not_cues``: "the sanctions committee", 制裁委员会) before its first actor and with no name
    right after it: that phrase is the clause's subject, no party, so the name later in the clause
    ("added five North Korean companies to its list") is no actor of a statement. Read as a cue,
    the phrase's noun would leave its clause with no actor, so no event; as a not-cue it must not
    turn the clause into one. "Secretary of State Clinton" (a name right
    after the phrase) is the clause's subject still."""
    stretch = flat[start:first_actor]
    text = stretch.lower() if lang == "en" else stretch
    for not_lang, phrase in not_cues:
        if not_lang != lang:
            continue
        # English: whole words ("the state" is no phrase of "the statement")
        at = _en_word_find(text, phrase.lower()) if lang == "en" else text.find(phrase)
        if at < 0:
            continue
        after = start + at + len(phrase)
        gap = flat[after:first_actor]
        if not any(m.start == after + len(gap) - len(gap.lstrip()) for m in known):
            return True
    return False


def _en_word_find(text: str, phrase: str) -> int:
    """Where ``phrase`` first stands in ``text`` as whole words (no letter or digit right before or
    after it), or -1. A plain substring test first: most phrases stand nowhere in the stretch."""
    if phrase not in text:
        return -1
    found = re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", text)
    return found.start() if found is not None else -1


_EN_AGENT_BEFORE = re.compile(
    rf"\b(?:was|were|is|are|been|being|be)\s+(?:\w+ly\s+)?{EN_DOING_PARTICIPLE}\s+by\s+(?:the\s+)?$",
    re.IGNORECASE,
)
"""A passive and its "by" right before a name ("the resolution was adopted by the Security Council"): the
name is the agent, who acts, when its participle says the doing of the subject
(:data:`EN_DOING_PARTICIPLE`)."""


_EN_NOUN_AFTER = re.compile(
    r"-|\s+(?!(?:for|on|at|along|across|in|near|until|till|and|or|but|as|after|before|during|since|while"
    r"|despite|over|against|toward|towards|throughout|today|yesterday|again|now|briefly|temporarily"
    r"|overnight|once|later|the|a|an|its|their|that|which|when|amid|following)\b)[a-z]",
    re.IGNORECASE,
)
"""A noun right after a bare "hold fire" ("held fire talks", "fire-safety"): not a preposition, an
adverb, a conjunction or a determiner ("held fire for two days", "holds fire.")."""


def en_unknown_subject(flat: str, start: int, first_actor: int) -> bool:
    """Whether a cue-less English clause opens with a subject no gazetteer knows and its verb before
    its first name: "The committee added North Korean companies to its list" names the
    committee as the one who acts and North Korea only in the object, so the name is no actor and the
    clause no event (the case's events need an actor: one with none is not allowed, and giving the
    act to the name after the verb would be wrong). The stretch after the clause's last comma before
    the name is a determiner and at least two lower-case words (a noun and its verb), the last no
    preposition or conjunction ("the delegates from North Korea", "the talks and North Korea" keep
    the name in the subject). The last word must read as a verb, not as a modifier of
    the name (:func:`_en_prenominal`): "the newly elected South Korean president took office" and
    "the last remaining US troops left" have the name inside their subject, and act."""
    stretch = flat[start:first_actor]
    stretch = stretch[stretch.rfind(",") + 1 :]
    if _EN_AGENT_BEFORE.search(stretch):
        return False  # "the statement was issued by Japan": the passive's agent acts
    found = _EN_UNKNOWN_SUBJECT.fullmatch(stretch)
    if found is None:
        return False
    last = found.group("last").lower()
    before = found.group("before").split()
    return last not in _EN_LINKS and not _en_prenominal(last, before[-1].lower() if before else "")


def _en_prenominal(word: str, before: str) -> bool:
    """Whether ``word`` right before a name (after ``before``) modifies the name rather than being
    the subject's verb: an -ing form ("the last remaining US troops"), a participle after an -ly
    adverb ("the newly elected South Korean president"), or an adjective of :data:`_EN_PRENOMINAL`
    ("the former North Korean envoy"). A verb in -ing after "is" is read as a modifier too: the
    clause then keeps its event."""
    return word.endswith("ing") or before.endswith("ly") or word in _EN_PRENOMINAL


_EN_UNKNOWN_SUBJECT = re.compile(
    r"\s*(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Ii]ts)\s+(?P<before>(?:[a-z][\w-]*\s+)+?)(?P<last>[a-z][\w-]*)\s+"
)
_EN_LINKS = frozenset(
    [
        "of",
        "from",
        "in",
        "at",
        "on",
        "to",
        "for",
        "with",
        "by",
        "and",
        "or",
        "between",
        "among",
        "about",
        "against",
        "near",
        "as",
        "than",
    ]
)
"""Prepositions and conjunctions: a name after them is still inside the subject's noun phrase."""
_EN_PRENOMINAL = frozenset(
    ["new", "former", "last", "first", "top", "senior", "chief", "current", "then", "other", "same", "acting"]
)
"""Adjectives that stand before a name used as a modifier ("the former North Korean envoy")."""


def main_cue(
    cues: Sequence[Cue],
    actors: Sequence[ActorMention],
    flat: str = "",
    lang: Lang = "en",
    span: tuple[int, int] = (0, 0),
) -> Cue | None:
    """The cue that types a clause (rule 3): the first after the clause's first actor, else the
    first. In Chinese (rule 3b) a cue in a document title or an adverbial stretch is passed over when
    the clause has another, and so is a cue right after 的 (a noun: 美国的提议) when a later one
    remains. In English (rule 3e) a clause whose first name is the speaker of an inverted
    attribution ('"…," said Hill') with no cue after it has that verb of saying as its main cue. It
    splits actors from targets; the cue that types the event may be a later one
    (:func:`hexatable.ingest.event_cue.zh_event_cue`)."""
    if lang == "zh" and cues:
        cues = zh_main_verbs(flat, span, cues)
    elif lang == "en" and cues and flat:
        scene = en_subordinate_stretches(flat, span)
        cues = [c for c in cues if not any(low <= c.start < high for low, high in scene)] or list(cues)
        # "came under fire from Peru (over its remarks)": 19 (11); from nobody named: no act
        cues = [u for u in (en_under_fire(flat, c, actors) for c in cues) if u is not None]
        # "held fire talks", "hold fire-safety drills": "fire" is a noun's modifier, no fire held
        cues = [c for c in cues if not (c.entry.lower() == "hold fire" and _EN_NOUN_AFTER.match(flat, c.end))]
    if not cues:
        return None
    if lang == "en" and flat:
        # a passive with its agent whose subject is no party ("the reporters were arrested by North
        # Korea"): the participle is the clause's verb, not a noun cue before it ("the talks were …")
        passive = [
            c
            for c in cues
            if EN_PASSIVE.search(flat, max(0, c.start - 30), c.start) and EN_AGENT.match(flat, c.end)
        ]
        # ", Japan said" after the passive: the name's report keeps its verb of saying
        reported = bool(passive) and any(
            a.start > passive[0].end and EN_SAYING_AFTER.match(flat, a.end) for a in actors
        )
        if passive and not reported and not any(a.end <= passive[0].start for a in actors):
            return passive[0]
    main = min(cues, key=lambda c: (c.start, -c.weight))
    if lang == "en" and flat and actors:
        # rule 3e: '"North Korea must return to the talks," said Hill': the verb of saying
        by_offset = OffsetIndex(actors)  # once for all the cues: a long clause has many
        spoken = [c for c in cues if en_quoted_speaker(flat, c, actors, by_offset) is not None]
        if spoken:
            return spoken[0]
        if en_modal_negated(flat, main) and not en_judged_past(flat, main):
            # rule 3d/3e: "Russia should never attend the talks, Japan said": what ought not to be
            # done is Japan's statement (01), so the verb of saying after Japan is the clause's verb
            saying = [
                c
                for c in cues
                if c.cameo == NO_CUE_CAMEO
                and any(
                    a.start > main.end and EN_SAYING_AFTER.match(flat, a.end) and a.end < c.start
                    for a in actors
                )
            ]
            if saying:
                return saying[0]
    if actors:
        after = [c for c in cues if c.start >= actors[0].end]
        if lang == "zh":
            # a cue right after 的 is a noun owned by the name before it (美国的提议遭到中国反对:
            # the proposal is no act; 反对 is), passed over when a later cue remains
            verbs = [c for c in after if flat[c.start - 1 : c.start] != "的"]
            after = verbs or after
            # an act noun received (赢得韩国支持后批评朝鲜) is no act when a later cue remains
            last = max(c.start for c in after) if after else -1
            by_end: dict[int, list[int]] = {}
            for m in actors:
                by_end.setdefault(m.end, []).append(m.start)
            received: list[Cue] = []
            for c in sorted(cues, key=lambda c: c.start):
                # 获得中国的援助和支持: an act noun joined to a received one by 和/及/、 is received too
                joined = ZH_NOUN_JOINT.search(flat, max(0, c.start - 2), c.start)
                if zh_received(flat, c, by_end) or (
                    joined is not None and any(r.end == joined.start() for r in received)
                ):
                    received.append(c)
            acts = [c for c in after if not (c.start < last and c in received)]
            after = acts or after
        if after:
            main = min(after, key=lambda c: (c.start, -c.weight))
        elif lang == "en" and flat:
            inverted = [c for c in cues if en_inverted_speaker(flat, c, actors[:1]) is not None]
            main = inverted[-1] if inverted else main
    return main


_ZH_TITLE = re.compile(r"《[^《》]*》")


@functools.lru_cache(maxsize=4)
def _zh_titles(flat: str) -> tuple[tuple[int, int], ...]:
    """The spans of the 《titles》 of a sentence, found once per sentence (its clauses ask in turn)."""
    return tuple((m.start(), m.end()) for m in _ZH_TITLE.finditer(flat))


def _zh_titles_near(flat: str, span: tuple[int, int], cues: Sequence[Cue]) -> list[tuple[int, int]]:
    """The titles of ``flat`` that reach into the stretch from ``span`` and ``cues`` (whichever starts
    first) to whichever ends last: only those can hold one of the cues."""
    low = min([span[0], *(c.start for c in cues)])
    high = max([span[1], *(c.end for c in cues)])
    titles = _zh_titles(flat)
    first = bisect.bisect_left(titles, (low, -1))
    # a title starting before ``low`` may still reach into the stretch: titles do not nest, so only
    # the one just before can
    near: list[tuple[int, int]] = []
    for title in titles[max(0, first - 1) :]:
        if title[0] >= high:
            break
        if title[1] > low:
            near.append(title)
    return near


def zh_main_verbs(
    flat: str, span: tuple[int, int], cues: Sequence[Cue], modifiers: bool = False
) -> list[Cue]:
    """The cues that can be a clause's main verb (rule 3b): not inside a title in 《》 (a treaty or a
    plan named, 《不扩散核武器条约》), nor inside an adverbial stretch ("在六方会谈中，朝鲜要求…": the
    talks set the scene, the demand is the act); with ``modifiers``, nor a cue that describes a noun
    (rule 3d, :func:`hexatable.ingest.zh_subjects.zh_modifies`); all of them when that leaves none."""
    fenced = _zh_titles_near(flat, span, cues)
    fenced += zh_subordinate_stretches(flat, span)
    fenced += zh_reasons_in(flat, *span)  # rule 3d (vi): the reason is no act, nor splits the parties
    if modifiers:
        low = min((c.start for c in cues), default=span[0])
        fenced += zh_fences(flat, low, max((c.end for c in cues), default=span[1]))
    # a cue is fenced when a span starting at or before it reaches past its end: the spans sorted by
    # start and the furthest end so far answer that with one search per cue (long sentences)
    fenced.sort()
    lows = [low for low, _ in fenced]
    reach: list[int] = []
    for _, high in fenced:
        reach.append(max(high, reach[-1]) if reach else high)

    def inside(cue: Cue) -> bool:
        k = bisect.bisect_right(lows, cue.start)
        return k > 0 and reach[k - 1] >= cue.end

    kept = [c for c in cues if not inside(c) and not (modifiers and zh_modifies(flat, c))]
    return kept or list(cues)
