"""The docstring examples of the sequencing engine run as tests (``make test`` collects tests/ only)."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "hexatable.sequence.model",
    "hexatable.sequence.temptation",
    "hexatable.sequence.feasibility",
    "hexatable.sequence.evaluate",
    "hexatable.sequence.solver",
    "hexatable.sequence.from_case",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0
    assert result.failed == 0
