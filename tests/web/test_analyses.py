"""The explorer's analysis pages: what the engines say about the built-in case, as charts."""

from __future__ import annotations

import html
import json
import re

from fastapi.testclient import TestClient

from hexatable.case import open_case
from hexatable.sequence.evaluate import evaluate
from hexatable.sequence.from_case import schedule_of


def chart_data(page: str) -> list[dict[str, object]]:
    return [json.loads(found) for found in re.findall(r"const c = (\{.*?\});\n", page)]


def test_the_roadmap_page_charts_the_historical_schedule_and_the_best_one(client: TestClient) -> None:
    page = client.get("/cases/six-party-talks/roadmaps", params={"package": "second-phase-actions-2007"})
    assert page.status_code == 200
    record = next(r for r in open_case("six-party-talks").roadmaps if r.id == "second-phase-actions-2007")
    evaluation = evaluate(*schedule_of(record, "historical"))
    historical, optimal = chart_data(page.text)
    assert historical["tranches"] == evaluation.schedule.tolist()
    assert historical["ids"] == list(evaluation.actions)
    dprk = next(p for p in historical["excess"] if p["name"] == "DPRK")  # type: ignore[union-attr]
    assert max(dprk["y"]) == round(evaluation.excess[evaluation.parties.index("PRK")].max(), 1)
    assert f"DPRK is tempted {evaluation.worst_excess:.1f} above its tolerance" in html.unescape(page.text)
    assert "Self-enforcing: no party is ever tempted beyond its tolerance." in page.text  # the solver's
    assert len(optimal["points"]) == len(optimal["phases"]) + 1  # type: ignore[arg-type]


def test_an_infeasible_package_names_the_constraints_in_conflict(client: TestClient) -> None:
    page = client.get(
        "/cases/six-party-talks/roadmaps", params={"package": "hanoi-2019-positions", "lang": "zh"}
    )
    assert page.status_code == 200
    assert "没有任何时间表能满足全部约束" in page.text
    assert re.search(r"<li>[^<]*gat", page.text)  # a gating constraint among those named


def test_roadmap_pages_for_other_cases_and_unknown_packages(client: TestClient) -> None:
    assert "This case has no roadmap." in client.get("/cases/p5-process/roadmaps").text
    missing = client.get("/cases/six-party-talks/roadmaps", params={"package": "nope"})
    assert missing.status_code == 404 and "no roadmap 'nope'" in html.unescape(missing.text)
    assert 'href="/cases/six-party-talks/roadmaps' in client.get("/cases/six-party-talks").text
