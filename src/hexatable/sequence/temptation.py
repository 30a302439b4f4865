"""The temptation to defect from a schedule, as a linear map of the schedule.

Party :math:`q` decides at the start of phase :math:`t` (``t = 0 .. T``; ``t = T`` is after the last
phase) whether to stop delivering. With :math:`x_{a,s}` the tranches of action :math:`a` in phase
:math:`s`, :math:`X_{a,t} = \\sum_{s \\le t} x_{a,s}` the delivered total (:math:`X_{a,-1} = 0`),
:math:`v_{a,q}` the value of a tranche of :math:`a` to :math:`q` (the actor's own entry is its cost),
:math:`r_a` the reversibility share, :math:`\\delta_q` the discount factor and :math:`L_q` the
detection lag, the temptation is

.. math::

    \\tau_{q,t} = \\underbrace{\\sum_{a \\notin A_q} \\sum_{s=t}^{t+w_{a,q}-1}
                    \\delta_q^{s-t} v_{a,q} x_{a,s}}_{\\text{others' deliveries during the lag}}
      + \\underbrace{\\sum_{a \\in A_q} r_a (-v_{a,q}) X_{a,t-1}}_{\\text{own steps taken back}}
      - \\underbrace{\\delta_q^{L_q} \\sum_{a \\notin A_q} r_a v_{a,q} X_{a,t+w_{a,q}-1}}_{
                    \\text{others' steps taken back}}
      - \\underbrace{\\sum_{a} \\sum_{s \\ge t} \\delta_q^{s-t} v_{a,q} x_{a,s}}_{
                    \\text{value of continuing}}

where :math:`A_q` are the actions of :math:`q` and :math:`w_{a,q}` is how many phases the others keep
delivering :math:`a` after :math:`q` stops: the detection lag :math:`L_q`, cut to the verification delay
:math:`d_b` when :math:`a` is a reward gated on a trigger :math:`b` of :math:`q` (the verifiers hold the
reward when the trigger's verification falls due and is missing). The first three terms are what
:math:`q` gets by stopping now, the last what it gets by keeping to the schedule (Sandholm & Lesser
1995, safe exchange; Telser 1980; Ray 2002; Lockwood & Thomas 2002). Every term is linear in
:math:`x`, so :math:`\\tau = C x` with a coefficient tensor ``C[q, t, a, s]``; the evaluator and the
CP-SAT model use the same tensor. A schedule is *self-enforcing* when
:math:`\\tau_{q,t} \\le \\text{tolerance}_q` for every party that can defect and every decision point.

A party that takes no action in the roadmap (:math:`A_q` empty) cannot defect: stopping would stop
nothing, so the others would have nothing to notice and nothing to answer. Its temptation is not
applicable; the tensor gives it 0 (stopping and continuing are the same course) and
:class:`~hexatable.sequence.evaluate.Evaluation` and the solver leave it out of the worst temptation.
Applying the equation to it anyway would count the others' retaliation against a move it cannot make
(an observer that dislikes a reversible step would look "tempted" to see it taken back).

>>> from hexatable.sequence.model import Action, Party, Roadmap
>>> roadmap = Roadmap(
...     parties=(Party("A"), Party("B")),
...     actions=(Action("pay", "A", 1, {"A": -5.0, "B": 10.0}),
...              Action("ship", "B", 1, {"A": 10.0, "B": -5.0})),
...     phases=2,
... )
>>> import numpy as np
>>> temptation(roadmap, np.array([[1, 0], [0, 1]])).tolist()  # A pays first, B ships after
[[-5.0, -10.0, 0.0], [-5.0, 5.0, 0.0]]
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

from hexatable.sequence.model import Gating, Roadmap


def delivery_windows(roadmap: Roadmap) -> NDArray[np.int64]:
    """``windows[action, party]``: phases the others keep delivering an action after the party stops.

    The party's detection lag, cut to the trigger's verification delay when the action is a reward
    gated on a trigger of that party. Zero for the party's own actions.
    """
    actions = roadmap.actions
    windows = np.array([[p.detection_lag for p in roadmap.parties] for _ in actions], dtype=np.int64).reshape(
        len(actions), len(roadmap.parties)
    )
    actors = roadmap.actor_indices()
    for constraint in roadmap.constraints:
        if isinstance(constraint, Gating):
            trigger = actions[roadmap.action_index(constraint.trigger)]
            reward = roadmap.action_index(constraint.reward)
            q = roadmap.party_index(trigger.actor)
            windows[reward, q] = min(windows[reward, q], trigger.verification_delay)
    windows[np.arange(len(actions)), actors] = 0
    return windows


def temptation_coefficients(roadmap: Roadmap) -> NDArray[np.float64]:
    """The tensor ``C[party, decision point, action, phase]`` with ``temptation = C · schedule``.

    Decision points run from 0 to ``phases`` inclusive (the last one is after the final phase).
    See the module docstring for the equation. The rows of a party without actions are 0.
    """
    n_phases = roadmap.phases
    values = roadmap.value_matrix()  # [A, P]
    reversibility = np.array([a.reversibility for a in roadmap.actions])
    actors = roadmap.actor_indices()
    windows = delivery_windows(roadmap)
    lag = np.arange(n_phases)[None, :] - np.arange(n_phases + 1)[:, None]  # s - t, [T+1, T]
    coefficients = np.zeros((len(roadmap.parties), n_phases + 1, len(roadmap.actions), n_phases))
    can_defect = roadmap.can_defect()
    for q, party in enumerate(roadmap.parties):
        if not can_defect[q]:
            continue  # nothing to stop: temptation 0, not applicable (module docstring)
        own = actors == q  # [A]
        v = values[:, q][:, None, None]  # [A, 1, 1]
        r = reversibility[:, None, None]
        discount = np.where(lag >= 0, party.discount ** np.maximum(lag, 0), 0.0)[None]  # [1, T+1, T]
        window = windows[:, q][:, None, None]
        in_lag = (lag[None] >= 0) & (lag[None] < window)  # [A, T+1, T]
        by_lag_end = lag[None] < window
        before_now = (lag < 0)[None]
        others = ~own[:, None, None]
        receipts = np.where(others & in_lag, discount * v, 0.0)
        own_back = np.where(own[:, None, None] & before_now, r * -v, 0.0)
        others_back = np.where(others & by_lag_end, party.discount**party.detection_lag * r * v, 0.0)
        continuing = discount * v
        per_action = receipts + own_back - others_back - continuing  # [A, T+1, T]
        coefficients[q] = per_action.transpose(1, 0, 2)
    return coefficients


def temptation(roadmap: Roadmap, schedule: ArrayLike) -> NDArray[np.float64]:
    """``temptation[party, decision point]`` of a schedule ``tranches[action, phase]``.

    Parameters
    ----------
    roadmap
        The roadmap.
    schedule
        Integer tranches per action (rows, in the roadmap's order) and phase (columns).

    Returns
    -------
    numpy.ndarray
        Shape ``(parties, phases + 1)``; column ``t`` is the temptation to stop at the start of
        phase ``t``, the last column after the final phase.
    """
    x = np.asarray(schedule, dtype=np.float64)
    expected = (len(roadmap.actions), roadmap.phases)
    if x.shape != expected:
        raise ValueError(f"a schedule has shape {expected} (actions, phases), not {x.shape}")
    result: NDArray[np.float64] = np.einsum("ptas,as->pt", temptation_coefficients(roadmap), x)
    return result
