"""Load a case folder into a :class:`~hexatable.case.models.Case`, reporting every problem at once.

Loading is in three passes, each reporting all it finds, located as ``path:line:column: field``:

1. **read**: each ``*.yaml`` file is parsed (YAML syntax, duplicate keys) and its top-level keys
   checked against the known collections;
2. **validate**: each record is validated on its own (types, required and unknown fields, dates,
   ids, enumerations);
3. **link**: ids are unique, and every reference (actor, source, session, document, commitment)
   resolves; every quote whose source file can be found is checked against it.

A source's ``file`` is looked for in the case folder's ``sources/`` subfolder first (short excerpts
shipped with the case, so their quotes are always checked), then in ``sources_dir`` when one is given.
:func:`check_case` also says how many citations were checked and which sources could not be (no
``file``, or the file found in neither place), so that "valid" never hides quotes nobody read.

Any problem raises :class:`~hexatable.case.problems.CaseError` listing them all; nothing is returned
half-loaded.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from hexatable.case.conflict_checks import conflict_problems
from hexatable.case.forecast_checks import forecast_problems
from hexatable.case.ledger_checks import ledger_problems
from hexatable.case.located_yaml import LocatedDocument, YamlSyntaxError, read_located
from hexatable.case.models import (
    COLLECTIONS,
    PATTERN_HINTS,
    Case,
    CaseInfo,
    Conflict,
    Document,
    Forecast,
    Implementation,
    Issue,
    Record,
    Scenario,
    Session,
    Source,
)
from hexatable.case.problems import CaseError, Problem, display_path
from hexatable.case.quotes import SourceText
from hexatable.case.references import citations, references
from hexatable.case.roadmap_checks import roadmap_problems
from hexatable.case.roadmap_models import Roadmap
from hexatable.case.scenario_checks import scenario_problems

CASE_KEY = "case"
YAML_SUFFIXES = (".yaml", ".yml")
CASE_SOURCES = "sources"
"""The case folder's subfolder of source excerpts, searched before ``sources_dir``."""


@dataclass(frozen=True)
class UncheckedSource:
    """A cited source whose quotes could not be checked: how many citations, and why.

    ``problem`` locates it at the source's entry, for ``validate --strict``, which counts it as one.
    """

    source: str
    citations: int
    reason: str
    problem: Problem

    def to_dict(self) -> dict[str, object]:
        return {"source": self.source, "citations": self.citations, "reason": self.reason}


@dataclass(frozen=True)
class QuoteCoverage:
    """How many citations were checked against a source text, and the sources that could not be."""

    checked: int
    unchecked_sources: tuple[UncheckedSource, ...]

    @property
    def unchecked(self) -> int:
        """The number of citations not checked."""
        return sum(u.citations for u in self.unchecked_sources)


@dataclass(frozen=True)
class CheckedCase:
    """A loaded case and the coverage of its quote check."""

    case: Case
    quotes: QuoteCoverage


@dataclass(frozen=True)
class Origin:
    """Where a record was read: its file, the located document, and its path in that document."""

    file: str
    document: LocatedDocument
    path: tuple[str | int, ...]

    def problem(self, inner: Sequence[str | int], message: str) -> Problem:
        """A problem at ``inner`` (a path inside the record), located in the file."""
        line, column = self.document.where((*self.path, *inner))
        return Problem(self.file, line, column, field_name((*self.path, *inner)), message)


