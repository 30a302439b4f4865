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
   **1d.** A clause is cut again before each further predicate of its subject that has a cue of its
   own, after a coordinator (并, 随后, ，同时 …; "and", ", then"): ``伊朗封存了反应堆并驱逐了核查人员``
   and "Peru disabled the devices and expelled the inspectors" are two acts each. The piece after the
   joint takes a date of its own (并于5月10日, "on June 7"), else the date of the piece before, and the
   actors of the piece before, as said (not inferred; after a passive, 朝鲜遭到美国制裁，随后…, its
   subject), and is no surer than it; its targets are its own (a 向/对 target before two verbs joined
   directly addresses both). Verb chains, what a verb of saying, intent or direction governs
   (要求朝鲜停止…并重返…), infinitives, nouns ("detained journalists"), quotations, two verbs of one
   object ("arrested and detained") and a second predicate of the same root with no party of its own
   stay one act (:func:`zh_coordinated_predicates`, :func:`en_coordinated_predicates`).
2. **Date.** A clause's date is the date that opens it, else the first date in it (explicit; an
   English entry's opening year gives way to a finer date of the clause in that year); only
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
   finder's year first and the line under it is read as the date line (:func:`read_year_line`).
   An entry under it opening with its own year or years ("1998–2000: …") is dated by them, and the
   entries after it keep the section's year.
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
   (:mod:`hexatable.ingest.event_cue`, :mod:`hexatable.ingest.cue_choice`): not one that
   describes a noun (访问的外长, 制裁问题, ", which hosted talks,"), a meeting noun's predicate (会谈
   被推迟), a verb of saying's reported act (rule 3b), an agreed text adopted (通过《…共同声明》), and a
   negated act of cooperation coded as its rejection (12), and an act under a modal negation
   (不应, 不必, "should not", "need not") coded as a statement (01): neither done nor refused.
   **3e.** In English a clause whose main cue is a verb of saying reports the clause after it (right
   after the verb or after its "that"); when that clause opens with a name none of the speakers
   bears and has a cue, or reports the speaker's own act with a date of its own, it is two clauses,
   the statement and the reported act, each with its own date
   (:func:`~hexatable.ingest.reported.en_reported_parts`). A date
   in a reported clause is never inherited by the clauses after it: it is the reported act's time,
   not the narration's. A report of the speaker's own act in one clause is coded by the act, as
   rule 3b's is in Chinese (:func:`hexatable.ingest.own_act.en_own_act`).
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
   cut at a clause mark when longer than :data:`~hexatable.ingest.event_quote.QUOTE_MAX`; it starts on
   the event's ``line``, so the case loader's quote check accepts it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import partial
from typing import Protocol

from hexatable.ingest import names as titles
from hexatable.ingest.clauses import (
    ZH_PASSIVE_SUBJECT,
    en_coordinated_predicates,
    en_subordinate_stretches,
    split_clauses,
    subjects_clauses,
    zh_coordinated_predicates,
    zh_enumerated_cues,
    zh_subject_date,
    zh_subordinate_stretches,
    zh_verb_initial,
)
from hexatable.ingest.confidence import CONFIDENCE as CONFIDENCE
from hexatable.ingest.confidence import confidence as confidence
from hexatable.ingest.confidence import inferred_reasons
from hexatable.ingest.cue_codes import NO_CUE_CAMEO as NO_CUE_CAMEO
from hexatable.ingest.cue_codes import SAYING_WEIGHT as SAYING_WEIGHT
from hexatable.ingest.cue_fallbacks import fallbacks_yield, weak_senses
from hexatable.ingest.dates import quoted_spans
from hexatable.ingest.en_stopovers import en_stopovers
from hexatable.ingest.event_cue import en_event_cue, zh_epithet_given, zh_event_cue
from hexatable.ingest.event_dates import DATELINE_RULE as DATELINE_RULE
from hexatable.ingest.event_dates import (
    EN_YEAR_HEADING,
    HEADING_LINE,
    PLAIN_KINDS,
    day_of_writing,
    default_finder,
    in_scene,
    list_from,
    new_line,
    new_paragraph,
    only_dates,
    read_date_line,
    read_dates_in,
    read_year_line,
    runs_on,
)
from hexatable.ingest.event_quote import MARKUP_CHARS, checkable_end, quote_span
from hexatable.ingest.main_cue import en_unknown_subject, main_cue, not_cue_subject, zh_main_verbs
from hexatable.ingest.meeting_phase import MEETING_PHASE_CAMEO, meeting_parties, meeting_phase
from hexatable.ingest.no_act import tells_no_act
from hexatable.ingest.offsets import OffsetIndex
from hexatable.ingest.own_act import INTENT_CODES as INTENT_CODES
from hexatable.ingest.parties import ActorFinder as ActorFinder
from hexatable.ingest.parties import (
    actor_roles,
    administrations,
    clause_proposals,
    drop_affiliations,
    drop_modifiers,
    drop_places_after_prepositions,
    is_person,
    unique_mentions,
    zh_refused_earlier_subject,
)
from hexatable.ingest.read import SourceDocument
from hexatable.ingest.reference import ReferenceMemory, default_kind
from hexatable.ingest.render import render_event
from hexatable.ingest.reported import en_reported_parts, en_verb_before_names
from hexatable.ingest.resolutions import zh_adoption
from hexatable.ingest.sanctions_halting import sanctions_modifiers, slowed_acts
from hexatable.ingest.script import Scripts, shown_event
from hexatable.ingest.segment import (
    Sentence,
    dateline_end,
    dateline_stamp,
    language_sections,
    segment,
    wrap_width,
)
from hexatable.ingest.tied_names import OWN_STATE_ID, TiedNames, own_state, own_state_mentions
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
from hexatable.ingest.zh_questions import zh_question_cues
from hexatable.ingest.zh_spans import zh_reasons_in


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


