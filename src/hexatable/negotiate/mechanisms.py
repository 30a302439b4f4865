"""Negotiations in phases: side rooms, and top-down against bottom-up.

A phase is an ordinary single-text session (:func:`~hexatable.negotiate.runner.run_single_text`)
over some issues among some seats, with what earlier phases agreed held fixed. While a phase runs,
each seat values a partial package by its expected utility over the issues still undecided
(:func:`~hexatable.negotiate.space.restricted`). A *required* phase that fails ends the talks; an
optional one (a side room) hands its issues on to the next phase.

The mechanisms:

- ``single-text``: one plenary phase on every issue.
- ``alternating-offers``: no chair; stacked alternating offers among all parties
  (:mod:`hexatable.negotiate.alternating`).
- ``bilateral-track``: two parties first try to pre-agree some issues in a side room, which the plenary
  then takes as settled ("under the same roof", 2003; the US–DPRK meetings of 2007).
- ``top-down``: leaders settle the headline issues first, working groups the rest.
- ``bottom-up``: working groups settle the technical issues first, leaders the headline ones last.

The Hanoi analysis (source ``hanoi-analysis-2019``) contrasts the last two.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

import numpy as np

from hexatable.negotiate.alternating import run_alternating
from hexatable.negotiate.analysis import Analysis, analyse
from hexatable.negotiate.beliefs import Beliefs, BeliefState
from hexatable.negotiate.protocol import Event, event_to_dict
from hexatable.negotiate.runner import (
    MechanismName,
    RunConfig,
    RunResult,
    run_single_text,
    run_single_text_beliefs,
    scored,
)
from hexatable.negotiate.space import FloatArray, OutcomeSpace, restricted

MECHANISMS: tuple[MechanismName, ...] = (
    "single-text",
    "alternating-offers",
    "bilateral-track",
    "top-down",
    "bottom-up",
)


@dataclass(frozen=True)
class Phase:
    """One session of a phased negotiation.

    Attributes
    ----------
    name
        Shown in transcripts: ``side room USA–PRK``, ``leaders``, ``working groups``, ``plenary``.
    issues
        The issues it negotiates (plus any an earlier optional phase failed to settle).
    seats
        Who sits in it; ``None``: every seat.
    chair
        Who drafts; ``None``: the talks' chair if seated, else the first seat.
    required
        Whether its failure ends the talks.
    """

    name: str
    issues: tuple[str, ...]
    seats: tuple[str, ...] | None = None
    chair: str | None = None
    required: bool = True


@dataclass(frozen=True)
class PhaseRecord:
    """What one phase did."""

    name: str
    seats: tuple[str, ...]
    issues: tuple[str, ...]
    chair: str
    status: str
    reason: str
    agreed: dict[str, str] | None
    drafts: int
    walked_out: tuple[str, ...]
    returns: int
    events: tuple[Event, ...] | None

    def to_dict(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data["events"] = [event_to_dict(e) for e in self.events] if self.events is not None else None
        return data


def issue_spreads(space: OutcomeSpace) -> dict[str, FloatArray]:
    """For each issue and seat, the spread of the seat's expected utility across the issue's options
    (everything else undecided): how much the issue matters to the seat."""
    return space.memo(
        "issue-spreads",
        lambda: {issue: np.ptp(restricted(space, {}, [issue]).utilities, axis=1) for issue in space.issues},
    )


def issue_weights(space: OutcomeSpace) -> dict[str, float]:
    """How much each issue matters to all seats together (the sum of :func:`issue_spreads`)."""
    return {issue: float(spread.sum()) for issue, spread in issue_spreads(space).items()}


def headline_issues(space: OutcomeSpace, count: int = 3) -> tuple[str, ...]:
    """The ``count`` issues that weigh most for all seats together, in agenda order."""
    weights = issue_weights(space)
    top = sorted(space.issues, key=lambda i: (-weights[i], space.issues.index(i)))[:count]
    return tuple(i for i in space.issues if i in top)


def side_room_pair(space: OutcomeSpace, chair: str) -> tuple[str, str]:
    """The two seats (other than the chair) whose utilities are most opposed (lowest correlation)."""
    others = [s for s in space.seats if s != chair] if len(space.seats) > 2 else list(space.seats)
    best: tuple[float, str, str] | None = None
    for i, a in enumerate(others):
        for b in others[i + 1 :]:
            correlation = float(np.corrcoef(space.utility_of(a), space.utility_of(b))[0, 1])
            if best is None or correlation < best[0]:
                best = (correlation, a, b)
    assert best is not None
    return best[1], best[2]


def side_room_issues(space: OutcomeSpace, pair: Sequence[str], count: int = 3) -> tuple[str, ...]:
    """The ``count`` issues where the pair holds the largest share of the total weight."""
    rows = [space.seat_index(s) for s in pair]
    shares = {
        issue: float(spread[rows].sum() / spread.sum()) if spread.sum() else 0.0
        for issue, spread in issue_spreads(space).items()
    }
    top = sorted(space.issues, key=lambda i: (-shares[i], space.issues.index(i)))[:count]
    return tuple(i for i in space.issues if i in top)


def mechanism_phases(
    name: MechanismName,
    space: OutcomeSpace,
    chair: str,
    *,
    side_room: Sequence[str] | None = None,
    side_issues: Sequence[str] | None = None,
    headline: Sequence[str] | None = None,
) -> tuple[Phase, ...]:
    """The phases of a named mechanism for a scenario (defaults derived from its sheets)."""
    everything = space.issues
    if name == "single-text":
        return (Phase("plenary", everything),)
    if name == "bilateral-track":
        pair = tuple(side_room or side_room_pair(space, chair))
        if len(pair) != 2 or any(s not in space.seats for s in pair):
            raise ValueError(f"a side room needs two seats of the scenario, not {', '.join(pair)}")
        if pair[0] == pair[1]:
            raise ValueError(f"a side room needs two different seats, not {pair[0]} twice")
        issues = tuple(side_issues or side_room_issues(space, pair))
        rest = tuple(i for i in everything if i not in issues)
        seats: tuple[str, ...] = pair
        if space.side_room_chair in pair:
            room_chair = str(space.side_room_chair)
        else:  # the talks' chair sits in as mediator
            room_chair = space.side_room_chair or chair
            seats = tuple(s for s in space.seats if s in (*pair, room_chair))
        return (
            Phase(f"side room {pair[0]}–{pair[1]}", issues, seats=seats, chair=room_chair, required=False),
            Phase("plenary", rest),
        )
    top = tuple(headline or headline_issues(space))
    rest = tuple(i for i in everything if i not in top)
    leaders, groups = Phase("leaders", top), Phase("working groups", rest)
    if name == "top-down":
        return (leaders, groups)
    if name == "bottom-up":
        return (groups, leaders)
    raise ValueError(f"unknown mechanism '{name}'; use one of {', '.join(MECHANISMS)}")


def phase_analysis(
    space: OutcomeSpace, fixed: Mapping[str, str], phase: Phase, issues: Sequence[str]
) -> Analysis:
    """The analysis of one phase's restricted space (computed once per space, phase and what is fixed)."""
    key = ("phase", phase.name, phase.seats, tuple(issues), tuple(sorted(fixed.items())))
    return space.memo(key, lambda: analyse(restricted(space, fixed, issues, phase.seats)))


