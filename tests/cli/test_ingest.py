"""``hexatable ingest`` through Typer's test runner, with the real date finder, gazetteer and verbs.

What is checked: the ``--json`` shape, the dry-run table, a written draft that ``hexatable validate``
accepts (new, and added to a case folder), and every bad-input path (exit 2, the message names the
file, no traceback).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
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
    "actors",
    "targets",
    "cameo",
    "cue",
    "confidence",
    "quote",
    "text",
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
    assert set(data) == {"sources", "written"} and data["written"] == []
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
