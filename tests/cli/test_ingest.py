"""``hexatable ingest`` through Typer's test runner, with the real date finder, gazetteer and verbs.

What is checked: the ``--json`` shape, the dry-run table, a written draft that ``hexatable validate``
accepts (new, and added to a case folder), and every bad-input path (exit 2, the message names the
file, no traceback).
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from typer.testing import CliRunner

from hexatable.cli.app import app

runner = CliRunner()

# Hand-written (our own words), in the seeds' layout: wrapped lines with a blank line between.
ZH = (
    "2018年6月12日，特朗普和金正恩在新加坡举行会\n"
    "\n"
    "晤并签署联合声明。\n"
    "\n"
    "次日，朝鲜外务省发表声明表示欢迎。\n"
)
EN = (
    "On June 12, 2018, Donald Trump met Kim Jong Un in Singapore.\nThe next day, China welcomed the summit.\n"
)

EVENT_KEYS = {
    "id",
    "source",
    "line",
    "end_line",
    "date",
    "date_text",
    "date_rule",
    "date_inferred",
    "date_period",
    "actors",
    "targets",
    "cameo",
    "cue",
    "confidence",
    "low",
    "quote",
    "text",
    "inferred",
}


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _no_traceback(output: str) -> None:
    assert "Traceback" not in output, output


def test_json_shape(tmp_path: Path) -> None:
    zh = _write(tmp_path, "summit.txt", ZH)
    en = _write(tmp_path, "summit-en.md", EN)
    result = runner.invoke(app, ["ingest", str(zh), str(en), "--case", "six-party-talks", "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"sources", "written", "periods"} and data["written"] == []
    assert data["periods"] == "contain"
    first, second = data["sources"]
    assert (first["id"], first["lang"], first["kind"], first["lines"]) == ("summit", "zh", "txt", 5)
    assert (second["id"], second["lang"], second["kind"]) == ("summit-en", "en", "md")
    for source in data["sources"]:
        assert set(source) == {
            "id",
            "file",
            "kind",
            "lang",
            "lines",
            "events",
            "proposed_actors",
            "unresolved_dates",
            "warnings",
            "left_out",
            "notes",
        }
        assert source["events"], source
        for event in source["events"]:
            assert set(event) == EVENT_KEYS
            assert 0 <= event["confidence"] <= 1 and 1 <= event["cameo"] <= 20
            for actor in event["actors"] + event["targets"]:
                assert set(actor) == {"id", "text", "origin", "state"}
                assert actor["origin"] in {"case", "gazetteer", "proposed", "user"}
            assert event["cue"] is None or set(event["cue"]) == {"text", "entry", "cameo"}
    summit = first["events"][0]
    # the first event is the summit of line 1 (wrapped to line 3), dated as written
    assert (summit["line"], summit["date"], summit["date_inferred"]) == (1, "2018-06-12", False)
    assert {a["id"] for a in summit["actors"]} >= {"donald-trump", "kim-jong-un"}
    assert summit["quote"].startswith("2018年6月12日，特朗普和金正恩")
    assert summit["text"]["en"].startswith("[draft]")


def test_dry_run_prints_a_table_and_writes_nothing(tmp_path: Path) -> None:
    zh = _write(tmp_path, "summit.txt", ZH)
    result = runner.invoke(app, ["ingest", str(zh), "--case", "six-party-talks"])
    assert result.exit_code == 0, result.stderr
    assert "summit.txt" in result.stdout and "2018-06-12" in result.stdout
    assert "dry run" in result.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["summit.txt"]


def test_draft_passes_validate_new_and_added(tmp_path: Path) -> None:
    zh = _write(tmp_path, "summit.txt", ZH)
    en = _write(tmp_path, "summit-en.txt", EN)
    out = tmp_path / "draft"
    result = runner.invoke(
        app, ["ingest", str(zh), "--lang", "zh", "--case", "six-party-talks", "-o", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    assert "wrote a draft case" in result.stdout
    checked = runner.invoke(app, ["validate", str(out), "--json"])
    assert checked.exit_code == 0, checked.stdout + checked.stderr
    report = json.loads(checked.stdout)
    assert report["valid"] and report["quotes"]["unchecked"] == 0
    first_count = report["counts"]["events"]
    assert first_count >= 2
    # adding the English file (and the same Chinese one again) to the draft: new files only
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    added = runner.invoke(app, ["ingest", str(en), str(zh), "-o", str(out), "--json"])
    assert added.exit_code == 0, added.stderr
    assert all(p.read_bytes() == content for p, content in before.items())
    written = json.loads(added.stdout)["written"]
    assert written and not any(Path(w) in before for w in written)
    again = runner.invoke(app, ["validate", str(out), "--json"])
    assert again.exit_code == 0, again.stdout + again.stderr
    assert json.loads(again.stdout)["counts"]["sources"] == 3


def test_min_confidence_drops_events(tmp_path: Path) -> None:
    zh = _write(tmp_path, "summit.txt", ZH)

    def confidences(*extra: str) -> list[float]:
        result = runner.invoke(app, ["ingest", str(zh), "--json", *extra])
        assert result.exit_code == 0, result.stderr
        return [e["confidence"] for e in json.loads(result.stdout)["sources"][0]["events"]]

    everything = confidences()
    threshold = sorted(everything)[len(everything) // 2] if everything else 0.5
    assert confidences("--min-confidence", str(threshold)) == [c for c in everything if c >= threshold]
    assert confidences("--min-confidence", "1.0") == [c for c in everything if c >= 1.0]


def _bad(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "the file is empty"),
        ("binary.txt", b"\x00\x01\x02\x03" * 10, "looks binary"),
        ("gbk.txt", "朝鲜民主主义人民共和国宣布关闭宁边核设施。".encode("gbk") * 20, "--encoding"),
        ("sheet.xlsx", b"PK\x03\x04", "unknown file type"),
        ("old-word.doc", b"\xd0\xcf\x11\xe0" * 8, "save the .doc file as .docx, .pdf or UTF-8 .txt first"),
        ("broken.docx", b"not a zip", "not a readable .docx file"),
        ("broken.pdf", b"%PDF-1.4\n%%EOF", "not a readable PDF"),
    ],
)
def test_bad_input_exits_2_naming_the_file(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = _bad(tmp_path, name, data)
    good = _write(tmp_path, "good.txt", ZH)
    out = tmp_path / "draft"
    result = runner.invoke(app, ["ingest", str(good), str(path), "-o", str(out)])
    assert result.exit_code == 2, result.stdout + result.stderr
    _no_traceback(result.stdout + result.stderr)
    assert str(path) in result.stderr and message in result.stderr
    assert not out.exists()  # nothing written when one file is bad


def test_missing_file_and_size_limit(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["ingest", str(tmp_path / "nope.txt")])
    assert missing.exit_code == 2 and "nope.txt: no such file" in missing.stderr
    big = _write(tmp_path, "big.txt", ZH * 200)
    result = runner.invoke(app, ["ingest", str(big), "--max-mb", "0.01"])
    assert result.exit_code == 2
    assert f"{big}: the file is" in result.stderr and "over the limit" in result.stderr
    _no_traceback(result.stdout + result.stderr)


def test_bad_gazetteer_file_is_located(tmp_path: Path) -> None:
    zh = _write(tmp_path, "summit.txt", ZH)
    bad = _write(tmp_path, "names.yaml", "actors: [unclosed\n")
    result = runner.invoke(app, ["ingest", str(zh), "--gazetteer", str(bad)])
    assert result.exit_code == 2, result.stdout + result.stderr
    assert "names.yaml" in result.stderr
    _no_traceback(result.stdout + result.stderr)


def test_output_that_is_a_broken_case_folder_is_refused(tmp_path: Path) -> None:
    zh = _write(tmp_path, "summit.txt", ZH)
    out = tmp_path / "case"
    out.mkdir()
    (out / "case.yaml").write_text("case: {id: Not An Id}\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(zh), "-o", str(out)])
    assert result.exit_code == 2
    assert "is not a valid case folder" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["case.yaml"]
    _no_traceback(result.stdout + result.stderr)


def test_options_are_checked(tmp_path: Path) -> None:
    zh = _write(tmp_path, "summit.txt", ZH)
    for args in (["--lang", "fr"], ["--year", "0"], ["--min-confidence", "2"], ["--case", "no-such-case"]):
        result = runner.invoke(app, ["ingest", str(zh), *args])
        assert result.exit_code != 0, args
        _no_traceback(result.stdout + result.stderr)


# --- what a reader of the docs and a user at a terminal see ---------------------------------------

DOCS = Path(__file__).parents[2] / "docs"
EXAMPLE = DOCS / "examples" / "ingest-chronology-2007.txt"


def _at_width(monkeypatch: pytest.MonkeyPatch, width: int) -> None:
    """Print the dry-run table as on a terminal ``width`` columns wide."""
    import hexatable.cli.ingest as command

    monkeypatch.setattr(command, "stdout", Console(width=width, emoji=False, color_system=None))


def _object_keys(text: str, start: int) -> tuple[dict[str, Any], int]:
    """The keys of the ``{"a", "b": [{"c"}], ...}`` sketch at ``text[start]`` (a ``{``), each with the keys
    of the object sketched right after it (``"b": {...}`` or ``"b": [{...}]``), and where it ends."""
    keys: dict[str, Any] = {}
    at, previous = start + 1, "{"
    while at < len(text):
        char = text[at]
        if char == '"':
            end = text.index('"', at + 1)
            if previous in "{,":
                key = text[at + 1 : end]
                keys[key] = None
                after = text[end + 1 :].lstrip()
                if after.startswith((": {", ": [{")):
                    nested = text.index("{", end)
                    keys[key], at = _object_keys(text, nested)
                    previous = "}"
                    continue
            previous, at = '"', end + 1
            continue
        if char == "}":
            return keys, at + 1
        if char in "{[":  # a value sketched as a list or object not named: skip it
            depth, at = 1, at + 1
            while depth:
                depth += 1 if text[at] in "{[" else -1 if text[at] in "}]" else 0
                at += 1
            previous = "}"
            continue
        if not char.isspace() and char not in "`":
            previous = char if char in ",:{|" else previous if char in "()" else "x"
        at += 1
    raise AssertionError(f"unclosed sketch at {start}")


def _documented_json() -> dict[str, Any]:
    """The ``--json`` shape as docs/cli.md writes it, as nested key sets."""
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    text = text[text.index("## `hexatable ingest") :]
    paragraph = " ".join(text[text.index("`--json` prints") :].split("\n\n")[0].split())
    top, _ = _object_keys(paragraph, paragraph.index("{"))
    source, _ = _object_keys(paragraph, paragraph.index("{", paragraph.index("each source is")))
    event, _ = _object_keys(paragraph, paragraph.index("{", paragraph.index("each event")))
    actor, _ = _object_keys(paragraph, paragraph.index("{", paragraph.index("an actor or target is")))
    return {"top": top, "source": source, "event": event, "actor": actor}


def test_json_has_exactly_the_keys_docs_cli_md_documents(tmp_path: Path) -> None:
    documented = _documented_json()
    # A text with a cue, a target, a name nobody knows (proposed) and a date without a year.
    text = _write(
        tmp_path,
        "notes.txt",
        "2018年6月12日，特朗普在新加坡与金正恩会晤。\n\n同日，张三丰宣布访问平壤。\n\n8月3日，朝鲜表示欢迎。\n",
    )
    result = runner.invoke(
        app, ["ingest", str(text), "--case", "six-party-talks", "--json", "-o", str(tmp_path / "d")]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == set(documented["top"])
    assert data["written"] and all(Path(p).exists() for p in data["written"])
    (source,) = data["sources"]
    assert set(source) == set(documented["source"])
    assert source["proposed_actors"], source  # so the next line checks something
    for proposed in source["proposed_actors"]:
        assert set(proposed) == set(documented["source"]["proposed_actors"])
    assert (
        source["events"]
        and any(e["cue"] for e in source["events"])
        and any(e["targets"] for e in source["events"])
    )
    for event in source["events"]:
        assert set(event) == set(documented["event"])
        if event["cue"] is not None:
            assert set(event["cue"]) == set(documented["event"]["cue"])
        assert set(event["text"]) == set(documented["event"]["text"])
        for actor in event["actors"] + event["targets"]:
            assert set(actor) == set(documented["actor"])


def test_documented_sketch_parser_reads_nesting() -> None:
    """The parser the shape test relies on, on a sketch with every form docs/cli.md uses."""
    sketch = '`{"a", "b": [{"c", "d"}], "e" (ISO), "f": "x"|"y", "g": {"h"} | null, "i": [text]}`'
    keys, _ = _object_keys(sketch, 1)
    assert keys == {"a": None, "b": {"c": None, "d": None}, "e": None, "f": None, "g": {"h": None}, "i": None}


def _worked_example() -> tuple[str, list[str]]:
    """The first command of "A worked example" in docs/ingest.md and the lines shown under it."""
    text = (DOCS / "ingest.md").read_text(encoding="utf-8")
    section = text[text.index("## A worked example") :]
    block = section[section.index("```\n$ hexatable ingest") + 4 :]
    block = block[: block.index("```")]
    command, *shown = block.splitlines()
    return command, shown


def _normal(lines: list[str]) -> list[str]:
    return [" ".join(line.split()) for line in lines if line.strip()]


def test_worked_example_in_docs_is_what_the_command_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    command, shown = _worked_example()
    args = command.removeprefix("$ hexatable ").split()
    assert args[:2] == ["ingest", "docs/examples/ingest-chronology-2007.txt"]
    args[1] = str(EXAMPLE)
    _at_width(monkeypatch, 100)  # the width docs/ingest.md says it shows
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert _normal(result.output.splitlines()) == _normal(shown)


@pytest.mark.parametrize("width", [80, 100, 120, 160])
def test_dry_run_table_fits_the_terminal(monkeypatch: pytest.MonkeyPatch, width: int) -> None:
    """At any width each line fits, dates and actor ids are never cut, and each event's quote starts
    near its row; below 120 columns a quote is one line cut with an ellipsis, from 120 on it is whole."""
    from rich.cells import cell_len

    _at_width(monkeypatch, width)
    result = runner.invoke(app, ["ingest", str(EXAMPLE), "--case", "six-party-talks"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert all(cell_len(line) <= width for line in lines), lines
    rows = [index for index, line in enumerate(lines) if re.match(r"\s*\d+\s+\d{4}-", line)]
    # the five events of the worked example, by line (the example's text, read by hand)
    assert [lines[index].split()[0] for index in rows] == ["3", "7", "11", "11", "15"]
    joined = "\n".join(lines)
    for whole in ("2007-03-19*", "CHN → PRK, USA", "IAEA, PRK", "CHN, PRK, USA, KOR, JPN, RUS", "07 运送"):
        assert whole in joined, (whole, joined)
    last_quote = "7月18日，国际原子能机构确认朝鲜已关闭宁边五座核设施。"
    if width < 120:
        # each event is its fields' line and its quote's line, the quote cut where it does not fit
        assert [lines[index + 1].split()[0][:5] for index in rows] == [
            "2007年",
            "3月19日",
            "7月14日",
            "次日，朝鲜",
            "7月18日",
        ]
        assert "…" in lines[rows[0] + 1]
    else:
        # quotes are whole, in their own column (wrapped within it when long): nothing is cut
        assert "…" not in joined
        assert last_quote[:14] in joined
        quote_column = "".join(line[lines[rows[-1]].index("7月18日") :] for line in lines[rows[-1] :])
        assert last_quote in quote_column.replace(" ", ""), quote_column


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        # ISO 8601 lets an interval's end omit what it shares with the start ("2008-02-15/03-14" is the
        # example in Wikipedia's "ISO 8601", section "Time intervals").
        ("2008-02-15/2008-03-14", "2008-02-15/03-14"),
        ("2018-05-30/2018-05-31", "2018-05-30/31"),
        ("2018-01/2018-03", "2018-01/03"),
        ("2018/2019", "2018/2019"),
        ("2018-12-30/2019-01-02", "2018-12-30/2019-01-02"),
        ("2018-12/2019-01-02", "2018-12/2019-01-02"),
        ("2018-06-12", "2018-06-12"),
        ("2018", "2018"),
    ],
)
def test_short_date(value: str, shown: str) -> None:
    from hexatable.cli.ingest import short_date

    assert short_date(value) == shown


def test_python_dash_m_hexatable_runs_the_cli() -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2] / "src")}
    result = subprocess.run(
        [sys.executable, "-m", "hexatable", "ingest", "--help"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "draft case" in result.stdout and "--encoding" in result.stdout


def test_a_folder_and_an_unknown_encoding_are_named(tmp_path: Path) -> None:
    folder = runner.invoke(app, ["ingest", str(tmp_path)])
    assert folder.exit_code == 2 and f"{tmp_path}: is a folder" in folder.stderr
    zh = _write(tmp_path, "summit.txt", ZH)
    encoding = runner.invoke(app, ["ingest", str(zh), "--encoding", "klingon"])
    assert encoding.exit_code == 2 and "--encoding: unknown encoding 'klingon'" in encoding.stderr
    _no_traceback(folder.output + encoding.output)


def test_a_file_without_events_says_why_and_what_to_try(tmp_path: Path) -> None:
    plain = _write(tmp_path, "plain.txt", "The weather was mild and nobody met anybody.\n")
    result = runner.invoke(app, ["ingest", str(plain)])
    assert result.exit_code == 0, result.output
    assert "plain.txt" in result.stdout and "no events" in result.stdout and "--year" in result.stdout
    assert "0 events from 1 source," in result.stdout


def test_notes_are_capped_and_each_unresolved_date_said_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A long text gives hundreds of warnings: 20 are printed, then how many more and where to find
    them; a date expression without a year is listed once however often it occurs."""
    import io

    import hexatable.cli.ingest as command
    from hexatable.ingest.extract import Extraction
    from hexatable.ingest.read import document_from_text

    buffer = io.StringIO()
    monkeypatch.setattr(command, "stderr", Console(file=buffer, width=200, emoji=False, color_system=None))
    extraction = Extraction(
        source_id="long",
        document=document_from_text("text\n", name="long.txt"),
        lang="zh",
        events=(),
        unresolved=("当日", "30日至31日", "当日"),
        warnings=tuple(f"line {n}: '说' by 朝方 has no date to attach" for n in range(1, 26)),
    )
    command._print_notes(extraction)
    lines = buffer.getvalue().splitlines()
    assert lines[:20] == [f"long.txt: line {n}: '说' by 朝方 has no date to attach" for n in range(1, 21)]
    assert lines[20] == "long.txt: 5 more warnings (--json lists them all)"
    assert (
        lines[21]
        == "long.txt: 3 date(s) whose year the text does not give (give it with --year): 当日, 30日至31日"
    )
    assert len(lines) == 22


def test_worked_example_write_step_in_docs_is_what_the_command_prints(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The ``-o draft`` block of docs/ingest.md's worked example, up to the ``validate`` line."""
    text = (DOCS / "ingest.md").read_text(encoding="utf-8")
    section = text[text.index("## A worked example") :]
    start = section.index("-o draft\n")
    shown = section[start:].split("\n")[1:]
    shown = shown[: next(i for i, line in enumerate(shown) if line.startswith("$ hexatable validate"))]
    monkeypatch.chdir(tmp_path)
    _at_width(monkeypatch, 100)
    result = runner.invoke(app, ["ingest", str(EXAMPLE), "--case", "six-party-talks", "-o", "draft"])
    assert result.exit_code == 0, result.output
    assert _normal(result.output.splitlines()) == _normal(shown)
    assert (tmp_path / "draft" / "events-ingest-chronology-2007.yaml").exists()


@given(
    start=st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    days=st.integers(0, 800),
    precision=st.sampled_from([1, 2, 3]),
)
def test_short_date_reads_back_to_the_range(start: date, days: int, precision: int) -> None:
    """Property: the shortened end, completed with the start's leading parts (as ISO 8601 reads an
    abbreviated interval end), is the original end; nothing but the end is shortened."""
    from hexatable.cli.ingest import short_date

    end = start + timedelta(days=days)
    first, last = (d.isoformat()[: {1: 4, 2: 7, 3: 10}[precision]] for d in (start, end))
    value = f"{first}/{last}"
    shown = short_date(value)
    left, short_end = shown.split("/")
    assert left == first
    parts, given_parts = first.split("-"), short_end.split("-")
    assert "-".join(parts[: len(parts) - len(given_parts)] + given_parts) == last


def _html_chronology() -> str:
    """A Chinese chronology page (our own words): a title, a year heading, entries in paragraphs, and
    a table; enough blocks that blank lines follow most lines (the layout where a blank line alone
    does not end a sentence)."""
    return (
        "<html><head><title>六方会谈大事记</title></head><body><h2>2007年</h2>"
        "<p>2007年2月13日，第五轮六方会谈第三阶段会议在北京闭幕。</p>"
        "<p>7月14日，韩国向朝鲜运送首批重油。</p>"
        "<table><tr><th>日期</th><th>事件</th></tr>"
        "<tr><td>2007年7月18日</td><td>国际原子能机构确认朝鲜已关闭宁边核设施。</td></tr></table>"
        "</body></html>"
    )


def _docx_chronology(path: Path) -> None:
    from docx import Document

    document = Document()
    document.add_heading("Six-Party Talks: a short chronology of the first phase", level=0)
    document.add_heading("Events of the year", level=1)
    document.add_paragraph("On February 13, 2007, China and North Korea agreed on initial actions.")
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "July 14, 2007"
    table.rows[0].cells[1].text = "South Korea shipped heavy fuel oil to North Korea."
    document.save(str(path))


def _ingest_and_validate(path: Path, out: Path) -> list[dict[str, Any]]:
    """Ingest ``path`` into a new draft at ``out``, check ``hexatable validate`` passes with every quote
    checked, and that each event's quote starts on its line of the kept text; the events."""
    from hexatable.case.quotes import normalise

    result = runner.invoke(app, ["ingest", str(path), "--case", "six-party-talks", "-o", str(out), "--json"])
    assert result.exit_code == 0, (result.stderr, repr(result.exception))
    source = json.loads(result.stdout)["sources"][0]
    checked = runner.invoke(app, ["validate", str(out), "--json"])
    assert checked.exit_code == 0, checked.stdout + checked.stderr
    report = json.loads(checked.stdout)
    assert report["valid"] and report["quotes"]["unchecked"] == 0
    kept = (out / "sources" / f"{source['id']}.txt").read_text(encoding="utf-8").splitlines()
    for event in source["events"]:
        first = kept[event["line"] - 1]
        assert normalise(event["quote"])[:8] in normalise(first), (event, first)
    events: list[dict[str, Any]] = source["events"]
    return events


def test_html_title_and_headings_do_not_run_into_the_first_sentence(tmp_path: Path) -> None:
    path = tmp_path / "chronology.html"
    path.write_text(_html_chronology(), encoding="utf-8")
    events = _ingest_and_validate(path, tmp_path / "draft")
    # (date, quote) as written in the page above
    assert [(e["date"], e["quote"]) for e in events] == [
        ("2007-02-13", "2007年2月13日，第五轮六方会谈第三阶段会议在北京闭幕。"),
        ("2007-07-14", "7月14日，韩国向朝鲜运送首批重油。"),
        ("2007-07-18", "2007年7月18日\t国际原子能机构确认朝鲜已关闭宁边核设施。"),
    ]


def test_docx_draft_keeps_headings_apart_and_reads_tables(tmp_path: Path) -> None:
    path = tmp_path / "chronology.docx"
    _docx_chronology(path)
    events = _ingest_and_validate(path, tmp_path / "draft")
    assert [(e["date"], e["quote"]) for e in events] == [
        ("2007-02-13", "On February 13, 2007, China and North Korea agreed on initial actions."),
        ("2007-07-14", "July 14, 2007\tSouth Korea shipped heavy fuel oil to North Korea."),
    ]


def test_pdf_draft_reads_a_sentence_over_a_page_break(tmp_path: Path) -> None:
    from tests.ingest.test_read import pdf_with_pages

    path = tmp_path / "report.pdf"
    path.write_bytes(
        pdf_with_pages(
            [
                [
                    "On February 13, 2007, China and North Korea agreed",
                    "on initial actions. On July 14, 2007, South Korea",
                ],
                [
                    "shipped heavy fuel oil to North Korea.",
                    "On July 18, 2007, the IAEA confirmed the shutdown.",
                ],
            ]
        )
    )
    events = _ingest_and_validate(path, tmp_path / "draft")
    assert [(e["line"], e["end_line"], e["date"]) for e in events] == [
        (1, 2, "2007-02-13"),
        (2, 3, "2007-07-14"),  # the sentence runs on from page 1 to page 2
        (4, 4, "2007-07-18"),
    ]


def test_low_confidence_events_are_marked_in_the_dry_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """The worked example's two events without a cue score 0.65 (base 0.10 + date from context 0.30 +
    known actor 0.25, by hand): marked ``low``; the others (0.97, 0.74, 0.80) are not. The mark keeps
    them; ``--min-confidence 0.7`` drops them."""
    _at_width(monkeypatch, 160)
    result = runner.invoke(app, ["ingest", str(EXAMPLE), "--case", "six-party-talks"])
    assert result.exit_code == 0, result.output
    rows = [line.split() for line in result.stdout.splitlines() if re.match(r"\s+\d+\s+\d{4}-", line)]
    assert [(row[0], row[1], row[4:6]) for row in rows] == [
        ("3", "2007-02-13", ["0.97", "CHN,"]),
        ("7", "2007-03-19*", ["0.74", "CHN"]),
        ("11", "2007-07-14*", ["0.80", "KOR"]),
        ("11", "2007-07-15*", ["0.65", "low"]),
        ("15", "2007-07-18*", ["0.65", "low"]),
    ]
    assert "2 events under confidence 0.70, marked low" in result.stderr
    kept = runner.invoke(
        app, ["ingest", str(EXAMPLE), "--case", "six-party-talks", "--min-confidence", "0.7"]
    )
    assert kept.exit_code == 0
    assert " low " not in kept.stdout and "3 events" in kept.stdout and "marked low" not in kept.stderr


MIXED = (
    "2007年2月13日，第五轮六方会谈第三阶段会议在北京闭幕。\n"
    "7月14日，韩国向朝鲜运送首批重油。\n"
    "On July 18, 2007, the IAEA confirmed that North Korea had shut down the reactor.\n"
    "On July 20, 2007, China said the talks would resume.\n"
    "On August 7, 2007, the United States and North Korea met in Beijing.\n"
)


def test_a_file_read_in_the_wrong_language_asks_whether_lang_is_right(tmp_path: Path) -> None:
    english = _write(tmp_path, "summit-en.txt", EN)
    result = runner.invoke(app, ["ingest", str(english), "--lang", "zh"])
    assert result.exit_code == 0, result.output
    said = " ".join(result.stdout.split())
    assert "summit-en.txt → source 'summit-en' (zh): no events found." in said
    assert "It was read as Chinese, but 0% of its letters are CJK: is it the right --lang?" in said


def test_a_file_without_dates_says_so(tmp_path: Path) -> None:
    undated = _write(tmp_path, "undated.txt", "China and North Korea agreed on initial actions.\n")
    result = runner.invoke(app, ["ingest", str(undated), "--case", "six-party-talks"])
    assert result.exit_code == 0, result.output
    assert "no date they can take" in " ".join(result.stdout.split())
    assert "undated.txt: line 1: 'agreed on' by China has no date to attach" in result.stderr


def test_a_dated_act_by_no_known_actor_is_named_not_lost(tmp_path: Path) -> None:
    """A dated clause with a cue but no actor anyone knows is not an event (an event needs an actor);
    the note names its line, cue and date, and the dry run says what to do."""
    text = "2014年7月，有关方面同意延长谈判期限。\n2014年11月24日，伊朗同意延长谈判期限。\n"
    nameless = _write(tmp_path, "nameless.txt", text)
    result = runner.invoke(app, ["ingest", str(nameless), "--json"])
    assert result.exit_code == 0, result.output
    source = json.loads(result.stdout)["sources"][0]
    assert [event["line"] for event in source["events"]] == [2]
    assert source["warnings"] == [
        "line 1: '同意' (2014年7月) has no actor the gazetteer or the case knows, so it is not an event"
    ]
    alone = _write(tmp_path, "alone.txt", text.splitlines()[0] + "\n")
    said = " ".join(runner.invoke(app, ["ingest", str(alone)]).stdout.split())
    assert "no events found. It has dated acts, but none by an actor the gazetteer or the case knows" in said


def test_a_few_lines_of_the_other_language_are_read_without_a_note(tmp_path: Path) -> None:
    """An English title or link in a Chinese chronology is read in English without a note (the note
    fired for any second language before review; seed 000 was flagged for one image link)."""
    text = (
        "".join(f"2031年5月{day}日，日本与韩国会谈。\n" for day in range(1, 11))
        + "See also: Fisheries Talks\n"
    )
    few = _write(tmp_path, "few.txt", text)
    result = runner.invoke(app, ["ingest", str(few), "--json"])
    assert result.exit_code == 0, result.output
    source = json.loads(result.stdout)["sources"][0]
    assert len(source["events"]) == 10
    assert not any("read as Chinese" in note for note in source["notes"]), source["notes"]


def test_a_file_in_two_languages_is_read_paragraph_by_paragraph(tmp_path: Path) -> None:
    """Two Chinese lines and three English ones (counted by hand): --lang auto reads each line (each a
    paragraph here) in its own language, so the five dated lines give six events (line 3 is the IAEA's
    confirmation and the DPRK's shutdown it reports, rule 3e), the Chinese ones dated by the Chinese
    rules (7月14日 in the year 2007 said before); the note still names the mix.
    Forced to one language, the note says what is lost and how auto reads it."""
    mixed = _write(tmp_path, "mixed.txt", MIXED)
    result = runner.invoke(app, ["ingest", str(mixed), "--case", "six-party-talks", "--json"])
    assert result.exit_code == 0, result.output
    (source,) = json.loads(result.stdout)["sources"]
    assert [(e["line"], e["date"]) for e in source["events"]] == [
        (1, "2007-02-13"),
        (2, "2007-07-14"),
        (3, "2007-07-18"),
        (3, "2007-07-18"),
        (4, "2007-07-20"),
        (5, "2007-08-07"),
    ]
    assert source["notes"][0] == (
        "2 of its lines read as Chinese and 3 as English: each paragraph was read in its own language "
        "(--lang auto); check the events where the language changes"
    )
    forced = runner.invoke(app, ["ingest", str(mixed), "--case", "six-party-talks", "--lang", "en"])
    assert forced.exit_code == 0, forced.output
    assert (
        "mixed.txt: 2 of its lines read as Chinese and 3 as English, but --lang en reads the whole file in "
        "English: its Chinese lines give no events or wrong ones; --lang auto reads each paragraph in its "
        "own language"
    ) in " ".join(forced.stderr.split())
    single = runner.invoke(app, ["ingest", str(_write(tmp_path, "en.txt", EN)), "--case", "six-party-talks"])
    assert "lines read as Chinese" not in single.stderr


def test_writing_a_draft_with_no_events_writes_nothing_and_says_why(tmp_path: Path) -> None:
    undated = _write(tmp_path, "undated.txt", "China and North Korea agreed on initial actions.\n")
    out = tmp_path / "draft"
    result = runner.invoke(app, ["ingest", str(undated), "--case", "six-party-talks", "-o", str(out)])
    assert result.exit_code == 1
    assert not out.exists()
    said = " ".join(result.stderr.split())
    assert "undated.txt: no events found. It names actors acting but no date they can take" in said
    assert f"no events found in 1 file: nothing written to {out}" in said
    as_json = runner.invoke(app, ["ingest", str(undated), "-o", str(out), "--json"])
    assert as_json.exit_code == 1 and json.loads(as_json.stdout)["written"] == [] and not out.exists()


def test_min_confidence_says_what_it_left_out() -> None:
    """Confidences of the worked example's events (docs/ingest.md): 0.97, 0.74, 0.80, 0.65, 0.65."""
    some = runner.invoke(
        app, ["ingest", str(EXAMPLE), "--case", "six-party-talks", "--min-confidence", "0.75"]
    )
    assert some.exit_code == 0
    assert "dry run: 2 events from 1 source (3 under --min-confidence 0.75 left out)" in " ".join(
        some.stdout.split()
    )
    every = runner.invoke(
        app, ["ingest", str(EXAMPLE), "--case", "six-party-talks", "--min-confidence", "0.99"]
    )
    assert every.exit_code == 0
    assert "Its 5 events are all under --min-confidence 0.99; lower it to see them." in " ".join(
        every.stdout.split()
    )


def test_json_has_the_low_marks_and_the_file_notes_the_table_shows(tmp_path: Path) -> None:
    """The worked example's confidences are 0.97, 0.74, 0.80, 0.65, 0.65 (docs/ingest.md): the last two
    are marked low, in ``--json`` as in the table, with the same note; ``--min-confidence`` says what it
    left out; a file without events says why; a file in two languages says so."""
    result = runner.invoke(app, ["ingest", str(EXAMPLE), "--case", "six-party-talks", "--json"])
    assert result.exit_code == 0, result.output
    (source,) = json.loads(result.stdout)["sources"]
    assert [e["low"] for e in source["events"]] == [False, False, False, True, True]
    assert source["left_out"] == 0
    assert source["notes"] == [
        "2 events under confidence 0.70, marked low: check them first (--min-confidence 0.7 leaves them out)"
    ]
    # 3月19日 takes its year from 2007年2月13日 (the running context)
    assert source["events"][1]["inferred"] == [
        "part of the date (3月19日) comes from the text's running context"
    ]
    assert source["events"][0]["inferred"] == []
    kept = runner.invoke(
        app, ["ingest", str(EXAMPLE), "--case", "six-party-talks", "--json", "--min-confidence", "0.75"]
    )
    (some,) = json.loads(kept.stdout)["sources"]
    assert (len(some["events"]), some["left_out"]) == (2, 3)
    assert some["notes"] == ["3 events under --min-confidence 0.75 left out"]
    undated = _write(tmp_path, "undated.txt", "China and North Korea agreed on initial actions.\n")
    mixed = _write(tmp_path, "mixed.txt", MIXED)
    both = runner.invoke(app, ["ingest", str(undated), str(mixed), "--case", "six-party-talks", "--json"])
    first, second = json.loads(both.stdout)["sources"]
    assert first["events"] == [] and len(first["notes"]) == 1
    assert first["notes"][0].startswith("no events found. It names actors acting but no date they can take")
    assert second["notes"][0].startswith("2 of its lines read as Chinese and 3 as English")


BLOCKS = {
    "zh": [
        "2007年2月13日，第五轮六方会谈在北京闭幕",
        "7月14日，韩国向朝鲜运送首批重油",
        "7月18日，国际原子能机构确认朝鲜已关闭宁边核设施。",
        "8月7日，朝鲜与美国在北京会谈。",
    ],
    "en": [
        "On February 13, 2007, China and North Korea agreed on initial actions",
        "On July 14, 2007, South Korea shipped heavy fuel oil to North Korea",
        "On July 18, 2007, the IAEA confirmed the shutdown.",
        "On August 7, 2007, the United States and North Korea met in Beijing.",
    ],
}
"""Four paragraphs (our own words), the first two without final punctuation: each must be its own
sentence, though with four blocks a blank line follows most lines (the seeds' layout, where blank
lines mean nothing)."""


def _blocks_file(folder: Path, lang: str, suffix: str) -> Path:
    path = folder / f"blocks-{lang}{suffix}"
    if suffix == ".html":
        body = "".join(f"<p>{paragraph}</p>" for paragraph in BLOCKS[lang])
        path.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    else:
        from docx import Document

        document = Document()
        for paragraph in BLOCKS[lang]:
            document.add_paragraph(paragraph)
        document.save(str(path))
    return path


@pytest.mark.parametrize("suffix", [".html", ".docx"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_sentence_runs_from_one_html_or_docx_block_into_the_next(
    tmp_path: Path, lang: str, suffix: str
) -> None:
    path = _blocks_file(tmp_path, lang, suffix)
    events = _ingest_and_validate(path, tmp_path / "draft")
    # each paragraph one event, quoted whole and dated by its own date, on lines 1, 3, 5, 7
    assert [(e["line"], e["date"], e["quote"]) for e in events] == [
        (1, "2007-02-13", BLOCKS[lang][0]),
        (3, "2007-07-14", BLOCKS[lang][1]),
        (5, "2007-07-18", BLOCKS[lang][2]),
        (7, "2007-08-07", BLOCKS[lang][3]),
    ]


HEADED = {
    "zh": [("h", "2007年2月13日"), ("p", "朝鲜表示欢迎。"), ("p", "韩国宣布提供援助。"), ("h", "7月")],
    "en": [
        ("h", "13 February 2007"),
        ("p", "Japan welcomed the agreement."),
        ("p", "Russia said it would help."),
    ],
}
"""A day heading over two entries (our own words); in Chinese a month heading with no entry closes
the list."""


def _headed_file(folder: Path, lang: str, kind: str) -> Path:
    path = folder / f"headed-{lang}.{kind}"
    items = HEADED[lang]
    if kind == "html":
        body = "".join(f"<h3>{t}</h3>" if tag == "h" else f"<p>{t}</p>" for tag, t in items)
        path.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    elif kind == "md":
        path.write_text(
            "".join(f"### {t}\n\n" if tag == "h" else f"{t}\n\n" for tag, t in items), encoding="utf-8"
        )
    else:
        from docx import Document

        document = Document()
        for tag, t in items:
            document.add_heading(t, level=3) if tag == "h" else document.add_paragraph(t)
        document.save(str(path))
    return path


@pytest.mark.parametrize("kind", ["html", "md", "docx"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_date_heading_dates_its_entries_in_every_format(tmp_path: Path, lang: str, kind: str) -> None:
    events = _ingest_and_validate(_headed_file(tmp_path, lang, kind), tmp_path / "draft")
    heading = HEADED[lang][0][1]
    # the heading on line 1; its entries on lines 3 and 5 (a blank line between blocks, in all three)
    assert [(e["line"], e["date"], e["quote"], e["inferred"]) for e in events] == [
        (3, "2007-02-13", HEADED[lang][1][1], [HEADING_REASON.format(heading, 1)]),
        (5, "2007-02-13", HEADED[lang][2][1], [HEADING_REASON.format(heading, 1)]),
    ]


def _heading_files(folder: Path) -> dict[str, Path]:
    """A chronology laid out under date headings (our own words), as an HTML page (Chinese), a Markdown
    file and a docx (English): a year heading, a day heading over two entries, a month heading over
    one, then a heading that is not a date over one entry that says no date."""
    from docx import Document

    page = folder / "headings.html"
    page.write_text(
        "<html><body><h2>2007年</h2><h3>2007年2月13日</h3><p>第五轮六方会谈第三阶段会议在北京闭幕。</p>"
        "<p>朝鲜表示欢迎。</p><h3>3月</h3><p>中国外交部发言人表示，朝美双方已达成谅解。</p>"
        "<h3>会谈以后</h3><p>韩国向朝鲜运送重油。</p></body></html>",
        encoding="utf-8",
    )
    markdown = folder / "headings.md"
    markdown.write_text(
        "# Chronology\n\n## 2008\n\n### 13 February 2007\n\nChina and North Korea agreed on initial "
        "actions.\n\nJapan welcomed the agreement.\n\n### March\n\nSouth Korea shipped heavy fuel oil to "
        "North Korea.\n\n### Notes\n\nNorth Korea criticised Japan.\n",
        encoding="utf-8",
    )
    document = Document()
    document.add_heading("2007", level=2)
    document.add_paragraph("North Korea criticised Japan.")
    document.add_heading("July", level=3)
    document.add_paragraph("South Korea shipped heavy fuel oil to North Korea.")
    docx = folder / "headings.docx"
    document.save(str(docx))
    return {"html": page, "md": markdown, "docx": docx}


HEADING_REASON = "the date ({}) is that of the heading on line {}, which the entries under it share"


def test_entries_under_a_date_heading_are_dated_by_it_until_the_next_heading(tmp_path: Path) -> None:
    files = _heading_files(tmp_path)
    page = _ingest_and_validate(files["html"], tmp_path / "draft-html")
    # lines of the text the reader makes: 1 "## 2007年", 3 "### 2007年2月13日", 5 and 7 its entries,
    # 9 "### 3月", 11 its entry, 13 "### 会谈以后", 15 an entry with no date (a warning, no event)
    assert [(e["line"], e["date"], e["date_rule"], e["inferred"]) for e in page] == [
        (5, "2007-02-13", "heading:zh-ymd", [HEADING_REASON.format("2007年2月13日", 3)]),
        (7, "2007-02-13", "heading:zh-ymd", [HEADING_REASON.format("2007年2月13日", 3)]),
        (11, "2007-03", "heading:zh-m+year", [HEADING_REASON.format("3月", 9)]),
    ]
    markdown = _ingest_and_validate(files["md"], tmp_path / "draft-md")
    # "## 2008" sets the year, but "### 13 February 2007" says its own; "### March" takes 2007 from it
    assert [(e["line"], e["date"], e["inferred"]) for e in markdown] == [
        (7, "2007-02-13", [HEADING_REASON.format("13 February 2007", 5)]),
        (9, "2007-02-13", [HEADING_REASON.format("13 February 2007", 5)]),
        (13, "2007-03", [HEADING_REASON.format("March", 11)]),
    ]
    result = runner.invoke(app, ["ingest", str(files["md"]), "--case", "six-party-talks"])
    assert "headings.md: line 17: 'criticised' by North Korea has no date to attach" in result.stderr


def test_a_year_heading_sets_the_year_but_dates_no_entry(tmp_path: Path) -> None:
    """In the docx, "2007" (a bare year) dates nothing: the entry under it has no date to attach; the
    "July" heading after it is July 2007 and dates its entry."""
    events = _ingest_and_validate(_heading_files(tmp_path)["docx"], tmp_path / "draft")
    assert [(e["line"], e["date"], e["inferred"]) for e in events] == [
        (7, "2007-07", [HEADING_REASON.format("July", 5)]),
    ]
    result = runner.invoke(
        app, ["ingest", str(tmp_path / "headings.docx"), "--case", "six-party-talks", "--json"]
    )
    assert json.loads(result.stdout)["sources"][0]["warnings"] == [
        "line 3: 'criticised' by North Korea has no date to attach"
    ]


def test_a_chronology_told_newest_first_is_dated_by_its_headings(tmp_path: Path) -> None:
    """ "### March" after "### July 2007" is a month before the context (it does not move it), yet it is
    the heading of its section: its entry is March 2007."""
    text = (
        "### July 2007\n\nSouth Korea shipped heavy fuel oil to North Korea.\n\n### March\n\n"
        "China and North Korea agreed on initial actions.\n"
    )
    events = _ingest_and_validate(_write(tmp_path, "newest-first.md", text), tmp_path / "draft")
    assert [(e["line"], e["date"], e["inferred"]) for e in events] == [
        (3, "2007-07", [HEADING_REASON.format("July 2007", 1)]),
        (7, "2007-03", [HEADING_REASON.format("March", 5)]),
    ]


# Our own words: a vague part of a year and of a month, a defined part of a month (上旬), and a season.
PERIODS_ZH = (
    "2007年初，朝鲜宣布关闭宁边核设施。\n\n"  # line 1
    "7月初，韩国向朝鲜运送重油。\n\n"  # line 3
    "8月上旬，中国与朝鲜举行会谈。\n\n"  # line 5
    "2008年春，美国与朝鲜举行会谈。\n"  # line 7
)
PERIODS_EN = (
    "In early 2007, North Korea shut down the Yongbyon reactor.\n\n"  # line 1
    "At the end of July 2007, South Korea shipped heavy fuel oil to North Korea.\n\n"  # line 3
    "In the spring of 2008, China and North Korea held talks.\n"  # line 5
)
MONTH_REASON = (
    "'{}' is written as the month ({}), by the dating convention: a vague part of a month claims no days"
)
YEAR_REASON = (
    "'{}' is written as the year ({}), by the dating convention: a vague part of a year claims no months"
)
RANGE_REASON = "'{}' is read as {} (periods: range): bounds the text does not give"


@pytest.mark.parametrize(
    ("text", "periods", "expected"),
    [
        (
            PERIODS_ZH,
            "contain",
            [
                (1, "2007", "zh-y+early", "contain", [YEAR_REASON.format("2007年初", "2007")]),
                (
                    3,
                    "2007-07",
                    "zh-m+year+early",
                    "contain",
                    [
                        "part of the date (7月初) comes from the text's running context",
                        MONTH_REASON.format("7月初", "2007-07"),
                    ],
                ),
                (
                    5,
                    "2007-08-01/2007-08-10",
                    "zh-m+year+early",
                    None,
                    ["part of the date (8月上旬) comes from the text's running context"],
                ),
                (7, "2008-03/2008-05", "zh-y+spring", None, []),
            ],
        ),
        (
            PERIODS_ZH,
            "range",
            [
                (
                    1,
                    "2007-01/2007-03",
                    "zh-y+early",
                    "range",
                    [RANGE_REASON.format("2007年初", "2007-01/2007-03")],
                ),
                (
                    3,
                    "2007-07-01/2007-07-10",
                    "zh-m+year+early",
                    "range",
                    [
                        "part of the date (7月初) comes from the text's running context",
                        RANGE_REASON.format("7月初", "2007-07-01/2007-07-10"),
                    ],
                ),
                (
                    5,
                    "2007-08-01/2007-08-10",
                    "zh-m+year+early",
                    None,
                    ["part of the date (8月上旬) comes from the text's running context"],
                ),
                (7, "2008-03/2008-05", "zh-y+spring", None, []),
            ],
        ),
        (
            PERIODS_EN,
            "contain",
            [
                (1, "2007", "en-y+early", "contain", [YEAR_REASON.format("early 2007", "2007")]),
                (
                    3,
                    "2007-07",
                    "en-my+late",
                    "contain",
                    [MONTH_REASON.format("the end of July 2007", "2007-07")],
                ),
                (5, "2008-03/2008-05", "en-y+spring", None, []),
            ],
        ),
        (
            PERIODS_EN,
            "range",
            [
                (
                    1,
                    "2007-01/2007-04",
                    "en-y+early",
                    "range",
                    [RANGE_REASON.format("early 2007", "2007-01/2007-04")],
                ),
                (
                    3,
                    "2007-07-21/2007-07-31",
                    "en-my+late",
                    "range",
                    [RANGE_REASON.format("the end of July 2007", "2007-07-21/2007-07-31")],
                ),
                (5, "2008-03/2008-05", "en-y+spring", None, []),
            ],
        ),
    ],
)
def test_periods_option_dates_vague_parts_both_ways_and_each_draft_validates(
    tmp_path: Path, text: str, periods: str, expected: list[tuple[int, str, str, str | None, list[str]]]
) -> None:
    """``--periods contain`` (the default, the dating convention) writes 年初 / 7月初 / "early 2007" /
    "the end of July" as the year or month, with a reason saying so; ``--periods range`` writes the sharp
    ranges (年初 months 1-3, 月初 days 1-10, "early" months 1-4, "the end of" days 21-31), also with
    its reason. 上旬 and a season are ranges either way. Each draft passes ``validate``, and ``--json``
    names the choice. Expected values by hand from the calendar; 7月初 takes its year from 2007年初."""
    path = _write(tmp_path, f"periods-{periods}.txt", text)
    result = runner.invoke(
        app,
        [
            "ingest",
            str(path),
            "--case",
            "six-party-talks",
            "-o",
            str(tmp_path / "d"),
            "--json",
            "--periods",
            periods,
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["periods"] == periods
    events = data["sources"][0]["events"]
    assert [
        (e["line"], e["date"], e["date_rule"], e["date_period"], e["inferred"]) for e in events
    ] == expected
    checked = runner.invoke(app, ["validate", str(tmp_path / "d"), "--json"])
    assert checked.exit_code == 0, checked.stdout + checked.stderr
    report = json.loads(checked.stdout)
    assert report["valid"] and report["quotes"]["unchecked"] == 0
    import yaml

    written = yaml.safe_load((tmp_path / "d" / f"events-periods-{periods}.yaml").read_text(encoding="utf-8"))
    assert [str(e["date"]) for e in written["events"]] == [date for _, date, *_ in expected]


def test_periods_option_defaults_to_contain_and_refuses_other_words(tmp_path: Path) -> None:
    path = _write(tmp_path, "early.txt", PERIODS_ZH)
    default = runner.invoke(app, ["ingest", str(path), "--case", "six-party-talks", "--json"])
    assert default.exit_code == 0, default.output
    assert json.loads(default.stdout)["sources"][0]["events"][0]["date"] == "2007"
    refused = runner.invoke(app, ["ingest", str(path), "--periods", "sharp"])
    assert refused.exit_code == 2
    assert "--periods" in refused.stderr and "Traceback" not in refused.output


def test_a_bare_date_line_in_a_txt_dates_the_paragraphs_under_it(tmp_path: Path) -> None:
    """Rule 2d (our own words): "2007年2月13日：" alone on its line, then an entry that runs on from it
    and a paragraph with no date, which takes the line's date as a heading's; "2007年3月1日" alone
    starts the next section (it runs into the entry below it, blank lines meaning nothing in this
    layout, so that entry, quoted from its own line, takes it as a heading's, as the next entry does).
    The draft validates."""
    text = (
        "2007年2月13日：\n"  # 1
        "第五轮六方会谈第三阶段会议在北京闭幕。\n"  # 2
        "\n"
        "朝鲜表示欢迎。\n"  # 4
        "\n"
        "2007年3月1日\n"  # 6
        "\n"
        "韩国向朝鲜运送重油。\n"  # 8
        "\n"
        "日本表示欢迎。\n"  # 10
    )
    events = _ingest_and_validate(_write(tmp_path, "lines.txt", text), tmp_path / "draft")
    assert [(e["line"], e["date"], e["date_rule"], e["inferred"]) for e in events] == [
        # the entry's own line since round 6, so dated by the date line (review of round 6)
        (2, "2007-02-13", "heading:zh-ymd", [HEADING_REASON.format("2007年2月13日", 1)]),
        (4, "2007-02-13", "heading:zh-ymd", [HEADING_REASON.format("2007年2月13日", 1)]),
        (8, "2007-03-01", "heading:zh-ymd", [HEADING_REASON.format("2007年3月1日", 6)]),
        (10, "2007-03-01", "heading:zh-ymd", [HEADING_REASON.format("2007年3月1日", 6)]),
    ]