def run_phased(
    analysis: Analysis,
    phases: Sequence[Phase],
    config: RunConfig,
    seed: int,
    *,
    chair_seat: str | None = None,
    keep_log: bool = False,
    watch: Callable[[int, int, Beliefs], None] | None = None,
) -> RunResult:
    """Run the phases in order; the result is scored on the whole agenda.

    Phase ``number`` (its place in ``phases``) is seeded with ``seed * 7919 + number`` and starts from
    the beliefs the earlier phases ended with (:func:`merge_beliefs`). ``watch``, if given, sees the
    phase number, the version and the seats' beliefs at every draft; it changes nothing in the run."""
    space = analysis.space
    talks_chair = chair_seat or space.seats[0]
    fixed: dict[str, str] = {}
    carried: tuple[str, ...] = ()
    records: list[PhaseRecord] = []
    failed: str | None = None
    party = dict.fromkeys(space.seats, True)
    carried_beliefs: BeliefState | None = None
    for number, phase in enumerate(phases):
        issues = tuple(i for i in space.issues if (i in phase.issues or i in carried) and i not in fixed)
        seats = phase.seats or space.seats
        chair = phase.chair or (talks_chair if talks_chair in seats else seats[0])
        if not issues:
            continue
        sub = phase_analysis(space, fixed, phase, issues)
        result, learnt = run_single_text_beliefs(
            sub,
            config,
            phase_seed(seed, number),
            chair_seat=chair,
            keep_log=keep_log,
            carried=carried_beliefs,
            watch=None if watch is None else partial(watch, number),
        )
        carried_beliefs = merge_beliefs(carried_beliefs, learnt)
        agreed = sub.space.describe(result.agreement) if result.agreement is not None else None
        if agreed is not None:
            for seat, accepted in zip(sub.space.seats, result.acceptance, strict=True):
                party[seat] = party[seat] and accepted
        records.append(
            PhaseRecord(
                phase.name,
                seats,
                issues,
                chair,
                result.status,
                result.reason,
                agreed,
                result.drafts,
                result.walked_out,
                result.returns,
                result.events,
            )
        )
        if agreed is not None:
            fixed.update(agreed)
            carried = ()
        elif phase.required:
            failed = f"{phase.name}: {result.reason}"
            break
        else:
            carried = issues
    agreement = space.index_of(fixed) if failed is None and len(fixed) == len(space.issues) else None
    return scored(
        analysis,
        seed=seed,
        status="agreed" if agreement is not None else "failed",
        reason=failed or ("every phase agreed" if agreement is not None else "issues left unsettled"),
        agreement=agreement,
        drafts=sum(r.drafts for r in records),
        walked_out=tuple(seat for r in records for seat in r.walked_out),
        phases=tuple(records),
        returns=sum(r.returns for r in records),
        acceptance=tuple(party[seat] for seat in space.seats),
    )


