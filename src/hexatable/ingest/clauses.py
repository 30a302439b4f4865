"""Where a sentence's clauses begin and end, and which of them open with a subject of their own.

Extraction (:mod:`hexatable.ingest.extract`) makes at most one event per clause, so it first cuts
each sentence's flat text into clauses: at the dates that open one (rule 1), at the joints where a
new subject takes over (Chinese verb-initial clauses continue the subject before them, English ones
are cut at ", and", "while", ";"), it reads the date written right after a Chinese subject and the
dates listed with 、 before one verb, and it marks the adverbial stretches ("After talks on …", 在…时)
that set a scene rather than state the act. These rules read only the text and the mentions already
found in it, so they live here, apart from the choice of actors, cues and dates they feed.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from hexatable.ingest.cue_codes import NO_CUE_CAMEO, REJECT, SAYING_WEIGHT
from hexatable.ingest.dates import quoted_spans
from hexatable.ingest.dates_zh import BOUND_AFTER as _ZH_BOUND_AFTER  # the date finder's own bound words
from hexatable.ingest.gazetteer import zh_noun
from hexatable.ingest.offsets import OffsetIndex
from hexatable.ingest.reference import opens_with_reference
from hexatable.ingest.types import ActorMention, Cue, DateMention, Lang
from hexatable.ingest.verbs import IRREGULAR_PAST
from hexatable.ingest.zh_dictionary import jieba_dictionary
from hexatable.ingest.zh_passive import ZH_AGENT_MARKERS, ZH_PASSIVE_MARKERS, alternation
from hexatable.ingest.zh_subjects import zh_modifies

_OPENER = re.compile(
    r"(?:^|[，,；;：:、])(\s*(?:(?:and|but|then)\s+)?(?:(?:on|in|by|from|since)\s+)?)$", re.IGNORECASE
)
ZH_TOWARD = ("与", "同", "跟", "向", "对", "给")
CLAUSE_MARK = re.compile(r"[，,；;：:]")


def _clause_start(flat: str, position: int) -> int | None:
    """Where the clause a date at ``position`` opens begins (before "On" in "On May 9, ..."), or
    None when the date does not open a clause (rule 1)."""
    match = _OPENER.search(flat, max(0, position - 24), position)  # ^ matches only at 0 itself
    return None if match is None else match.start(1)


def split_clauses(flat: str, dates: Sequence[DateMention]) -> list[tuple[int, int, DateMention | None]]:
    """(start, end, own date) of each clause of a sentence (rules 1 and 2).

    Only dates that moved the date finder's running context (``anchor``) open a clause or date it;
    a plan ("将于6月12日"), a quoted date or a bound ("2003年以来") does neither. In English an
    earlier date than the narration's (rule ``…+back``: "met in early March" in a report of 16 March)
    does both, though it did not move the context: a news report narrates the past from its day of
    writing, so such a date is when its clause's act happened, not a detail of a later one.
    """
    anchors = [d for d in dates if (d.anchor or d.rule.endswith("+back")) and "+list" not in d.rule]
    opener_at: dict[int, DateMention] = {}
    for date in anchors:
        begins = _clause_start(flat, date.start)
        if begins is not None and begins not in opener_at:
            opener_at[begins] = date
    starts = sorted({0, *opener_at})
    clauses: list[tuple[int, int, DateMention | None]] = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(flat)
        own = opener_at.get(start)
        if own is None:
            inside = [d for d in anchors if start <= d.start < end]
            # a date in an English relative clause dates the clause only when nothing else does
            inside = inside or [d for d in dates if "+relative" in d.rule and start <= d.start < end]
            own = inside[0] if inside else None
        if own is not None and own.rule == "en-y-lead":
            own = _finer_in_entry(own, flat, dates, end)
        clauses.append((start, end, own))
    return clauses


_EN_SAID_OR_TO_COME = re.compile(
    r"\b(?:said|says|say|announced|declared|stated|told|warned|will|would|shall|plans?|planned|intends?"
    r"|agreed|decided|scheduled|expected)\b",
    re.IGNORECASE,
)
"""A verb of saying or a word of a plan between an entry's year and a later day: the day is the reported
or planned act's ("2006: North Korea said it would attend the talks on July 5"), not the entry's."""


_EN_SAID_ON = re.compile(r"(?:said|announced|declared|stated|told|warned)\s+(?:on|in)\s+", re.IGNORECASE)
"""A verb of saying right before "on" or "in" and a date: the date is the saying's, which dates the
statement ("2006: Iran announced on January 10 that it would resume enrichment research" is
2006-01-10, not 2006)."""


def _finer_in_entry(year: DateMention, flat: str, dates: Sequence[DateMention], end: int) -> DateMention:
    """The date of a clause an entry's year opens ("2006: North Korea tested a missile on July 5"): the
    first date after the year, before ``end`` (the clause's end), within that year and finer than it (a
    month or a day), else the year. The entry's year says when in general, the day in the entry says
    when exactly. A date counts only when it is
    not in a relative clause, a list, a look back or quotation marks, is no bound ("by August
    31", "until August 31", "since February 4" name a deadline or the start of a state, not the entry's
    act) and stands before the first verb of saying or word of a plan after the year (the reported or
    planned act's day), unless the date follows the verb of saying right after "on" or "in", the day
    of saying. The finder moves its context only at a sentence's first date, so a later date is
    no anchor but still the clause's.

    One search for that verb and one pass over the dates that stops at the first finer one
    (a search per date would make an entry of thousands of dates quadratic)."""
    said = _EN_SAID_OR_TO_COME.search(flat, year.end, end)
    limit = end if said is None else said.end()
    said_on = None if said is None else _EN_SAID_ON.match(flat, said.start(), end)
    if said_on is not None:
        limit = said_on.end() + 1  # "announced on January 10 that …": the day of saying
    quoted = quoted_spans(flat)
    for date in dates:
        if not year.start < date.start < limit:
            continue
        if any(mark in date.rule for mark in ("+relative", "+list", "+back", "+bound")):
            continue
        if any(a < date.start < b for a, b in quoted):
            continue
        inside = year.date.earliest() <= date.date.earliest() and date.date.latest() <= year.date.latest()
        if inside and date.date.start.precision != "year":
            return date
    return year


_ZH_SUBORDINATE_START = re.compile(
    r"\s*(?:经过?|鉴于|因为?|由于|随着|为了?|若|如果|假如|虽然|尽管|当|在|自从?|继)"
)
_ZH_SUBORDINATE_END = re.compile(r"(?:时|之时|同时|后|之后|以后|期间|之际|前|以前|之前|以来|下)\s*$")
_ZH_STRETCH_LEAD = re.compile(r"\s*(?:但是?|而且?|不过|然而)")
"""A connective that may stand before the subordinator of an adverbial stretch (但在…上, 而在…中).
Not 并 ("and"): it joins a further act of the same subject, so 在 after it frames that act in its own
stretch ("朝鲜发表声明，并在声明中谴责美国": the condemnation is the act)."""
_ZH_SAYING = r"(?:表示|声称|称|说|指出|认为|强调|宣布|透露|重申|证实|承认|确认|介绍|报道|警告)"
_ZH_SAYS = re.compile(_ZH_SAYING + r"\s*$")
_ZH_SAYS_INSIDE = re.compile(_ZH_SAYING)
_ZH_CONNECTIVE = re.compile(r"(?:而后|而且?|但是?|随后|并且?|同时|此后|其后|之后|然后|则|导致|致使|使得)?")
"""What may stand between a comma and the new subject of rule 1b: a connective, or a
verb of consequence, 导致, 致使, 使得 ("以色列发动空袭，导致巴方推迟谈判": the strike led to the
postponement, an act of its own by the party named after the verb)."""
_ZH_CONSEQUENCE = re.compile(r"导致|致使|使得")
_ZH_TALKS = re.compile(r"会谈|谈判|会议|磋商")
"""A word of talks ending a name or right after it (六方会谈): the talks are what the consequence
befell, not a party that acts ("致使六方会谈中断")."""
_ZH_COLLECTIVE = re.compile(r"双方|各方|三方|多方|两国|各国")
_ZH_PASSIVE_AFTER_SUBJECT = re.compile(".{0,3}?" + alternation(ZH_PASSIVE_MARKERS))
_ZH_AGENT_LEAD = re.compile(r"(?:然而|可是|不过)?[，,]?(?:却|又)?" + alternation(ZH_AGENT_MARKERS))
"""A passive marker opening the piece after a comma, its subject left out (rule 1b): the name
right after it is the agent, who refuses in a clause of its own ("日本提出合作提议，但遭到俄罗斯拒绝" is
Japan's proposal and Russia's refusal, not the proposal's clause alone).
Only a refusal (root 12) for now: "美国在安理会提出制裁，遭到中国反对" stays one event, the proposal
with China its target, as the tests fix it."""


_ZH_REFUSAL_FILLER = re.compile(r"(?:的|断然|坚决|明确|一口)*")
"""What may stand between a passive's agent and its refusal cue (遭到俄罗斯的断然拒绝)."""


def _refuses(flat: str, agent_end: int, end: int, cues: OffsetIndex[Cue]) -> bool:
    """Whether a cue of a refusal (root 12) follows the passive's agent, ending at ``agent_end``,
    directly (after at most a :data:`_ZH_REFUSAL_FILLER`) and before ``end``: the agent's own act.
    A refusal further on is not ("被朝鲜视为拒绝对话": North Korea regards; "遭到俄罗斯的批评后又被朝鲜
    拒绝": Russia criticises)."""
    at = _ZH_REFUSAL_FILLER.match(flat, agent_end)
    cue_at = at.end() if at is not None else agent_end
    return cue_at < end and any(cue.cameo == REJECT for cue in cues.starting_in(cue_at, cue_at + 1))


def _zh_consequence_acts(
    flat: str, subject_at: int, subject_end: int, known: OffsetIndex[ActorMention]
) -> bool:
    """Whether the subject after a verb of consequence (导致, 致使, 使得) acts in a clause of its own
    (rule 1b). Not talks named as a party ("致使六方会谈中断": the talks broke off, no party's
    act); not a collective reference (双方, 各方: "导致双方谴责朝鲜" would resolve to the party the first
    clause names, condemning itself); not a passive without a named agent ("导致该国遭到制裁": the
    country is acted on, by no one named). A passive with its agent named acts ("导致该国遭到安理会
    制裁": the Security Council's sanctions), as does a state ("导致巴方推迟谈判")."""
    talks = _ZH_TALKS.match(flat, subject_end) or _ZH_TALKS.match(flat, max(subject_at, subject_end - 2))
    if talks or _ZH_COLLECTIVE.match(flat, subject_at):
        return False
    passive = _ZH_PASSIVE_AFTER_SUBJECT.match(flat, subject_end)
    return passive is None or known.starting_at(passive.end()) is not None


_ZH_DATE_LEAD = re.compile(
    r"(?:\s|[\d〇零一二三四五六七八九十]{1,4}(?:年|月|日|号)|[上中下]旬|月?[初底末]|当天|当日|同日|次日|当晚)*"
)
"""A date or a time word opening a stretch ("2009年3月3日因…", "当天因…"): the adverbial tests of
rule 1b read what follows it, as they would after a comma ("2009年3月3日，因…")."""


def _zh_adverbial(stretch: str) -> bool:
    """Rule 1b's test of the stretch before a joint: it opens with a subordinator (after at most a
    date: "2009年3月3日因美国批评朝鲜而…") or closes with a time word, so it sets the scene for the
    clause after it."""
    lead = _ZH_DATE_LEAD.match(stretch)
    at = lead.end() if lead is not None else 0
    return bool(_ZH_SUBORDINATE_START.match(stretch, at) or _ZH_SUBORDINATE_END.search(stretch))


_ZH_CAUSE = re.compile(r"\s*(?:因为?|由于)")


def _zh_cause_led(stretch: str) -> bool:
    """Whether a stretch opens (after at most a date) with a causal subordinator (因, 因为, 由于):
    "因美国反对而朝鲜退出会谈" names two acts, the cause (the United States objected) and what it led
    to, each by its own subject, so a joint after it still cuts when both halves have a name and a cue
    (rule 1b); a stretch of time or place (在…期间, 当…时) only frames the act after it."""
    lead = _ZH_DATE_LEAD.match(stretch)
    return bool(_ZH_CAUSE.match(stretch, lead.end() if lead is not None else 0))


_ZH_REPORTED_MODAL = re.compile(r"\s*(?:不?应该?|不?应当|必须|需要|不能|能够?|可以|不得|务必|要)")
"""A modal right after the subject of a reported clause ("朝鲜应弃核"): what the clause says is
what should happen, so it stays what was said, not an act of its own."""


def _zh_says_modal(
    flat: str, start: int, end: int, after: ActorMention, known: OffsetIndex[ActorMention]
) -> bool:
    """Whether a verb of saying in flat[start:end] reports a clause whose subject, right after it
    (after at most a comma or colon), is followed by a modal, and the clause after the joint (its
    subject ``after``) has a modal too: "美国表示朝鲜应弃核而中国应停止援助" is what the United States
    said in both halves. A new finite act by a new subject after the joint ("美国宣布朝鲜违反协议而日本
    决定对朝鲜实施制裁") is an act of its own, so the joint cuts there (rule 1b)."""
    if not _ZH_REPORTED_MODAL.match(flat, after.end):
        return False
    for says in _ZH_SAYS_INSIDE.finditer(flat, start, end):
        at = says.end() + (1 if flat[says.end() : says.end() + 1] in ("，", ",", "：", ":") else 0)
        subject = known.starting_at(at)
        subject_end = (
            subject.end if subject is not None else (at + 1 if opens_with_reference(flat, at, "zh") else None)
        )
        if subject_end is not None and _ZH_REPORTED_MODAL.match(flat, subject_end):
            return True
    return False


def subjects_clauses(
    flat: str, lang: Lang, start: int, end: int, known: OffsetIndex[ActorMention], cues: OffsetIndex[Cue]
) -> list[tuple[int, int]]:
    """Rule 1b: a clause cut further at each comma or semicolon after which a new subject acts.

    Chinese strings several acts into one sentence with commas, each with its own subject and verb
    ("美方建议韩日加入，中方建议俄罗斯加入"). A piece after ，/； is a clause of its own when it opens
    (after at most a connective: 而, 但, 随后, 并, 同时, 此后, 然后, 则, or a verb of consequence, 导致,
    致使, 使得, only before a subject that acts: :func:`_zh_consequence_acts`) with a name or a
    reference word (他, 双方, 该国) and has a cue after that subject, and the piece before it has a name and a
    cue too, and the stretch right before the comma is not an adverbial clause: one that opens with
    a subordinator (经, 鉴于, 因为, 由于, 随着, 若, 如果, 虽然, 当, 在 ...) or closes with a time word
    (…时, …之后, …期间, …之际, …以来) sets the scene for the clause after it ("经中方斡旋，朝美双方
    同意…" is one act), and one that ends with a verb of saying (表示, 称, 指出, 认为, 宣布, ...) has the
    clause after it as what was said ("发言人表示，朝美双方已达成谅解" is one statement).
    A piece without its own subject ("…赴美，与蓬佩奥会面") stays in its clause.
    It keeps the date of the clause it was cut from. English: :func:`_en_subjects_clauses`.
    The sentence's names and cues come indexed by offset (:class:`OffsetIndex`), so a long sentence
    of many clauses costs this function time in proportion to its length (extraction as a whole is
    still quadratic in a long English sentence: docs/ingest.md, Speed).
    """
    if lang == "en":
        return _en_subjects_clauses(flat, start, end, known, cues)
    if lang != "zh":
        return [(start, end)]
    pieces: list[tuple[int, int]] = []
    piece_start = start
    stretch_start = start
    for mark in re.finditer(r"[，；,;]", flat[start:end]):
        cut = start + mark.end()
        stretch = flat[stretch_start : start + mark.start()]
        stretch_start = cut
        if _zh_adverbial(stretch) or _ZH_SAYS.search(stretch):
            continue
        connective = _ZH_CONNECTIVE.match(flat, cut)
        subject_at = connective.end() if connective else cut
        agent = _ZH_AGENT_LEAD.match(flat, subject_at)
        named = known.starting_at(agent.end()) if agent is not None else None
        if agent is not None and named is not None and _refuses(flat, named.end, end, cues):
            subject_at = agent.end()  # "…提议，但遭到俄罗斯拒绝": the agent named refuses
        subject = known.starting_at(subject_at)
        subject_end = subject.end if subject is not None else None
        if subject_end is None and opens_with_reference(flat, subject_at, lang):
            subject_end = subject_at + 1
        if subject_end is None:
            continue
        if _ZH_CONSEQUENCE.match(flat, cut) and not _zh_consequence_acts(
            flat, subject_at, subject_end, known
        ):
            continue
        next_mark = re.search(r"[，；,;]", flat[cut:end])
        piece_end = cut + next_mark.start() if next_mark else end
        if _new_subject_acts(piece_start, start + mark.start(), subject_end, piece_end, known, cues):
            pieces.append((piece_start, cut))
            piece_start = cut
    pieces.append((piece_start, end))
    return [cut for low, high in pieces for cut in _zh_joined_clauses(flat, low, high, known, cues)]


_ZH_JOINT = re.compile(r"(?<![从进因反继不然])(?:而后|而且?|并且|但是?|然而)(?!言|已)")
"""A connective that joins two clauses without a comma ("朝鲜扣押了渔船而韩国提出抗议"): 而, 而后
("and then"), 而且, 并且, 但, 但是, 然而. Not inside a word (从而, 进而, 因而, 反而, 继而, 不但, 而言,
而已), and not 并 alone (it joins a second verb of the same subject: "访问朝鲜并会见金正恩")."""


_ZH_NOT_JOINED = re.compile(r"[\s，,；;：:、。]")


def _zh_joined_clauses(
    flat: str,
    start: int,
    end: int,
    known: OffsetIndex[ActorMention],
    cues: OffsetIndex[Cue],
) -> list[tuple[int, int]]:
    """Rule 1b without a comma: a piece cut before a connective (:data:`_ZH_JOINT`) that a name
    follows at once, when that name has a cue after it before the piece's end and the stretch
    before the connective has a name and a cue of its own: "朝鲜扣押了渔船而韩国提出抗议" is two acts
    by two parties, as "朝鲜扣押了渔船，而韩国提出抗议" is. A connective before a verb ("因制裁而中止
    谈判") or a place is no joint, nor one after a stretch of time or place (rule 1b's test at a
    comma: "在美国访问期间而…"); a causal stretch (因…而, 由于…而) names an act of its own, so
    "因美国反对而朝鲜退出会谈" is two acts, after a date too. Nor is one after a verb of saying whose
    reported clause and the clause after the joint each have a subject and a modal ("美国表示朝鲜应
    弃核而中国应停止援助": both halves are what the United States said). The connective opens the
    second piece, as after a comma."""
    pieces: list[tuple[int, int]] = []
    piece_start = start
    for joint in _ZH_JOINT.finditer(flat, start, end):
        if joint.start() == start or _ZH_NOT_JOINED.match(flat, joint.start() - 1):
            continue  # after a comma rule 1b has judged the joint already
        subject = known.starting_at(joint.end())
        if subject is None or subject.end > end:
            continue
        after_mark = max(flat.rfind(m, start, joint.start()) for m in "，,；;：:") + 1
        stretch = flat[max(start, after_mark) : joint.start()]
        if (_zh_adverbial(stretch) and not _zh_cause_led(stretch)) or _zh_says_modal(
            flat, max(start, after_mark), joint.start(), subject, known
        ):
            continue  # as at a comma: a stretch of time or place, or what a verb of saying reports
        if _new_subject_acts(piece_start, joint.start(), subject.end, end, known, cues):
            pieces.append((piece_start, joint.start()))
            piece_start = joint.start()
    pieces.append((piece_start, end))
    return pieces


_ZH_AFTER_SUBJECT = re.compile(r"(?:于|在)?")


def zh_subject_date(
    flat: str, actors: Sequence[ActorMention], dates: Sequence[DateMention], current: DateMention | None
) -> DateMention | None:
    """Rule 2b: a date written right after a clause's subject (after at most 于 or 在) dates that
    clause, as one opening it does: "金英哲2019年1月中旬访美" (subject, time, verb is the plainest Chinese
    order). The date finder counts such a date as a detail of its sentence when the sentence has
    said an earlier one (it cannot see the subject), so a clause cut by rule 1b would otherwise keep
    the date of the clause before it. Not a bound (…以来, …以后), a quoted date, or one that ends
    before the date the clause would otherwise have (a back-reference)."""
    if not actors:
        return None
    subject = min(actors, key=lambda m: m.start)
    at = _ZH_AFTER_SUBJECT.match(flat, subject.end)
    position = at.end() if at is not None else subject.end
    at_position = bisect.bisect_left(dates, position, key=lambda d: d.start)  # dates in order of start
    date = dates[at_position] if at_position < len(dates) and dates[at_position].start == position else None
    if date is None or _ZH_BOUND_AFTER.match(flat, date.end):
        return None
    if any(low < date.start < high for low, high in quoted_spans(flat)):
        return None
    if current is not None and date.date.latest() < current.date.earliest():
        return None
    return date


ZH_VERB_LEAD = re.compile(
    r"(?:[\s，,、：:]|随后|随即|旋即|此后|其后|之后|然后|接着|继而|会后|同时|并且?|而且?|又|还|也|亦|再次?|"
    r"则|即|便|已经?|曾经?|正式|首次|首先|先后|分别|共同|一同|一起|当天|当日|当晚|同日)*"
)
"""What may stand before the verb of a Chinese clause that leaves its subject out: punctuation,
connectives and adverbs of time or manner (随后, 并, 又, 再次, 正式, 先后, 当天 ...). Dates, and places
after 在/于, are taken out first (:func:`zh_verb_initial`). A noun there ("会议通过…", "该决议规定…")
is a subject of its own, though not an actor, so the clause does not continue the one before."""
_ZH_MASKED = re.compile("(?:在|于|与|同|跟|向|对|给)?\x00+")
_ZH_PASSIVE = re.compile("|".join((*ZH_PASSIVE_MARKERS, "受")))
"""A passive marker in a clause's lead (:func:`zh_verb_initial`), 受 alone too (受美方制裁): the
subject left out is the one acted on, so the clause does not open with its own verb."""
_ZH_ASPECT = re.compile(r"了|过|着")
_ZH_NOUN_CUE_NEXT = re.compile(
    r"的|在|于|已|未|均|都|正式|顺利|如期|举行|开幕|闭幕|结束|通过|达成|取得|持续|进行|中|期间|上|后|时|前"
)
"""What follows a cue used as a noun, the subject of its clause ("会谈在北京举行", "会议通过决议",
"谈判取得进展", "会谈后"): such a clause names its own subject (the talks) and continues no one's."""


def zh_verb_initial(
    flat: str,
    span: tuple[int, int],
    cue: Cue,
    asides: Sequence[DateMention | ActorMention],
    names: Sequence[ActorMention] = (),
    cues: Sequence[Cue] = (),
) -> bool:
    """Whether a Chinese clause opens with its verb (rule 3, ellipsis across sentences): between the
    clause's start and its cue stand only dates, places (after 在/于), connectives and adverbs
    (:data:`ZH_VERB_LEAD`): "随后会见了…", "3月5日，在北京会见了…". Not a passive (被, 遭, 受到: the
    subject is the one acted on); not a clause whose verb follows a noun that is not a name, nor one
    whose cue is a noun (followed by :data:`_ZH_NOUN_CUE_NEXT`: "会谈在北京举行"; or a common noun in
    jieba's dictionary without 了, 过, 着 after it: "会议主席…"), nor one that names someone
    before a later verb of its own (``names``, ``cues``: in "会议主席武大伟举行记者会" 武大伟 is the
    subject and 会议 a noun). A name after 与, 向, 对 ... is a target and may stand before the verb
    ("随后与蓬佩奥会谈")."""
    start, end = span
    if cue.start < start:
        return False
    toward = [m for m in names if flat[max(0, m.start - 1) : m.start] in ZH_TOWARD]
    for name in names:
        if name in toward or not start <= name.start < end:
            continue
        if any(c.start >= name.end and c.end <= end for c in cues) and name.start > cue.start:
            return False
    stretch = list(flat[start : cue.start])
    for aside in [*asides, *toward]:
        for i in range(max(aside.start, start), min(aside.end, cue.start)):
            stretch[i - start] = "\x00"
    lead = _ZH_MASKED.sub("", "".join(stretch))
    if _ZH_NOUN_CUE_NEXT.match(flat, cue.end):
        return False
    if not _ZH_ASPECT.match(flat, cue.end) and zh_noun(cue.text):
        return False  # 会议主席…, 制裁决议…: a noun, unless an aspect marker makes it a verb (会见了)
    return not _ZH_PASSIVE.search(lead) and ZH_VERB_LEAD.fullmatch(lead) is not None


def zh_enumerated_cues(
    flat: str, parts: Sequence[tuple[int, int]], cues: OffsetIndex[Cue]
) -> dict[int, list[Cue]]:
    """Rule 1c: dates listed with 、 share the verb after the list. "蓬佩奥7月、8月、10月三度访朝" is
    cut into clauses at each date (rule 1); the clauses before the last, which end with 、 and have
    no cue, take the cue of the first clause after them that has one (the visit of each month), so
    each date is an event of its own kind, not a cueless placeholder. By clause index."""
    shared: dict[int, list[Cue]] = {}
    for i, (start, end) in enumerate(parts):
        if cues.starting_in(start, end) or not flat[start:end].rstrip().endswith("、"):
            continue
        for j in range(i + 1, len(parts)):
            later = cues.starting_in(parts[j][0], parts[j][1])
            if later:
                shared[i] = later[:1]
                break
            if not flat[parts[j][0] : parts[j][1]].rstrip().endswith("、"):
                break
    return shared


_EN_JOINT = re.compile(r",\s+(?:and|but|while|whereas)\s+|;\s+|\s+(?:while|whereas)\s+")
EN_SUBJECT_LEAD = re.compile(r"(?:[Tt]he\s+)?")
_EN_PRONOUN = re.compile(r"(?:he|she|He|She)\b")


def _en_subjects_clauses(
    flat: str, start: int, end: int, known: OffsetIndex[ActorMention], cues: OffsetIndex[Cue]
) -> list[tuple[int, int]]:
    """Rule 1b in English: a clause cut after ", and", ", but", ", while", "while", "whereas" or a
    semicolon when what follows opens with a new subject (a name, after at most "the", or "he",
    "she") that a cue follows before the next such joint, and the piece before has a name and a cue
    of its own: "The U.S. says it is a key requirement, while the North objects to it" is two acts
    by two parties. "and" without a comma joins a subject's two verbs or two subjects ("Japan and
    China agreed"), so it does not cut; nor does a joint followed by a verb alone ("…, and said").
    Each piece keeps the date of the clause it was cut from."""
    joints = list(_EN_JOINT.finditer(flat, start, end))
    pieces: list[tuple[int, int]] = []
    piece_start = start
    for index, joint in enumerate(joints):
        cut = joint.end()
        lead = EN_SUBJECT_LEAD.match(flat, cut)
        at = lead.end() if lead else cut
        subject = known.starting_at(at)
        subject_end = subject.end if subject is not None else None
        if subject_end is None and (pronoun := _EN_PRONOUN.match(flat, at)) is not None:
            subject_end = pronoun.end()
        if subject_end is None:
            continue
        piece_end = joints[index + 1].start() if index + 1 < len(joints) else end
        if _new_subject_acts(piece_start, joint.start(), subject_end, piece_end, known, cues):
            pieces.append((piece_start, cut))
            piece_start = cut
    pieces.append((piece_start, end))
    return [cut for low, high in pieces for cut in _en_and_clauses(flat, low, high, known, cues)]


_EN_AND = re.compile(r"(?<=\w)\s+and\s+(?P<the>(?:the\s+)?)(?=[A-Z])")
_EN_FINITE_LEAD = re.compile(
    r"(?:\s+(?:has|have|had|did|also|then|later|again|soon|quickly|immediately|promptly"
    r"|swiftly|strongly|formally|officially|publicly|repeatedly))*\s+"
)
"""What may stand between a subject and its finite verb: auxiliaries and a few adverbs ("China
then protested", "Japan has also refused"). Not "was"/"were": a passive after "and" ("… and South
Korea was warned") names the one acted on, who stays a target of the clause before."""
_EN_BY = re.compile(r"\s+by\s+", re.IGNORECASE)
_EN_AGENT_DETERMINER = re.compile(
    r"(?:the|a|an|its|their|his|her|this|these|those|several|some|all|both)\s+(?!(?:time|end|way)\b)[a-z]",
    re.IGNORECASE,
)
"""A determiner and a noun after "by" ("by the delegates", "by its allies"): an agent, unless the
noun is one of time or way ("by the end of May", "by the way")."""


_EN_BY_PARTICLE = re.compile(r"\b(?:stopped|dropped|came|passed|swung)$", re.IGNORECASE)
"""Verbs whose "by" is a particle of a phrasal verb ("stopped by Seoul", "dropped by the embassy":
visited), never a passive's agent."""


def _en_reduced_passive(flat: str, cue_end: int, known: OffsetIndex[ActorMention]) -> bool:
    """Whether a participle ending at ``cue_end`` is followed by its agent: "by" and then a known
    actor ("China proposed by the United States") or a determiner and a noun ("South Korea praised
    by the delegates"). That is a reduced passive describing the name before it, not its finite
    verb. "by" before anything else ("protested by phone", "warned by telephone", "by recalling
    its envoy") is a manner of a finite verb, and after "stopped", "dropped", "came" it is a
    particle ("stopped by Seoul": visited, :data:`_EN_BY_PARTICLE`)."""
    by = _EN_BY.match(flat, cue_end)
    if by is None or _EN_BY_PARTICLE.search(flat, max(0, cue_end - 12), cue_end):
        return False
    return known.starting_at(by.end()) is not None or bool(_EN_AGENT_DETERMINER.match(flat, by.end()))


_EN_SOURCE_OPENS = re.compile(r",\s*(?:the\s+)?$")
_EN_SOURCE_ENDS = re.compile(
    r"(?:said|says|reported|reports|announced|claimed|stated|confirmed|added|noted)"
    r"(?=\s*(?:[.;:!?”\"]|$)|\s+(?:on|in|at|late|early|earlier|later|last|this|yesterday|today)\b)",
    re.IGNORECASE,
)
"""A list of names after a comma whose verb of reporting ends the clause (", the IAEA and Japan said."):
the sources of the report before the comma, not a new subject with its own act."""
_EN_PAIR_BEFORE = re.compile(r"\b(?:between|both|among|either|neither)\s+(?:the\s+)?$", re.IGNORECASE)


def _en_and_clauses(
    flat: str, start: int, end: int, known: OffsetIndex[ActorMention], cues: OffsetIndex[Cue]
) -> list[tuple[int, int]]:
    """Rule 1b for "and" without a comma: "The ship was seized by North Korea and China protested"
    is two acts by two parties. "and" usually joins two subjects or objects ("Japan and China
    agreed", "urged Japan and China to talk") or two verbs of one subject, so the piece is cut
    before "and" only when a name follows it (after at most "the") and that name's own finite verb
    comes right after it (a cue ending in -ed or an irregular past such as "met", "said", after at
    most auxiliaries and adverbs: "China then protested"), the piece before has a name and a cue,
    and the name before "and" is not one of a pair ("between Japan and China", "both …"). A
    participle followed by its agent ("… and China proposed by the United States") is a reduced
    passive describing the name, not its verb, so it does not cut (:func:`_en_reduced_passive`)."""
    pieces: list[tuple[int, int]] = []
    piece_start = start
    for joint in _EN_AND.finditer(flat, start, end):
        subject = known.starting_at(joint.end())
        if subject is None or subject.end > end:
            continue
        lead = _EN_FINITE_LEAD.match(flat, subject.end, end)
        cue = cues.starting_at(lead.end()) if lead is not None else None
        if cue is None or cue.end > end:
            continue
        word = flat[cue.start : cue.end].split()[0].lower()
        finite = word.endswith("ed") or word in IRREGULAR_PAST or bool(lead and lead.group().strip())
        if _en_reduced_passive(flat, cue.end, known):
            continue  # "… and China proposed by the United States": the participle describes China
        before = known.within(piece_start, joint.start())
        pair = bool(before) and _EN_PAIR_BEFORE.search(flat, max(0, before[-1].start - 16), before[-1].start)
        if not finite or pair:
            continue
        if (
            before
            and before[-1].end == joint.start()
            and _EN_SOURCE_OPENS.search(flat, max(0, before[-1].start - 8), before[-1].start)
            and _EN_SOURCE_ENDS.match(flat, cue.start, end)
        ):
            continue  # ", the IAEA and Japan said.": one list of the report's sources, no act of Japan's
        if _new_subject_acts(piece_start, joint.start(), subject.end, end, known, cues):
            pieces.append((piece_start, joint.start("the")))  # as after ", and": the cut follows "and"
            piece_start = joint.start("the")
    pieces.append((piece_start, end))
    return pieces


def _new_subject_acts(
    piece_start: int,
    joint: int,
    subject_end: int,
    piece_end: int,
    known: OffsetIndex[ActorMention],
    cues: OffsetIndex[Cue],
) -> bool:
    """Rule 1b's test, in either language: the clause is cut at ``joint`` when the new subject (ending at
    ``subject_end``) has a cue of its own before ``piece_end`` and the piece before the joint (from
    ``piece_start``) has both a name and a cue."""
    acts = cues.any_within(subject_end, piece_end)
    return acts and known.any_within(piece_start, joint) and cues.any_within(piece_start, joint)


_EN_ENTRY_DATE_WORD = (
    r"(?:\d{1,4}(?:st|nd|rd|th)?|Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?"
    r"|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?[\s,:/–—-]*"
)
"""One word of an entry's date ("June", "2003", "5th") and the marks after it. The word ends at a word
boundary, so a run of digits is one word or none: it cannot be split into several."""
_EN_ENTRY_DATE = rf"(?:{_EN_ENTRY_DATE_WORD})*+"
"""A chronology entry's date run into its first stretch without a comma ("June 2003 Following the
report, …"): passed over before the stretch's opening word. The repetition is possessive:
what it took is never given back, since no subordinator opens with a date's word or a
mark, so a failed match costs one pass over the words instead of trying every way to split them
(which would make "1990 1991 … 1998, and" take minutes)."""
_EN_SUBORDINATE_START = re.compile(
    rf"\s*{_EN_ENTRY_DATE}(?:after|before|when|while|since|because|although|though|once|until|following"
    r"|upon|despite|prior to|ahead of|as(?!\s+well\b)|amid|amidst|under threat of|under pressure from"
    r"|in response to)\b",
    re.IGNORECASE,
)
"""Words that open an English adverbial stretch ("After the United States imposed sanctions, …"; also
"As the invasion of Iraq looms, …", "Amid …", "Under threat of referral to …", "In
response to …"), maybe after the entry's date. Not "as well (as)": "Japan, as well as China and
Russia, criticized …" adds subjects, no scene."""


def en_subordinate_stretches(flat: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """Rule 3f: the stretches of an English clause between commas that open with a subordinator or a
    preposition of time or cause ("after", "when", "because", "following" …) and that another stretch
    of the clause follows: "After Japan refused the aid, China criticized Japan" sets the scene with
    Japan's refusal, and China's criticism is the act (the stretch's own cue is passed over, its
    names are targets when the clause has a subject outside it, as rule 3b does in Chinese)."""
    start, end = span
    stretches: list[tuple[int, int]] = []
    at = start
    for mark in re.finditer(r",", flat[start:end]):
        stop = start + mark.start()
        if _EN_SUBORDINATE_START.match(flat, at, stop):
            stretches.append((at, stop))
        at = start + mark.end()
    return stretches


def zh_subordinate_stretches(flat: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """The stretches of a clause between clause marks that are adverbial (rule 1b's test: opening
    with a subordinator such as 在, 经, 由于, a connective allowed before it (但在…上), or closing with a
    time word such as …时, …之后)."""
    start, end = span
    stretches: list[tuple[int, int]] = []
    at = start
    for mark in [*re.finditer(r"[，；,;：:]", flat[start:end]), None]:
        stop = start + mark.start() if mark is not None else end
        stretch = flat[at:stop]
        lead = _ZH_STRETCH_LEAD.match(stretch)  # 但在…上: a connective before the subordinator
        opens = _ZH_SUBORDINATE_START.match(stretch, lead.end() if lead is not None else 0)
        if stretch.strip() and (opens or _ZH_SUBORDINATE_END.search(stretch)):
            stretches.append((at, stop))
        at = start + mark.end() if mark is not None else end
    return stretches


_ZH_COORDINATOR = re.compile(
    r"(?P<comma>[，,]\s*)?(?P<word>(?<![合吞兼归])并且?(?![不非未没无肩列存行举购入])|随后|然后|之后|同时|还|又|再)"
)
"""A coordinator before a further predicate of the same subject (rule 1d): after a comma any of 并,
并且, 随后, 然后, 之后, 同时, 还, 又, 再; directly between two verbs only 并, 并且, 随后, 然后. Not 并
inside a word (合并, 吞并, 并肩, 并入) nor the emphatic 并 before a negation (并不, 并未, 并非)."""
_ZH_JOINING_WORDS = frozenset(["并", "并且", "随后", "然后"])
_ZH_INTENT = re.compile(
    r"将(?![军领])|(?<![大峰宴晤约聚开])会(?![谈见议晤面场期后上中])|要(?!求)|愿|准备|打算|计划|拟|决定|"
    r"同意|希望|应(?![对邀])|承诺|考虑|可能|试图|企图"
)
"""A word of intent or a modal in the first predicate ("表示将关闭…并驱逐…", "同意加强合作并举行会谈"):
what follows the coordinator may be a second thing intended, not a second act done."""
_ZH_DIRECTING = re.compile(r"要求|呼吁|敦促|促请|督促|邀请|支持|希望|鼓励|劝|(?<![申])请|建议|主张|允许|帮助")
"""A verb that directs someone else ("要求朝鲜停止核试验并重返会谈", "邀请韩国总统访问东京并出席峰会"): the
verbs after the coordinator are what the object is asked to do, one act of the subject (rule 1d)."""
_ZH_PASSIVE_FIRST = re.compile(r"遭到|遭受|受到|被|遭")
ZH_PASSIVE_SUBJECT = re.compile(r"(?:再次|再度|又|也|曾|已)?(?:遭到|遭受|受到|被|遭)")
"""A passive marker in the first predicate ("朝鲜遭到美国制裁，随后宣布退出"): its subject is the one
acted upon, the agent named after the marker; the further predicate is the subject's, not the
agent's. The clause is cut there only when the marker follows the subject's name at once (at most an
adverb between), so the continued piece can take that name as its actor; else not (rule 1d)."""
_ZH_DONE = re.compile(r"了|已")
_ZH_NOT_DONE = re.compile(r"不|未|没有|没")
_ZH_OPEN_QUOTE = '“‘「『"'


def _zh_saying(cue: Cue) -> bool:
    """Whether a cue is a verb of saying (表示, 称, 宣布: code 01 of weight at most 0.5)."""
    return cue.cameo == NO_CUE_CAMEO and cue.weight <= SAYING_WEIGHT


def _zh_new_subject_before(flat: str, low: int, at: int, known: OffsetIndex[ActorMention]) -> bool:
    """Whether a stretch between the subject (ending at ``low``) and a coordinator at ``at`` opens,
    after a clause mark and at most a connective, with a name or a reference word ("…会见伊朗外长，双方
    就…交换了意见，并同意…": the pair agrees, not the host alone): the further predicate's subject is
    then unclear, so the clause is not cut there (rule 1d)."""
    for mark in CLAUSE_MARK.finditer(flat, low, at):
        connective = _ZH_CONNECTIVE.match(flat, mark.end())
        opens = connective.end() if connective else mark.end()
        if known.starting_at(opens) is not None or opens_with_reference(flat, opens, "zh"):
            return True
    return False


def _zh_in_title(flat: str, low: int, position: int) -> bool:
    """Whether ``position`` stands inside a 《title》 opened after ``low``."""
    return flat.rfind("《", low, position) > flat.rfind("》", low, position)


def _zh_second_predicate(
    flat: str,
    at: int,
    end: int,
    known: OffsetIndex[ActorMention],
    cues: OffsetIndex[Cue],
    asides: Sequence[DateMention | ActorMention],
    joining: bool,
) -> Cue | None:
    """The cue of a predicate of the same subject opening at ``at`` (right after a coordinator), or
    None: no name of its own before the cue (a name after 与, 向, 对 … is a target), no reference word
    opening it (他, 双方: a subject of its own, rule 1b), and between ``at`` and the cue only what
    :data:`ZH_VERB_LEAD` allows once dates, places and such targets are masked; after a comma also an
    unknown verb marked done by 了 ("，并共同见证了协议签署"). Directly between two verbs
    (``joining``) the cue must follow at once ("关闭了核设施并驱逐了…"). A cue used as a noun
    ("会谈在北京举行") is no predicate."""
    if opens_with_reference(flat, at, "zh"):
        return None
    ahead = cues.starting_in(at, end)
    if not ahead:
        return None
    cue = ahead[0]
    for name in known.within(at, cue.start):
        if flat[max(0, name.start - 1) : name.start] not in ZH_TOWARD:
            return None
    stretch = list(flat[at : cue.start])
    toward = known.within(at, cue.start)
    for aside in [*asides, *toward]:
        for i in range(max(aside.start, at), min(aside.end, cue.start)):
            stretch[i - at] = "\x00"
    lead = _ZH_MASKED.sub("", "".join(stretch))
    if _ZH_NOUN_CUE_NEXT.match(flat, cue.end) or _ZH_PASSIVE.search(lead) or zh_modifies(flat, cue):
        return None  # a noun's predicate (会谈在北京举行), a passive, a verb describing a noun (…的细节)
    if _ZH_SAYS_INSIDE.match(flat, cue.start) and not flat.startswith("宣布", cue.start):
        return None  # "，并表示…": what the subject said of its act, no further act (宣布制裁 is one)
    if flat.startswith("宣布", cue.start) and re.match(r"[，,：:]", flat[cue.end : cue.end + 1]):
        return None
    if ZH_VERB_LEAD.fullmatch(lead) is not None:
        return cue
    if not joining and "了" in lead and len(lead) <= 8 and not re.search(r"[，,；;：:]", lead):
        return cue
    return None


def _zh_shared_object(flat: str, at: int, cues: OffsetIndex[Cue]) -> bool:
    """Whether the word right before a coordinator at ``at`` is a verb in jieba's dictionary with no
    object (关闭 in "关闭并封存宁边核设施"; not a cue ending there, 举行会谈 or 会谈, which is an act
    whole): the two verbs share the object after the second, one act (rule 1d)."""
    word = flat[max(0, at - 2) : at]
    if len(word) < 2 or any(c.end == at for c in cues.starting_in(max(0, at - 8), at)):
        return False
    _, tags = jieba_dictionary()
    return tags.get(word) == "v"


def _same_root_no_party(
    cue: Cue, before: Sequence[Cue], known: OffsetIndex[ActorMention], low: int, high: int
) -> bool:
    """Whether a further predicate's cue has the CAMEO root of an act of the piece before and its own
    piece (``low`` to ``high``) names no party: it tells the same act again ("met his counterpart and
    discussed trade", 04 twice), so the clause stays one event (rule 1d). With a party of its own
    ("criticised Peru and condemned Bolivia") it is a second act."""
    return any(c.cameo == cue.cameo for c in before) and not known.within(low, high)


def zh_coordinated_predicates(
    flat: str,
    start: int,
    end: int,
    known: OffsetIndex[ActorMention],
    cues: OffsetIndex[Cue],
    asides: Sequence[DateMention | ActorMention] = (),
    quoted: Sequence[tuple[int, int]] | None = None,
) -> list[tuple[int, int]]:
    """Rule 1d (Chinese): a clause cut before each further predicate of its subject, each with its
    own cue: "朝鲜封存了反应堆并驱逐了核查人员" is two acts of North Korea, "美国批评朝鲜，随后宣布新的
    制裁" two of the United States. The joint is a coordinator (:data:`_ZH_COORDINATOR`) after a
    comma or directly between two verbs; the piece before it has a name and, after the name, a cue;
    the piece after it opens with its verb (:func:`_zh_second_predicate`). Not a joint inside
    quotation marks or a title, inside an adverbial stretch or right after one or after a verb of
    saying at the comma (rule 1b's tests: "在朝鲜关闭核设施并驱逐人员之后，…" sets a scene, "表示，
    并…" reports); not where the first predicate is under a word of intent or a modal (将, 要, 准备,
    决定, 同意 …) and the second is not marked done by 了 or 已: "表示将关闭核设施并驱逐核查人员",
    "同意加强合作并举行会谈" each state one intent. A verb chain (宣布退出, 决定制裁) has no
    coordinator and stays one act. Each piece starts at its coordinator, after the comma. ``quoted``
    are the sentence's quoted spans when the caller has them (one reading per sentence, not per
    clause, keeps a long sentence linear)."""
    names = known.within(start, end)
    if not names:
        return [(start, end)]
    quoted = quoted_spans(flat) if quoted is None else quoted
    scene = zh_subordinate_stretches(flat, (start, end))
    # the subject is the first name outside an adverbial stretch (鉴于美国…，朝鲜宣布…: North Korea)
    subject = next((m for m in names if not any(low <= m.start < high for low, high in scene)), names[0])
    pieces: list[tuple[int, int]] = []
    piece_start = start
    for joint in _ZH_COORDINATOR.finditer(flat, start, end):
        comma, word = joint.group("comma"), joint.group("word")
        if comma is None and word not in _ZH_JOINING_WORDS:
            continue
        at, after = joint.start(), joint.end()
        if any(low < at < high for low, high in quoted) or _zh_in_title(flat, start, at):
            continue
        if any(low <= at < high or (comma is not None and high == at) for low, high in scene):
            continue  # inside an adverbial stretch, or right after one at the comma
        if subject.end > at or _zh_new_subject_before(flat, subject.end, at, known):
            continue
        if not cues.any_within(max(piece_start, subject.end), at):
            continue
        if comma is None and _zh_shared_object(flat, at, cues):
            continue  # "关闭并封存宁边核设施": two verbs of one object, one act
        if comma is not None and _ZH_SAYS.search(flat, piece_start, at):
            continue  # "发言人表示，并…": what follows the comma is what was said
        last_mark = max([piece_start, *(m.end() for m in CLAUSE_MARK.finditer(flat, piece_start, at))])
        if _ZH_NOT_DONE.search(flat, last_mark, at):
            continue  # "通过决议，不对朝鲜实施制裁，并谴责…": an act declined, and the act done instead
        next_joint = _ZH_COORDINATOR.search(flat, after, end)
        piece_end = next_joint.start() if next_joint is not None else end
        cue = _zh_second_predicate(flat, after, piece_end, known, cues, asides, comma is None)
        if cue is None:
            continue
        # the intent or modal stands before the first predicate's act (after a verb of saying: 表示将…)
        acts = [c for c in cues.starting_in(max(piece_start, subject.end), at) if not _zh_saying(c)]
        intent = _ZH_INTENT.search(flat, max(piece_start, subject.end), acts[0].end) if acts else None
        if intent is not None and not _ZH_DONE.search(flat, after, cue.end + 1):
            continue
        passive = _ZH_PASSIVE_FIRST.search(flat, max(piece_start, subject.end), at)
        if passive is not None and not ZH_PASSIVE_SUBJECT.match(flat, subject.end):
            continue  # "美方提议遭到朝鲜拒绝，随后…": whose act follows is unclear
        directing = _ZH_DIRECTING.search(flat, max(piece_start, subject.end), at)
        if directing is not None and (comma is None or not _ZH_DONE.search(flat, after, cue.end + 1)):
            continue  # "要求朝鲜停止核试验并重返会谈": what North Korea is asked to do
        if _same_root_no_party(cue, acts, known, after, piece_end):
            continue  # "会见了韩国外长并举行了会谈": one meeting told twice
        pieces.append((piece_start, at))
        piece_start = at + len(comma or "")
    pieces.append((piece_start, end))
    return pieces


_EN_COORDINATOR = re.compile(r"(?:,\s+and\s+then|\s+and\s+then|,\s+then|,\s+and|\s+and)\s+")
""""and", ", and", ", then", "and then" before a further predicate of the same subject (rule 1d)."""
_EN_SECOND_LEAD = re.compile(
    r"(?:(?:has|have|had|also|then|later|subsequently|again|soon|quickly|immediately|promptly|swiftly"
    r"|strongly|formally|officially|publicly|repeatedly)\s+)*"
)
_EN_SAYING_CLAUSE = re.compile(
    r"\b(?:said|says|announced|stated|declared|claimed|reported|warned|added|noted|insisted|confirmed"
    r"|argued|told\s+\S+)\s+(?:that\b|it\b|they\b|he\b|she\b|we\b|[A-Z])"
)
"""A verb of saying followed by its reported clause ("said it had closed the site and expelled the
inspectors"): the predicates after it are what was said, one statement (rule 1d)."""
_EN_SAYING_ALWAYS = re.compile(
    r"(?:said|says|stated|told|added|noted|insisted|argued|claimed|explained|described|called)\b"
)
"""A verb of saying that reports a clause or a comment wherever it stands: after a coordinator it tells
what the subject said of its act ("protested and said …"), no further act (rule 1d)."""
_EN_RELATIVE = re.compile(r"\b(?:which|who|whom|whose|that|if|whether)\b", re.IGNORECASE)
_EN_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


def _en_finite(flat: str, cue: Cue, present: bool = False) -> bool:
    """Whether a cue opens with a verb in the past (-ed or an irregular past: "expelled", "met"), or
    with ``present`` in the present ("expels", :func:`_en_present_verb`)."""
    word = flat[cue.start : cue.end].split()[0].lower()
    if present:
        return _en_present_verb(flat, cue.start)
    return word.endswith("ed") or word in IRREGULAR_PAST


_EN_PLURAL_NOUNS = frozenset(
    [
        "talks",
        "threats",
        "warnings",
        "negotiations",
        "relations",
        "tensions",
        "issues",
        "efforts",
        "measures",
        "tariffs",
        "weapons",
        "troops",
        "forces",
        "arms",
        "ties",
        "news",
        "sanctions",
        "protests",
        "demands",
        "plans",
        "claims",
        "attacks",
        "strikes",
        "visits",
        "calls",
        "exercises",
        "tests",
        "meetings",
        "consultations",
        "reports",
        "statements",
    ]
)
"""Words in -s that are mostly plural nouns ("sanctions and talks with Peru"): read as a verb in the
present only before a determiner, a pronoun, a number or a name ("tests a missile", "visits Lima")."""
_EN_OBJECT_OPENS = re.compile(
    r"\s+(?:(?:the|a|an|its|their|his|her|this|these|those|it|them|him)\b|[A-Z0-9])"
)


def _en_present_verb(flat: str, at: int) -> bool:
    """Whether the word at ``at`` is a verb in the present, third person ("expels", "closes",
    "threatens"; a chronology's present, rule 1d): lower-case, in -s but not -ss, -us or -is, and a
    word mostly a plural noun (:data:`_EN_PLURAL_NOUNS`) only before its object."""
    word = _EN_VERB_WORD.match(flat, at)
    if word is None:
        return False
    text = word.group()
    if not text.endswith("s") or text.endswith(("ss", "us", "is")) or len(text) < 4:
        return False
    return text not in _EN_PLURAL_NOUNS or _EN_OBJECT_OPENS.match(flat, word.end()) is not None


_EN_VERB_WORD = re.compile(r"[a-z]+\b")
_EN_NOT_VERBS = frozenset(
    [
        "related",
        "united",
        "detailed",
        "limited",
        "armed",
        "allied",
        "advanced",
        "enriched",
        "unexpected",
        "concerned",
        "interested",
        "involved",
        "proposed",
        "planned",
        "so-called",
        "other",
        "affiliated",
    ]
)
"""Words in -ed that after "and" mostly describe a noun ("and related issues", "and enriched
uranium"), not a subject's further verb (rule 1d)."""


_EN_VERB_OBJECT = re.compile(
    r"\s*(?:$|[,.;:]|(?:the|a|an|its|their|his|her|our|this|that|these|those|some|any|no|all|both|each"
    r"|every|another|it|them|him|us|me|new|further|fresh|more|additional|several|one|two|three|four|five"
    r"|six|seven|eight|nine|ten|dozens|hundreds|to|up|out|off|down|back|away|on|in|with|for|against"
    r"|from|at|into|over|about|after|before|by|as)\b|[A-Z0-9\"'“‘])"
)
"""What may follow a further predicate's verb after "and" (rule 1d): a determiner, a pronoun, a number,
a particle or preposition, a name or the clause's end ("and expelled the inspectors", "and met Peru's
envoy", "and withdrew."). A bare lower-case noun makes the word in -ed an adjective of a noun phrase
("and detained journalists appealed to …", "and occupied territories with …", "and banned weapons
were seized"), no verb."""


def _en_second_cue(flat: str, at: int, end: int, cues: OffsetIndex[Cue]) -> Cue | None:
    """The cue of a further predicate whose verb stands at ``at`` (rule 1d), or None: the word there is
    a verb in the past (or in the present, :func:`_en_present_verb`) and a cue starts at it, or (the
    verb being no cue of its own: "imposed new sanctions", "then announced new sanctions") within its
    next three words, before a comma."""
    word = _EN_VERB_WORD.match(flat, at, end)
    if word is None or word.group() in _EN_NOT_VERBS:
        return None
    text = word.group()
    if not (text.endswith("ed") or text in IRREGULAR_PAST or _en_present_verb(flat, at)):
        return None
    stop = flat.find(",", at, end)
    reach = word.end()
    for _ in range(3):
        following = re.match(r"\s+\S+", flat[reach:end])
        if following is None:
            break
        reach += following.end()
    found = cues.starting_in(at, min(reach, stop if stop >= 0 else end))
    return found[0] if found and found[0].end <= end else None


_EN_ADDRESSEE_END = re.compile(r"\s*(?:$|(?:of|about|over|against|on)\b)")


def _en_reports_clause(flat: str, low: int, at: int, known: OffsetIndex[ActorMention]) -> bool:
    """Whether a verb of saying between ``low`` and a joint at ``at`` is followed by its reported
    clause ("said it had closed …", "warned Peru would pay"). A name after it that reaches the joint
    or is followed by "of", "about", "over", "against" or "on" is the one addressed, no reported
    clause's subject ("warned Peru and threatened Bolivia": two acts, rule 1d)."""
    for said in _EN_SAYING_CLAUSE.finditer(flat, low, at):
        name = known.starting_at(said.end() - 1) if flat[said.end() - 1].isupper() else None
        if name is not None and _EN_ADDRESSEE_END.match(flat[name.end : at]):
            continue
        return True
    return False


def _en_past_word_before(
    flat: str, at: int, present: bool = False, cues: OffsetIndex[Cue] | None = None
) -> bool:
    """Whether the word right before ``at`` is a verb in the past ("arrested" in "arrested and
    detained"; with ``present`` in the present and a cue of ``cues``, "arrests and detains", not a
    plural noun, "the cameras and expels"): with nothing but "and" between two verbs, they share the
    object after the second."""
    word = re.search(r"([A-Za-z]+)$", flat[max(0, at - 30) : at])
    if word is None:
        return False
    text = word.group(1)
    if present:
        verb = cues.starting_at(at - len(text)) if cues is not None else None
        return verb is not None and _en_present_verb(flat, at - len(text))
    return text.islower() and text not in _EN_NOT_VERBS and (text.endswith("ed") or text in IRREGULAR_PAST)


def en_coordinated_predicates(
    flat: str,
    start: int,
    end: int,
    known: OffsetIndex[ActorMention],
    cues: OffsetIndex[Cue],
    quoted: Sequence[tuple[int, int]] | None = None,
) -> list[tuple[int, int]]:
    """Rule 1d (English): a clause cut before each further finite verb of its subject: "Chile
    disabled the devices and expelled the inspectors" is two acts of Chile, "Peru met Chile's envoy,
    then announced new sanctions on Bolivia" two of Peru, each with its own targets. The joint is
    "and", ", and", ", then" or "and then"; right after it (after at most "has", "also", "later" and
    such adverbs) stands a cue in the past ("expelled", "met", "threatened to leave"); the piece
    before has a name and, after it, a cue in the past that is not passive ("was criticised and
    sanctioned" stays one). Not an infinitive or a bare verb ("agreed to meet and discuss", "said it
    would close the site and expel inspectors"), nor nouns ("sanctions and tariffs"); not a joint in
    quotation marks, in an adverbial stretch ("After Iran …, Chile …"), after a relative word
    ("which", "who", "that") or after a verb of saying followed by its reported clause ("said it had
    closed … and expelled …": one statement). A name right after the joint is rule 1b's (a subject of
    its own). Each piece after the first starts at its verb. ``quoted``: as
    :func:`zh_coordinated_predicates` takes them."""
    names = known.within(start, end)
    if not names:
        return [(start, end)]
    quoted = quoted_spans(flat) if quoted is None else quoted
    scene = en_subordinate_stretches(flat, (start, end))
    subject = next((m for m in names if not any(low <= m.start < high for low, high in scene)), names[0])
    pieces: list[tuple[int, int]] = []
    piece_start = start
    for joint in _EN_COORDINATOR.finditer(flat, subject.end, end):
        at, after = joint.start(), joint.end()
        if any(low < at < high for low, high in quoted) or any(low <= at < high for low, high in scene):
            continue
        lead = _EN_SECOND_LEAD.match(flat, after, end)
        verb_at = lead.end() if lead is not None else after
        cue = _en_second_cue(flat, verb_at, end, cues)
        if cue is None:
            continue
        then = "then" in joint.group()
        word = _EN_VERB_WORD.match(flat, verb_at, end)
        if not then and word is not None and not _EN_VERB_OBJECT.match(flat, word.end(), end):
            continue  # "and detained journalists appealed …": an adjective of a noun, no verb
        # a chronology in the present ("expels … and closes …"): both verbs in -s
        present = word is not None and not (word.group().endswith("ed") or word.group() in IRREGULAR_PAST)
        if joint.group().strip() == "and" and _en_past_word_before(flat, at, present, cues):
            continue  # "arrested and detained two fishermen": two verbs of one object, one act
        if _en_reduced_passive(flat, cue.end, known):
            continue
        if _EN_SAYING_ALWAYS.match(flat, cue.start) or _EN_SAYING_CLAUSE.match(flat, cue.start):
            continue  # "… and said it would …": what the subject said of its act, no further act
        before = [c for c in cues.starting_in(max(piece_start, subject.end), at) if c.end <= at]
        if not any(_en_finite(flat, c, present) for c in before):
            continue
        if _EN_PASSIVE_BEFORE.search(flat, max(0, before[0].start - 30), before[0].start):
            continue
        stretch = flat[subject.end : at]
        if _en_reports_clause(flat, subject.end, at, known) or _EN_RELATIVE.search(stretch):
            continue
        next_joint = _EN_COORDINATOR.search(flat, after, end)
        if _same_root_no_party(cue, before, known, after, next_joint.start() if next_joint else end):
            continue  # "met his Peruvian counterpart and discussed trade": one meeting told twice
        pieces.append((piece_start, at))
        piece_start = after
    pieces.append((piece_start, end))
    return pieces
