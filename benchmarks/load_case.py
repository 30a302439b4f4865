"""Benchmark: loading and checking a case, and filtering its timeline.

Prints, for the built-in case and for synthetic cases of growing size, the median wall time of
loading (read YAML with positions, validate, link), of the quote check against the sources, and of a
timeline query. Run: ``.venv/bin/python benchmarks/load_case.py``.
"""

from __future__ import annotations

import platform
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from hexatable.case import PartialDate, case_folder, load_case, timeline

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def median_seconds(action: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def synthetic_case(folder: Path, events: int) -> Path:
    """A case with ``events`` events over the actors of the example case."""
    (folder / "case.yaml").write_text(
        "case: {id: synthetic, title: {en: Synthetic}, parties: [AAA, BBB]}\n"
        "sources: [{id: s, title: {en: S}, language: en, kind: other}]\n"
        "actors:\n"
        "  - {id: AAA, kind: state, names: {en: A, zh: 甲},\n"
        "     provenance: [{source: s, locator: l, quote: q}]}\n"
        "  - {id: BBB, kind: state, names: {en: B, zh: 乙},\n"
        "     provenance: [{source: s, locator: l, quote: q}]}\n",
        encoding="utf-8",
    )
    lines = ["events:"]
    for n in range(events):
        year, month, day = 1990 + n % 30, 1 + n % 12, 1 + n % 28
        lines.append(
            f'  - id: e{n}\n    date: "{year}-{month:02d}-{day:02d}"\n    actors: [AAA]\n'
            f"    targets: [BBB]\n    cameo: {1 + n % 20}\n    text: {{en: event {n}, zh: 事件{n}}}\n"
            '    provenance: [{source: s, locator: "line 1", quote: q}]'
        )
    (folder / "events.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def main() -> None:
    print(
        f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, "
        f"Python {platform.python_version()}, {platform.system()} {platform.release()}"
    )
    folder = case_folder("six-party-talks")
    case = load_case(folder)
    print(
        f"six-party-talks: {len(case.events)} events, {len(case.sessions)} sessions, "
        f"{len(case.documents)} documents"
    )
    print(f"  load and check            {median_seconds(lambda: load_case(folder)) * 1000:8.1f} ms")
    if SEEDS.is_dir():
        seconds = median_seconds(lambda: load_case(folder, sources_dir=SEEDS))
        print(f"  load, check, quotes       {seconds * 1000:8.1f} ms")
    query = lambda: timeline(case, since=PartialDate(2005), until=PartialDate(2008), actor="PRK")  # noqa: E731
    print(f"  timeline query            {median_seconds(query, 50) * 1e6:8.1f} µs")
    for size in (1_000, 10_000, 50_000):
        with tempfile.TemporaryDirectory() as tmp:
            synthetic = synthetic_case(Path(tmp), size)
            seconds = median_seconds(lambda: load_case(synthetic), 3)  # noqa: B023
            big = load_case(synthetic)
            query_seconds = median_seconds(lambda: timeline(big, actor="AAA", cameo=[4]), 5)  # noqa: B023
            print(
                f"synthetic {size:>6} events: load {seconds:7.2f} s "
                f"({seconds / size * 1e6:6.1f} µs/event), timeline query {query_seconds * 1000:7.1f} ms"
            )


if __name__ == "__main__":
    main()
