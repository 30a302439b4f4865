"""From a document to draft events: the pure core of ingest.

:func:`extract` reads a :class:`~hexatable.ingest.read.SourceDocument` sentence by sentence
(:mod:`hexatable.ingest.segment`) and returns an :class:`Extraction`. Dates, actors and cues are
found in each sentence's flat text (line breaks removed) by the date finder, the gazetteer and the
verb dictionary; this module decides which of them make an event, and how sure it is. The rules
for clauses live in :mod:`hexatable.ingest.clauses`, those for actors and targets in
:mod:`hexatable.ingest.parties` and those for the date a clause takes in
:mod:`hexatable.ingest.event_dates`; this module runs them in order and assembles the events.

The rules (documented for reviewers in ``docs/ingest.md``):

1. **Clauses.** A sentence is cut into clauses at each date that opens a clause: one at the start of
   the sentence or right after a comma, semicolon or colon (``5月29日，金英哲赴美，30日至31日与蓬佩奥
   在纽约会面`` is two clauses). A date inside a clause ("会晤将于6月12日举行") does not cut it.
   **1b.** In Chinese a clause is cut again after ，/； when what follows opens with its own subject
   (a name or a reference word, after at most a connective) and has a cue, the piece before has a
   name and a cue, and the stretch before the comma is not adverbial (经…, 鉴于…, …时, …之后):
   ``美方建议韩日加入，中方建议俄罗斯加入`` is two clauses with one date (:func:`subjects_clauses`);
   without a comma only before a name and its own verb (``…而韩国提出抗议``, "… and China protested").
2. **Date.** A clause's date is the date that opens it, else the first date in it (explicit; an
   English entry's opening year gives way to a finer date of the clause in that year, round 8); only
   dates that move the date finder's running context count (``DateMention.anchor``: not a plan such
   as "将于6月12日", a quoted date or a bound such as "2003年以来"). A
   clause with no date of its own inherits the last date said earlier *in the same paragraph*
   (:mod:`hexatable.ingest.segment` says where paragraphs, i.e. chronology entries, start); the date
   is then marked inferred. Dates listed after the clause's date (2008年3月和4月, "on March 3 and 5":
   rule suffix ``+list``) give one event each, with the same actors and act: a list is not a range
   (docs/ingest-dates.md, "Lists of dates"); a clause that inherits the list's first date inherits the
   whole list. In English, a clause with nothing to inherit takes the
   day of writing when one is known (the text's news dateline or the source's date, the finder's
   ``written``), also marked inferred: a news report's undated sentences tell of that day or just
   before. Otherwise a
   clause with nothing to inherit is not an event (a warning says so when it had an actor and a cue).
   **2c.** Under a heading line (``# …``, as the reader writes HTML and docx headings) that is only a
   date of day or month precision, a clause with nothing to inherit in its paragraph takes the
   heading's date, marked inferred, until the next heading; a heading that is only a year sets the
   date finder's year and dates nothing (an English bare year is read as "in 2007" would be).
   **2d.** In plain text (.txt, .md) a line that is only a date ("2007年2月13日", "13 February 2007",
   maybe with a trailing colon or dash) at the start of a sentence is read as such a heading: it dates
   the entries under it until the next such line or heading (:func:`read_date_line`). A line that is a
   date and text stays an ordinary sentence. In English a bare year line ("2003", "2003:") sets the
   finder's year first and the line under it is read as the date line (:func:`read_year_line`, round 7).
   An entry under it opening with its own year or years ("1998–2000: …") is dated by them, and the
   entries after it keep the section's year (round 8).
   **2e.** The document's title (its first sentence or a heading, ending in 大事记/纪要/年表 or
   having "chronology" or "timeline" without a final stop; or its first sentence with no cue and no
   clause punctuation) is no event (:func:`hexatable.ingest.names.is_title_line`).
   **2f.** An English news dateline ("BEIJING, Dec. 11 (Yonhap) --"), a sentence of its own
   (:func:`hexatable.ingest.segment.dateline_end`), is no event, nor a date to inherit: it sets the
   finder's day of writing, which the lede and the report's undated clauses take (rule 2). A
   Chinese one ("新华社北京1月14日电") is no event either; its day dates the report's undated clauses
   as a date heading does (rule 2c). A wire's timestamp before either ("14/01/2009 13:19") gives the
   dateline its year (:func:`_zh_stamp_year` for Chinese), or, in English, its day when the dateline
   has none (a Chinese dateline always writes its day). A dateline's day without a year takes the
   year nearest the previous dateline or the running date, in either language (after 2008年12月30日,
   新华社北京1月2日电 is 2009-01-02: :func:`hexatable.ingest.dates_zh._datelined`).
3. **Actors and targets.** The main cue is the first cue after the clause's first actor (the
   languages are subject–verb–object), else the first cue. Actors named before the main cue are the
   actors, those after it the targets; in Chinese an actor right after a preposition of direction
   (与, 同, 跟, 向, 对, 给) or after 把/将 (the disposal construction's object: "美国将朝鲜除名") is a
   target ("特朗普与金正恩会面"; 和 joins co-actors), and so are the names listed after such a target
   ("同韩国、美国会谈"); a name after 就 ("about") is the topic, a target too. In the passive the
   agent acts: a name right after 被, 遭(到), 受到 or 由 before the main cue ("记者被朝鲜逮捕"), or
   after "by" following a passive cue ("were arrested by North Korea"), is the actor and the subject
   the target (:func:`_passive_roles`). A name right after a preposition of place (在, 于, 驻; "in",
   "at") is where the event happens, not an actor ("在新加坡举行", "美国驻韩国大使"), and so is a
   name that follows such a place ("河内" in "在越南首都河内").
   A state is not a party of its own when one of its persons is named in the same clause: it is
   the person's affiliation ("朝鲜最高领导人金正恩"; "美朝领导人" beside 特朗普 and 金正恩), kept
   in the person mention's ``state``; so is an organisation a person of it is named with (the
   gazetteer's ``body_of``: IAEA beside its director general). A state written right before its
   leader's government (美国小布什政府) acts, not the leader (:func:`administrations`). A name
   written right before the head noun of a thing (澳门汇业银行, 朝鲜半岛, 朝美关系, 朝鲜制裁委员会)
   modifies it and is not a party (:func:`drop_modifiers`). A name in the frame 在…下 (在中方的斡旋下)
   is a target, not a place; one listed after a place (在日内瓦、新加坡) is a place.
   **3c.** Places, titles and document names (:mod:`hexatable.ingest.names`): a capital in a title
   (《巴黎协定》, the Paris Agreement) or right before a meeting word (巴黎气候大会) is a venue, a state
   after 驻 is where a mission is posted, a name inside a title never acts, an English document
   name holds no cue and is never proposed, and a titled person ("President Obama") is proposed.
   Pronouns and collective words (他, 双方, 该国) stand for the parties
   :mod:`hexatable.ingest.reference` resolves them to, as names do, and the event says so in
   ``inferred``. Names nobody knows (the gazetteer's proposals) are looked for
   only in a clause that would be an event but has no known subject, and then stand as its actors:
   a known name is better evidence than a guessed one (and the proposal tagger is the slow part of
   ingest). A clause whose subject is left out (Chinese ellipsis, "…赴美，30日与蓬佩奥会面") takes
   the actors of the clause before it in the same sentence, marked as inferred; a Chinese sentence
   that opens with its verb ("…访问平壤。会见了…") takes those of the paragraph's last clause with
   actors (:func:`zh_verb_initial`), never across a paragraph. An actor is never its own target.
   **3d.** The main cue splits actors from targets; the cue that types the event may be another
   (:func:`_zh_event_cue`, :func:`_en_event_cue`, :mod:`hexatable.ingest.cue_choice`): not one that
   describes a noun (访问的外长, 制裁问题, ", which hosted talks,"), a meeting noun's predicate (会谈
   被推迟), a verb of saying's reported act (rule 3b), an agreed text adopted (通过《…共同声明》), and a
   negated act of cooperation coded as its rejection (12), and an act under a modal negation
   (不应, 不必, "should not", "need not") coded as a statement (01): neither done nor refused.
   **3e.** In English a clause whose main cue is a verb of saying reports the clause after it (right
   after the verb or after its "that"); when that clause opens with a name none of the speakers
   bears and has a cue, or reports the speaker's own act with a date of its own, it is two clauses,
   the statement and the reported act, each with its own date (:func:`_en_reported_parts`). A date
   in a reported clause is never inherited by the clauses after it: it is the reported act's time,
   not the narration's. A report of the speaker's own act in one clause is coded by the act, as
   rule 3b's is in Chinese (round 7, :func:`hexatable.ingest.own_act.en_own_act`).
   **3f.** In English a stretch between commas that opens with a subordinator ("After Japan refused
   the aid, China criticized Japan") sets the scene as rule 3b's stretches do in Chinese
   (:func:`en_subordinate_stretches`).
   **3h.** In Chinese a clause that only tells a meeting's later phase, its subject left out or the
   meeting itself ("7月18日闭幕。", "11月11日，第一阶段会议结束"), with no event of another kind since
   the paragraph's last meeting (04) told with a meeting noun, is that meeting's parties meeting (a
   joint meeting's, 与 X 举行会谈, with X), subject inferred (:mod:`hexatable.ingest.meeting_phase`).
4. **Event or not.** A clause is an event when it has an actor and either a cue or a date of its
   own. Without a cue the CAMEO code is 01 (make public statement), a placeholder the low confidence
   and the missing cue flag for review.
   **4b.** A clause that only says what an act (a noun) had as an effect, what a document referred
   back to provides, or an act only asked about (是否, "whether") tells no act and is no event
   (:mod:`hexatable.ingest.no_act`).
5. **Confidence** is the sum of documented parts (:data:`CONFIDENCE`): a base, the date (said in the
   clause with its year, said with the year from context, or inherited), the cue (scaled by its
   dictionary weight), the actors (known to the case or gazetteer, or only proposed), less a
   penalty per actor beyond three (roles in a crowded clause are uncertain; a group read as its
   members counts as one name); clipped to [0, 1].
6. **Quote.** The clause's own text, flat (line breaks removed in Chinese, one space in English),
   cut at a clause mark when longer than :data:`QUOTE_MAX`; it starts on the event's ``line``, so the
   case loader's quote check accepts it.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import Protocol

from hexatable.case.quotes import SourceText
from hexatable.ingest import names as titles
from hexatable.ingest.clauses import (
    CLAUSE_MARK,
    EN_SUBJECT_LEAD,
    en_subordinate_stretches,
    split_clauses,
    subjects_clauses,
    zh_enumerated_cues,
    zh_subject_date,
    zh_subordinate_stretches,
    zh_verb_initial,
)
from hexatable.ingest.cue_choice import NO_CUE_CAMEO as NO_CUE_CAMEO
from hexatable.ingest.cue_choice import SAYING_WEIGHT as SAYING_WEIGHT
from hexatable.ingest.cue_choice import (
    en_in_relative,
    en_judged_past,
    en_modal_negated,
    en_negated,
    en_stopovers,
    fallbacks_yield,
    halted,
    refused,
    resolution_declined,
    resolution_sanctions,
    sanctions_modifiers,
    slowed_acts,
    weak_senses,
    zh_adoption,
    zh_announced_meeting,
    zh_carried,
    zh_fences,
    zh_in_reason,
    zh_in_time_clause,
    zh_in_topic,
    zh_modal_negated,
    zh_modifies,
    zh_negated,
    zh_negation,
    zh_predicate,
    zh_question_cues,
    zh_reasons_in,
    zh_subject_like,
    zh_subject_modifier,
)
from hexatable.ingest.dates import in_quotation, quoted_spans
from hexatable.ingest.event_dates import DATELINE_RULE as DATELINE_RULE
from hexatable.ingest.event_dates import (
    EN_YEAR_HEADING,
    HEADING_LINE,
    PLAIN_KINDS,
    day_of_writing,
    default_finder,
    in_scene,
    list_from,
    new_paragraph,
    only_dates,
    period_note,
    read_date_line,
    read_dates_in,
    read_year_line,
)
from hexatable.ingest.meeting_phase import MEETING_PHASE_CAMEO, meeting_parties, meeting_phase
from hexatable.ingest.no_act import tells_no_act
from hexatable.ingest.offsets import OffsetIndex
from hexatable.ingest.own_act import INTENT_CODES as INTENT_CODES
from hexatable.ingest.own_act import en_own_act
from hexatable.ingest.parties import (
    EN_AGENT,
    EN_PASSIVE,
    EN_SAYING_AFTER,
    ZH_NOUN_JOINT,
    actor_roles,
    administrations,
    clause_proposals,
    drop_affiliations,
    drop_modifiers,
    drop_places_after_prepositions,
    en_inverted_speaker,
    en_quoted_speaker,
    is_person,
    unique_mentions,
    zh_received,
)
from hexatable.ingest.parties import ActorFinder as ActorFinder
from hexatable.ingest.read import SourceDocument
from hexatable.ingest.reference import Reference, ReferenceMemory, default_kind
from hexatable.ingest.render import render_event
from hexatable.ingest.script import Scripts, shown_event
from hexatable.ingest.segment import Sentence, dateline_end, dateline_stamp, language_sections, segment
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
from hexatable.ingest.tied_names import TiedNames
from hexatable.ingest.types import (
    ActorMention,
    Cue,
    DateFinder,
    DateMention,
    DraftEvent,
    Lang,
    Note,
    ProposedActor,
)


class CueFinder(Protocol):
    """What :func:`extract` needs of a verb dictionary (:class:`hexatable.ingest.verbs.VerbDictionary`):
    its cues in a text, and the phrases it says are no cue (a cue-less clause opening with one tells
    no act of the name after it, rule 4)."""

    @property
    def not_cues(self) -> Sequence[tuple[Lang, str]]: ...

    def find(self, text: str, lang: Lang) -> list[Cue]: ...


@dataclass(frozen=True)
class Extraction:
    """What ingest found in one document: draft events, proposed actors, unresolved dates, warnings.

    ``events`` are in document order with unique ids ``<source_id>-<line>-<n>``; ``proposed`` holds
    each unknown name once (first occurrence); ``unresolved`` the date expressions whose year could
    not be worked out from the text; ``warnings`` anything a reviewer should know (sentences with an
    actor and a cue but no date to attach, ...).
    """

    source_id: str
    document: SourceDocument
    lang: Lang
    events: tuple[DraftEvent, ...]
    proposed: tuple[ProposedActor, ...] = ()
    unresolved: tuple[str, ...] = ()
    warnings: tuple[Note, ...] = ()
    langs: tuple[Lang, ...] = ()
    """The languages of a text read block by block in two languages (``per_block``), in the order
    they first appear; empty when the whole text was read in ``lang``."""

    def above(self, min_confidence: float) -> Extraction:
        """The same extraction keeping only events of at least ``min_confidence``."""
        kept = tuple(e for e in self.events if e.confidence >= min_confidence)
        return replace(self, events=kept)


CONFIDENCE: dict[str, float] = {
    "base": 0.1,
    "date-said": 0.35,
    "date-year-from-context": 0.3,
    "date-inherited": 0.15,
    "cue": 0.3,
    "actor-known": 0.25,
    "actor-proposed-only": 0.1,
    "per-actor-beyond-3": -0.05,
    "subject-inherited": -0.1,
    "actor-from-reference": -0.05,
}
"""The parts an event's confidence is the sum of (see rule 5 of the module docstring)."""

