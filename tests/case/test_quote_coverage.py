"""Which quotes ``validate`` checked, which it could not, and ``--strict``.

A source's file is looked for in the case's own ``sources/`` folder first, then in ``--sources``; the
citations of a source whose file is found in neither place are counted as not checked, never passed
off as checked. The expected counts of the built-in cases are counted from the raw YAML, not by the
loader under test.
"""

from __future__ import annotations

import json
import textwrap
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from hexatable.case import CaseError, builtin_case_ids, case_folder
from hexatable.case.loader import check_case
from hexatable.cli.app import app

SEEDS = Path(__file__).parents[3] / "shared" / "seeds"
runner = CliRunner()


def raw_citations(value: Any) -> Counter[str]:
    """Citations per source id, found in parsed YAML as mappings with ``source`` and ``quote``."""
    found: Counter[str] = Counter()
    if isinstance(value, dict):
        if isinstance(value.get("source"), str) and "quote" in value:
            found[value["source"]] += 1
        for item in value.values():
            found += raw_citations(item)
    elif isinstance(value, list):
        for item in value:
            found += raw_citations(item)
    return found


def raw_case(folder: Path) -> tuple[Counter[str], dict[str, str | None]]:
    """Citations per source, and each source's ``file``, read straight from the case's YAML."""
    cited: Counter[str] = Counter()
    files: dict[str, str | None] = {}
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        cited += raw_citations(data)
        for source in data.get("sources", []):
            files[source["id"]] = source.get("file")
    return cited, files


@pytest.mark.parametrize("case_id", builtin_case_ids())
def test_every_citation_of_a_source_shipped_with_the_case_is_checked(case_id: str) -> None:
    folder = case_folder(case_id)
    cited, files = raw_case(folder)
    shipped = {s for s, f in files.items() if f is not None and (folder / "sources" / f).is_file()}
    quotes = check_case(folder).quotes
    assert quotes.checked == sum(cited[s] for s in shipped)
    assert quotes.checked + quotes.unchecked == sum(cited.values())
    assert {u.source for u in quotes.unchecked_sources} == {s for s in cited if s not in shipped}


@pytest.mark.parametrize("case_id", builtin_case_ids())
def test_shipped_excerpts_have_their_header_and_a_source(case_id: str) -> None:
    # ledger-schema: "# <title>" / "# <url>" / "# excerpt kept for quote checking" and a blank line.
    folder = case_folder(case_id)
    sources: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        sources.update({s["file"]: s for s in data.get("sources", []) if s.get("file")})
    for excerpt in sorted((folder / "sources").glob("*")):
        assert excerpt.name in sources, f"{excerpt.name} is cited by no source"
        lines = excerpt.read_text(encoding="utf-8").split("\n")
        assert lines[0].startswith("# ") and len(lines[0]) > 2, excerpt.name
        assert lines[1] == f"# {sources[excerpt.name].get('url', lines[1][2:])}", excerpt.name
        assert lines[2:4] == ["# excerpt kept for quote checking", ""], excerpt.name


def test_the_xinhua_report_is_shipped_and_all_its_quotes_check() -> None:
    folder = case_folder("six-party-talks")
    cited, files = raw_case(folder)
    assert cited["xinhua-initial-actions-2007"] >= 13  # the 13 of issue 14, and the errata's since
    assert files["xinhua-initial-actions-2007"] == "xinhua-initial-actions-2007.txt"
    unchecked = {u.source for u in check_case(folder).quotes.unchecked_sources}
    assert "xinhua-initial-actions-2007" not in unchecked


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the source texts (shared/seeds) are not beside the repo")
@pytest.mark.parametrize("case_id", builtin_case_ids())
def test_with_the_seeds_every_citation_of_the_builtin_cases_is_checked(case_id: str) -> None:
    folder = case_folder(case_id)
    cited, _ = raw_case(folder)
    quotes = check_case(folder, sources_dir=SEEDS).quotes
    assert (quotes.checked, quotes.unchecked_sources) == (sum(cited.values()), ())
    result = runner.invoke(app, ["validate", str(folder), "--sources", str(SEEDS), "--strict"])
    assert result.exit_code == 0, result.output


