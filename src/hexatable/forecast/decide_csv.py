"""Import the input files of the *decide* exchange model (Stokman's model of vote trading; the
``decide-exchange-model`` project) as a :class:`ForecastInput`.

A decide file is a table (``;``, tab or ``,`` separated, values optionally in single or double
quotes) whose first cell says what the row is:

- ``#A; id; full name`` — an actor;
- ``#P; name; description`` — an issue;
- ``#M; issue; position; meaning`` — a marked point of an issue's scale; the lowest and highest marks
  are its bounds (0 and 100 when an issue has none);
- ``#D; actor; issue; position; salience; power`` — an actor's stand on an issue; salience and power
  are in [0, 1];
- ``#/`` (comment) and ``#O`` (issue description) rows are skipped.

Decide gives power per actor *and issue*; hexatable's capability is per actor. An actor's capability
is its power on the issues read; when it differs between them, the file is refused with a message
suggesting one issue at a time. An actor with no ``#D`` row for an issue gets salience 0 (it does not
care) and the middle of the scale as its position. Every problem is located by file, line, column and
field.
"""

from __future__ import annotations

import numpy as np

from hexatable.case.problems import CaseError, Problem
from hexatable.forecast.inputs import ForecastInput, ForecastInputError

_KINDS = {"#A", "#P", "#M", "#D", "#/", "#O"}


def _delimiter(lines: list[str]) -> str:
    """The separator of the first data row: ``;``, then tab, then ``,``."""
    for line in lines:
        if line.strip():
            for candidate in (";", "\t", ","):
                if candidate in line:
                    return candidate
    return ";"


def _cells(line: str, delimiter: str) -> list[tuple[str, int]]:
    """The cells of a row with the 1-based column each starts at; quotes and blanks stripped."""
    cells: list[tuple[str, int]] = []
    start = 0
    for index, char in enumerate(line + delimiter):
        if char == delimiter:
            raw = line[start:index]
            cells.append((raw.strip().strip("'\"").strip(), start + 1))
            start = index + 1
    while cells and cells[-1][0] == "":
        cells.pop()
    return cells


def looks_like_decide(text: str) -> bool:
    """Whether the first non-empty row starts with one of decide's row types (``#A``, ``#P``, …)."""
    lines = text.splitlines()
    delimiter = _delimiter(lines)
    for line in lines:
        cells = _cells(line, delimiter)
        if cells:
            return cells[0][0] in _KINDS
    return False


