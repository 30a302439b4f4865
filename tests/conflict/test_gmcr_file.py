"""The GMCR+ importer reads files as GMCR+ (gmcr-py) writes and reads them, and refuses what it cannot do.

The layout facts are GMCR+'s (``data_01_conflictModel.py``: ``json_import``, ``reorderOptionsByDM``,
``CoalitionList.from_json``; ``data_03_gmcrUtilities.py``: ``mapPrefRank2Payoffs``). The files are our
own, written in that layout (tests/conflict/data).
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from hexatable.cli.app import app
from hexatable.conflict import analyse
from hexatable.conflict.gmcr_file import GmcrFileError, parse_gmcr
from hexatable.conflict.graph import build_graph
from hexatable.conflict.model import Condition, ModelError
from hexatable.conflict.size import MAX_MEMORY_BYTES

DATA = Path(__file__).parent / "data"
runner = CliRunner()


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / name).read_text(encoding="utf-8"))
    return data


def parse(data: dict[str, Any]) -> Any:
    return parse_gmcr(json.dumps(data, indent=2))


def refused(data: dict[str, Any] | str) -> GmcrFileError:
    text = data if isinstance(data, str) else json.dumps(data, indent=2)
    with pytest.raises(GmcrFileError) as error:
        parse_gmcr(text)
    return error.value


# The preference flag and rankings ---------------------------------------------------------------


def test_the_top_level_flag_uses_the_rankings() -> None:
    """Syria-Iraq with the flag at the top level, as GMCR+ writes it: SEQ {6}, Iraq's SEQ-stable states
    2, 4, 5, 6 (Hipel, Kilgour & Kinsara 2014). Read per DM, the empty statements tied every state."""
    result = analyse(parse(load("syria_iraq.gmcr")).model)
    assert result.equilibria("seq") == [6]
    assert result.stable_for("seq", 1) == [2, 4, 5, 6]


def test_with_the_flag_set_the_statements_are_ignored() -> None:
    """GMCR+ ranks by preferenceRanking alone when the flag is set; statements that would rank the
    other way round change nothing."""
    data = load("syria_iraq.gmcr")
    for dm in data["decisionMakers"]:
        dm["preferences"] = [[[0, "Y"]], [[2, "Y"]]]
    assert analyse(parse(data).model).equilibria("seq") == [6]
    data["useManualPreferenceRanking"] = False  # now the statements count: a different conflict
    assert analyse(parse(data).model).equilibria("seq") != [6]


def test_without_the_flag_the_statements_rank_and_a_stored_ranking_is_ignored_with_a_warning() -> None:
    """Statements B cooperates > A defects (and symmetrically): the Prisoner's Dilemma, Nash {1}, GMR
    {1, 4}. The file also stores a ranking 1 2 3 4 that GMCR+ ignores without the flag."""
    imported = parse(load("prisoners_statements.gmcr"))
    result = analyse(imported.model)
    assert result.equilibria("nash") == [1]
    assert result.equilibria("gmr") == [1, 4]
    assert any("decisionMakers[0].preferenceRanking: ignored" in w for w in imported.warnings)


def test_a_flag_per_decision_maker_is_refused_with_where_it_belongs() -> None:
    data = load("syria_iraq.gmcr")
    del data["useManualPreferenceRanking"]
    data["decisionMakers"][0]["useManualPreferenceRanking"] = True
    error = refused(data)
    assert error.where == "decisionMakers[0].useManualPreferenceRanking"
    assert "top level of the file" in error.message


def test_a_decision_maker_without_statements_is_reported() -> None:
    data = load("syria_iraq.gmcr")
    data["useManualPreferenceRanking"] = False
    warnings = parse(data).warnings
    assert any("decisionMakers[1].preferences: 'Iraq' has no preference statements" in w for w in warnings)


@pytest.mark.parametrize(
    ("ranking", "where", "message"),
    [
        ([1, 3, 6, 2, 4], "decisionMakers[0].preferenceRanking", "leaves out state(s) 5 of the 6"),
        ([1, 3, 6, 2, 4, 7], "decisionMakers[0].preferenceRanking[5]", "state 7 does not exist"),
        ([1, 3, [6, 3], 2, 4, 5], "decisionMakers[0].preferenceRanking[2]", "state 3 is ranked twice"),
        ([1, 3, [6, [2]], 4, 5], "decisionMakers[0].preferenceRanking[2]", "a state number or a list"),
        ([1, 3, 6, 2, 4, True], "decisionMakers[0].preferenceRanking[5]", "a state number or a list"),
    ],
)
def test_bad_rankings_are_located(ranking: list[Any], where: str, message: str) -> None:
    data = load("syria_iraq.gmcr")
    data["decisionMakers"][0]["preferenceRanking"] = ranking
    error = refused(data)
    assert error.where == where and message in error.message
    assert error.line is not None


def test_a_missing_ranking_is_refused() -> None:
    data = load("syria_iraq.gmcr")
    del data["decisionMakers"][1]["preferenceRanking"]
    assert refused(data).where == "decisionMakers[1].preferenceRanking"


def test_a_flag_that_is_not_a_boolean_is_refused() -> None:
    data = load("syria_iraq.gmcr")
    data["useManualPreferenceRanking"] = "yes"
    assert refused(data).where == "useManualPreferenceRanking"


# Option order ------------------------------------------------------------------------------------


def test_interleaved_options_are_regrouped_by_decision_maker_as_gmcr_plus_does() -> None:
    """Options listed a(X) b(Y) c(X), X listing c before a: GMCR+ numbers with the order c a b. The
    infeasible "a taken, b not" names options by their place in the file: a is now bit 1, b bit 2, so
    codes 2 and 3 go and the states 1-6 are the codes 0 1 4 5 6 7."""
    data = {
        "useManualPreferenceRanking": True,
        "options": [{"name": "a"}, {"name": "b"}, {"name": "c"}],
        "decisionMakers": [
            {"name": "X", "options": [2, 0], "preferenceRanking": [1, 2, 3, 4, 5, 6]},
            {"name": "Y", "options": [1], "preferenceRanking": [6, 5, 4, 3, 2, 1]},
        ],
        "infeasibles": [[[0, "Y"], [1, "N"]]],
    }
    model = parse(data).model
    assert [o.name for o in model.options] == ["c", "a", "b"]
    assert [dm.options for dm in model.decision_makers] == [(0, 1), (2,)]
    assert model.feasibility.infeasible == ((Condition(1, True), Condition(2, False)),)
    assert analyse(model).graph.states.codes.tolist() == [0, 1, 4, 5, 6, 7]


def test_an_option_of_two_decision_makers_or_of_none_is_refused() -> None:
    data = load("syria_iraq.gmcr")
    data["decisionMakers"][1]["options"] = [2, 1]
    error = refused(data)
    assert error.where == "decisionMakers[1].options"
    assert "('Escalate') is already controlled by decisionMakers[0] ('Syria')" in error.message
    data["decisionMakers"][1]["options"] = []
    data["decisionMakers"][0]["options"] = [0, 1]
    error = refused(data)
    assert error.where == "options[2]" and "no decision maker controls option 'Attack'" in error.message


def test_an_option_twice_in_one_condition_is_refused() -> None:
    """GMCR+ keeps such an option once but not its Y/N, so [[0, "Y"], [0, "N"], [2, "Y"]] would read as
    [[0, "Y"], [2, "N"]] there; refused here rather than read either way."""
    data = load("syria_iraq.gmcr")
    data["infeasibles"].append([[0, "Y"], [0, "N"], [2, "Y"]])
    error = refused(data)
    assert error.where == "infeasibles[1][1]" and "option 0 is already in this condition" in error.message


# Coalitions --------------------------------------------------------------------------------------


def test_coalitions_are_a_partition_where_an_integer_is_a_dm_alone() -> None:
    """GMCR+ writes [[0, 1], 2] for MoE and Uniroyal together, Local alone; it matches --coalition."""
    data = load("elmira.gmcr")
    data["coalitions"] = [[0, 1], 2]
    imported = parse(data)
    assert imported.coalitions == (("MoE", "Uniroyal"),)
    data["coalitions"] = [0, 1, 2]
    assert parse(data).coalitions == ()


def test_a_dm_in_two_coalitions_is_refused_and_one_left_out_is_reported() -> None:
    data = load("elmira.gmcr")
    data["coalitions"] = [[0, 1], [1, 2]]
    error = refused(data)
    assert error.where == "coalitions[1]" and "'Uniroyal' is already in coalitions[0]" in error.message
    data["coalitions"] = [[0, 1]]
    imported = parse(data)
    assert imported.coalitions == (("MoE", "Uniroyal"),)
    assert any("coalitions: 'Local' in no coalition" in w for w in imported.warnings)
    data["coalitions"] = [[0, 7]]
    assert refused(data).where == "coalitions[0]"


# Misperceptions ----------------------------------------------------------------------------------


def test_misperceptions_are_refused_by_name_never_dropped() -> None:
    data = load("syria_iraq.gmcr")
    data["decisionMakers"][1]["misperceptions"] = [[[1, "Y"]]]
    error = refused(data)
    assert error.where == "decisionMakers[1].misperceptions"
    assert "does not analyse misperceptions" in error.message
    assert error.line is not None


# Size and nesting --------------------------------------------------------------------------------


def free_options(count: int) -> dict[str, Any]:
    """``count`` options split between two DMs, nothing infeasible, no statements."""
    half = count // 2
    return {
        "options": [{"name": f"o{k}"} for k in range(count)],
        "decisionMakers": [
            {"name": "A", "options": list(range(half)), "preferences": [[[0, "Y"]]]},
            {"name": "B", "options": list(range(half, count)), "preferences": [[[count - 1, "Y"]]]},
        ],
        "infeasibles": [],
    }


@pytest.mark.parametrize("count", [24, 30])
def test_a_model_past_the_memory_limit_is_refused_before_it_is_built(count: int) -> None:
    error = refused(free_options(count))
    assert f"{2**count:,} feasible states" in error.message
    assert "MAX_MEMORY_BYTES" in error.message and f"{MAX_MEMORY_BYTES / 2**30:,.1f} GiB" in error.message


def test_infeasible_states_count_towards_the_size() -> None:
    """24 options of which exactly one may be taken: 25 states, well inside the limit."""
    data = free_options(24)
    data["infeasibles"] = [[[a, "Y"], [b, "Y"]] for a in range(24) for b in range(a + 1, 24)]
    imported = parse(data)
    assert imported.size is not None and (imported.size.states, imported.size.exact) == (25, True)


def test_json_nested_too_deeply_is_a_message_not_a_recursion_error() -> None:
    error = refused("[" * 100_000 + "]" * 100_000)
    assert "nested too deeply" in str(error)


# Doubtful names ----------------------------------------------------------------------------------


def test_doubtful_names_are_warned() -> None:
    data = {
        "options": [{"name": "talk"}, {"name": "talk"}, {"name": "sanction"}],
        "decisionMakers": [
            {"name": "US", "options": [0], "preferences": [[[0, "Y"]]]},
            {"name": "us", "options": [1, 2], "preferences": [[[1, "Y"]]]},
            {"name": "", "options": [], "preferences": [[[2, "Y"]]]},
        ],
        "infeasibles": [],
        "coalitions": [[0, 0], [1, 2]],
    }
    imported = parse(data)
    warnings = "\n".join(imported.warnings)
    assert "decisionMakers[1].name: 'us' and 'US' (decisionMakers[0]) differ only in case" in warnings
    assert "options[1].name: 'talk' (us) is also the name of options[0] (US)" in warnings
    assert "decisionMakers[2].name: the decision maker has an empty name" in warnings
    assert "decisionMakers[2].options: '' controls no option" in warnings
    assert "coalitions[0]: lists 'US' twice; counted once" in warnings
    assert imported.coalitions == (("us", ""),)


def test_two_decision_makers_with_one_name_are_refused() -> None:
    data = load("syria_iraq.gmcr")
    data["decisionMakers"][1]["name"] = "Syria"
    error = refused(data)
    assert error.where == "decisionMakers[1].name" and "also the name of decisionMakers[0]" in error.message


# The command line --------------------------------------------------------------------------------


def test_the_command_prints_warnings_and_refusals(tmp_path: Path) -> None:
    data = copy.deepcopy(load("syria_iraq.gmcr"))
    data["decisionMakers"][1]["name"] = "SYRIA"
    path = tmp_path / "case.gmcr"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = runner.invoke(app, ["stability", str(path), "--json"])
    assert result.exit_code == 0
    assert "case.gmcr: warning: decisionMakers[1].name: 'SYRIA' and 'Syria'" in result.stderr
    assert json.loads(result.stdout)["equilibria"]["seq"] == [6]
    path.write_text(json.dumps(free_options(24)), encoding="utf-8")
    result = runner.invoke(app, ["stability", str(path)])
    assert result.exit_code == 1
    assert "too large to analyse" in result.stderr and "Traceback" not in result.stderr


# Junk --------------------------------------------------------------------------------------------

KEYS = [
    "options",
    "decisionMakers",
    "infeasibles",
    "coalitions",
    "useManualPreferenceRanking",
    "useManualPreferenceVectors",
    "name",
    "permittedDirection",
    "preferences",
    "preferenceRanking",
    "preferenceVector",
    "misperceptions",
    "compound",
    "members",
]


def containers(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """Lists and objects (with GMCR+'s keys) of ``children``."""
    return st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(KEYS), children, max_size=5)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-3, 40)
    | st.sampled_from(["Y", "N", "both", "fwd", "back", "", "US", "us"])
    | st.floats(allow_nan=False),
    containers,
    max_leaves=25,
)


