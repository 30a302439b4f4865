"""Every command fed generated junk: a located message and exit 1 or 2, never a traceback.

One property test per command. The junk is option values (huge, negative, nan/inf, empty, unicode,
very long), case folders (a small copy of the built-in case with one value replaced by junk, or with a
file of raw junk: binary bytes, other encodings, nesting 100,000 deep, huge numbers, nothing), forecast
CSV files, ``.gmcr`` JSON and conflict model files. The runner does not catch exceptions, so a traceback
fails the test; on a non-zero exit the message must name the file (or folder) or the option.

Values that are valid by design and merely expensive (``--runs 10**9``) are not junk: each test keeps
the other options cheap and skips such values, so no example runs long. ``serve`` never starts a
server: ``uvicorn.run`` is replaced by a function that fails the test.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner, Result

from hexatable.cli.app import app

ROOT = Path(__file__).parents[2]
BUILT_IN = ROOT / "src" / "hexatable" / "data" / "cases" / "six-party-talks"
CONFLICT_DATA = ROOT / "tests" / "conflict" / "data"
KTAB_DATA = ROOT / "tests" / "forecast" / "ktab"
KEPT_FILES = ("case.yaml", "actors.yaml", "sources.yaml", "forecast.yaml", "conflict-2007-2008.yaml")
SCENARIO_ISSUES = 3
"""The base case's scenario keeps this many issues, so that one negotiation takes milliseconds."""

runner = CliRunner()
JUNK = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
    derandomize=bool(os.environ.get("CI")),  # CI replays fixed examples; a developer's run explores new ones
)


