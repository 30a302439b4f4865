"""A brute-force GMCR reference, written straight from the definitions, for checking the fast engine.

Everything here works on Python sets, one state at a time, with no shared code from the engine beyond
the model's dataclasses: feasibility, moves, preferences, reachable sets by legal sequences
(Fang, Hipel & Kilgour 1993, ch. 3) and the five stability concepts are each spelled out as defined.
Only for small models (a few hundred states).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

from hexatable.conflict.model import (
    ConflictModel,
    Conjunction,
    Direction,
    Disjunction,
    OptionPrioritisation,
    Payoffs,
    Ranking,
    Statement,
    StatementKind,
)


def taken(code: int, option: int) -> bool:
    return bool(code >> option & 1)


def holds(code: int, conjunction: Conjunction) -> bool:
    return all(taken(code, c.option) == c.taken for c in conjunction)


def any_holds(code: int, disjunction: Disjunction) -> bool:
    return any(holds(code, conjunction) for conjunction in disjunction)


def feasible(model: ConflictModel, code: int) -> bool:
    rules = model.feasibility
    if any(holds(code, conjunction) for conjunction in rules.infeasible):
        return False
    if any(sum(taken(code, k) for k in group) > 1 for group in rules.mutually_exclusive):
        return False
    return all(any(taken(code, k) for k in group) for group in rules.at_least_one)


def states(model: ConflictModel) -> list[int]:
    """Feasible codes, sorted: state number n is states[n - 1]."""
    return [code for code in range(2 ** len(model.options)) if feasible(model, code)]


def satisfied(code: int, statement: Statement) -> bool:
    condition = any_holds(code, statement.condition)
    if statement.kind is StatementKind.PLAIN:
        return condition
    premise = any_holds(code, statement.premise)
    if statement.kind is StatementKind.IF:
        return (not premise) or condition
    return premise == condition


def value(model: ConflictModel, dm: int, codes: list[int], code: int) -> float:
    preference = model.decision_makers[dm].preference
    number = codes.index(code) + 1
    if isinstance(preference, OptionPrioritisation):
        n = len(preference.statements)
        return float(
            sum(2 ** (n - k) for k, st in enumerate(preference.statements, 1) if satisfied(code, st))
        )
    if isinstance(preference, Ranking):
        for position, group in enumerate(preference.groups):
            if number in group:
                return float(-position)
        raise AssertionError("unranked state")
    assert isinstance(preference, Payoffs)
    return dict(preference.values)[number]


class Reference:
    """A conflict in state form: codes, values, and moves as sets."""

    def __init__(self, model: ConflictModel) -> None:
        self.model = model
        self.codes = states(model)
        self.dms = range(len(model.decision_makers))
        self.values = {(i, c): value(model, i, self.codes, c) for i in self.dms for c in self.codes}
        self._moves: dict[tuple[int, int], set[int]] = {}

    def prefers(self, dm: int, a: int, b: int) -> bool:
        return self.values[dm, a] > self.values[dm, b]

    def moves(self, dm: int, code: int) -> set[int]:
        """R_i(s): feasible states differing from s only in DM i's options, respecting irreversibility."""
        if (dm, code) not in self._moves:
            self._moves[dm, code] = self._find_moves(dm, code)
        return self._moves[dm, code]

    def _find_moves(self, dm: int, code: int) -> set[int]:
        own = self.model.decision_makers[dm].options
        found = set()
        for other in self.codes:
            if other == code:
                continue
            if any(taken(other, k) != taken(code, k) for k in range(len(self.model.options)) if k not in own):
                continue
            ok = True
            for k in own:
                direction = self.model.options[k].direction
                if direction is Direction.FWD and taken(code, k) and not taken(other, k):
                    ok = False
                if direction is Direction.BACK and not taken(code, k) and taken(other, k):
                    ok = False
            if ok:
                found.add(other)
        return found

    def improvements(self, dm: int, code: int) -> set[int]:
        return {t for t in self.moves(dm, code) if self.prefers(dm, t, code)}

    def group_reach(self, group: list[int], code: int, step: Callable[[int, int], set[int]]) -> set[int]:
        """States reached by legal sequences of the group's moves: nobody moves twice in a row."""
        reached: set[int] = set()
        seen: set[tuple[int, int]] = set()
        frontier = [(code, -1)]
        while frontier:
            state, last = frontier.pop()
            for mover in group:
                if mover == last:
                    continue
                for target in step(mover, state):
                    reached.add(target)
                    if (target, mover) not in seen:
                        seen.add((target, mover))
                        frontier.append((target, mover))
        return reached

    def opponents(self, dm: int) -> list[int]:
        return [j for j in self.dms if j != dm]

    def nash(self, dm: int, s: int) -> bool:
        return not self.improvements(dm, s)

    def gmr(self, dm: int, s: int) -> bool:
        return all(
            any(not self.prefers(dm, s2, s) for s2 in self.group_reach(self.opponents(dm), s1, self.moves))
            for s1 in self.improvements(dm, s)
        )

    def smr(self, dm: int, s: int) -> bool:
        return all(
            any(
                not self.prefers(dm, s2, s) and all(not self.prefers(dm, s3, s) for s3 in self.moves(dm, s2))
                for s2 in self.group_reach(self.opponents(dm), s1, self.moves)
            )
            for s1 in self.improvements(dm, s)
        )

    def seq(self, dm: int, s: int) -> bool:
        return all(
            any(
                not self.prefers(dm, s2, s)
                for s2 in self.group_reach(self.opponents(dm), s1, self.improvements)
            )
            for s1 in self.improvements(dm, s)
        )

    def sim(self, dm: int, s: int) -> bool:
        opponents = self.opponents(dm)
        choices = [[None, *sorted(self.improvements(j, s))] for j in opponents]
        for s1 in self.improvements(dm, s):
            spoiled = False
            for combo in itertools.product(*choices):
                result = s1
                for j, response in zip(opponents, combo, strict=True):
                    if response is None:
                        continue
                    mask = self.model.option_mask(j)
                    result = (result & ~mask) | (response & mask)
                if result in self.codes and not self.prefers(dm, result, s):
                    spoiled = True
                    break
            if not spoiled:
                return False
        return True

    def stable(self, concept: str, dm: int) -> list[int]:
        test = getattr(self, concept)
        return [n for n, code in enumerate(self.codes, 1) if test(dm, code)]

    def coalition_stable(self, concept: str, members: list[int]) -> list[int]:
        """CNash, CGMR, CSEQ for coalition ``members`` (Inohara & Hipel 2008), spelled out per state.

        R++_C(s): states every member strictly prefers, reached by a legal sequence of members' moves;
        an answer is a legal sequence of the other DMs' moves (CGMR) or improvements (CSEQ) ending in a
        state some member does not prefer to s.
        """
        others = [j for j in self.dms if j not in members]
        step = self.improvements if concept == "seq" else self.moves
        stable = []
        for n, s in enumerate(self.codes, 1):
            ups = [
                t
                for t in self.group_reach(members, s, self.moves)
                if all(self.prefers(i, t, s) for i in members)
            ]
            if concept == "nash":
                ok = not ups
            else:
                ok = all(
                    any(
                        any(not self.prefers(i, u, s) for i in members)
                        for u in self.group_reach(others, t, step)
                    )
                    for t in ups
                )
            if ok:
                stable.append(n)
        return stable
