"""Forecast inputs in the case format: loading, located problems, and the built-in six-party inputs."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import numpy as np
import pytest

from hexatable.case import CaseError, load_case, open_case
from hexatable.forecast.baselines import baseline
from hexatable.forecast.case_input import UnknownForecastError, input_from_case

EXAMPLE = Path(__file__).parents[2] / "docs" / "examples" / "minimal-case"
P = '[{source: wiki, locator: "line 1", quote: 中华人民共和国, basis: inferred, reason: assumed}]'

GOOD = f"""
issues:
  - id: sequencing
    title: {{en: Sequencing}}
    kind: scale
    scale: {{min: 0, max: 100, low: {{en: rewards first}}, high: {{en: dismantle first}}}}
    provenance: {P}
forecasts:
  - id: trilateral
    title: {{en: Trilateral talks}}
    period: "2003-04"
    issues: [sequencing]
    actors:
      - actor: PRK
        capability: {{value: 60, provenance: {P}}}
        positions:
          - issue: sequencing
            position: {{value: 10, provenance: {P}}}
            salience: {{value: 95, provenance: {P}}}
      - actor: USA
        capability: {{value: 100, provenance: {P}}}
        positions:
          - issue: sequencing
            position: {{value: 95, provenance: {P}}}
            salience: {{value: 85, provenance: {P}}}
      - actor: CHN
        capability: {{value: 70, provenance: {P}}}
        positions:
          - issue: sequencing
            position: {{value: 50, provenance: {P}}}
            salience: {{value: 60, provenance: {P}}}
"""


@pytest.fixture
def case_dir(tmp_path: Path) -> Path:
    target = tmp_path / "case"
    shutil.copytree(EXAMPLE, target)
    return target


def write(folder: Path, text: str) -> Path:
    path = folder / "forecast.yaml"
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def problems_of(folder: Path) -> list[str]:
    with pytest.raises(CaseError) as caught:
        load_case(folder)
    return [str(p) for p in caught.value.problems]


def test_a_forecast_set_becomes_the_engine_input(case_dir: Path) -> None:
    write(case_dir, GOOD)
    data = input_from_case(load_case(case_dir))
    assert data.actors == ("PRK", "USA", "CHN")
    assert data.dimensions == ("sequencing",)
    assert data.position[:, 0].tolist() == [10, 95, 50]
    assert data.salience[:, 0].tolist() == [0.95, 0.85, 0.6]
    assert data.capability.tolist() == [60, 100, 70]
    assert baseline(data, "condorcet").forecast.tolist() == [50]


def test_a_position_off_the_scale_is_located(case_dir: Path) -> None:
    path = write(case_dir, GOOD.replace("position: {value: 95,", "position: {value: 120,"))
    found = problems_of(case_dir)
    assert len(found) == 1
    assert found[0].startswith(f"{path}:")
    assert "forecasts[0].actors[1].positions[0].position.value: 120 is outside the scale [0, 100]" in found[0]


def test_a_missing_issue_a_bad_salience_and_an_unknown_actor_are_all_reported(case_dir: Path) -> None:
    text = GOOD.replace("salience: {value: 60,", "salience: {value: 160,").replace("actor: CHN", "actor: JPN")
    text = text.replace("issues: [sequencing]", "issues: [sequencing, sequencing]")
    write(case_dir, text)
    found = "\n".join(problems_of(case_dir))
    assert "unknown actor 'JPN'" in found
    assert "salience.value: 160 is not in [0, 100]" in found
    assert "issue 'sequencing' is listed 2 times" in found


def test_an_options_issue_cannot_be_forecast(case_dir: Path) -> None:
    text = GOOD.replace(
        "kind: scale\n    scale: {min: 0, max: 100, low: {en: rewards first}, high: {en: dismantle first}}",
        "kind: options\n    options: [{id: a, label: {en: A}}, {id: b, label: {en: B}}]",
    )
    write(case_dir, text)
    assert any("has no scale; a forecast needs scale issues" in p for p in problems_of(case_dir))


def test_an_unknown_set_or_issue_names_what_exists(case_dir: Path) -> None:
    write(case_dir, GOOD)
    case = load_case(case_dir)
    with pytest.raises(UnknownForecastError, match=r"known: trilateral"):
        input_from_case(case, "nope")
    with pytest.raises(UnknownForecastError, match=r"issues: sequencing"):
        input_from_case(case, issue="nope")


DRAFT_AGGREGATES = {
    "six-party-2003": {
        "denuclearisation-first": (59.1, 55),
        "relief-before-verification": (41.0, 55),
        "security-assurance-first": (50.6, 60),
    },
    "six-party-2019-02": {
        "denuclearisation-first": (55.8, 50),
        "relief-before-verification": (48.2, 60),
        "security-assurance-first": (59.9, 60),
    },
}
"""Weighted mean and median per issue as the data helper computed them separately from the draft
(expected_outcome in /work/drafts/forecast-six-party.yaml, its own script): an independent check that
the conversion kept every number."""


@pytest.mark.parametrize("forecast_id", sorted(DRAFT_AGGREGATES))
def test_the_built_in_inputs_reproduce_the_drafts_aggregates(forecast_id: str) -> None:
    data = input_from_case(open_case("six-party-talks"), forecast_id)
    expected = DRAFT_AGGREGATES[forecast_id]
    assert data.dimensions == tuple(expected)
    np.testing.assert_allclose(baseline(data, "mean").forecast, [m for m, _ in expected.values()], atol=0.05)
    assert baseline(data, "median").forecast.tolist() == [med for _, med in expected.values()]