def make_base_case(folder: Path) -> None:
    """A small valid case: the built-in case's parties, sources, forecasts and conflict model, and its
    2007 scenario cut to its first three issues (reservation values 0, so every seat stays)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in KEPT_FILES:
        shutil.copy(BUILT_IN / name, folder / name)
    data = yaml.safe_load((BUILT_IN / "scenario-six-party-2007.yaml").read_text(encoding="utf-8"))
    scenario = data["scenarios"][0]
    issues = scenario["issues"][:SCENARIO_ISSUES]
    scenario["issues"] = issues
    for sheet in scenario["sheets"]:
        sheet["points"] = {k: v for k, v in sheet["points"].items() if k in issues}
        sheet["interactions"] = [i for i in sheet.get("interactions", []) if set(i["options"]) <= set(issues)]
        if "must_have" in sheet:
            sheet["must_have"] = {k: v for k, v in sheet["must_have"].items() if k in issues}
        sheet["reservation"] = 0
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    (folder / "scenario.yaml").write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def base_case(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("junk") / "base-case"
    make_base_case(folder)
    result = runner.invoke(app, ["validate", str(folder)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr  # the junk below is the only thing wrong
    return folder


@pytest.fixture
def scratch() -> Iterator[Callable[[], Path]]:
    """Fresh folders for one example at a time (hypothesis runs many examples in one test call)."""
    made: list[tempfile.TemporaryDirectory[str]] = []

    def fresh() -> Path:
        made.append(tempfile.TemporaryDirectory(prefix="junk-"))
        return Path(made[-1].name)

    yield fresh
    for folder in made:
        folder.cleanup()


# --- the junk ---------------------------------------------------------------------------------------

ARGV_TEXT = st.characters(exclude_characters="\x00", exclude_categories=("Cs",))
"""Characters a command line can carry (no NUL; undecodable bytes arrive as surrogates, added below)."""

HUGE = st.one_of(
    st.integers(2**63 - 2, 10**40),
    st.integers(-(10**40), -(2**63) + 2),
    st.integers(0, 400).map(lambda n: "9" * (n + 20)),
)
NUMBERS = st.one_of(
    st.integers(-(10**6), 10**6),
    HUGE,
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["nan", "NaN", "inf", "-inf", "Infinity", "1e400", "-1e400", "1e-400", "-0", "0x10"]),
    st.sampled_from(["1_000", "١٢", "½", "1,5", " 3 ", "3.", ".5", "+7", "--1"]),
)
TEXTS = st.one_of(
    st.just(""),
    st.text(ARGV_TEXT, max_size=12),
    st.text(ARGV_TEXT, min_size=1, max_size=4).map(lambda s: s * 5000),
    st.sampled_from(["\udcff\udcfe", "a\udc80b", "\u202e", "\t", " ", "\n\n", "朝鲜", "a" * 300]),
)
OPTION_VALUES = st.one_of(NUMBERS.map(str), TEXTS)


def flat(text: str) -> str:
    """Output with every space, line break, panel border and control character removed (the console
    drops control characters), so wrapped names still match."""
    return "".join(
        c for c in text if not c.isspace() and c not in "│╭╮╰╯─" and unicodedata.category(c) != "Cc"
    )


def invoke(args: list[str], *names: str, **kwargs: Any) -> Result:
    """Run the command; assert exit 0, 1 or 2, no traceback, and on failure a message naming one of
    ``names`` (a file, a folder, an option)."""
    result = runner.invoke(app, args, catch_exceptions=False, **kwargs)
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    assert result.exit_code in (0, 1, 2), (result.exit_code, output)
    if result.exit_code != 0 and names:
        shown = flat(output)
        shows = [flat(name) for name in names] + [
            flat(name.encode("utf-8", "backslashreplace").decode()) for name in names
        ]
        shows = [name for name in shows if name]  # a name of control characters alone shows as nothing
        assert shown and (not shows or any(name in shown for name in shows)), (names, output)
    return result


def named(value: str) -> str:
    """The part of a junk value a message can be expected to show (a long one may be cut)."""
    return value[:20]


def as_path(value: str) -> tuple[str, ...]:
    """What a message about a case argument can be expected to show: the value as typed, or as the
    path it names (``0/`` is reported as the folder ``0``); ``.`` when the value is empty."""
    return (named(value) or ".", named(str(Path(value))))


# --- junk in a case folder --------------------------------------------------------------------------

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    HUGE.map(lambda v: int(v) if isinstance(v, int) else v),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=8),
    st.sampled_from(["", "1e400", "2003-13-45", "not a date", "USA", "PRK", "none", "sampling"]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)


def deep(depth: int) -> str:
    return "a: " + "[" * depth + "]" * depth + "\n"


RAW_FILES = st.one_of(
    st.binary(max_size=300),
    st.just(b""),
    st.just(deep(100_000).encode()),
    st.just(("x: " + "{a: " * 100_000 + "}" * 100_000 + "\n").encode()),
    st.just(("- " * 100_000 + "1\n").encode()),
    st.sampled_from(["utf-16", "utf-32", "latin-1", "gb18030", "shift_jis"]).map(
        lambda codec: "case:\n  id: 案例\n  title: {en: é}\n".encode(codec, errors="replace")
    ),
    st.sampled_from(["1e999", "-1e999", "9" * 5000, ".inf", ".nan", "0x" + "f" * 400]).map(
        lambda n: f"events:\n- id: e\n  date: {n}\n  cameo: {n}\n".encode()
    ),
    st.text(max_size=200).map(str.encode),
)


def mutate(data: Any, draw: st.DrawFn) -> Any:
    """``data`` with one value somewhere inside it (or the whole) replaced by junk."""
    if isinstance(data, dict) and data and draw(st.booleans()):
        key = draw(st.sampled_from(sorted(data, key=str)))
        if draw(st.integers(0, 5)) == 0:
            return {k: v for k, v in data.items() if k != key}  # a required field goes missing
        return {**data, key: mutate(data[key], draw)}
    if isinstance(data, list) and data and draw(st.booleans()):
        index = draw(st.integers(0, len(data) - 1))
        return [*data[:index], mutate(data[index], draw), *data[index + 1 :]]
    return draw(VALUES)


@st.composite
def junk_cases(draw: st.DrawFn, base: Path, folder: Path) -> tuple[Path, str]:
    """A copy of ``base`` in ``folder`` with junk in one file; the folder and the file's name."""
    shutil.copytree(base, folder, dirs_exist_ok=True)
    name = draw(st.sampled_from([*sorted(p.name for p in base.iterdir()), "extra.yaml"]))
    target = folder / name
    if name == "extra.yaml" or draw(st.integers(0, 3)) == 0:
        target.write_bytes(draw(RAW_FILES))
    else:
        data = yaml.safe_load(target.read_text(encoding="utf-8"))
        text = yaml.safe_dump(mutate(data, draw), allow_unicode=True, sort_keys=False)
        target.write_text(text, encoding="utf-8")
    return folder, name


