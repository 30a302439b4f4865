"""Import GMCR+ ``.gmcr`` files (JSON) as conflict models, reading and numbering them as GMCR+ does.

The layout, as GMCR+ (gmcr-py, ``data_01_conflictModel.py``) writes and reads it:

- ``options``: ``[{name, permittedDirection: both|fwd|back}, …]`` (``fwd``: may only be taken);
- ``decisionMakers``: ``[{name, options: [option index, …], preferences: [statement, …],
  preferenceRanking, misperceptions}, …]``; a statement is a conjunction ``[[option index, "Y"|"N"],
  …]`` or ``{"compound": true, "members": [conjunction, …]}`` (an OR), most important first;
- ``useManualPreferenceRanking`` (top level, once for the whole file; older files:
  ``useManualPreferenceVectors``): when true, each DM's ``preferenceRanking`` (older files:
  ``preferenceVector``) ranks the states and the statements are ignored. A ranking runs from most to
  least preferred; an element is a state number or a list of equally preferred state numbers;
- ``infeasibles``: ``[conjunction, …]``;
- ``coalitions`` (optional): a partition of the DMs, an integer for a DM on its own and a list of DM
  indices for a coalition;
- ``misperceptions`` (per DM): conjunctions naming states the DM does not see. The engine does not
  model them, so a file with any is refused with a message (dropping them would change the answer).

GMCR+ first regroups the options by decision maker (in DM order, each DM's options in the order of its
own list), then option ``k`` adds ``2**k`` to a state's code and the feasible states, sorted by code, are
numbered from 1; rankings refer to these numbers. Files GMCR+ writes are already grouped; a hand-made
file with interleaved options is regrouped here the same way, so its state numbers are GMCR+'s.

The size is estimated before anything is built (:mod:`hexatable.conflict.size`): a model past the
documented memory limit is refused with a message naming the limit. Doubtful names (two DMs differing
only in case, two options with one name, an empty name, a DM without options, a DM listed twice in a
coalition) are reported as :attr:`GmcrImport.warnings`.

Parsing is pure (text in, model out); every problem is a :class:`GmcrFileError` naming the JSON path
(``decisionMakers[1].preferences[0]``) and the line it stands on. JSON carries no positions, so on an
error the text is composed again as YAML (JSON is YAML's flow style) to find the line; a file YAML
cannot read (a duplicate key, a tab) still gets the path.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
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
from hexatable.conflict.size import SizeEstimate, check_size


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
    """An imported model, its coalitions (each a tuple of DM names), warnings and estimated size."""

    model: ConflictModel
    coalitions: tuple[tuple[str, ...], ...]
    warnings: tuple[str, ...] = ()
    size: SizeEstimate | None = None


def parse_gmcr(text: str, name: str = "") -> GmcrImport:
    """Read the JSON text of a ``.gmcr`` file.

    >>> text = '''{"useManualPreferenceRanking": false,
    ...   "options": [{"name": "a", "permittedDirection": "fwd"}, {"name": "b"}],
    ...   "decisionMakers": [{"name": "A", "options": [0], "preferences": [[[0, "Y"]]]},
    ...                      {"name": "B", "options": [1], "preferences": [[[1, "N"]]]}],
    ...   "infeasibles": [[[0, "Y"], [1, "Y"]]]}'''
    >>> imported = parse_gmcr(text)
    >>> [o.direction.value for o in imported.model.options], imported.size.states
    (['fwd', 'both'], 3)
    >>> parse_gmcr('{"options": [{"name": "a"}],\\n "decisionMakers": 3}')
    Traceback (most recent call last):
    ...
    hexatable.conflict.gmcr_file.GmcrFileError: line 2: decisionMakers: should be a list, not int
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise GmcrFileError("", f"not valid JSON: {error.msg}", error.lineno) from None
    except RecursionError:
        raise GmcrFileError(
            "", "nested too deeply to read (a GMCR+ file nests lists and objects a few levels deep)"
        ) from None
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
    except (YamlSyntaxError, RecursionError):
        return error
    path = tuple(int(part) if part.isdigit() else part for part in _PATH_PART.findall(error.where))
    return GmcrFileError(error.where, error.message, document.where(path)[0])


_PATH_PART = re.compile(r"[^.\[\]]+")
"""The keys and indices of a JSON path such as ``decisionMakers[1].preferences[0]``."""


