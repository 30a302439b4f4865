"""English reported speech: where the clause a verb of saying reports begins (rule 3e of
:mod:`hexatable.ingest.extract`).

"X said (that) Y did Z" tells two things, the statement and the reported act, and
:func:`en_reported_parts` cuts such a clause in two, each part with the date it says or inherits.
:func:`en_verb_before_names` tells extraction when a clause's subject may be a name no layer knows.
Pure: offsets in, offsets out; the clause's main cue comes from :mod:`hexatable.ingest.main_cue`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from hexatable.ingest.clauses import EN_SUBJECT_LEAD
from hexatable.ingest.cue_codes import NO_CUE_CAMEO, SAYING_WEIGHT
from hexatable.ingest.dates import in_quotation
from hexatable.ingest.main_cue import main_cue
from hexatable.ingest.offsets import OffsetIndex
from hexatable.ingest.types import ActorMention, Cue, DateMention, Lang

_EN_THAT = re.compile(r"\s+(?:[^,;:\"“”]{0,60}?\s)?that\s+")
"""What stands between a verb of saying and the clause it reports: "that", after at most a short
stretch without clause marks ("said on Sept. 19 that", "told reporters that"); else a space."""
_EN_NOUN_BEFORE_THAT = re.compile(r"\s+(?:the|a|an|this|these|those|its|his|her|their|our)\s", re.IGNORECASE)
"""A determiner right after a verb of saying: its object is a noun ("said the rumour that …",
"denied a report that …"), whose "that" clause is the noun's content, not the verb's report."""
_EN_ADDRESSEE = re.compile(r"(?:tell|told|inform|notif|brief|assur|remind)", re.IGNORECASE)
"""Verbs of saying whose first object is the one told ("informed IAEA inspectors that …"): what
they report follows "that", never the name right after them."""
_EN_REPORTED_PRONOUN = re.compile(r"(?:it|he|she|they)\b")
_EN_NOT_DONE = re.compile(
    r"\b(?:will|would|shall|could|might|(?-i:may)|must|should|can|is to|are to|was to|were to"
    r"|plans? to|planned to|intends? to|intended to|wants? to|wanted to"
    r"|is ready to|was ready to|is willing to|was willing to)\b",
    re.IGNORECASE,
)
"""A modal or a word of intent between a reported clause's subject and its act: the act is announced,
not done ("said Colombia would open talks"), so it is the statement's content, not an event. "may"
only in lower case: "May" is the month ("North Korea in May shut down the reactor")."""


@dataclass(frozen=True)
class _Reported:
    """Where the clause reported by a verb of saying begins in an English clause (rule 3e), whether
    a party other than the speakers acts in it, and whether its act is reported as done."""

    start: int
    other: bool
    done: bool = True


def _en_reported(
    flat: str, start: int, end: int, known: OffsetIndex[ActorMention], cues: OffsetIndex[Cue]
) -> _Reported | None:
    """Rule 3e: the reported clause of "X said (that) Y did Z". The clause's main cue (rule 3) must
    be a verb of saying (code 01, weight at most :data:`SAYING_WEIGHT`: say, tell, announce,
    confirm, inform) with a speaker named before it; the reported clause opens right after it, or
    after its "that" (:data:`_EN_THAT`), with a subject (a name, after at most "the", or a pronoun)
    that a cue follows. ``other`` when that subject is a name none of the speakers bears (a pronoun
    is read as the speaker, the usual referent of "North Korea said it would …"); ``done`` unless a
    modal or a word of intent stands between the subject and that cue (:data:`_EN_NOT_DONE`)."""
    inside = known.within(start, end)  # by offset, not by filtering the sentence's lists
    clause_cues = cues.within(start, end)
    main = main_cue(clause_cues, inside)
    if main is None or main.cameo != NO_CUE_CAMEO or main.weight > SAYING_WEIGHT:
        return None
    speakers = {m.actor for m in inside if m.end <= main.start}
    if not speakers:
        return None
    that = _EN_THAT.match(flat, main.end, end)
    addressee = _EN_ADDRESSEE.match(main.text) is not None
    word = flat.rfind("that", main.end, that.end()) if that is not None else -1
    if that is not None and (
        any(main.end <= c.start < word for c in clause_cues)
        or (not addressee and any(main.end <= m.start < word for m in inside))
        or (not addressee and _EN_NOUN_BEFORE_THAT.match(flat, main.end, word))
    ):
        # a later "that" ("said Japan refused the aid that …"), or one after a noun the verb says
        # ("said the rumour that …": what follows is the rumour's content, not a report): not the verb's
        that = None
    space = re.match(r"\s+", flat[main.end : end])
    if that is not None:
        opens = that.end()
    elif space is not None and not addressee:
        opens = main.end + space.end()
    else:
        return None  # '"…," he said.'; "told reporters in Seoul"
    lead = EN_SUBJECT_LEAD.match(flat, opens, end)
    at = lead.end() if lead else opens
    subject = next((m for m in inside if m.start == at), None)
    if subject is not None and flat[subject.end : subject.end + 2] in ("'s", "’s"):
        return None  # "said Japan's refusal was …": the name owns the subject, it is not one
    if subject is not None:
        subject_end, other = subject.end, subject.actor not in speakers
    elif (pronoun := _EN_REPORTED_PRONOUN.match(flat, at, end)) is not None:
        subject_end, other = pronoun.end(), False
    else:
        return None
    acts = [c for c in clause_cues if c.start >= subject_end and c.end <= end]
    if not acts:
        return None
    # up to just past the act's cue: the word of intent may be the cue itself ("Y plans to attack")
    done = _EN_NOT_DONE.search(flat, subject_end, min(end, acts[0].end + 4)) is None
    return _Reported(opens, other, done)


def en_reported_parts(
    flat: str,
    start: int,
    end: int,
    own: DateMention | None,
    known: OffsetIndex[ActorMention],
    cues: OffsetIndex[Cue],
    dates: OffsetIndex[DateMention],
) -> list[tuple[int, int, DateMention | None, int | None]]:
    """Rule 3e: an English clause reporting another party's act ("A Seoul official said that Japan
    refused aid on Monday") is two clauses: the statement, dated by its own date (one opening the
    clause or written before the reported clause), and the reported act, dated by a date written in
    it, else by the statement's. A report of the speaker's own act ("North Korea said it shut the
    reactor on Saturday") is two clauses only when the reported clause writes a date of its own (the
    act's time, not the statement's; its subject "it" then takes the statement's actors); else it
    stays one clause. Each part is ``(start, end, own date, reported_at)``; a date at or after
    ``reported_at`` is the reported act's time, not the narration's, so the clauses after it do not
    inherit it (rule 2). The sentence's names, cues and dates come indexed by offset."""
    reported = _en_reported(flat, start, end, known, cues)
    if reported is None:
        return [(start, end, own, None)]
    at = reported.start
    datable = [
        d
        for d in dates.starting_in(start, at)
        if (d.anchor or d.rule.endswith("+back")) and "+list" not in d.rule
    ]
    said = own if own is not None and own.start < at else None
    said = said or (datable[0] if datable else None)
    # the act's date need not be the first of its sentence ("On Monday, X said Y did Z on Saturday")
    written = [d for d in dates.starting_in(at, end) if not d.aside and not in_quotation(flat, d.start)]
    if not reported.done or (not reported.other and not written):
        return [(start, end, own, at)]  # an act announced, or the speaker's own without a date
    act = (written[0] if written else None) or said
    return [(start, at, said, None), (at, end, act, at)]


def en_verb_before_names(lang: Lang, inside: Sequence[ActorMention], cues: Sequence[Cue]) -> bool:
    """Rule 3, English: a cue stands before every known name of the clause ("Korean Americans urged
    North Korea to talk"), so its subject, if written, is a name no layer knows."""
    return lang == "en" and bool(inside) and bool(cues) and min(c.end for c in cues) <= inside[0].start