CASE_COMMANDS: dict[str, list[str]] = {
    "show": [],
    "timeline": [],
    "validate": [],
    "simulate": ["--runs", "2", "--workers", "1"],
    "brief": ["--seat", "USA"],
    "forecast": ["--model", "mean"],
    "stability": [],
    "tournament": ["--agent", "hexatable:linear", "--runs", "1", "--steps", "4"],
}


@JUNK
@given(data=st.data())
@pytest.mark.parametrize("command", list(CASE_COMMANDS))
def test_a_case_folder_with_junk(
    command: str, base_case: Path, scratch: Callable[[], Path], data: st.DataObject
) -> None:
    """Any command on a case folder with junk in one file: the message names the file, or the folder or
    its case id (a case without scenarios, say, is wrong as a whole)."""
    folder, name = data.draw(junk_cases(base_case, scratch() / "junk-case"))
    invoke([command, str(folder), *CASE_COMMANDS[command]], name, folder.name, "'six-party-talks'")


# --- junk option values, one command at a time --------------------------------------------------------


def option_junk(options: dict[str, st.SearchStrategy[str]]) -> st.SearchStrategy[tuple[str, str]]:
    """One option of a command and a junk value for it."""
    return st.sampled_from(sorted(options)).flatmap(lambda o: st.tuples(st.just(o), options[o]))


def run_option(base_args: list[str], option: str, value: str, *names: str) -> Result:
    """The command with ``option=value`` (joined, so a value starting with '-' stays a value)."""
    return invoke([*base_args, f"{option}={value}"], option, *names)


def cheap_count(value: str, most: int) -> bool:
    """Whether ``value`` is junk or a count small enough to run in an example (a large count is valid
    and merely slow: not what these tests are about)."""
    try:
        return int(value.strip()) <= most
    except ValueError:
        return True


@JUNK
@given(extra=st.lists(OPTION_VALUES, min_size=1, max_size=2))
def test_cases_junk(extra: list[str]) -> None:
    """``cases`` takes no argument: any is refused, named."""
    result = invoke(["cases", *extra])
    assert result.exit_code == 2


@JUNK
@given(junk=option_junk({"--lang": OPTION_VALUES}), case=TEXTS)
def test_show_junk(junk: tuple[str, str], case: str, base_case: Path) -> None:
    """A junk language, or a junk case id or path."""
    run_option(["show", str(base_case)], *junk)
    result = invoke(["show", "--", case], *as_path(case))
    assert result.exit_code != 0


DATES = st.one_of(
    OPTION_VALUES, st.sampled_from(["2003-02-30", "0000", "99999", "2003-00", "2003/08", "-2003"])
)


@JUNK
@given(junk=option_junk({"--from": DATES, "--to": DATES, "--actor": TEXTS, "--type": OPTION_VALUES}))
def test_timeline_junk(junk: tuple[str, str], base_case: Path) -> None:
    run_option(["timeline", str(base_case)], *junk)