@dataclass(frozen=True)
class _RawDecisionMaker:
    """A DM as the file gives it: option indices and conditions still in the file's option order."""

    where: str
    name: str
    owned: tuple[int, ...]
    preference: Preference
    ranking_where: str = ""


def _import(data: Any, name: str) -> GmcrImport:
    """The model, coalitions and warnings from the parsed JSON, or the first problem found."""
    if not isinstance(data, dict):
        raise GmcrFileError("", "the file should hold a JSON object with 'options' and 'decisionMakers'")
    options = _options(_list(data, "options", "options"))
    manual = _manual_flag(data)
    warnings: list[str] = []
    raw = [
        _decision_maker(item, f"decisionMakers[{i}]", len(options), manual, warnings)
        for i, item in enumerate(_list(data, "decisionMakers", "decisionMakers"))
    ]
    infeasibles = tuple(
        _conjunction(item, f"infeasibles[{i}]", len(options))
        for i, item in enumerate(_list(data, "infeasibles", "infeasibles", required=False))
    )
    order = _grouped_order(raw, options)
    new_index = {old: new for new, old in enumerate(order)}
    dms = tuple(
        DecisionMaker(dm.name, tuple(new_index[k] for k in dm.owned), _renumbered(dm.preference, new_index))
        for dm in raw
    )
    warnings.extend(_doubtful_names(raw, options))
    coalitions = _coalitions(data, raw, warnings)
    try:
        model = ConflictModel(
            options=tuple(options[k] for k in order),
            decision_makers=dms,
            feasibility=Feasibility(
                infeasible=tuple(_renumbered_conjunction(c, new_index) for c in infeasibles)
            ),
            name=name,
        )
    except ModelError as error:
        raise GmcrFileError("decisionMakers", str(error)) from None
    try:
        size = check_size(model, coalitions)
    except ModelError as error:
        raise GmcrFileError("", str(error)) from None
    if size.exact:
        for dm in raw:
            if isinstance(dm.preference, Ranking):
                _check_ranking(dm.preference, size.states, dm.ranking_where)
    names = tuple(tuple(raw[i].name for i in members) for members in coalitions)
    return GmcrImport(model=model, coalitions=names, warnings=tuple(warnings), size=size)


def _list(data: dict[str, Any], key: str, where: str, required: bool = True) -> list[Any]:
    value = data.get(key)
    if value is None:
        if required:
            raise GmcrFileError(where, "missing")
        return []
    if not isinstance(value, list):
        raise GmcrFileError(where, f"should be a list, not {type(value).__name__}")
    return value


def _manual_flag(data: dict[str, Any]) -> bool:
    """Top-level ``useManualPreferenceRanking``, else the older ``useManualPreferenceVectors``."""
    for key in ("useManualPreferenceRanking", "useManualPreferenceVectors"):
        if key in data:
            value = data[key]
            if not isinstance(value, bool):
                raise GmcrFileError(key, f"should be true or false, not {value!r}")
            return value
    return False


def _options(items: list[Any]) -> list[Option]:
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
    return options


def _decision_maker(
    item: Any, where: str, option_count: int, manual: bool, warnings: list[str]
) -> _RawDecisionMaker:
    if not isinstance(item, dict) or not isinstance(item.get("name"), str):
        raise GmcrFileError(where, "a decision maker is an object with a 'name'")
    if "useManualPreferenceRanking" in item:
        raise GmcrFileError(
            f"{where}.useManualPreferenceRanking",
            "GMCR+ reads this flag once, at the top level of the file, not per decision maker: move it there",
        )
    owned = item.get("options", [])
    if not isinstance(owned, list) or not all(_is_index(k, option_count) for k in owned):
        raise GmcrFileError(f"{where}.options", f"a list of option indices 0-{option_count - 1}")
    _refuse_misperceptions(item.get("misperceptions"), f"{where}.misperceptions")
    preference: Preference
    ranking_key = "preferenceRanking" if "preferenceRanking" in item else "preferenceVector"
    if manual:
        if ranking_key not in item:
            raise GmcrFileError(
                f"{where}.preferenceRanking", "missing (the file's useManualPreferenceRanking is true)"
            )
        preference = _ranking(item[ranking_key], f"{where}.{ranking_key}")
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
        if item.get(ranking_key):
            warnings.append(
                f"{where}.{ranking_key}: ignored, as GMCR+ ignores it: the file's useManualPreferenceRanking"
                " is not true, so the preference statements rank the states"
            )
        if not statements:
            warnings.append(
                f"{where}.preferences: {item['name']!r} has no preference statements, so it is indifferent "
                "between all states (every state is stable for it)"
            )
    owned = tuple(dict.fromkeys(owned))  # GMCR+ ignores an option listed twice
    return _RawDecisionMaker(where, item["name"], owned, preference, f"{where}.{ranking_key}")


