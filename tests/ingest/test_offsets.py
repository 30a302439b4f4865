"""The offset index that lets each clause of a long sentence find its own names and cues (issue 17,
round 6): it must answer exactly as filtering the whole list did, in the list's order."""

from __future__ import annotations

import random

from hexatable.ingest.extract import extract
from hexatable.ingest.offsets import OffsetIndex
from hexatable.ingest.read import document_from_text
from hexatable.ingest.types import Cue
from tests.ingest.fakes import FakeFinder, FakeGazetteer, WeightedVerbs


def _cues(seed: int, count: int) -> list[Cue]:
    """Cues at random offsets, some sharing a start (ties keep their order), sorted by start as
    the dictionary gives them."""
    rng = random.Random(seed)
    found = []
    for k in range(count):
        start = rng.randrange(0, 200)
        found.append(Cue(start, start + rng.randrange(1, 6), f"c{k}", 1, f"c{k}", rng.random()))
    return sorted(found, key=lambda c: (c.start, -c.weight))


def test_within_answers_as_the_filter_over_the_whole_list() -> None:
    for seed in range(20):
        cues = _cues(seed, 60)
        index = OffsetIndex(cues)
        for low in range(0, 210, 7):
            for high in range(low, 215, 11):
                expected = [c for c in cues if low <= c.start and c.end <= high]
                assert index.within(low, high) == expected
                assert index.any_within(low, high) == bool(expected)
                assert index.starting_in(low, high) == [c for c in cues if low <= c.start < high]


def test_starting_at_gives_the_first_item_at_that_offset() -> None:
    cues = [
        Cue(3, 5, "会谈", 4, "会谈", 0.9),
        Cue(3, 4, "会", 4, "会", 0.2),
        Cue(8, 10, "批评", 11, "批评", 1.0),
    ]
    index = OffsetIndex(cues)
    assert index.starting_at(3) is cues[0]
    assert index.starting_at(8) is cues[2]
    assert index.starting_at(4) is None
    assert index.starting_at(11) is None


def test_each_clause_of_a_long_sentence_keeps_its_own_actors_and_cue() -> None:
    # 300 clauses of two parties each, joined by commas into one sentence: every clause is cut
    # (a new subject after the comma) and finds only its own names and its own cue
    clause = "2009年3月3日日本批评朝鲜，韩国援助中国，"
    result = extract(
        document_from_text(clause * 300 + "。", name="long.txt"),
        lang="zh",
        gazetteer=FakeGazetteer(
            {"日本": ("JPN", None), "朝鲜": ("PRK", None), "韩国": ("KOR", None), "中国": ("CHN", None)}
        ),
        verbs=WeightedVerbs({"批评": (11, 1.0), "援助": (7, 0.8)}),
        source_id="long",
        finder=FakeFinder("zh"),
    )
    got = [([a.actor for a in e.actors], [t.actor for t in e.targets], e.cameo) for e in result.events]
    assert got == [(["JPN"], ["PRK"], 11), (["KOR"], ["CHN"], 7)] * 300
