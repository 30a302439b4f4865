"""Chunks cover every run once, in order, a few per slot: the cut that every backend shares."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hexatable.execution import Backend, chunk_size, run_chunks
from hexatable.execution.chunks import CHUNKS_PER_SLOT, MAX_CHUNK


@given(st.integers(1, 100_000), st.integers(1, 512))
def test_chunk_size_is_a_few_chunks_per_slot_and_capped(runs: int, slots: int) -> None:
    size = chunk_size(runs, slots)
    assert 1 <= size <= MAX_CHUNK
    if runs >= slots * CHUNKS_PER_SLOT * MAX_CHUNK:
        assert size == MAX_CHUNK
    elif runs >= slots * CHUNKS_PER_SLOT:  # enough runs: at least 8 chunks a slot, none empty
        assert -(-runs // size) >= slots * CHUNKS_PER_SLOT


@given(st.integers(0, 2_000), st.integers(1, 300), st.integers(0, 10**12))
def test_chunks_are_the_runs_in_order_each_once(runs: int, size: int, first: int) -> None:
    chunks = list(run_chunks(runs, size, first))
    assert [n for chunk in chunks for n in chunk] == list(range(first, first + runs))
    assert all(1 <= len(chunk) <= size for chunk in chunks)
    assert all(len(chunk) == size for chunk in chunks[:-1])


def test_bad_sizes_are_refused() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        chunk_size(0, 2)
    with pytest.raises(ValueError, match="at least one run"):
        list(run_chunks(10, 0))


def test_the_scheduler_comes_from_the_option_then_the_environment() -> None:
    env = {"HEXATABLE_SCHEDULER": "tcp://10.0.0.1:8786"}
    assert Backend.choose(None, 2, {}) == Backend(None, 2)
    assert Backend.choose(None, 2, env) == Backend("tcp://10.0.0.1:8786", 2)
    assert Backend.choose("local", 3, env) == Backend("local", 3)
    assert Backend.choose("  ", 1, env) == Backend(None, 1)  # an empty option means local processes
    assert Backend.choose(None, 1, {"HEXATABLE_SCHEDULER": ""}) == Backend(None, 1)
    with pytest.raises(ValueError, match="workers must be at least 1"):
        Backend.choose(None, 0, {})