def parse_decide_csv(text: str, path: str = "<decide file>", issue: str | None = None) -> ForecastInput:
    """Parse a decide input file; ``issue`` keeps one issue only.

    Examples
    --------
    >>> text = "#A;NL;Netherlands\\n#A;UK;United Kingdom\\n#P;year;\\n#M;year;4;1994\\n#M;year;10;2000\\n"
    >>> text += "#D;NL;year;4;0.8;0.08\\n#D;UK;year;10;0.9;0.16\\n"
    >>> data = parse_decide_csv(text)
    >>> data.actors, data.scale.tolist(), data.capability.tolist()
    (('NL', 'UK'), [[4.0, 10.0]], [0.08, 0.16])
    """
    problems: list[Problem] = []
    lines = text.splitlines()
    delimiter = _delimiter(lines)
    actors: list[str] = []
    issues: list[str] = []
    marks: dict[str, list[float]] = {}
    stands: dict[tuple[str, str], tuple[float, float, float, int]] = {}

    actor_lines: list[int] = []

    def number(
        cell: tuple[str, int], line: int, field: str, low: float | None, high: float | None
    ) -> float | None:
        value, column = cell
        try:
            parsed = float(value.replace(",", ".")) if delimiter != "," else float(value)
        except ValueError:
            problems.append(Problem(path, line, column, field, f"{value!r} is not a number"))
            return None
        if (low is not None and parsed < low) or (high is not None and parsed > high):
            problems.append(Problem(path, line, column, field, f"{value} is outside [{low:g}, {high:g}]"))
            return None
        return parsed

    for line_number, line in enumerate(lines, start=1):
        cells = _cells(line, delimiter)
        if not cells:
            continue
        kind, column = cells[0]
        if kind not in _KINDS:
            problems.append(
                Problem(path, line_number, column, "row type", f"{kind!r} is not one of #A #P #M #D #/ #O")
            )
            continue
        needed = {"#A": 2, "#P": 2, "#M": 3, "#D": 6}.get(kind, 1)
        if len(cells) < needed:
            problems.append(
                Problem(path, line_number, None, kind, f"{len(cells)} cells, a {kind} row needs {needed}")
            )
            continue
        if kind == "#A":
            if cells[1][0] in actors:
                problems.append(
                    Problem(path, line_number, cells[1][1], "actor", f"'{cells[1][0]}' appears twice")
                )
            actors.append(cells[1][0])
            actor_lines.append(line_number)
        elif kind == "#P":
            if cells[1][0] in issues:
                problems.append(
                    Problem(path, line_number, cells[1][1], "issue", f"'{cells[1][0]}' appears twice")
                )
            issues.append(cells[1][0])
        elif kind == "#M":
            mark = number(cells[2], line_number, f"{cells[1][0]}: position", None, None)
            if mark is not None:
                marks.setdefault(cells[1][0], []).append(mark)
        elif kind == "#D":
            actor, issue_name = cells[1][0], cells[2][0]
            label = f"{actor} on {issue_name}"
            if actor not in actors:
                problems.append(Problem(path, line_number, cells[1][1], "actor", f"'{actor}' has no #A row"))
            if issue_name not in issues:
                problems.append(
                    Problem(path, line_number, cells[2][1], "issue", f"'{issue_name}' has no #P row")
                )
            at = number(cells[3], line_number, f"{label}: position", None, None)
            care = number(cells[4], line_number, f"{label}: salience", 0.0, 1.0)
            power = number(cells[5], line_number, f"{label}: power", 0.0, 1.0)
            if (actor, issue_name) in stands:
                problems.append(Problem(path, line_number, cells[1][1], "actor", f"{label} appears twice"))
            if at is not None and care is not None and power is not None:
                stands[(actor, issue_name)] = (at, care, power, line_number)
    if problems:
        raise CaseError(problems)

    chosen = issues
    if issue is not None:
        if issue not in issues:
            raise CaseError(
                [Problem(path, None, None, "issue", f"no issue '{issue}' (issues: {', '.join(issues)})")]
            )
        chosen = [issue]
    bounds = {name: (min(marks.get(name, [0.0])), max(marks.get(name, [100.0]))) for name in chosen}
    bounds = {k: (lo, hi) if hi > lo else (0.0, 100.0) for k, (lo, hi) in bounds.items()}
    position = np.zeros((len(actors), len(chosen)))
    salience = np.zeros_like(position)
    capability = np.zeros(len(actors))
    for i, actor in enumerate(actors):
        powers: list[tuple[float, int]] = []
        for k, name in enumerate(chosen):
            stand = stands.get((actor, name))
            low, high = bounds[name]
            if stand is None:
                position[i, k] = (low + high) / 2
                continue
            value, weight, power, line_number = stand
            if not low <= value <= high:
                problems.append(
                    Problem(
                        path,
                        line_number,
                        None,
                        f"{actor} on {name}: position",
                        f"{value:g} is outside the issue's marks [{low:g}, {high:g}]",
                    )
                )
            position[i, k], salience[i, k] = value, weight
            powers.append((power, line_number))
        if powers and any(abs(p - powers[0][0]) > 1e-12 for p, _ in powers):
            differing = next(line for p, line in powers if abs(p - powers[0][0]) > 1e-12)
            problems.append(
                Problem(
                    path,
                    differing,
                    None,
                    f"{actor}: power",
                    "differs between issues; hexatable has one capability per actor, so forecast one issue "
                    "at a time (--issue)",
                )
            )
        capability[i] = powers[0][0] if powers else 0.0
    if problems:
        raise CaseError(problems)
    try:
        return ForecastInput.build(
            actors,
            capability,
            position,
            salience,
            dimensions=chosen,
            scale=[bounds[n] for n in chosen],
            name=path,
            origin=[f"{path}:{line}" for line in actor_lines],
        )
    except ForecastInputError as error:
        raise CaseError([Problem(path, None, None, error.field, error.message)]) from error