def field_name(path: Sequence[str | int]) -> str:
    """``("events", 3, "date")`` as ``events[3].date``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def load_case(folder: str | Path, *, sources_dir: str | Path | None = None) -> Case:
    """Load and check the case in ``folder``.

    Parameters
    ----------
    folder
        A case folder of YAML files.
    sources_dir
        When given, a further folder of the source files named by the case's sources (after the
        case's own ``sources/``); every quote of a source whose file is found is checked.

    Returns
    -------
    Case
        The whole case, with every reference resolved.

    Raises
    ------
    CaseError
        With every problem found, located as ``path:line:column: field: message``.
    """
    return check_case(folder, sources_dir=sources_dir).case


def check_case(folder: str | Path, *, sources_dir: str | Path | None = None) -> CheckedCase:
    """Like :func:`load_case`, and also count the citations checked and those that could not be."""
    folder = Path(folder)
    shown = display_path(folder)
    if not folder.is_dir():
        raise CaseError([Problem(shown, None, None, "", "no such case folder")])
    files = sorted(p for p in folder.iterdir() if p.suffix in YAML_SUFFIXES and p.is_file())
    if not files:
        raise CaseError([Problem(shown, None, None, "", "the folder holds no .yaml files")])

    problems: list[Problem] = []
    infos: list[tuple[CaseInfo, Origin]] = []
    records: dict[str, list[tuple[Record, Origin]]] = {name: [] for name in COLLECTIONS}
    invalid_ids: dict[str, set[str]] = {}
    for file in files:
        _read_file(file, infos, records, invalid_ids, problems)

    if not infos and not any(p.field == CASE_KEY for p in problems):
        problems.append(Problem(shown, None, None, CASE_KEY, "no file of the case defines 'case'"))
    for _, origin in infos[1:]:
        first = infos[0][1]
        problems.append(origin.problem((), f"'case' is defined again (first in {first.file})"))
    problems.extend(_link(infos, records, invalid_ids))
    search = [folder / CASE_SOURCES, *([Path(sources_dir)] if sources_dir is not None else [])]
    coverage = _check_quotes(records, search, problems)
    if problems:
        raise CaseError(problems)

    case = Case(
        info=infos[0][0],
        **{name: [record for record, _ in items] for name, items in records.items()},
    )
    return CheckedCase(case, coverage)


def _read_file(
    file: Path,
    infos: list[tuple[CaseInfo, Origin]],
    records: dict[str, list[tuple[Record, Origin]]],
    invalid_ids: dict[str, set[str]],
    problems: list[Problem],
) -> None:
    shown = display_path(file)
    try:
        document = read_located(file.read_text(encoding="utf-8"))
    except UnicodeDecodeError as error:
        problems.append(Problem(shown, 1, 1, "", f"not UTF-8 text ({error.reason})"))
        return
    except OSError as error:
        problems.append(Problem(shown, None, None, "", f"cannot read the file ({error.strerror})"))
        return
    except YamlSyntaxError as error:
        problems.append(Problem(shown, error.line, error.column, "", error.message))
        return
    data = document.data
    if data is None:
        return  # an empty file contributes nothing
    if not isinstance(data, dict):
        problems.append(Problem(shown, 1, 1, "", "a case file must be a mapping of collections"))
        return
    known = ", ".join([CASE_KEY, *COLLECTIONS])
    for raw_key, value in data.items():
        key = str(raw_key)
        origin = Origin(shown, document, (key,))
        if key == CASE_KEY:
            info = validate_record(CaseInfo, value, origin, problems)
            if isinstance(info, CaseInfo):
                infos.append((info, origin))
        elif key in COLLECTIONS:
            if not isinstance(value, list):
                problems.append(origin.problem((), f"'{key}' must be a list"))
                continue
            for index, item in enumerate(value):
                item_origin = Origin(shown, document, (key, index))
                record = validate_record(COLLECTIONS[key], item, item_origin, problems)
                if record is not None:
                    records[key].append((record, item_origin))
                else:
                    _remember_ids(key, item, invalid_ids)
        else:
            problems.append(origin.problem((), f"unknown collection '{key}'; use one of {known}"))


def _remember_ids(collection: str, item: object, invalid_ids: dict[str, set[str]]) -> None:
    """Keep the ids of a record that failed validation, so references to it do not fail too."""
    if not isinstance(item, dict):
        return
    if isinstance(item.get("id"), str):
        invalid_ids.setdefault(collection, set()).add(item["id"])
    if collection == "documents" and isinstance(item.get("commitments"), list):
        for commitment in item["commitments"]:
            _remember_ids("commitments", commitment, invalid_ids)


def validate_record(model: type[Record], data: Any, origin: Origin, problems: list[Problem]) -> Record | None:
    """``data`` as a ``model`` record, or ``None`` with each validation error appended to ``problems``
    located in the file through ``origin`` (also used for files outside a case folder)."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        for detail in error.errors():
            problems.append(_located(detail, origin))
        return None


