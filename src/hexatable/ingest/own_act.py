"""Rule 3e (iv): an English statement of the speaker's own act is coded by the act.

"North Korea announced its withdrawal from the treaty" is a withdrawal (16), "Iran said it would
attend the talks" an intent to meet (036), as the Chinese rule 3b (iii) codes "朝鲜宣布退出条约" and
"朝方称，将参加会谈": the CAMEO codebook (Schrodt 2012, v1.1b3) keeps 010, "make statement, not
specified below", for statements that no other category fits. Coding such a clause as the statement (01) in
English while Chinese codes the act would make the two languages disagree on the same construction.

The reported act must be the speaker's own and its verb the predicate of the speaker's pronoun
(it, he, she; "they" only for two or more speakers), of the speaker's own name, or the head of a
noun the speaker's possessive opens ("its withdrawal"); only auxiliaries, adverbs and words of
intent may stand between, and no passive ("said it was attacked"). After "announced the"
the noun must not be another party's ("the launch of a North Korean missile", "the sanctions
imposed by Japan"), and a noun followed by a finite verb of its own or an act done followed by a
reason ("because ...") is a comment, not a new act. So
"said it was important to resume talks" (a dummy "it"), "said it was concerned about the
sanctions", "said talks should resume" and "said Japan would attend" (another party's act, rule 3e)
stay statements, and so does a negated act ("said it had not met Japan"), a modal one ("said it
should attend": what ought to be done is no act) and a denial (deny weighs more than a verb of saying).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import replace

from hexatable.ingest.clauses import EN_SUBJECT_LEAD
from hexatable.ingest.cue_codes import EN_MEETING_NOUNS, MEET, NO_CUE_CAMEO, SAYING_WEIGHT
from hexatable.ingest.sanctions_halting import halted
from hexatable.ingest.types import ActorMention, Cue

INTENT_CODES = {range(4, 9): 3, range(14, 21): 13}
"""A reported act still to come, by its root: to consult, cooperate, aid or yield (04-08) is an intent
to cooperate (03); to protest, show force, reduce relations, coerce, assault, fight or use mass
violence (14-20) is a threat (13). The CAMEO codebook's verbal categories (Schrodt 2012, v1.1b3:
03, with 031-039 "express intent to ..." such acts; 13, with 131-139 "threaten to ..." such acts).
Shared by the Chinese rule 3b (iii) and the English rule 3e (iv)."""

_THAT = re.compile(r"\s+(?:[^,;:\"“”]{0,60}?\s)?that\s+")
"""What may stand between a verb of saying and the clause it reports: "that", after at most a short
stretch without a clause mark ("said on Monday that", "told reporters that"); else the clause follows
the verb after a space."""
_ADDRESSEE = re.compile(r"(?:tell|told|inform|notif|brief|assur|remind)", re.IGNORECASE)
"""Verbs of saying whose first object is the one told: what they report follows "that"."""
_PRONOUN = re.compile(r"(?:it|they|he|she)(?=\s)")
_POSSESSIVE = re.compile(r"(?:its|their|his|her)\s+")
_OBJECT = re.compile(r"(?:the|a|an)\s+[‘'\"“]?")
"""A determiner after a verb of announcing ("announced the resumption of aid"): the noun it opens is
the speaker's act, what "announce" and "declare" make public, as a possessive's is."""
_ANNOUNCE = re.compile(r"(?:announc|declar)", re.IGNORECASE)
_PREDICATE_AFTER = re.compile(
    r"(?:\s+(?!(?:that|which|who)\b)[\w'-]+){0,12}?\s+"
    r"(?:will|would|was|were|is|are|has|have|had|could|should|must|may|might)\b"
)
"""A finite verb after the act's noun, within twelve words and before any "that", "which" or "who"
("said its troops would attack", "announced the sanctions would end", also "said its
withdrawal from the treaty in 2003 had been justified", more than three words on): the noun is
the subject of a reported clause, not the speaker's act. The words are runs without a space, so the
repetition cannot split one word in several ways."""
_OTHER_PARTY_AFTER = re.compile(r"\s+(?:of|by)\s+(?P<name>)(?:the\s+|an?\s+)?")
_AGENT_AFTER = re.compile(r"\s+(?:[a-z][\w-]*\s+){0,2}?by\s+(?P<name>)(?:the\s+)?")
"""After the noun a determiner opens: "of" or "by" and another party's name ("announced the launch of
a North Korean missile", "the visit of the North Korean leader"), or an agent after a word or two
("the lifting of sanctions by the United States", "the sanctions imposed by Japan"): the act is that
party's, which the speaker makes public, not the speaker's own."""
_PARTICIPLE_AFTER = re.compile(r"\s+[a-z]+ed\b(?!\s+to\b)")
"""A participle right after the noun ("announced the sanctions imposed last year"): the noun names an
act already done, by the speaker or another, which the statement reports."""
_PASSIVE = re.compile(
    r"\b(?:was|were|is|are|be|been|being)\s+(?:(?:also|now|still|again|already|then|just|recently"
    r"|finally|officially|formally|immediately|later|further|fully|temporarily|eventually|once|jointly"
    r"|not|never|no\s+longer)\s+)*$",
    re.IGNORECASE,
)
"""A form of "be" right before the act, adverbs aside: with a participle the act is passive ("said it
was attacked by South Korea"), done to the speaker, not by it (the victim is
not the attacker). "said it was ready to attend" is no passive: "ready to" stands after the "be"."""
_REASON_AFTER = re.compile(
    r"\b(?:because|due\s+to|in\s+response\s+to|since(?!\s+(?:(?:early|mid|late|the\s+(?:end|start|beginning)"
    r"\s+of)\s+)?(?:\d+|January|February|March|April|May|June|July|August|September|October|November"
    r"|December|then|last|this|the\s+(?:\d+s?|spring|summer|autumn|fall|winter|start|end|beginning)|spring|summer"
    r"|autumn|fall|winter|yesterday|\w+day)\b))\b",
    re.IGNORECASE,
)
"""A reason given after an act done ("said it had withdrawn from the treaty because it was attacked"):
the statement justifies an act of the past, it is no new act. "Since" before
a date, a year or a word of time ("since February", "since 2006", "since last year", "since then")
is time, not a reason: "said it had imposed sanctions since 2006" reports the act."""
_WORD = re.compile(r"[a-z]+\s+")
"""At most one word between the speaker's possessive and the act's noun ("its full withdrawal")."""
_NOUN_INTENT = re.compile(r"(?:intention|plan|readiness|willingness|intent)\s+to\s+")
"""A noun of intent after the possessive ("announced its intention to attend"): the act is to come."""
_NOUN_DECISION = re.compile(r"decision\s+to\s+")
"""A decision announced ("announced its decision to withdraw"): done by the announcement."""

_AUX = (
    r"will|would|shall|has|have|had|was|were|is|are|be|been|being|did|does|do"
    r"|also|now|soon|still|again|already|then|just|recently|finally|officially|formally|immediately"
    r"|later|further|fully|temporarily|eventually|once|jointly|itself|themselves"
    r"|not|never|no longer|no|n't"
    r"|plans? to|planned to|intends? to|intended to|wants? to|wanted to|hopes? to|hoped to"
    r"|expects? to|expected to|ready to|willing to|prepared to|going to|about to|decided to"
)
_BETWEEN = re.compile(rf"\s*(?:(?:{_AUX})\s+)*", re.IGNORECASE)
"""What may stand between the reported subject and its act: auxiliaries, adverbs, words of intent."""
_FUTURE = re.compile(
    r"\b(?:will|would|shall|plans? to|planned to|intends? to|intended to|wants? to|wanted to"
    r"|hopes? to|hoped to|expects? to|expected to|ready to|willing to|prepared to|going to|about to)\b",
    re.IGNORECASE,
)
"""Words that put the reported act after the statement: the statement is an intent or a threat."""
_NEGATED = re.compile(r"\b(?:not|never|no longer|no)\b|n't", re.IGNORECASE)
_DONE = re.compile(r"\b(?:has|have|had)\b", re.IGNORECASE)
"""A perfect: the meeting reported has happened ("said it had met Japan")."""
_PAST = re.compile(r"(?:\w+ed|met|held|went|took|came|flew|began|sat|spoke|\w+ing)\b", re.IGNORECASE)
"""A past or progressive form of the meeting's verb ("said it met", "said it is negotiating"):
a meeting held or going on, not announced."""


def _opening(
    flat: str, saying: Cue, end: int, cues: Sequence[Cue], mentions: Sequence[ActorMention]
) -> int | None:
    """Where the clause a verb of saying reports opens: after its "that" (no cue before it, nor a name
    but the one told), else right after the verb (never for a verb whose first object is the one
    told, "informed Japan that ...")."""
    addressee = _ADDRESSEE.match(saying.text) is not None
    that = _THAT.match(flat, saying.end, end)
    if that is not None:
        word = flat.rfind("that", saying.end, that.end())
        if not any(saying.end <= c.start < word for c in cues) and (
            addressee or not any(saying.end <= m.start < word for m in mentions)
        ):
            return that.end()
    if addressee:
        return None
    space = re.match(r"\s+", flat[saying.end : end])
    return saying.end + space.end() if space is not None else None


_PLURAL_SPEAKER = re.compile(
    r"\b(?:officials|diplomats|leaders|negotiators|envoys|ministers|delegates|delegations|representatives"
    r"|spokesmen|spokespeople|lawmakers|authorities|commanders|officers|sources)\s+$",
    re.IGNORECASE,
)
"""A plural noun right before the verb of saying ("North Korean officials said they …"): one party's
speakers, whose "they" and "their" are that party, not another party's."""


def _subject_end(
    flat: str,
    at: int,
    end: int,
    mentions: Sequence[ActorMention],
    speakers: Collection[str],
    plural: bool = False,
) -> tuple[int, bool] | None:
    """The end of the reported clause's subject when it is the speaker (a pronoun or the speaker's
    own name), or of the speaker's possessive, and whether it was a possessive (the act is then
    the noun after it). "they" and "their" are the speaker's only for two or more speakers or a
    plural noun of speakers (``plural``: "officials said they")."""
    lead = EN_SUBJECT_LEAD.match(flat, at, end)
    named = lead.end() if lead else at
    subject = next((m for m in mentions if m.start == named), None)
    if subject is not None:
        if subject.actor not in speakers or flat[subject.end : subject.end + 2] in ("'s", "’s"):
            return None
        return subject.end, False
    pronoun = _PRONOUN.match(flat, at, end)
    if pronoun is not None:
        if pronoun.group() == "they" and len(speakers) < 2 and not plural:
            return None  # one speaker: "they" is most often another party
        return pronoun.end(), False
    possessive = _POSSESSIVE.match(flat, at, end)
    if possessive is not None:
        if possessive.group().startswith("their") and len(speakers) < 2 and not plural:
            return None
        return possessive.end(), True
    return None


def _another_partys(
    flat: str, after: int, end: int, mentions: Sequence[ActorMention], speakers: Collection[str]
) -> bool:
    """Whether the noun ending at ``after`` is another party's act: "of" or "by" and a name that is not
    the speaker's, an agent ("by ...") within two words, or a participle right after it."""
    if _PARTICIPLE_AFTER.match(flat, after, end):
        return True
    for pattern in (_OTHER_PARTY_AFTER, _AGENT_AFTER):
        found = pattern.match(flat, after, end)
        if found is None:
            continue
        starts = {found.end(), found.start("name")}
        if any(m.start in starts and m.actor not in speakers for m in mentions):
            return True
    return False


def en_own_act(
    flat: str,
    saying: Cue,
    cues: Sequence[Cue],
    end: int,
    mentions: Sequence[ActorMention],
    speakers: Collection[str],
) -> Cue:
    """Rule 3e (iv): the cue that codes a clause whose main cue is the verb of saying ``saying``
    (code 01, weight at most :data:`SAYING_WEIGHT`), when what it reports, up to ``end``, is the
    speaker's own act (``speakers``: the clause's actors; ``mentions``: its names). The act keeps
    its code when done ("said it shut down the reactor": 08; "announced its withdrawal": 16); an
    act still to come (will, would, plans to, is ready to, "its intention to") is an intent (03) for
    04-08 or a threat (13) for 14-20 (:data:`INTENT_CODES`); a meeting announced is an intent to
    meet (036) unless held ("said it had met", "said it met"). The cue stays the act's verb, for a
    reviewer. Otherwise ``saying`` is returned: the statement stands.

    >>> say = Cue(5, 9, "said", 1, "say", 0.3)
    >>> attend = Cue(19, 25, "attend", 4, "attend", 0.9)
    >>> en_own_act("Iran said it would attend the talks", say, [say, attend], 35, [], {"IRN"}).cameo
    3
    >>> attend = Cue(21, 27, "attend", 4, "attend", 0.9)
    >>> en_own_act("Iran said Iraq would attend the talks", say, [say, attend], 37, [], {"IRN"}).cameo
    1
    """
    if saying.cameo != NO_CUE_CAMEO or saying.weight > SAYING_WEIGHT:
        return saying
    at = _opening(flat, saying, end, cues, mentions)
    if at is None:
        return saying
    plural = _PLURAL_SPEAKER.search(flat, max(0, saying.start - 40), saying.start) is not None
    found = _subject_end(flat, at, end, mentions, speakers, plural)
    announced = _OBJECT.match(flat, at, end) if _ANNOUNCE.match(saying.text) else None
    determined = found is None and announced is not None
    if found is None and announced is not None:
        found = announced.end(), True
    if found is None:
        return saying
    subject_end, possessive = found
    if possessive:
        word = _WORD.match(flat, subject_end, end)
        intent = _NOUN_INTENT.match(flat, subject_end, end)
        decided = _NOUN_DECISION.match(flat, subject_end, end)
        candidates = [subject_end, *(m.end() for m in (word, intent, decided) if m is not None)]
        act = next(
            (c for at_ in candidates for c in cues if c.start == at_ and c.cameo != NO_CUE_CAMEO), None
        )
        if act is None or _PREDICATE_AFTER.match(flat, act.end, end):
            return saying
        if determined and _another_partys(flat, act.end, end, mentions, speakers):
            return saying
        stretch = flat[subject_end : act.start]
        intent = intent if intent is not None and act.start == intent.end() else None
    else:
        between = _BETWEEN.match(flat, subject_end, end)
        assert between is not None  # it may match nothing
        act = next((c for c in cues if c.start == between.end() and c.cameo != NO_CUE_CAMEO), None)
        if act is None:
            return saying
        stretch = flat[subject_end : act.start]
        intent = None
        verb = re.match(r"\w+", flat[act.start : act.end + 20])
        if _PASSIVE.search(stretch) and verb is not None and not verb.group().lower().endswith("ing"):
            return saying  # "said it was attacked": done to the speaker
    if any(subject_end <= m.start < act.start and m.actor not in speakers for m in mentions):
        return saying  # another party named between: its act, rule 3e
    if _NEGATED.search(stretch):
        return saying  # an act said not done or refused: the statement stands
    if act.entry in EN_MEETING_NOUNS:
        return saying  # "said the talks ...": what the statement is about
    act = halted(flat, act, cues)  # "said it would suspend its missile tests": yielding (08)
    future = intent is not None or _FUTURE.search(stretch) is not None
    if not future and _REASON_AFTER.search(flat, act.end, end):
        return saying  # "said it had withdrawn ... because ...": a past act justified
    if not future and act.cameo == MEET:
        verb = re.match(r"\w+", flat[act.start : act.end + 20])
        past = not possessive and verb is not None and _PAST.fullmatch(verb.group()) is not None
        held = _DONE.search(stretch) is not None or past
        future = not held  # "announced its return to the talks": an intent to meet (036)
    if not future:
        return act
    code = next((c for codes, c in INTENT_CODES.items() if act.cameo in codes), act.cameo)
    return replace(act, cameo=code)
