"""The cases that ship with hexatable, and how a CASE argument names one.

A CASE is a built-in case id (``six-party-talks``) or the path of a case folder.

>>> "six-party-talks" in builtin_case_ids()
True
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from hexatable.case.loader import load_case
from hexatable.case.models import Case
from hexatable.case.problems import CaseError, Problem

_CASES_PACKAGE = "hexatable.data"


def builtin_cases_dir() -> Path:
    """The folder that holds the built-in cases (package data)."""
    return Path(str(resources.files(_CASES_PACKAGE).joinpath("cases")))


def builtin_case_ids() -> list[str]:
    """The ids of the built-in cases, sorted."""
    return list(_builtin_case_ids())


@cache
def _builtin_case_ids() -> tuple[str, ...]:
    # package data: listed once per process (the web pages ask for every scenario they show)
    return tuple(sorted(p.name for p in builtin_cases_dir().iterdir() if (p / "case.yaml").is_file()))


def case_folder(case: str | Path) -> Path:
    """The folder of a built-in case id or a path; a :class:`CaseError` when neither exists."""
    path = Path(case)
    if path.is_dir():
        return path
    if isinstance(case, str) and case in builtin_case_ids():
        return builtin_cases_dir() / case
    known = ", ".join(builtin_case_ids())
    raise CaseError(
        [
            Problem(
                str(case),
                None,
                None,
                "",
                f"no such case folder or built-in case (built-in: {known})",
            )
        ]
    )


def open_case(case: str | Path, *, sources_dir: str | Path | None = None) -> Case:
    """Load a built-in case by id, or a case folder by path."""
    return load_case(case_folder(case), sources_dir=sources_dir)


@cache
def load_builtin_case(case_id: str) -> Case:
    """A built-in case by id, loaded once per process and shared by its readers.

    Built-in cases are package data and do not change while a process runs, so the web pages and the
    room service read one copy (loading the Six-Party case takes about 0.2 s of CPU). A case folder is
    not taken here: :func:`open_case` reads a folder afresh, as it may be edited between runs.
    Raises :class:`CaseError` naming the built-in cases when ``case_id`` is not one of them.
    """
    if case_id not in _builtin_case_ids():
        known = ", ".join(_builtin_case_ids())
        raise CaseError([Problem(case_id, None, None, "", f"no built-in case (built-in: {known})")])
    return open_case(builtin_cases_dir() / case_id)
