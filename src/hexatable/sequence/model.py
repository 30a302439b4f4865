"""The sequencing problem: parties, actions split into tranches, constraints, and a horizon.

A *roadmap* is a set of actions, each taken by one party (a group of states acting as one is a party
too) in integer *tranches* over a fixed number of *phases*. A *schedule* says how many tranches of each
action are delivered in each phase: an integer array ``tranches[action, phase]``.

Every record is a frozen dataclass checked on construction; a bad record raises :class:`ValueError`
with a message that names the record and the field. Phases are numbered from 0 inside the engine
(interfaces add 1 when they show them).

>>> roadmap = Roadmap(
...     parties=(Party("A"), Party("B")),
...     actions=(
...         Action("pay", actor="A", tranches=2, values={"A": -1.0, "B": 2.0}),
...         Action("ship", actor="B", tranches=2, values={"A": 2.0, "B": -1.0}),
...     ),
...     phases=2,
... )
>>> roadmap.value_matrix().tolist()
[[-1.0, 2.0], [2.0, -1.0]]
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

import numpy as np
from numpy.typing import NDArray

MAX_PHASES = 200
"""The most phases a roadmap may have (50 years of quarters). The temptation tensor grows with the
square of the phases (``parties × (phases + 1) × actions × phases``), so a bound keeps it in memory."""

MAX_TRANCHES = 1_000_000
"""The most tranches an action may be split into. CP-SAT works on 64-bit integers: values scaled by
``SolverOptions.scale`` times this many tranches stay far inside that range."""

MAX_DELAY = 10_000
"""The longest detection lag or verification delay, in phases (beyond any horizon; kept to integers
NumPy holds)."""


@dataclass(frozen=True)
class Party:
    """A party to the roadmap.

    Parameters
    ----------
    id
        The party's id (an actor id in a case: ``PRK``).
    discount
        Discount factor per phase, ``0 < discount <= 1``: a value one phase later is worth
        ``discount`` times as much now.
    detection_lag
        Phases during which the others keep delivering after this party stops, before they notice.
    tolerance
        The temptation the party resists: the value it puts on the relationship beyond the roadmap,
        or a bond or escrow it forfeits by defecting (held by a third party such as KEDO).
    """

    id: str
    discount: float = 1.0
    detection_lag: int = 0
    tolerance: float = 0.0

    def __post_init__(self) -> None:
        if not 0.0 < self.discount <= 1.0:
            raise ValueError(f"party {self.id!r}: discount {self.discount} is not in (0, 1]")
        if not 0 <= self.detection_lag <= MAX_DELAY:
            raise ValueError(
                f"party {self.id!r}: detection_lag {self.detection_lag} is not in 0..{MAX_DELAY}"
            )
        if not math.isfinite(self.tolerance):
            raise ValueError(f"party {self.id!r}: tolerance {self.tolerance} is not a finite number")


@dataclass(frozen=True)
class Action:
    """An action by one party, split into equal tranches.

    Parameters
    ----------
    id
        The action's id.
    actor
        The party that takes the action.
    tranches
        How many tranches the action is split into (950,000 t of heavy fuel oil in 19 shipments: 19).
    values
        Value of *one* tranche to each party; the actor's own entry is its cost (zero or negative).
        Parties not named value the action at 0.
    reversibility
        Share of a delivered tranche that its actor can take back (a delisting can be reversed: near
        1; a declaration cannot: 0).
    verification_delay
        Phases after delivery before the others can confirm a tranche.
    optional
        An optional action is either delivered in full or left out; a required one is delivered in full.
    max_per_phase
        At most this many tranches in one phase (``None``: no limit).
    """

    id: str
    actor: str
    tranches: int
    values: Mapping[str, float] = field(default_factory=dict)
    reversibility: float = 0.0
    verification_delay: int = 0
    optional: bool = False
    max_per_phase: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "values", MappingProxyType(dict(self.values)))
        if not 1 <= self.tranches <= MAX_TRANCHES:
            raise ValueError(f"action {self.id!r}: tranches {self.tranches} is not in 1..{MAX_TRANCHES}")
        if not 0.0 <= self.reversibility <= 1.0:
            raise ValueError(f"action {self.id!r}: reversibility {self.reversibility} is not in [0, 1]")
        if not 0 <= self.verification_delay <= MAX_DELAY:
            raise ValueError(f"action {self.id!r}: verification_delay is not in 0..{MAX_DELAY}")
        for party, value in self.values.items():
            if not math.isfinite(value):
                raise ValueError(f"action {self.id!r}: value {value} to {party!r} is not a finite number")
        if self.values.get(self.actor, 0.0) > 0.0:
            raise ValueError(f"action {self.id!r}: the actor's own value is its cost and cannot be positive")
        if self.max_per_phase is not None and self.max_per_phase < 1:
            raise ValueError(f"action {self.id!r}: max_per_phase {self.max_per_phase} is not positive")


@dataclass(frozen=True)
class Precedence:
    """Action ``after`` may start only once action ``before`` is complete (in an earlier phase)."""

    before: str
    after: str

    @property
    def name(self) -> str:
        return f"precedence {self.before} -> {self.after}"


@dataclass(frozen=True)
class Gating:
    """Verification before reward: the delivered share of ``reward`` may not exceed the *verified*
    share of ``trigger`` (delivered at least ``verification_delay`` phases earlier)."""

    trigger: str
    reward: str

    @property
    def name(self) -> str:
        return f"gating {self.trigger} -> {self.reward}"


@dataclass(frozen=True)
class Bundle:
    """Actions that move together: the same share of each is delivered by the end of every phase."""

    actions: tuple[str, ...]

    def __post_init__(self) -> None:
        if len(self.actions) < 2:
            raise ValueError("a bundle needs at least two actions")

    @property
    def name(self) -> str:
        return "bundle " + " + ".join(self.actions)


@dataclass(frozen=True)
class Capacity:
    """At most ``limit`` tranches of ``actions`` (together) in any one phase."""

    actions: tuple[str, ...]
    limit: int

    def __post_init__(self) -> None:
        if self.limit < 0:
            raise ValueError(f"capacity limit {self.limit} is negative")

    @property
    def name(self) -> str:
        return f"capacity {self.limit} per phase of " + " + ".join(self.actions)


@dataclass(frozen=True)
class Deadline:
    """``action`` (if delivered) is complete within the first ``phases`` phases."""

    action: str
    phases: int

    def __post_init__(self) -> None:
        if self.phases < 1:
            raise ValueError(f"deadline of {self.action!r}: phases {self.phases} is not positive")

    @property
    def name(self) -> str:
        return f"deadline {self.action} within {self.phases} phases"


Constraint = Precedence | Gating | Bundle | Capacity | Deadline


def _constraint_actions(constraint: Constraint) -> tuple[str, ...]:
    if isinstance(constraint, Precedence):
        return (constraint.before, constraint.after)
    if isinstance(constraint, Gating):
        return (constraint.trigger, constraint.reward)
    if isinstance(constraint, Deadline):
        return (constraint.action,)
    return constraint.actions


@dataclass(frozen=True)
class Roadmap:
    """Parties, actions, constraints and the number of phases of an "action for action" deal."""

    parties: tuple[Party, ...]
    actions: tuple[Action, ...]
    phases: int
    constraints: tuple[Constraint, ...] = ()

    def __post_init__(self) -> None:
        if not 1 <= self.phases <= MAX_PHASES:
            raise ValueError(f"phases {self.phases} is not in 1..{MAX_PHASES}")
        if not self.actions:
            raise ValueError("a roadmap needs at least one action")
        party_ids = [p.id for p in self.parties]
        action_ids = [a.id for a in self.actions]
        for kind, ids in (("party", party_ids), ("action", action_ids)):
            duplicates = sorted({i for i in ids if ids.count(i) > 1})
            if duplicates:
                raise ValueError(f"duplicate {kind} id(s): {', '.join(duplicates)}")
        for action in self.actions:
            if action.actor not in party_ids:
                raise ValueError(f"action {action.id!r}: actor {action.actor!r} is not a party")
            unknown = sorted(set(action.values) - set(party_ids))
            if unknown:
                raise ValueError(f"action {action.id!r}: values for unknown part(ies) {unknown}")
        for constraint in self.constraints:
            for action_id in _constraint_actions(constraint):
                if action_id not in action_ids:
                    raise ValueError(f"{constraint.name}: unknown action {action_id!r}")

    # --- indices and arrays ---------------------------------------------------------------------

    @property
    def party_ids(self) -> tuple[str, ...]:
        return tuple(p.id for p in self.parties)

    @property
    def action_ids(self) -> tuple[str, ...]:
        return tuple(a.id for a in self.actions)

    def action_index(self, action_id: str) -> int:
        return self.action_ids.index(action_id)

    def party_index(self, party_id: str) -> int:
        return self.party_ids.index(party_id)

    def value_matrix(self) -> NDArray[np.float64]:
        """``values[action, party]``: the value of one tranche of each action to each party."""
        parties = self.party_ids
        return np.array(
            [[a.values.get(p, 0.0) for p in parties] for a in self.actions], dtype=np.float64
        ).reshape(len(self.actions), len(parties))

    def tranche_counts(self) -> NDArray[np.int64]:
        return np.array([a.tranches for a in self.actions], dtype=np.int64)

    def actor_indices(self) -> NDArray[np.int64]:
        return np.array([self.party_index(a.actor) for a in self.actions], dtype=np.int64)

    def can_defect(self) -> NDArray[np.bool_]:
        """``can_defect[party]``: whether the party takes at least one action of the roadmap.

        Defecting means stopping one's own deliveries (and taking back what can be taken back). A party
        that takes no action in the package has nothing to stop, so it cannot defect: its temptation is
        not applicable (the temptation map gives it 0, and it never counts as the worst).
        """
        actors = set(self.actor_indices().tolist())
        return np.array([q in actors for q in range(len(self.parties))], dtype=np.bool_)

    def empty_schedule(self) -> NDArray[np.int64]:
        """A schedule that delivers nothing: zeros of shape ``(actions, phases)``."""
        return np.zeros((len(self.actions), self.phases), dtype=np.int64)
