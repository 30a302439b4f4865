"""The event said in the other language: a templated sentence in our own words, marked as a draft.

A case event needs its text in English (and the built-in cases give Chinese too). Ingest keeps the
source's sentence verbatim in its own language and writes the other language from the record itself:
who (the actors' labels), what (the CAMEO root's label), toward whom (the targets), when (the date in
that language). It is not a translation of the sentence, and says so, so a reviewer knows to rewrite
it.

>>> from hexatable.case.dates import DateSpan
>>> labels = {"USA": {"en": "United States", "zh": "美国"}, "PRK": {"en": "DPRK", "zh": "朝鲜"}}
>>> label = lambda actor, lang: labels[actor][lang]
>>> render_event("en", DateSpan.parse("2018-06-12"), ["USA"], ["PRK"], 4, label)
'[draft] Jun 12, 2018: United States — consult — with regard to DPRK.'
>>> render_event("zh", DateSpan.parse("2018-06"), ["USA"], [], 1, label)
'【草稿】2018年6月：美国——发表公开声明。'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

from hexatable.case.cameo import cameo_label
from hexatable.case.dates import DateSpan
from hexatable.ingest.types import Lang

Labeller = Callable[[str, Lang], str]
"""``label(actor_id, lang)``: an actor's readable name (the gazetteer's :meth:`label`)."""


@lru_cache(maxsize=4096)
def _date(date: DateSpan, lang: Lang) -> str:
    """The date in ``lang`` (Babel's formatting is slow, and a text repeats its dates)."""
    return date.format(lang)


def _join(names: Sequence[str], lang: Lang) -> str:
    if lang == "zh":
        return "、".join(names)
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def render_event(
    lang: Lang,
    date: DateSpan,
    actors: Sequence[str],
    targets: Sequence[str],
    cameo: int,
    label: Labeller,
) -> str:
    """The event as a short templated sentence in ``lang``, prefixed as a draft."""
    who = _join([label(a, lang) for a in actors], lang)
    whom = _join([label(t, lang) for t in targets], lang)
    what = cameo_label(cameo, lang)
    when = _date(date, lang)
    if lang == "zh":
        toward = f"（对象：{whom}）" if whom else ""
        return f"【草稿】{when}：{who}——{what}{toward}。"
    toward = f" — with regard to {whom}" if whom else ""
    return f"[draft] {when}: {who} — {what}{toward}."
