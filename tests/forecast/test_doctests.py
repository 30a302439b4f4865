"""Run the docstring examples of the forecast engine's public API."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "hexatable.forecast.inputs",
    "hexatable.forecast.baselines",
    "hexatable.forecast.bdm",
    "hexatable.forecast.ktab_csv",
    "hexatable.forecast.decide_csv",
    "hexatable.forecast.smp",
    "hexatable.forecast.montecarlo",
    "hexatable.forecast.models",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0
