"""Chinese one-character short forms of states (美, 朝, 中, 韩, 日, 俄, 英, 法, 德, and 华 for China):
where such a character names its state.

Alone each is a common word or a piece of one (美元, 朝着, 中午, 日期), so a short form names a state
only in a run of two or more (美朝: the US and the DPRK; 中日韩) or alone right after a verb of travel
or relation (访华, 赴美, 驻韩, 对朝), and in either place not where the character before or after
makes a word with it (北美, 明朝, 中午, 对日期). The gazetteer finds them after its full names, outside
the spans those took.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hexatable.ingest.lexicon import is_cjk, overlaps

_FUNCTION_CHARS = frozenset("在与和同及对将就为由使把被让从向是了的等并或跟给据按")
"""Characters after which a short form may start a run even when the short form is a common word
(在中美关系上, 与中日韩): prepositions, conjunctions and particles."""

_AMBIGUOUS_START = frozenset("中日英法德")
"""Short forms that are very common word-initial characters: they start a run only after a
non-Chinese character (start, punctuation, digit excluded for 日) or a function character."""

_BLOCKED_BEFORE: dict[str, frozenset[str]] = {
    "美": frozenset("北南欧拉赞完甜优精健审华"),
    "朝": frozenset("王唐明清宋元前本当历早今次来北南"),
    "韩": frozenset("南北"),
    "俄": frozenset("白"),
}
"""Characters that make a word with the short form after them (北美, 明朝, 白俄)."""

_BLOCKED_AFTER: dict[str, frozenset[str]] = {
    "中": frozenset("心间央午期旬文部等外断止途层立东型小华"),
    "美": frozenset("元丽洲术食好德满妙景"),
    "朝": frozenset("着向代野廷夕阳气"),
    "韩": frozenset("元语文流剧"),
    "日": frozenset("前后期内子常报元夜益趋渐程记"),
    "俄": frozenset("语文"),
    "英": frozenset("语文雄镑寸里尺明勇"),
    "法": frozenset("律规院治案官定理典庭"),
    "德": frozenset("行育性"),
}
"""Characters that make a word with the short form before them (中午, 美元, 朝着, 法律)."""

_DIGITS = frozenset("0123456789０１２３４５６７８９")

_TRAVEL_VERBS = frozenset("访赴抵驻离返援")
"""One-character verbs of travel or presence after which a short form alone names its state: 访华
(visit China), 赴美 (go to the US), 驻韩 (stationed in the ROK), 援朝 (aid to the DPRK)."""

_RELATION_WORDS = frozenset("对在")
"""对朝 (towards the DPRK: 对朝政策), 在华 (in China); not before 中, 英, 法, 德 (在中学, 对法律)."""

_AFTER_VERBS_ONLY = {"华": "CHN"}
"""华 names China only after such a verb (访华, 来华, 驻华, 对华); elsewhere it is 中华, 华人, 华为."""

_BLOCKED_AFTER_HUA = frozenset("为尔丽裔侨人文语夏府")
"""华为 (Huawei), 华尔街 (Wall Street), 华人 (ethnic Chinese), 华府 (Washington: a name of its own)."""


@dataclass(frozen=True)
class ShortForms:
    """The one-character short forms of every layer (character -> actor id) and the patterns that
    find them: runs of two or more (美朝), and one alone right after a verb of travel or relation (访华,
    对朝; 华 only there)."""

    forms: dict[str, str]
    runs: re.Pattern[str] = field(init=False)
    after_verbs: re.Pattern[str] = field(init=False)
    after_forms: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        forms = {**_AFTER_VERBS_ONLY, **self.forms}
        prefixes = "".join(sorted(_TRAVEL_VERBS | _RELATION_WORDS | {"来"}))
        characters = "".join(self.forms) or "\uffff"
        object.__setattr__(self, "runs", re.compile(f"[{re.escape(characters)}]{{2,}}"))
        object.__setattr__(
            self, "after_verbs", re.compile(f"[{re.escape(prefixes)}]([{re.escape(''.join(forms))}])")
        )
        object.__setattr__(self, "after_forms", forms)


def short_forms_after_verbs(
    text: str, short: ShortForms, covered: list[tuple[int, int]]
) -> list[tuple[int, str]]:
    """Single short forms right after a verb of travel or relation (see ``_TRAVEL_VERBS``), outside
    every span already taken (``covered``, sorted), unless the character after makes a word with them
    (对日期: 日期 "date")."""
    found: list[tuple[int, str]] = []
    for match in short.after_verbs.finditer(text):
        index = match.start(1)
        verb, form = text[match.start()], text[index]
        if verb == "来" and form != "华":
            continue
        if verb in _RELATION_WORDS and form in _AMBIGUOUS_START:
            continue
        after = text[index + 1] if index + 1 < len(text) else ""
        blocked = _BLOCKED_AFTER_HUA if form == "华" else _BLOCKED_AFTER.get(form, frozenset())
        if after in blocked or overlaps(covered, match.start(), index + 1):
            continue
        found.append((index, short.after_forms[form]))
    return found


def short_form_runs(text: str, short: ShortForms, covered: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Runs of two or more one-character short forms that name states.

    A run is a maximal stretch of short-form characters outside every name already found (``covered``,
    sorted and not overlapping). Its first character is dropped when the character before makes a word
    with it (only a function character or a non-Chinese one may precede 中日英法德; 日 never after a
    digit, as in 3日; see ``_BLOCKED_BEFORE`` for the others), its last when the character after does
    (``_BLOCKED_AFTER``: 中午, 朝着). What remains names states if it is at least two distinct characters.
    """
    runs: list[tuple[int, int]] = []
    for match in short.runs.finditer(text):
        index = match.start()
        while index < match.end():
            while index < match.end() and overlaps(covered, index, index + 1):
                index += 1
            end = index
            while end < match.end() and not overlaps(covered, end, end + 1):
                end += 1
            if end - index >= 2:
                run = _guard(text, index, end)
                if run is not None:
                    runs.append(run)
            index = end
    return runs


def _guard(text: str, start: int, end: int) -> tuple[int, int] | None:
    first, before = text[start], text[start - 1] if start else ""
    if before and (
        (first in _AMBIGUOUS_START and is_cjk(before) and before not in _FUNCTION_CHARS)
        or (first == "日" and before in _DIGITS)
        or before in _BLOCKED_BEFORE.get(first, ())
    ):
        start += 1
    if end - start >= 2 and end < len(text) and text[end] in _BLOCKED_AFTER.get(text[end - 1], ()):
        end -= 1
    if end - start < 2 or len(set(text[start:end])) != end - start:
        return None
    return start, end
