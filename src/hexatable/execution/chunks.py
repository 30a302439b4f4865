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
