"""Import GMCR+ ``.gmcr`` files (JSON) as conflict models, numbering states as GMCR+ does.

The fields read (GMCR+ / gmcr-py file format):

- ``options``: ``[{name, permittedDirection: both|fwd|back}, …]`` (``fwd``: may only be taken);
- ``decisionMakers``: ``[{name, options: [option index, …], preferences: [statement, …]}, …]`` where a
  statement is a conjunction ``[[option index, "Y"|"N"], …]`` or ``{"compound": true, "members":
  [conjunction, …]}`` (an OR); with ``useManualPreferenceRanking: true`` a DM's
  ``preferenceRanking`` (state numbers, most preferred first, a nested list for a tie) is used instead;
- ``infeasibles``: ``[conjunction, …]``; ``coalitions`` (optional): kept as lists of DM names.

Parsing is pure (text in, model out); every problem is a :class:`GmcrFileError` naming the JSON path
(``decisionMakers[1].preferences[0]``) and the line it stands on. JSON carries no positions, so on an
error the text is composed again as YAML (JSON is YAML's flow style) to find the line; a file YAML
cannot read (a duplicate key, a tab) still gets the path.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from hexatable.case.located_yaml import YamlSyntaxError, read_located
from hexatable.conflict.model import (
    Condition,
    ConflictModel,
    Conjunction,
    DecisionMaker,
    Direction,
    Disjunction,
    Feasibility,
    ModelError,
    Option,
    OptionPrioritisation,
    Preference,
    Ranking,
    Statement,
)


class GmcrFileError(ValueError):
    """A ``.gmcr`` file that cannot be read: where (JSON path, line when known) and why."""

    def __init__(self, where: str, message: str, line: int | None = None) -> None:
        self.where = where
        self.message = message
        self.line = line
        located = f"line {line}: " if line is not None else ""
        super().__init__(f"{located}{where}: {message}" if where else f"{located}{message}")


@dataclass(frozen=True)
class GmcrImport:
    """An imported model and its coalitions (each a tuple of DM names)."""

    model: ConflictModel
    coalitions: tuple[tuple[str, ...], ...]


def parse_gmcr(text: str, name: str = "") -> GmcrImport:
    """Read the JSON text of a ``.gmcr`` file.

    >>> text = '''{"options": [{"name": "a", "permittedDirection": "fwd"}, {"name": "b"}],
    ...   "decisionMakers": [{"name": "A", "options": [0], "preferences": [[[0, "Y"]]]},
    ...                      {"name": "B", "options": [1], "preferences": [[[1, "N"]]]}],
    ...   "infeasibles": [[[0, "Y"], [1, "Y"]]]}'''
    >>> imported = parse_gmcr(text)
    >>> [o.direction.value for o in imported.model.options]
    ['fwd', 'both']
    >>> parse_gmcr('{"options": [{"name": "a"}],\\n "decisionMakers": 3}')
    Traceback (most recent call last):
    ...
    hexatable.conflict.gmcr_file.GmcrFileError: line 2: decisionMakers: should be a list, not int
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise GmcrFileError("", f"not valid JSON: {error.msg}", error.lineno) from None
    try:
        return _import(data, name)
    except GmcrFileError as error:
        raise _located(error, text) from None


def _located(error: GmcrFileError, text: str) -> GmcrFileError:
    """The same error with the line of its JSON path, when the text can be read with positions."""
    if error.line is not None or not error.where:
        return error
    try:
        document = read_located(text)
    except YamlSyntaxError:
        return error
    path = tuple(int(part) if part.isdigit() else part for part in _PATH_PART.findall(error.where))
    return GmcrFileError(error.where, error.message, document.where(path)[0])


_PATH_PART = re.compile(r"[^.\[\]]+")
"""The keys and indices of a JSON path such as ``decisionMakers[1].preferences[0]``."""


def _import(data: Any, name: str) -> GmcrImport:
    """The model and coalitions from the parsed JSON, or the first problem found."""
    if not isinstance(data, dict):
        raise GmcrFileError("", "the file should hold a JSON object with 'options' and 'decisionMakers'")
    options = _options(_list(data, "options", "options"))
    dms = [
        _decision_maker(item, f"decisionMakers[{i}]", len(options))
        for i, item in enumerate(_list(data, "decisionMakers", "decisionMakers"))
    ]
    infeasibles = tuple(
        _conjunction(item, f"infeasibles[{i}]", len(options))
        for i, item in enumerate(_list(data, "infeasibles", "infeasibles", required=False))
    )
    names = {dm.name for dm in dms}
    coalitions = []
    for i, item in enumerate(_list(data, "coalitions", "coalitions", required=False)):
        members = _coalition_members(item, f"coalitions[{i}]", dms)
        if len(members) > 1:
            coalitions.append(members)
        unknown = [m for m in members if m not in names]
        if unknown:
            raise GmcrFileError(f"coalitions[{i}]", f"unknown decision maker(s) {unknown}")
    try:
        model = ConflictModel(
            options=options,
            decision_makers=tuple(dms),
            feasibility=Feasibility(infeasible=infeasibles),
            name=name,
        )
    except ModelError as error:
        raise GmcrFileError("decisionMakers", str(error)) from None
    return GmcrImport(model=model, coalitions=tuple(coalitions))


