"""Rule 4b: clauses that name a party and an act word but tell no act.

Chronologies and news reports comment on acts already told and summarise documents already adopted.
Three such clauses recur in both languages and were read as acts of the parties named in them:

- *an effect*: the act is the subject, as a noun, and the predicate says what it did to something
  ("美方的制裁对会谈产生了重大影响", "这对此后的会谈产生了积极影响"; "The US sanctions had a major
  impact on the talks"). The act was told where it happened; the comment is no new act, and the
  sanctions, not the USA, are what had the effect.
- *what a document provides*: the subject is a document referred back to (该决议, 该共同文件, 这份协议;
  "The resolution", "The joint document") and the clause says what it requires or provides
  ("该决议还要求朝鲜停止发射导弹"; "The resolution also requires North Korea to abandon its
  missiles"). The parties named are the document's objects, not actors: the DPRK is not
  read as abandoning its missiles. The document's adoption is the act, told where it was adopted.

- *a question*: the clause's only acts stand after 是否 or "whether" ("（2）朝鲜与叙利亚是否存在核
  合作", "Whether North Korea will attend the talks is unclear"): asked about, not told.

- *a page's byline*: a clause holding a publication stamp, a full date written with its year
  and a clock time right after it or right before it ("2031年04月10日15:36 新华网", "北京时间 12:39
  2031年4月10日", "2031-04-10 15:36:08"), is the header a web copy of a report carries: the day it
  was put online, which dates what follows, not an act. A headline run into it (a title line without
  final punctuation) goes with it; the report's body tells the same act. A clause ending with final
  punctuation and a cue anywhere tells its act and writes the time as a detail.

- *a change of office or of life* (English): a clause with no cue whose predicate is a death,
  an appointment, an election, an accession to a post or a deadline passing ("the old leader dies",
  "Chile's envoy is named foreign minister", "assumes the post of chairman", "the deadline expires")
  tells what happened to a person or a date, not an act of one party toward another; the CAMEO
  codebook has no category for it, and the placeholder (01) read it as a statement.

All are pure functions of the clause's text and its cues; the extraction loop drops the clause.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from hexatable.ingest import stamps
from hexatable.ingest.meeting_phase import without_dates
from hexatable.ingest.types import Cue, DateMention

_ZH_EFFECT = re.compile(r"(?:产生|造成|带来|起到|起了|发挥)了?[^，,。；;：:]{0,12}?(?:影响|作用|后果|冲击)")
"""A Chinese predicate of effect: 产生了重大影响, 造成严重后果, 起到积极作用."""
_ZH_OWNED = re.compile(r"的[^，,。；;：:、“”《》的]{0,4}$")
"""A noun owned by what stands before it: 的 and at most four characters of the noun's modifiers before
the cue (美方的制裁, 美方的金融制裁, 此后的六方会谈)."""
_ZH_THIS = re.compile(r"[\s，,]*(?:而|但|然而)?(?:这|此|此举|这一[^，,。；;：:]{0,4})[\s，,]*")
"""A subject that points back at the act told before: 这, 此举, 这一决定."""
_EN_THIS = re.compile(r"\s*(?:This|That|this|that)(?:\s+(?:move|decision|step|act|event))?\s*")
"""An English subject pointing back at the act told before: "This", "This move"."""
_EN_EFFECT = re.compile(r"\b(?:has|had|have)\b(?:\s+[\w-]+){0,3}?\s+(?:impact|effect|influence)s?\s+on\b")
"""An English predicate of effect: "had a major impact on", "has had little effect on"."""
_EN_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:which|that|who|and|but)\b")
"""What ends a noun phrase: an effect after it is no longer said of the phrase ("…, which had …")."""

_ZH_DOCUMENT = re.compile(
    r"[\s，,]*(?:而|但|同时|此外|另外)?[\s，,]*(?:该|此|这|这一|这份|该份|上述)"
    r"(?:共同|联合)?(?:文件|决议|协议|协定|声明|公报|条约|宣言|草案|方案|法案)"
)
"""A Chinese clause opening with a document referred back to: 该决议, 该共同文件, 这份协议."""
_ZH_PROVIDES = re.compile(
    r"(?:的[^，,。；;：:的]{1,6}?)?[\s，,]*(?:还|也|则|中|又|并|进一步|明确|再次|同时|另外|此外)*[\s，,]*"
    r"(?:要求|规定|呼吁|敦促|促请|提出|指出|强调|重申|表示|表明|确认|决定|禁止|授权|承诺|谴责|包括|宣布|"
    r"对[^，,。；;：:]{1,60}?(?:提出|作出|做出|表示|加以))"
)
"""What makes the document (or a part of it: 该决议的第三条) the subject of a verb of provision, right
after it (该决议还要求, 该共同文件对…提出要求, 该决议还对…加以规定): a document placed first as an
object ("该方案朝鲜表示拒绝") or as a scene ("此声明发表当天…") is followed by another word."""
_ZH_DOCUMENT_ACTED_ON = re.compile(r"被|由|经|获得|得到|遭|签署|签订|通过|批准|生效|废除|撤销|退出|否决")
"""Words that make the document the object of an act ("该协议由中美签署", "该决议获得通过"): such a
clause tells an act and stays."""
_EN_DOCUMENT = re.compile(
    r"\s*(?:The|This|That|the|this|that)\s+(?:same\s+)?(?:joint\s+)?"
    r"(?:document|resolution|agreement|accord|deal|statement|declaration|communiqu[eé]|treaty|text|plan)"
    r"\s+(?:also\s+|further\s+)?"
    r"(?:requires|required|calls|called|demands|demanded|provides|provided|obliges|obliged|commits|"
    r"committed|bans|banned|prohibits|prohibited|urges|urged|authorizes|authorized|authorises|"
    r"authorised|stipulates|stipulated|asks|asked)\b"
)
"""An English clause opening with a document and a verb of provision: "The resolution also requires"."""


def zh_effect(flat: str, span: tuple[int, int], cues: Sequence[Cue]) -> bool:
    """Whether a Chinese clause only says what an act had as an effect (rule 4b).

    Its predicate is one of effect (:data:`_ZH_EFFECT`) and every cue of its subject is a noun
    owned by what stands before it (after 的 and at most four characters: 美方的制裁, 此后的六方会谈),
    with no cue after the effect; a cue in what the effect is on (对会谈) is allowed. A subject that
    only points back at the act told before (这, 此举, 这一决定) is such a noun too. A clause
    with its own verb keeps its act: in "韩国扣押渔船，对两国关系造成了严重影响" the seizure is one.

    >>> from hexatable.ingest.types import Cue
    >>> zh_effect("美方的制裁对会谈产生了重大影响。", (0, 16), [Cue(3, 5, "制裁", 16, "制裁")])
    True
    >>> zh_effect("韩国扣押渔船，对两国关系造成了严重影响。", (0, 20), [Cue(2, 4, "扣押", 17, "扣押")])
    False
    """
    start, end = span
    effect = _ZH_EFFECT.search(flat, start, end)
    if effect is None:
        return False
    inside = [c for c in cues if start <= c.start < end]
    toward = flat.rfind("对", start, effect.start())  # 对…: what the effect is on, cues allowed
    subject_end = toward if toward >= 0 else effect.start()
    before = [c for c in inside if c.start < subject_end]
    after = [c for c in inside if c.start >= effect.start() and c.end > effect.end()]
    if after:
        return False
    if not before:  # 这对…产生了影响: "this", the act told before, is the subject
        return _ZH_THIS.fullmatch(flat, start, subject_end) is not None
    return all(_ZH_OWNED.search(flat[max(start, c.start - 5) : c.start]) for c in before)


def en_effect(flat: str, span: tuple[int, int], cues: Sequence[Cue]) -> bool:
    """Whether an English clause only says what an act had as an effect (rule 4b): its cues all
    stand in the noun phrase the effect is said of ("The US sanctions had a major impact on the
    talks"), which no comma, relative pronoun or conjunction closes before "had … impact on", and
    none is a verb of saying (code 01: "Japan said the sanctions had an effect" reports a statement).
    A cue in what the effect is on ("on the talks") is allowed; one after that keeps the clause. A
    subject that only points back at the act told before ("This", "This move") counts as such a phrase.

    >>> from hexatable.ingest.types import Cue
    >>> sanctions = Cue(7, 16, "sanctions", 16, "sanction")
    >>> en_effect("The US sanctions had a major impact on the talks.", (0, 49), [sanctions])
    True
    >>> en_effect("Japan said the sanctions had an effect on talks.", (0, 48), [Cue(6, 10, "said", 1, "say")])
    False
    """
    start, end = span
    effect = _EN_EFFECT.search(flat, start, end)
    if effect is None:
        return False
    inside = [c for c in cues if start <= c.start < end]
    before = [c for c in inside if c.start < effect.start()]
    # the object of "on" is what the effect is on ("on the talks"): its cues are allowed
    object_end = brk.start() if (brk := _EN_CLAUSE_BREAK.search(flat, effect.end(), end)) else end
    after = [c for c in inside if c.start >= object_end]
    if after or any(c.cameo == 1 for c in before):
        return False
    if not before:  # "This had a positive effect on the talks": the act told before
        return _EN_THIS.fullmatch(flat, start, effect.start()) is not None
    return _EN_CLAUSE_BREAK.search(flat, before[0].end, effect.start()) is None


def document_provides(flat: str, span: tuple[int, int], lang: str) -> bool:
    """Whether a clause says what a document already told provides (rule 4b): it opens with the
    document referred back to (该决议, 该共同文件; "The resolution", "The joint document") as the
    subject of a verb of provision right after it (要求, 规定, 呼吁, 对…提出要求; requires, calls on,
    provides, bans ...); in Chinese with no word that makes the document the object of an act (被, 由,
    签署, 通过, 生效 …: "该协议由中美两国签署" is a signing). A document placed first as the object of
    the clause's act ("该方案朝鲜表示拒绝") or as its scene ("此声明发表当天美国…") is no such subject.

    >>> document_provides("该决议还要求朝鲜停止发射导弹。", (0, 15), "zh")
    True
    >>> document_provides("该协议由中美两国签署。", (0, 11), "zh")
    False
    >>> document_provides("该方案朝鲜表示拒绝。", (0, 10), "zh")
    False
    >>> document_provides("The resolution also requires North Korea to stop.", (0, 50), "en")
    True
    """
    start, end = span
    if lang == "zh":
        opening = _ZH_DOCUMENT.match(flat, start, end)
        if opening is None or _ZH_PROVIDES.match(flat, opening.end(), end) is None:
            return False
        return _ZH_DOCUMENT_ACTED_ON.search(flat, opening.end(), end) is None
    return _EN_DOCUMENT.match(flat, start, end) is not None


_QUESTION = {"zh": re.compile(r"是否"), "en": re.compile(r"\b[Ww]hether\b")}
"""The word that opens an indirect question: 是否, "whether"."""
_STRETCH_END = re.compile(r"[，,。；;：:！？!?]")
_ZH_ABOUT = re.compile(r"就|对|关于|围绕|针对")
"""A preposition that makes the question what the clause's act is about (就是否…进行磋商, 对朝鲜是否
遵守协议表示怀疑): the act is the verb after the question, which a stretch to the next mark takes in."""
_EN_QUESTION_SUBJECT = re.compile(
    r"[\s,]*(?:(?:[Oo]n|[Ii]n|[Bb]y|[Ss]ince|[Ff]rom|[Aa]t)(?=\s\s)[\s,]*)?(?:(?:And|But|and|but)\s+)?(?:(?:It|it)\s+(?:is|was|remains|remained)\s+(?:still\s+)?"
    r"(?:unclear|uncertain|unknown|undecided|not\s+(?:yet\s+)?(?:clear|known|certain))\s+)?[Ww]hether\b"
)
"""An English clause whose question is its subject ("Whether North Korea will attend is unclear",
"It is unclear whether …"), after at most a date with its preposition ("On March 3, 2009, it
was unclear whether …": the date is read as blanks, so a preposition before two blanks is one): a
name before "whether" is a subject acting ("Japan decided whether to
sanction North Korea", "Japan asked whether …"), whether or not its verb is a cue."""


def question(flat: str, span: tuple[int, int], lang: str, cues: Sequence[Cue]) -> bool:
    """Whether a clause's only acts are asked about, not told (rule 4b): every cue stands in the
    stretch after 是否 or "whether" (to the next clause mark) and none before it. "（2）朝鲜与叙利亚
    是否存在核合作", "Whether North Korea will attend the talks is unclear" tell no cooperation and no
    meeting. Not a question that is what the clause's act is about: in Chinese one after 就, 对, 关于
    (就是否实施制裁进行了磋商: the consulting is the act, told after the question); in English one
    with a subject before "whether" ("Japan decided whether to sanction North Korea", "Japan asked
    whether South Korea would attend"): the question must open the clause or follow "it is unclear".

    >>> question("韩国是否参加会谈仍不明朗。", (0, 13), "zh", [Cue(4, 6, "参加", 4, "参加")])
    True
    >>> question("韩国就是否参加会谈征求日本意见。", (0, 16), "zh", [Cue(5, 7, "参加", 4, "参加")])
    False
    """
    start, end = span
    opener = _QUESTION[lang].search(flat, start, end) if lang in _QUESTION else None
    if opener is None:
        return False
    if lang == "zh" and _ZH_ABOUT.search(flat, start, opener.start()):
        return False
    if lang == "en" and _EN_QUESTION_SUBJECT.match(flat, start, end) is None:
        return False
    closing = _STRETCH_END.search(flat, opener.end(), end)
    stop = closing.start() if closing is not None else end
    inside = [c for c in cues if start <= c.start < end]
    return bool(inside) and all(opener.end() <= c.start < stop for c in inside)


_CLOCK_AFTER = re.compile(stamps.CLOCK_GAP + stamps.CLOCK + r"(?!\d)")
"""A clock time right after a date; unlike :data:`hexatable.ingest.stamps.CLOCK_END` a mark or a
Chinese character may follow it, as :func:`byline` weighs the cues around the stamp instead."""
_CLOCK_BEFORE = re.compile(r"(?<!\d)" + stamps.CLOCK + stamps.CLOCK_GAP + "$")


def byline(flat: str, span: tuple[int, int], dates: Sequence[DateMention], cues: Sequence[Cue] = ()) -> bool:
    """Whether the clause ``span`` holds a publication stamp (module docstring): a date that writes its
    year and day, with a clock time right after or right before it, and no cue after it (a narrated
    hour is no stamp: "2031年3月4日10:30，两国外长举行会谈"), nor before it unless the clause ends without
    final punctuation, as a headline run into its byline does (not "…进行核试验，…时间为…9:54。")."""
    low, high = span
    for date in dates:
        if not low <= date.start < high or date.inferred or date.date.start.day is None:
            continue
        after = _CLOCK_AFTER.match(flat, date.end)
        before = _CLOCK_BEFORE.search(flat, max(low, date.start - 12), date.start)
        if after is None and before is None:
            continue
        stamp_end = after.end() if after is not None else date.end
        # a cue before the stamp is a headline's only when the clause ends without final
        # punctuation, as a title line run into its byline does; a sentence that ends with a full
        # stop tells its act and writes the hour as a detail ("…进行核试验，…时间为2031年5月25日9:54。")
        from_ = low if _ENDS_SENTENCE.search(flat, low, high) else stamp_end
        if not any(from_ <= c.start < high for c in cues):
            return True
    return False


_EN_CHANGE = re.compile(
    r"\b(?:dies|died|passes\s+away|passed\s+away"
    r"|(?P<post>(?:(?:is|was|are|were|been)\s+)?(?:named|succeeded)|succeeds)"
    r"|(?:is|was|are|were|been)\s+(?:appointed|elected|sworn\s+in|re-?elected)"
    r"|(?P<bare>appointed|elected|re-?elected)"
    r"|(?:assumes|assumed|takes|took|assume|take)\s+(?:the\s+)?(?:post|presidency|chairmanship|helm)"
    r"|wins?\s+(?:the\s+|an?\s+)?(?:\w+\s+)?(?:election|vote)|won\s+(?:the\s+|an?\s+)?(?:\w+\s+)?(?:election|vote)"
    r"|resigns|resigned|(?P<down>steps\s+down|stepped\s+down)|expires|expired"
    r"|(?:deadline|ultimatum)\s+(?:passes|passed))\b",
    re.IGNORECASE,
)
"""A predicate of a change of office or of life: a death, an appointment, an election, an accession to
a post, a resignation, a deadline or a text expiring ("the deadline set by Chile expires").
Not "took office": "the newly elected South Korean president took office" stays South Korea's
placeholder event (01), as tests/ingest/test_round8_fix_l8.py fixes it. Three words count only in part: named
and succeeded (``post``) only before a post (:data:`_EN_POST_AFTER`), stepped down (``down``) only with
no object (:data:`_EN_NO_OBJECT`); and every one only as the clause's main predicate
(:data:`_EN_NOT_MAIN`)."""


_EN_MODIFIER_BEFORE = re.compile(r"(?:\b(?:the|a|an|its|their|his|her|\w+ly)|,)\s+$", re.IGNORECASE)
"""A determiner or an adverb right before a bare participle ("the newly elected president", "a named
envoy"): the participle modifies a noun, it is no predicate; so does a comma ("Moon, elected in May,
took office": an appositive)."""
_EN_POST_AFTER = re.compile(
    r"\s+(?:[^.;:!?,]{0,40}?\bas\s+)?(?:[\w'\"“‘-]+\s+){0,3}?[\"“‘']?(?:minister|president|premier|chairman"
    r"|chairwoman|chair|envoy|ambassador|secretary|leader|head|chief|director|governor|spokes\w+"
    r"|representative|commander|chancellor|speaker|negotiator|successor|king|queen|emperor)\b",
    re.IGNORECASE,
)
"""A post after "named" or "succeeded", right after it or after "as" ("is named foreign minister",
"succeeded Lee as president", 'named "first secretary"'): an appointment. "Peru named Chile as the
aggressor" is an accusation, "Chile succeeded in bringing Peru back" an act."""
_EN_NO_OBJECT = re.compile(
    r"\s*(?:$|[.,;:!?)])|\s+(?:as|from|after|before|on|in|at|amid|over|following|because|and|when|since"
    r"|last|this|yesterday|today)\b",
    re.IGNORECASE,
)
"""What may follow "stepped down" for it to be a resignation: nothing, a mark or a preposition; "stepped
down its enrichment" has an object, an act."""
_EN_NOT_MAIN = re.compile(
    r"\b(?:after|when|before|as|since|until|till|once|while|because|if|though|although|who|which|whose"
    r"|whom)\b",
    re.IGNORECASE,
)
"""A subordinator or a relative pronoun before the predicate in its clause: the change is told in a
stretch that frames another act ("walked out after the agreement expired"), not the clause's main
predicate."""


def _en_main_change(flat: str, start: int, end: int, change: re.Match[str]) -> bool:
    """Whether ``change`` (a match of :data:`_EN_CHANGE` in the clause ``start``-``end``) is the
    clause's main predicate of a change of office or of life."""
    if _EN_NOT_MAIN.search(flat, start, change.start()):
        return False
    modifier = _EN_MODIFIER_BEFORE.search(flat, start, change.start()) is not None
    if change.group("bare") is not None:
        return not modifier
    if change.group("post") is not None:
        return not modifier and _EN_POST_AFTER.match(flat, change.end(), end) is not None
    if change.group("down") is not None:
        return _EN_NO_OBJECT.match(flat, change.end(), end) is not None
    return True


def en_change_of_office(flat: str, span: tuple[int, int], cues: Sequence[Cue]) -> bool:
    """Whether an English clause with no cue tells a death, an appointment, an election, an accession to
    a post or a deadline passing (:data:`_EN_CHANGE`): no act of a party toward another (rule 4b).
    A clause with any cue keeps it ("dies, an event announced two days later": the announcement).
    A party firing or dismissing its own office holder (:data:`_EN_DISMISSAL`) is such a change too,
    whose verb may be a cue; any other cue in the clause keeps the clause.

    >>> en_change_of_office("The old leader dies.", (0, 20), [])
    True
    >>> en_change_of_office("The old leader meets Chile.", (0, 27), [])
    False
    >>> en_change_of_office("The newly elected leader arrived.", (0, 33), [])
    False
    """
    start, end = span
    dismissals = [
        (d.start(), d.end())
        for d in _EN_DISMISSAL.finditer(flat, start, end)
        if not _EN_NOT_MAIN.search(flat, start, d.start())
    ]
    # the dismissal's verb may be a cue ("fired", "dismissed"): it says no act toward another party
    if any(
        start <= c.start < end and not any(low <= c.start < high for low, high in dismissals) for c in cues
    ):
        return False
    if dismissals:
        return True
    return any(_en_main_change(flat, start, end, change) for change in _EN_CHANGE.finditer(flat, start, end))


_EN_DISMISSAL = re.compile(
    r"\b(?:fire|fires|fired|firing|sack|sacks|sacked|sacking|dismiss|dismisses|dismissed|dismissing"
    r"|oust|ousts|ousted|ousting)\s+(?:its|his|her|their)\s+(?:own\s+)?(?:(?!(?:at|on|into)\b)[\w-]+\s+){0,3}?"
    r"(?:ambassadors?|envoys?|ministers?|officials?|chiefs?|commanders?|generals?|negotiators?"
    r"|spokes(?:man|men|woman|women|person|people)|secretar(?:y|ies)|directors?|heads?|advis[eo]rs?"
    r"|diplomats?|representatives?|governors?|aides?|deput(?:y|ies))\b(?!['’])"
    r"(?=\s*(?:[.,;:!?)”\"]|$)|\s+(?:to|for|in|at|of|after|before|over|from|with|who|whom|and|as|amid"
    r"|following|because|on|last|this|yesterday|today|earlier|later)\b)",
    re.IGNORECASE,
)
"""A party firing, sacking, dismissing or ousting its own office holder ("fired its ambassador to Peru",
"sacked his defence minister"): a change of office, as an appointment is, no act toward another party.
"Fired a missile", "dismissed Peru's claim" are acts: no "its"/"his" and a post after the
verb; so are "dismissed its envoy's claim" (the post owns the object) and "fired its rockets at the
commanders" (the post after "at"): the post ends the object, no "at", "on", "into" before it."""


_ENDS_SENTENCE = re.compile(r"[。．！？.!?][\s　”’\"'）)]*$")


def tells_no_act(
    flat: str, span: tuple[int, int], lang: str, cues: Sequence[Cue], dates: Sequence[DateMention] = ()
) -> bool:
    """Whether a clause tells no act by rule 4b: a page's byline (:func:`byline`), an effect of an act
    (:func:`zh_effect`, :func:`en_effect`), a change of office or of life in English
    (:func:`en_change_of_office`), what a document provides (:func:`document_provides`) or an act only
    asked about (:func:`question`). The clause's dates are read as blanks, so a date that
    opens it ("7月4日，该决议要求…") does not hide a document or a 这 that opens it after the date."""
    if byline(flat, span, dates, cues):
        return True
    flat = without_dates(flat, dates, span)
    effect = zh_effect(flat, span, cues) if lang == "zh" else en_effect(flat, span, cues)
    change = lang == "en" and en_change_of_office(flat, span, cues)
    return effect or change or document_provides(flat, span, lang) or question(flat, span, lang, cues)