def _located(detail: ErrorDetails, origin: Origin) -> Problem:
    """Turn a pydantic error into a located problem with a plain message."""
    loc = [part for part in detail["loc"] if isinstance(part, int | str)]
    # Keep the part of pydantic's location that names real data; a missing field is named after it.
    path: list[str | int] = []
    for part in loc:
        candidate = [*origin.path, *path, part]
        if origin.document.has(candidate):
            path.append(part)
        elif detail["type"] == "missing" and isinstance(part, str):
            line, column = origin.document.where([*origin.path, *path])
            return Problem(
                origin.file,
                line,
                column,
                field_name([*origin.path, *path, part]),
                "missing required field",
            )
        else:
            break
    return origin.problem(path, _message(detail))


def _message(detail: ErrorDetails) -> str:
    kind = detail["type"]
    if kind == "extra_forbidden":
        return "unknown field"
    if kind == "missing":
        return "missing required field"
    if kind == "string_pattern_mismatch":
        pattern = str((detail.get("ctx") or {}).get("pattern", ""))
        if pattern in PATTERN_HINTS:
            return f"{_show(detail.get('input'))} is not valid: {PATTERN_HINTS[pattern]}"
    message = detail["msg"]
    for prefix in ("Value error, ", "Assertion failed, "):
        message = message.removeprefix(prefix)
    if kind.startswith(
        (
            "string_",
            "int_",
            "float_",
            "bool_",
            "list_",
            "dict_",
            "model_",
            "less_",
            "greater_",
            "enum",
        )
    ):
        message += f" (got {_show(detail.get('input'))})"
    return message


