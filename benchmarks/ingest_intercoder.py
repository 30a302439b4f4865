"""Benchmark: how far a second, blind coder agrees with the built-in case's hand coding (issue 17).

The goals of issue 17 compare ``hexatable ingest`` with the hand-coded events of ``six-party-talks``
(``benchmarks/ingest_quality.py``). Those events are one coder's reading. To know what figure a
careful reader reaches on the same lines, a second coder coded the same events again, blind: given
only each event's citations (line and verbatim quote), the seed text, the case's actor list and the
dating conventions of docs/case-format.md, and not the first coding, ingest's output, its code or its
documentation (protocol: docs/case-audit/second-coding.md). This script compares the two codings,
event by event, on what the goals measure:

- **dates**: the share of events whose two dates are the same ISO 8601 string (*strict*), and whose
  spans contain one another (*compatible*, as in ``ingest_quality.py``);
- **actors**: the second coder's actors against the first's, as items: precision = the second's
  actors the first also has / the second's actors, recall = the first's actors the second also has /
  the first's actors (``targets`` are not scored, as in ``ingest_quality.py``);
- **CAMEO**: the share of events with the same root code, and Cohen's kappa (agreement beyond what
  the two coders' code frequencies give by chance).

Each figure comes with its 95 % Wilson interval. The figures are a *ceiling of a different kind* from
``ingest_quality.py``'s: here both coders code the same events (no event can be missed or extra), so
they compare with ingest's recall and CAMEO agreement, not with its precision.

``--disagreements`` lists, for the seeds run, each event the coders date or code differently, with
both codings and the second coder's stated doubt; never for the held-out seed (``ingest_quality.HELD_OUT``).

Run: ``PYTHONPATH=src .venv/bin/python benchmarks/ingest_intercoder.py [--json] [--intervals]
[--seeds 000 001 003] [--disagreements]``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ingest_quality import CASE, HELD_OUT, compatible, interval
from second_coding import SECOND_CODING, Coding, CodingError, load_second_coding

from hexatable.case import open_case
from hexatable.case.models import Case


def first_coding(case: Case, events: Iterable[Coding]) -> dict[str, Coding]:
    """The case's own coding of each event the second coder read."""
    by_id = {e.id: e for e in case.events}
    return {
        c.event: Coding(
            c.event, c.seed, str(by_id[c.event].date), frozenset(by_id[c.event].actors), by_id[c.event].cameo
        )
        for c in events
    }


def cohen_kappa(first: Sequence[int], second: Sequence[int]) -> float | None:
    """Cohen's kappa of two coders' labels for the same items (Cohen 1960, *A coefficient of agreement
    for nominal scales*, Educational and Psychological Measurement 20(1)): (p_o − p_e) / (1 − p_e),
    p_o the observed agreement and p_e the agreement expected from the two coders' label frequencies.
    None when it is undefined (no items, or both coders used one and the same label throughout).

    The 2 × 2 example of Wikipedia's *Cohen's kappa* page (20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no):

    >>> first = [1] * 25 + [2] * 25
    >>> second = [1] * 20 + [2] * 5 + [1] * 10 + [2] * 15
    >>> round(cohen_kappa(first, second), 3)
    0.4
    """
    if len(first) != len(second):
        raise ValueError("both coders must label the same items")
    n = len(first)
    if not n:
        return None
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / n
    left, right = Counter(first), Counter(second)
    expected = sum(left[label] * right[label] for label in left) / (n * n)
    return None if expected == 1 else (observed - expected) / (1 - expected)


def agreement(pairs: Sequence[tuple[Coding, Coding]]) -> dict[str, object]:
    """The figures of the module docstring for (first, second) codings of the same events."""
    n = len(pairs)
    strict = sum(a.date == b.date for a, b in pairs)
    within = sum(compatible(a.date, b.date) for a, b in pairs)
    right = sum(len(b.actors & a.actors) for a, b in pairs)
    second_total = sum(len(b.actors) for _, b in pairs)
    first_total = sum(len(a.actors) for a, _ in pairs)
    same_code = sum(a.cameo == b.cameo for a, b in pairs)
    doubted = [(a, b) for a, b in pairs if b.doubt]

    def share(count: int, total: int) -> dict[str, object]:
        return {
            "share": count / total if total else None,
            "ci95": interval(count, total),
            "count": count,
            "of": total,
        }

    return {
        "events": n,
        "dates": share(strict, n),
        "dates_compatible": share(within, n),
        "actors_precision": share(right, second_total),
        "actors_recall": share(right, first_total),
        "cameo": share(same_code, n),
        "cameo_kappa": cohen_kappa([a.cameo for a, _ in pairs], [b.cameo for _, b in pairs]),
        "second_coder_doubted": len(doubted),
        "cameo_where_undoubted": share(
            sum(a.cameo == b.cameo for a, b in pairs if not b.doubt), n - len(doubted)
        ),
    }


