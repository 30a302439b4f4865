"""Consistency of an exercise scenario with the case's agenda.

A score sheet must score every option of every issue of its scenario, and nothing else; interactions
must name options that exist; every seat has exactly one sheet. These checks need the case's issues,
so the loader runs them in its link pass and locates each problem.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping

from hexatable.case.models import Issue, IssueKind, Scenario

Path = tuple[str | int, ...]


def scenario_problems(scenario: Scenario, issues: Mapping[str, Issue]) -> Iterator[tuple[Path, str]]:
    """Yield ``(path inside the scenario, message)`` for each inconsistency.

    Unknown issue and actor ids are reported by the reference check; they are skipped here.
    """
    agenda = [issues[i] for i in scenario.issues if i in issues]
    for index, issue in enumerate(agenda):
        if issue.kind is not IssueKind.OPTIONS:
            yield ("issues", index), f"issue '{issue.id}' has no options; a scenario needs options"
    for seat, count in Counter(scenario.seats).items():
        if count > 1:
            yield ("seats",), f"seat '{seat}' is listed {count} times"
    if scenario.chair is not None and scenario.chair not in scenario.seats:
        yield ("chair",), f"the chair '{scenario.chair}' is not one of the seats"

    if scenario.side_room_chair is not None and scenario.side_room_chair not in scenario.seats:
        yield ("side_room_chair",), f"'{scenario.side_room_chair}' is not one of the seats"
    pairs = Counter((b.holder, b.about) for b in scenario.beliefs)
    for index, belief in enumerate(scenario.beliefs):
        where: Path = ("beliefs", index)
        for name in ("holder", "about"):
            if getattr(belief, name) not in scenario.seats:
                yield (*where, name), f"'{getattr(belief, name)}' is not one of the seats"
        if belief.holder == belief.about:
            yield (*where, "about"), "a seat knows its own sheet; a belief is about another seat"
        elif pairs[(belief.holder, belief.about)] > 1:
            yield where, f"more than one belief of '{belief.holder}' about '{belief.about}'"

    sheets = Counter(sheet.seat for sheet in scenario.sheets)
    for seat in scenario.seats:
        if sheets[seat] == 0:
            yield ("sheets",), f"seat '{seat}' has no score sheet"
    for index, sheet in enumerate(scenario.sheets):
        here: Path = ("sheets", index)
        if sheet.seat not in scenario.seats:
            yield (*here, "seat"), f"'{sheet.seat}' is not a seat of this scenario"
        elif sheets[sheet.seat] > 1:
            yield (*here, "seat"), f"seat '{sheet.seat}' has more than one score sheet"
        yield from _points_problems(sheet.points, agenda, (*here, "points"))
        for issue_id, options in sheet.must_have.items():
            where = (*here, "must_have", issue_id)
            if issue_id not in scenario.issues:
                yield where, f"issue '{issue_id}' is not on this scenario's agenda"
            elif issue_id in issues:
                for option in options:
                    if option not in _option_ids(issues[issue_id]):
                        yield where, f"issue '{issue_id}' has no option '{option}'"
        if sheet.opening is not None:
            for issue_id in scenario.issues:
                if issue_id not in sheet.opening:
                    yield (*here, "opening"), f"the opening names no option for issue '{issue_id}'"
            for issue_id, option in sheet.opening.items():
                where = (*here, "opening", issue_id)
                if issue_id not in scenario.issues:
                    yield where, f"issue '{issue_id}' is not on this scenario's agenda"
                elif issue_id in issues and option not in _option_ids(issues[issue_id]):
                    yield where, f"issue '{issue_id}' has no option '{option}'"
        for number, needed in enumerate(sheet.needs):
            if needed not in scenario.seats or needed == sheet.seat:
                yield (*here, "needs", number), f"'{needed}' is not another seat of this scenario"
        for number, interaction in enumerate(sheet.interactions):
            for issue_id, option in interaction.options.items():
                where = (*here, "interactions", number, "options", issue_id)
                if issue_id not in scenario.issues:
                    yield where, f"issue '{issue_id}' is not on this scenario's agenda"
                elif issue_id in issues and option not in _option_ids(issues[issue_id]):
                    yield where, f"issue '{issue_id}' has no option '{option}'"


def _option_ids(issue: Issue) -> list[str]:
    return [option.id for option in issue.options]


def _points_problems(
    points: Mapping[str, Mapping[str, float]], agenda: list[Issue], here: Path
) -> Iterator[tuple[Path, str]]:
    on_agenda = {issue.id for issue in agenda}
    for issue_id in points:
        if issue_id not in on_agenda:
            yield (*here, issue_id), f"issue '{issue_id}' is not on this scenario's agenda"
    for issue in agenda:
        if issue.id not in points:
            yield here, f"no points for issue '{issue.id}'"
            continue
        scored = points[issue.id]
        options = _option_ids(issue)
        for option in scored:
            if option not in options:
                yield (*here, issue.id, option), f"issue '{issue.id}' has no option '{option}'"
        missing = [option for option in options if option not in scored]
        if missing:
            yield (*here, issue.id), f"no points for option(s) {', '.join(missing)}"
