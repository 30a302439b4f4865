"""The CAMEO roots, weights and marks the cue-choice rules share.

The rules that choose which cue types an event (:mod:`hexatable.ingest.cue_choice` and its sibling
modules) name the same roots (yield, meet, disapprove), the weight of a verb of saying and the
clause marks; they live here, the lowest of those modules, so that each rule's module imports them
and none imports another's rules for a constant."""

from __future__ import annotations

import re

NO_CUE_CAMEO = 1
"""The CAMEO root given to a dated event without a cue (a placeholder for review)."""

SAYING_WEIGHT = 0.5
"""A cue of code 01 weighing at most this is a verb of saying (表示, 称, 宣布, 声明: the reporting and
formal-statement groups of the verb dictionary), not a specific comment (否认, 表示遗憾)."""


APPEAL = 2
"""CAMEO 02, appeal: "020 make an appeal or request" (呼吁, 敦促, 希望, "called for", "urged")."""

DEMAND = 10
"""CAMEO 10, demand: "100 demand, not specified below" and 101-108 (要求, "demanded"); also an act of
one's own made to wait for another party's (a precondition, :mod:`hexatable.ingest.statement_content`)."""

REJECT = 12
"""CAMEO 12, reject: "120 reject", with 121-127 the refusals of the cooperative roots."""

REFUSED_CODES = range(3, 9)
"""Roots whose act, negated, is coded as a rejection (12): an intent to cooperate (03, "不承诺"), a
meeting (04; 125 reject proposal to meet, discuss, negotiate), diplomatic cooperation (05; 127 reject
plan, agreement), material cooperation (06; 121 reject material cooperation), aid (07; 122 reject
request for aid) and yielding (08; 124 decline to yield). Not a negated statement (01), appeal (02) or
investigation (09), which the codebook's 12 has no refusal of, nor a negated conflictual act (10-20):
not attacking is no rejection; those keep their code for review."""


def refused(code: int) -> int:
    """The code of a negated act of root ``code``: :data:`REJECT` for :data:`REFUSED_CODES`, else the
    root itself."""
    return REJECT if code in REFUSED_CODES else code


YIELD = 8
"""CAMEO 08, yield: "087 de-escalate military engagement", "080 yield"."""


MEET = 4
"""CAMEO 04, consult: meetings, visits, talks (040-046)."""

DISAPPROVE = 11
"""CAMEO 11, disapprove; 114 "complain officially" is a protest lodged (提出抗议, 表示抗议), where 14 is
a protest in the street (140-145: demonstrations, hunger strikes, strikes, obstruction)."""
CONFLICT_TOP = 20
"""The highest root of disapproval or conflict (11-20) a question's stretch may hold."""
LODGED = 14
"""The highest root a light verb with no topic phrase carries
(:func:`hexatable.ingest.zh_spans.zh_carried`): 11-14 are acts done by saying (disapprove, reject,
threaten, protest), so 表示反对, 提出抗议 do them; 15-20 are acts done in the world (a force
posture, sanctions, coercion), which 提出 only proposes (提出制裁: 030)."""

ANY_MARK = re.compile(r"[，,；;：:。！？!?]")
"""Clause marks: a cue's reach ends at one."""
ZH_MEETING_NOUNS = frozenset(["会谈", "谈判", "会议", "会晤", "峰会", "磋商", "对话", "首脑会晤"])
"""Cues that are nouns of a meeting as often as verbs: the subject of a later predicate."""
EN_MEETING_NOUNS = frozenset(["talks", "summit", "meeting", "dialogue"])
"""English meeting nouns of the verb dictionary (04): in a reported clause nearly always what the
statement is about, not its act ("said the talks would resume"). Not "talk", which after "said it
would" is the speaker's own act (:mod:`hexatable.ingest.parties` adds it for "a talk between")."""
