"""Read a source file into text: the one step of ingest, with writing the draft, that touches the disk.

A :class:`SourceDocument` is the plain text of one file as a reader sees it, with its lines numbered
the way the case loader's quote check numbers them (:meth:`str.splitlines`), so a locator ``line N``
found here is the line the loader checks in the draft's copy of the text.

Formats, chosen by the file's extension:

- ``.txt``, ``.md``, ``.text``: UTF-8 (a byte-order mark is allowed and dropped), or the ``encoding``
  the caller names;
- ``.html``, ``.htm``: the visible text (beautifulsoup4 with the standard library's parser), block
  elements on their own lines, scripts and styles dropped;
- ``.docx``: the paragraphs (python-docx), one per line;
- ``.pdf``: the text layer of each page (pypdf); a scanned PDF has none and is refused.

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
from typing import Literal

from hexatable.ingest.types import Lang

DocumentKind = Literal["txt", "md", "html", "docx", "pdf"]
"""The formats ingest reads (``kind`` of a :class:`SourceDocument`)."""

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
    """A file ingest cannot read; ``str()`` is the message for the user, naming the file."""

    def __init__(self, path: str | Path, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = str(path)
        self.message = message


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


def document_from_text(text: str, *, name: str = "text.txt", kind: DocumentKind = "txt") -> SourceDocument:
    """A document from text already in memory (pasted into the review page, or made by a test)."""
    text = _clean_text(text)
    return SourceDocument(name=name, text=text, kind=kind, lang=detect_lang(text), cjk_share=cjk_share(text))


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
        raise ReadError(path, "the file is empty")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ReadError(path, f"cannot read the file ({error.strerror})") from None
    used: str | None = None
    if kind in ("txt", "md"):
        text, used = _decode(path, data, encoding)
    elif kind == "html":
        raw, used = _decode(path, data, encoding)
        text = _html_text(raw)
    elif kind == "docx":
        text = _docx_text(path, data)
    else:
        text = _pdf_text(path, data)
    text = _clean_text(text)
    if not text.strip():
        what = {"pdf": "no text layer (a scanned PDF?)", "html": "no visible text"}.get(kind, "no text")
        raise ReadError(path, f"the file has {what}")
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
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "blockquote",
    "pre",
    "table",
    "ul",
    "ol",
    "dt",
    "dd",
    "header",
    "footer",
    "title",
)


def _html_text(markup: str) -> str:
    """The visible text of an HTML page, one block element per line, blank lines squeezed."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "html.parser")
    for hidden in soup(["script", "style", "noscript", "template", "head"]):
        if hidden.name == "head":
            title = hidden.find("title")
            keep = title.get_text(" ", strip=True) if title else ""
            hidden.replace_with(soup.new_string(keep + "\n") if keep else "")
        else:
            hidden.decompose()
    for block in soup.find_all(_BLOCKS):
        block.insert_before("\n")
        block.insert_after("\n")
    text = soup.get_text()
    lines = [re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.splitlines()]
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip() + "\n"


def _docx_text(path: Path, data: bytes) -> str:
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise ReadError(path, f"not a readable .docx file ({error})") from None
    except Exception as error:  # python-docx raises lxml and zip errors of several kinds
        raise ReadError(path, f"not a readable .docx file ({type(error).__name__})") from None
    return "\n".join(paragraph.text for paragraph in document.paragraphs) + "\n"


def _pdf_text(path: Path, data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ReadError(path, "the PDF is encrypted; save an unencrypted copy")
        pages = [page.extract_text() or "" for page in reader.pages]
    except ReadError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
        raise ReadError(path, f"not a readable PDF ({type(error).__name__}: {error})") from None
    except Exception as error:  # pypdf's parser raises a variety on corrupt files
        raise ReadError(path, f"not a readable PDF ({type(error).__name__})") from None
    return "\n\n".join(page.strip("\n") for page in pages) + "\n"