def disagreements(pairs: Sequence[tuple[Coding, Coding]]) -> list[dict[str, object]]:
    """Each event whose date, actors or code differ, with both readings and the second coder's doubt."""
    return [
        {
            "event": a.event,
            "first": {"date": a.date, "actors": sorted(a.actors), "cameo": a.cameo},
            "second": {"date": b.date, "actors": sorted(b.actors), "cameo": b.cameo},
            "doubt": b.doubt,
        }
        for a, b in pairs
        if a.date != b.date or a.actors != b.actors or a.cameo != b.cameo
    ]


def measure(prefixes: Iterable[str] | None = None, with_disagreements: bool = False) -> dict[str, object]:
    case = open_case(CASE)
    second = load_second_coding(SECOND_CODING, case)
    first = first_coding(case, second)
    wanted = list(prefixes) if prefixes is not None else None
    seeds = sorted({c.seed for c in second if wanted is None or any(c.seed.startswith(p) for p in wanted)})
    rows: list[dict[str, object]] = []
    for seed in seeds:
        pairs = [(first[c.event], c) for c in second if c.seed == seed]
        row: dict[str, object] = {"seed": seed, **agreement(pairs)}
        if with_disagreements and not seed.startswith(HELD_OUT):
            row["disagreements"] = disagreements(pairs)
        rows.append(row)
    if len(rows) > 1:
        pairs = [(first[c.event], c) for c in second if c.seed in seeds]
        rows.append({"seed": "pooled (" + ", ".join(seeds) + ")", **agreement(pairs)})
    return {"case": CASE, "second_coding": str(SECOND_CODING.name), "seeds": rows}


def _fmt(figure: object, with_interval: bool = False) -> str:
    assert isinstance(figure, dict)
    share, ci = figure["share"], figure["ci95"]
    if share is None:
        return "—"
    return f"{share:.2f} [{ci[0]:.2f}, {ci[1]:.2f}]" if with_interval else f"{share:.2f}"


def print_table(data: dict[str, object], intervals: bool = False) -> None:
    width = 18 if intervals else 6
    names = ("dates", "dates_compatible", "actors_precision", "actors_recall", "cameo")
    heads = ("date", "date~", "actP", "actR", "CAMEO")
    print(
        f"{'seed':<22} {'n':>3}  " + " ".join(f"{h:>{width}}" for h in heads) + f"  {'kappa':>5} {'doubt':>5}"
    )
    for row in data["seeds"]:  # type: ignore[attr-defined]
        kappa = row["cameo_kappa"]
        shown = f"{kappa:.2f}" if kappa is not None else "—"
        print(
            f"{row['seed'][:22]:<22} {row['events']:>3}  "
            + " ".join(f"{_fmt(row[k], intervals):>{width}}" for k in names)
            + f"  {shown:>5} {row['second_coder_doubted']:>5}"
        )
        for item in row.get("disagreements", []):
            print("   ", json.dumps(item, ensure_ascii=False))
    print("the same events coded twice, blind: compare with ingest's recall and CAMEO agreement,")
    print("not with its precision")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--intervals", action="store_true", help="print each figure's 95 %% Wilson interval")
    parser.add_argument(
        "--seeds", nargs="+", metavar="PREFIX", help="only the seeds starting with these prefixes"
    )
    parser.add_argument(
        "--disagreements",
        action="store_true",
        help=f"list the events the coders read differently (never for the held-out seed {HELD_OUT})",
    )
    args = parser.parse_args(argv)
    try:
        data = measure(args.seeds, args.disagreements)
    except CodingError as error:
        parser.exit(2, f"error: {error}\n")
    if not data["seeds"]:
        parser.error(f"--seeds: the second coding reads no seed starting with {', '.join(args.seeds)}")
    if args.json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        print_table(data, args.intervals)


if __name__ == "__main__":
    main()
