"""What a delegation says when it moves: short templated statements in English and Chinese.

A move in the log is terse (``Object(PRK, 4, verification, toward=inspections)``); a transcript should
read like a session of the talks. :func:`statement` turns a move into a sentence grounded in the party's
sheet: what it cannot accept in the current text, what it needs instead, and whether that is one of its
red lines (a must-have). The words come from the case (:class:`Labels`), so the same template serves
every case and both languages.

>>> labels = Labels(
...     seats={"PRK": "The DPRK"},
...     issues={"verification": "verification"},
...     options={"verification": {"sampling": "sampling", "inspections": "IAEA inspections"}},
...     red_lines={"PRK": {"verification": ("declaration", "inspections")}},
... )
>>> from hexatable.negotiate.protocol import Object
>>> move, text = Object("PRK", 3, "verification", toward="inspections"), {"verification": "sampling"}
>>> statement(move, text, labels)
'The DPRK cannot accept sampling on verification, a red line for it; it asks for IAEA inspections.'
>>> statement(move, text, labels, "zh")
'The DPRK不能接受verification上的“sampling”，这是其底线；要求改为“IAEA inspections”。'
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from hexatable.negotiate.protocol import GoOn, Object, Reserve, Return, Support, WalkOut


@dataclass(frozen=True)
class Labels:
    """The words of one language: seat names, issue titles, option labels, and each seat's red lines
    (``{seat: {issue: options it must have}}``)."""

    seats: Mapping[str, str] = field(default_factory=dict)
    issues: Mapping[str, str] = field(default_factory=dict)
    options: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    red_lines: Mapping[str, Mapping[str, tuple[str, ...]]] = field(default_factory=dict)

    def seat(self, seat: str) -> str:
        return self.seats.get(seat, seat)

    def issue(self, issue: str) -> str:
        return self.issues.get(issue, issue)

    def option(self, issue: str, option: str) -> str:
        return self.options.get(issue, {}).get(option, option)


def statement(
    event: object, text: Mapping[str, str], labels: Labels, lang: str = "en", *, left: str | None = None
) -> str | None:
    """The sentence for a move on the current text ``text`` (``{issue: option}``), or ``None`` for moves
    that need none. ``left``: the seat that walked out, for a vote on going on without it."""
    zh = lang == "zh"
    if isinstance(event, Object):
        who = labels.seat(event.seat)
        issue = labels.issue(event.issue)
        current = text.get(event.issue)
        wanted = labels.option(event.issue, event.toward) if event.toward else None
        red = current is not None and current not in labels.red_lines.get(event.seat, {}).get(
            event.issue, (current,)
        )
        if current is None:
            return f"{who}反对{issue}上的安排。" if zh else f"{who} objects to the text on {issue}."
        shown = labels.option(event.issue, current)
        if zh:
            line = f"{who}不能接受{issue}上的“{shown}”"
            line += "，这是其底线" if red else ""
            return line + (f"；要求改为“{wanted}”。" if wanted else "。")
        line = f"{who} cannot accept {shown} on {issue}"
        line += ", a red line for it" if red else ""
        return line + (f"; it asks for {wanted}." if wanted else ".")
    if isinstance(event, Reserve):
        who = labels.seat(event.seat)
        return (
            f"{who}表示保留：这一稿已经接近，但还不够。"
            if zh
            else f"{who} reserves its position: the text is close, but not yet enough."
        )
    if isinstance(event, Support):
        who = labels.seat(event.seat)
        return f"{who}支持第{event.version}稿。" if zh else f"{who} supports version {event.version}."
    if isinstance(event, WalkOut):
        who = labels.seat(event.seat)
        return f"{who}退出会谈。" if zh else f"{who} walks out of the talks."
    if isinstance(event, Return):
        who = labels.seat(event.seat)
        return f"{who}重返谈判桌。" if zh else f"{who} returns to the table."
    if isinstance(event, GoOn):
        who, gone = labels.seat(event.seat), labels.seat(left or "?")
        if event.go_on:
            return (
                f"{who}同意在{gone}缺席的情况下继续会谈。"
                if zh
                else f"{who} is ready to go on without {gone}."
            )
        return f"{who}不同意在{gone}缺席的情况下继续会谈。" if zh else f"{who} will not go on without {gone}."
    return None
