"""The same-act figures of benchmarks/ingest_quality.py: quotes laid on the text, not lines."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from hexatable.case.dates import DateSpan
from hexatable.ingest.types import ActorMention, DateMention, DraftEvent

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def _load() -> ModuleType:
    sys.path.insert(0, str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location("ingest_quality", BENCHMARKS / "ingest_quality.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


quality = _load()


def _event(name: str, line: int, quote: str, cameo: int) -> DraftEvent:
    date = DateMention(0, 4, "2003", DateSpan.parse("2003"), "zh-y")
    return DraftEvent(
        id=name,
        source="s",
        line=line,
        end_line=line,
        start=0,
        end=len(quote),
        sentence=quote,
        quote=quote,
        date=date,
        actors=(ActorMention(0, 2, "朝方", "PRK", "case"),),
        targets=(),
        cameo=cameo,
        cue=None,
        confidence=0.5,
    )


def _gold(name: str, line: int, quote: str, cameo: int) -> object:
    return quality.Gold(
        name, ((line, line),), "2003", frozenset({"PRK"}), cameo, quote, ((line, line, quote),)
    )


def test_an_act_is_judged_against_the_coded_act_its_quote_overlaps_not_the_first_on_the_line() -> None:
    """Two coded acts on line 5 with the same date and actor: matching by line would compare the
    extracted refusal with the visit (the case's first); by quote it meets the refusal."""
    gold = [_gold("visit", 5, "中方派特使访问朝鲜", 4), _gold("refusal", 5, "因此拒绝出席会谈", 12)]
    extracted = [_event("e1", 5, "朝方代表团因此拒绝出席会谈。", 12)]
    line_matched = quality.score(extracted, gold)["cameo"]
    same_act = quality.by_quote(extracted, gold)
    assert (line_matched["agree"], line_matched["matched"]) == (0, 1)  # the visit, first on the line
    assert (same_act["cameo_same_quote"]["agree"], same_act["cameo_same_quote"]["matched"]) == (1, 1)
    assert (same_act["found_by_quote"]["found"], same_act["found_by_quote"]["hand_coded"]) == (1, 2)
    assert same_act["dates_same_quote"]["agree"] == 1
    assert (same_act["actors_same_quote"]["right"], same_act["actors_same_quote"]["extracted"]) == (1, 1)


def test_quotes_on_other_lines_or_sharing_only_punctuation_are_not_the_same_act() -> None:
    gold = [_gold("statement", 7, "朝方发表声明。", 1)]
    elsewhere = _event("e1", 8, "朝方发表声明。", 1)
    punctuation = _event("e2", 7, "。美方随即回应", 1)
    result = quality.by_quote([elsewhere, punctuation], gold)
    assert result["cameo_same_quote"]["matched"] == 0
    assert result["found_by_quote"]["found"] == 0


def test_markup_and_whitespace_do_not_hide_an_overlap() -> None:
    """Cited quotes are checked past link markup and whitespace (hexatable.case.quotes.normalise)."""
    assert quality.text_overlap('[王毅](../Page/王毅.md "wikilink")表示，同意', "王毅 表示，同意复会") == 7