@JUNK
@given(junk=option_junk({"--sources": TEXTS}), folder=TEXTS)
def test_validate_junk(junk: tuple[str, str], folder: str, base_case: Path) -> None:
    """A junk sources folder, or a junk case folder."""
    run_option(["validate", str(base_case)], *junk, "sources.yaml")  # '' is the working directory
    assume(folder.strip() not in ("", ".", ".."))
    # '--' makes a name like '-00' a folder, not an option (Click would report "No such option: -0")
    result = invoke(["validate", "--", folder], *as_path(folder))
    assert result.exit_code != 0


@JUNK
@given(
    junk=option_junk({"--document": TEXTS, "--party": TEXTS, "--as-of": DATES, "--format": OPTION_VALUES}),
    case=st.sampled_from(["six-party-talks", "p5-process"]),
)
def test_ledger_junk(junk: tuple[str, str], case: str) -> None:
    """The built-in cases carry the ledgers (the small junk case has none)."""
    run_option(["ledger", case], *junk)


@JUNK
@given(output=TEXTS)
def test_schema_junk(output: str, scratch: Callable[[], Path]) -> None:
    """``schema --output`` to a junk path: written, or a message naming the path."""
    where = scratch()
    result = invoke(["schema", "--output", str(where / output)], named(output), str(where), "--output")
    if result.exit_code == 0:
        assert json.loads((where / output).read_text(encoding="utf-8"))["title"]


SIMULATE = {
    "--runs": OPTION_VALUES.filter(lambda v: cheap_count(v, 3)),
    "--seed": OPTION_VALUES,
    "--workers": OPTION_VALUES,
    "--drafts": OPTION_VALUES.filter(lambda v: cheap_count(v, 200)),
    "--drafts-per-round": OPTION_VALUES,
    "--patience": OPTION_VALUES,
    "--resolve": OPTION_VALUES,
    "--scenario": TEXTS,
    "--mechanism": TEXTS,
    "--chair": TEXTS,
    "--strategies": TEXTS,
    "--beliefs": TEXTS,
    "--walk-out": TEXTS,
    "--side-room": TEXTS,
    "--side-issues": TEXTS,
    "--headline": TEXTS,
    "--lang": TEXTS,
}


@JUNK
@given(junk=option_junk(SIMULATE), transcript=st.booleans())
def test_simulate_junk(junk: tuple[str, str], transcript: bool, base_case: Path) -> None:
    base = ["simulate", str(base_case), "--runs", "2", "--workers", "1"]
    run_option([*base, *(["--transcript"] if transcript else [])], *junk)


@JUNK
@given(junk=option_junk({"--seat": TEXTS, "--scenario": TEXTS, "--lang": TEXTS}))
def test_brief_junk(junk: tuple[str, str], base_case: Path) -> None:
    option, value = junk
    base = ["brief", str(base_case)] + (["--seat", "USA"] if option != "--seat" else [])
    run_option(base, option, value)


FORECAST = {
    "--model": TEXTS,
    "--forecast": TEXTS,
    "--issue": TEXTS,
    "--variant": TEXTS,
    "--rounds": OPTION_VALUES.filter(lambda v: cheap_count(v, 50)),
    "--tolerance": OPTION_VALUES,
    "--monte-carlo": OPTION_VALUES.filter(lambda v: cheap_count(v, 20)),
    "--seed": OPTION_VALUES,
    "--workers": OPTION_VALUES,
    "--position-sd": OPTION_VALUES,
    "--salience-sd": OPTION_VALUES,
    "--capability-sd": OPTION_VALUES,
}


@JUNK
@given(junk=option_junk(FORECAST), model=st.sampled_from(["mean", "median", "condorcet", "bdm", "smp"]))
def test_forecast_junk(junk: tuple[str, str], model: str, base_case: Path) -> None:
    option, value = junk
    base = ["forecast", str(base_case), "--workers", "1", "--monte-carlo", "3"]
    run_option([*base, *(["--model", model] if option != "--model" else [])], option, value)


