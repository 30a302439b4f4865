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
    assert document.lines == ("Chronology", "", "Talks", "", "First paragraph.", "", "Second.")
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
    assert read.lines == ("2018年6月12日，特朗普和金正恩在新加坡举行会晤。", "双方签署联合声明。")
    assert read.lang == "zh"


def _pdf_with_text(text: str) -> bytes:
    """A one-page PDF whose content stream draws ``text`` in Helvetica, written by hand.

    pypdf cannot lay out text, so the file is assembled from the PDF 1.4 objects it needs (catalog,
    pages, page, font, content) with a correct cross-reference table; pypdf then reads it back.
    """
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
    ]
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
