"""The cue that types an event (rules 3b, 3d and 3g of :mod:`hexatable.ingest.extract`).

Starting from a clause's main cue (:mod:`hexatable.ingest.main_cue`), :func:`zh_event_cue` and
:func:`en_event_cue` move to the act a statement reports, code a negated act as its refusal, and
code a statement by its content (a threat, a condition, an insult) or a resolution by the sanctions
it imposes; :func:`zh_epithet_given` finds a label of insult in a Chinese clause without a cue.
The finer rules live in :mod:`hexatable.ingest.cue_choice` and
:mod:`hexatable.ingest.statement_content`; this module applies them in order. Pure."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from hexatable.ingest.cue_choice import zh_announced_meeting, zh_predicate
from hexatable.ingest.cue_codes import NO_CUE_CAMEO, SAYING_WEIGHT, refused
from hexatable.ingest.en_negation import en_in_relative, en_judged_past, en_modal_negated, en_negated
from hexatable.ingest.own_act import INTENT_CODES, en_own_act
from hexatable.ingest.resolutions import read_resolution, zh_adoption
from hexatable.ingest.sanctions_halting import halted
from hexatable.ingest.statement_content import (
    SENTENCE_END,
    STATEMENT_REACH,
    en_epithet,
    en_stated_condition,
    zh_cannot,
    zh_conditional,
    zh_epithet,
    zh_hoped_outcome,
    zh_hoped_stretch,
    zh_optimism,
    zh_stated_condition,
)
from hexatable.ingest.types import ActorMention, Cue
from hexatable.ingest.zh_negation import zh_modal_negated, zh_negated, zh_negation
from hexatable.ingest.zh_spans import zh_carried, zh_in_reason, zh_in_topic
from hexatable.ingest.zh_subjects import zh_in_time_clause, zh_subject_like, zh_subject_modifier


def zh_event_cue(
    flat: str,
    main: Cue,
    said: Sequence[Cue],
    cues: Sequence[Cue],
    mentions: Sequence[ActorMention],
    speakers: frozenset[str],
    subject: ActorMention | None = None,
    span: tuple[int, int] = (0, 0),
) -> Cue:
    """The cue that types a Chinese event (rules 3b and 3c), from the clause's ``main`` cue (which
    split actors from targets), its candidate cues ``said``
    (:func:`hexatable.ingest.main_cue.zh_main_verbs` with modifiers passed over) and all its
    ``cues``. A main cue that describes a noun gives way to the next candidate, unless
    it is the ``subject``'s own act (韩国向朝鲜运送的重油:
    :func:`hexatable.ingest.zh_subjects.zh_subject_modifier`); a light verb after a topic phrase to
    the act it carries (:func:`hexatable.ingest.zh_spans.zh_carried`); a verb of saying to the
    speaker's reported act (:func:`_zh_reported_act`); a meeting noun to its predicate (会谈被推迟); and a
    negated act of cooperation is coded as its rejection (:func:`hexatable.ingest.cue_codes.refused`)."""
    adopted = zh_adoption(flat, *span)
    if adopted is not None and (
        main.cameo in (NO_CUE_CAMEO, 4) or main not in said or adopted.start < main.start
    ):
        return adopted  # rule 3d: the meeting or the speaker adopts an agreed text (057)
    resolution = read_resolution(flat, span[0], span[1], cues, "zh", subject, mentions)
    imposed = resolution.imposed  # read once: its declined sanctions are used below
    if imposed is not None:
        return imposed  # rule 3d (v): a resolution is coded by the sanctions it imposes (163)
    names = [(m.start, m.end) for m in mentions]
    topic = zh_in_topic(flat, main)
    own = (
        subject is not None
        and not topic
        and not zh_in_reason(flat, main)
        and zh_subject_modifier(flat, (subject.start, subject.end), main, names)
    )
    if main not in said and not own:
        later = [c for c in said if c.start >= main.end]
        if later:
            main = min(later, key=lambda c: (c.start, -c.weight))
    main = zh_carried(flat, main, said)  # 针对…提出抗议: the protest, not the light verb
    act = _zh_reported_act(flat, main, said, mentions, speakers)
    if act is not main:
        return act
    act = halted(flat, zh_predicate(flat, main, said), cues)
    others = [(m.start, m.end) for m in mentions if m.actor not in speakers]
    conditional = zh_conditional(flat, act, said, others)
    if conditional is not None:
        return conditional  # rule 3g: a threat or a precondition (如果…就不会参加: 13)
    declined = resolution.declined
    if any(act.start == d.start for d in declined):
        # rule 3d (v): 通过决议，不对朝鲜实施新的制裁 adopts a resolution without sanctions,
        # coded by the next act (并谴责朝鲜: 111), else a statement
        act = _after_declined(act, said, declined)
        if act.cameo == NO_CUE_CAMEO:
            return act
    if act.cameo != NO_CUE_CAMEO and zh_negated(flat, act, said):
        return replace(act, cameo=refused(act.cameo))
    if act.cameo != NO_CUE_CAMEO and zh_modal_negated(flat, act, said):
        # rule 3d: 美国不应与朝鲜谈判 says what the subject should (not) do; no act was done or
        # refused, so it is a statement (01), as a reported act under a modal 不 leaves the statement
        return replace(act, cameo=NO_CUE_CAMEO)
    if act.cameo == NO_CUE_CAMEO:
        return zh_epithet_given(flat, *span) or act  # rule 3g: 称其为“暴君” (111)
    return zh_hoped_outcome(flat, act, cues) or act  # rule 3g: 期待会谈取得成果 (013)


def zh_epithet_given(flat: str, start: int, end: int) -> Cue | None:
    """The insult of :func:`hexatable.ingest.statement_content.zh_epithet` in ``flat[start:end]``
    when it is given (rule 3g (iv)), else None: not when its verb is negated ("美国不再
    将朝鲜称为“邪恶轴心”", "没有将…称为", 从未称…为: no label given, so no denunciation, 01) nor
    when the labelling is named as a thing (:data:`_ZH_NAMED_ACT`: "美国将朝鲜称为“邪恶轴心”一事，
    朝鲜至今耿耿于怀" is the topic of another party's feeling, no act of this clause)."""
    epithet = zh_epithet(flat, start, end)
    if epithet is None or zh_negation(flat, epithet, []) is not None:
        return None
    close = flat.find("”", epithet.end, end)
    if close >= 0 and _ZH_NAMED_ACT.match(flat, close + 1):
        return None
    return epithet


_ZH_NAMED_ACT = re.compile(r"一事|之事|的事|这件事|这一(?:做法|说法|言论)|的(?:做法|说法|言论|讲话|表态)")
"""Nouns after a quoted label that make the labelling a thing spoken of (…称为“邪恶轴心”一事)."""


def _after_declined(act: Cue, cues: Sequence[Cue], declined: Sequence[Cue]) -> Cue:
    """The act of a resolution whose sanctions ``act`` are ``declined`` (rule 3d (v)): the first of
    ``cues`` after ``act`` that is neither declined nor inside a declined cue, else ``act`` as a
    statement (01)."""
    spans = [(d.start, d.end) for d in declined]
    later = [
        c
        for c in cues
        if c.start >= act.end and c.cameo != NO_CUE_CAMEO and not any(a <= c.start < b for a, b in spans)
    ]
    if later:
        return min(later, key=lambda c: (c.start, -c.weight))
    return replace(act, cameo=NO_CUE_CAMEO)


def en_event_cue(
    flat: str,
    main: Cue,
    cues: Sequence[Cue],
    span: tuple[int, int] = (0, 0),
    actors: Sequence[ActorMention] = (),
    mentions: Sequence[ActorMention] = (),
) -> Cue:
    """The cue that types an English event (rule 3d): a main cue inside a relative clause set off by
    commas ("Kim, who visited Beijing last week, said ...") gives way to the first cue after it that is
    not in one; a negated act of cooperation ("did not attend", "will not sign") is coded as its
    rejection (:func:`hexatable.ingest.cue_codes.refused`). A statement whose content is a threat,
    a precondition or an insult, and a resolution that imposes sanctions, are coded by that content
    (rule 3g, :mod:`hexatable.ingest.statement_content`; rule 3d (v): read in the clause ``span``, for
    the resolution its first actor of ``actors`` adopts, no other name of ``mentions`` between)."""
    subject = actors[0] if actors else None
    resolution = read_resolution(flat, span[0], span[1], cues, "en", subject, mentions)
    imposed = resolution.imposed  # read once: its declined sanctions are used below
    if imposed is not None:
        return imposed
    speakers = {a.actor for a in actors}
    others = [(m.start, m.end) for m in mentions if m.actor not in speakers]
    stated = en_stated_condition(flat, main, cues, others)
    if stated is not None:
        return stated
    if main.cameo == NO_CUE_CAMEO:
        limit = min(len(flat), main.end + 2 * STATEMENT_REACH)
        said = SENTENCE_END["en"].search(flat, main.end, limit)
        epithet = en_epithet(flat, main.start, said.start() if said else limit)
        if epithet is not None:
            return epithet
    if en_in_relative(flat, main):
        later = [c for c in cues if c.start >= main.end and not en_in_relative(flat, c)]
        if later:
            main = min(later, key=lambda c: (c.start, -c.weight))
    own = en_own_act(flat, main, cues, span[1] or len(flat), mentions, speakers)
    if own is not main:
        return own  # rule 3e (iv): "announced its withdrawal" is the withdrawal (16)
    main = halted(flat, main, cues)
    declined = resolution.declined
    if any(main.start == d.start for d in declined):
        # rule 3d (v): "adopted a resolution that does not impose sanctions", coded by the
        # next act ("but condemns North Korea": 111), else a statement
        main = _after_declined(main, cues, declined)
        if main.cameo == NO_CUE_CAMEO:
            return main
    if en_judged_past(flat, main):
        return main  # rule 3d: "should never have criticized": the criticism was made (11)
    if en_modal_negated(flat, main):
        # rule 3d: "should not negotiate" says what ought not to be done: a statement (01), no refusal
        return replace(main, cameo=NO_CUE_CAMEO)
    if en_negated(flat, main):
        return replace(main, cameo=refused(main.cameo))
    return main


def _zh_reported_act(
    flat: str,
    main: Cue,
    cues: Sequence[Cue],
    mentions: Sequence[ActorMention] = (),
    speakers: frozenset[str] = frozenset(),
) -> Cue:
    """A verb of saying gives way to the speaker's own act that it reports (rule 3b): in
    "朝鲜宣布退出条约" the event is the withdrawal (16), not the announcement. The CAMEO codebook
    (Schrodt 2012, v1.1b3) keeps 010, "make statement, not specified below", for statements that no
    other category fits, so a statement of an act is coded by that act. The reported act is the
    first cue after the verb of saying in its clause whose code is not 01 and that no other party
    than the speakers (``speakers``: the clause's actors) is named before; when it is negated as a
    fact (未能达成协议 is no agreement, rule 3d) the statement stands, and when as a refusal (不会参加)
    it is the rejection of that act (:func:`hexatable.ingest.cue_codes.refused`). In
    "中方表示，美方同意会面" the agreement is the US's, and China's act is the statement. The first,
    not the strongest: a Chinese clause puts its head verb first and what it governs after it
    (愿意重返会谈 is an intent, 03, to meet; 要求美方解除制裁 a demand, 10), as rule 3 takes the first
    cue after the actor. Without one the statement stands."""
    if main.cameo != NO_CUE_CAMEO or main.weight > SAYING_WEIGHT:
        return main
    said = [
        c
        for c in cues
        if c.start >= main.end
        and c.cameo != NO_CUE_CAMEO
        and not any(
            main.end <= m.start < c.start
            and m.actor not in speakers
            and zh_subject_like(flat, m)
            and not zh_in_time_clause(flat, m, c, mentions)
            for m in mentions
        )
    ]
    others = [(m.start, m.end) for m in mentions if m.actor not in speakers]
    stated = zh_stated_condition(flat, main, cues, others)
    if stated is not None:
        return stated  # rule 3g: "称，如果美国…，就不会参加会谈" threatens (13)
    if zh_optimism(flat, main.end, cues):
        return main  # rule 3g: "表示，坚信会谈将取得成果" is an optimistic comment (013)
    hoped = zh_hoped_stretch(flat, min(said, key=lambda c: (c.start, -c.weight))) if said else None
    if hoped is not None and any(c.start >= hoped for c in said):
        # rule 3g: "希望会谈取得成果，并将继续参加会谈": the hope is a comment (013); the speaker's
        # own act after it codes the statement
        said = [c for c in said if c.start >= hoped]
    if not said:
        return main
    act = halted(flat, min(said, key=lambda c: (c.start, -c.weight)), cues)
    negation = zh_negation(flat, act, cues)
    if negation == "fact" and zh_cannot(flat, act):
        negation = "refusal"  # rule 3g: "称，不能与朝方接触" refuses contact (125)
    if negation in ("fact", "modal"):
        return main  # an act that did not happen, or only should not, is no act: the statement stands
    if negation == "refusal":
        # rule 3d: the speaker says it will not act ("朝方称，不会参加会谈"): a refusal
        return replace(act, cameo=refused(act.cameo))
    predicate = zh_predicate(flat, act, cues)
    if predicate is not act:
        # rule 3d: the act has a subject of its own ("谈判将推迟"): a decision reported, not an intent
        return predicate
    return _zh_intent(flat, main, act, mentions)


_ZH_INTENT = re.compile(r"(?:将(?![军领官士])|愿意?|准备|打算|决心)")


def _zh_intent(flat: str, saying: Cue, act: Cue, mentions: Sequence[ActorMention] = ()) -> Cue:
    """Rule 3b: a reported act announced for the future (将, 愿, 准备, 打算 between the verb of saying
    and the act, in one stretch: "朝方称，将参加会谈") is coded as the intent or threat it states
    (:data:`INTENT_CODES`); so is a meeting announced and not said to have happened ("朝鲜宣布重返会谈",
    036: :func:`hexatable.ingest.cue_choice.zh_announced_meeting`). The cue stays the act's, so a
    reviewer sees which verb it was. A 将 right
    before a name (``mentions``) is the object marker, as 把 ("宣布将朝鲜企业列入黑名单": the act is
    done, rule 3d), not the future."""
    between = flat[saying.end : act.start]
    cut = max(between.rfind(c) for c in "，,；;：:") + 1
    starts = {m.start for m in mentions}
    future = [
        m
        for m in _ZH_INTENT.finditer(between, cut)
        if not (m.group() == "将" and saying.end + m.end() in starts)
    ]
    if not future and not zh_announced_meeting(flat, saying, act):
        return act
    code = next((c for codes, c in INTENT_CODES.items() if act.cameo in codes), act.cameo)
    return replace(act, cameo=code)
