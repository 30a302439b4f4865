"""``hexatable roadmap`` fed generated junk: never a traceback, always a located message (issue 14).

Random option values (huge, negative, nan/inf, empty, unicode, long) and random ``--evaluate`` files
(YAML and JSON of wrong types, huge numbers, deep nesting, binary bytes, schedules of junk) go to the
command on a small case (the "disarm for reward" roadmap of test_roadmap_cli.py). Whatever comes in,
the command exits 0, 1 or 2, prints no traceback, and when it refuses, the message names the option
or the file. ``catch_exceptions=False``: an exception escaping the command fails the test.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.sequence import test_roadmap_cli as base
from typer.testing import CliRunner, Result

from hexatable.cli.app import app

runner = CliRunner()

SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=bool(os.environ.get("CI")),  # CI replays fixed examples; a developer's run explores new ones
)

OPTIONS = ("--package", "--phases", "--evaluate", "--alternatives", "--time-limit", "--seed", "--workers")

texts = st.one_of(
    st.sampled_from(["", " ", "nan", "inf", "-inf", "1e999", "0x10", "1_000", "true", "null", "-", "--json"]),
    st.text(max_size=20),
    st.text(alphabet="中华人民共和国😀\u202e\x00\t", max_size=10),
    st.integers(1, 5).map(lambda n: "x" * 10_000 * n),
)
numbers = st.one_of(
    st.integers(-5, 5),  # small, so a valid value solves quickly (200 phases would take seconds)
    st.integers(-(10**30), -6),
    st.integers(10**3, 10**30),
    st.floats(allow_nan=True, allow_infinity=True),
).map(str)


@pytest.fixture(scope="module")
def case_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("junk") / "case"
    shutil.copytree(base.EXAMPLE, target)
    (target / "roadmap.yaml").write_text(base.ROADMAP, encoding="utf-8")
    return target


def plain(text: str) -> str:
    """Output without the box Rich draws around a usage error, on one line."""
    return " ".join(text.translate(str.maketrans("", "", "│╭╮╰╯─")).split())


def check(result: Result, names: list[str]) -> None:
    """Exit 0, 1 or 2; no traceback; a refusal names one of ``names`` (options given, or files)."""
    output = result.stdout + result.stderr
    assert result.exit_code in (0, 1, 2), output
    assert "Traceback" not in output
    if result.exit_code != 0:
        message = plain(result.stderr)
        assert message, "a refusal says why"
        assert any(plain(name) in message for name in names), (names, message)


@st.composite
def option_junk(draw: st.DrawFn) -> list[str]:
    args: list[str] = []
    for option in draw(st.lists(st.sampled_from(OPTIONS), max_size=4, unique=True)):
        value = draw(texts | numbers) if option != "--package" else draw(texts | st.just("disarm-for-reward"))
        args += [option, value]
    for flag in ("--self-enforcing", "--json"):
        if draw(st.booleans()):
            args.append(flag)
    return args


@SETTINGS
@given(args=option_junk(), case=st.one_of(st.none(), texts))
def test_junk_options_never_give_a_traceback(case_dir: Path, args: list[str], case: str | None) -> None:
    target = str(case_dir) if case is None else case
    result = runner.invoke(app, ["roadmap", target, *args], catch_exceptions=False)
    named = [a for a in args if a.startswith("--")]
    # A junk case argument is named by its value (an unknown case, a folder that is not one).
    check(result, [*named, target[:77], "case", "CASE"] if case is not None else [*named, str(case_dir)])


json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(10**25), 10**25),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=8),
    ),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
counts = st.one_of(
    st.integers(-3, 3), st.integers(10**6, 10**25), st.booleans(), st.floats(allow_nan=True), json_values
)
phase = st.fixed_dictionaries(
    {"tranches": st.dictionaries(st.sampled_from(["disable", "reward", "dismantle", "", "中"]), counts)},
    optional={"label": json_values, "date": json_values, "extra": json_values},
)
schedules = st.one_of(
    st.fixed_dictionaries({"phases": st.lists(phase, max_size=4)}),
    st.fixed_dictionaries({"phases": json_values}),
    st.sampled_from([{"phases": [{"tranches": {}}] * 300}, {"phases": [{"tranches": {"disable": 1}}] * 3}]),
    json_values,
)


@st.composite
def file_junk(draw: st.DrawFn) -> tuple[str, bytes]:
    suffix = draw(st.sampled_from([".yaml", ".yml", ".json", ".YAML"]))
    kind = draw(st.sampled_from(["yaml", "json", "deep", "binary", "text"]))
    if kind == "yaml":
        content = yaml.safe_dump(draw(schedules), allow_unicode=True).encode()
    elif kind == "json":
        content = json.dumps(draw(schedules), ensure_ascii=False).encode()
    elif kind == "deep":
        depth = draw(st.sampled_from([11, 1_000, 100_000]))
        opener, closer = draw(
            st.sampled_from([("[", "]"), ('{"a": ', "}"), ("- ", ""), ("phases:\n  - ", "")])
        )
        content = (opener * depth + "1" + closer * depth).encode()
    elif kind == "binary":
        content = draw(st.binary(max_size=200))
    else:
        content = draw(st.text(max_size=200)).encode("utf-8", "surrogatepass")
    return suffix, content


@SETTINGS
@given(junk=file_junk())
def test_junk_schedule_files_never_give_a_traceback(case_dir: Path, junk: tuple[str, bytes]) -> None:
    suffix, content = junk
    path = case_dir.parent / f"junk{suffix}"
    path.write_bytes(content)
    result = runner.invoke(app, ["roadmap", str(case_dir), "--evaluate", str(path)], catch_exceptions=False)
    check(result, [str(path)])
    if result.exit_code == 1:  # located problems, led by the file's name
        assert result.stderr.startswith(str(path)), result.stderr


def test_a_missing_file_or_a_folder_is_named(case_dir: Path) -> None:
    folder = case_dir.parent / "folder.yaml"
    folder.mkdir(exist_ok=True)
    for path in (case_dir.parent / "missing.json", folder):
        result = runner.invoke(
            app, ["roadmap", str(case_dir), "--evaluate", str(path)], catch_exceptions=False
        )
        assert result.exit_code == 1
        assert result.stderr.startswith(f"{path}: cannot read")
