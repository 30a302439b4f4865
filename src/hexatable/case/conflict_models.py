"""Case-format records of a conflict model (the ``conflicts`` collection), with provenance.

A conflict names its decision makers by actor id; each decision maker lists the options it controls
and its preference statements, most important first (option prioritisation, Fang et al. 2003). Every
option, decision maker, statement and feasibility rule cites its source. A clause is a list of option
ids, each optionally prefixed ``not ``, joined by AND; a list of such lists is an OR. The YAML form is
documented in ``docs/case-format.md``; :mod:`hexatable.conflict.from_case` turns a record into the
engine's model.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Self

from pydantic import Field, StringConstraints, model_validator

from hexatable.case.models import ActorRef, Fact, Id, Record
from hexatable.case.text import Names, Text

OPTION_LITERAL_PATTERN = r"^(?:not )?[a-z0-9]+(?:-[a-z0-9]+)*$"

OptionLiteral = Annotated[str, StringConstraints(pattern=OPTION_LITERAL_PATTERN, max_length=124)]
"""An option id (the option is taken) or ``not <id>`` (it is not)."""

Clause = (
    Annotated[list[OptionLiteral], Field(min_length=1)]
    | Annotated[list[Annotated[list[OptionLiteral], Field(min_length=1)]], Field(min_length=1)]
)
"""Option literals joined by AND, or a list of such lists joined by OR."""


class OptionDirection(StrEnum):
    """Which way an option may move: ``fwd`` may only be taken, ``back`` only be dropped."""

    BOTH = "both"
    FWD = "fwd"
    BACK = "back"


class ConflictOption(Fact):
    """A binary option of a decision maker."""

    id: Id
    names: Names
    direction: OptionDirection = OptionDirection.BOTH


class PreferenceStatement(Fact):
    """A preference statement: ``when`` holds (optionally: ``if`` the premise holds, or ``iff``)."""

    text: Text | None = None
    when: Clause
    if_: Clause | None = Field(default=None, alias="if")
    iff: Clause | None = None

    @model_validator(mode="after")
    def _one_premise(self) -> Self:
        if self.if_ is not None and self.iff is not None:
            raise ValueError("give at most one of 'if' and 'iff'")
        return self


class ConflictDecisionMaker(Fact):
    """A decision maker of a conflict: one actor (or several acting as one), its options, and its
    preference statements. Its name in results is its actor ids joined by ``/`` (``CHN/RUS``)."""

    actors: Annotated[list[ActorRef], Field(min_length=1)]
    options: Annotated[list[ConflictOption], Field(min_length=1)]
    statements: list[PreferenceStatement] = Field(default_factory=list)
    ranking: list[list[int]] | None = Field(
        default=None,
        description="A direct ranking of state numbers, most preferred first, a list per tie; "
        "used instead of statements when given.",
    )


class FeasibilityKind(StrEnum):
    INFEASIBLE = "infeasible"
    MUTUALLY_EXCLUSIVE = "mutually_exclusive"
    AT_LEAST_ONE = "at_least_one"


class FeasibilityRule(Fact):
    """``infeasible``: the options (literals) cannot hold together; ``mutually_exclusive``: at most
    one of the options is taken; ``at_least_one``: at least one is."""

    kind: FeasibilityKind
    options: Annotated[list[OptionLiteral], Field(min_length=1)]
    text: Text | None = None


class Coalition(Record):
    """Decision makers that may move together, named by (one of) their actors."""

    members: Annotated[list[ActorRef], Field(min_length=2)]
    text: Text | None = None


class StatusQuo(Fact):
    """The options taken at the status quo."""

    options: list[Id]
    label: Text | None = None


class Conflict(Fact):
    """A conflict model in the Graph Model for Conflict Resolution, as a case record."""

    id: Id
    title: Text
    summary: Text | None = None
    decision_makers: Annotated[list[ConflictDecisionMaker], Field(min_length=2)]
    feasibility: list[FeasibilityRule] = Field(default_factory=list)
    coalitions: list[Coalition] = Field(default_factory=list)
    status_quo: StatusQuo | None = None
    notes: Text | None = Field(default=None, description="What the analysis says, in words.")

    def dm_name(self, index: int) -> str:
        """The name of decision maker ``index`` in results: its actor ids joined by ``/``."""
        return "/".join(self.decision_makers[index].actors)

    def dm_of_actor(self, actor: str) -> int:
        """The index of the decision maker an actor belongs to."""
        for index, dm in enumerate(self.decision_makers):
            if actor in dm.actors:
                return index
        raise KeyError(actor)


def clause_terms(clause: list[str] | list[list[str]]) -> list[list[str]]:
    """A clause as a list of conjunctions (the OR form)."""
    if clause and isinstance(clause[0], list):
        return [list(term) for term in clause]
    return [list(clause)]  # type: ignore[arg-type]


def flatten_clause(clause: list[str] | list[list[str]] | None) -> list[str]:
    if clause is None:
        return []
    return [literal for term in clause_terms(clause) for literal in term]
