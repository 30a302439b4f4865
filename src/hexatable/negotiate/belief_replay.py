"""Beliefs rebuilt from a phase's log: what every seat has learnt from the answers so far.

The room keeps no engine state between requests: an AI seat's delegate and an AI chair are rebuilt
from the log for each decision. :func:`replayed_beliefs` starts the seats' priors from a seed (the
session's and the phase's) and folds every *completed* round of answers into them, in order, exactly
as :func:`~hexatable.negotiate.runner.run_single_text` does while it runs; the round still open is not
yet known to anyone.

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

from collections.abc import Iterable
from typing import Literal

import numpy as np

from hexatable.negotiate.beliefs import BeliefMode, Beliefs, landscape
from hexatable.negotiate.protocol import Object, Reserve, Support, TableDraft
from hexatable.negotiate.space import OutcomeSpace


def replayed_beliefs(
    space: OutcomeSpace,
    events: Iterable[object],
    *,
    max_drafts: int,
    seed: int,
    mode: BeliefMode = "declared",
) -> Beliefs:
    """The seats' beliefs after the completed rounds of ``events`` (one phase's log on ``space``)."""
    beliefs = Beliefs.start(landscape(space), np.random.default_rng(seed), mode)
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
    return beliefs