STABILITY = {
    "--concept": TEXTS,
    "--dm": TEXTS,
    "--coalition": TEXTS,
    "--status-quo": OPTION_VALUES,
    "--explain": OPTION_VALUES,
    "--inverse": OPTION_VALUES,
    "--window": TEXTS,
    "--prefer": TEXTS,
    "--horizon": OPTION_VALUES.filter(lambda v: cheap_count(v, 6)),
    "--conflict": TEXTS,
}


@JUNK
@given(junk=option_junk(STABILITY), dm=st.booleans())
def test_stability_junk(junk: tuple[str, str], dm: bool, base_case: Path) -> None:
    """Junk options on the case's conflict model (``--dm`` given too, so ``--inverse`` gets that far)."""
    option, value = junk
    base = ["stability", str(base_case), *(["--dm", "USA"] if dm and option != "--dm" else [])]
    run_option(base, option, value)


TOURNAMENT = {
    "--agent": TEXTS,
    "--scenario": TEXTS,
    "--runs": OPTION_VALUES.filter(lambda v: cheap_count(v, 2)),
    "--seed": OPTION_VALUES,
    "--steps": OPTION_VALUES.filter(lambda v: cheap_count(v, 10)),
    "--opponents": TEXTS,
}


@JUNK
@given(junk=option_junk(TOURNAMENT))
def test_tournament_junk(junk: tuple[str, str], base_case: Path) -> None:
    option, value = junk
    base = ["tournament", str(base_case), "--runs", "1", "--steps", "4"]
    run_option([*base, *(["--agent", "hexatable:linear"] if option != "--agent" else [])], option, value)


def _never_serve(*args: object, **kwargs: object) -> None:
    raise AssertionError("junk reached uvicorn.run: the server would have started")


SERVE_HOSTS = st.one_of(
    st.just(""),
    st.text(ARGV_TEXT, min_size=1, max_size=12)
    .filter(lambda h: any(c not in "0123456789.:" for c in h))
    .map(lambda h: h + " /"),
    st.sampled_from(["256.1.1.1", "a..b", "-host", "host-", "x" * 300, "ho st", "主机", "::g", "1.2.3.4.5"]),
)
SERVE_PORTS = st.one_of(
    st.integers(65536, 10**30).map(str),
    st.integers(-(10**30), -1).map(str),
    st.sampled_from(["", "nan", "inf", "80.5", "http", "0x50", "١٢"]),
)
SERVE_DATABASES = st.one_of(
    st.text(ARGV_TEXT, max_size=20).filter(lambda u: "://" not in u),
    st.sampled_from(
        ["nosuchdialect://x/y", "sqlite:///no/such/folder/db.sqlite3", "sqlite://:bad:@/x", "://"]
    ),
)


@JUNK
@given(
    junk=option_junk(
        {"--host": SERVE_HOSTS, "--port": SERVE_PORTS, "--database": SERVE_DATABASES, "--cases": TEXTS}
    )
)
def test_serve_junk(
    junk: tuple[str, str], monkeypatch: pytest.MonkeyPatch, scratch: Callable[[], Path]
) -> None:
    """Every junk value fails before the server binds (it is never started: uvicorn.run fails the test)."""
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", _never_serve)
    monkeypatch.setenv("HEXATABLE_DATABASE_URL", f"sqlite:///{scratch() / 'room.sqlite3'}")
    option, value = junk
    if option == "--cases":
        value = str(scratch() / "missing" / value)
    result = run_option(["serve"], option, value)
    assert result.exit_code != 0


# --- junk model files: forecast CSVs, .gmcr JSON, conflict model YAML ---------------------------------

CELLS = st.one_of(NUMBERS.map(str), st.text(st.characters(exclude_characters="\x00\r\n"), max_size=6))


