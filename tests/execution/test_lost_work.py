"""Work the Dask cluster lost (a chunk whose workers kept dying) ends a command with a message naming
the chunk and exit code 1, not a traceback; an engine's own errors still reach the command unchanged."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
import typer

from hexatable.cli.cluster import executor_for

distributed = pytest.importorskip("distributed")


def test_a_chunk_the_cluster_gave_up_on_is_a_message_naming_it(capsys: pytest.CaptureFixture[str]) -> None:
    # Dask raises KilledWorker after a chunk's workers died `allowed_failures` times.
    lost = distributed.scheduler.KilledWorker(
        "run_chunk-1", SimpleNamespace(address="tcp://127.0.0.1:4101"), 3
    )
    lost.add_note("in chunk 2 (runs 15–29) of the batch, on a Dask worker")
    with pytest.raises(typer.Exit) as ended, executor_for(None, 1):
        raise lost
    assert ended.value.exit_code == 1
    said = capsys.readouterr().err
    assert "the Dask cluster lost the batch's work (KilledWorker" in said
    assert "in chunk 2 (runs 15–29) of the batch" in said
    assert "Traceback" not in said


def test_an_engine_error_is_not_taken_for_lost_work() -> None:
    with pytest.raises(ZeroDivisionError), executor_for(None, 1):
        raise ZeroDivisionError("a bug in an engine is a bug, with its traceback")
