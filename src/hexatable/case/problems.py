"""Problems found in a case, each located at ``path:line:column`` with the field it concerns."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with a case file.

    ``line`` and ``column`` count from 1; they are ``None`` for problems of the folder as a whole.

    >>> str(Problem("case/events.yaml", 3, 9, "events[0].date", "bad date"))
    'case/events.yaml:3:9: events[0].date: bad date'
    """

    path: str
    line: int | None
    column: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


class CaseError(Exception):
    """A case could not be loaded; ``problems`` lists every reason, in file order."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=_file_order)
        super().__init__("\n".join(str(p) for p in self.problems))


def _file_order(problem: Problem) -> tuple[str, int, int, str]:
    return (problem.path, problem.line or 0, problem.column or 0, problem.message)


def display_path(path: Path) -> str:
    """A path as the user should read it: relative to the working directory when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
