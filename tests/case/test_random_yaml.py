"""Whatever a user feeds the loader, it answers with a case or located problems, never a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from hexatable.case import CaseError, load_case
from hexatable.cli.app import app

EXAMPLE = Path(__file__).parents[2] / "docs" / "examples" / "minimal-case"
FIELDS = [
    "id",
    "date",
    "actors",
    "targets",
    "cameo",
    "text",
    "provenance",
    "source",
    "locator",
    "quote",
    "basis",
    "reason",
    "en",
    "zh",
    "kind",
    "names",
    "parent",
    "session",
    "events",
    "actors",
    "sessions",
    "documents",
    "commitments",
    "obligors",
    "case",
    "sources",
]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-10, 10_000),
    st.floats(allow_nan=True),
    st.text(max_size=12),
    st.sampled_from(["2003", "2003-08-27", "2003-13-01", "2003/2002", "PRK", "wiki", "inferred"]),
)
values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.sampled_from(FIELDS), children, max_size=5),
    ),
    max_leaves=20,
)
documents = st.dictionaries(st.sampled_from(FIELDS), values, max_size=4)


def _example_with(tmp_path_factory: pytest.TempPathFactory, text: str) -> Path:
    """A copy of the example case with one more file, ``random.yaml``, holding ``text``."""
    folder = tmp_path_factory.mktemp("case")
    shutil.copytree(EXAMPLE, folder, dirs_exist_ok=True)
    (folder / "random.yaml").write_text(text, "utf-8")
    return folder


def _loads_or_reports(folder: Path) -> None:
    try:
        load_case(folder)
    except CaseError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.path and problem.message


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=documents)
def test_random_structures_never_escape(
    tmp_path_factory: pytest.TempPathFactory, document: dict[str, object]
) -> None:
    _loads_or_reports(_example_with(tmp_path_factory, yaml.safe_dump(document, allow_unicode=True)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.sampled_from(list("abc:-[]{}#&*!|>'\"%@` \n\t,?1年")), max_size=80))
def test_random_text_never_escapes(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    _loads_or_reports(_example_with(tmp_path_factory, text))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=documents)
def test_cli_exits_cleanly(tmp_path_factory: pytest.TempPathFactory, document: dict[str, object]) -> None:
    folder = _example_with(tmp_path_factory, yaml.safe_dump(document, allow_unicode=True))
    result = CliRunner().invoke(app, ["validate", str(folder)])
    assert result.exit_code in (0, 1)
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_binary_file_is_reported(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE, tmp_path, dirs_exist_ok=True)
    (tmp_path / "random.yaml").write_bytes(b"\xff\xfe\x00bad")
    try:
        load_case(tmp_path)
    except CaseError as error:
        assert "not UTF-8 text" in str(error)
    else:
        raise AssertionError("a binary file must not load")