def _refuse_misperceptions(value: Any, where: str) -> None:
    """Misperceptions change who can move where; the engine does not model them, so refuse any."""
    if value is None or value == []:
        return
    if not isinstance(value, list):
        raise GmcrFileError(where, f"should be a list, not {type(value).__name__}")
    raise GmcrFileError(
        where,
        "hexatable does not analyse misperceptions (GMCR+ removes a DM's moves to and from the states it "
        "misperceives); remove them to analyse the conflict as every DM sees it",
    )


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
    """Conditions joined by AND, each option at most once.

    GMCR+ never writes an option twice in one condition, and reads a hand-made one wrongly (it keeps the
    option once but not its Y/N, pairing the later conditions with the wrong options), so it is refused.
    """
    if not isinstance(item, list) or not item:
        raise GmcrFileError(where, 'a conjunction is a non-empty list of [option index, "Y"|"N"]')
    conditions: dict[int, Condition] = {}
    for c, pair in enumerate(item):
        ok = isinstance(pair, list) and len(pair) == 2 and _is_index(pair[0], option_count)
        if not ok or pair[1] not in ("Y", "N"):
            raise GmcrFileError(
                f"{where}[{c}]", f'expected [option index 0-{option_count - 1}, "Y"|"N"], got {pair!r}'
            )
        if pair[0] in conditions:
            raise GmcrFileError(
                f"{where}[{c}]", f"option {pair[0]} is already in this condition: name each option once"
            )
        conditions[pair[0]] = Condition(pair[0], pair[1] == "Y")
    return tuple(conditions.values())


def _ranking(item: Any, where: str) -> Ranking:
    """Most preferred first; an element is a state number or a list of equally preferred ones."""
    if not isinstance(item, list):
        raise GmcrFileError(where, "a list of state numbers, most preferred first (a nested list for a tie)")
    groups = []
    for g, group in enumerate(item):
        members = group if isinstance(group, list) else [group]
        if not all(isinstance(n, int) and not isinstance(n, bool) for n in members):
            raise GmcrFileError(
                f"{where}[{g}]", f"a state number or a list of state numbers (a tie), got {group!r}"
            )
        groups.append(tuple(members))
    return Ranking(tuple(groups))


def _check_ranking(ranking: Ranking, count: int, where: str) -> None:
    """Every feasible state exactly once, as GMCR+ requires (``validatePreferenceRanking``)."""
    seen: set[int] = set()
    for g, group in enumerate(ranking.groups):
        for number in group:
            if not 1 <= number <= count:
                raise GmcrFileError(f"{where}[{g}]", f"state {number} does not exist: states are 1-{count}")
            if number in seen:
                raise GmcrFileError(f"{where}[{g}]", f"state {number} is ranked twice")
            seen.add(number)
    missing = sorted(set(range(1, count + 1)) - seen)
    if missing:
        shown = ", ".join(map(str, missing[:10])) + (", …" if len(missing) > 10 else "")
        raise GmcrFileError(where, f"leaves out state(s) {shown} of the {count} feasible states")


def _grouped_order(raw: Sequence[_RawDecisionMaker], options: Sequence[Option]) -> list[int]:
    """The file's option indices regrouped by DM, as GMCR+'s ``reorderOptionsByDM`` leaves them.

    Every option must have exactly one owner (the engine needs it; GMCR+ would also let an option be
    shared or unowned, and then its regrouping is no longer a plain grouping).
    """
    owner: dict[int, str] = {}
    order = []
    for dm in raw:
        for k in dm.owned:
            if k in owner:
                raise GmcrFileError(
                    f"{dm.where}.options",
                    f"option {k} ({options[k].name!r}) is already controlled by {owner[k]}; "
                    "each option has one decision maker",
                )
            owner[k] = f"{dm.where} ({dm.name!r})"
            order.append(k)
    for k, option in enumerate(options):
        if k not in owner:
            raise GmcrFileError(f"options[{k}]", f"no decision maker controls option {option.name!r}")
    return order


