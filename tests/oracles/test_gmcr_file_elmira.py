"""Oracle: the Elmira groundwater conflict read from GMCR+ files, stable states as published.

Source: Fang, Hipel & Kilgour (1993), *Interactive Decision Making: The Graph Model for Conflict
Resolution*, Wiley, ch. 2-3 (the model, and its stability analysis): Nash and SEQ equilibria
{5, 8, 9}, GMR and SMR {1, 4, 5, 8, 9}, as in tests/oracles/test_gmcr_elmira.py. The publication
numbers the states with the options in the order modify, delay, accept, insist (abandonment merged into
state 9), so published state = 1 + modify + 2 accept + 4 insist, or 9 when Uniroyal abandons.

The files (tests/conflict/data/elmira*.gmcr, written for these tests in GMCR+'s layout) list the
options grouped by decision maker, as GMCR+ writes them (modify | delay, accept, abandon | insist), so
their state numbers differ from the publication's; the rankings in them are the published ones
renumbered. Each equilibrium is translated back through its options, not through the importer's
numbering, so the test checks the numbering too.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hexatable.conflict import analyse
from hexatable.conflict.analysis import ConflictAnalysis
from hexatable.conflict.gmcr_file import parse_gmcr

DATA = Path(__file__).parents[1] / "conflict" / "data"


def published(result: ConflictAnalysis, numbers: list[int]) -> list[int]:
    """State numbers of the imported model as the publication numbers them."""
    names = [option.name for option in result.graph.model.options]
    vectors = result.graph.states.vectors()
    found = set()
    for number in numbers:
        taken = dict(zip(names, vectors[number - 1].tolist(), strict=True))
        if taken["Abandon"]:
            found.add(9)
        else:
            found.add(1 + taken["Modify"] + 2 * taken["Accept"] + 4 * taken["Insist"])
    return sorted(found)


@pytest.mark.parametrize("file", ["elmira.gmcr", "elmira_old_layout.gmcr", "elmira_interleaved.gmcr"])
def test_equilibria_as_published(file: str) -> None:
    """Both layouts (top-level useManualPreferenceRanking + preferenceRanking; the older
    useManualPreferenceVectors + preferenceVector) and a hand-made file listing the options out of DM
    order (GMCR+ regroups them before numbering) give the published equilibria."""
    imported = parse_gmcr((DATA / file).read_text(encoding="utf-8"), name="Elmira")
    result = analyse(imported.model)
    assert published(result, result.equilibria("nash")) == [5, 8, 9]
    assert published(result, result.equilibria("gmr")) == [1, 4, 5, 8, 9]
    assert published(result, result.equilibria("smr")) == [1, 4, 5, 8, 9]
    assert published(result, result.equilibria("seq")) == [5, 8, 9]
    assert imported.warnings == ()


def test_the_grouped_file_numbers_states_as_gmcr_plus() -> None:
    """Options in GMCR+'s order modify, delay, accept, abandon, insist: published state 5 (delay and
    insist) has code 2 + 16 = 18, the 7th feasible code (the six without insist come first); the
    published Nash equilibria 5, 8 and 9 are states 7, 10 and the four abandonment states 5, 6, 11, 12."""
    imported = parse_gmcr((DATA / "elmira_interleaved.gmcr").read_text(encoding="utf-8"))
    assert [o.name for o in imported.model.options] == ["Modify", "Delay", "Accept", "Abandon", "Insist"]
    result = analyse(imported.model)
    assert result.graph.states.codes.tolist() == [2, 3, 4, 5, 8, 9, 18, 19, 20, 21, 24, 25]
    assert result.equilibria("nash") == [5, 6, 7, 10, 11, 12]
