"""What the room's screen says, server-rendered: the debrief against the reservation values and the two
bargaining solutions, the engine's reasons in Chinese, the history of drafts after the end, the heading
of alternating offers, and who chairs."""

from __future__ import annotations

import html
import json
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from hexatable.case import open_case, pick
from hexatable.negotiate.analysis import analyse
from hexatable.web.i18n import translations
from hexatable.web.reasons import REASONS, REFUSALS, translate_reason
from tests.conftest import INSTRUCTOR
from tests.web.test_api import SPACE, act, create, view

SHEETS = {s.seat: s for s in open_case("six-party-talks").scenario_index["six-party-2007"].sheets}
ANALYSIS = analyse(SPACE)


def panel(client: TestClient, session: str, token: str, lang: str = "en") -> str:
    client.cookies.clear()
    response = client.get(f"/room/{session}/panel", params={"token": token, "lang": lang})
    assert response.status_code == 200
    return response.text


def chart_of(page: str) -> tuple[dict[str, Any], dict[str, Any]]:
    found = re.search(r'id="frontier"[^>]*data-chart="([^"]*)"\s+data-labels="([^"]*)"', page)
    assert found, "no frontier chart"
    return json.loads(html.unescape(found[1])), json.loads(html.unescape(found[2]))


def close(client: TestClient, session: str) -> None:
    assert act(client, session, INSTRUCTOR, {"type": "close"}).status_code == 200


def test_the_debrief_sets_each_result_against_the_reservation_value_and_the_solutions(
    client: TestClient,
) -> None:
    created = create(client)
    session = created["id"]
    close(client, session)
    debrief = view(client, session, created["observer_token"])["debrief"]
    assert debrief["reservations"] == {s: SHEETS[s].reservation for s in SPACE.seats}
    assert debrief["nash"] == SPACE.describe(ANALYSIS.nash)  # type: ignore[arg-type]
    assert debrief["kalai_smorodinsky"] == SPACE.describe(ANALYSIS.kalai_smorodinsky)  # type: ignore[arg-type]
    ks = ANALYSIS.kalai_smorodinsky
    assert debrief["kalai_smorodinsky_scores"] == {s: float(SPACE.utility_of(s)[ks]) for s in SPACE.seats}
    for lang, words in (
        ("en", ("Kalai–Smorodinsky solution", "Print the results")),
        ("zh", ("卡莱", "打印")),
    ):
        page = panel(client, session, created["seat_tokens"]["PRK"], lang)
        rows = re.findall(
            r"<tr><td>([^<]+)</td><td>(\d+)</td><td>([\d.]+)</td>", page.split('id="results"')[1]
        )
        assert len(rows) == len(SPACE.seats)
        assert {float(r[2]) for r in rows} == {SHEETS[s].reservation for s in SPACE.seats}
        assert all(w in page for w in words), lang
    # No agreement, yet the chart is not an empty box: the frontier and both solutions, titled axes.
    chart, labels = chart_of(panel(client, session, created["seat_tokens"]["USA"]))
    assert chart["agreement"] is None and len(chart["x"]) == len(ANALYSIS.frontier) > 0
    usa = SPACE.seat_index("USA")
    gains = SPACE.utilities - SPACE.reservations[:, None]
    assert chart["nash"]["x"] == pytest.approx(gains[usa, ANALYSIS.nash])
    assert chart["kalai_smorodinsky"]["y"] == pytest.approx(
        gains[:, ks].sum() - gains[usa, ks]  # type: ignore[index]
    )
    assert (
        labels["x"] == "Gain of United States"
        and labels["y"]
        and labels["nash"]
        and labels["kalai_smorodinsky"]
    )


def test_the_page_only_has_a_chart_when_there_is_something_to_draw(client: TestClient) -> None:
    created = create(client)
    assert 'id="frontier"' not in panel(client, created["id"], created["seat_tokens"]["PRK"])


def test_the_engines_reasons_are_shown_in_chinese(client: TestClient) -> None:
    created = create(client)
    session = created["id"]
    close(client, session)
    en = panel(client, session, created["seat_tokens"]["PRK"])
    zh = panel(client, session, created["seat_tokens"]["PRK"], "zh")
    assert "closed by the chair" in en
    assert "closed by the chair" not in zh and "主席宣布会谈结束" in zh


@pytest.mark.parametrize(
    ("reason", "chinese"),
    [
        ("time ran out", "时间已到"),
        ("'PRK' walked out", "朝鲜 退出了会谈"),
        ("'USA' ended the talks", "美国 结束了会谈"),
        ("no consensus by the deadline (20 drafts)", "截止时仍未协商一致（20 稿）"),
        ("no agreement by the deadline (3 rounds)", "截止时仍未达成协议（3 轮）"),
        ("agreed without PRK, JPN", "在 朝鲜、日本 缺席的情况下达成协议"),
        ("'PRK', 'JPN' walked out and 'USA' would not go on without them", "朝鲜、日本 退出了会谈，美国"),
        ("'JPN' walked out and 'USA' would not go on without it", "日本 退出了会谈，美国"),
        ("leaders: closed by the chair", "：主席宣布会谈结束"),
        ("working groups: 'PRK' walked out", "：朝鲜 退出了会谈"),
    ],
)
def test_each_kind_of_reason_is_translated(reason: str, chinese: str) -> None:
    names = {"PRK": "朝鲜", "USA": "美国", "JPN": "日本"}
    translated = translate_reason(reason, "zh", names)
    assert chinese in translated and not re.search(r"[a-z]{3}", translated.replace("'", "")), translated
    assert "PRK" not in translate_reason(reason, "en", {"PRK": "DPRK"}).replace("DPRK", "")


