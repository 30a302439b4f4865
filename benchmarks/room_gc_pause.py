"""Benchmark: how long a full garbage collection pauses the room server, with and without the built-in
cases loaded before ``gc.freeze`` (issue 13's p99; benchmarks/RESULTS.md, Stop 16 and Stop 17).

A full collection stops every thread while it walks every tracked object that is not frozen.
``hexatable serve`` freezes what it loaded at start-up; this script measures what is left to walk once
a class is running, in two fresh processes that start the server's objects as ``serve`` does (engine,
migrations, compiled loops, the app and its templates), then:

- ``first-request``: freeze, then the class's first request loads the case (``serve`` until Stop 17);
- ``preloaded``: :func:`hexatable.cli.serve.load_builtin_cases`, then freeze (``serve`` now).

Each then makes a class of ``--tables`` tables, builds every seat's view once, and times ``--repeat``
full collections with ``time.process_time`` (CPU, so other jobs on the machine do not inflate it).

Run: ``PYTHONPATH=src .venv/bin/python benchmarks/room_gc_pause.py [--tables 50] [--repeat 7] [--json]``.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

MODES = ("first-request", "preloaded")


def measure(mode: str, tables: int, repeat: int) -> dict[str, float | int | str]:
    """One mode, in this process: the median and worst full collection (ms of CPU) and what it walks."""
    from hexatable.cli.serve import freeze_startup_objects, load_builtin_cases
    from hexatable.negotiate.beliefs import compiled
    from hexatable.services.room.classes import Classes
    from hexatable.services.room.db import make_engine, migrate
    from hexatable.services.room.service import Identity, RoomService
    from hexatable.web.app import create_app

    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{Path(folder) / 'room.sqlite3'}")
        migrate(engine)
        compiled()
        service = RoomService(engine, "bench-token")
        create_app(service)
        if mode == "preloaded":
            load_builtin_cases(service)
        freeze_startup_objects()
        instructor = Identity("instructor", None)
        made = Classes(service).create(instructor, tables=tables)
        for table in made.tables:
            for token in table.seat_tokens.values():
                service.view(service.identify(token, table.id), table.id)
        tracked = len(gc.get_objects())
        pauses = []
        for _ in range(repeat):
            start = time.process_time()
            gc.collect()
            pauses.append((time.process_time() - start) * 1000)
        engine.dispose()
    return {
        "mode": mode,
        "tables": tables,
        "tracked_objects": tracked,
        "frozen_objects": gc.get_freeze_count(),
        "median_ms": round(statistics.median(pauses), 2),
        "max_ms": round(max(pauses), 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tables", type=int, default=50, help="tables in the class (default 50)")
    parser.add_argument("--repeat", type=int, default=7, help="full collections timed per mode (default 7)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--mode", choices=MODES, help=argparse.SUPPRESS)  # one child process's job
    args = parser.parse_args()
    if args.tables < 1 or args.repeat < 1:
        parser.error("--tables and --repeat must be at least 1")
    if args.mode:
        print(json.dumps(measure(args.mode, args.tables, args.repeat)))
        return
    rows = []
    for mode in MODES:
        command = [sys.executable, __file__, "--mode", mode, "--tables", str(args.tables)]
        command += ["--repeat", str(args.repeat)]
        done = subprocess.run(command, capture_output=True, text=True, check=True, env=os.environ.copy())
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    machine = f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    load = Path("/proc/loadavg").read_text().split()[0] if Path("/proc/loadavg").exists() else "?"
    if args.json:
        print(json.dumps({"rows": rows, "machine": machine, "load": load}, indent=2))
        return
    print(f"{'mode':<15} {'tables':>6} {'tracked':>9} {'frozen':>9} {'median ms':>10} {'max ms':>8}")
    for row in rows:
        print(
            f"{row['mode']:<15} {row['tables']:>6} {row['tracked_objects']:>9,} {row['frozen_objects']:>9,}"
            f" {row['median_ms']:>10} {row['max_ms']:>8}"
        )
    print(f"CPU time per full collection (time.process_time); {machine}; load average {load}")


if __name__ == "__main__":
    main()
