"""The same-act figures of benchmarks/ingest_quality.py: quotes laid on the text, not lines."""

from __future__ import annotations

import pytest

from hexatable.case.dates import DateSpan
from hexatable.ingest.types import ActorMention, Cue, DateMention, DraftEvent
from tests.benchmarks.loading import load_benchmark

quality = load_benchmark("ingest_quality")


def _event(text: str, name: str, sentence: str, quote: str, cue: str, actor: str, cameo: int) -> DraftEvent:
    """An extracted event whose offsets are where its words stand in ``text``."""
    start = text.index(sentence)
    line = text.count("\n", 0, start) + 1
    at = text.index(cue, start)
    named = text.index(actor, start)
    return DraftEvent(
        id=name,
        source="s",
        line=line,
        end_line=line + sentence.count("\n"),
        start=start,
        end=start + len(sentence),
        sentence=sentence,
        quote=quote,
        date=DateMention(start, start + 4, "2003", DateSpan.parse("2003"), "zh-y"),
        actors=(ActorMention(named, named + len(actor), actor, "PRK", "case"),),
        targets=(),
        cameo=cameo,
        cue=Cue(at, at + len(cue), cue, cameo, cue),
        confidence=0.5,
    )


def _gold(name: str, line: int, quote: str, cameo: int, end_line: int | None = None) -> object:
    last = end_line or line
    return quality.Gold(
        name, ((line, last),), "2003", frozenset({"PRK"}), cameo, quote, ((line, last, quote),)
    )


def _pairs(text: str, extracted: list[DraftEvent], gold: list[object]) -> object:
    return quality.same_act_pairs(extracted, gold, quality.Layout.of(text))


def test_an_act_is_judged_against_the_coded_act_its_quote_overlaps_not_the_first_on_the_line() -> None:
    """Two coded acts on line 2 with the same date and actor: matching by line compares the extracted
    refusal with the visit (first in the case); by quote it meets the refusal."""
    text = "标题\n中方派特使访问朝鲜。朝方代表团因此拒绝出席会谈。\n"
    gold = [_gold("visit", 2, "中方派特使访问朝鲜", 4), _gold("refusal", 2, "因此拒绝出席会谈", 12)]
    sentence = "朝方代表团因此拒绝出席会谈。"
    extracted = [_event(text, "e1", sentence, sentence, "拒绝", "朝方", 12)]
    line_matched = quality.score(extracted, gold)["cameo"]
    same_act = quality.by_quote(extracted, gold, quality.Layout.of(text))
    assert (line_matched["agree"], line_matched["matched"]) == (0, 1)
    assert (same_act["cameo_same_quote"]["agree"], same_act["cameo_same_quote"]["matched"]) == (1, 1)
    assert (same_act["found_by_quote"]["found"], same_act["found_by_quote"]["hand_coded"]) == (1, 2)
    assert same_act["dates_same_quote"]["agree"] == 1
    assert (same_act["actors_same_quote"]["right"], same_act["actors_same_quote"]["extracted"]) == (1, 1)


def test_quotes_that_share_words_but_do_not_touch_in_the_text_are_not_the_same_act() -> None:
    """The end of one quote equal to the start of another is no overlap unless they meet in the text."""
    text = "朝方表示拒绝参加六方会谈，理由很多。\n另据报道，六方会谈将于下月举行。\n"
    gold = [_gold("next-round", 1, "六方会谈将于下月举行", 4, end_line=2)]
    sentence = "朝方表示拒绝参加六方会谈，理由很多。"
    acts = _pairs(text, [_event(text, "e1", sentence, "朝方表示拒绝参加六方会谈", "拒绝", "朝方", 12)], gold)
    assert acts.pairs == [] and acts.found == set()


def test_a_shared_punctuation_mark_is_no_overlap_but_a_short_quote_inside_is() -> None:
    text = "朝方发表声明。美方随即回应。\n"
    statement = _gold("statement", 1, "朝方发表声明。", 1)
    short = _gold("short", 1, "美方", 1)
    sentence = "。美方随即回应。"
    event = _event(text, "e1", "美方随即回应。", "美方随即回应。", "回应", "美方", 1)
    assert sentence  # the event's quote starts right after the statement's 。
    acts = _pairs(text, [event], [statement, short])
    assert [g.id for _, g in acts.pairs] == ["short"]


def test_a_tie_goes_to_the_act_holding_the_cue_and_an_unbreakable_tie_is_left_unpaired() -> None:
    """Both coded quotes (seven characters each) lie wholly inside the extracted sentence, so they
    overlap it equally: the cue decides, and without it nothing does."""
    text = "同日，金桂冠访问美国，这是凯利访问朝鲜之后的首次。\n"
    visit = _gold("kim-visit", 1, "金桂冠访问美国", 4)
    earlier = _gold("kelly-visit", 1, "凯利访问朝鲜之", 4)
    sentence = "同日，金桂冠访问美国，这是凯利访问朝鲜之后的首次。"
    by_cue = _pairs(text, [_event(text, "e1", sentence, sentence, "访问美国", "金桂冠", 4)], [earlier, visit])
    assert [g.id for _, g in by_cue.pairs] == ["kim-visit"]
    undecided = _pairs(text, [_event(text, "e2", sentence, sentence, "首次", "同日", 4)], [earlier, visit])
    assert undecided.pairs == [] and undecided.ambiguous == 1


def test_markup_whitespace_and_a_quote_running_past_its_line_are_laid_on_the_text() -> None:
    """Cited quotes are found as the case's quote check finds them (hexatable.case.quotes.normalise):
    past link markup and line breaks, starting on the cited line."""
    text = '[王毅](../Page/王毅.md "wikilink")表示，同意\n复会。\n'
    gold = [_gold("agree", 1, "王毅表示，同意复会", 3)]
    sentence = '[王毅](../Page/王毅.md "wikilink")表示，同意\n复会。'
    acts = _pairs(text, [_event(text, "e1", sentence, "王毅表示，同意复会。", "同意", "王毅", 3)], gold)
    assert acts.located == {"agree"}
    assert [g.id for _, g in acts.pairs] == ["agree"]


def test_the_coded_acts_no_extracted_quote_overlaps_are_listed_with_the_events_on_their_lines() -> None:
    text = "标题\n中方派特使访问朝鲜。朝方代表团因此拒绝出席会谈。\n"
    gold = [_gold("visit", 2, "中方派特使访问朝鲜", 4), _gold("refusal", 2, "因此拒绝出席会谈", 12)]
    sentence = "朝方代表团因此拒绝出席会谈。"
    extracted = [_event(text, "e1", sentence, sentence, "拒绝", "朝方", 12)]
    listed = quality.not_found(extracted, gold, quality.Layout.of(text))
    assert [m["gold"] for m in listed] == ["visit"]
    assert [e["quote"] for e in listed[0]["on_its_lines"]] == [sentence]


def test_misses_of_a_dev_seed_are_listed_without_an_error() -> None:
    """``--misses`` on a dev seed: the same-act misses take the seed's layout and second reading
    (before round 6's fix the call left the layout out and raised a TypeError)."""
    if not list(quality.SEEDS.glob("003_*.txt")):
        pytest.skip("the seed texts are not on this machine")
    (row,) = [r for r in quality.measure(["003"], with_misses=True)["seeds"] if "pairs" in r]
    coded = {g.id for g in quality.gold_events(quality.open_case(quality.CASE), row["source"])}
    assert {m["gold"] for m in row["not_found"]} <= coded
    assert all(m["kind"].startswith("same-act:") for m in row["same_act_misses"])
