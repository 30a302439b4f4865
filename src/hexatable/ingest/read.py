"""Read a source file into text: the one step of ingest, with writing the draft, that touches the disk.

A :class:`SourceDocument` is the plain text of one file as a reader sees it, with its lines numbered
the way the case loader's quote check numbers them (:meth:`str.splitlines`), so a locator ``line N``
found here is the line the loader checks in the draft's copy of the text.

Formats, chosen by the file's extension:

- ``.txt``, ``.md``, ``.text``: UTF-8 (a byte-order mark is allowed and dropped), or the ``encoding``
  the caller names;
- ``.html``, ``.htm``: the visible text (beautifulsoup4 with the standard library's parser), the
  title and headings as Markdown heading lines, other block elements on their own lines, a table
  row's cells on one line separated by tabs, scripts and styles dropped;
- ``.docx``: the paragraphs and table rows (python-docx) in order, each on its own line with a blank
  line between (empty paragraphs left out), headings marked as for HTML;
- ``.pdf``: the text layer of each page (pypdf), pages joined by a line break; a scanned PDF has
  none and is refused.

Block boundaries matter because the segmenter finds sentences in the text alone: a title without
final punctuation that ran into the next paragraph would become part of the first event's sentence.
HTML and docx are written block by block with a blank line between, and the document says so
(:attr:`SourceDocument.blocks`), so the segmenter ends a sentence at every block boundary there, even
where blank lines follow most lines (which in a plain text means they carry nothing).

Everything else is refused with a :class:`ReadError` that names the file and says what to do: binary
files, text that is not UTF-8 (what it looks like, from charset-normalizer, and ``--encoding``), empty
files, files over ``max_bytes`` (checked from the file's size before it is read), unknown extensions,
corrupt documents.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

from hexatable.ingest.types import Lang

DocumentKind = Literal["txt", "md", "html", "docx", "pdf"]
"""The formats ingest reads (``kind`` of a :class:`SourceDocument`)."""

BLOCK_KINDS: frozenset[DocumentKind] = frozenset({"html", "docx"})
"""The formats whose reader writes each block (a paragraph, a heading, a table row) between blank
lines (:attr:`SourceDocument.blocks`). Not PDF: its text layer has no blocks, only lines."""

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
"""Files larger than this (20 MB) are refused before they are read: a book-length source should be
split, and the limit keeps one upload from holding the machine."""

_KINDS: dict[str, DocumentKind] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
    ".pdf": "pdf",
}

_IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CJK_PUNCTUATION = re.compile(
    r"[\u3000-\u3004\u3008-\u3020\u3030\u303d\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]"
)
LANG_SAMPLE = 100_000
"""How many characters from the start of a text decide its language."""
_LETTER = re.compile(r"[^\W\d_]")
CJK_SHARE_FOR_ZH = 0.3
"""``--lang auto`` reads a text as Chinese when at least this share of its letters are CJK characters
(ideographs and full-width punctuation). English text quoting a few Chinese names stays English;
Chinese text with Latin names and numbers stays Chinese (a Chinese sentence is mostly ideographs)."""


class ReadError(Exception):
    """A file ingest cannot read; ``str()`` is the message for the user, naming the file.

    ``message`` is the reason alone, made from ``template`` (a ``%``-format string with named fields)
    and ``params``, so an interface can say the reason in another language by translating the
    template (the review page does, for the :data:`DOCUMENT_MESSAGES`).
    """

    def __init__(self, path: str | Path, template: str, **params: object) -> None:
        message = template % params if params else template
        super().__init__(f"{path}: {message}")
        self.path = str(path)
        self.message = message
        self.template = template
        self.params = params


EMPTY = "the file is empty"
NO_TEXT = "the file has no text"
NO_TEXT_LAYER = "the file has no text layer (a scanned PDF?)"
NO_VISIBLE_TEXT = "the file has no visible text"
ENCRYPTED_PDF = "the PDF is encrypted; save an unencrypted copy"
UNREADABLE_PDF = "not a readable PDF (%(reason)s)"
UNREADABLE_DOCX = "not a readable .docx file (%(reason)s)"
DOCUMENT_MESSAGES = (
    EMPTY,
    NO_TEXT,
    NO_TEXT_LAYER,
    NO_VISIBLE_TEXT,
    ENCRYPTED_PDF,
    UNREADABLE_PDF,
    UNREADABLE_DOCX,
)
"""The reasons a .docx, .pdf or .html file that was found and decoded is refused (the templates of
:class:`ReadError`; ``reason`` is the parser's own words, left as they are)."""


@dataclass(frozen=True)
class SourceDocument:
    """The text of one source file, ready for segmenting.

    ``text`` uses ``\\n`` line ends (``\\r\\n`` and ``\\r`` are converted); it is what the draft
    case keeps as ``sources/<id>.txt``, so quotes and line numbers check against it. ``lang`` is the
    language detected from the share of CJK characters (:func:`detect_lang`); ``cjk_share`` is that
    share, for the report.
    """

    name: str
    text: str
    kind: DocumentKind
    lang: Lang
    cjk_share: float
    path: str | None = None
    encoding: str | None = None

    @cached_property
    def lines(self) -> tuple[str, ...]:
        """The lines as the case loader's quote check numbers them (line ``n`` is ``lines[n-1]``)."""
        return tuple(self.text.splitlines())

    @cached_property
    def mix(self) -> LanguageMix:
        """How many of its lines read as Chinese and as English (:func:`language_mix`)."""
        return language_mix(self.text)

    @property
    def blocks(self) -> bool:
        """Whether the reader laid the text out in blocks (HTML, docx): each block element or paragraph
        of the file stands between blank lines, so a blank line is a boundary the segmenter trusts
        (no sentence runs from one block into the next), where in a plain text it may mean nothing."""
        return self.kind in BLOCK_KINDS

    @property
    def stem(self) -> str:
        """The file name without its extension (the default source id is made from it)."""
        return Path(self.name).stem


def cjk_share(text: str) -> float:
    """The share of CJK characters among the letters and CJK punctuation of ``text`` (0 if none);
    of its first :data:`LANG_SAMPLE` characters, which say a file's language as well as all of it.

    >>> cjk_share("美朝 summit"), cjk_share("1234")
    (0.25, 0.0)
    """
    sample = text[:LANG_SAMPLE]
    ideographs = len(_IDEOGRAPH.findall(sample))
    punctuation = len(_CJK_PUNCTUATION.findall(sample))
    letters = len(_LETTER.findall(sample))  # ideographs are letters to \\w too
    total = letters + punctuation
    return (ideographs + punctuation) / total if total else 0.0


def detect_lang(text: str) -> Lang:
    """``zh`` when at least :data:`CJK_SHARE_FOR_ZH` of the letters are CJK, else ``en``.

    >>> detect_lang("6月12日，特朗普和金正恩在新加坡举行会晤。"), detect_lang("Trump met Kim (金正恩).")
    ('zh', 'en')
    """
    return "zh" if cjk_share(text) >= CJK_SHARE_FOR_ZH else "en"


MIXED_SHARE = 0.2
"""A text is *mixed* when its lines in the minority language are at least this share of its lines
with a language (and at least two): ``--lang auto`` decides per file, so those lines are read in the
other language's rules and give no events or wrong ones."""
_MIN_LETTERS = 4
_MARKUP = re.compile(r"<[^>]*>|\]\([^)]*\)|\{\{[^}]*\}\}|https?://\S+")
"""HTML tags, Markdown link targets, wiki templates and addresses: not the text's language."""


@dataclass(frozen=True)
class LanguageMix:
    """How many lines of a text read as Chinese and as English (:func:`detect_lang` per line, markup
    left out; lines with fewer than four letters, numbers and dates alone, are not counted)."""

    zh_lines: int
    en_lines: int

    @property
    def mixed(self) -> bool:
        """Whether both languages hold a real part of the text (:data:`MIXED_SHARE`)."""
        minority = min(self.zh_lines, self.en_lines)
        total = self.zh_lines + self.en_lines
        return minority >= 2 and minority >= MIXED_SHARE * total


def block_language(text: str) -> Lang | None:
    """The language of one block of a text (a paragraph, a heading), as :func:`language_mix` classes a
    line: :func:`detect_lang` of its text without markup, None when it has fewer than four letters
    (a date or a number alone says no language).

    >>> [block_language(t) for t in ("7月14日，韩国运送重油。", "On July 18 the IAEA confirmed it.", "2007")]
    ['zh', 'en', None]
    """
    plain = _MARKUP.sub(" ", text)
    if len(_LETTER.findall(plain)) + len(_CJK_PUNCTUATION.findall(plain)) < _MIN_LETTERS:
        return None
    return detect_lang(plain)


def language_mix(text: str) -> LanguageMix:
    """The :class:`LanguageMix` of ``text`` (its first :data:`LANG_SAMPLE` characters).

    >>> language_mix("7月14日，韩国运送重油。\\nOn July 18 the IAEA confirmed it.\\n2007")
    LanguageMix(zh_lines=1, en_lines=1)
    """
    zh = en = 0
    for raw in text[:LANG_SAMPLE].splitlines():
        said = block_language(raw)
        if said == "zh":
            zh += 1
        elif said == "en":
            en += 1
    return LanguageMix(zh, en)


def document_from_text(
    text: str, *, name: str = "text.txt", kind: DocumentKind | None = None
) -> SourceDocument:
    """A document from text already in memory (pasted into the review page, or made by a test).

    ``kind`` defaults to what the name's extension says (``txt`` when it says nothing ingest reads):
    the review page passes an HTML or docx upload's text, as the reader made it, with the file's name,
    so it is segmented as the command line segments that file."""
    text = _clean_text(text)
    chosen: DocumentKind = kind if kind is not None else _KINDS.get(Path(name).suffix.lower(), "txt")
    return SourceDocument(
        name=name, text=text, kind=chosen, lang=detect_lang(text), cjk_share=cjk_share(text)
    )


def read_source(
    path: str | Path, *, encoding: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> SourceDocument:
    """Read one source file into a :class:`SourceDocument`, or raise :class:`ReadError`.

    Parameters
    ----------
    path
        The file; its extension says the format.
    encoding
        For text formats: the encoding to decode with instead of UTF-8 (``gb18030``, ``big5``, ...).
    max_bytes
        Files larger than this are refused from their size, before any byte is read.
    """
    path = Path(path)
    kind = _KINDS.get(path.suffix.lower())
    if kind is None:
        known = ", ".join(sorted(_KINDS))
        raise ReadError(path, f"unknown file type '{path.suffix or '(none)'}'; ingest reads {known}")
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ReadError(path, "no such file") from None
    except OSError as error:
        raise ReadError(path, f"cannot read the file ({error.strerror})") from None
    if not path.is_file():
        raise ReadError(path, "not a file")
    if size > max_bytes:
        raise ReadError(
            path,
            f"the file is {_megabytes(size)}, over the limit of {_megabytes(max_bytes)}; "
            "split it into smaller files",
        )
    if size == 0:
        raise ReadError(path, EMPTY)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ReadError(path, f"cannot read the file ({error.strerror})") from None
    used: str | None = None
    if kind in ("txt", "md"):
        text, used = _decode(path, data, encoding)
    elif kind == "html":
        raw, used = _decode(path, data, encoding)
        text = html_text(raw)
    elif kind == "docx":
        text = _docx_text(path, data)
    else:
        text = _pdf_text(path, data)
    text = _clean_text(text)
    if not text.strip():
        raise ReadError(path, {"pdf": NO_TEXT_LAYER, "html": NO_VISIBLE_TEXT}.get(kind, NO_TEXT))
    return SourceDocument(
        name=path.name,
        text=text,
        kind=kind,
        lang=detect_lang(text),
        cjk_share=cjk_share(text),
        path=str(path),
        encoding=used,
    )


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def _clean_text(text: str) -> str:
    """``\\n`` line ends, no byte-order mark, no trailing spaces at the end of the text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _LINE_SEPARATORS.sub("\n", text)
    if text.startswith("\ufeff"):
        text = text[1:]
    return text


def _looks_binary(data: bytes) -> bool:
    """NUL bytes in the first 8 KB: no text encoding ingest reads (UTF-16 aside) puts them there."""
    return b"\x00" in data[:8192]


def _decode(path: Path, data: bytes, encoding: str | None) -> tuple[str, str]:
    if encoding is not None:
        try:
            return data.decode(encoding), encoding
        except LookupError:
            raise ReadError(path, f"unknown encoding '{encoding}'") from None
        except UnicodeDecodeError as error:
            raise ReadError(
                path, f"the file is not valid {encoding} (byte {error.start}); {_guess(data)}"
            ) from None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError(path, "the file is UTF-16; convert it to UTF-8 or pass --encoding utf-16")
    if _looks_binary(data):
        raise ReadError(path, "the file looks binary (it contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as error:
        raise ReadError(path, f"the file is not valid UTF-8 (byte {error.start}); {_guess(data)}") from None


def _guess(data: bytes) -> str:
    """What charset-normalizer thinks the bytes are, as advice for ``--encoding``."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65536]).best()
    if best is None or best.encoding in ("utf_8", "ascii"):
        return "pass --encoding with the file's encoding"
    name = best.encoding.replace("_", "-")
    return f"it looks like {name}; try --encoding {name}"


_BLOCKS = (
    "p",
    "div",
    "li",
    "tr",
    "section",
    "article",
    "blockquote",
    "pre",
    "table",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "header",
    "footer",
    "main",
    "nav",
    "aside",
    "figure",
    "figcaption",
    "caption",
    "address",
    "hr",
)
"""HTML elements that stand on lines of their own, with a blank line before and after."""

_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_CELLS = ("td", "th")
_SPACES = re.compile(r"[ \u00a0]+")
_TABS = re.compile(r" ?\t[ \t]*")
_LINE_SEPARATORS = re.compile(r"[\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
"""What :meth:`str.splitlines` takes as a line end besides ``\\r`` and ``\\n``: made ``\\n``, so
that code counting ``\\n`` (the segmenter's flat text, the review page's line gutter) and the quote
check's :meth:`str.splitlines` number the same lines."""


def _heading_line(level: int, text: str) -> str:
    """A heading as a Markdown heading line (``## text``), on one line.

    The marker makes the segmenter end a sentence before and after the heading whatever the layout
    (a title or heading has no final punctuation), and tells the extractor a line is a heading: one
    that is only a date dates the entries under it (rule 2c of :mod:`hexatable.ingest.extract`).
    """
    flat = " ".join(text.split())
    return f"{'#' * min(max(level, 1), 6)} {flat}" if flat else ""


def html_text(markup: str) -> str:
    """The visible text of an HTML page, one block element per line, blank lines squeezed.

    The title and the headings ``h1``-``h6`` become Markdown heading lines (``# Title``); each
    block element (``p``, ``li``, ``div``, a table row, ...) stands on its own line with a blank
    line around it; a table row's cells are on its line separated by a tab (a chronology's date
    cell then opens the event's sentence); ``<br>`` is a line break inside its block.
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    title = soup.find("title")
    title_text = _heading_line(1, title.get_text(" ", strip=True)) if title else ""
    for hidden in soup(["script", "style", "noscript", "template", "head", "title"]):
        hidden.decompose()
    for level, name in sorted((level, name) for name, level in _HEADINGS.items()):
        for heading in soup.find_all(name):
            line = _heading_line(level, heading.get_text(" ", strip=True))
            heading.replace_with(soup.new_string(f"\n\n{line}\n\n" if line else "\n\n"))
    for brk in soup.find_all("br"):
        brk.replace_with(soup.new_string("\n"))
    for cell in soup.find_all(_CELLS):
        cell.insert_after("\t")
    for block in soup.find_all(_BLOCKS):
        block.insert_before("\n\n")
        block.insert_after("\n\n")
    text = (title_text + "\n\n" if title_text else "") + soup.get_text()
    return _squeeze(text)


def _squeeze(text: str) -> str:
    """Each line's runs of spaces made one space (tabs kept, one between table cells), the ends
    stripped, and runs of blank lines made one blank line."""
    out: list[str] = []
    for raw in text.splitlines():
        line = _TABS.sub("\t", _SPACES.sub(" ", raw)).strip()
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip() + "\n"


def _docx_text(path: Path, data: bytes) -> str:
    """The body of a .docx file in order: each paragraph on its own line (a heading or title
    paragraph as a Markdown heading line, as for HTML), each table row on a line with its cells
    separated by a tab. Headers, footers, footnotes and text boxes are not read."""
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(io.BytesIO(data))
        lines = _docx_lines(document)
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ReadError(path, UNREADABLE_DOCX, reason=str(error)) from None
    except Exception as error:  # python-docx raises lxml and zip errors of several kinds
        raise ReadError(path, UNREADABLE_DOCX, reason=type(error).__name__) from None
    # each paragraph and table row a block between blank lines, as HTML's are (SourceDocument.blocks)
    return "\n\n".join(line for line in lines if line.strip()) + "\n"


_DOCX_HEADING = re.compile(r"^(?:heading|标题)\s*(\d)?$", re.IGNORECASE)


def _docx_heading_level(style_name: str) -> int | None:
    """The heading level a paragraph style gives (``Title`` 1, ``Heading 2`` 2), or None."""
    name = style_name.strip()
    if name.lower() in ("title", "subtitle"):
        return 1 if name.lower() == "title" else 2
    match = _DOCX_HEADING.match(name)
    if match:
        return int(match.group(1) or 1)
    return None


def _docx_lines(document: Any) -> list[str]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            style = item.style.name if item.style is not None else ""
            level = _docx_heading_level(style or "")
            if level is not None and item.text.strip():
                lines.append(_heading_line(level, item.text))
            else:
                lines.append(item.text)
        elif isinstance(item, Table):
            for row in item.rows:
                cells: list[str] = []
                seen: set[int] = set()
                for cell in row.cells:  # a merged cell is repeated: read it once
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    cells.append(" ".join(cell.text.split()))
                lines.append("\t".join(cell for cell in cells if cell))
    return lines


def _pdf_text(path: Path, data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ReadError(path, ENCRYPTED_PDF)
        pages = [page.extract_text() or "" for page in reader.pages]
    except ReadError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
        raise ReadError(path, UNREADABLE_PDF, reason=f"{type(error).__name__}: {error}") from None
    except Exception as error:  # pypdf's parser raises a variety on corrupt files
        raise ReadError(path, UNREADABLE_PDF, reason=type(error).__name__) from None
    # one line break between pages, not a blank line: a sentence often runs on over the page
    # break, and a blank line would end it (and make each page one paragraph for the segmenter)
    return "\n".join(page.strip("\n") for page in pages if page.strip()) + "\n"
