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
