"""Beliefs rebuilt from the log: what every seat has learnt from the answers so far.

The room keeps no engine state between requests: an AI seat's delegate and an AI chair are rebuilt
from the log for each decision. :func:`replayed_beliefs` starts the seats' priors from a seed (the
session's and the phase's) and folds every *completed* round of answers into them, in order, exactly
as :func:`~hexatable.negotiate.runner.run_single_text` does while it runs; the round still open is not
yet known to anyone.

Phased talks (top-down, bottom-up, a side room before the plenary) carry beliefs across phases, as
:func:`~hexatable.negotiate.mechanisms.run_phased` does: :func:`talks_beliefs` replays each earlier
phase from what the phases before it carried, merges what it ended with over that
(:func:`~hexatable.negotiate.mechanisms.merge_beliefs`), and starts the current phase from the result.
With the simulator's seed per phase the beliefs are equal, array for array, to the simulator's at every
draft (``tests/negotiate/test_belief_replay.py``). :func:`phase_logs` cuts a log of phased talks into
its phases.

>>> from hexatable.negotiate.protocol import Object, Support, TableDraft
>>> from hexatable.negotiate.space import toy_space
>>> space = toy_space()  # B's utilities: 10, 5, 5, 0; its reservation value 2
>>> log = [TableDraft("A", ("lo", "lo")), Support("A", 1), Support("B", 1)]
>>> log += [TableDraft("A", ("hi", "hi")), Support("A", 2), Object("B", 2, "x", "lo")]
>>> log += [TableDraft("A", ("lo", "hi"))]
>>> before = replayed_beliefs(space, log[:4], max_drafts=2, seed=1)
>>> after = replayed_beliefs(space, log, max_drafts=2, seed=1)
>>> bool(after.estimate()[0, 1] > before.estimate()[0, 1])  # at the deadline B refused a text worth 0
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from hexatable.negotiate.beliefs import BeliefMode, Beliefs, BeliefState, landscape
from hexatable.negotiate.mechanisms import merge_beliefs
from hexatable.negotiate.protocol import Object, Reserve, Support, TableDraft
from hexatable.negotiate.space import OutcomeSpace
from hexatable.negotiate.talks import TalksState


@dataclass(frozen=True)
class PhaseLog:
    """One phase's part of the log of phased talks.

    Attributes
    ----------
    number
        Its place among the talks' phases (what its seed is derived from).
    space
        The outcome space it negotiates (its issues and seats).
    events
        Its events, in order.
    """

    number: int
    space: OutcomeSpace
    events: Sequence[object]


def phase_logs(state: TalksState, history: Sequence[object]) -> tuple[PhaseLog, ...]:
    """``history`` (every protocol event of the talks, in order, as folded into ``state``) cut into the
    phases so far, the current one last (when the talks are over: the last one that ran).

    Each finished phase records how many events it took (:class:`~hexatable.negotiate.talks.PhaseOutcome`),
    so the cut needs no event of its own in the log.
    """
    logs: list[PhaseLog] = []
    at = 0
    for outcome in state.done:
        assert outcome.space is not None, "the fold records each finished phase's space"
        logs.append(PhaseLog(outcome.number, outcome.space, history[at : at + outcome.events]))
        at += outcome.events
    if state.status == "open":
        logs.append(PhaseLog(state.number, state.analysis.space, history[at:]))
        at += state.events_in_phase
    if at != len(history):
        raise ValueError(f"the log has {len(history)} events, its phases {at}: not the log of these talks")
    return tuple(logs)


def talks_beliefs(
    phases: Sequence[PhaseLog],
    *,
    max_drafts: int,
    seed_of: Callable[[int], int],
    mode: BeliefMode = "declared",
    closed: bool = False,
) -> Beliefs:
    """The seats' beliefs in the last of ``phases`` (:func:`phase_logs`): each phase replayed in turn
    (:func:`replayed_beliefs`, seeded ``seed_of(number)``), starting from what the phases before it
    carried, merged as :func:`~hexatable.negotiate.mechanisms.run_phased` merges them (a finished
    phase's last round is never learnt from: the simulator stops learning when a phase ends).
    ``closed``: the current phase's last round is complete (see :func:`replayed_beliefs`)."""
    if not phases:
        raise ValueError("no phase to replay")
    return replayed_beliefs(
        phases[-1].space,
        phases[-1].events,
        max_drafts=max_drafts,
        seed=seed_of(phases[-1].number),
        mode=mode,
        carried=carried_beliefs(phases[:-1], max_drafts=max_drafts, seed_of=seed_of, mode=mode),
        closed=closed,
    )


def carried_beliefs(
    phases: Sequence[PhaseLog],
    *,
    max_drafts: int,
    seed_of: Callable[[int], int],
    mode: BeliefMode = "declared",
    carried: BeliefState | None = None,
) -> BeliefState | None:
    """What the seats carry out of ``phases`` (finished, in order) into the next one (``carried``: what
    they carried into the first of them; ``None`` with no phase before)."""
    for phase in phases:
        ended = replayed_beliefs(
            phase.space,
            phase.events,
            max_drafts=max_drafts,
            seed=seed_of(phase.number),
            mode=mode,
            carried=carried,
        )
        carried = merge_beliefs(carried, ended.export())
    return carried


def replayed_beliefs(
    space: OutcomeSpace,
    events: Iterable[object],
    *,
    max_drafts: int,
    seed: int,
    mode: BeliefMode = "declared",
    carried: BeliefState | None = None,
    closed: bool = False,
) -> Beliefs:
    """The seats' beliefs after the completed rounds of ``events`` (one phase's log on ``space``),
    starting from the priors drawn with ``seed`` or, where ``carried`` has them, from the beliefs
    carried from earlier phases.

    A round is complete when the next draft is tabled; ``closed`` says the last one is complete too:
    every seat has answered and the chair is about to table the next draft, which the simulator's
    chair drafts after learning from those answers."""
    beliefs = Beliefs.start(landscape(space), np.random.default_rng(seed), mode, carried)
    index = {seat: i for i, seat in enumerate(space.seats)}
    draft: int | None = None
    drafts = 0
    answers: dict[int, Literal["support", "object", "reserve"]] = {}
    objected: dict[int, int] = {}
    for event in events:
        if isinstance(event, TableDraft):
            if draft is not None:
                beliefs.observe(draft, (drafts - 1) / max(max_drafts - 1, 1), answers, objected)
            draft, drafts = space.index_of_options(event.options), drafts + 1
            answers, objected = {}, {}
        elif isinstance(event, Support | Reserve | Object) and event.seat in index:
            answers[index[event.seat]] = (
                "support"
                if isinstance(event, Support)
                else "reserve"
                if isinstance(event, Reserve)
                else "object"
            )
            if isinstance(event, Object) and event.issue in space.issues:
                objected[index[event.seat]] = space.issues.index(event.issue)
    if closed and draft is not None:
        beliefs.observe(draft, (drafts - 1) / max(max_drafts - 1, 1), answers, objected)
    return beliefs