def phase_seed(seed: int, number: int) -> int:
    """The seed of phase ``number`` of a run seeded ``seed``."""
    return seed * 7919 + number


def merge_beliefs(before: BeliefState | None, after: BeliefState) -> BeliefState:
    """What the seats believe after a phase: what they learnt there over what they believed before (a
    side room's outsiders keep their earlier beliefs). The room's replay carries beliefs the same way
    (:func:`hexatable.negotiate.belief_replay.talks_beliefs`)."""
    if before is None:
        return after
    return BeliefState({**before.reservations, **after.reservations}, {**before.weights, **after.weights})


def phases_for(analysis: Analysis, config: RunConfig, chair_seat: str) -> tuple[Phase, ...]:
    """The phases of ``config.mechanism`` on this scenario, computed once per space."""
    key = ("phases", config.mechanism, chair_seat, config.side_room, config.side_issues, config.headline)
    return analysis.space.memo(
        key,
        lambda: mechanism_phases(
            config.mechanism,
            analysis.space,
            chair_seat,
            side_room=config.side_room,
            side_issues=config.side_issues,
            headline=config.headline,
        ),
    )


def run_negotiation(
    analysis: Analysis, config: RunConfig, seed: int, *, chair_seat: str | None = None, keep_log: bool = False
) -> RunResult:
    """One negotiation under ``config.mechanism``: the entry point of simulations."""
    chair = chair_seat or analysis.space.seats[0]
    if config.mechanism == "single-text":
        return run_single_text(analysis, config, seed, chair_seat=chair, keep_log=keep_log)
    if config.mechanism == "alternating-offers":
        return run_alternating(analysis, config, seed, keep_log=keep_log)
    return run_phased(
        analysis, phases_for(analysis, config, chair), config, seed, chair_seat=chair, keep_log=keep_log
    )
