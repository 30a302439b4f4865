"""The outcome space of a scenario and every seat's utility over it, as NumPy arrays.

An *outcome* chooses one option for every issue of the agenda. With discrete options the space is a
mixed-radix grid; :class:`OutcomeSpace` enumerates it once (``outcomes[n, i]`` is the option index
of issue ``i`` in outcome ``n``) and holds each seat's utility of every outcome
(``utilities[s, n]``): the sum of its points for the chosen options plus its interactions. Engines
work on indices into this table, so scoring a draft is a lookup and ranking all outcomes is one
vectorised expression.

>>> space = toy_space()
>>> space.size, space.seats
(4, ('A', 'B'))
>>> space.utilities.tolist()
[[0.0, 5.0, 10.0, 20.0], [10.0, 5.0, 5.0, 0.0]]
>>> space.describe(3)
{'x': 'hi', 'y': 'hi'}
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

from hexatable.case.models import Case, Issue, Scenario, ScoreSheet

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
T = TypeVar("T")


@dataclass(frozen=True)
class Prior:
    """A declared prior of one seat about another (see :class:`hexatable.case.models.Belief`).

    ``shift`` is the misperception (believed minus true reservation value); ``spread`` and
    ``weight_noise`` of ``None`` take the engine's defaults (:mod:`hexatable.negotiate.beliefs`).
    """

    shift: float = 0.0
    spread: float | None = None
    weight_noise: float | None = None


@dataclass(frozen=True, eq=False)
class OutcomeSpace:
    """All outcomes of a scenario's agenda and each seat's utility of each.

    Attributes
    ----------
    seats
        The seats, in the scenario's order (rows of ``utilities``).
    issues
        The issue ids of the agenda (columns of ``outcomes``).
    options
        For each issue, its option ids in the case's order.
    outcomes
        ``(size, len(issues))`` option indices.
    utilities
        ``(len(seats), size)`` points of each outcome for each seat.
    reservations
        ``(len(seats),)`` each seat's reservation value (BATNA).
    openings
        The package each seat first tabled, where the scenario says (``{seat: {issue: option}}``).
    needs
        For each seat, the seats without which it will not go on after a walk-out.
    priors
        Declared priors ``{(holder, about): Prior}``; pairs not listed take the default prior.
    side_room_chair
        Who chairs a bilateral side room, if the scenario says (else the talks' chair, as mediator).
    red_lines
        Each seat's must-haves (``{seat: {issue: options}}``): stated in public, so every seat knows
        them (the utilities already score an outcome lacking one below the reservation value).
    """

    seats: tuple[str, ...]
    issues: tuple[str, ...]
    options: tuple[tuple[str, ...], ...]
    outcomes: IntArray = field(repr=False)
    utilities: FloatArray = field(repr=False)
    reservations: FloatArray = field(repr=False)
    openings: Mapping[str, Mapping[str, str]] = field(default_factory=dict, repr=False)
    needs: Mapping[str, frozenset[str]] = field(default_factory=dict, repr=False)
    priors: Mapping[tuple[str, str], Prior] = field(default_factory=dict, repr=False)
    side_room_chair: str | None = None
    red_lines: Mapping[str, Mapping[str, tuple[str, ...]]] = field(default_factory=dict, repr=False)
    _memo: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    def memo(self, key: Any, compute: Callable[[], T]) -> T:
        """A value derived from this (immutable) space, computed once: e.g. a seat's objection table."""
        if key not in self._memo:
            self._memo[key] = compute()
        value: T = self._memo[key]
        return value

    @property
    def size(self) -> int:
        return int(self.outcomes.shape[0])

    @property
    def radices(self) -> tuple[int, ...]:
        return tuple(len(o) for o in self.options)

    def index_of(self, choice: Mapping[str, str]) -> int:
        """The index of the outcome choosing ``choice[issue]`` for every issue."""
        index = 0
        for issue, options in zip(self.issues, self.options, strict=True):
            if issue not in choice:
                raise KeyError(f"no option chosen for issue '{issue}'")
            if choice[issue] not in options:
                raise KeyError(f"issue '{issue}' has no option '{choice[issue]}'")
            index = index * len(options) + options.index(choice[issue])
        return index

    def index_of_options(self, options: Sequence[str]) -> int:
        """The index of the outcome given as one option per issue, in agenda order (a draft's form).

        >>> toy_space().index_of_options(("hi", "lo"))
        2
        """
        return self.index_of(dict(zip(self.issues, options, strict=True)))

    def describe(self, index: int) -> dict[str, str]:
        """The outcome at ``index`` as ``{issue: option}``."""
        row = self.outcomes[index]
        return {
            issue: options[int(row[i])]
            for i, (issue, options) in enumerate(zip(self.issues, self.options, strict=True))
        }

    def options_of(self, index: int) -> tuple[str, ...]:
        """The outcome at ``index`` as one option id per issue, in agenda order (a draft's form).

        >>> toy_space().options_of(2)
        ('hi', 'lo')
        """
        return tuple(
            options[i] for options, i in zip(self.options, self.outcomes[index].tolist(), strict=True)
        )

    def seat_index(self, seat: str) -> int:
        return self.seats.index(seat)

    def utility_of(self, seat: str) -> FloatArray:
        """One seat's utility of every outcome: all that seat's delegate may see."""
        return np.asarray(self.utilities[self.seat_index(seat)], dtype=np.float64)


def restricted(
    space: OutcomeSpace, fixed: Mapping[str, str], issues: Sequence[str], seats: Sequence[str] | None = None
) -> OutcomeSpace:
    """The space of a phase: only ``issues`` open, ``fixed`` settled, the rest still undecided.

    Each seat values a partial package by its *expected* utility: the mean over every way the
    undecided issues could still be settled. Seats keep their reservation values. Issues keep the
    agenda's order.

    >>> space = toy_space()
    >>> phase = restricted(space, {"x": "hi"}, ["y"])
    >>> phase.issues, phase.utilities.tolist()
    (('y',), [[10.0, 20.0], [5.0, 0.0]])
    >>> restricted(space, {}, ["x"]).utilities.tolist()  # y undecided: the mean over its options
    [[2.5, 15.0], [7.5, 2.5]]
    """
    unknown = [i for i in issues if i not in space.issues]
    if unknown:
        raise KeyError(f"issue(s) {', '.join(unknown)} not on the agenda")
    seat_rows = [space.seat_index(s) for s in (seats or space.seats)]
    grid = space.utilities[seat_rows].reshape((len(seat_rows), *space.radices))
    index: list[int | slice] = [slice(None)]
    undecided: list[int] = []
    kept = 0
    for axis, issue in enumerate(space.issues):
        if issue in fixed:
            index.append(space.options[axis].index(fixed[issue]))
        else:
            index.append(slice(None))
            if issue not in issues:
                undecided.append(1 + kept)
            kept += 1
    values = grid[tuple(index)]
    if undecided:
        values = values.mean(axis=tuple(undecided))
    open_axes = [a for a, issue in enumerate(space.issues) if issue in issues and issue not in fixed]
    radices = [space.radices[a] for a in open_axes]
    kept_seats = tuple(space.seats[r] for r in seat_rows)
    return OutcomeSpace(
        seats=kept_seats,
        issues=tuple(space.issues[a] for a in open_axes),
        options=tuple(space.options[a] for a in open_axes),
        outcomes=enumerate_outcomes(radices),
        utilities=np.asarray(values.reshape(len(seat_rows), -1), dtype=np.float64),
        reservations=space.reservations[seat_rows].copy(),
        openings={s: o for s, o in space.openings.items() if s in kept_seats},
        needs={s: n & frozenset(kept_seats) for s, n in space.needs.items() if s in kept_seats},
        priors={k: p for k, p in space.priors.items() if k[0] in kept_seats and k[1] in kept_seats},
        red_lines={
            seat: {i: o for i, o in lines.items() if i in issues and i not in fixed}
            for seat, lines in space.red_lines.items()
            if seat in kept_seats
        },
    )


def enumerate_outcomes(radices: Sequence[int]) -> IntArray:
    """Every combination of option indices, the last issue varying fastest.

    >>> enumerate_outcomes([2, 3]).tolist()
    [[0, 0], [0, 1], [0, 2], [1, 0], [1, 1], [1, 2]]
    """
    grids = np.indices(tuple(radices), dtype=np.int64)
    return grids.reshape(len(radices), -1).T.copy()


def sheet_utilities(sheet: ScoreSheet, issues: Sequence[Issue], outcomes: IntArray) -> FloatArray:
    """A score sheet's points for every outcome: option points plus interactions, with an outcome that
    lacks a must-have option capped at the reservation value less one point (a red line)."""
    total = np.zeros(outcomes.shape[0])
    column = {issue.id: i for i, issue in enumerate(issues)}
    lacking = np.zeros(outcomes.shape[0], dtype=bool)
    for issue_id, wanted in sheet.must_have.items():
        options = [o.id for o in issues[column[issue_id]].options]
        allowed = np.isin(outcomes[:, column[issue_id]], [options.index(w) for w in wanted])
        lacking |= ~allowed
    for i, issue in enumerate(issues):
        table = np.array([sheet.points[issue.id][option.id] for option in issue.options])
        total += table[outcomes[:, i]]
    for interaction in sheet.interactions:
        together = np.ones(outcomes.shape[0], dtype=bool)
        for issue_id, option_id in interaction.options.items():
            issue = issues[column[issue_id]]
            option = [o.id for o in issue.options].index(option_id)
            together &= outcomes[:, column[issue_id]] == option
        total += interaction.points * together
    return np.where(lacking, np.minimum(total, sheet.reservation - 1.0), total)


def build_space(case: Case, scenario_id: str) -> OutcomeSpace:
    """The outcome space of scenario ``scenario_id`` of a loaded case."""
    if scenario_id not in case.scenario_index:
        known = ", ".join(case.scenario_index) or "none"
        raise KeyError(f"no scenario '{scenario_id}' in case '{case.id}' (scenarios: {known})")
    return space_of(case.scenario_index[scenario_id], case.issue_index)


def space_of(scenario: Scenario, issues: Mapping[str, Issue]) -> OutcomeSpace:
    """The outcome space of a scenario whose issues are in ``issues``."""
    agenda = [issues[i] for i in scenario.issues]
    outcomes = enumerate_outcomes([len(issue.options) for issue in agenda])
    sheets = {sheet.seat: sheet for sheet in scenario.sheets}
    utilities = np.vstack([sheet_utilities(sheets[s], agenda, outcomes) for s in scenario.seats])
    reservations = np.array([sheets[s].reservation for s in scenario.seats], dtype=float)
    return OutcomeSpace(
        seats=tuple(scenario.seats),
        issues=tuple(issue.id for issue in agenda),
        options=tuple(tuple(o.id for o in issue.options) for issue in agenda),
        outcomes=outcomes,
        utilities=utilities,
        reservations=reservations,
        openings={s: dict(o) for s in scenario.seats if (o := sheets[s].opening)},
        needs={s: frozenset(sheets[s].needs) for s in scenario.seats},
        priors={(b.holder, b.about): Prior(b.shift, b.spread, b.weight_noise) for b in scenario.beliefs},
        side_room_chair=scenario.side_room_chair,
        red_lines={s: {i: tuple(o) for i, o in sheets[s].must_have.items()} for s in scenario.seats},
    )


def toy_space() -> OutcomeSpace:
    """A two-seat, two-issue space for examples and tests: A wants ``hi``, B wants ``lo``."""
    outcomes = enumerate_outcomes([2, 2])
    a = np.array([0.0, 5.0, 10.0, 20.0])
    b = np.array([10.0, 5.0, 5.0, 0.0])
    return OutcomeSpace(
        seats=("A", "B"),
        issues=("x", "y"),
        options=(("lo", "hi"), ("lo", "hi")),
        outcomes=outcomes,
        utilities=np.vstack([a, b]),
        reservations=np.array([4.0, 2.0]),
    )
