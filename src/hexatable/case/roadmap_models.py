"""Case-format records of an "action for action" roadmap (the ``roadmaps`` collection).

A roadmap names its parties (with a discount factor, a detection lag and a tolerance), its actions
split into tranches (with a value per tranche to every party, a reversibility share and a verification
delay), the constraints on their order, and schedules to score (such as the historical sequence). The
numbers are assumptions argued from the sources: each party and action cites the passage it is argued
from, marked ``basis: inferred`` with the reason. The sequencing engine
(:mod:`hexatable.sequence`) reads them through :func:`hexatable.sequence.from_case.engine_roadmap`.

Action ids are local to their roadmap; constraints and schedules name them. The loader checks that
they resolve (:mod:`hexatable.case.roadmap_checks`).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from hexatable.case.dates import DateSpan

# models.py imports this module just before its Case record, when these names already exist (the
# package's __init__ always imports models first).
from hexatable.case.models import ActorRef, CommitmentRef, DocumentRef, Fact, Id, Record
from hexatable.case.text import Text


class RoadmapParty(Fact):
    """A party to the roadmap and what keeps it honest."""

    actor: ActorRef
    discount: float = Field(
        default=1.0, gt=0.0, le=1.0, description="Value of one phase later relative to now, in (0, 1]."
    )
    detection_lag: int = Field(
        default=0, ge=0, description="Phases before the others notice that this party stopped."
    )
    tolerance: float = Field(
        default=0.0,
        description="Temptation the party resists: relationship value, a bond, or an escrow it forfeits.",
    )


class RoadmapAction(Fact):
    """An action by one party, split into equal tranches, with a value per tranche to each party."""

    id: Id
    actor: ActorRef
    title: Text
    tranches: int = Field(ge=1, description="How many equal tranches the action is split into.")
    tranche: Text | None = Field(default=None, description="What one tranche is (50,000 t of fuel oil).")
    values: dict[ActorRef, float] = Field(
        description="Value of one tranche to each party; the actor's own entry is its cost (<= 0)."
    )
    reversibility: float = Field(
        default=0.0, ge=0.0, le=1.0, description="Share of a delivered tranche its actor can take back."
    )
    verification_delay: int = Field(
        default=0, ge=0, description="Phases after delivery before the others can confirm a tranche."
    )
    optional: bool = False
    max_per_phase: int | None = Field(default=None, ge=1)
    commitment: CommitmentRef | None = Field(
        default=None, description="The commitment of a document this action carries out."
    )


class PrecedenceConstraint(Fact):
    """``after`` starts only once ``before`` is complete."""

    kind: Literal["precedence"]
    before: Id
    after: Id


class GatingConstraint(Fact):
    """Verification before reward: the delivered share of ``reward`` stays within the verified share
    of ``trigger``."""

    kind: Literal["gating"]
    trigger: Id
    reward: Id


class BundleConstraint(Fact):
    """Actions that move together, share for share."""

    kind: Literal["bundle"]
    actions: Annotated[list[Id], Field(min_length=2)]


class CapacityConstraint(Fact):
    """At most ``limit`` tranches of ``actions`` together in one phase."""

    kind: Literal["capacity"]
    actions: Annotated[list[Id], Field(min_length=1)]
    limit: int = Field(ge=0)


class DeadlineConstraint(Fact):
    """``action`` is complete within the first ``phases`` phases."""

    kind: Literal["deadline"]
    action: Id
    phases: int = Field(ge=1)


RoadmapConstraint = Annotated[
    PrecedenceConstraint | GatingConstraint | BundleConstraint | CapacityConstraint | DeadlineConstraint,
    Field(discriminator="kind"),
]


class SchedulePhase(Record):
    """One phase of a schedule: the tranches of each action delivered in it."""

    label: Text | None = None
    date: DateSpan | None = None
    tranches: dict[Id, Annotated[int, Field(ge=0)]] = Field(
        default_factory=dict, description="Action id -> tranches delivered in this phase."
    )


class RoadmapSchedule(Fact):
    """A schedule to score: the historical sequence, or a proposal on the table."""

    id: Id
    title: Text
    summary: Text | None = None
    phases: Annotated[list[SchedulePhase], Field(min_length=1)]


class Roadmap(Fact):
    """A package of actions to be phased "action for action", with schedules to score."""

    id: Id
    title: Text
    summary: Text | None = None
    document: DocumentRef | None = None
    phases: int = Field(ge=1, description="The number of phases the solver may use.")
    parties: Annotated[list[RoadmapParty], Field(min_length=2)]
    actions: Annotated[list[RoadmapAction], Field(min_length=1)]
    constraints: list[RoadmapConstraint] = Field(default_factory=list)
    schedules: list[RoadmapSchedule] = Field(default_factory=list)