def _show(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _link(
    infos: list[tuple[CaseInfo, Origin]],
    records: dict[str, list[tuple[Record, Origin]]],
    invalid_ids: dict[str, set[str]],
) -> Iterable[Problem]:
    """Unique ids, resolved references, and the consistency checks of each kind of record.

    A reference to a record that failed validation is not reported again: its problem is.
    """
    ids: dict[str, dict[str, Origin]] = {}
    for name, items in records.items():
        yield from _unique(name, ((rec, orig, ("id",)) for rec, orig in items), ids)
    commitments = (
        (commitment, origin, ("commitments", index, "id"))
        for document, origin in records["documents"]
        if isinstance(document, Document)
        for index, commitment in enumerate(document.commitments)
    )
    yield from _unique("commitments", commitments, ids)

    every: list[tuple[Record, Origin]] = [*infos, *(x for items in records.values() for x in items)]
    for record, origin in every:
        for path, ref, value in references(record):
            known = ids.get(ref.collection, {})
            if value not in known and value not in invalid_ids.get(ref.collection, ()):
                yield origin.problem(path, f"unknown {_singular(ref.collection)} '{value}'")

    yield from _parent_cycles(records["sessions"])
    yield from _scenario_consistency(records)
    yield from _roadmap_consistency(records)
    yield from _forecast_consistency(records)
    yield from _conflict_consistency(records)
    yield from _ledger_consistency(records)


def _unique(
    collection: str,
    items: Iterable[tuple[BaseModel, Origin, tuple[str | int, ...]]],
    ids: dict[str, dict[str, Origin]],
) -> Iterable[Problem]:
    seen = ids.setdefault(collection, {})
    for record, origin, id_path in items:
        record_id = record_id_of(record)
        if record_id in seen:
            first = seen[record_id]
            line, _ = first.document.where((*first.path, *id_path))
            yield origin.problem(
                id_path,
                f"duplicate {_singular(collection)} id '{record_id}' (first at {first.file}:{line})",
            )
        else:
            seen[record_id] = origin


def record_id_of(record: BaseModel) -> str:
    """The id of a collection's record (every record type of :data:`COLLECTIONS` has one)."""
    value = getattr(record, "id", None)
    if not isinstance(value, str):
        raise TypeError(f"{type(record).__name__} has no id")
    return value


def _parent_cycles(items: list[tuple[Record, Origin]]) -> Iterable[Problem]:
    """A session may not be its own ancestor."""
    sessions = [(s, origin) for s, origin in items if isinstance(s, Session)]
    parent = {s.id: s.parent for s, _ in sessions}
    for session, origin in sessions:
        seen = {session.id}
        current = parent.get(session.id)
        while current is not None and current in parent:
            if current in seen:
                yield origin.problem(("parent",), "the parent chain returns to this session")
                break
            seen.add(current)
            current = parent[current]


def _scenario_consistency(records: dict[str, list[tuple[Record, Origin]]]) -> Iterable[Problem]:
    issues = {i.id: i for i, _ in records["issues"] if isinstance(i, Issue)}
    for scenario, origin in records["scenarios"]:
        if isinstance(scenario, Scenario):
            for path, message in scenario_problems(scenario, issues):
                yield origin.problem(path, message)


def _roadmap_consistency(records: dict[str, list[tuple[Record, Origin]]]) -> Iterable[Problem]:
    for roadmap, origin in records["roadmaps"]:
        if isinstance(roadmap, Roadmap):
            for path, message in roadmap_problems(roadmap):
                yield origin.problem(path, message)


def _conflict_consistency(records: dict[str, list[tuple[Record, Origin]]]) -> Iterable[Problem]:
    for conflict, origin in records["conflicts"]:
        if isinstance(conflict, Conflict):
            for path, message in conflict_problems(conflict):
                yield origin.problem(path, message)


def _forecast_consistency(records: dict[str, list[tuple[Record, Origin]]]) -> Iterable[Problem]:
    issues = {i.id: i for i, _ in records["issues"] if isinstance(i, Issue)}
    for forecast, origin in records["forecasts"]:
        if isinstance(forecast, Forecast):
            for path, message in forecast_problems(forecast, issues):
                yield origin.problem(path, message)


def _ledger_consistency(records: dict[str, list[tuple[Record, Origin]]]) -> Iterable[Problem]:
    commitments = {c.id: c for d, _ in records["documents"] if isinstance(d, Document) for c in d.commitments}
    entries = [(e, origin) for e, origin in records["implementation"] if isinstance(e, Implementation)]
    for index, path, message in ledger_problems([e for e, _ in entries], commitments):
        yield entries[index][1].problem(path, message)


def _singular(collection: str) -> str:
    return collection.removesuffix("s")


def _check_quotes(
    records: dict[str, list[tuple[Record, Origin]]], search: list[Path], problems: list[Problem]
) -> QuoteCoverage:
    """Check every quote whose source file is found in ``search`` (in order); append each misquote
    to ``problems`` and count the citations checked and not checked, per source."""
    texts: dict[str, SourceText] = {}
    why_not: dict[str, str] = {}
    where_is: dict[str, Origin] = {}
    for source, origin in records["sources"]:
        if not isinstance(source, Source):
            continue
        where_is[source.id] = origin
        if source.file is None:
            why_not[source.id] = "has no local file"
            continue
        found = next((d / source.file for d in search if (d / source.file).is_file()), None)
        if found is None:
            places = " or ".join(display_path(d) for d in search)
            why_not[source.id] = f"file {source.file} not found in {places}"
            continue
        try:
            texts[source.id] = SourceText.from_string(found.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as error:
            why_not[source.id] = f"file {display_path(found)} cannot be read"
            problems.append(origin.problem(("file",), f"cannot read {display_path(found)} ({error})"))
    checked = 0
    unchecked: dict[str, int] = {}
    for items in records.values():
        for record, origin in items:
            for where, citation in citations(record):
                text = texts.get(citation.source)
                if text is None:
                    if citation.source in why_not:  # an unknown source is reported as a reference
                        unchecked[citation.source] = unchecked.get(citation.source, 0) + 1
                    continue
                checked += 1
                reason = text.check(citation.quote, citation.locator)
                if reason is not None:
                    problems.append(origin.problem((*where, "quote"), reason))
    return QuoteCoverage(
        checked,
        tuple(
            UncheckedSource(
                source,
                n,
                why_not[source],
                where_is[source].problem(("id",), f"{n} citation(s) not checked: {why_not[source]}"),
            )
            for source, n in sorted(unchecked.items())
        ),
    )