@st.composite
def junk_csvs(draw: st.DrawFn) -> str:
    """A KTAB actor CSV with some cells (title, header or data) replaced by junk, rows dropped or added."""
    lines = (KTAB_DATA / "dummyData_3Dim.csv").read_text(encoding="utf-8").splitlines()
    rows = [line.split(",") for line in lines]
    for _ in range(draw(st.integers(1, 4))):
        r = draw(st.integers(0, len(rows) - 1))
        c = draw(st.integers(0, len(rows[r])))
        rows[r][c:c] = [] if draw(st.booleans()) else [draw(CELLS)]
        if c < len(rows[r]) and draw(st.booleans()):
            rows[r][c] = draw(CELLS)
    if draw(st.booleans()):
        rows = draw(st.permutations(rows))[: draw(st.integers(0, len(rows)))]
    return "\n".join(",".join(row) for row in rows)


@JUNK
@given(text=junk_csvs(), model=st.sampled_from(["mean", "median", "condorcet", "bdm", "smp"]))
def test_forecast_csv_junk(text: str, model: str, scratch: Callable[[], Path]) -> None:
    """A junk KTAB CSV: the message names the file (with line and column where the parser has them)."""
    path = scratch() / "actors.csv"
    path.write_text(text, encoding="utf-8")
    invoke(["forecast", str(path), "--model", model, "--rounds", "5"], "actors.csv")


def mutate_json(data: Any, draw: st.DrawFn) -> Any:
    if isinstance(data, dict) and data and draw(st.booleans()):
        key = draw(st.sampled_from(sorted(data)))
        return {**data, key: mutate_json(data[key], draw)}
    if isinstance(data, list) and data and draw(st.booleans()):
        index = draw(st.integers(0, len(data) - 1))
        return [*data[:index], mutate_json(data[index], draw), *data[index + 1 :]]
    return draw(VALUES.filter(lambda v: not isinstance(v, float) or math.isfinite(v)))


GMCR_FILES = sorted(p.name for p in CONFLICT_DATA.glob("*.gmcr"))


@JUNK
@given(name=st.sampled_from(GMCR_FILES), data=st.data())
def test_gmcr_junk(name: str, data: st.DataObject, scratch: Callable[[], Path]) -> None:
    """A GMCR+ file with one value replaced by junk, or raw junk bytes."""
    path = scratch() / "model.gmcr"
    if data.draw(st.integers(0, 3)) == 0:
        path.write_bytes(data.draw(RAW_FILES))
    else:
        parsed = json.loads((CONFLICT_DATA / name).read_text(encoding="utf-8"))
        path.write_text(json.dumps(mutate_json(parsed, data.draw)), encoding="utf-8")
    invoke(["stability", str(path)], "model.gmcr")


@JUNK
@given(data=st.data())
def test_conflict_file_junk(data: st.DataObject, scratch: Callable[[], Path]) -> None:
    """A stand-alone conflict model file with junk in it: the message names the file."""
    path = scratch() / "model.yaml"
    if data.draw(st.integers(0, 3)) == 0:
        path.write_bytes(data.draw(RAW_FILES))
    else:
        parsed = yaml.safe_load((CONFLICT_DATA / "prisoners.yaml").read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(mutate(parsed, data.draw), allow_unicode=True), encoding="utf-8")
    invoke(["stability", str(path)], "model.yaml")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (deep(100_000), "extra.yaml:1:"),  # libyaml composing this crashed the interpreter
        ("- " * 100_000 + "1\n", "nested more than 100 levels deep"),
        ("events:\n- id: e\n  cameo: " + "9" * 5000 + "\n", "extra.yaml:3:10"),  # ValueError before
    ],
)
def test_deep_nesting_and_long_integers_are_located(text: str, message: str, base_case: Path) -> None:
    with tempfile.TemporaryDirectory() as scratch_folder:
        folder = Path(scratch_folder) / "case"
        shutil.copytree(base_case, folder)
        (folder / "extra.yaml").write_text(text, encoding="utf-8")
        result = invoke(["validate", str(folder)], "extra.yaml")
    assert result.exit_code == 1 and flat(message) in flat(result.stderr)
