"""The up-front size estimate: feasible states counted without enumeration match a brute-force count."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from hexatable.case.conflict_file import load_conflict_file
from hexatable.case.conflict_models import Conflict
from hexatable.cli.app import app
from hexatable.conflict.from_case import conflict_model
from hexatable.conflict.graph import build_graph
from hexatable.conflict.model import (
    Condition,
    ConflictModel,
    Conjunction,
    DecisionMaker,
    ModelError,
    Option,
    Payoffs,
)
from hexatable.conflict.size import (
    MAX_MEMORY_BYTES,
    check_size,
    count_feasible,
    estimate_size,
    excluded_conjunctions,
)
from tests.conflict.strategies import conflict_models, conjunctions


def brute_force(option_count: int, excluded: list[Conjunction]) -> int:
    def holds(code: int, conjunction: Conjunction) -> bool:
        return all(bool(code >> c.option & 1) == c.taken for c in conjunction)

    return sum(not any(holds(code, c) for c in excluded) for code in range(2**option_count))


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 8).flatmap(lambda n: st.tuples(st.just(n), st.lists(conjunctions(n, max_size=4)))))
def test_count_matches_brute_force(case: tuple[int, list[Conjunction]]) -> None:
    option_count, excluded = case
    assert count_feasible(option_count, excluded) == (brute_force(option_count, excluded), True)


@settings(max_examples=60, deadline=None)
@given(conflict_models(max_options=7))
def test_states_exact_for_every_kind_of_feasibility_rule(model: ConflictModel) -> None:
    """Infeasible patterns, at-most-one and at-least-one groups (case models use the latter two)."""
    try:
        states = build_graph(model).states.count
    except ModelError:
        return  # no state feasible: nothing to compare
    size = estimate_size(model)
    assert size.exact and size.states == states


def brute_force_moves(model: ConflictModel, masks: list[int]) -> int:
    """Sum over movers and blocks of f * (f - 1), the feasible codes enumerated one by one."""
    rules = excluded_conjunctions(model)
    feasible = [
        code
        for code in range(2 ** len(model.options))
        if not any(all(bool(code >> c.option & 1) == c.taken for c in rule) for rule in rules)
    ]
    total = 0
    for mask in masks:
        blocks = Counter(code & ~mask for code in feasible)
        total += sum(f * (f - 1) for f in blocks.values())
    return total


@settings(max_examples=60, deadline=None)
@given(conflict_models(max_options=7), st.data())
def test_moves_match_brute_force_and_bound_the_engine(model: ConflictModel, data: st.DataObject) -> None:
    """Exact without irreversible options; the engine's moves (irreversibility applied) never exceed it."""
    dms = len(model.decision_makers)
    coalition = data.draw(st.lists(st.integers(0, dms - 1), min_size=2, max_size=dms, unique=True))
    masks = [model.option_mask(i) for i in range(dms)]
    masks.append(sum(model.option_mask(i) for i in coalition))
    size = estimate_size(model, [coalition])
    assert size.moves == brute_force_moves(model, masks)
    try:
        graph = build_graph(model)
    except ModelError:
        return
    assert sum(edges.size for edges in graph.moves) <= size.moves


def free_model(sizes: tuple[int, ...]) -> ConflictModel:
    first = 0
    dms = []
    for i, size in enumerate(sizes):
        dms.append(DecisionMaker(f"D{i}", tuple(range(first, first + size)), Payoffs(())))
        first += size
    return ConflictModel(tuple(Option(f"o{k}") for k in range(first)), tuple(dms))


@pytest.mark.parametrize("sizes", [(1, 1), (2, 3), (3, 1, 2)])
def test_moves_are_exact_when_every_state_is_feasible(sizes: tuple[int, ...]) -> None:
    """Every state reaches the other 2**own - 1 states of its block: 2**n * (2**own - 1) moves per DM."""
    n = sum(sizes)
    assert estimate_size(free_model(sizes)).moves == sum(2**n * (2**own - 1) for own in sizes)


def test_the_limit_is_named_when_refused() -> None:
    with pytest.raises(ModelError, match="MAX_MEMORY_BYTES"):
        check_size(free_model((12, 12)))
    assert check_size(free_model((3, 3))).memory_bytes < MAX_MEMORY_BYTES


def test_a_contradictory_rule_excludes_nothing() -> None:
    assert count_feasible(2, [(Condition(0, True), Condition(0, False))]) == (4, True)


CITE = [{"source": "s", "locator": "line 1", "quote": "q"}]


def case_record(sizes: tuple[int, ...], coalition: bool = False) -> dict[str, object]:
    """A case-format ``conflicts`` record: DM ``i`` owns ``sizes[i]`` free options, no rule, no statement."""
    dms = [
        {
            "actors": [f"A{i}"],
            "provenance": CITE,
            "options": [
                {"id": f"o{i}-{k}", "names": {"en": f"o{i}-{k}", "zh": f"o{i}-{k}"}, "provenance": CITE}
                for k in range(size)
            ],
        }
        for i, size in enumerate(sizes)
    ]
    record: dict[str, object] = {"id": "c", "title": {"en": "C"}, "provenance": CITE, "decision_makers": dms}
    if coalition:
        record["coalitions"] = [{"members": [f"A{i}" for i in range(len(sizes))]}]
    return record


def test_a_case_record_past_the_limit_is_refused_before_building() -> None:
    """24 free options (12 each): 16,777,216 states, refused at once naming the limit (it used to be
    built until memory ran out)."""
    with pytest.raises(ModelError, match=r"MAX_MEMORY_BYTES") as refused:
        conflict_model(Conflict.model_validate(case_record((12, 12))))
    assert "16,777,216 feasible states" in str(refused.value)


def test_a_case_records_coalitions_count_towards_its_size() -> None:
    """Alone each DM stays under the limit; the coalition of all moves between every pair of states."""
    sizes = (5, 4, 4)
    alone = estimate_size(conflict_model(Conflict.model_validate(case_record(sizes))).model)
    assert alone.memory_bytes <= MAX_MEMORY_BYTES
    states = 2 ** sum(sizes)
    assert alone.moves + states * (states - 1) > MAX_MEMORY_BYTES // 48  # the coalition's moves alone
    with pytest.raises(ModelError, match=r"MAX_MEMORY_BYTES"):
        conflict_model(Conflict.model_validate(case_record(sizes, coalition=True)))


def test_a_small_case_record_carries_its_estimate() -> None:
    converted = conflict_model(Conflict.model_validate(case_record((2, 1))))
    assert converted.size.states == 8 and converted.size.exact
    assert converted.size.moves == 8 * 3 + 8 * 1  # each state reaches its block's other states


def test_a_stand_alone_model_file_past_the_limit_is_a_located_message(tmp_path: Path) -> None:
    """``hexatable stability FILE.yaml``: exit 1 naming the file, the conflict and the limit."""
    path = tmp_path / "big.yaml"
    path.write_text(yaml.safe_dump({"conflicts": [case_record((12, 12))]}), encoding="utf-8")
    assert len(load_conflict_file(path)) == 1  # the file itself is valid
    result = CliRunner().invoke(app, ["stability", str(path)], catch_exceptions=False)
    assert result.exit_code == 1
    message = " ".join(result.stderr.split())
    assert "big.yaml: conflict 'c':" in message and "MAX_MEMORY_BYTES" in message