def _renumbered_conjunction(conjunction: Conjunction, new_index: dict[int, int]) -> Conjunction:
    return tuple(Condition(new_index[c.option], c.taken) for c in conjunction)


def _renumbered(preference: Preference, new_index: dict[int, int]) -> Preference:
    """Statements with option indices in the regrouped order (rankings name states, not options)."""
    if not isinstance(preference, OptionPrioritisation):
        return preference
    return OptionPrioritisation(
        tuple(
            Statement(
                condition=tuple(_renumbered_conjunction(c, new_index) for c in s.condition),
                kind=s.kind,
                premise=tuple(_renumbered_conjunction(c, new_index) for c in s.premise),
                label=s.label,
            )
            for s in preference.statements
        )
    )


def _doubtful_names(raw: Sequence[_RawDecisionMaker], options: Sequence[Option]) -> list[str]:
    """Names a reader would likely trip over; two DMs with one exact name are an error."""
    warnings = []
    by_fold: dict[str, _RawDecisionMaker] = {}
    for dm in raw:
        if not dm.name.strip():
            warnings.append(f"{dm.where}.name: the decision maker has an empty name")
        if not dm.owned:
            warnings.append(f"{dm.where}.options: {dm.name!r} controls no option, so it can never move")
        other = by_fold.get(dm.name.casefold())
        if other is not None and other.name == dm.name:
            raise GmcrFileError(f"{dm.where}.name", f"{dm.name!r} is also the name of {other.where}")
        if other is not None:
            warnings.append(
                f"{dm.where}.name: {dm.name!r} and {other.name!r} ({other.where}) differ only in case; "
                "--dm and --coalition cannot tell them apart"
            )
        by_fold.setdefault(dm.name.casefold(), dm)
    owner = {k: dm.name for dm in raw for k in dm.owned}
    first: dict[str, int] = {}
    for k, option in enumerate(options):
        if not option.name.strip():
            warnings.append(f"options[{k}].name: the option has an empty name")
        elif option.name in first:
            same = first[option.name]
            warnings.append(
                f"options[{k}].name: {option.name!r} ({owner.get(k)}) is also the name of options[{same}] "
                f"({owner.get(same)}); reports tell them apart by number only"
            )
        first.setdefault(option.name, k)
    return warnings


def _coalitions(
    data: dict[str, Any], raw: Sequence[_RawDecisionMaker], warnings: list[str]
) -> list[list[int]]:
    """The coalitions of two or more DMs (by index) from GMCR+'s partition of the DMs."""
    items = _list(data, "coalitions", "coalitions", required=False)
    placed: dict[int, str] = {}
    groups = []
    for i, item in enumerate(items):
        where = f"coalitions[{i}]"
        members = item.get("members") if isinstance(item, dict) else item
        if isinstance(members, int) and not isinstance(members, bool):
            members = [members]
        if not isinstance(members, list):
            raise GmcrFileError(where, "a DM index (a DM on its own) or a list of DM indices (a coalition)")
        indices: list[int] = []
        for member in members:
            index = _dm_index(member, raw)
            if index is None:
                raise GmcrFileError(
                    where, f"{member!r} is not a decision maker index 0-{len(raw) - 1} or name"
                )
            if index in indices:
                warnings.append(f"{where}: lists {raw[index].name!r} twice; counted once")
                continue
            if index in placed:
                raise GmcrFileError(
                    where,
                    f"{raw[index].name!r} is already in {placed[index]}: coalitions are a partition of the "
                    "decision makers, each DM in one",
                )
            placed[index] = where
            indices.append(index)
        if len(indices) > 1:
            groups.append(indices)
    if items and len(placed) < len(raw):
        alone = ", ".join(repr(dm.name) for i, dm in enumerate(raw) if i not in placed)
        warnings.append(
            f"coalitions: {alone} in no coalition; each acts on its own here (GMCR+ ignores coalitions that "
            "do not place every decision maker)"
        )
    return groups


def _dm_index(member: Any, raw: Sequence[_RawDecisionMaker]) -> int | None:
    if isinstance(member, int) and not isinstance(member, bool):
        return member if 0 <= member < len(raw) else None
    if isinstance(member, str):
        return next((i for i, dm in enumerate(raw) if dm.name == member), None)
    return None


def _is_index(value: Any, count: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < count
