"""The built-in case is loaded once per process and shared by the room service and the pages.

Before, ``RoomService.scenario`` opened the case again for each scenario and the explorer's cache
opened it once more, so ``hexatable serve`` loaded the Six-Party case three times at start-up.
"""

from __future__ import annotations

import pytest

from hexatable.case.builtin import builtin_case_ids, builtin_cases_dir, load_builtin_case
from hexatable.case.problems import CaseError
from hexatable.services.room.service import RoomService
from hexatable.web.pages import builtin_case

CASE = "six-party-talks"


def test_every_scenario_of_a_builtin_case_shares_the_pages_copy(service: RoomService) -> None:
    scenarios = sorted(builtin_case(CASE).scenario_index)
    assert len(scenarios) >= 2  # the point is that two scenarios do not load two copies
    loaded = [service.scenario(CASE, s).case for s in scenarios]
    assert all(case is builtin_case(CASE) for case in loaded)


def test_only_builtin_ids_are_loaded_and_cached() -> None:
    """A folder path is not a built-in id: refused, so no edited folder is ever served from the cache."""
    folder = str(builtin_cases_dir() / CASE)
    with pytest.raises(CaseError, match="no built-in case"):
        load_builtin_case(folder)
    assert load_builtin_case.cache_info().currsize <= len(builtin_case_ids())
