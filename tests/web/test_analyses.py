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
    """The numbers of the page's charts (``data-chart``), one per chart place; a roadmap's excess chart
    repeats its tranches chart's numbers and is skipped."""
    places = re.findall(r'data-plot="(\w+)" data-chart="([^"]*)"', page)
    return [json.loads(html.unescape(chart)) for kind, chart in places if kind != "excess"]


def test_the_roadmap_page_charts_the_historical_schedule_and_the_best_one(client: TestClient) -> None:
    page = client.get("/cases/six-party-talks/roadmaps", params={"package": "second-phase-actions-2007"})
    assert page.status_code == 200
    record = next(r for r in open_case("six-party-talks").roadmaps if r.id == "second-phase-actions-2007")
    evaluation = evaluate(*schedule_of(record, "historical"))
    charts = chart_data(page.text)  # the historical schedule first, the solver's last
    historical, optimal = charts[0], charts[-1]
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


def test_the_forecast_page_shows_every_model_and_the_rounds_of_one(client: TestClient) -> None:
    from hexatable.forecast.case_input import input_from_case
    from hexatable.forecast.models import run_model

    case = open_case("six-party-talks")
    page = client.get(
        "/cases/six-party-talks/forecasts", params={"forecast": "six-party-2019-02", "model": "smp"}
    )
    assert page.status_code == 200
    data = input_from_case(case, "six-party-2019-02")
    smp = run_model(data, "smp")
    charts = chart_data(page.text)
    assert len(charts) == len(data.dimensions)
    for k, chart in enumerate(charts):
        assert chart["forecast"] == float(smp.forecast[k])
        assert [a["y"] for a in chart["actors"]] == [  # type: ignore[union-attr]
            [round(v, 2) for v in smp.positions[:, i, k].tolist()] for i in range(len(smp.actors))
        ]
    median = run_model(data, "median").forecast[0]
    assert f"<td>{median:.1f}</td>" in page.text
    zh = client.get("/cases/six-party-talks/forecasts", params={"lang": "zh"})
    assert "期望效用模型（BDM）" in zh.text
    assert client.get("/cases/six-party-talks/forecasts", params={"forecast": "nope"}).status_code == 404
    assert client.get("/cases/six-party-talks/forecasts", params={"model": "mean"}).status_code == 422
    assert "This case has no forecast inputs." in client.get("/cases/p5-process/forecasts?lang=en").text


def test_the_stability_page_shows_the_equilibria_and_why_the_status_quo_holds(client: TestClient) -> None:
    from hexatable.conflict.analysis import analyse
    from hexatable.conflict.from_case import conflict_model

    record = open_case("six-party-talks").conflicts[0]
    converted = conflict_model(record)
    result = analyse(converted.model)
    status_quo = result.graph.states.number_of(converted.status_quo)  # type: ignore[arg-type]
    page = client.get("/cases/six-party-talks/conflicts", params={"lang": "en"})
    assert page.status_code == 200
    grid = re.findall(r"<tr[^>]*><td><strong>(\d+)</strong>", page.text)
    assert set(map(int, grid)) >= set(result.equilibria("nash")) | {status_quo}
    (chart,) = chart_data(page.text)
    usa = converted.model.dm_index("USA")
    assert chart["stable"][usa][0] == int(result.stable["nash"][usa, status_quo - 1])  # type: ignore[index]
    assert "USA can move to state" in page.text
    zh = client.get("/cases/six-party-talks/conflicts", params={"lang": "zh"})
    assert "稳定性分析" in zh.text and "现状" in zh.text
    assert client.get("/cases/six-party-talks/conflicts", params={"conflict": "nope"}).status_code == 404
    assert "This case has no conflict model." in client.get("/cases/p5-process/conflicts?lang=en").text


def test_explanations_read_the_same_in_the_engine_and_on_the_page_and_in_chinese() -> None:
    from hexatable.conflict.analysis import analyse
    from hexatable.conflict.explain import explain
    from hexatable.web.analyses import explanation_text
    from tests.oracles.gmcr_models import syria_iraq

    graph = analyse(syria_iraq()).graph
    names = [dm.name for dm in graph.model.decision_makers]
    for dm in range(graph.dm_count):
        for state in range(1, graph.states.count + 1):
            for found in explain(graph, dm, state):
                opponents = graph.opponents(dm)
                assert explanation_text(found, dm, state, opponents, names, "en") == found.sentence
                zh = explanation_text(found, dm, state, opponents, names, "zh")
                assert zh.startswith(f"在状态{state}，{names[dm]}可移向") and "prefers" not in zh


def test_parties_without_actions_are_not_charted_as_tempted(client: TestClient) -> None:
    # The DPRK's Hanoi offer: only the DPRK and the US act; China, Japan, the ROK and Russia have nothing
    # to defect from (the CLI prints n/a), so their lines would be a flat "minus their tolerance".
    page = client.get("/cases/six-party-talks/roadmaps", params={"package": "hanoi-2019-prk-offer"})
    assert page.status_code == 200
    charted = {p["name"] for chart in chart_data(page.text) for p in chart["excess"]}  # type: ignore[union-attr]
    assert charted == {"DPRK", "United States"}
