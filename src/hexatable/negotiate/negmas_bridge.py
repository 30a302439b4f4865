"""A scenario as a NegMAS problem, and hexatable's delegates as NegMAS negotiators.

NegMAS (Mohammad et al., *NegMAS: a platform for automated negotiations*, PRIMA 2020) is where most
automated-negotiation agents are written. This bridge lets the two meet in both directions:

- :func:`negmas_scenario` turns an :class:`~hexatable.negotiate.space.OutcomeSpace` into a NegMAS
  ``Scenario``: one categorical issue per agenda issue (its values are the option ids) and, per seat,
  a :class:`TableUtilityFunction` giving exactly ``space.utilities[seat, n]`` for outcome ``n``
  (interactions and red lines included, since it reads our array) with our reservation value as
  NegMAS's ``reserved_value``.
- :class:`HexatableNegotiator` is hexatable's time-based delegate as a NegMAS ``SAONegotiator``: it
  answers and offers through the delegate's ``accepts``/``propose``/``observe``, on NegMAS's relative
  time. It plays on our scenarios (fast: it reads the space behind a :class:`TableUtilityFunction`) and
  on any NegMAS problem with discrete issues (it enumerates the outcomes once).

Outcomes are tuples of option ids in agenda order; :func:`outcome_index` maps them back to indices.

>>> from hexatable.negotiate.space import toy_space
>>> space = toy_space()
>>> scenario = negmas_scenario(space)
>>> [issue.name for issue in scenario.outcome_space.issues]
['x', 'y']
>>> a = scenario.ufuns[0]
>>> a(("hi", "lo")), a(None)
(10.0, 4.0)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from negmas import Scenario
from negmas.outcomes import make_issue, make_os
from negmas.preferences import MappingUtilityFunction
from negmas.sao import ResponseType, SAONegotiator

from hexatable.negotiate.delegates import Strategy, TimeBasedDelegate, make_delegate
from hexatable.negotiate.space import OutcomeSpace, enumerate_outcomes

Outcome = tuple[Any, ...]
MAX_ENUMERATED = 1_000_000
"""The most outcomes :class:`HexatableNegotiator` enumerates on a foreign NegMAS problem."""


def negmas_outcome_space(space: OutcomeSpace) -> Any:
    """The NegMAS outcome space of ``space``: one categorical issue per agenda issue (computed once)."""
    return space.memo(
        ("negmas", "outcome-space"),
        lambda: make_os(
            [
                make_issue(list(options), name=issue)
                for issue, options in zip(space.issues, space.options, strict=True)
            ]
        ),
    )


def outcome_tuples(space: OutcomeSpace) -> tuple[Outcome, ...]:
    """Every outcome as NegMAS sees it (option ids in agenda order), in our index order."""

    def build() -> tuple[Outcome, ...]:
        columns = [
            np.asarray(options, dtype=object)[space.outcomes[:, i]].tolist()
            for i, options in enumerate(space.options)
        ]
        return tuple(zip(*columns, strict=True)) if columns else ((),)

    return space.memo(("negmas", "outcomes"), build)


def outcome_index(space: OutcomeSpace) -> dict[Outcome, int]:
    """The index of every NegMAS outcome of ``space`` (the inverse of :func:`outcome_tuples`)."""
    return space.memo(
        ("negmas", "index"), lambda: {outcome: n for n, outcome in enumerate(outcome_tuples(space))}
    )


class TableUtilityFunction(MappingUtilityFunction):  # type: ignore[misc]
    """One seat's utility as a NegMAS mapping ufun over the enumerated outcomes.

    The mapping (outcome tuple -> points) is built once per space and seat and shared, so a fresh
    ufun per negotiation costs nothing. ``space`` and ``seat`` stay attached: a
    :class:`HexatableNegotiator` handed this ufun plays from our arrays directly.
    """

    def __init__(self, space: OutcomeSpace, seat: str, **kwargs: Any) -> None:
        row = space.seat_index(seat)
        mapping = space.memo(
            ("negmas", "mapping", row),
            lambda: dict(zip(outcome_tuples(space), space.utilities[row].tolist(), strict=True)),
        )
        kwargs.setdefault("name", seat)
        super().__init__(
            mapping,
            outcome_space=negmas_outcome_space(space),
            reserved_value=float(space.reservations[row]),
            **kwargs,
        )
        self.space = space
        self.seat = seat


def negmas_ufuns(space: OutcomeSpace) -> tuple[TableUtilityFunction, ...]:
    """A fresh utility function per seat, in the space's seat order."""
    return tuple(TableUtilityFunction(space, seat) for seat in space.seats)


def negmas_scenario(space: OutcomeSpace) -> Any:
    """The scenario as a NegMAS ``Scenario`` (outcome space and one ufun per seat, seat order)."""
    return Scenario(outcome_space=negmas_outcome_space(space), ufuns=negmas_ufuns(space))


