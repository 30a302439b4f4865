"""Talks in phases as one state machine: the single-text protocol, phase after phase.

:func:`~hexatable.negotiate.mechanisms.run_phased` runs the phases of a mechanism with AI delegates
in one go. The room needs the same thing as a *fold*: people act one event at a time, the log is
replayed after a restart, and each event must be checked before it is stored. :func:`begin` and
:func:`advance` are that fold. Each phase is an ordinary single-text session
(:mod:`hexatable.negotiate.protocol`) over its own issues and seats; when it ends, what it agreed is
held fixed and the next phase opens, so the log needs no events of its own for phase changes.

- A phase that agrees fixes its issues; a *required* phase that fails ends the talks; an optional
  one (a side room) hands its issues on to the next phase.
- The clock (:class:`~hexatable.negotiate.protocol.TimeUp`) ends the whole talks in any phase.
- The talks agree when every issue is fixed.

>>> from hexatable.negotiate.analysis import analyse
>>> from hexatable.negotiate.mechanisms import Phase
>>> from hexatable.negotiate.protocol import Support, TableDraft
>>> from hexatable.negotiate.space import toy_space
>>> talks = Talks(analyse(toy_space()), (Phase("first", ("x",)), Phase("second", ("y",))), chair="A")
>>> state = begin(talks)
>>> state.phase_name, state.rules.issues
('first', ('x',))
>>> for event in (TableDraft("A", ("hi",)), Support("A", 1), Support("B", 1)):
...     state = advance(state, event)
>>> state.phase_name, dict(state.fixed)
('second', {'x': 'hi'})
>>> for event in (TableDraft("A", ("lo",)), Support("A", 1), Support("B", 1)):
...     state = advance(state, event)
>>> state.status, talks.analysis.space.describe(state.agreement)
('agreed', {'x': 'hi', 'y': 'lo'})
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from hexatable.negotiate.analysis import Analysis
from hexatable.negotiate.mechanisms import Phase, phase_analysis
from hexatable.negotiate.protocol import (
    Event,
    IllegalEventError,
    Rules,
    State,
    Status,
    TimeUp,
    WalkOutRule,
    apply,
    start,
)
from hexatable.negotiate.space import OutcomeSpace


@dataclass(frozen=True)
class Talks:
    """What is fixed for phased talks: the scenario's analysis, the phases, the chair and the rules
    every phase shares (the draft limit per phase and the walk-out rule)."""

    analysis: Analysis
    phases: tuple[Phase, ...]
    chair: str
    max_drafts: int = 30
    walk_out: WalkOutRule = "continue"

    def __post_init__(self) -> None:
        if not self.phases:
            raise ValueError("talks need at least one phase")
        if self.chair not in self.analysis.space.seats:
            raise ValueError(f"the chair '{self.chair}' must hold a seat")


@dataclass(frozen=True)
class PhaseOutcome:
    """How a finished phase ended; ``packages`` are its drafts as whole packages (what earlier phases
    fixed plus the draft's options), in order: the phase's part of the path of drafts.

    ``number`` (its place among the talks' phases), ``events`` (how many events of the log it took)
    and ``space`` (the outcome space it negotiated) say where it lies in the log and what it was about,
    so that what the seats learnt in it can be replayed (:mod:`hexatable.negotiate.belief_replay`)."""

    name: str
    issues: tuple[str, ...]
    seats: tuple[str, ...]
    status: Status
    reason: str
    agreed: Mapping[str, str] | None
    packages: tuple[Mapping[str, str], ...] = ()
    number: int = 0
    events: int = 0
    space: OutcomeSpace | None = field(default=None, repr=False, compare=False)

    @property
    def drafts(self) -> int:
        """How many versions the phase tabled."""
        return len(self.packages)


@dataclass(frozen=True)
class TalksState:
    """Where phased talks stand: the current phase's protocol state, what is fixed, what is done.

    When the talks are over, ``phase`` is the last phase's final state.
    """

    talks: Talks
    number: int
    phase: State
    analysis: Analysis
    fixed: Mapping[str, str] = field(default_factory=dict)
    carried: tuple[str, ...] = ()
    done: tuple[PhaseOutcome, ...] = ()
    status: Status = "open"
    reason: str = ""
    events_in_phase: int = 0
    absent: frozenset[str] = frozenset()
    """Seats that were away when a phase they sit in agreed: not party to the agreement."""

    @property
    def rules(self) -> Rules:
        """The current phase's rules: its seats, chair and issues."""
        return self.phase.rules

    @property
    def phase_name(self) -> str:
        return self.talks.phases[self.number].name

    @property
    def agreement(self) -> int | None:
        """The agreed outcome's index in the whole space (``None`` unless the talks agreed)."""
        agreed = self.status in ("agreed", "agreed-without")
        return self.talks.analysis.space.index_of(self.fixed) if agreed else None

    def draft_options(self, options: Sequence[str]) -> dict[str, str]:
        """A draft of the current phase as a package: what is fixed, plus the draft's options."""
        return {**self.fixed, **dict(zip(self.rules.issues, options, strict=True))}


def begin(talks: Talks) -> TalksState:
    """The talks before the first event: the first phase with something to settle is open."""
    found = _enter(talks, 0, {}, (), ())
    assert found is not None, "the first phase has issues"
    return found


def advance(state: TalksState, event: Event) -> TalksState:
    """The talks after ``event``, or :class:`IllegalEventError` with the reason (state unchanged)."""
    if state.status != "open":
        raise IllegalEventError(f"the talks have ended ({state.status}: {state.reason})")
    phase = apply(state.phase, event)
    moved = replace(state, phase=phase, events_in_phase=state.events_in_phase + 1)
    if phase.status == "open":
        return moved
    agreed = (
        dict(zip(phase.rules.issues, phase.drafts[phase.agreement - 1], strict=True))
        if phase.status == "agreed" and phase.agreement is not None
        else None
    )
    current = state.talks.phases[state.number]
    away = frozenset(phase.rules.seats) - phase.seated if agreed is not None else frozenset()
    outcome = PhaseOutcome(
        current.name,
        phase.rules.issues,
        phase.rules.seats,
        "agreed-without" if away else phase.status,
        phase.reason,
        agreed,
        tuple(state.draft_options(d) for d in phase.drafts),
        number=state.number,
        events=moved.events_in_phase,
        space=state.analysis.space,
    )
    done = (*state.done, outcome)
    absent = state.absent | away
    if isinstance(event, TimeUp) or (agreed is None and current.required):
        reason = phase.reason if len(state.talks.phases) == 1 else f"{current.name}: {phase.reason}"
        return replace(moved, done=done, status="failed", reason=reason)
    fixed = {**state.fixed, **(agreed or {})}
    carried = () if agreed is not None else phase.rules.issues
    following = _enter(state.talks, state.number + 1, fixed, carried, done)
    if following is not None:
        return replace(following, absent=absent)
    space = state.talks.analysis.space
    if len(fixed) == len(space.issues):
        reason = phase.reason if len(state.talks.phases) == 1 else "every phase agreed"
        if absent:
            names = ", ".join(s for s in space.seats if s in absent)
            return replace(
                moved,
                fixed=fixed,
                done=done,
                status="agreed-without",
                reason=f"agreed without {names}",
                absent=absent,
            )
        return replace(moved, fixed=fixed, done=done, status="agreed", reason=reason)
    return replace(moved, fixed=fixed, done=done, status="failed", reason="issues left unsettled")


def _enter(
    talks: Talks,
    number: int,
    fixed: Mapping[str, str],
    carried: tuple[str, ...],
    done: tuple[PhaseOutcome, ...],
) -> TalksState | None:
    """The state at the start of the first phase from ``number`` on with issues left to settle."""
    space = talks.analysis.space
    for at in range(number, len(talks.phases)):
        phase = talks.phases[at]
        issues = tuple(i for i in space.issues if (i in phase.issues or i in carried) and i not in fixed)
        if not issues:
            continue
        seats = phase.seats or space.seats
        chair = phase.chair or (talks.chair if talks.chair in seats else seats[0])
        analysis = (
            talks.analysis
            if len(issues) == len(space.issues) and seats == space.seats
            else phase_analysis(space, fixed, phase, issues)
        )
        rules = Rules(
            seats=analysis.space.seats,
            chair=chair,
            agenda=tuple(zip(analysis.space.issues, analysis.space.options, strict=True)),
            max_drafts=talks.max_drafts,
            walk_out=talks.walk_out,
        )
        return TalksState(talks, at, start(rules), analysis, dict(fixed), carried, done)
    return None


def expected_utility(space: OutcomeSpace, seat: str, package: Mapping[str, str]) -> float:
    """A seat's expected utility of a partial package: the mean over every way the issues not in
    ``package`` could still be settled (the whole package: its plain utility).

    >>> from hexatable.negotiate.space import toy_space
    >>> space = toy_space()
    >>> expected_utility(space, "A", {"x": "hi", "y": "lo"}), expected_utility(space, "A", {"x": "hi"})
    (10.0, 15.0)
    """
    grid = space.utility_of(seat).reshape(space.radices)
    index: list[int | slice] = []
    for axis, issue in enumerate(space.issues):
        index.append(space.options[axis].index(package[issue]) if issue in package else slice(None))
    return float(np.mean(grid[tuple(index)]))
