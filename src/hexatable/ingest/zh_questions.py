"""Chinese 是否 questions: a cue a topic question names is asked about, not done.

"中美就是否制裁朝鲜存在分歧" imposes no sanctions: after 就, 对, 关于, 围绕 and a question word the
asked verb (and its disapproving objects) is dropped from the cues that type the clause's event
(rule 3d, docs/ingest.md)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from hexatable.ingest.cue_codes import ANY_MARK, CONFLICT_TOP, DISAPPROVE
from hexatable.ingest.types import ActorMention as Mention
from hexatable.ingest.types import Cue


def zh_question_cues(flat: str, lang: str, cues: Sequence[Cue], names: Sequence[Mention] = ()) -> list[Cue]:
    """``cues`` without the act a topic question names: after 就, 对, 关于, 围绕 and a
    question word (是否, 能否, 可否, 应否, 如何, 怎样, 何时; :data:`_ZH_QUESTION`) the first cue is what
    is asked about, no act of the clause: "中美就是否制裁朝鲜存在分歧" is a disagreement over sanctions,
    none imposed, and "中美对是否恢复谈判看法不一" none resumed. The question's verb is its first cue
    after the question word, within :data:`QUESTION_REACH` characters and no clause mark; up to
    :data:`QUESTION_OBJECTS` cues of disapproval or conflict (11-20) right after it, with nothing
    between but ``names`` and 的, are its object and asked about too ("对是否支持制裁保持沉默": 制裁
    is what would be supported; "就如何谴责朝鲜核试验与美国磋商": the test is what would be
    condemned). A cooperative noun after the asked verb (就是否参加会谈…) stays a cue, left to the
    clause's cue choice, and so does a later cue the question does not reach: the
    clause's predicate ("就是否恢复谈判进行磋商": the consultation, 04). A question with its own
    subject, names only between the preposition and the question word (韩国对朝鲜是否进行核试验表示关切),
    drops only its cues of 11-20 up to the clause's act after them (:func:`_stretch`).

    The asked cues are removed from the cues that type an event only; rule 1b still cuts clauses by
    them (extract keeps the full list for :func:`hexatable.ingest.clauses.subjects_clauses`), so the
    question's clause is not joined to the next one. Cues are looked up by offset: the cost is
    linear in the questions and cues (a bisection per question).

    >>> from hexatable.ingest.types import Cue
    >>> asked = Cue(5, 7, "制裁", 16, "制裁", 1.0)
    >>> [c.text for c in zh_question_cues("中美就是否制裁朝鲜存在分歧", "zh", [asked])]
    []
    """
    if lang != "zh":
        return list(cues)
    ordered = sorted(cues, key=lambda c: (c.start, -c.weight))
    starts = [c.start for c in ordered]
    spans = sorted((m.start, m.end) for m in names)
    asked: set[int] = set()
    for question in _ZH_QUESTION.finditer(flat):
        low, high = question.span("subject")
        if high > low and not _names_only(flat, low, high, spans):
            continue  # 对朝鲜实施制裁是否有效…: the words before the question word are no subject
        k = bisect.bisect_left(starts, question.end())
        if k == len(ordered):
            continue
        gap = flat[question.end() : ordered[k].start]
        if len(gap) > QUESTION_REACH or ANY_MARK.search(gap):
            continue
        if high > low:
            # a question with its own subject (对朝鲜是否进行核试验表示关切): only its cues of 11-20
            # are dropped, and only when the clause's act follows it
            asked.update(_stretch(flat, ordered, k, spans))
            continue
        end, objects = ordered[k].end, 0
        asked.add(ordered[k].start)
        for j in range(k + 1, len(ordered)):
            cue = ordered[j]
            if cue.start < end:
                asked.add(cue.start)  # a shorter cue inside the asked one
                continue
            if (
                objects == QUESTION_OBJECTS
                or cue.cameo < DISAPPROVE
                or not _object_gap(flat, end, cue.start, spans)
            ):
                break  # a cooperative noun (参加会谈) is left to the clause's cue choice
            asked.add(cue.start)
            end, objects = max(end, cue.end), objects + 1
    return [c for c in cues if c.start not in asked]


def _names_only(flat: str, start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether ``flat[start:end]`` is covered by names (``spans``, sorted) alone."""
    covered = start
    for low, high in spans:
        if low <= covered < high:
            covered = high
    return covered >= end


def _stretch(flat: str, ordered: Sequence[Cue], k: int, spans: Sequence[tuple[int, int]] = ()) -> set[int]:
    """The starts of the cues of 11-20 in a question's stretch, from its first cue ``ordered[k]`` to
    the first later cue of another root in the same clause, the clause's own act outside the
    question (韩国对朝鲜是否进行核试验表示关切: the test is asked about, the concern is expressed).
    Nothing when no such cue follows (the clause's act may be the asked one) or when the
    first cue is of another root (对朝鲜是否遵守协议表示怀疑 is left to the clause's cue choice). Nothing
    either when a name (``spans``, sorted) stands between the first cue and the clause's act
    (日本对朝鲜是否谴责韩国表示关切): with the asked verb dropped, that name would read as a
    subject of the act outside the question; such a clause is read whole."""
    if not DISAPPROVE <= ordered[k].cameo <= CONFLICT_TOP:
        return set()
    inside: set[int] = {ordered[k].start}
    for cue in ordered[k + 1 :]:
        if ANY_MARK.search(flat, ordered[k].end, cue.start) is not None:
            return set()
        if not DISAPPROVE <= cue.cameo <= CONFLICT_TOP:
            named = any(ordered[k].end <= low < cue.start for low, _ in spans)
            return set() if named else inside
        inside.add(cue.start)
    return set()


def _object_gap(flat: str, start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    """Whether ``flat[start:end]`` holds nothing but names (``spans``, sorted) and 的: what may stand
    between an asked verb and its object (支持制裁, 谴责朝鲜核试验, 实施新的制裁 not: 新 is a word)."""
    if end - start > QUESTION_REACH:
        return False
    rest = list(flat[start:end])
    k = bisect.bisect_left(spans, (start - QUESTION_REACH, 0))
    for low, high in spans[k:]:
        if low >= end:
            break
        for i in range(max(low, start), min(high, end)):
            rest[i - start] = " "
    return "".join(rest).replace(" ", "") in ("", "的")


_ZH_QUESTION = re.compile(
    r"(?:就|(?<![反相面绝针])对|关于|围绕)(?P<subject>[^，,；;：:。！？!?就对关围]{0,8}?)"
    r"(?:是否|能否|可否|应否|如何|怎样|何时)"
)
"""A topic preposition and a question word: what the clause is about is a question (就是否…,
对如何…), not an act done. Names only may stand between them, the question's subject (对朝鲜是否…)."""
QUESTION_REACH = 8
"""The most characters between a question word and the verb it asks about (是否对朝鲜实施制裁), and
between that verb and its object."""
QUESTION_OBJECTS = 2
"""The most cues read as the object of a question's verb (:func:`zh_question_cues`)."""
