"""The second-coding benchmark's arithmetic and its input checks (benchmarks/ingest_intercoder.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hexatable.case import open_case
from tests.benchmarks.loading import load_benchmark

intercoder = load_benchmark("ingest_intercoder")
Coding = intercoder.Coding


def test_kappa_reproduces_the_two_by_two_example() -> None:
    """Two readers of 50 applications: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no; p_o = 0.7, p_e = 0.5
    (reader A says yes to half, reader B to 60 %), so kappa = (0.7 − 0.5) / (1 − 0.5) = 0.4 (the worked
    example of Wikipedia's *Cohen's kappa* article, checked by hand here)."""
    first = [1] * 25 + [2] * 25
    second = [1] * 20 + [2] * 5 + [1] * 10 + [2] * 15
    assert intercoder.cohen_kappa(first, second) == pytest.approx(0.4)


@settings(deadline=None)
@given(st.lists(st.tuples(st.integers(1, 20), st.integers(1, 20)), min_size=2, max_size=60))
def test_kappa_agrees_with_scikit_learn(labels: list[tuple[int, int]]) -> None:
    """scikit-learn's ``cohen_kappa_score`` (installed with NegMAS) as an independent implementation."""
    metrics = pytest.importorskip("sklearn.metrics")
    first, second = [a for a, _ in labels], [b for _, b in labels]
    found = intercoder.cohen_kappa(first, second)
    if found is not None:
        assert found == pytest.approx(metrics.cohen_kappa_score(first, second))


@given(st.lists(st.tuples(st.integers(1, 20), st.integers(1, 20)), min_size=1, max_size=60))
def test_kappa_matches_its_definition_by_brute_force(labels: list[tuple[int, int]]) -> None:
    """(p_o - p_e) / (1 - p_e), with p_e summed over every pair of codes, not only the shared ones."""
    first, second = [a for a, _ in labels], [b for _, b in labels]
    n = len(labels)
    p_o = sum(a == b for a, b in labels) / n
    p_e = sum((first.count(c) / n) * (second.count(c) / n) for c in range(1, 21))
    found = intercoder.cohen_kappa(first, second)
    if p_e == 1:
        assert found is None
    else:
        assert found == pytest.approx((p_o - p_e) / (1 - p_e))
        assert -1 <= found <= 1


def test_identical_codings_agree_fully_and_figures_count_items() -> None:
    a = Coding("e1", "000", "2003-08-27/2003-08-29", frozenset({"CHN", "USA"}), 4)
    b = Coding("e2", "000", "2003", frozenset({"PRK"}), 16)
    same = intercoder.agreement([(a, a), (b, b)])
    assert same["dates"]["share"] == same["cameo"]["share"] == same["actors_recall"]["share"] == 1.0
    other = Coding("e1", "000", "2003-08", frozenset({"CHN"}), 3, doubt="cameo 3 or 4")
    mixed = intercoder.agreement([(a, other), (b, b)])
    assert mixed["dates"]["count"] == 1  # 2003-08 is not the range's string
    assert mixed["dates_compatible"]["count"] == 2  # but contains the range
    assert (mixed["actors_precision"]["count"], mixed["actors_precision"]["of"]) == (2, 2)
    assert (mixed["actors_recall"]["count"], mixed["actors_recall"]["of"]) == (2, 3)
    assert mixed["cameo"]["count"] == 1
    assert mixed["second_coder_doubted"] == 1
    assert mixed["cameo_where_undoubted"]["of"] == 1


GOOD = "- event: EVENT\n  seed: 'SEED'\n  date: '2003'\n  actors: [PRK]\n  cameo: 4\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{}", "expected a list of records"),
        ("- [unclosed", "cannot be read as YAML"),
        (GOOD.replace("EVENT", "no-such-event"), "record 1: field 'event'"),
        (GOOD.replace("'SEED'", "SEED"), "record 1 (EVENT): field 'seed': expected three digits in quotes"),
        (GOOD.replace("  seed: 'SEED'\n", ""), "record 1 (EVENT): field 'seed'"),
        (GOOD.replace("'SEED'", "'004'"), "record 1 (EVENT): field 'seed': the event does not cite seed 004"),
        (
            GOOD + GOOD.replace("- event", "- event", 1),
            "record 2 (EVENT): the event is read twice on seed SEED",
        ),
        (GOOD.replace("'2003'", "'2003-13'"), "record 1 (EVENT): field 'date'"),
        (GOOD.replace("[PRK]", "[]"), "record 1 (EVENT): field 'actors'"),
        (
            GOOD.replace("[PRK]", "[Prk Dprk]"),
            "record 1 (EVENT): field 'actors': 'Prk Dprk' is not an actor id",
        ),
        (GOOD.replace("cameo: 4", "cameo: 21"), "record 1 (EVENT): field 'cameo'"),
        (GOOD.replace("cameo: 4", "cameo: true"), "record 1 (EVENT): field 'cameo'"),
    ],
)
def test_a_bad_record_is_named_by_file_record_and_field(tmp_path: Path, text: str, message: str) -> None:
    case = open_case("six-party-talks")
    kept = intercoder.load_second_coding(intercoder.SECOND_CODING, case)
    event, seed = kept[0].event, kept[0].seed
    path = tmp_path / "second.yaml"
    path.write_text(text.replace("EVENT", event).replace("SEED", seed), encoding="utf-8")
    with pytest.raises(intercoder.CodingError) as raised:
        intercoder.load_second_coding(path, case)
    assert str(path) in str(raised.value)
    assert message.replace("EVENT", event).replace("SEED", seed) in str(raised.value)


def test_a_missing_file_is_named_as_missing_not_as_bad_yaml(tmp_path: Path) -> None:
    with pytest.raises(intercoder.CodingError, match="cannot be read: No such file"):
        intercoder.load_second_coding(tmp_path / "absent.yaml", open_case("six-party-talks"))


def test_the_kept_second_coding_reads_each_event_once_per_seed_it_cites() -> None:
    case = open_case("six-party-talks")
    coded = intercoder.load_second_coding(intercoder.SECOND_CODING, case)
    assert len({(c.event, c.seed) for c in coded}) == len(coded)
    sources = {s.id: Path(s.file).name[:3] for s in case.sources if s.file}
    by_id = {e.id: e for e in case.events}
    for c in coded:
        assert c.seed in {sources.get(cite.source) for cite in by_id[c.event].provenance}


def test_a_row_without_kappa_still_shows_its_figures(capsys: pytest.CaptureFixture[str]) -> None:
    """Both readers used one code throughout: kappa is undefined, the dates and actors are not."""
    one = Coding("e1", "000", "2003", frozenset({"PRK"}), 4)
    other = Coding("e2", "000", "2004", frozenset({"USA"}), 4)
    row = {
        "seed": "000",
        **intercoder.agreement([(one, one), (other, Coding("e2", "000", "2005", frozenset({"KOR"}), 4))]),
    }
    assert row["cameo_kappa"] is None
    intercoder.print_table({"seeds": [row]})
    shown = capsys.readouterr().out.splitlines()[1]
    assert "0.50" in shown and "—" in shown


def test_seeds_that_match_nothing_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        intercoder.main(["--seeds", "999"])
    assert stopped.value.code == 2
    assert "no seed starting with 999" in capsys.readouterr().err
