"""Read a stand-alone YAML file of conflict models (a ``conflicts`` list, as in a case file).

Outside a case folder, references (actors, sources) are not resolved: a decision maker's ``actor`` is
just its name. Every problem is located as ``path:line:column: field: message``, as the case loader does.
"""

from __future__ import annotations

from pathlib import Path

from hexatable.case.conflict_checks import conflict_problems
from hexatable.case.conflict_models import Conflict
from hexatable.case.loader import Origin, validate_record
from hexatable.case.located_yaml import YamlSyntaxError, read_located
from hexatable.case.problems import CaseError, Problem, display_path


def load_conflict_file(path: Path) -> list[Conflict]:
    """The conflicts of a YAML file, or :class:`CaseError` with every located problem."""
    shown = display_path(path)
    try:
        document = read_located(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as error:
        raise CaseError([Problem(shown, 1, 1, "", f"not UTF-8 text ({error.reason})")]) from None
    except OSError as error:
        raise CaseError(
            [Problem(shown, None, None, "", f"cannot read the file ({error.strerror})")]
        ) from None
    except YamlSyntaxError as error:
        raise CaseError([Problem(shown, error.line, error.column, "", error.message)]) from None
    data = document.data
    if not isinstance(data, dict) or not isinstance(data.get("conflicts"), list):
        raise CaseError([Problem(shown, 1, 1, "conflicts", "the file should hold a 'conflicts' list")])
    problems: list[Problem] = []
    found = []
    for index, item in enumerate(data["conflicts"]):
        origin = Origin(shown, document, ("conflicts", index))
        record = validate_record(Conflict, item, origin, problems)
        if isinstance(record, Conflict):
            problems += [origin.problem(path, message) for path, message in conflict_problems(record)]
            found.append(record)
    if problems:
        raise CaseError(problems)
    if not found:
        raise CaseError([Problem(shown, 1, 1, "conflicts", "the list is empty")])
    return found
