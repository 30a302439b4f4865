"""Adoptions and resolutions: an agreed text adopted (057) and the sanctions a resolution imposes.

"各方通过《共同声明》" adopts an agreed text (05); a resolution is coded by what it decides: sanctions
imposed (163), or, when it declines them, the clause's next act (rule 3d (v), docs/ingest.md). The
resolution a clause's subject adopts is read once (:func:`read_resolution`) and both uses take it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from hexatable.ingest.cue_codes import YIELD
from hexatable.ingest.en_negation import en_negated
from hexatable.ingest.types import ActorMention as Mention
from hexatable.ingest.types import Cue
from hexatable.ingest.zh_negation import zh_negated

_ZH_ADOPTION = re.compile(
    r"(通过|批准)了?[^《》，,。；;]{0,12}?《([^《》]*(?:共同|联合)[^《》]*|[^《》]*(?:协议|协定|条约|公报|宣言))》"
)
ADOPTION_WEIGHT = 0.9
"""The weight of an adoption found by :func:`zh_adoption` (a usual cue's band)."""


def zh_adoption(flat: str, start: int, end: int) -> Cue | None:
    """The adoption of an agreed text in ``flat[start:end]``, as a cue of 05, else None.

    "与会各方一致通过《第四轮六方会谈共同声明》": the parties adopt a joint statement, which the codebook
    codes as the signing of a formal agreement (057), though 通过 ("pass", "through") is no cue and the
    title's own words (会谈, 共同声明) are names, passed over by rule 3b. The verb is 通过 or 批准
    (adopt, approve) with the title after it (up to 12 characters between), and the title names an
    agreed text: a joint (共同, 联合) text, or an agreement, accord, treaty, communiqué or declaration
    (协议, 协定, 条约, 公报, 宣言). Not a resolution (决议), whose code is what it decides, nor a text one
    party issues (发表声明, 01).

    >>> zh_adoption("各方一致通过《北京共同声明》", 0, 14).cameo
    5
    >>> zh_adoption("安理会通过《第99号决议》", 0, 13) is None
    True
    """
    match = _ZH_ADOPTION.search(flat, start, end)
    if match is None:
        return None
    verb = match.group(1)
    return Cue(match.start(1), match.end(1), verb, 5, verb, ADOPTION_WEIGHT)


_SANCTIONS = frozenset(
    [
        "制裁",
        "实施制裁",
        "加强制裁",
        "禁运",
        "列入黑名单",
        "impose sanctions",
        "sanction",
        "sanctions",
        "embargo",
    ]
)
"""Cues of 163 (impose embargo, boycott or sanctions), as nouns or verbs."""
_ZH_IMPOSED = frozenset(["实施制裁", "加强制裁", "列入黑名单"])
"""Sanctions cues that are themselves the act of imposing (a verb and its object)."""
_ZH_IMPOSING = re.compile(r"(实施|施加|实行|采取|追加|加强|进行)[^，,。；;：:“”]{0,24}$")
"""A verb of imposing before a sanctions noun, with at most its object's modifiers between (实施新的
制裁, 实施武器禁运, 实施与核武器、大型武器有关的禁运): the noun is the act's object. Not a noun that is
the object of another verb (恢复制裁谈判, 取消对古巴的禁运: ending it is no imposing)."""
_ZH_MODIFIED = re.compile(r"委员会|谈判|会谈|会议|问题|名单|清单|决议|专家")
"""Nouns a sanctions noun right before them describes (制裁委员会, 制裁谈判): no sanctions imposed."""
_EN_IMPOSING = re.compile(
    r"\b(impos|tighten|toughen|expand|extend|strengthen|slap|levy|levi)\w*\s+(?:[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
"""A verb of imposing up to three words before "sanctions", "embargo": "imposing new sanctions". Not
"an end to the US embargo", "the sanctions committee"."""
_ZH_RESOLUTION = re.compile(r"(?:通过|批准)了?[^，,。；;]{0,30}?决议")
_EN_RESOLUTION = re.compile(r"\b(?:adopt|pass|approv)\w*\b[^.;]{0,60}?\bresolution\b", re.IGNORECASE)
"""The subject adopts a resolution ("the Council adopted a resolution"); not a resolution said to be
adopted by someone ("condemned the resolution adopted by the Council"), whose adopter is no subject."""
SUBJECT_REACH = 16
"""The most characters between a clause's subject and the adoption it makes (adverbs, a date):
"安理会15日一致通过决议", "the Security Council on Monday unanimously adopted"."""
_ADOPTER_GAP = re.compile(r"[，,；;：:。.!?！？、“”]")
_ZH_NUMBER = r"[\d一二三四五六七八九十零〇两]+"
_ZH_VOTE = re.compile(rf"以{_ZH_NUMBER}票赞成(?:[、，,]?{_ZH_NUMBER}票(?:反对|弃权))*|以全票")
"""A vote tally before an adoption, as resolutions are reported ("以15票赞成0票反对一致通过"): its
赞成 and 反对 are the tally's words, no act between the subject and its adoption."""
_ZH_ADOPTION_FRAME = re.compile(
    r"(?:经过?|在|于)[^，,。；;：:、“”]{1,16}?(?:之?后|以后|上|中|下|期间|之际|时)"
)
"""An adverbial frame between a subject and its adoption ("安理会经过多轮磋商后一致通过", "在会议上通过",
"在美国提议下通过"): when and how the subject adopted, so its cues (磋商) and names are set aside as a
vote tally's are."""


def _imposing(flat: str, low: int, cue: Cue, lang: str, others: Sequence[Cue] = ()) -> int | None:
    """Where the act of imposing that ``cue`` (a sanctions cue) names starts, else None: the cue
    itself when it holds the verb (实施制裁, "imposing sanctions"), else a verb of imposing right before
    it (:data:`_ZH_IMPOSING`, :data:`_EN_IMPOSING`) with none of ``others`` (the clause's other cues)
    between, and not before a noun it describes (:data:`_ZH_MODIFIED`)."""
    if cue.entry in _ZH_IMPOSED or "impos" in cue.text.lower():
        return cue.start
    if lang == "zh" and _ZH_MODIFIED.match(flat, cue.end):
        return None
    pattern = _ZH_IMPOSING if lang == "zh" else _EN_IMPOSING
    found = pattern.search(flat, max(low, cue.start - 40), cue.start)
    if found is None or any(found.end(1) <= c.start < cue.start for c in others):
        return None  # another act between: the noun is its object
    return found.start()


@dataclass(frozen=True)
class Resolution:
    """What a resolution adopted by a clause's subject decides about sanctions (rule 3d (v)).

    ``imposed``: the first sanctions cue it imposes, the cue that types the event
    (:func:`resolution_sanctions`), else None; ``declined``: the sanctions cues it declines to impose,
    only when it imposes none (:func:`resolution_declined`). Both are read from one search of the
    adoption (:func:`read_resolution`), which the event's cue choice makes once per clause."""

    imposed: Cue | None = None
    declined: tuple[Cue, ...] = ()


NO_RESOLUTION = Resolution()
"""A clause whose subject adopts no resolution that imposes or declines sanctions."""


def read_resolution(
    flat: str,
    low: int,
    high: int,
    cues: Sequence[Cue],
    lang: str,
    subject: Mention | None,
    names: Sequence[Mention] = (),
) -> Resolution:
    """The resolution the clause's ``subject`` adopts in ``flat[low:high]``, read once: the sanctions
    it imposes and those it declines (:class:`Resolution`; the readings of
    :func:`resolution_sanctions` and :func:`resolution_declined`).

    >>> from hexatable.ingest.types import ActorMention, Cue
    >>> council = ActorMention(0, 3, "安理会", "UNSC", "case", None)
    >>> ban = Cue(16, 18, "制裁", 16, "制裁", 1.0)
    >>> read = read_resolution("安理会通过决议，不对朝鲜实施新的制裁", 0, 18, [ban], "zh", council)
    >>> read.imposed is None, read.declined == (ban,)
    (True, True)
    """
    found = _resolution_imposing(flat, low, high, cues, lang, subject, names)
    if not found:
        return NO_RESOLUTION
    imposed = [cue for cue, negated in found if not negated]
    if imposed:
        return Resolution(imposed=imposed[0])
    return Resolution(declined=tuple(cue for cue, _ in found))


def resolution_sanctions(
    flat: str,
    low: int,
    high: int,
    cues: Sequence[Cue],
    lang: str,
    subject: Mention | None,
    names: Sequence[Mention] = (),
) -> Cue | None:
    """The sanctions a resolution adopted in ``flat[low:high]`` by the clause's ``subject`` imposes,
    as the cue that types the event, else None.

    A resolution is coded by what it decides (rule 3d (v)); when it imposes sanctions or an embargo
    the codebook's 163 (impose embargo, boycott or sanctions, root 16) is its act, however many
    condemnations and demands (111, 10) it also voices: "安理会通过第99号决议，对该国实施武器禁运",
    "the Council adopted a resolution that demands a halt and imposes sanctions". Only the subject's
    own adoption: the adoption verb (通过, 批准 … 决议; adopt, pass, approve … resolution) follows the
    subject within :data:`SUBJECT_REACH` characters (a vote tally, :data:`_ZH_VOTE`, aside) with no
    cue, clause mark or other name (``names``) between ("朝鲜谴责安理会通过决议…" is the DPRK's
    condemnation). The sanctions are imposed (a verb
    of imposing, :func:`_imposing`), after the adoption, with no easing act (08: 解除, lift) between,
    and not negated (不对朝鲜实施新的制裁).

    A view of :func:`read_resolution`, which the pipeline calls instead (once per clause, for both
    readings): this function states the rule and gives tests (test_resolution_sanctions_and_reasons.py)
    one reading to call.

    >>> from hexatable.ingest.types import ActorMention, Cue
    >>> ban = Cue(17, 19, "禁运", 16, "禁运", 1.0)
    >>> council = ActorMention(0, 3, "安理会", "UNSC", "case", None)
    >>> resolution_sanctions("安理会通过第99号决议，对该国实施武器禁运", 0, 21, [ban], "zh", council).cameo
    16
    >>> cmte = Cue(10, 12, "制裁", 16, "制裁", 1.0)
    >>> resolution_sanctions("安理会通过决议，关于制裁委员会的工作", 0, 18, [cmte], "zh", council) is None
    True
    """
    return read_resolution(flat, low, high, cues, lang, subject, names).imposed


def resolution_declined(
    flat: str,
    low: int,
    high: int,
    cues: Sequence[Cue],
    lang: str,
    subject: Mention | None,
    names: Sequence[Mention] = (),
) -> list[Cue]:
    """The sanctions cues a resolution adopted by the clause's ``subject`` in ``flat[low:high]``
    declines to impose: the imposings that :func:`resolution_sanctions` reads, every one
    negated ("安理会通过决议，不对朝鲜实施新的制裁", "adopted a resolution that does not impose
    sanctions"), else none: a resolution that declines one embargo but imposes other sanctions
    ("不对朝鲜实施武器禁运，但对朝鲜实施金融制裁") imposes them, and :func:`resolution_sanctions` codes
    it 163. The declined sanctions are no act of the clause: negated, they are no rejection either
    (rule 3d (iii): not sanctioning is no refusal of cooperation); the resolution is coded by the
    clause's next act after them ("不对朝鲜实施制裁，并谴责朝鲜核试验": 111), else 01, the statement
    a resolution that decides nothing codable is (extract's rule 3d (v)).

    A view of :func:`read_resolution`, which the pipeline calls instead: this function states the
    rule and its example.

    >>> from hexatable.ingest.types import ActorMention, Cue
    >>> council = ActorMention(0, 3, "安理会", "UNSC", "case", None)
    >>> ban = Cue(16, 18, "制裁", 16, "制裁", 1.0)
    >>> resolution_declined("安理会通过决议，不对朝鲜实施新的制裁", 0, 18, [ban], "zh", council) == [ban]
    True
    """
    return list(read_resolution(flat, low, high, cues, lang, subject, names).declined)


def _resolution_imposing(
    flat: str,
    low: int,
    high: int,
    cues: Sequence[Cue],
    lang: str,
    subject: Mention | None,
    names: Sequence[Mention] = (),
) -> list[tuple[Cue, bool]]:
    """The sanctions cues imposed by a resolution the clause's ``subject`` adopts, each with whether
    its imposing is negated, up to the first easing act; none when there is no such adoption (the
    reading :func:`resolution_sanctions` documents)."""
    if subject is None or not low <= subject.end <= high:
        return []
    pattern = _ZH_RESOLUTION if lang == "zh" else _EN_RESOLUTION
    adoption = pattern.search(flat, subject.end, min(high, subject.end + SUBJECT_REACH + 64))
    if adoption is None:
        return []
    gap = (subject.end, adoption.start())
    votes = (
        [(m.start(), m.end()) for m in _ZH_VOTE.finditer(flat, *gap)]
        + [(m.start(), m.end()) for m in _ZH_ADOPTION_FRAME.finditer(flat, *gap)]
        if lang == "zh"
        else []
    )
    if (
        gap[1] - gap[0] - sum(b - a for a, b in votes) > SUBJECT_REACH
        or _ADOPTER_GAP.search(flat, *gap)
        or any(gap[0] <= c.start < gap[1] and not any(a <= c.start < b for a, b in votes) for c in cues)
        or any(
            gap[0] <= m.start < gap[1] and not any(a <= m.start < b for a, b in votes)
            for m in names
            if m is not subject
        )
    ):
        return []  # another's adoption: "朝鲜谴责安理会通过决议", "after the Council passed"
    after = sorted((c for c in cues if adoption.start() <= c.start < high), key=lambda c: c.start)
    found: list[tuple[Cue, bool]] = []
    for cue in after:
        if cue.cameo == YIELD:
            break  # 解除制裁, "lifts the sanctions": easing, not imposing
        if cue.entry.lower() not in _SANCTIONS:
            continue
        start = _imposing(flat, adoption.end(), cue, lang, [c for c in cues if c is not cue])
        if start is None:
            continue  # a sanctions noun that is no act imposed: 制裁委员会, "the sanctions committee"
        act = replace(cue, start=start) if start < cue.start else cue
        negated = zh_negated(flat, act, []) if lang == "zh" else en_negated(flat, act)
        found.append((cue, negated))
    return found