CASE = """
case:
  id: tiny
  title: {en: Tiny}
  parties: [AAA]
sources:
  - id: shipped
    title: {en: Shipped excerpt}
    language: en
    kind: news
    file: shipped.txt
  - id: remote
    title: {en: Only a URL}
    language: en
    kind: news
    url: https://example.org/report
actors:
  - id: AAA
    kind: state
    names: {en: Alphaland, zh: 阿尔法}
    aliases: {}
    provenance:
      - {source: shipped, locator: "line 1", quote: "Alphaland agreed"}
      - {source: shipped, locator: "line 2", quote: "to talk again"}
"""

REMOTE_CITATION = '      - {source: remote, locator: "paragraph 1", quote: "Alphaland"}\n'


def tiny_case(tmp_path: Path, *, remote: bool, excerpt: str = "Alphaland agreed\nto talk again\n") -> Path:
    folder = tmp_path / "tiny"
    (folder / "sources").mkdir(parents=True)
    text = textwrap.dedent(CASE).lstrip("\n") + (REMOTE_CITATION if remote else "")
    (folder / "case.yaml").write_text(text, encoding="utf-8")
    (folder / "sources" / "shipped.txt").write_text(excerpt, encoding="utf-8")
    return folder


def test_strict_fails_on_an_unchecked_citation_and_says_which(tmp_path: Path) -> None:
    folder = tiny_case(tmp_path, remote=True)
    plain = runner.invoke(app, ["validate", str(folder)])
    assert plain.exit_code == 0, plain.output
    said = " ".join(plain.stdout.split())
    assert "2 quotes checked; 1 not checked (source remote has no local file)" in said
    assert "checked against the sources" not in plain.stdout
    strict = runner.invoke(app, ["validate", str(folder), "--strict"])
    assert strict.exit_code == 1
    assert f"{folder / 'case.yaml'}:11:5: sources[1].id: 1 citation(s) not checked: has no local file" in (
        strict.stderr
    )
    as_json = runner.invoke(app, ["validate", str(folder), "--strict", "--json"])
    assert as_json.exit_code == 1
    shape = json.loads(as_json.stdout)
    assert shape["valid"] is False
    assert shape["quotes"] == {
        "checked": 2,
        "unchecked": 1,
        "unchecked_sources": [{"source": "remote", "citations": 1, "reason": "has no local file"}],
    }


def test_strict_passes_when_every_citation_was_checked(tmp_path: Path) -> None:
    folder = tiny_case(tmp_path, remote=False)
    result = runner.invoke(app, ["validate", str(folder), "--strict", "--json"])
    assert result.exit_code == 0, result.output
    shape = json.loads(result.stdout)
    assert shape["valid"] is True
    assert shape["quotes"] == {"checked": 2, "unchecked": 0, "unchecked_sources": []}


def test_a_misquote_in_a_shipped_excerpt_fails_without_sources(tmp_path: Path) -> None:
    folder = tiny_case(tmp_path, remote=False, excerpt="Alphaland refused\nto talk again\n")
    with pytest.raises(CaseError) as caught:
        check_case(folder)
    messages = [p.message for p in caught.value.problems]
    assert messages == ["quote 'Alphaland agreed' is not in the source text"]


def test_the_case_excerpt_comes_before_the_sources_folder(tmp_path: Path) -> None:
    folder = tiny_case(tmp_path, remote=False)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "shipped.txt").write_text("nothing of the kind\n", encoding="utf-8")
    assert check_case(folder, sources_dir=elsewhere).quotes.checked == 2
    (folder / "sources" / "shipped.txt").unlink()
    with pytest.raises(CaseError):
        check_case(folder, sources_dir=elsewhere)


def test_a_file_found_nowhere_is_counted_with_both_places_named(tmp_path: Path) -> None:
    folder = tiny_case(tmp_path, remote=False)
    (folder / "sources" / "shipped.txt").unlink()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    quotes = check_case(folder, sources_dir=elsewhere).quotes
    assert quotes.checked == 0
    [unchecked] = quotes.unchecked_sources
    assert (unchecked.source, unchecked.citations) == ("shipped", 2)
    assert unchecked.reason == f"file shipped.txt not found in {folder / 'sources'} or {elsewhere}"