def replace_somewhere(data: Any, path: list[int], junk: Any) -> Any:
    """``data`` with the node reached by following ``path`` (indices modulo each container) replaced."""
    if not path or not isinstance(data, (list, dict)) or not data:
        return junk
    keys = list(data) if isinstance(data, dict) else list(range(len(data)))
    key = keys[path[0] % len(keys)]
    copy_ = dict(data) if isinstance(data, dict) else list(data)
    copy_[key] = replace_somewhere(data[key], path[1:], junk)  # type: ignore[index]
    return copy_


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_junk_is_refused_with_a_message(junk: Any) -> None:
    try:
        parse_gmcr(json.dumps(junk))
    except GmcrFileError as error:
        assert str(error)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["syria_iraq.gmcr", "elmira.gmcr", "prisoners_statements.gmcr"]),
    st.lists(st.integers(0, 50), max_size=6),
    json_values,
)
def test_a_valid_file_with_junk_anywhere_is_read_or_refused_with_a_message(
    name: str, path: list[int], junk: Any
) -> None:
    try:
        imported = parse_gmcr(json.dumps(replace_somewhere(load(name), path, junk)))
    except GmcrFileError as error:
        assert str(error)
        return
    try:  # what was read builds, or the engine says why not (the command prints either)
        build_graph(imported.model)
    except ModelError as error:
        assert str(error)
