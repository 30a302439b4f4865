"""Errata of issue 14: words the built-in case said that its sources do not.

Each entry names a record and words that were in it with no source behind them (read against the seeds);
the test fails if they come back. The membership of the multilateral working groups must be cited.
"""

from __future__ import annotations

import pytest

from hexatable.case import Basis, Case, case_folder, open_case
from hexatable.case.references import citations


@pytest.fixture(scope="module")
def spt() -> Case:
    return open_case("six-party-talks")


UNSOURCED = [
    # the seed calls him only 麦克马克 / 弗什博: no first names
    ("usa-reiterates-lwr-position-2005-09-26", "en", "Sean"),
    ("vershbow-no-negotiation-on-sanctions-2005-12-07", "en", "Alexander"),
    # the seed has 6,200 t arriving, not a "first" shipment
    ("kor-heavy-fuel-oil-arrives-2007-07-14", "en", "first"),
    # the seed blames a US exercise (乙支焦点透镜), not a US–ROK one
    ("prk-offers-to-resume-week-of-sep-12-2005-08-29", "zh", "美韩"),
    # the seed says 保持忍耐和等待: patience and waiting, nothing about engagement
    ("usa-strategic-patience-2010", "en", "engag"),
]


@pytest.mark.parametrize(("event_id", "lang", "words"), UNSOURCED)
def test_unsourced_words_are_gone(spt: Case, event_id: str, lang: str, words: str) -> None:
    [event] = [e for e in spt.events if e.id == event_id]
    assert words not in event.text[lang]


def test_only_the_analysis_calls_singapore_direction_and_principle(spt: Case) -> None:
    [summit] = [s for s in spt.sessions if s.summary and "direction and principle" in s.summary["en"]]
    assert summit.summary is not None
    assert "both" not in summit.summary["en"]
    cited = [c for _, c in citations(summit) if "方向性和原则性" in c.quote]
    assert [c.source for c in cited] == ["hanoi-analysis-2019"]


def test_razov_is_not_given_a_foreign_ministry_title(spt: Case) -> None:
    for session in spt.sessions:
        for where, citation in citations(session):
            if "拉佐夫" in citation.quote:
                assert "foreign ministry" not in (citation.reason or ""), (session.id, where)


GROUPS = ["wg-denuclearization", "wg-economy-energy", "wg-northeast-asia-peace-security"]


@pytest.mark.parametrize("group", GROUPS)
def test_six_party_membership_of_working_groups_is_cited(spt: Case, group: str) -> None:
    [session] = [s for s in spt.sessions if s.id == group]
    assert sorted(session.parties) == ["CHN", "JPN", "KOR", "PRK", "RUS", "USA"]
    members = [c for c in session.provenance if c.basis is Basis.INFERRED and "members" in (c.reason or "")]
    assert members and all(c.source == "xinhua-initial-actions-2007" for c in members)


def test_no_fact_rests_on_an_uncited_outside_report() -> None:
    # Every report a roadmap leans on is a source entry with a checked quote, or the gap is said.
    folder = case_folder("six-party-talks")
    for path in sorted(folder.glob("roadmap-*.yaml")):
        text = " ".join(path.read_text(encoding="utf-8").split()).lower()
        assert "outside report" not in text, path.name
