"""Runs cut into chunks: consecutive ranges of run numbers, a few per slot.

A chunk is the unit shipped to a worker and reduced: large enough that shipping it costs little next to
running it (``benchmarks/dask_scaling.py`` measures where Dask's overhead falls below 5 %), small enough
that every slot gets several (so a slow or lost worker delays only a small share) and that a chunk's
product stays small. The cut never changes a result: each run is seeded from its own number.
"""

from __future__ import annotations

from collections.abc import Iterator

CHUNKS_PER_SLOT = 8
"""Chunks per worker slot, so the last chunks of a batch are short and a lost worker costs little."""

MAX_CHUNK = 250
"""The most runs in a chunk (at ~150 six-party negotiations a second a core, under two seconds)."""


def chunk_size(runs: int, slots: int, most: int = MAX_CHUNK) -> int:
    """Runs per chunk for ``runs`` runs over ``slots`` slots: about ``runs / (8 slots)``, in ``1..most``.

    >>> chunk_size(1000, 2), chunk_size(10, 4), chunk_size(10**6, 64)
    (62, 1, 250)
    """
    if runs < 1 or slots < 1 or most < 1:
        raise ValueError(f"runs, slots and the largest chunk must be at least 1, not {runs}, {slots}, {most}")
    return max(1, min(most, runs // (slots * CHUNKS_PER_SLOT)))


def run_chunks(runs: int, size: int, first: int = 0) -> Iterator[range]:
    """The numbers ``first .. first + runs - 1`` as consecutive ranges of ``size`` (the last shorter).

    >>> [list(r) for r in run_chunks(5, 2, first=10)]
    [[10, 11], [12, 13], [14]]
    """
    if size < 1:
        raise ValueError(f"a chunk holds at least one run, not {size}")
    for start in range(0, runs, size):
        yield range(first + start, first + min(start + size, runs))


def describe_part(index: int, part: object) -> str:
    """A part for an error message: its number (from 1) and, for a range of runs, the runs.

    >>> describe_part(2, range(30, 45)), describe_part(0, range(7, 8)), describe_part(4, "x")
    ('chunk 3 (runs 30–44)', 'chunk 1 (run 7)', 'chunk 5')
    """
    if isinstance(part, range) and len(part) > 0:
        runs = f"run {part[0]}" if len(part) == 1 else f"runs {part[0]}–{part[-1]}"
        return f"chunk {index + 1} ({runs})"
    return f"chunk {index + 1}"


def note_failure(error: BaseException, index: int, part: object, where: str) -> None:
    """Add to ``error`` a note naming the part whose work raised it and where it ran.

    A note (PEP 678), not a new exception: callers that catch an engine's own error type (an agent's
    error in a tournament) still catch it. An error raised by the work is not retried: the engines are
    deterministic, so the part would fail again; only a lost worker's parts are run again.
    """
    error.add_note(f"in {describe_part(index, part)} of the batch, {where}")
