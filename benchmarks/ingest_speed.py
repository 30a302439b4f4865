"""Benchmark: 1 MB of Chinese through the whole ingest pipeline (issue 17 goal: under 10 s).

The text is the five seeds repeated until it reaches 1 MB of UTF-8 (about 350,000 characters), in one
file. Timed, as ``hexatable ingest BIG.txt --case six-party-talks -o DIR`` runs them: reading the
file, building the gazetteer (built-in plus the case's actors) and verb dictionary, segmenting and
extracting, and writing the draft case folder; then the draft is loaded with its quote check
(``hexatable validate``), timed apart. Loading the built-in case itself (which ``--case`` needs) is
timed apart too. One run each after one warm-up run of the extraction on a seed (jieba's dictionary
is loaded on first use, once per process: counted in the warm-up line).

``--lang en`` times English instead: the built-in case's English source excerpts (news, IAEA and
State Department texts) repeated to the same size, read as English (the sentence splitter was
quadratic on English until Stop 17: 235 s of CPU for 1 MB).

Run: ``PYTHONPATH=src .venv/bin/python benchmarks/ingest_speed.py [--mb 1] [--lang en]``.
"""

from __future__ import annotations

import argparse
import os
import platform
import tempfile
import time
from pathlib import Path

from hexatable.case import open_case
from hexatable.case.loader import check_case
from hexatable.ingest.draft import draft_case, write_draft
from hexatable.ingest.gazetteer import Gazetteer
from hexatable.ingest.pipeline import plan, run
from hexatable.ingest.read import read_source
from hexatable.ingest.verbs import VerbDictionary

SEEDS = Path("/work/shared/seeds")


def english_sources() -> list[str]:
    """The texts of the built-in case's English sources (its ``language: en`` sources with a file)."""
    from hexatable.case.builtin import builtin_cases_dir

    case = open_case("six-party-talks")
    folder = builtin_cases_dir() / "six-party-talks" / "sources"
    files = [folder / s.file for s in case.sources if s.language == "en" and s.file is not None]
    return [f.read_text(encoding="utf-8") for f in sorted(files) if f.exists()]


def big_text(megabytes: float, lang: str = "zh") -> str:
    """The seeds (or, for ``en``, the case's English sources) repeated (whole files, in order) until the
    UTF-8 size reaches ``megabytes``."""
    seeds = (
        english_sources()
        if lang == "en"
        else [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    )
    parts: list[str] = []
    size = 0
    target = int(megabytes * 1024 * 1024)
    while size < target:
        for seed in seeds:
            parts.append(seed)
            size += len(seed.encode("utf-8"))
            if size >= target:
                break
    return "\n\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=1.0, help="size of the text in MB (default 1)")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh", help="the language timed (default zh)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.txt"
        text = big_text(args.mb, args.lang)
        path.write_text(text, encoding="utf-8")
        print(f"text: {path.stat().st_size / 1024 / 1024:.2f} MB, {len(text):,} characters")

        started = time.perf_counter()
        case = open_case("six-party-talks")
        print(f"load the built-in case (--case):       {time.perf_counter() - started:6.2f} s")

        started = time.perf_counter()
        warm = read_source(sorted(SEEDS.glob("*.txt"))[2])
        gazetteer = Gazetteer.builtin().with_case(case)
        verbs = VerbDictionary.builtin()
        run(plan([warm], case=case), gazetteer=gazetteer, verbs=verbs)
        print(f"warm-up (dictionaries, jieba, 1 seed): {time.perf_counter() - started:6.2f} s")

        started = time.perf_counter()
        document = read_source(path)
        read_at = time.perf_counter()
        gazetteer = Gazetteer.builtin().with_case(case)
        verbs = VerbDictionary.builtin()
        built_at = time.perf_counter()
        (extraction,) = run(plan([document], lang=args.lang, case=case), gazetteer=gazetteer, verbs=verbs)
        extracted_at = time.perf_counter()
        draft = draft_case([extraction], gazetteer=gazetteer)
        write_draft(draft, Path(folder) / "draft")
        written_at = time.perf_counter()
        print(f"read:                                  {read_at - started:6.2f} s")
        print(f"gazetteer and verbs:                   {built_at - read_at:6.2f} s")
        print(
            f"segment and extract:                   {extracted_at - built_at:6.2f} s "
            f"({len(extraction.events):,} events)"
        )
        print(f"draft case written:                    {written_at - extracted_at:6.2f} s")
        print(f"whole pipeline:                        {written_at - started:6.2f} s  (goal < 10 s)")

        started = time.perf_counter()
        checked = check_case(Path(folder) / "draft")
        print(
            f"validate the draft (quotes checked):   {time.perf_counter() - started:6.2f} s "
            f"({checked.quotes.checked:,} quotes)"
        )
    load = Path("/proc/loadavg").read_text().split()[0] if Path("/proc/loadavg").exists() else "?"
    machine = f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    print(f"machine: {machine}, load average {load}")


if __name__ == "__main__":
    main()