QUOTE_MAX = {"zh": 80, "en": 240}
"""Longest quote in characters; a longer clause is cut at its last clause mark before this."""

_CJK_CHAR = re.compile(r"[\u3400-\u9fff]")
_MARKUP_CHARS = re.compile(r"[\[\]*\\]")


def _opens_entry(text: str, start: int) -> bool:
    """Whether the sentence at ``start`` of the document ``text`` opens a line of its own, so ends the
    entry before it. An entry that opens with its own year ("2001: …") dates its own later sentences
    on its line ("2001: … In March, …" is 2001-03); the year line's year resumes at the next line
    that does not continue the entry's sentence, whatever it opens with (review F10: round 9 waited
    for a line opening with a digit, a month and day or a bullet, so "On June 5, …" and "(March 3)"
    on the lines after took the entry's year).

    >>> _opens_entry("2003\\n2001: Iran met Russia.\\nOn June 5, China met Iran.", 28)
    True
    >>> _opens_entry("2001: Iran met Russia. In March, Russia sent fuel.", 23)
    False
    """
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip()


def _absolute(mention: DateMention, sentence: Sentence) -> DateMention:
    start, end = sentence.span(mention.start, mention.end)
    return replace(mention, start=start, end=end)


def _zh_stamp_year(finder: DateFinder, flat: str, lang: Lang) -> None:
    """Rule 2f: a wire's timestamp before a Chinese dateline ("14/01/2009 13:19 新华社北京1月14日电"),
    read as the English path reads one (:func:`hexatable.ingest.segment.dateline_stamp`): its year
    sets the finder's running year, as a year heading does ("2008年", rule 2c), so the dateline's
    1月14日 resolves in a report that said no year before it. Only the year: a Chinese dateline
    always writes its day (:func:`hexatable.ingest.segment.dateline_end`), and 03/04/2009 does not
    say which is the month. The Chinese finder reads no such stamp itself; English does (its lexer)."""
    stamp = dateline_stamp(flat, 0, lang="zh") if lang == "zh" else None
    if stamp is not None:
        finder.find(f"{stamp.year}年")


