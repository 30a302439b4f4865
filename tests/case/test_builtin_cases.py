"""The built-in cases load, validate, hold what the foundation issue asks, and cite real quotes."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from hexatable.case import ActorKind, Basis, Case, SessionKind, builtin_case_ids, case_folder, open_case
from hexatable.case.references import citations, references

SEEDS = Path(__file__).parents[3] / "shared" / "seeds"
PARTIES = ["CHN", "PRK", "USA", "KOR", "JPN", "RUS"]


@pytest.fixture(scope="module")
def spt() -> Case:
    return open_case("six-party-talks")


@pytest.fixture(scope="module")
def p5() -> Case:
    return open_case("p5-process")


def test_builtin_ids() -> None:
    assert builtin_case_ids() == ["p5-process", "six-party-talks"]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the source texts (shared/seeds) are not beside the repo")
@pytest.mark.parametrize("case_id", ["six-party-talks", "p5-process"])
def test_every_quote_is_in_its_source_on_its_line(case_id: str) -> None:
    # load_case raises with every misquoted citation when sources_dir is given.
    assert open_case(case_id, sources_dir=SEEDS).id == case_id


def test_parties_and_organisations_have_names_and_aliases_in_both_languages(spt: Case) -> None:
    assert sorted(spt.info.parties) == sorted(PARTIES)
    for actor_id in [*PARTIES, "IAEA", "UNSC"]:
        actor = spt.actor_index[actor_id]
        assert actor.names["en"] and actor.names["zh"]
        assert actor.aliases.get("en") and actor.aliases.get("zh"), actor_id
    prk = spt.actor_index["PRK"]
    assert {"朝方", "北韩", "北韓"} <= set(prk.aliases["zh"])
    assert {"DPRK", "North Korea"} <= set(prk.all_names())
    assert spt.actor_index["IAEA"].kind is ActorKind.INTERNATIONAL_ORGANISATION


HELD_IN_BEIJING = [
    "trilateral-2003",
    *(f"round-{n}" for n in (1, 2, 3)),
    *(f"round-4-phase-{n}" for n in (1, 2)),
    *(f"round-5-phase-{n}" for n in (1, 2, 3)),
    *(f"round-6-phase-{n}" for n in (1, 2)),
]


def test_rounds_have_phases_venue_chair_delegations_and_positions(spt: Case) -> None:
    rounds = [s for s in spt.sessions if s.kind is SessionKind.ROUND]
    assert sorted(s.id for s in rounds) == [f"round-{n}" for n in range(1, 7)]
    for number, phases in {4: 2, 5: 3, 6: 2}.items():
        children = [c for c in spt.children_of(f"round-{number}") if c.kind is SessionKind.PHASE]
        assert len(children) == phases
    for session_id in HELD_IN_BEIJING:
        session = spt.session_index[session_id]
        assert session.venue and session.chair == "CHN"
        expected = 3 if session_id == "trilateral-2003" else 6
        assert len({d.actor for d in session.delegations}) == expected, session_id
        assert all(d.head for d in session.delegations)
    for session_id in ["trilateral-2003", "round-1", "round-2", "round-3"]:
        assert len(spt.session_index[session_id].positions) >= 3


def test_positions_whose_party_the_source_lost_are_marked_inferred(spt: Case) -> None:
    # The article's position lists lost their country names (flag images): each attribution
    # must be an inference with a reason, never a silent guess.
    checked = 0
    for session_id in ["trilateral-2003", "round-1", "round-2", "round-3"]:
        for position in spt.session_index[session_id].positions:
            from_lists = [c for c in position.provenance if "立场" in c.locator]
            checked += len(from_lists)
            names = spt.actor_index[position.actor].all_names()
            for citation in from_lists:
                names_the_party = any(name in citation.quote for name in names)
                assert names_the_party or (citation.basis is Basis.INFERRED and citation.reason)
    assert checked >= 20


def test_outcome_documents_and_their_commitments(spt: Case) -> None:
    required = {
        "chairmans-statement-2004-02-28",
        "chairmans-statement-2004-06-26",
        "joint-statement-2005-09-19",
        "chairmans-statement-2006-12-22",
        "initial-actions-2007-02-13",
        "hod-consensus-2007-07-20",
        "second-phase-actions-2007-10-03",
        "singapore-joint-statement-2018-06-12",
        "hanoi-offer-usa-2019",
        "hanoi-offer-prk-2019",
    }
    assert required <= set(spt.document_index)
    for document_id in required:
        assert spt.document_index[document_id].commitments, document_id
    assert str(spt.document_index["joint-statement-2005-09-19"].date) == "2005-09-19"
    initial = spt.document_index["initial-actions-2007-02-13"]
    hfo = [c for c in initial.commitments if c.quantity and c.quantity.unit in {"t", "tonnes"}]
    assert any(c.quantity and c.quantity.amount == 50_000 for c in hfo)
    assert any(c.deadline and c.deadline.within_days == 60 for c in initial.commitments)
    assert any(c.verifier == "IAEA" for c in initial.commitments)


def test_the_five_working_groups_of_2007(spt: Case) -> None:
    groups = [s for s in spt.sessions if s.kind is SessionKind.WORKING_GROUP and s.id.startswith("wg-")]
    assert len(groups) == 5


def test_summits_of_2018_and_2019(spt: Case) -> None:
    assert str(spt.session_index["summit-singapore-2018"].date) == "2018-06-12"
    assert str(spt.session_index["summit-hanoi-2019"].date) == "2019-02-27/2019-02-28"


def test_dual_track_proposal_as_structure(spt: Case) -> None:
    track = spt.session_index["dual-track"]
    assert track.kind is SessionKind.TRACK
    descendants = [s for s in spt.sessions if _ancestors(spt, s.id) & {"dual-track"}]
    kinds = Counter(s.kind for s in descendants)
    assert kinds[SessionKind.WORKING_GROUP] == 2
    assert kinds[SessionKind.DIALOGUE] == 3


def _ancestors(case: Case, session_id: str) -> set[str]:
    found: set[str] = set()
    parent = case.session_index[session_id].parent
    while parent is not None:
        found.add(parent)
        parent = case.session_index[parent].parent
    return found


def test_timeline_has_at_least_100_events_from_2002_to_2019_from_every_source(spt: Case) -> None:
    assert len(spt.events) >= 100
    years = {e.date.start.year for e in spt.events}
    assert min(years) <= 2002 and max(years) >= 2019
    assert set(range(2002, 2020)) - years <= {2013, 2014, 2015, 2016, 2017}
    cited = Counter(c.source for e in spt.events for _, c in citations(e))
    shipped = case_folder("six-party-talks") / "sources"  # short excerpts, e.g. of news reports
    # the four source texts of this case (the seeds), as opposed to excerpts shipped with it
    seeds = {s.id for s in spt.sources if s.file and not (shipped / s.file).is_file()}
    assert len(seeds) == 4 and seeds <= set(cited)
    for event in spt.events:
        assert event.text.get("zh") and event.text.get("en"), event.id


def test_every_reference_resolves_and_every_fact_cites_a_known_source(spt: Case, p5: Case) -> None:
    for case in (spt, p5):
        ids = {
            "actors": set(case.actor_index),
            "sources": set(case.source_index),
            "sessions": set(case.session_index),
            "documents": set(case.document_index),
            "commitments": {c.id for c in case.commitments()},
        }
        for record in [*case.actors, *case.sessions, *case.documents, *case.events]:
            for _, ref, value in references(record):
                assert value in ids[ref.collection]
        for commitment in case.commitments():
            assert set(commitment.obligors) <= ids["actors"]
        for event in case.events:
            assert set(event.actors) | set(event.targets) <= ids["actors"]


def test_p5_process_case(p5: Case) -> None:
    assert sorted(p5.info.parties) == ["CHN", "FRA", "GBR", "RUS", "USA"]
    beijing = [s for s in p5.sessions if s.date and str(s.date) == "2014-04-14/2014-04-15"]
    assert len(beijing) == 1 and beijing[0].chair == "CHN"
    assert any(d.commitments for d in p5.documents)