_REACTION_ROOTS = frozenset({1, 5})
"""Roots of a reaction (美国表示支持, 俄罗斯表示欢迎: 01 a statement, 05 support or approval) when the
clause names no target: a split passive refusal after it (…，但遭到朝鲜拒绝) refuses the clause before
the reaction, the proposal that was supported, not the supporter."""


def _opens_entry(text: str, start: int) -> bool:
    """Whether the sentence at ``start`` of the document ``text`` opens a line of its own, so ends the
    entry before it. An entry that opens with its own year ("2001: …") dates its own later sentences
    on its line ("2001: … In March, …" is 2001-03); the year line's year resumes at the next line
    that does not continue the entry's sentence, whatever it opens with, not only
    at a line opening with a digit, a month and day or a bullet: "On June 5, …" and "(March 3)"
    on the lines after take the year line's year, not the entry's.

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


def _coordinated_parts(
    flat: str,
    lang: Lang,
    parts: Sequence[tuple[int, int, DateMention | None, int | None]],
    known: OffsetIndex[ActorMention],
    cues: OffsetIndex[Cue],
    asides: Sequence[DateMention | ActorMention],
    dates: Sequence[DateMention],
) -> tuple[list[tuple[int, int, DateMention | None, int | None]], frozenset[int]]:
    """Rule 1d: the clauses cut further before each further predicate of their subject
    (:func:`zh_coordinated_predicates`, :func:`en_coordinated_predicates`), and the indexes of the
    pieces that continue the piece before them. Such a piece takes a date of its own, else the date of
    the piece before (:func:`_piece_date`), and the actors of the piece before, as said in the clause
    (not inferred); a reported clause (rule 3e) is not cut."""
    cut: list[tuple[int, int, DateMention | None, int | None]] = []
    continued: set[int] = set()
    quoted = quoted_spans(flat)  # once per sentence: per clause, a long sentence was quadratic
    for start, end, own_date, reported_at in parts:
        if reported_at is not None:
            pieces = [(start, end)]
        elif lang == "zh":
            pieces = zh_coordinated_predicates(flat, start, end, known, cues, asides, quoted)
        else:
            pieces = en_coordinated_predicates(flat, start, end, known, cues, quoted)
        dated = own_date
        if len(pieces) > 1 and own_date is not None and own_date.start >= pieces[1][0]:
            dated = None  # the clause's date is a later act's ("伊朗封存了反应堆，并于5月10日驱逐了…")
        for number, (low, high) in enumerate(pieces):
            if number:
                continued.add(len(cut))
                dated = _piece_date(flat, lang, low, high, dates, quoted) or dated
            cut.append((low, high, dated, reported_at))
    return cut, frozenset(continued)


_EN_ON_DATE = re.compile(r"\b(?:on|in)\s+$", re.IGNORECASE)
_EN_SAID_OR_PLANNED = re.compile(
    r"\b(?:said|says|announced|declared|stated|told|warned|will|would|shall|plans?|planned|intends?"
    r"|agreed|decided|scheduled|expected|to)\b",
    re.IGNORECASE,
)
"""A verb of saying, a word of a plan or an infinitive before a further predicate's date: the date is
then the said or planned act's ("and agreed to meet on June 7"), not the predicate's (rule 1d)."""


def _piece_date(
    flat: str,
    lang: Lang,
    low: int,
    high: int,
    dates: Sequence[DateMention],
    quoted: Sequence[tuple[int, int]],
) -> DateMention | None:
    """Rule 1d: the date of a further predicate's own ("，并于5月10日驱逐了…", "and expelled the consul on
    June 7"): the first date in it that moved the date finder's context (Chinese) or, in English, one
    after "on" or "in" with no verb of saying or of a plan before it in the piece; not a date in
    quotation marks, a list or a relative clause. None when the piece has none: it keeps the date of
    the act before. ``quoted``: the sentence's quoted spans."""
    for date in dates:
        if not low <= date.start < high or "+list" in date.rule or "+relative" in date.rule:
            continue
        if any(q_low < date.start < q_high for q_low, q_high in quoted):
            continue
        if lang == "zh" and date.anchor:
            return date
        if (
            lang == "en"
            and _EN_ON_DATE.search(flat, max(low, date.start - 4), date.start)
            and not _EN_SAID_OR_PLANNED.search(flat, low, date.start)
        ):
            return date
    return None


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
    ours = own_state(scripts.matching)  # 我国国务院 anywhere: every 我国 is CHN (office9)
    # names that need the document read so far (a surname after the full name, "the North")
    reader = getattr(gazetteer, "reader", None)
    heading: tuple[DateMention, int] | None = None  # the date heading above, and its line (rule 2c)
    section_year: int | None = None  # the English year heading or year line above (rules 2c, 2d)
    year_owed = False  # an entry's own year holds the context until the next entry
    owed_from = 0  # where the entry holding its own year opens
    width = wrap_width(document.text)  # a hard-wrapped entry runs on past a line ending its sentence
    carried: list[ActorMention] = []  # the last subject of the paragraph, at document offsets (rule 3)
    met: list[ActorMention] = []  # the parties of the paragraph's last meeting, at document offsets (3h)
    titled = titles.TitledPersons("en")  # "President Obama", then "Obama" (rule 3c; English blocks)
    # the gazetteer's capitals (a user's file and a case may add some); the built-in ones otherwise
    gazetteer_places = getattr(gazetteer, "places", None)
    capitals_in = gazetteer_places if callable(gazetteer_places) else titles.builtin_places
    bodies = getattr(gazetteer, "body_of", None)  # a person's organisation (rule 3, affiliations)
    body_of: Callable[[str], str | None] | None = bodies if callable(bodies) else None

    # a year line's title with a cue or a name of the run's dictionaries (a user's layers, a case's
    # names) is an entry, not a heading
    def is_entry(text: str) -> bool:
        return bool(verbs.find(text, "en")) or bool(gazetteer.find(text, "en"))

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
        elif _opens_entry(document.text, sentence.start):
            new_line(finder)  # a full date opening the line opens an entry (reporting mode)
        memory.sentence(sentence.paragraph)
        subjects: list[tuple[int, ActorMention]] = []
        stands_for: dict[tuple[int, str], ActorMention] = {}  # a resolved reference -> its referent
        # each mention at document offsets, made once per sentence: a clause's actors are located
        # for the event, the carried subject and the reference memory alike
        at_document: dict[ActorMention, ActorMention] = {}
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
            year_line = (
                read_year_line(sentence, is_entry) if lang == "en" and document.kind in PLAIN_KINDS else None
            )
            line_from = 0
            if year_line is not None:
                # a bare year line ("2003", "2003:") sets the year of the entries under it,
                # as a year heading does ("## 2003"); the entries may run on from it
                finder.find(f"in {year_line[0]}")
                section_year, year_owed = year_line[0], False
                last_date, heading = None, None
                line_from = year_line[1]
                if not flat[line_from:].strip():
                    continue
                quote_from = line_from + len(flat[line_from:]) - len(flat[line_from:].lstrip())
            if (
                year_owed
                and section_year is not None
                and _opens_entry(document.text, sentence.start)
                and not runs_on(document.text, owed_from, sentence.start, width)
            ):
                finder.find(f"in {section_year}")  # the entry after one with its own year
                year_owed = False
            dates = sorted(finder.find(" " * line_from + flat[line_from:]), key=lambda d: d.start)
            if section_year is not None and any(d.rule.startswith("en-y-lead") for d in dates):
                # an entry opening with its own year ("1998–2000: …") under a year line is
                # dated by it, but the entries after it keep the year line's year, from the next
                # line not continuing the entry's sentence on: the entry's own later sentences on its
                # line keep its year ("2001: … In March, …" is 2001-03)
                year_owed, owed_from = True, sentence.start
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
            # 我国: CHN when the text says so (我国国务院), else proposed for review (office9)
            found = titles.merge(found, own_state_mentions(flat, found, ours))
            # a person tied to a state earlier in the text (以色列总理阿里埃勒·沙龙), named alone here
            found = sorted([*found, *tied.mentions(flat, found)], key=lambda m: (m.start, -m.end))
            # a Chinese place reads no cue (only an English town's state does)
            tied.learn(flat, found, partial(clause_proposals, gazetteer, flat, lang=lang, cues=()))
        if lang == "en":
            found = titles.merge(found, titled.find(flat, found))
        found_cues = sorted(verbs.find(flat, lang), key=lambda c: (c.start, -c.weight))
        cues = titles.drop_cues_in_names(flat, lang, found_cues)  # rule 3c: "Plan" in a plan's name
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
        # rule 3: 在/于/驻 and what follows them; every cue found, a user's too, after "in Lyon, Iran"
        unplaced = drop_places_after_prepositions(flat, lang, parties, found_cues)
        unplaced_set = frozenset(unplaced)
        places = [m for m in found if m not in unplaced_set]  # venues and places alike: no subject
        known = administrations(flat, lang, drop_modifiers(flat, lang, unplaced))
        # each clause looks its names, cues and dates up by offset: linear in a long sentence
        known_at, cues_at, dates_at = OffsetIndex(known), OffsetIndex(cues), OffsetIndex(dates)
        split_at = cues_at if len(splitting) == len(cues) else OffsetIndex(splitting)
        previous_actors: list[ActorMention] = []
        proposer: list[ActorMention] = []  # the subject of the sentence's latest clause not a reaction
        parts: list[tuple[int, int, DateMention | None, int | None]] = [
            part
            for c_start, c_end, own_date in split_clauses(flat, dates)
            for start, end in subjects_clauses(flat, lang, c_start, c_end, known_at, split_at)
            for part in (
                en_reported_parts(flat, start, end, own_date, known_at, cues_at, dates_at)
                if lang == "en"
                else [(start, end, own_date, None)]
            )
        ]
        parts, continued = _coordinated_parts(flat, lang, parts, known_at, cues_at, [*dates, *places], dates)
        scores: dict[int, float] = {}  # the confidence of each part's first event (rule 1d)
        toward_before: list[ActorMention] = []  # the 向/对 targets of the part before (rule 1d)
        passive_subject: list[ActorMention] = []  # the passive's subject in the part before (rule 1d)
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
            # rule 1d: a further predicate of the subject has no subject of its own, so its cue is its
            # first (the names before it are targets, after 与, 向 ...)
            cue = main_cue(clause_cues, [] if index in continued else inside, flat, lang, (start, end))
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
                cue = main_cue(clause_cues, [] if index in continued else inside, flat, lang, (start, end))
                actors, targets = actor_roles(flat, lang, inside, cue, scene)

            def located(
                mention: ActorMention,
                _at: dict[tuple[int, str], ActorMention] = stands_for,
                _in: Sentence = sentence,
                _made: dict[ActorMention, ActorMention] = at_document,
            ) -> ActorMention:
                """A mention at document offsets; a resolved reference at its referent's."""
                referent = _at.get((mention.start, mention.actor))
                if referent is not None:
                    return referent
                made = _made.get(mention)
                if made is None:
                    made = _made[mention] = _absolute_actor(mention, _in)
                return made

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
                # rule 1d: a further predicate of the clause's subject has its actors, as said; after
                # a passive (朝鲜遭到美国制裁，随后宣布退出) the subject's, not the agent's
                carried_on = passive_subject if index in continued and passive_subject else previous_actors
                actors, subject_inherited = list(carried_on), index not in continued
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
            elif candidate and (not actors or en_verb_before_names(lang, inside, clause_cues)):
                # no known subject: a name nobody knows may be it ("Korean Americans urged North
                # Korea to talk": before the verb, when every known name stands after it)
                before = min(c.start for c in clause_cues) if actors else end
                extra = [
                    m
                    for m in clause_proposals(gazetteer, flat, start, end, lang, found_cues)
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
                    cue = main_cue(clause_cues, inside, flat, lang, (start, end))
                    actors, targets = actor_roles(flat, lang, inside, cue, scene)
            if (
                lang == "zh"
                and actors
                and not targets
                and not subject_inherited
                and previous_actors
                and zh_refused_earlier_subject(flat, start, cue.cameo if cue is not None else None)
            ):
                # rule 3: …，但遭到俄罗斯拒绝 refuses the earlier clause's subject (日本提出合作提议); a
                # reaction between them (…，美国表示支持，但遭到朝鲜拒绝) is not what is refused
                refused = proposer or previous_actors
                targets = [m for m in refused if m.actor not in {a.actor for a in actors}]
            if index in continued and not targets and flat[start - 1 : start] not in "，,":
                # rule 1d: 向/对 before two verbs joined directly (日本向朝鲜提出抗议并要求释放渔民)
                # addresses both; the demand is made to North Korea too
                targets = list(toward_before)
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
            # rule 1d: the subject of a passive (朝鲜遭到美国制裁), which acts in the piece after it
            passive_subject = [t for t in targets if lang == "zh" and ZH_PASSIVE_SUBJECT.match(flat, t.end)]
            toward_before = [
                t
                for t in targets
                if lang == "zh"
                and cue is not None
                and t.end <= cue.start
                and flat[t.start - 1 : t.start] in "向对"
            ]
            if actors:
                previous_actors = actors
                if not (cue is not None and cue.cameo in _REACTION_ROOTS and not targets):
                    proposer = actors
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
                [(c.cameo, c.text) for c in clause_cues],
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
            if cue is None and not_cue_subject(flat, start, actors[0].start, known, no_cues, lang):
                continue  # "the sanctions committee added North Korean companies": no party acts
            if cue is None and lang == "en" and en_unknown_subject(flat, start, actors[0].start):
                continue  # "The committee added North Korean companies": an unknown subject acts
            if tells_no_act(flat, (start, end), lang, clause_cues, dates):
                continue  # rule 4b: an effect of an act told before, what a document provides, a question
            if date is None:
                if cue is not None:
                    warnings.append(
                        Note("no-date", (("line", first_line), ("cue", cue.text), ("actor", actors[0].text)))
                    )
                continue
            q_start, q_end = quote_span(
                flat, max(start, quote_from) if quote_from < end else start, end, lang
            )
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
            if MARKUP_CHARS.search(flat, q_start, q_end):
                q_end = checkable_end(document.lines, written_flat, q_start, q_end, sentence)
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
                elif mention.actor == OWN_STATE_ID and mention.actor not in proposed:
                    proposed[mention.actor] = ProposedActor(
                        mention.actor, mention.text, lang, "state", sentence.line_of_flat(mention.start)
                    )
            actor_ids = {a.actor for a in absolute_actors}
            absolute_targets = tuple(located(t) for t in unique_mentions(targets, frozenset(actor_ids)))
            used = {(m.start, m.actor) for m in (*actors, *targets)}
            resolved = [r for r in references if any((r.start, m.actor) in used for m in r.referents)]
            resolved = list({(r.text, r.referents): r for r in resolved}.values())
            from_reference = any((a.start, a.actor) in stands_for and a.end > a.start for a in actors)
            if cue is not None and lang == "zh":
                speakers = frozenset(a.actor for a in actors)
                said = zh_main_verbs(flat, (start, end), clause_cues, modifiers=True)
                first = actors[0] if actors and actors[0].end <= cue.start else None
                cue = zh_event_cue(
                    flat, cue, said, clause_cues, [*inside, *targets], speakers, first, (start, end)
                )
            elif lang == "zh":
                # rule 3d (v): the clause's only act; rule 3g (iv): a label of insult in a
                # cue-less clause (美国将朝鲜称为“邪恶轴心”) denounces the party (111)
                cue = zh_adoption(flat, start, end) or zh_epithet_given(flat, start, end)
            elif cue is not None and lang == "en":
                cue = en_event_cue(flat, cue, clause_cues, (start, end), actors, inside)
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
                score = confidence(
                    date=date,
                    inherited=inherited,
                    cue=cue,
                    actors=absolute_actors,
                    subject_inherited=subject_inherited,
                    actor_from_reference=from_reference,
                )
                if index in continued and index - 1 in scores:
                    score = min(score, scores[index - 1])  # rule 1d: no surer than the act before
                scores.setdefault(index, score)
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
                        confidence=score,
                        text=text,
                        inferred=tuple(inferred_reasons(date, inherited, subject_inherited, resolved, under)),
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