def _list(data: dict[str, Any], key: str, where: str, required: bool = True) -> list[Any]:
    value = data.get(key)
    if value is None:
        if required:
            raise GmcrFileError(where, "missing")
        return []
    if not isinstance(value, list):
        raise GmcrFileError(where, f"should be a list, not {type(value).__name__}")
    return value


def _options(items: list[Any]) -> tuple[Option, ...]:
    options = []
    for i, item in enumerate(items):
        where = f"options[{i}]"
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise GmcrFileError(where, "an option is an object with a 'name'")
        direction = item.get("permittedDirection", "both")
        try:
            options.append(Option(item["name"], Direction(direction)))
        except ValueError:
            raise GmcrFileError(
                f"{where}.permittedDirection", f"{direction!r} is not one of both, fwd, back"
            ) from None
    return tuple(options)


def _decision_maker(item: Any, where: str, option_count: int) -> DecisionMaker:
    if not isinstance(item, dict) or not isinstance(item.get("name"), str):
        raise GmcrFileError(where, "a decision maker is an object with a 'name'")
    owned = item.get("options", [])
    if not isinstance(owned, list) or not all(_is_index(k, option_count) for k in owned):
        raise GmcrFileError(f"{where}.options", f"a list of option indices 0-{option_count - 1}")
    preference: Preference
    if item.get("useManualPreferenceRanking"):
        preference = _ranking(item.get("preferenceRanking"), f"{where}.preferenceRanking")
    else:
        statements = item.get("preferences", [])
        if not isinstance(statements, list):
            raise GmcrFileError(f"{where}.preferences", "should be a list of statements")
        preference = OptionPrioritisation(
            tuple(
                _statement(statement, f"{where}.preferences[{k}]", option_count)
                for k, statement in enumerate(statements)
            )
        )
    return DecisionMaker(item["name"], tuple(owned), preference)


def _statement(item: Any, where: str, option_count: int) -> Statement:
    disjunction: Disjunction
    if isinstance(item, dict):
        if not item.get("compound"):
            raise GmcrFileError(where, "an object statement needs 'compound': true and 'members'")
        members = item.get("members")
        if not isinstance(members, list) or not members:
            raise GmcrFileError(f"{where}.members", "a non-empty list of conjunctions")
        disjunction = tuple(
            _conjunction(member, f"{where}.members[{m}]", option_count) for m, member in enumerate(members)
        )
    else:
        disjunction = (_conjunction(item, where, option_count),)
    return Statement(condition=disjunction)


def _conjunction(item: Any, where: str, option_count: int) -> Conjunction:
    if not isinstance(item, list) or not item:
        raise GmcrFileError(where, 'a conjunction is a non-empty list of [option index, "Y"|"N"]')
    conditions = []
    for c, pair in enumerate(item):
        ok = isinstance(pair, list) and len(pair) == 2 and _is_index(pair[0], option_count)
        if not ok or pair[1] not in ("Y", "N"):
            raise GmcrFileError(
                f"{where}[{c}]", f'expected [option index 0-{option_count - 1}, "Y"|"N"], got {pair!r}'
            )
        conditions.append(Condition(pair[0], pair[1] == "Y"))
    return tuple(conditions)


def _ranking(item: Any, where: str) -> Ranking:
    if not isinstance(item, list):
        raise GmcrFileError(where, "a list of state numbers (a nested list for a tie)")
    groups = []
    for g, group in enumerate(item):
        members = group if isinstance(group, list) else [group]
        if not all(isinstance(n, int) and not isinstance(n, bool) for n in members):
            raise GmcrFileError(f"{where}[{g}]", f"state numbers are integers, got {group!r}")
        groups.append(tuple(members))
    return Ranking(tuple(groups))


def _coalition_members(item: Any, where: str, dms: list[DecisionMaker]) -> tuple[str, ...]:
    members = item.get("members") if isinstance(item, dict) else item
    if not isinstance(members, list):
        raise GmcrFileError(where, "a coalition is a list of decision makers (indices or names)")
    names = []
    for member in members:
        if isinstance(member, int) and 0 <= member < len(dms):
            names.append(dms[member].name)
        elif isinstance(member, str):
            names.append(member)
        else:
            raise GmcrFileError(where, f"{member!r} is not a decision maker index or name")
    return tuple(names)


def _is_index(value: Any, count: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < count