def test_every_reason_pattern_has_a_translation_with_the_same_placeholders() -> None:
    zh = translations("zh")
    for _, message in REASONS + REFUSALS:
        assert zh.gettext(message) != message, message
        assert sorted(re.findall(r"%\(\w+\)s", zh.gettext(message))) == sorted(
            re.findall(r"%\(\w+\)s", message)
        )


def test_a_reason_the_interface_does_not_know_is_shown_as_the_engine_gave_it() -> None:
    assert translate_reason("something new", "zh", {}) == "something new"


def answer_and_redraft(client: TestClient, created: dict[str, Any]) -> None:
    """The chair (China, a person) tables two drafts that differ on one issue; the people object."""
    session, tokens = created["id"], created["seat_tokens"]
    first = [options[0] for options in SPACE.options]
    second = [*first[:-1], SPACE.options[-1][1]]
    for version, options in ((1, first), (2, second)):
        tabled = act(client, session, tokens["CHN"], {"type": "table_draft", "options": options})
        assert tabled.status_code == 200, tabled.text
        for seat in ("CHN", "PRK", "USA"):
            answered = act(
                client,
                session,
                tokens[seat],
                {"type": "object", "version": version, "issue": SPACE.issues[0]},
            )
            assert answered.status_code == 200, answered.text


def test_earlier_versions_keep_their_changes_after_the_talks_end(client: TestClient) -> None:
    created = create(client, people=("CHN", "PRK", "USA"))
    answer_and_redraft(client, created)
    session = created["id"]
    before = panel(client, session, created["seat_tokens"]["PRK"]).split("Earlier versions")[1]
    close(client, session)
    after = panel(client, session, created["seat_tokens"]["PRK"]).split("Earlier versions")[1]
    last_issue = open_case("six-party-talks").issue_index[SPACE.issues[-1]]
    changed = re.findall(r'<td class="muted">([^<]*)</td>', after)
    assert len(changed) == 2 and all(changed), changed
    assert changed[1].startswith(pick(last_issue.title, "en") + ":")
    assert re.findall(r'<td class="muted">([^<]*)</td>', before) == changed


def test_alternating_offers_say_round_n_of_the_deadline(client: TestClient) -> None:
    created = create(client, mechanism="alternating-offers", max_drafts=1)
    session, tokens = created["id"], created["seat_tokens"]
    for _ in range(10):
        current = view(client, session, created["observer_token"])["session"]
        if current["status"] != "open":
            break
        options = [o[_ % len(o)] for o in SPACE.options]
        assert (
            act(client, session, tokens[current["turn"]], {"type": "propose", "options": options}).status_code
            == 200
        )
    assert view(client, session, created["observer_token"])["session"]["status"] == "failed"
    page = panel(client, session, tokens["PRK"])
    assert re.search(r'<span id="progress">Round 1 of 1 · offers made: \d+</span>', page), page[:2000]
    assert "Round 2" not in page
    assert "截止时仍未达成协议（1 轮）" in panel(client, session, tokens["PRK"], "zh")


def test_the_session_form_says_who_chairs(client: TestClient) -> None:
    client.cookies.clear()
    page = client.get("/", params={"token": INSTRUCTOR}).text
    assert re.search(r"China \(CHN\)\s*<span class=\"tag chair\">chair</span>", page)
    assert "China (CHN) chairs this scenario" in page


@pytest.mark.parametrize(
    ("seat", "event", "english", "chinese"),
    [
        ("PRK", {"type": "support", "version": 1}, "no draft has been tabled yet", "尚未提出任何草案"),
        (
            "PRK",
            {"type": "table_draft", "options": [o[0] for o in SPACE.options]},
            "only the chair 'CHN' tables drafts, not 'PRK'",
            "只有主席 中国 可以提出草案",
        ),
        (
            "USA",
            {"type": "recess"},
            "only the chair 'CHN' may call a recess or resume the talks",
            "只有主席 中国",
        ),
        ("CHN", {"type": "resume"}, "the talks are not in recess", "会谈并未休会"),
    ],
)
def test_the_engines_refusals_are_translated_when_asked(
    client: TestClient, seat: str, event: dict[str, Any], english: str, chinese: str
) -> None:
    created = create(client, people=("CHN", "PRK", "USA"))
    session, token = created["id"], created["seat_tokens"][seat]
    refused = act(client, session, token, event)
    assert (refused.status_code, refused.json()["detail"]) == (409, english)  # the API's default: as is
    client.cookies.clear()
    translated = client.post(
        f"/api/sessions/{session}/events",
        params={"lang": "zh"},
        json=event,
        headers={"Authorization": f"Bearer {token}"},
    )
    assert translated.status_code == 409 and chinese in translated.json()["detail"], translated.json()


def test_a_move_after_the_end_is_refused_with_the_reason_in_chinese(client: TestClient) -> None:
    created = create(client)
    close(client, created["id"])
    token = created["seat_tokens"]["PRK"]
    refused = client.post(
        f"/api/sessions/{created['id']}/events",
        params={"lang": "zh"},
        json={"type": "message", "text": "hello"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert refused.json()["detail"] == "会谈已结束（未达成协议：主席宣布会谈结束）"
