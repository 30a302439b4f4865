"""Import KTAB's actor CSV (the spatial model's input file) as a :class:`ForecastInput`.

The format, as KTAB's ``SMPModel::csvRead`` reads it:

- a title row: scenario name, description, number of actors, number of dimensions;
- a header row: ``Actor, Description, Power``, then a position and a salience column per dimension
  (the position column's header names the dimension);
- one row per actor: name, description, capability, then position and salience per dimension.

Positions and saliences are on [0, 100]; an actor's saliences add up to at most 100. Rows may end in
a comma. The scale of every dimension is [0, 100]; saliences become fractions (``/ 100``). Every
problem is reported with its file, line, column and field, all at once.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from hexatable.case.problems import CaseError, Problem
from hexatable.forecast.inputs import CAPABILITY_LIMIT, ForecastInput, ForecastInputError

_TOTAL_SALIENCE_LIMIT = 100.0 + 1e-6


def _fields(line: str) -> list[tuple[str, int]]:
    """The fields of one CSV line with the 1-based column each starts at; trailing empties dropped.

    Commas inside double quotes do not split; quotes and surrounding blanks are removed.
    """
    located: list[tuple[str, int]] = []
    start, quoted = 0, False
    for index, char in enumerate(line + ","):
        if char == '"':
            quoted = not quoted
        elif char == "," and not quoted:
            located.append((line[start:index].strip().strip('"').strip(), start + 1))
            start = index + 1
    while located and located[-1][0] == "":
        located.pop()
    return located


def _number(
    cell: tuple[str, int],
    field: str,
    low: float,
    high: float | None,
    line: int,
    problem: Callable[[int, int | None, str, str], None],
) -> float:
    """A cell as a number within bounds; 0 after reporting a problem."""
    value, column = cell
    try:
        parsed = float(value)
    except ValueError:
        problem(line, column, field, f"{value!r} is not a number")
        return 0.0
    if not np.isfinite(parsed) or parsed < low or (high is not None and parsed > high):
        bounds = f"[{low:g}, {high:g}]" if high is not None else f"≥ {low:g}"
        problem(line, column, field, f"{value} is outside {bounds}")
        return 0.0
    return parsed


def parse_ktab_csv(text: str, path: str = "<ktab csv>") -> ForecastInput:
    """Parse the text of a KTAB actor CSV file; ``path`` is used in messages only.

    Raises
    ------
    CaseError
        Listing every problem as ``path:line:column: field: message``.

    Examples
    --------
    >>> text = "EC,emissions,2,1,\\nActor,Description,Power,Year,Sal,\\nNL,,8,4,80,\\nUK,,16,10,90,\\n"
    >>> data = parse_ktab_csv(text)
    >>> data.actors, data.position[:, 0].tolist(), data.salience[:, 0].tolist()
    (('NL', 'UK'), [4.0, 10.0], [0.8, 0.9])
    """
    problems: list[Problem] = []

    def problem(line: int, column: int | None, field: str, message: str) -> None:
        problems.append(Problem(path, line, column, field, message))

    lines = [(number, line) for number, line in enumerate(text.splitlines(), start=1) if line.strip()]
    if len(lines) < 2:
        raise CaseError([Problem(path, None, None, "", "expected a title row, a header row and actor rows")])

    title_line, title_text = lines[0]
    title = _fields(title_text)
    name = title[0][0] if title else ""
    counts: list[int] = []
    for index, what in ((2, "number of actors"), (3, "number of dimensions")):
        if len(title) <= index:
            problem(
                title_line, None, what, "missing from the title row (name, description, actors, dimensions)"
            )
            continue
        value, column = title[index]
        try:
            count = int(value)
        except ValueError:
            problem(title_line, column, what, f"{value!r} is not a whole number")
            continue
        if count < 1:
            problem(title_line, column, what, "must be at least 1")
            continue
        counts.append(count)
    if problems:
        raise CaseError(problems)
    n_actors, n_dims = counts

    header_line, header_text = lines[1]
    header = _fields(header_text)
    expected_columns = 3 + 2 * n_dims
    if len(header) < expected_columns:
        problem(
            header_line,
            None,
            "header",
            f"{len(header)} columns; {n_dims} dimension(s) need {expected_columns} "
            "(Actor, Description, Power, then position and salience per dimension)",
        )
        raise CaseError(problems)
    dimensions = tuple(header[3 + 2 * k][0] or f"dimension-{k + 1}" for k in range(n_dims))
    for k, dimension in enumerate(dimensions):
        if dimension in dimensions[:k]:
            problem(
                header_line,
                header[3 + 2 * k][1],
                "header",
                f"dimension {dimension!r} appears twice (each position column needs its own name)",
            )

    rows = lines[2:]
    if len(rows) != n_actors:
        problem(
            title_line,
            title[2][1],
            "number of actors",
            f"says {n_actors}, the file has {len(rows)} actor rows",
        )
    actors: list[str] = []
    origin = [f"{path}:{line}" for line, _ in rows]
    capability = np.zeros(len(rows))
    position = np.zeros((len(rows), n_dims))
    salience = np.zeros((len(rows), n_dims))
    for i, (line, row_text) in enumerate(rows):
        row = _fields(row_text)
        if len(row) < expected_columns:
            problem(line, None, "row", f"{len(row)} fields, expected {expected_columns}")
            actors.append(row[0][0] if row else f"row-{line}")
            continue
        actor, actor_column = row[0]
        if not actor:
            problem(line, actor_column, "Actor", "an actor needs a name")
        elif actor in actors:
            problem(line, actor_column, "Actor", f"{actor!r} appears twice")
        actors.append(actor or f"row-{line}")
        label = actor or f"row {line}"

        def number(field_index: int, field: str, low: float, high: float | None) -> float:
            return _number(row[field_index], f"{label}: {field}", low, high, line, problem)  # noqa: B023

        capability[i] = number(2, header[2][0] or "Power", 0.0, CAPABILITY_LIMIT)
        for k in range(n_dims):
            position[i, k] = number(3 + 2 * k, header[3 + 2 * k][0] or f"Pstn{k + 1}", 0.0, 100.0)
            salience[i, k] = number(4 + 2 * k, header[4 + 2 * k][0] or f"Sal{k + 1}", 0.0, 100.0)
        if salience[i].sum() > _TOTAL_SALIENCE_LIMIT:
            problem(
                line, None, f"{label}: salience", f"saliences add up to {salience[i].sum():g}, more than 100"
            )
    if problems:
        raise CaseError(problems)
    try:
        return ForecastInput.build(
            actors,
            capability,
            position,
            salience / 100.0,
            dimensions=dimensions,
            scale=[(0.0, 100.0)] * n_dims,
            name=name,
            origin=origin,
        )
    except ForecastInputError as error:
        raise CaseError([Problem(path, None, None, error.field, error.message)]) from error