def space_from_negmas(outcome_space: Any, ufun: Any, seat: str = "self") -> OutcomeSpace:
    """A one-seat :class:`OutcomeSpace` from a NegMAS outcome space with discrete issues and a ufun.

    Option ids are the values' ``str``; :func:`outcome_tuples` is not used for such a space, the
    caller keeps the NegMAS values (see :class:`HexatableNegotiator`). ``ValueError`` for a continuous
    issue or more than :data:`MAX_ENUMERATED` outcomes.
    """
    issues = list(outcome_space.issues)
    if not all(issue.is_discrete() for issue in issues):
        raise ValueError("hexatable delegates need discrete issues")
    values = [list(issue.all) for issue in issues]
    radices = [len(v) for v in values]
    if int(np.prod(radices, dtype=np.float64)) > MAX_ENUMERATED:
        raise ValueError(f"more than {MAX_ENUMERATED:,} outcomes to enumerate")
    outcomes = enumerate_outcomes(radices)
    utility = np.array(
        [float(ufun(tuple(v[k] for v, k in zip(values, row, strict=True)))) for row in outcomes.tolist()],
        dtype=np.float64,
    )
    reserved = ufun.reserved_value
    reservation = float(reserved) if reserved is not None and np.isfinite(reserved) else float(utility.min())
    return OutcomeSpace(
        seats=(seat,),
        issues=tuple(str(issue.name) for issue in issues),
        options=tuple(tuple(str(x) for x in v) for v in values),
        outcomes=outcomes,
        utilities=utility[None, :],
        reservations=np.array([reservation]),
    )


class HexatableNegotiator(SAONegotiator):  # type: ignore[misc]
    """hexatable's default delegate as a NegMAS stacked-alternating-offers negotiator.

    Parameters
    ----------
    strategy
        The delegate's concession strategy (``boulware``, ``linear``, ``conceder``, ``hardheaded``,
        ``tit-for-tat`` or an exponent); see :mod:`hexatable.negotiate.delegates`.
    start
        Its starting aspiration as a share of the way from reservation to best.
    seed
        Seed of its own random choices (ties among equally good offers); ``None``: drawn from NumPy's
        global generator when it is made, so that a caller seeding that generator (as the tournament
        does per run) makes it reproducible.

    It answers the standing offer with the delegate's ``accepts`` at NegMAS's relative time, notes
    every offer with ``observe`` and remembers each party's latest offer, and offers with ``propose``
    toward the others' latest offers, as the simulator's alternating offers do.
    """

    def __init__(
        self,
        strategy: Strategy | float = "boulware",
        start: float = 1.0,
        seed: int | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.strategy = strategy
        self.start = start
        self._rng = np.random.default_rng(seed if seed is not None else np.random.randint(0, 2**31 - 1))
        self._delegate: TimeBasedDelegate | None = None
        self._space: OutcomeSpace | None = None
        self._outcomes: Sequence[Outcome] = ()
        self._index: Mapping[Outcome, int] = {}
        self._latest: dict[str, int] = {}

    def on_preferences_changed(self, changes: Any) -> None:
        super().on_preferences_changed(changes)
        self._delegate = None

    def _ready(self) -> TimeBasedDelegate:
        """The delegate for the current ufun, built on first use."""
        if self._delegate is not None:
            return self._delegate
        ufun = self.ufun
        if isinstance(ufun, TableUtilityFunction):
            space, seat = ufun.space, ufun.seat
            self._outcomes, self._index = outcome_tuples(space), outcome_index(space)
        else:
            space, seat = space_from_negmas(self.nmi.outcome_space, ufun), "self"
            values = [list(issue.all) for issue in self.nmi.outcome_space.issues]
            self._outcomes = [
                tuple(v[k] for v, k in zip(values, row, strict=True)) for row in space.outcomes.tolist()
            ]
            self._index = {outcome: n for n, outcome in enumerate(self._outcomes)}
        self._space = space
        self._delegate = make_delegate(space, seat, self.strategy, start=self.start)
        return self._delegate

    def propose(self, state: Any, dest: str | None = None) -> Outcome | None:
        delegate = self._ready()
        assert self._space is not None
        others = [n for who, n in self._latest.items() if who != self.id]
        toward = self._space.outcomes[others] if others else None
        choice = delegate.propose(state.relative_time, self._rng, self._space.outcomes, toward)
        if choice is None:  # nothing beats its reserved value: no offer (NegMAS ends the negotiation)
            return None
        self._latest[self.id] = choice
        return self._outcomes[choice]

    def respond(self, state: Any, source: str | None = None) -> Any:
        delegate = self._ready()
        offer = state.current_offer
        index = self._index.get(tuple(offer)) if offer is not None else None
        if index is None:
            return ResponseType.REJECT_OFFER
        delegate.observe(index)
        if source is not None:
            self._latest[source] = index
        return (
            ResponseType.ACCEPT_OFFER
            if delegate.accepts(index, state.relative_time)
            else ResponseType.REJECT_OFFER
        )