def _absolute_actor(mention: ActorMention, sentence: Sentence) -> ActorMention:
    start, end = sentence.span(mention.start, mention.end)
    return replace(mention, start=start, end=end)


def _absolute_cue(cue: Cue, sentence: Sentence) -> Cue:
    start, end = sentence.span(cue.start, cue.end)
    return replace(cue, start=start, end=end)


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
    main = _main_cue(clause_cues, inside)
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


def _en_reported_parts(
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


def _en_verb_before_names(lang: Lang, inside: Sequence[ActorMention], cues: Sequence[Cue]) -> bool:
    """Rule 3, English: a cue stands before every known name of the clause ("Korean Americans urged
    North Korea to talk"), so its subject, if written, is a name no layer knows."""
    return lang == "en" and bool(inside) and bool(cues) and min(c.end for c in cues) <= inside[0].start


def _entry_date(
    flat: str,
    lang: Lang,
    actors: Sequence[ActorMention],
    dates: Sequence[DateMention],
    low: int,
    high: int,
    line_date: DateMention,
) -> DateMention | None:
    """The date an entry run into its date line says itself (rule 2d), else None: in Chinese one
    right after the entry's subject ("美国3月5日谴责…", :func:`zh_subject_date`), in English the first
    date of the entry, outside quotation marks and not before the date line's ("The United States on
    March 5 condemned …"; an earlier one is a back-reference). Its own date wins over the date
    line's, as it does for the entries after it, which are sentences of their own."""
    if lang == "zh":
        own = zh_subject_date(flat, [a for a in actors if a.start >= low], dates, line_date)
        return own if own is not None and low <= own.start < high else None
    quoted = quoted_spans(flat)
    for date in dates:
        if not low <= date.start < high or any(a < date.start < b for a, b in quoted):
            continue
        return date if date.date.latest() >= line_date.date.earliest() else None
    return None


def _not_cue_subject(
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
    ("added five North Korean companies to its list") is no actor of a statement. Before the phrase
    was a not-cue its noun was a cue whose clause had no actor, so no event; the not-cue must not
    turn the clause into one (second review of round 6). "Secretary of State Clinton" (a name right
    after the phrase) is the clause's subject still."""
    stretch = flat[start:first_actor]
    text = stretch.lower() if lang == "en" else stretch
    for not_lang, phrase in not_cues:
        if not_lang != lang:
            continue
        at = text.find(phrase.lower() if lang == "en" else phrase)
        if at < 0:
            continue
        after = start + at + len(phrase)
        gap = flat[after:first_actor]
        if not any(m.start == after + len(gap) - len(gap.lstrip()) for m in known):
            return True
    return False


def _en_unknown_subject(flat: str, start: int, first_actor: int) -> bool:
    """Whether a cue-less English clause opens with a subject no gazetteer knows and its verb before
    its first name (round 7): "The committee added North Korean companies to its list" names the
    committee as the one who acts and North Korea only in the object, so the name is no actor and the
    clause no event (the case's events need an actor: one with none is not allowed, and giving the
    act to the name after the verb would be wrong). The stretch after the clause's last comma before
    the name is a determiner and at least two lower-case words (a noun and its verb), the last no
    preposition or conjunction ("the delegates from North Korea", "the talks and North Korea" keep
    the name in the subject). Since round 8 the last word must read as a verb, not as a modifier of
    the name (:func:`_en_prenominal`): "the newly elected South Korean president took office" and
    "the last remaining US troops left" have the name inside their subject, and act."""
    stretch = flat[start:first_actor]
    stretch = stretch[stretch.rfind(",") + 1 :]
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
    clause then keeps its event, as before round 7."""
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


def _main_cue(
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
    (:func:`_zh_reported_act`)."""
    if lang == "zh" and cues:
        cues = _zh_main_verbs(flat, span, cues)
    elif lang == "en" and cues and flat:
        scene = en_subordinate_stretches(flat, span)
        cues = [c for c in cues if not any(low <= c.start < high for low, high in scene)] or list(cues)
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


def _zh_main_verbs(
    flat: str, span: tuple[int, int], cues: Sequence[Cue], modifiers: bool = False
) -> list[Cue]:
    """The cues that can be a clause's main verb (rule 3b): not inside a title in 《》 (a treaty or a
    plan named, 《不扩散核武器条约》), nor inside an adverbial stretch ("在六方会谈中，朝鲜要求…": the
    talks set the scene, the demand is the act); with ``modifiers``, nor a cue that describes a noun
    (rule 3d, :func:`hexatable.ingest.cue_choice.zh_modifies`); all of them when that leaves none."""
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


def _zh_event_cue(
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
    split actors from targets), its candidate cues ``said`` (:func:`_zh_main_verbs` with modifiers
    passed over) and all its ``cues``. A main cue that describes a noun gives way to the next
    candidate, unless it is the ``subject``'s own act (韩国向朝鲜运送的重油:
    :func:`hexatable.ingest.cue_choice.zh_subject_modifier`); a light verb after a topic phrase to
    the act it carries (:func:`hexatable.ingest.cue_choice.zh_carried`); a verb of saying to the
    speaker's reported act (:func:`_zh_reported_act`); a meeting noun to its predicate (会谈被推迟); and a
    negated act of cooperation is coded as its rejection (:func:`hexatable.ingest.cue_choice.refused`)."""
    adopted = zh_adoption(flat, *span)
    if adopted is not None and (
        main.cameo in (NO_CUE_CAMEO, 4) or main not in said or adopted.start < main.start
    ):
        return adopted  # rule 3d: the meeting or the speaker adopts an agreed text (057)
    imposed = resolution_sanctions(flat, span[0], span[1], cues, "zh", subject, mentions)
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
    declined = resolution_declined(flat, span[0], span[1], cues, "zh", subject, mentions)
    if any(act.start == d.start for d in declined):
        # rule 3d (v), round 7: 通过决议，不对朝鲜实施新的制裁 adopts a resolution without sanctions,
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
        return _zh_epithet_given(flat, *span) or act  # rule 3g: 称其为“暴君” (111)
    return zh_hoped_outcome(flat, act, cues) or act  # rule 3g: 期待会谈取得成果 (013)


def _zh_epithet_given(flat: str, start: int, end: int) -> Cue | None:
    """The insult of :func:`hexatable.ingest.statement_content.zh_epithet` in ``flat[start:end]``
    when it is given (rule 3g (iv)), else None: since round 8 not when its verb is negated ("美国不再
    将朝鲜称为“邪恶轴心”", "没有将…称为", 从未称…为: no label given, so no denunciation, 01 as before
    round 7) nor when the labelling is named as a thing (:data:`_ZH_NAMED_ACT`: "美国将朝鲜称为“邪恶
    轴心”一事，朝鲜至今耿耿于怀" is the topic of another party's feeling, no act of this clause)."""
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


def _en_event_cue(
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
    rejection (:func:`hexatable.ingest.cue_choice.refused`). A statement whose content is a threat,
    a precondition or an insult, and a resolution that imposes sanctions, are coded by that content
    (rule 3g, :mod:`hexatable.ingest.statement_content`; rule 3d (v): read in the clause ``span``, for
    the resolution its first actor of ``actors`` adopts, no other name of ``mentions`` between)."""
    subject = actors[0] if actors else None
    imposed = resolution_sanctions(flat, span[0], span[1], cues, "en", subject, mentions)
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
    declined = resolution_declined(flat, span[0], span[1], cues, "en", subject, mentions)
    if any(main.start == d.start for d in declined):
        # rule 3d (v), round 7: "adopted a resolution that does not impose sanctions", coded by the
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
    it is the rejection of that act (:func:`hexatable.ingest.cue_choice.refused`). In
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


def _quote(flat: str, start: int, end: int, lang: Lang) -> tuple[int, int]:
    """Flat offsets of the quote within a clause (rule 6): trimmed, cut when too long."""
    while start < end and (flat[start].isspace() or CLAUSE_MARK.match(flat[start])):
        start += 1
    while end > start and (flat[end - 1].isspace() or CLAUSE_MARK.match(flat[end - 1])):
        end -= 1
    limit = QUOTE_MAX[lang]
    if end - start > limit:
        cut = None
        for mark in CLAUSE_MARK.finditer(flat, start + limit // 3, start + limit):
            cut = mark.start()
        end = cut if cut is not None else start + limit
    return start, end


def _checkable_end(lines: Sequence[str], flat: str, start: int, end: int, sentence: Sentence) -> int:
    """The end of the longest quote ``flat[start:end']`` (``end' <= end``, cut before a markup
    character or at a clause mark) that the case loader's check finds on its first line, or
    ``start`` if none. Needed where markup is split across lines (a link opened on one line and closed
    on the next): the check reads each line's markup alone, a quote reads it whole."""
    first = sentence.line_of_flat(start)
    cuts = sorted(
        {end}
        | {m.start() for m in _MARKUP_CHARS.finditer(flat, start, end)}
        | {m.start() for m in CLAUSE_MARK.finditer(flat, start, end)},
        reverse=True,
    )
    for cut in cuts:
        quote = flat[start:cut].strip()
        if not quote:
            continue
        last = sentence.line_of_flat(max(start, cut - 1))
        if 1 in SourceText(tuple(lines[first - 1 : last])).find_lines(quote):
            return cut
    return start


def _reasons(
    date: DateMention,
    inherited: bool,
    subject_inherited: bool,
    references: Sequence[Reference] = (),
    heading_line: int | None = None,
) -> list[Note]:
    """Why an event is ``basis: inferred`` (empty when its clause says everything)."""
    reasons: list[Note] = []
    if inherited and date.rule == DATELINE_RULE:
        reasons.append(Note("date-dateline"))
    elif inherited and heading_line is not None:
        reasons.append(Note("date-heading", (("date", date.text), ("line", heading_line))))
    elif inherited:
        reasons.append(Note("date-inherited", (("date", date.text),)))
    elif date.inferred and date.rule.startswith(("en-weekday", "en-written")):
        reasons.append(Note("date-from-writing", (("date", date.text),)))
    elif date.inferred:
        reasons.append(Note("date-context", (("date", date.text),)))
    period = period_note(date)
    if period is not None:
        reasons.append(period)
    if subject_inherited:
        reasons.append(Note("subject-inherited"))
    for reference in references:
        written = [m.text for m in reference.referents]
        names = ("、" if any(_CJK_CHAR.search(n) for n in written) else " and ").join(written)
        reasons.append(Note(f"reference-{reference.rule}", (("word", reference.text), ("names", names))))
    return reasons


def confidence(
    *,
    date: DateMention,
    inherited: bool,
    cue: Cue | None,
    actors: Sequence[ActorMention],
    subject_inherited: bool = False,
    actor_from_reference: bool = False,
) -> float:
    """An event's confidence from the parts of :data:`CONFIDENCE` (rule 5)."""
    score = CONFIDENCE["base"]
    if inherited:
        score += CONFIDENCE["date-inherited"]
    elif date.inferred:
        score += CONFIDENCE["date-year-from-context"]
    else:
        score += CONFIDENCE["date-said"]
    if cue is not None:
        score += CONFIDENCE["cue"] * max(0.0, min(1.0, cue.weight))
    if any(a.origin != "proposed" for a in actors):
        score += CONFIDENCE["actor-known"]
    elif actors:
        score += CONFIDENCE["actor-proposed-only"]
    # counted by names written: a group read as its member states (六方 -> six) is one name
    named = len({(a.start, a.end) for a in actors})
    score += CONFIDENCE["per-actor-beyond-3"] * max(0, named - 3)
    if subject_inherited:
        score += CONFIDENCE["subject-inherited"]
    if actor_from_reference:
        score += CONFIDENCE["actor-from-reference"]
    return round(max(0.0, min(1.0, score)), 3)


class NameReader(Protocol):
    """What a gazetteer's ``reader(lang)`` returns: names found with the document read so far."""

    def find(self, text: str) -> list[ActorMention]: ...


def extract(
    document: SourceDocument,
    *,
    lang: Lang,
    gazetteer: ActorFinder,
    verbs: CueFinder,
    source_id: str,
    year: int | None = None,
    finder: DateFinder | None = None,
    progress: Callable[[int], None] | None = None,
    per_block: bool = False,
) -> Extraction:
    """The draft events of ``document``, by the rules of the module docstring.

    Parameters
    ----------
    document
        The text, from :func:`hexatable.ingest.read.read_source` or ``document_from_text``.
    lang
        The language to read it in (``auto`` is resolved by the caller, e.g. ``document.lang``).
    gazetteer, verbs
        Where names and cues come from.
    source_id
        The id the draft case gives this source; event ids start with it.
    year
        Seeds the date finder's running year (``--year`` or the source's date).
    finder
        A date finder to use instead of ``hexatable.ingest.dates.date_finder(lang, year=year)``.
    progress
        Called with the number of characters read so far, after each sentence (for a progress bar).
    per_block
        Read each block (paragraph, heading) in its own language (``--lang auto``): a text in both
        languages is read part by part, each by its language's rules
        (:func:`hexatable.ingest.segment.language_sections`), with one running date context (one
        timeline told in two languages);
        ``lang`` is then the language of the blocks that say none. A text in one language is read
        as without it.
    """
    finder = finder if finder is not None else default_finder(lang, year)
    # Traditional characters are matched as Simplified; quotes are cut from the text as written
    scripts = Scripts.of(document.text)
    sections = language_sections(scripts.matching, lang, blocks=document.blocks) if per_block else []
    sentences = segment(scripts.matching, lang, blocks=document.blocks, sections=sections)
    read_as: Lang = lang
    readers: dict[Lang, NameReader | None] = {}
    events: list[DraftEvent] = []
    proposed: dict[str, ProposedActor] = {}
    warnings: list[Note] = []
    per_line: dict[int, int] = {}
    paragraph = -1
    last_date: DateMention | None = None
    last_list: list[DateMention] = []  # last_date and the dates listed after it (rule 2, lists)
    kind = getattr(gazetteer, "kind", None)
    memory = ReferenceMemory(kind=kind if callable(kind) else default_kind)
    tied = TiedNames()  # persons the text tied to a state (以色列总理沙龙…。沙龙表示…)
    # names that need the document read so far (a surname after the full name, "the North")
    reader = getattr(gazetteer, "reader", None)
    heading: tuple[DateMention, int] | None = None  # the date heading above, and its line (rule 2c)
    section_year: int | None = None  # the English year heading or year line above (rules 2c, 2d)
    year_owed = False  # an entry's own year holds the context until the next entry (round 9)
    carried: list[ActorMention] = []  # the last subject of the paragraph, at document offsets (rule 3)
    met: list[ActorMention] = []  # the parties of the paragraph's last meeting, at document offsets (3h)
    titled = titles.TitledPersons("en")  # "President Obama", then "Obama" (rule 3c; English blocks)
    # the gazetteer's capitals (a user's file and a case may add some); the built-in ones otherwise
    gazetteer_places = getattr(gazetteer, "places", None)
    capitals_in = gazetteer_places if callable(gazetteer_places) else titles.builtin_places
    bodies = getattr(gazetteer, "body_of", None)  # a person's organisation (rule 3, affiliations)
    body_of: Callable[[str], str | None] | None = bodies if callable(bodies) else None
    for index_of_sentence, sentence in enumerate(sentences):
        lang = sentence.lang or read_as  # a text in two languages: this block's (per_block)
        if sentence.lang is not None:
            read_dates_in(finder, lang)
        if lang not in readers:
            readers[lang] = reader(lang) if callable(reader) else None
        names = readers[lang]
        if sentence.paragraph != paragraph:
            paragraph, last_date = sentence.paragraph, None
            new_paragraph(finder)
            carried, met = [], []  # a subject is never carried into another paragraph (rule 3, ellipsis)
        memory.sentence(sentence.paragraph)
        subjects: list[tuple[int, ActorMention]] = []
        stands_for: dict[tuple[int, str], ActorMention] = {}  # a resolved reference -> its referent
        from_pair: set[tuple[int, str]] = set()  # the resolved references that are pair words (双方)
        flat = sentence.flat
        written_flat = scripts.shown(flat, sentence.flat_offsets)  # the flat text as written, for quotes
        quote_from = 0  # where quotes may start: after a date line the sentence runs on from (rule 2d)
        if HEADING_LINE.match(sentence.raw):
            heading = None  # a heading ends the section of the date heading before it
            section_year, year_owed = None, False
            bare_year = EN_YEAR_HEADING.fullmatch(flat) if lang == "en" else None
            if bare_year is not None:
                section_year = int(bare_year.group(1))
                finder.find(f"in {bare_year.group(1)}")  # the year context, as "in 2007" would set it
                last_date = None
                continue
            heading_dates = sorted(finder.find(flat), key=lambda d: d.start)
            if only_dates(flat, heading_dates):
                # one date, of day or month precision; also one that does not move the running
                # context (a month before the last heading's, in a chronology told newest first)
                if len(heading_dates) == 1 and heading_dates[0].date.start.precision != "year":
                    heading = (heading_dates[0], sentence.line)
                last_date = None  # dated by the heading, not inherited in a paragraph
                continue
            dates = heading_dates
        else:
            _zh_stamp_year(finder, flat, lang)
            year_line = read_year_line(sentence) if lang == "en" and document.kind in PLAIN_KINDS else None
            line_from = 0
            if year_line is not None:
                # round 7: a bare year line ("2003", "2003:") sets the year of the entries under it,
                # as a year heading does ("## 2003"); the entries may run on from it
                finder.find(f"in {year_line[0]}")
                section_year, year_owed = year_line[0], False
                last_date, heading = None, None
                line_from = year_line[1]
                if not flat[line_from:].strip():
                    continue
                quote_from = line_from + len(flat[line_from:]) - len(flat[line_from:].lstrip())
            if year_owed and section_year is not None and _opens_entry(document.text, sentence.start):
                finder.find(f"in {section_year}")  # the entry after one with its own year (round 9)
                year_owed = False
            dates = sorted(finder.find(" " * line_from + flat[line_from:]), key=lambda d: d.start)
            if section_year is not None and any(d.rule.startswith("en-y-lead") for d in dates):
                # round 8: an entry opening with its own year ("1998–2000: …") under a year line is
                # dated by it, but the entries after it keep the year line's year; since round 9
                # only from the next line on (since review F10 any line not continuing the entry's
                # sentence): the entry's own later sentences on its line keep its year ("2001: … In
                # March, …" is 2001-03)
                year_owed = True
            date_line = read_date_line(sentence, dates, quote_from) if document.kind in PLAIN_KINDS else None
            if date_line is not None:
                # rule 2d: a bare date line is a date heading for the entries under it
                line_end, on_line = date_line
                quote_from = line_end  # an entry run into its date line is quoted from its own line
                single = len(on_line) == 1 and on_line[0].date.start.precision != "year"
                heading = (on_line[0], sentence.line) if single else None
                last_date = None
                carried, met = [], []  # a new entry: its subject is not the entry's before (rule 3, ellipsis)
                if not flat[line_end:].strip():
                    continue  # the line alone: no event, as a heading
            elif dateline_end(flat, 0, lang=lang) == len(flat.rstrip()):
                last_date = None  # rule 2f: the dateline dates the report as its day of writing
                if lang == "zh":
                    # the Chinese finder keeps no day of writing: the dateline's day dates the
                    # report's undated clauses as a date heading does (rule 2c)
                    days = [d for d in dates if d.date.start.precision == "day" and not d.date.is_range]
                    heading = (days[-1], sentence.line) if days else heading
                continue
        found = names.find(flat) if names is not None else gazetteer.find(flat, lang)
        if lang == "zh":
            # a person tied to a state earlier in the text (以色列总理阿里埃勒·沙龙), named alone here
            found = sorted([*found, *tied.mentions(flat, found)], key=lambda m: (m.start, -m.end))
            tied.learn(flat, found, partial(clause_proposals, gazetteer, flat, lang=lang))
        if lang == "en":
            found = titles.merge(found, titled.find(flat, found))
        cues = sorted(verbs.find(flat, lang), key=lambda c: (c.start, -c.weight))
        cues = titles.drop_cues_in_names(flat, lang, cues)  # rule 3c: "Plan" in a plan's name
        cues = slowed_acts(flat, cues)  # rule 3d: a slowing verb slows an act, else no cue
        cues = sanctions_modifiers(flat, lang, cues)  # rule 3d: 制裁谈判 are talks, no sanctions
        cues = en_stopovers(flat, lang, cues)  # rule 3d: "stopped by Seoul" is a visit (042)
        cues = weak_senses(flat, lang, cues)  # rule 3d: 加入了新内容, "recognized as leader": no act
        splitting = cues  # rule 1b cuts clauses by every cue, a question's asked verb too
        cues = zh_question_cues(flat, lang, cues, found)  # rule 3d: 就是否制裁…存在分歧 asks, imposes nothing
        if titles.is_title_line(
            sentence.raw,
            lang,
            first=index_of_sentence == 0 and sentence.line == sentence.end_line,
            has_cue=bool(cues),
        ):
            continue  # rule 2e: the document's title line
        parties = titles.drop_places(flat, lang, found, cues, capitals_in(lang))  # rule 3c: venues, titles
        unplaced = drop_places_after_prepositions(
            flat, lang, parties
        )  # rule 3: 在/于/驻 and what follows them
        unplaced_set = frozenset(unplaced)
        places = [m for m in found if m not in unplaced_set]  # venues and places alike: no subject
        known = administrations(flat, lang, drop_modifiers(flat, lang, unplaced))
        # each clause looks its names, cues and dates up by offset: linear in a long sentence
        known_at, cues_at, dates_at = OffsetIndex(known), OffsetIndex(cues), OffsetIndex(dates)
        split_at = cues_at if len(splitting) == len(cues) else OffsetIndex(splitting)
        previous_actors: list[ActorMention] = []
        parts: list[tuple[int, int, DateMention | None, int | None]] = [
            part
            for c_start, c_end, own_date in split_clauses(flat, dates)
            for start, end in subjects_clauses(flat, lang, c_start, c_end, known_at, split_at)
            for part in (
                _en_reported_parts(flat, start, end, own_date, known_at, cues_at, dates_at)
                if lang == "en"
                else [(start, end, own_date, None)]
            )
        ]
        shared = zh_enumerated_cues(flat, [(s, e) for s, e, _, _ in parts], cues_at) if lang == "zh" else {}
        for index, (start, end, own_date, reported_at) in enumerate(parts):
            inside = drop_affiliations(flat, known_at.within(start, end), body_of)
            # rule 3d: a fallback cue (join, 建立) types the clause only when it has no other cue
            clause_cues = fallbacks_yield(cues_at.within(start, end) or shared.get(index, []))
            scene = (
                # rule 3d (vi): a reason frame's parties (以朝鲜核试验为由) are no co-actors either
                [*zh_subordinate_stretches(flat, (start, end)), *zh_reasons_in(flat, start, end)]
                if lang == "zh"
                else en_subordinate_stretches(flat, (start, end))
            )
            cue = _main_cue(clause_cues, inside, flat, lang, (start, end))
            actors, targets = actor_roles(flat, lang, inside, cue, scene)
            # pronouns and collective words (hexatable.ingest.reference), then the roles again
            named = known_at.within(start, end)
            here = [(m.start, _absolute_actor(m, sentence)) for m in actors if is_person(m.actor)]
            references = memory.resolve(
                flat, lang, start, end, named, [*subjects, *here], partial(_absolute_actor, sentence=sentence)
            )
            if references:
                standing: list[ActorMention] = []
                for reference in references:
                    for referent in reference.referents:
                        standing.append(
                            ActorMention(
                                reference.start,
                                reference.end,
                                reference.text,
                                referent.actor,
                                referent.origin,
                                referent.state,
                            )
                        )
                        stands_for[(reference.start, referent.actor)] = referent
                        if reference.rule == "pair":
                            from_pair.add((reference.start, referent.actor))
                inside = drop_affiliations(
                    flat, sorted([*inside, *standing], key=lambda m: (m.start, -m.end)), body_of
                )
                cue = _main_cue(clause_cues, inside, flat, lang, (start, end))
                actors, targets = actor_roles(flat, lang, inside, cue, scene)

            def located(
                mention: ActorMention,
                _at: dict[tuple[int, str], ActorMention] = stands_for,
                _in: Sentence = sentence,
            ) -> ActorMention:
                """A mention at document offsets; a resolved reference at its referent's."""
                return _at.get((mention.start, mention.actor)) or _absolute_actor(mention, _in)

            candidate = cue is not None or own_date is not None
            subject_inherited = False
            phase = (
                meeting_phase(flat, (start, end), dates)
                if lang == "zh"
                and not actors
                and not inside
                and met
                and events
                and events[-1].cameo == MEETING_PHASE_CAMEO
                else None
            )
            if phase is not None:
                # rule 3h: a meeting's later phase told without its parties ("10月3日闭幕。", "随后闭幕",
                # "11月11日，第一阶段会议结束") is a meeting of the parties of the paragraph's last
                # meeting told with a meeting noun, when no act of another kind came after it; tried
                # first, as a close in the meeting's own sentence would otherwise take its subject (01)
                actors, subject_inherited, cue = [], True, phase
                for subject in met:
                    actors.append(replace(subject, start=start, end=start, text=""))
                    stands_for[(start, subject.actor)] = subject
            elif not actors and candidate and previous_actors:
                actors, subject_inherited = list(previous_actors), True
            elif (
                not actors
                and candidate
                and carried
                and lang == "zh"
                and cue is not None
                and zh_verb_initial(flat, (start, end), cue, [*dates, *places], inside, clause_cues)
            ):
                # rule 3: a sentence that opens with its verb continues the subject of the sentence
                # before in the paragraph (Chinese ellipsis: "…访问平壤。会见了…"); the carried
                # mentions stand at the clause's start and cite the subject where it was named
                actors, subject_inherited = [], True
                for subject in carried:
                    actors.append(replace(subject, start=start, end=start, text=""))
                    stands_for[(start, subject.actor)] = subject
            elif candidate and (not actors or _en_verb_before_names(lang, inside, clause_cues)):
                # no known subject: a name nobody knows may be it ("Korean Americans urged North
                # Korea to talk": before the verb, when every known name stands after it)
                before = min(c.start for c in clause_cues) if actors else end
                extra = [
                    m
                    for m in clause_proposals(gazetteer, flat, start, end, lang)
                    if all(m.end <= k.start or m.start >= k.end for k in inside) and m.end <= before
                ]
                for mention in extra:
                    if mention.actor not in proposed:
                        proposed[mention.actor] = ProposedActor(
                            id=mention.actor,
                            name=mention.text,
                            lang=lang,
                            first_line=sentence.line_of_flat(mention.start),
                        )
                if extra:
                    inside = sorted([*inside, *extra], key=lambda m: (m.start, -m.end))
                    inside = drop_affiliations(flat, inside, body_of)
                    cue = _main_cue(clause_cues, inside, flat, lang, (start, end))
                    actors, targets = actor_roles(flat, lang, inside, cue, scene)
            if lang == "zh" and not (own_date is not None and start <= own_date.start < end):
                own_date = zh_subject_date(flat, actors, dates, own_date or last_date) or own_date
            clause_dates = [d for d in dates_at.starting_in(start, end) if d.anchor]
            if reported_at is not None:
                # rule 3e: a date in a reported clause is the reported act's, not the narration's
                clause_dates = [d for d in clause_dates if d.start < reported_at]
            under: int | None = None  # the line of the date heading that dates this clause
            if own_date is not None:
                date, inherited = own_date, False
            elif last_date is not None:
                date, inherited = last_date, True
            elif heading is not None:
                (date, under), inherited = heading, True
            elif (written := day_of_writing(finder, lang)) is not None:
                date, inherited = written, True
            else:
                date, inherited = None, False
            if clause_dates:
                said_before = own_date is not None and (reported_at is None or own_date.start < reported_at)
                last_date = own_date if said_before and own_date is not None else clause_dates[-1]
                # a list the inherited date opens is inherited whole: the clauses after
                # 2009年5月3日和7日，日本访问中国 happened on both days too (one event per date)
                last_list = list_from(last_date, dates, 0, len(flat))
                if len(last_list) > 1 and in_scene(flat, lang, last_list[0]):
                    # a list in a subordinate stretch: the clauses after it inherit its last date
                    last_date = last_list[-1]
                    last_list = [last_date]
            if actors:
                previous_actors = actors
                carried = [located(a) for a in actors]
            # a pair word (双方) names nobody: 他 later stands for the last person named as an actor.
            # A 他 read as a person names that person again, so a chain of pronouns keeps its referent
            # (特朗普…。他表示…。他还称赞…).
            named_actors = [a for a in actors if (a.start, a.actor) not in from_pair]
            memory.note(
                [located(a) for a in actors],
                [located(t) for t in targets],
                [located(a) for a in named_actors],
                cue.cameo if cue is not None else None,
                cue.text if cue is not None else "",
            )
            memory.note_titles(flat, lang, [m for m in named if m.end > m.start], located)
            subjects.extend((a.start, located(a)) for a in actors if is_person(a.actor))
            first_line = sentence.line_of_flat(start)
            if not actors and cue is not None and date is not None:
                # An event needs an actor: say so rather than lose a dated act without a word.
                at = sentence.line_of_flat(cue.start)  # the cue's line: a date line may open the clause
                warnings.append(Note("no-actor", (("line", at), ("cue", cue.text), ("date", date.text))))
            if not actors or (cue is None and own_date is None):
                continue
            no_cues = verbs.not_cues
            if cue is None and _not_cue_subject(flat, start, actors[0].start, known, no_cues, lang):
                continue  # "the sanctions committee added North Korean companies": no party acts
            if cue is None and lang == "en" and _en_unknown_subject(flat, start, actors[0].start):
                continue  # "The committee added North Korean companies": an unknown subject acts
            if tells_no_act(flat, (start, end), lang, clause_cues, dates):
                continue  # rule 4b: an effect of an act told before, what a document provides, a question
            if date is None:
                if cue is not None:
                    warnings.append(
                        Note("no-date", (("line", first_line), ("cue", cue.text), ("actor", actors[0].text)))
                    )
                continue
            q_start, q_end = _quote(flat, max(start, quote_from) if quote_from < end else start, end, lang)
            line = sentence.line_of_flat(q_start)
            from_date_line = not inherited and start < quote_from <= q_start and date.end <= quote_from
            entry_date = (
                _entry_date(flat, lang, actors, dates, quote_from, q_end, date) if from_date_line else None
            )
            if entry_date is not None:
                # rule 2d: an entry run into its date line that says its own date is dated by it, as
                # the entries after it are ("2009年3月3日：\n美国3月5日谴责…" is March 5)
                date, from_date_line = entry_date, False
            if from_date_line:
                # rule 2d: the first entry run into its date line is quoted from its own line, so its
                # date is no longer in its quote: it is dated by the date line, as the entries after
                # it are (the same note and confidence); a list on the line still gives one event each
                inherited, under = True, sentence.line_of_flat(date.start)
            if _MARKUP_CHARS.search(flat, q_start, q_end):
                q_end = _checkable_end(document.lines, written_flat, q_start, q_end, sentence)
                if q_end <= q_start:
                    warnings.append(Note("no-quote", (("line", line),)))
                    continue
            quote = written_flat[q_start:q_end]
            per_line[line] = per_line.get(line, 0) + 1
            absolute_actors = tuple(located(a) for a in unique_mentions(actors))
            for mention in (*actors, *targets):
                if mention.actor in titled.names and mention.actor not in proposed:
                    proposed[mention.actor] = ProposedActor(
                        mention.actor,
                        titled.names[mention.actor],
                        lang,
                        "person",
                        sentence.line_of_flat(mention.start),
                    )
            actor_ids = {a.actor for a in absolute_actors}
            absolute_targets = tuple(located(t) for t in unique_mentions(targets, frozenset(actor_ids)))
            used = {(m.start, m.actor) for m in (*actors, *targets)}
            resolved = [r for r in references if any((r.start, m.actor) in used for m in r.referents)]
            resolved = list({(r.text, r.referents): r for r in resolved}.values())
            from_reference = any((a.start, a.actor) in stands_for and a.end > a.start for a in actors)
            if cue is not None and lang == "zh":
                speakers = frozenset(a.actor for a in actors)
                said = _zh_main_verbs(flat, (start, end), clause_cues, modifiers=True)
                first = actors[0] if actors and actors[0].end <= cue.start else None
                cue = _zh_event_cue(
                    flat, cue, said, clause_cues, [*inside, *targets], speakers, first, (start, end)
                )
            elif lang == "zh":
                # rule 3d (v): the clause's only act; rule 3g (iv), round 7: a label of insult in a
                # cue-less clause (美国将朝鲜称为“邪恶轴心”) denounces the party (111)
                cue = zh_adoption(flat, start, end) or _zh_epithet_given(flat, start, end)
            elif cue is not None and lang == "en":
                cue = _en_event_cue(flat, cue, clause_cues, (start, end), actors, inside)
            cameo = cue.cameo if cue is not None else NO_CUE_CAMEO
            # a list of dates ("on March 3 and 5", 3日和5日) is one event per date, not a range
            if not inherited or from_date_line:
                # a date of the sentence before the clause (日本访问中国，韩国访问美国) brings its list
                each = list_from(date, dates, min(start, date.start), end)
            elif under is None and last_list and date is last_list[0]:
                each = last_list
            else:
                each = [date]
            if len(each) > 1 and in_scene(flat, lang, each[0]):
                # "2009年5月3日和7日的会谈后，日本访问中国": the list dates the scene, and the act
                # followed it: one event, on the list's last date (rule 2, lists)
                each = [each[-1]]
            for number, date in enumerate(each):
                if number:
                    per_line[line] += 1
                if inherited:
                    how = "heading" if under is not None else "inherited"
                    shown = replace(date, inferred=True, rule=f"{how}:{date.rule}")
                else:
                    shown = _absolute(date, sentence)
                other: Lang = "en" if lang == "zh" else "zh"
                text: dict[str, str] = {
                    lang: written_flat[start:end].strip(" \t，,；;：:") or quote,
                    other: render_event(
                        other,
                        date.date,
                        [a.actor for a in absolute_actors],
                        [t.actor for t in absolute_targets],
                        cameo,
                        gazetteer.label,
                    ),
                }
                events.append(
                    DraftEvent(
                        id=f"{source_id}-{line}-{per_line[line]}",
                        source=source_id,
                        line=line,
                        end_line=sentence.line_of_flat(max(q_start, q_end - 1)),
                        start=sentence.start,
                        end=sentence.end,
                        sentence=written_flat,
                        quote=quote,
                        date=shown,
                        actors=absolute_actors,
                        targets=absolute_targets,
                        cameo=cameo,
                        cue=_absolute_cue(cue, sentence) if cue is not None else None,
                        confidence=confidence(
                            date=date,
                            inherited=inherited,
                            cue=cue,
                            actors=absolute_actors,
                            subject_inherited=subject_inherited,
                            actor_from_reference=from_reference,
                        ),
                        text=text,
                        inferred=tuple(_reasons(date, inherited, subject_inherited, resolved, under)),
                    )
                )
            meeting = (
                meeting_parties(flat, (start, end), actors, targets) if cameo == MEETING_PHASE_CAMEO else None
            )
            if meeting:
                met = [located(m) for m in meeting]  # rule 3h: a later phase of this meeting is theirs
        if progress is not None:
            progress(sentence.end)
    unresolved = tuple(getattr(finder, "unresolved", ()))
    if scripts.converted:
        events = [shown_event(event, scripts) for event in events]
    return Extraction(
        source_id=source_id,
        document=document,
        lang=read_as,
        langs=tuple(dict.fromkeys(code for _, code in sections)) if len(sections) > 1 else (),
        events=tuple(events),
        proposed=tuple(proposed.values()),
        unresolved=unresolved,
        warnings=tuple(warnings),
    )
