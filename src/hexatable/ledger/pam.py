"""The Peace Accords Matrix score of a status, and a commitment's score year by year.

PAM (Joshi, Quinn and Regan, *Annualized implementation data on comprehensive intrastate peace accords*,
2015) scores each provision's implementation once a year on 0–3: 0 not begun, 1 minimal, 2 intermediate,
3 complete. The ledger adds two flags: ``reversed`` (what was done is undone) scores 0, and
``suspended`` (work stops, nothing is undone) keeps the score the commitment had before it.
"""

from __future__ import annotations

from collections.abc import Sequence

from hexatable.case.models import Implementation, ImplementationStatus

SCORES: dict[ImplementationStatus, int] = {
    ImplementationStatus.NOT_BEGUN: 0,
    ImplementationStatus.MINIMAL: 1,
    ImplementationStatus.INTERMEDIATE: 2,
    ImplementationStatus.COMPLETE: 3,
    ImplementationStatus.REVERSED: 0,
}
"""The PAM score of each status but ``suspended``, which has none of its own."""

PROGRESS = frozenset(
    {ImplementationStatus.MINIMAL, ImplementationStatus.INTERMEDIATE, ImplementationStatus.COMPLETE}
)
"""The statuses that record something done (a step or a delivery)."""


def pam_score(status: ImplementationStatus, previous: int) -> int:
    """The score after an entry of ``status``, given the score before it (0 before any entry).

    >>> pam_score(ImplementationStatus.SUSPENDED, 2), pam_score(ImplementationStatus.REVERSED, 3)
    (2, 0)
    """
    return previous if status is ImplementationStatus.SUSPENDED else SCORES[status]


def score_after(entries: Sequence[Implementation]) -> int:
    """The score after the entries, in order (0 when there are none: nothing has begun)."""
    score = 0
    for entry in entries:
        score = pam_score(entry.status, score)
    return score


def yearly_scores(entries: Sequence[Implementation], first: int, last: int) -> list[tuple[int, int]]:
    """``(year, score)`` for each year from ``first`` to ``last``: the score after the year's last entry.

    A year without entries carries the score of the year before; before the first entry the score is 0.
    An entry counts in the year its ``date`` starts.
    """
    rows: list[tuple[int, int]] = []
    score = 0
    position = 0
    ordered = list(entries)
    for year in range(first, last + 1):
        while position < len(ordered) and ordered[position].date.start.year <= year:
            score = pam_score(ordered[position].status, score)
            position += 1
        rows.append((year, score))
    return rows
