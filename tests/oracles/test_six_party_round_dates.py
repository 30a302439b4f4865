"""Oracle: the dates of the trilateral talks and of every round and phase of the Six-Party Talks.

Source: the session headings of the Chinese Wikipedia article "六方会谈" (source id
``wiki-six-party-talks``, file 000_5f424cf8921dc924.txt), lines 116, 150, 213, 275, 339, 361, 405, 431,
455, 483 and 516, e.g. "### 第一轮（2003年8月27日至29日）".
"""

from __future__ import annotations

import pytest

from hexatable.case import Case, open_case


@pytest.fixture(scope="module")
def case() -> Case:
    return open_case("six-party-talks")


ROUND_DATES = {
    "trilateral-2003": "2003-04-23/2003-04-25",
    "round-1": "2003-08-27/2003-08-29",
    "round-2": "2004-02-25/2004-02-28",
    "round-3": "2004-06-23/2004-06-26",
    "round-4-phase-1": "2005-07-26/2005-08-07",
    "round-4-phase-2": "2005-09-13/2005-09-19",
    "round-5-phase-1": "2005-11-09/2005-11-11",
    "round-5-phase-2": "2006-12-18/2006-12-22",
    "round-5-phase-3": "2007-02-08/2007-02-13",
    "round-6-phase-1": "2007-03-19/2007-03-22",
    "round-6-phase-2": "2007-09-27/2007-10-03",
}


@pytest.mark.parametrize(("session_id", "dates"), ROUND_DATES.items())
def test_dates_of_the_rounds_match_the_source(case: Case, session_id: str, dates: str) -> None:
    assert str(case.session_index[session_id].date) == dates
