"""Cross-checks of a conflict model that a single field cannot make: option ids are unique and every
clause, feasibility rule and status quo names one; actors and coalition members are decision makers.

Each problem comes with its path inside the record, so the loader can point at the exact line.
"""

from __future__ import annotations

from collections.abc import Iterator

from hexatable.case.models import Conflict

Path = tuple[str | int, ...]


def conflict_problems(conflict: Conflict) -> Iterator[tuple[Path, str]]:
    """Yield ``(path inside the conflict, message)`` for each inconsistency.

    >>> cite = [{"source": "s", "locator": "line 1", "quote": "q"}]
    >>> dm = lambda actor, option, when: {"actors": [actor], "provenance": cite, "options": [
    ...     {"id": option, "names": {"en": option, "zh": option}, "provenance": cite}],
    ...     "statements": [{"when": [when], "provenance": cite}]}
    >>> bad = Conflict.model_validate({"id": "c", "title": {"en": "C"}, "provenance": cite,
    ...     "decision_makers": [dm("PRK", "a", "a"), dm("USA", "b", "not c")]})
    >>> list(conflict_problems(bad))
    [(('decision_makers', 1, 'statements', 0, 'when', 0), "unknown option 'c' (options: a, b)")]
    """
    known = [option.id for dm in conflict.decision_makers for option in dm.options]
    seen: set[str] = set()
    for d, dm in enumerate(conflict.decision_makers):
        for o, option in enumerate(dm.options):
            if option.id in seen:
                yield ("decision_makers", d, "options", o, "id"), f"option id '{option.id}' is used twice"
            seen.add(option.id)
    actors: set[str] = set()
    for d, dm in enumerate(conflict.decision_makers):
        for a, actor in enumerate(dm.actors):
            if actor in actors:
                yield ("decision_makers", d, "actors", a), f"actor '{actor}' is listed twice"
            actors.add(actor)
    for path, literal in _literals(conflict):
        named = literal.removeprefix("not ")
        if named not in known:
            yield path, f"unknown option '{named}' (options: {', '.join(known)})"
    for c, coalition in enumerate(conflict.coalitions):
        for m, member in enumerate(coalition.members):
            if member not in actors:
                yield ("coalitions", c, "members", m), f"'{member}' is not a decision maker of this conflict"


def _literals(conflict: Conflict) -> Iterator[tuple[Path, str]]:
    """Every option literal of the conflict with its path (a clause is a list, or a list of lists)."""
    for d, dm in enumerate(conflict.decision_makers):
        for s, statement in enumerate(dm.statements):
            for name, clause in (("when", statement.when), ("if", statement.if_), ("iff", statement.iff)):
                if clause is None:
                    continue
                nested = bool(clause) and isinstance(clause[0], list)
                terms = clause if nested else [clause]
                for t, term in enumerate(terms):
                    for k, literal in enumerate(term):
                        here = (t, k) if nested else (k,)
                        yield ("decision_makers", d, "statements", s, name, *here), str(literal)
    for r, rule in enumerate(conflict.feasibility):
        for k, literal in enumerate(rule.options):
            yield ("feasibility", r, "options", k), literal
    if conflict.status_quo is not None:
        for k, option in enumerate(conflict.status_quo.options):
            yield ("status_quo", "options", k), option
