"""``hexatable serve`` exempts what it loaded at start-up from the cyclic garbage collector.

In a 50-table class a full collection walked every module, compiled loop and template and paused all
threads for 100-220 ms, eleven times a minute: that was the room's p99 (benchmarks/RESULTS.md, Stop 16).
"""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hexatable.cli.app import app


def test_serve_freezes_its_start_up_objects_before_it_listens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    frozen_when_serving: list[int] = []
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: frozen_when_serving.append(gc.get_freeze_count()))
    gc.unfreeze()
    try:
        result = CliRunner().invoke(
            app, ["serve", "--database", f"sqlite:///{tmp_path / 'room.sqlite3'}", "--port", "8765"]
        )
    finally:
        gc.unfreeze()  # the test process goes on collecting as before
    assert result.exit_code == 0, result.output
    assert len(frozen_when_serving) == 1 and frozen_when_serving[0] > 10_000


def test_serve_loads_the_built_in_cases_before_it_freezes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The case a class plays is frozen too, so full collections do not walk it (room_gc_pause.py)."""
    import uvicorn

    from hexatable.case.builtin import builtin_case_ids
    from hexatable.web.pages import builtin_case

    walked: dict[str, bool] = {}

    def run(app: object, **_: object) -> None:
        service = app.state.service  # type: ignore[attr-defined]
        for case_id in builtin_case_ids():
            case = builtin_case(case_id)
            scenario = next(iter(case.scenario_index), None)
            tracked = {id(o) for o in gc.get_objects()}  # the frozen generation is not listed
            walked[case_id] = id(case) in tracked
            if scenario is not None:
                walked[f"{case_id}/{scenario}"] = id(service.scenario(case_id, scenario)) in tracked

    monkeypatch.setattr(uvicorn, "run", run)
    gc.unfreeze()
    try:
        result = CliRunner().invoke(
            app, ["serve", "--database", f"sqlite:///{tmp_path / 'room.sqlite3'}", "--port", "8765"]
        )
    finally:
        gc.unfreeze()
    assert result.exit_code == 0, result.output
    assert "six-party-talks/six-party-2007" in walked
    assert walked and not any(walked.values()), walked
