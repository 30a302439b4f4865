"""Second review of round 5 (issue 17): cue choice on the reviewer's kinds of sentence, written for
these tests. Expected codes are the CAMEO code list's reading (Schrodt 2012, v1.1b3), worked out by hand."""

from __future__ import annotations

from hexatable.ingest.cue_choice import spans_overlapping, zh_fences, zh_in_topic, zh_topic_ends_at
from hexatable.ingest.types import Cue


def test_spans_overlapping_finds_only_the_spans_near_the_clause() -> None:
    spans = [(0, 3), (5, 9), (12, 14), (20, 25)]
    assert spans_overlapping(spans, 6, 13) == [(5, 9), (12, 14)]
    assert spans_overlapping(spans, 9, 12) == []
    assert spans_overlapping(spans, 0, 1) == [(0, 3)]


def test_each_clause_of_a_long_sentence_sees_its_own_topic() -> None:
    flat = "日本对朝鲜表示谴责，" * 50
    clause = 10 * 37  # the 38th clause
    assert zh_fences(flat, clause, clause + 10) == [(clause + 2, clause + 5)]
    assert zh_topic_ends_at(flat, clause + 5)
    assert not zh_topic_ends_at(flat, clause + 7)
    assert zh_in_topic(flat, Cue(clause + 3, clause + 5, "朝鲜", 0, "朝鲜", 0.1))
    assert not zh_in_topic(flat, Cue(clause + 7, clause + 9, "谴责", 11, "谴责", 1.0))
