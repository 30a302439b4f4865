"""The conflict model of the Graph Model for Conflict Resolution (GMCR), in option form.

A conflict has decision makers (DMs), each controlling some binary options; a *state* is the set of
options taken. Feasibility rules remove impossible states; irreversible options restrict moves; each
DM ranks the feasible states (by option prioritisation, a direct ranking or a payoff per state).
The option form follows Fraser & Hipel (1984) and Fang, Hipel & Kilgour (1993), *Interactive Decision
Making: The Graph Model for Conflict Resolution*, ch. 2; option prioritisation follows Fang, Hipel,
Kilgour & Peng (2003), "A decision support system for interactive decision making, part I",
IEEE SMC-C 33(1), 42-55.

These are plain frozen dataclasses: the engine's typed input. The case format
(:mod:`hexatable.case.conflict_models`) and the GMCR+ import (:mod:`hexatable.conflict.gmcr_file`)
both build them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Direction(StrEnum):
    """Which way an option may move: both ways, only be taken (``fwd``) or only be dropped (``back``)."""

    BOTH = "both"
    FWD = "fwd"
    BACK = "back"


@dataclass(frozen=True)
class Condition:
    """One option taken (``taken=True``) or not taken."""

    option: int
    taken: bool


Conjunction = tuple[Condition, ...]
"""Conditions joined by AND."""

Disjunction = tuple[Conjunction, ...]
"""Conjunctions joined by OR."""


class StatementKind(StrEnum):
    """How a preference statement reads: ``A``, ``A if B`` (B implies A) or ``A iff B``."""

    PLAIN = "plain"
    IF = "if"
    IFF = "iff"


@dataclass(frozen=True)
class Statement:
    """A preference statement: an OR of conjunctions, optionally conditioned on another one.

    ``kind = if``: satisfied when ``premise`` does not hold or ``condition`` holds;
    ``kind = iff``: satisfied when both hold or neither does.
    """

    condition: Disjunction
    kind: StatementKind = StatementKind.PLAIN
    premise: Disjunction = ()
    label: str = ""


@dataclass(frozen=True)
class OptionPrioritisation:
    """Ordered statements, most important first (Fang et al. 2003).

    A state's score is the sum of ``2**(n-k)`` over the satisfied statements ``k`` of ``n``.
    """

    statements: tuple[Statement, ...]


@dataclass(frozen=True)
class Ranking:
    """A direct ranking of states (numbers from 1), most preferred first; a tuple inside is a tie."""

    groups: tuple[tuple[int, ...], ...]


@dataclass(frozen=True)
class Payoffs:
    """A payoff per state number (higher is better); every feasible state needs one."""

    values: tuple[tuple[int, float], ...]


Preference = OptionPrioritisation | Ranking | Payoffs


@dataclass(frozen=True)
class Option:
    """A binary option: its name and which ways it may move."""

    name: str
    direction: Direction = Direction.BOTH


@dataclass(frozen=True)
class DecisionMaker:
    """A DM: its name, the indices of the options it controls, and its preference."""

    name: str
    options: tuple[int, ...]
    preference: Preference


@dataclass(frozen=True)
class Feasibility:
    """The rules removing states: infeasible patterns, at-most-one groups, at-least-one groups."""

    infeasible: tuple[Conjunction, ...] = ()
    mutually_exclusive: tuple[tuple[int, ...], ...] = ()
    at_least_one: tuple[tuple[int, ...], ...] = ()


@dataclass(frozen=True)
class ConflictModel:
    """A graph model in option form.

    Option ``k`` (from 0, in order) contributes ``2**k`` to a state's code; the feasible states,
    sorted by code, are numbered from 1, as GMCR+ numbers them.
    """

    options: tuple[Option, ...]
    decision_makers: tuple[DecisionMaker, ...]
    feasibility: Feasibility = field(default_factory=Feasibility)
    name: str = ""

    def __post_init__(self) -> None:
        owners: dict[int, str] = {}
        for dm in self.decision_makers:
            for k in dm.options:
                if not 0 <= k < len(self.options):
                    raise ModelError(f"decision maker {dm.name!r} controls option {k}, which does not exist")
                if k in owners:
                    raise ModelError(
                        f"option {self.options[k].name!r} is controlled by both {owners[k]!r} and {dm.name!r}"
                    )
                owners[k] = dm.name
        missing = [self.options[k].name for k in range(len(self.options)) if k not in owners]
        if missing:
            raise ModelError(f"no decision maker controls option(s) {', '.join(map(repr, missing))}")
        names = [dm.name for dm in self.decision_makers]
        if len(set(names)) != len(names):
            raise ModelError("two decision makers have the same name")
        if len(self.decision_makers) < 2:
            raise ModelError("a conflict needs at least two decision makers")
        if len(self.options) > MAX_OPTIONS:
            raise ModelError(f"{len(self.options)} options: at most {MAX_OPTIONS} are supported")
        for conjunction in self._all_conjunctions():
            for condition in conjunction:
                if not 0 <= condition.option < len(self.options):
                    raise ModelError(f"a condition names option {condition.option}, which does not exist")

    def _all_conjunctions(self) -> list[Conjunction]:
        found = list(self.feasibility.infeasible)
        for dm in self.decision_makers:
            if isinstance(dm.preference, OptionPrioritisation):
                for statement in dm.preference.statements:
                    found.extend(statement.condition)
                    found.extend(statement.premise)
        groups = (*self.feasibility.mutually_exclusive, *self.feasibility.at_least_one)
        found.extend(tuple(Condition(k, True) for k in group) for group in groups)
        return found

    def dm_index(self, name: str) -> int:
        """The index of the DM named ``name`` (case-insensitive), or :class:`ModelError`."""
        for index, dm in enumerate(self.decision_makers):
            if dm.name.casefold() == name.casefold():
                return index
        known = ", ".join(dm.name for dm in self.decision_makers)
        raise ModelError(f"no decision maker named {name!r} (known: {known})")

    def option_mask(self, dm: int) -> int:
        """The bits of the options DM ``dm`` controls."""
        return sum(1 << k for k in self.decision_makers[dm].options)


MAX_OPTIONS = 30
"""Feasible states are found by scanning codes; 2**30 codes is the limit we accept."""


class ModelError(ValueError):
    """A conflict model that cannot be analysed, with a message saying why."""
