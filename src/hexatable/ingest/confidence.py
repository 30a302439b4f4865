"""How sure an event is, and why it is inferred (rule 5 of :mod:`hexatable.ingest.extract`).

:func:`confidence` sums the documented parts of :data:`CONFIDENCE`; :func:`inferred_reasons` lists
the notes that make an event ``basis: inferred`` (a date inherited or taken from context, a subject
inherited, a pronoun resolved). Pure."""

from __future__ import annotations

import re
from collections.abc import Sequence

from hexatable.ingest.event_dates import DATELINE_RULE, period_note
from hexatable.ingest.reference import Reference
from hexatable.ingest.types import ActorMention, Cue, DateMention, Note

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
"""The parts an event's confidence is the sum of (see rule 5 of :mod:`hexatable.ingest.extract`)."""


_CJK_CHAR = re.compile(r"[\u3400-\u9fff]")


def inferred_reasons(
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
