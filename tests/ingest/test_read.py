"""Reading source files: every format ingest accepts, and every way a file is refused.

The refusals are checked for the message (it names the file and says what to do), not only for the
exception type.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from hexatable.ingest.read import (
    ReadError,
    cjk_share,
    detect_lang,
    document_from_text,
    read_source,
)

ZH = "2007年7月14日，朝鲜关闭宁边核设施。\n\n次日，国际原子能机构确认。\n"
EN = "On July 14, 2007, North Korea shut down the Yongbyon reactor.\nThe IAEA confirmed it.\n"


def test_utf8_text_with_and_without_bom(tmp_path: Path) -> None:
    plain = tmp_path / "plain.txt"
    plain.write_text(ZH, encoding="utf-8")
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + ZH.encode("utf-8"))
    for path in (plain, bom):
        document = read_source(path)
        assert document.text == ZH
        assert document.kind == "txt"
        assert document.lang == "zh"
        assert document.lines == tuple(ZH.splitlines())
        assert document.encoding == "utf-8"


def test_crlf_line_ends_become_newlines(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    path.write_bytes(EN.replace("\n", "\r\n").encode("utf-8"))
    document = read_source(path)
    assert document.text == EN
    assert document.lang == "en"


def test_markdown_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# Talks\n\n" + EN, encoding="utf-8")
    document = read_source(path)
    assert document.kind == "md"
    assert document.text.startswith("# Talks\n")


def test_html_is_stripped_to_visible_text(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        "<html><head><title>Chronology</title><style>p {color: red}</style></head>"
        "<body><script>var x = 1;</script><h1>Talks</h1><p>First <b>para</b>graph.</p>"
        "<p>Second.</p></body></html>",
        encoding="utf-8",
    )
    document = read_source(path)
    assert document.kind == "html"
    assert document.lines == ("# Chronology", "", "# Talks", "", "First paragraph.", "", "Second.")
    assert "var x" not in document.text and "color" not in document.text


def test_html_in_another_encoding_with_the_option(tmp_path: Path) -> None:
    path = tmp_path / "gbk.htm"
    path.write_bytes("<p>朝鲜关闭核设施。</p>".encode("gbk"))
    assert read_source(path, encoding="gbk").text == "朝鲜关闭核设施。\n"


def test_docx_paragraphs_become_lines(tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    document.add_paragraph("2018年6月12日，特朗普和金正恩在新加坡举行会晤。")
    document.add_paragraph("双方签署联合声明。")
    path = tmp_path / "talks.docx"
    document.save(str(path))
    read = read_source(path)
    assert read.kind == "docx"
    # a blank line between paragraphs: the block boundary the segmenter trusts (SourceDocument.blocks)
    assert read.lines == ("2018年6月12日，特朗普和金正恩在新加坡举行会晤。", "", "双方签署联合声明。")
    assert read.blocks
    assert read.lang == "zh"


def test_html_blocks_keep_their_own_lines(tmp_path: Path) -> None:
    """Title and headings as Markdown heading lines, every block on its own line, a table row's
    cells on one line separated by a tab, ``<br>`` a line break inside its block (written by hand)."""
    path = tmp_path / "chronology.html"
    path.write_text(
        "<html><head><title>六方会谈\n大事记</title></head><body><h2>2007年</h2>"
        "<p>2月13日，会议闭幕。</p><ul><li>3月19日，中方表示</li><li>7月14日，韩国运送重油</li></ul>"
        "<div>甲<br>乙</div><table><tr><th>日期</th><th>事件</th></tr>"
        "<tr><td>7月18日</td><td>国际原子能机构确认。</td></tr></table></body></html>",
        encoding="utf-8",
    )
    assert read_source(path).lines == (
        "# 六方会谈 大事记",
        "",
        "## 2007年",
        "",
        "2月13日，会议闭幕。",
        "",
        "3月19日，中方表示",
        "",
        "7月14日，韩国运送重油",
        "",
        "甲",
        "乙",
        "",
        "日期\t事件",
        "",
        "7月18日\t国际原子能机构确认。",
    )


def test_docx_headings_and_tables_keep_their_lines(tmp_path: Path) -> None:
    from docx import Document

    document = Document()
    document.add_heading("六方会谈大事记", level=0)  # the Title style
    document.add_heading("2007年", level=2)
    document.add_paragraph("2月13日，会议闭幕。")
    table = document.add_table(rows=2, cols=2)
    for row, cells in zip(table.rows, [("日期", "事件"), ("7月18日", "国际原子能机构确认。")], strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.add_paragraph("完。")
    path = tmp_path / "chronology.docx"
    document.save(str(path))
    assert read_source(path).lines == (
        "# 六方会谈大事记",
        "",
        "## 2007年",
        "",
        "2月13日，会议闭幕。",
        "",
        "日期\t事件",
        "",
        "7月18日\t国际原子能机构确认。",
        "",
        "完。",
    )


def test_line_separators_other_than_newline_become_newlines() -> None:
    """``str.splitlines`` (the quote check's numbering) breaks lines at form feeds and U+2028 too;
    the text keeps only ``\\n``, so everything that counts lines counts the same ones."""
    document = document_from_text("甲\f乙\u2028丙\u2029丁\x85戊\n")
    assert document.text == "甲\n乙\n丙\n丁\n戊\n"
    assert document.lines == ("甲", "乙", "丙", "丁", "戊")


def _pdf_with_text(text: str) -> bytes:
    """A one-page PDF whose content stream draws ``text`` in Helvetica (see :func:`pdf_with_pages`)."""
    return pdf_with_pages([[text]])


def pdf_with_pages(pages: list[list[str]]) -> bytes:
    """A PDF with a page per item of ``pages``, each drawing its lines in Helvetica, written by hand.

    pypdf cannot lay out text, so the file is assembled from the PDF 1.4 objects it needs (catalog,
    pages, a page and a content stream per page, font) with a correct cross-reference table; pypdf
    then reads it back. The lines are Latin-1 without parentheses or backslashes.
    """
    count = len(pages)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(count))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {count} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for i, lines in enumerate(pages):
        shown = " T* ".join(f"({line}) Tj" for line in lines)
        stream = f"BT /F1 12 Tf 14 TL 72 720 Td {shown} ET".encode("latin-1")
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            + f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>".encode()
        )
        objects.append(
            b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream"
        )
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def test_pdf_text_layer_is_read(tmp_path: Path) -> None:
    path = tmp_path / "statement.pdf"
    path.write_bytes(_pdf_with_text("North Korea shut down the reactor on July 14, 2007."))
    document = read_source(path)
    assert document.kind == "pdf"
    assert "North Korea shut down the reactor on July 14, 2007." in document.text
    assert document.lang == "en"


def test_pdf_lines_and_page_breaks_are_kept_as_lines(tmp_path: Path) -> None:
    """Each text line of a page on its own line, and a page break a line break (not a blank line,
    which would end a sentence that runs on over the page break)."""
    path = tmp_path / "two-pages.pdf"
    path.write_bytes(
        pdf_with_pages([["Chronology", "On July 14, 2007, North Korea"], ["shut down the reactor."]])
    )
    assert read_source(path).lines == (
        "Chronology",
        "On July 14, 2007, North Korea",
        "shut down the reactor.",
    )


def test_pdf_without_text_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(_pdf_with_text(""))
    with pytest.raises(ReadError, match=r"scan\.pdf: the file has no text layer"):
        read_source(path)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "the file is empty"),
        ("blank.txt", b"  \n\n ", "the file has no text"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks binary"),
        ("utf16.txt", "朝鲜".encode("utf-16"), "UTF-16"),
        ("gbk.txt", "朝鲜民主主义人民共和国宣布关闭宁边核设施。".encode("gbk") * 20, "--encoding"),
        ("data.xlsx", b"PK\x03\x04", "unknown file type '.xlsx'"),
        ("noext", b"text", "unknown file type '(none)'"),
        ("broken.docx", b"PK\x03\x04 not really a zip", "not a readable .docx file"),
        ("plain.docx", b"just text", "not a readable .docx file"),
        ("broken.pdf", b"%PDF-1.4\ngarbage", "not a readable PDF"),
    ],
)
def test_bad_files_are_refused_naming_the_file(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReadError) as caught:
        read_source(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)


def test_wrong_encoding_says_what_it_looks_like(tmp_path: Path) -> None:
    path = tmp_path / "gb.txt"
    sentence = "朝鲜民主主义人民共和国宣布关闭宁边核设施，国际原子能机构予以确认。"
    path.write_bytes((sentence * 30).encode("gb18030"))
    with pytest.raises(ReadError) as caught:
        read_source(path)
    message = str(caught.value)
    assert "not valid UTF-8" in message
    assert "it looks like" in message and "--encoding" in message
    # and the advice works
    assert read_source(path, encoding="gb18030").text.startswith("朝鲜民主主义")


def test_unknown_encoding_name_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(EN, encoding="utf-8")
    with pytest.raises(ReadError, match="unknown encoding 'klingon'"):
        read_source(path, encoding="klingon")


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="no such file"):
        read_source(tmp_path / "missing.txt")
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(ReadError, match="not a file"):
        read_source(folder)


def test_a_file_over_the_limit_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # a sparse 50 MB file: no 50 MB written
        handle.seek(50 * 1024 * 1024 - 1)
        handle.write(b"\n")

    def no_reading(self: Path) -> bytes:
        raise AssertionError("the file was read")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    with pytest.raises(ReadError) as caught:
        read_source(path)
    assert str(caught.value) == (
        f"{path}: the file is 50.0 MB, over the limit of 20.0 MB; split it into smaller files"
    )
    with pytest.raises(ReadError, match=r"over the limit of 0\.0 MB"):
        read_source(path, max_bytes=10)


def test_language_from_the_share_of_cjk_characters() -> None:
    # counted by hand: 7 ideographs + 1 full-width comma of 8 CJK among 8 + 0 Latin letters
    assert cjk_share("六方会谈，在北京") == 1.0
    # 3 ideographs among 3 + 16 Latin letters (Trump, met, Kim, today)
    assert cjk_share("Trump met Kim (金正恩) today") == pytest.approx(3 / 19)
    assert detect_lang("Trump met Kim (金正恩) today") == "en"
    assert detect_lang("特朗普与金正恩在 Singapore 会面") == "zh"
    assert detect_lang("12345") == "en"


def test_document_from_text_cleans_line_ends() -> None:
    document = document_from_text("\ufeffa\r\nb\rc", name="pasted.txt")
    assert document.text == "a\nb\nc"
    assert document.lines == ("a", "b", "c")
    assert document.stem == "pasted"


def test_language_mix_counts_the_lines_of_each_language() -> None:
    """Lines counted by hand: two Chinese, three English; a bare date and markup do not count."""
    from hexatable.ingest.read import language_mix

    text = (
        "2007年2月13日，会议在北京闭幕。\n2007\n7月14日，韩国运送重油。\n"
        '<div style="float: right"><table>\n'
        "On July 18 the IAEA confirmed it.\nChina said the talks would resume.\nThe parties met.\n"
    )
    mix = language_mix(text)
    assert (mix.zh_lines, mix.en_lines, mix.mixed) == (2, 3, True)
    one_line = "朝鲜宣布关闭核设施。\n" + "The parties met in Beijing.\n" * 9
    assert not language_mix(one_line).mixed  # one Chinese line is no mix


def test_no_source_of_the_built_in_cases_is_taken_for_a_mixed_text() -> None:
    """The built-in cases' 70-odd sources are each in one language (English news with Chinese names,
    Chinese chronologies with wiki markup): none may be flagged."""
    from hexatable.ingest.read import language_mix

    folder = Path(__file__).parents[2] / "src" / "hexatable" / "data" / "cases"
    sources = sorted(p for p in folder.glob("*/sources/*") if p.suffix in (".txt", ".md"))
    assert len(sources) > 50
    flagged = [p.name for p in sources if language_mix(p.read_text(encoding="utf-8")).mixed]
    assert flagged == []
