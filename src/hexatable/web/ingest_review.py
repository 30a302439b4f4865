"""The ingest review page: an analyst checks what ingest extracted from a text before it becomes a case.

``GET /ingest`` is a form (a text file or pasted text, its language, the case whose actors to use, a
year for dates that do not say one). ``POST /ingest`` runs the pure pipeline
(:func:`hexatable.ingest.extract.extract` over :func:`hexatable.ingest.read.document_from_text`) and
shows the text with every extracted event marked beside its draft record. Each record is accepted (the
default), corrected (date, actors, targets, CAMEO root) or rejected, and ``POST /ingest/draft`` answers
the draft case folder as a ``.zip`` (:mod:`hexatable.ingest.draft`); nothing is kept on the server.

The pages are stateless: the review form carries the text itself (a hidden field) and the decisions by
event id, and the draft step extracts again. Extraction is deterministic, so the ids match; a decision
for an id the text does not yield is refused. Routes only parse and render: the rules are the pipeline's.

Every input is typed and bounded (:data:`MAX_TEXT_BYTES`, :data:`MAX_BODY`, :data:`MAX_EVENTS`, the
field patterns below); a refusal names the field and answers 4xx, never a traceback. Reading a large
text costs seconds of CPU, so the two POST routes draw on a per-client token bucket
(:data:`INGEST_BURST`, :data:`INGEST_RATE`), texts over :data:`LARGE_TEXT` bytes are read one at a time
(another one meanwhile answers 503), and the last few extractions are remembered by the digest of their
input, so the draft step after a review does not read the same text twice.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import re
import threading
import zipfile
from collections import OrderedDict
from collections.abc import AsyncGenerator, Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, cast

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, Headers, UploadFile
from starlette.formparsers import FormParser, MultiPartException, MultiPartParser

from hexatable.case import CAMEO_ROOTS, builtin_case_ids, cameo_label
from hexatable.case.dates import DateSpan
from hexatable.case.models import ACTOR_ID_PATTERN, ID_PATTERN
from hexatable.ingest.dates import PERIODS
from hexatable.ingest.draft import LOW_CONFIDENCE, low_confidence, slug
from hexatable.ingest.extract import Extraction
from hexatable.ingest.render import render_event
from hexatable.ingest.types import ActorMention, DraftEvent, Lang, Note, PeriodChoice
from hexatable.services.room.service import RoomError
from hexatable.web.i18n import N_, translations
from hexatable.web.limits import RateLimiter
from hexatable.web.pages import builtin_case, language, render

router = APIRouter(include_in_schema=False)

MAX_TEXT_BYTES = 1_000_000
"""The largest text the page reads: 1,000,000 bytes of UTF-8 (about 330,000 Chinese characters)."""
MAX_EVENTS = 3_000
"""The most events one review page shows (each is a record with five inputs); a text that yields more
is refused with advice to split it."""
FIELDS_PER_EVENT = 5
"""``decision``, ``date``, ``actors``, ``targets`` and ``cameo`` of one event."""
MAX_FIELDS = FIELDS_PER_EVENT * MAX_EVENTS + 16
"""The most fields a posted form may hold (the review form's, with room for the text's own)."""
MAX_BODY = MAX_TEXT_BYTES + 1_500 * MAX_EVENTS + 65_536
"""The largest request body: the text plus each event's fields with their multipart headers."""
MAX_FIELD = 300
"""The longest value of any field but the text."""
MAX_IDS = 16
"""The most actor ids in one ``actors`` or ``targets`` field."""
LARGE_TEXT = 64_000
"""Texts over this many bytes take seconds to read: they are read one at a time."""
INGEST_BURST = 12
"""Extractions a client may ask for at once (a review, then its draft, is two)."""
INGEST_RATE = 0.2
"""Extractions a second a client may ask for after the burst (one every five seconds)."""
TEXT_LANGS = ("auto", "zh", "en")
DECISIONS = ("accept", "correct", "reject")
YEARS = (1000, 2999)
"""The years a ``year`` field may name."""
SOURCE_ID = re.compile(ID_PATTERN)
ACTOR_ID = re.compile(ACTOR_ID_PATTERN)
EVENT_FIELD = re.compile(r"(decision|date|actors|targets|cameo):(.+)")
FORM_FIELDS = {"text", "file", "name", "text_lang", "case", "year", "periods", "encoding"}
ENCODINGS = ("utf-8", "gb18030", "big5")
"""The encodings an uploaded file may be in: UTF-8, and the two Chinese legacy ones (GB18030 reads GBK
and GB2312 files too)."""
GUESSED = {"gb18030": "gb18030", "gbk": "gb18030", "gb2312": "gb18030", "big5": "big5", "big5hkscs": "big5"}
"""charset-normalizer's names for what a non-UTF-8 upload looks like, as the form's encoding choices."""
TOO_LONG = N_("at most %(limit)s bytes of UTF-8")
TOO_MANY_FIELDS = N_("at most %(limit)s fields")
AT_MOST_CHARACTERS = N_("at most %(limit)s characters")
GIVEN_TWICE = N_("given more than once")
NOT_A_FILE = N_("a text field, not a file")
NO_CONTROL = N_("control characters are not allowed")
NOT_ONE_OF = N_("'%(value)s' is not one of %(choices)s")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""Control characters no text field may hold (tab and line breaks are allowed in the text)."""


@dataclass(frozen=True)
class Said:
    """A message to be said in the page's language: a ``%``-format template the catalog translates and
    its parameters (a reason nested in a refusal, a reader's or the extractor's message)."""

    template: str
    params: dict[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.template % self.params if self.params else self.template

    def in_language(self, lang: str) -> str:
        """The message in ``lang`` (a parameter that can say itself, a :class:`Words`, is said in it too)."""
        template = translations(lang).gettext(self.template)
        params = {
            k: v.in_language(lang) if isinstance(v, Said | Words) else v for k, v in self.params.items()
        }
        return template % params if params else template


class IngestError(RoomError):
    """A refused ingest form: ``status``, the ``field`` it names and the reason, a message template
    (marked with ``N_`` for the catalog) filled with ``params``. ``message`` is the English
    ``field: reason``; :meth:`in_language` says it in the page's language (a parameter that is a
    :class:`Said` is said in that language too)."""

    def __init__(self, status: int, field: str, template: str, **params: object) -> None:
        self.field, self.template, self.params = field, template, params
        super().__init__(status, f"{field}: {template % params if params else template}")

    def in_language(self, lang: str) -> str:
        """``field: reason`` with the reason from the ``lang`` catalog (the field name stays as sent)."""
        template = translations(lang).gettext(self.template)
        params = {
            k: v.in_language(lang) if isinstance(v, Said | Words) else v for k, v in self.params.items()
        }
        return f"{self.field}: {template % params if params else template}"


READ_REASONS = (
    N_("the file is empty"),
    N_("the file has no text"),
    N_("the file has no text layer (a scanned PDF?)"),
    N_("the file has no visible text"),
    N_("the PDF is encrypted; save an unencrypted copy"),
    N_("not a readable PDF (%(reason)s)"),
    N_("not a readable .docx file (%(reason)s)"),
)
"""The reader's reasons for refusing an uploaded document (:data:`hexatable.ingest.read.DOCUMENT_MESSAGES`,
marked here for the catalog; a test checks the two lists agree)."""

NOTE_TEMPLATES = {
    "no-date": N_("line %(line)s: '%(cue)s' by %(actor)s has no date to attach"),
    "no-quote": N_("line %(line)s: no quote of this clause passes the quote check"),
    "no-actor": N_(
        "line %(line)s: '%(cue)s' (%(date)s) has no actor the gazetteer or the case knows, "
        "so it is not an event"
    ),
    "date-dateline": N_("the clause says no date: the date is the day of writing (dateline or source date)"),
    "date-inherited": N_("the date (%(date)s) is inherited from an earlier sentence of the paragraph"),
    "date-heading": N_(
        "the date (%(date)s) is that of the heading on line %(line)s, which the entries under it share"
    ),
    "date-from-writing": N_("the date (%(date)s) counts from the day of writing (dateline or source date)"),
    "date-context": N_("part of the date (%(date)s) comes from the text's running context"),
    "date-part-of-month": N_(
        "'%(date)s' is written as the month (%(value)s), by the dating convention: a vague part of a "
        "month claims no days"
    ),
    "date-part-of-year": N_(
        "'%(date)s' is written as the year (%(value)s), by the dating convention: a vague part of a "
        "year claims no months"
    ),
    "date-part-range": N_("'%(date)s' is read as %(value)s (periods: range): bounds the text does not give"),
    "subject-inherited": N_("the actors are those of the clause before (the subject is left out)"),
    "reference-person": N_("'%(word)s' is read as %(names)s (the last person named before it)"),
    "reference-pair": N_("'%(word)s' is read as %(names)s (the last pair named before it)"),
    "reference-all": N_("'%(word)s' is read as %(names)s (the last three or more parties named before it)"),
    "reference-state": N_("'%(word)s' is read as %(names)s (the last state named before it)"),
    "reference-organisation": N_("'%(word)s' is read as %(names)s (the last organisation named before it)"),
    "corrected": N_("corrected in review: %(fields)s"),
}
"""The extractor's notes (warnings, reasons an event is inferred: :data:`hexatable.ingest.types.NOTES`)
by id, marked here for the catalog; the page says a note in its language by looking up its id's
template in the catalog. A test checks this list agrees with ``NOTES`` and that each has a Chinese
entry."""

NOTE_WORDS = (N_("date"), N_("actors"), N_("targets"), N_("CAMEO root"))
"""Words a note lists (the fields a review corrected), each translated."""


@dataclass(frozen=True)
class Words:
    """Words a note lists (field names), said one by one in the page's language."""

    words: tuple[str, ...]

    def __str__(self) -> str:
        return ", ".join(self.words)

    def in_language(self, lang: str) -> str:
        said = [translations(lang).gettext(word) for word in self.words]
        return ("、" if lang == "zh" else ", ").join(said)


def note_said(note: Note) -> Said:
    """A :class:`~hexatable.ingest.types.Note` as a :class:`Said` (its template, found by the note's id,
    and its parameters; a list of words is said word by word in the page's language)."""
    params: dict[str, object] = {
        key: Words(value) if isinstance(value, tuple) else value for key, value in note.params
    }
    return Said(NOTE_TEMPLATES[note.id], params)


MIXED_PER_BLOCK = N_(
    "%(zh)s of the text's lines read as Chinese and %(en)s as English: each paragraph was read in its "
    "own language. Check the events where the language changes."
)
MIXED_READ_AS = {
    "zh": N_(
        "%(zh)s of the text's lines read as Chinese and %(en)s as English, but the form asked for one "
        "language, Chinese: its English lines give no events or wrong ones. (“detect” reads each "
        "paragraph in its own language.)"
    ),
    "en": N_(
        "%(zh)s of the text's lines read as Chinese and %(en)s as English, but the form asked for one "
        "language, English: its Chinese lines give no events or wrong ones. (“detect” reads each "
        "paragraph in its own language.)"
    ),
}
OTHER_LANGUAGE = {
    "zh": N_(
        "The text was read as Chinese, as the form asked, though %(share)s of its letters are CJK: is "
        "the language of the text right? (“detect” would read it as English.)"
    ),
    "en": N_(
        "The text was read as English, as the form asked, though %(share)s of its letters are CJK: is "
        "the language of the text right? (“detect” would read it as Chinese.)"
    ),
}


def language_notes(extraction: Extraction) -> list[Said]:
    """What to say of the text's language: two languages in one text (read paragraph by paragraph, or
    in the one the form chose), or a language chosen in the form other than the text looks (the command
    line's notes, for the page)."""
    from hexatable.ingest.pipeline import language_situation

    document = extraction.document
    mix = document.mix
    situation = language_situation(extraction)
    if situation == "per-block":
        return [Said(MIXED_PER_BLOCK, {"zh": mix.zh_lines, "en": mix.en_lines})]
    if situation == "forced-mixed":
        return [Said(MIXED_READ_AS[extraction.lang], {"zh": mix.zh_lines, "en": mix.en_lines})]
    if situation == "other-language":
        return [Said(OTHER_LANGUAGE[extraction.lang], {"share": f"{document.cjk_share:.0%}"})]
    return []


def refusal(error: RoomError, lang: str) -> str:
    """What a page says of a refusal: an ingest refusal in ``lang``, any other as it was raised."""
    return error.in_language(lang) if isinstance(error, IngestError) else error.message


@dataclass(frozen=True)
class IngestInput:
    """What the form asks ingest to read: the text, its file name, its language, the case, a year,
    and how a vague part of a period is dated (``periods``, as ``hexatable ingest --periods``)."""

    text: str
    name: str
    text_lang: str
    case: str
    year: int | None
    encoding: str = "utf-8"
    periods: PeriodChoice = "contain"

    @property
    def source_id(self) -> str:
        """The source id of the draft, as the pipeline makes it from the file name."""
        return slug(Path(self.name).stem)


@dataclass
class Correction:
    """An analyst's answer for one event, as typed (text fields, checked by :func:`corrected`)."""

    decision: str = "accept"
    values: dict[str, str] = field(default_factory=dict)


# --- reading the request --------------------------------------------------------------------------


async def read_form(request: Request) -> FormData:
    """The posted form, from a body of at most :data:`MAX_BODY` bytes (413 beyond, before parsing);
    ``multipart/form-data`` (with at most one file) or ``application/x-www-form-urlencoded``."""
    too_large = IngestError(
        413,
        "text",
        N_("at most %(limit)s bytes of UTF-8 (the whole form at most %(body)s bytes)"),
        limit=f"{MAX_TEXT_BYTES:,}",
        body=f"{MAX_BODY:,}",
    )
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY:
        raise too_large
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY:
            raise too_large
        chunks.append(chunk)
    body = b"".join(chunks)

    async def stream() -> AsyncGenerator[bytes, None]:
        yield body
        yield b""

    kind = request.headers.get("content-type", "").partition(";")[0].strip().lower()
    headers = Headers(raw=request.scope["headers"])
    try:
        if kind == "multipart/form-data":
            parser = MultiPartParser(
                headers, stream(), max_files=1, max_fields=MAX_FIELDS, max_part_size=MAX_TEXT_BYTES + 1
            )
            return await parser.parse()
        if kind == "application/x-www-form-urlencoded":
            form = await FormParser(headers, stream(), max_fields=MAX_FIELDS, max_part_size=MAX_BODY).parse()
            if len(form) > MAX_FIELDS:
                raise IngestError(413, "form", TOO_MANY_FIELDS, limit=f"{MAX_FIELDS:,}")
            return form
    except MultiPartException as error:
        message = str(error)
        if message.startswith("Too many fields"):
            raise IngestError(413, "form", TOO_MANY_FIELDS, limit=f"{MAX_FIELDS:,}") from None
        if message.startswith("Too many files"):
            raise IngestError(413, "file", N_("one file at most")) from None
        if message.startswith(("Part exceeded", "Field exceeded")):
            raise IngestError(413, "text", TOO_LONG, limit=f"{MAX_TEXT_BYTES:,}") from None
        raise IngestError(400, "form", N_("not a readable form (%(reason)s)"), reason=message[:100]) from None
    raise IngestError(415, "form", N_("send multipart/form-data or application/x-www-form-urlencoded"))


def text_field(form: FormData, name: str, *, limit: int = MAX_FIELD) -> str:
    """A text field (empty when absent), at most ``limit`` characters and no control characters."""
    values = form.getlist(name)
    if len(values) > 1:
        raise IngestError(422, name, GIVEN_TWICE)
    value = values[0] if values else ""
    if not isinstance(value, str):
        raise IngestError(422, name, NOT_A_FILE)
    if len(value) > limit:
        if name == "text":  # the size of the text, not a typing mistake
            raise IngestError(413, "text", TOO_LONG, limit=f"{MAX_TEXT_BYTES:,}")
        raise IngestError(422, name, AT_MOST_CHARACTERS, limit=f"{limit:,}")
    if CONTROL.search(value if name == "text" else value.replace("\t", "")):
        raise IngestError(422, name, NO_CONTROL)
    return value


def _guess_encoding(data: bytes) -> str | None:
    """Which of :data:`ENCODINGS` a file that is not UTF-8 looks like (charset-normalizer, on its
    first 64 KB), or ``None``."""
    from charset_normalizer import from_bytes

    best = from_bytes(data[:65_536]).best()
    return None if best is None else GUESSED.get(best.encoding.replace("_", "").lower())


CONVERTED = (".html", ".htm", ".docx", ".pdf")
"""Uploads read as the command line reads them (:func:`hexatable.ingest.read.read_source`: the visible
text of HTML, the paragraphs of a docx, the text layer of a PDF); any other file is read as text."""


UNREAD = (".doc", ".rtf", ".odt", ".wps", ".pages", ".xls", ".xlsx", ".ppt", ".pptx", ".epub")
"""Document formats neither read as text nor converted: refused with what to save them as."""


def convert_upload(data: bytes, name: str, encoding: str = "utf-8") -> str:
    """The text of an HTML, docx or PDF upload, as the command line reads such a file. HTML is decoded
    as a text upload is (:func:`decode_upload`, whose refusals speak of the form's encoding choice, not
    of ``--encoding``), then read by :func:`hexatable.ingest.read.html_text`; docx and PDF are read
    from a private temporary copy. A file that cannot be read is refused naming it, with the reader's
    reason in the page's language."""
    import tempfile

    from hexatable.ingest.read import ReadError, document_from_text, html_text, read_source

    suffix = Path(name).suffix.lower()
    if suffix in (".html", ".htm"):
        text = document_from_text(html_text(decode_upload(data, name, encoding, markup=True))).text
        if not text.strip():
            raise IngestError(
                422,
                "file",
                N_("'%(name)s' cannot be read: %(reason)s"),
                name=name[:80],
                reason=Said("the file has no visible text"),
            )
        return CONTROL.sub("", text)
    with tempfile.TemporaryDirectory(prefix="hexatable-ingest-") as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(data)
        try:
            document = read_source(
                path, encoding=None if encoding == "utf-8" else encoding, max_bytes=MAX_TEXT_BYTES
            )
        except ReadError as error:
            raise IngestError(
                415,
                "file",
                N_("'%(name)s' cannot be read: %(reason)s"),
                name=name[:80],
                reason=Said(error.template, dict(error.params)),
            ) from None
    # Line separators are already line breaks (read.py); other control characters go, so the review
    # form can carry the text back (its fields refuse control characters).
    return CONTROL.sub("", document.text)


def decode_upload(data: bytes, name: str, encoding: str = "utf-8", *, markup: bool = False) -> str:
    """An uploaded file's bytes as text: UTF-8 (a byte-order mark is dropped) or the ``encoding`` the
    form names; binary files, UTF-16 and text not in the encoding are refused naming the file (and,
    when it looks like GB18030 or Big5, saying which to choose). With ``markup`` (an HTML file, whose
    text is read out of it and cleaned afterwards) control characters are left for that step."""
    shown = name[:80]
    if len(data) > MAX_TEXT_BYTES:
        raise IngestError(
            413,
            "file",
            N_("'%(name)s' is %(size)s bytes; at most %(limit)s"),
            name=shown,
            size=f"{len(data):,}",
            limit=f"{MAX_TEXT_BYTES:,}",
        )
    if not data.strip():
        raise IngestError(422, "file", N_("'%(name)s' is empty"), name=shown)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IngestError(415, "file", N_("'%(name)s' is UTF-16; save it as UTF-8 text"), name=shown)
    if b"\x00" in data:
        raise IngestError(
            415, "file", N_("'%(name)s' is binary (it holds NUL bytes), not a text file"), name=shown
        )
    try:
        text = data.decode("utf-8-sig" if encoding == "utf-8" else encoding)
    except UnicodeDecodeError as error:
        guess = _guess_encoding(data)
        if guess is not None and guess != encoding:
            raise IngestError(
                415,
                "file",
                N_(
                    "'%(name)s' is not %(encoding)s text (byte %(at)s); it looks like %(guess)s: choose "
                    "%(guess)s as the encoding of the file, or save it as UTF-8"
                ),
                name=shown,
                encoding=encoding.upper(),
                at=f"{error.start:,}",
                guess=guess.upper(),
            ) from None
        raise IngestError(
            415,
            "file",
            N_(
                "'%(name)s' is not %(encoding)s text (byte %(at)s); choose its encoding (GB18030, Big5) "
                "or save it as UTF-8"
            ),
            name=shown,
            encoding=encoding.upper(),
            at=f"{error.start:,}",
        ) from None
    if CONTROL.search(text) and not markup:  # markup's text is read out of it, and cleaned then
        raise IngestError(
            415, "file", N_("'%(name)s' holds control characters; a plain text file is needed"), name=shown
        )
    return text


async def ingest_input(form: FormData) -> IngestInput:
    """The text and the options of a posted form, checked; 4xx naming the field otherwise."""
    unknown = sorted(k for k in form if k not in FORM_FIELDS and not EVENT_FIELD.fullmatch(k))
    if unknown:
        raise IngestError(422, "form", N_("unknown field '%(name)s'"), name=unknown[0][:40])
    text = text_field(form, "text", limit=MAX_TEXT_BYTES)
    name = text_field(form, "name", limit=200)
    uploads = [v for v in form.getlist("file") if not isinstance(v, str)]
    upload = uploads[0] if uploads else None
    upload_given = isinstance(upload, UploadFile) and bool(upload.filename or upload.size)
    encoding = "utf-8"
    if isinstance(upload, UploadFile) and upload_given:
        if text.strip():
            raise IngestError(422, "text", N_("give a file or pasted text, not both"))
        data = await upload.read(MAX_TEXT_BYTES + 1)
        name = upload.filename or "upload.txt"
        encoding = text_field(form, "encoding") or "utf-8"
        if encoding not in ENCODINGS:
            raise IngestError(422, "encoding", NOT_ONE_OF, value=encoding[:20], choices=", ".join(ENCODINGS))
        suffix = Path(name).suffix.lower()
        if suffix in UNREAD:
            raise IngestError(
                415,
                "file",
                N_(
                    "'%(name)s' is a %(suffix)s document, which ingest does not read: save it as .docx, "
                    ".pdf or UTF-8 .txt first"
                ),
                name=name[:80],
                suffix=suffix,
            )
        if suffix in CONVERTED and len(data) <= MAX_TEXT_BYTES:
            text = await run_in_threadpool(convert_upload, data, name, encoding)
        else:
            text = decode_upload(data, name, encoding)
    elif any(isinstance(v, str) and v for v in form.getlist("file")):
        raise IngestError(422, "file", N_("send the file itself (multipart/form-data), not its name"))
    if len(text.encode("utf-8", "surrogatepass")) > MAX_TEXT_BYTES:
        raise IngestError(413, "text", TOO_LONG, limit=f"{MAX_TEXT_BYTES:,}")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise IngestError(422, "text", N_("empty; upload a text file or paste the text"))
    text_lang = text_field(form, "text_lang") or "auto"
    if text_lang not in TEXT_LANGS:
        raise IngestError(422, "text_lang", NOT_ONE_OF, value=text_lang[:20], choices=", ".join(TEXT_LANGS))
    case = text_field(form, "case")
    if case and case not in builtin_case_ids():
        raise IngestError(
            422,
            "case",
            N_("'%(value)s' is not a case of this server (%(choices)s)"),
            value=case[:40],
            choices=", ".join(builtin_case_ids()),
        )
    year_text = text_field(form, "year").strip()
    year = None
    if year_text:
        if not (year_text.isascii() and year_text.isdigit() and len(year_text) <= 4):
            raise IngestError(
                422, "year", N_("'%(value)s' is not a year (four digits)"), value=year_text[:20]
            )
        year = int(year_text)
        if not YEARS[0] <= year <= YEARS[1]:
            raise IngestError(
                422,
                "year",
                N_("%(value)s is not between %(low)s and %(high)s"),
                value=year,
                low=YEARS[0],
                high=YEARS[1],
            )
    periods = text_field(form, "periods") or PERIODS[0]
    if periods not in PERIODS:
        raise IngestError(422, "periods", NOT_ONE_OF, value=periods[:20], choices=", ".join(PERIODS))
    return IngestInput(
        text=text,
        name=(name or "text.txt")[:200],
        text_lang=text_lang,
        case=case,
        year=year,
        encoding=encoding if upload_given else "utf-8",
        periods=periods,
    )


def echo_input(form: FormData | None) -> IngestInput | None:
    """What a refused form asked for, as far as it is valid, to show the form again with it: the
    pasted text, the language, the case, the year and the encoding (each dropped when it is not
    valid), so a refusal never costs the analyst what they typed or chose."""
    if form is None:
        return None

    def value(name: str, limit: int = MAX_FIELD) -> str:
        found = form.get(name)
        return found if isinstance(found, str) and len(found) <= limit and not CONTROL.search(found) else ""

    year_text = value("year").strip()
    year = int(year_text) if year_text.isascii() and year_text.isdigit() and len(year_text) <= 4 else None
    return IngestInput(
        text=value("text", MAX_TEXT_BYTES),
        name=value("name", 200) or "text.txt",
        text_lang=value("text_lang") if value("text_lang") in TEXT_LANGS else "auto",
        case=value("case") if value("case") in builtin_case_ids() else "",
        year=year if year is not None and YEARS[0] <= year <= YEARS[1] else None,
        encoding=value("encoding") if value("encoding") in ENCODINGS else "utf-8",
        periods=cast(PeriodChoice, value("periods")) if value("periods") in PERIODS else PERIODS[0],
    )


def corrections_of(form: FormData) -> dict[str, Correction]:
    """Each event's decision and typed values, by event id (nothing checked yet but the shape).
    One pass over the form: a review of a long text posts thousands of fields."""
    found: dict[str, Correction] = {}
    seen: set[str] = set()
    for key, value in form.multi_items():
        match = EVENT_FIELD.fullmatch(key)
        if match is None:
            continue
        if key in seen:
            raise IngestError(422, key[:60], GIVEN_TWICE)
        seen.add(key)
        if not isinstance(value, str):
            raise IngestError(422, key[:60], NOT_A_FILE)
        if len(value) > MAX_FIELD:
            raise IngestError(422, key[:60], AT_MOST_CHARACTERS, limit=f"{MAX_FIELD:,}")
        if CONTROL.search(value.replace("\t", "")):
            raise IngestError(422, key[:60], NO_CONTROL)
        kind, event_id = match.groups()
        if len(event_id) > 120 or not SOURCE_ID.fullmatch(event_id):
            raise IngestError(422, key[:60], N_("not an event id"))
        entry = found.setdefault(event_id, Correction())
        if kind == "decision":
            if value not in DECISIONS:
                raise IngestError(422, key, NOT_ONE_OF, value=value[:20], choices=", ".join(DECISIONS))
            entry.decision = value
        else:
            entry.values[kind] = value
    return found


# --- running the pipeline -------------------------------------------------------------------------


@dataclass(frozen=True)
class Reading:
    """An extraction with what the page needs of the gazetteer: actors' labels, whether an id is known,
    and the gazetteer itself for the draft writer (``None`` for a test's fake reader)."""

    extraction: Extraction
    label: Callable[[str, Lang], str]
    known: Callable[[str], bool]
    gazetteer: Any = None


@cache
def _lexicon(case_id: str) -> tuple[Any, Any]:
    """The gazetteer (with the case's actors, when a case is named) and the verb dictionary, built once."""
    from hexatable.ingest.gazetteer import Gazetteer
    from hexatable.ingest.verbs import VerbDictionary

    gazetteer = Gazetteer.builtin()
    if case_id:
        gazetteer = gazetteer.with_case(builtin_case(case_id))
    return gazetteer, VerbDictionary.builtin()


def read_text(given: IngestInput) -> Reading:
    """Run the pipeline on the form's text, as the command line does for one file
    (:func:`hexatable.ingest.pipeline.plan` and :func:`~hexatable.ingest.pipeline.run`)."""
    from hexatable.ingest.pipeline import LangChoice, plan, run
    from hexatable.ingest.read import document_from_text

    gazetteer, verbs = _lexicon(given.case)
    document = document_from_text(given.text, name=given.name)
    case = builtin_case(given.case) if given.case else None
    lang: LangChoice = "auto"
    if given.text_lang == "zh":
        lang = "zh"
    elif given.text_lang == "en":
        lang = "en"
    (planned,) = plan([document], lang=lang, case=case, year=given.year, periods=given.periods)
    (extraction,) = run([planned], gazetteer=gazetteer, verbs=verbs)
    proposed = {p.id for p in extraction.proposed}
    return Reading(extraction, gazetteer.label, lambda a: gazetteer.known(a) or a in proposed, gazetteer)


class _Remembered:
    """The last few readings by the digest of their input, and one large reading at a time."""

    def __init__(self, size: int = 4) -> None:
        self.size = size
        self.items: OrderedDict[str, Reading] = OrderedDict()
        self.lock = threading.Lock()
        self.large = threading.BoundedSemaphore(1)

    def get(self, given: IngestInput, reader: Callable[[IngestInput], Reading]) -> Reading:
        key = hashlib.sha256(
            repr((given.text, given.name, given.text_lang, given.case, given.year, given.periods)).encode(
                "utf-8", "surrogatepass"
            )
        ).hexdigest()
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key]
        large = len(given.text.encode("utf-8", "surrogatepass")) > LARGE_TEXT
        if large and not self.large.acquire(blocking=False):
            raise IngestError(503, "text", N_("another large text is being read; try again in a few seconds"))
        try:
            reading = reader(given)
        finally:
            if large:
                self.large.release()
        with self.lock:
            self.items[key] = reading
            while len(self.items) > self.size:
                self.items.popitem(last=False)
        return reading


REMEMBERED = _Remembered()
READER: list[Callable[[IngestInput], Reading]] = [read_text]
"""The pipeline the routes call (a list so a test can put a fake in its place)."""


def reading_of(given: IngestInput) -> Reading:
    reading = REMEMBERED.get(given, READER[0])
    if len(reading.extraction.events) > MAX_EVENTS:
        raise IngestError(
            413,
            "text",
            N_("it yields %(count)s events; the review page takes at most %(limit)s: split the text"),
            count=f"{len(reading.extraction.events):,}",
            limit=f"{MAX_EVENTS:,}",
        )
    return reading


def limit_client(request: Request) -> None:
    """Draw on the client's ingest bucket (429 when empty); the bucket is made on first use."""
    state = request.app.state
    limiter: RateLimiter | None = getattr(state, "ingest_limiter", None)
    if limiter is None:
        limiter = state.ingest_limiter = RateLimiter(INGEST_BURST, INGEST_RATE)
    if not limiter.allow(f"ingest:{request.client.host if request.client else '?'}"):
        raise IngestError(429, "text", N_("too many texts read; wait a few seconds"))


# --- corrections ----------------------------------------------------------------------------------


def _ids(value: str, what: str, reading: Reading) -> tuple[str, ...]:
    ids = tuple(dict.fromkeys(part for part in re.split(r"[\s,，、;；]+", value.strip()) if part))
    if len(ids) > MAX_IDS:
        raise IngestError(422, what, N_("at most %(limit)s actors"), limit=MAX_IDS)
    for actor_id in ids:
        if len(actor_id) > 64 or not ACTOR_ID.fullmatch(actor_id):
            raise IngestError(
                422,
                what,
                N_(
                    "'%(value)s' is not an actor id (ISO 3166 alpha-3 such as PRK, an acronym such as IAEA, "
                    "or lower-case words joined by '-')"
                ),
                value=actor_id[:40],
            )
        if not reading.known(actor_id):
            raise IngestError(
                422,
                what,
                N_("'%(value)s' is not an actor of the case, the gazetteer or the text"),
                value=actor_id,
            )
    return ids


def _line_start(text: str, line: int) -> int:
    """The offset of the first character of 1-based ``line`` (lines as :meth:`str.splitlines` counts)."""
    return sum(len(piece) for piece in text.splitlines(keepends=True)[: line - 1])


def _mentions(
    ids: tuple[str, ...], old: tuple[ActorMention, ...], event: DraftEvent, text: str
) -> tuple[ActorMention, ...]:
    """Mentions for corrected ids: the text's own mention where the extraction found the id, else one
    added by the analyst (``origin="user"``) whose text is the event's quote at the start of its line,
    so a draft that cites it as the actor's first mention still quotes the source verbatim."""
    by_id = {m.actor: m for m in old}
    at = _line_start(text, event.line)
    return tuple(by_id.get(i) or ActorMention(at, at, event.quote, i, "user") for i in ids)


def corrected(event: DraftEvent, correction: Correction, reading: Reading) -> DraftEvent:
    """``event`` with the analyst's values (checked: an ISO partial date or range, known actor ids in
    the id pattern, a CAMEO root 1 to 20); 422 naming the field and the event otherwise."""
    values = correction.values
    date_text = values.get("date", "").strip()
    try:
        span = DateSpan.parse(date_text)
    except (ValueError, TypeError):
        raise IngestError(
            422,
            f"date:{event.id}",
            N_(
                "'%(value)s' is not an ISO date (2019, 2019-02, 2019-02-27, or a range 2019-02-27/2019-02-28)"
            ),
            value=date_text[:40],
        ) from None
    actors = _ids(values.get("actors", ""), f"actors:{event.id}", reading)
    if not actors:
        raise IngestError(422, f"actors:{event.id}", N_("at least one actor"))
    targets = _ids(values.get("targets", ""), f"targets:{event.id}", reading)
    cameo_text = values.get("cameo", "").strip()
    if not (
        cameo_text.isascii()
        and cameo_text.isdigit()
        and len(cameo_text) <= 2
        and int(cameo_text) in CAMEO_ROOTS
    ):
        raise IngestError(
            422,
            f"cameo:{event.id}",
            N_("'%(value)s' is not a CAMEO root code (1 to 20)"),
            value=cameo_text[:20],
        )
    date = event.date
    if str(span) != str(date.date):
        date = dataclasses.replace(date, date=span, rule="review", inferred=False)
    cameo = int(cameo_text)
    changed = [
        name
        for name, now, before in (
            ("date", str(span), str(event.date.date)),
            ("actors", actors, tuple(m.actor for m in event.actors)),
            ("targets", targets, tuple(m.actor for m in event.targets)),
            ("CAMEO root", cameo, event.cameo),
        )
        if now != before
    ]
    text = dict(event.text)
    source_lang = reading.extraction.lang
    source = reading.extraction.document.text
    for lang in ("en", "zh"):  # the source's own sentence stays; the templated other one follows the record
        if lang != source_lang and lang in text:
            text[lang] = render_event(lang, span, actors, targets, cameo, reading.label)
    return dataclasses.replace(
        event,
        date=date,
        actors=_mentions(actors, event.actors, event, source),
        targets=_mentions(targets, event.targets, event, source),
        cameo=cameo,
        text=text,
        inferred=(*event.inferred, Note("corrected", (("fields", tuple(changed)),)))
        if changed
        else event.inferred,
    )


def decided(reading: Reading, corrections: dict[str, Correction]) -> list[DraftEvent]:
    """The events to draft: accepted ones as extracted, corrected ones with the analyst's values,
    rejected ones left out. A decision for an event the text does not yield is refused (422)."""
    events = {e.id: e for e in reading.extraction.events}
    stray = sorted(set(corrections) - set(events))
    if stray:
        raise IngestError(
            422, f"decision:{stray[0][:60]}", N_("no such event in this text (was the text changed?)")
        )
    kept = []
    for event in reading.extraction.events:
        correction = corrections.get(event.id, Correction())
        if correction.decision == "reject":
            continue
        kept.append(corrected(event, correction, reading) if correction.decision == "correct" else event)
    if not kept:
        raise IngestError(
            422, "decision", N_("every event is rejected (or none was found); nothing to draft")
        )
    return kept


def draft_zip(reading: Reading, given: IngestInput, events: list[DraftEvent]) -> bytes:
    """The draft case of ``events`` as a zip of one folder, ``<source>-draft/`` (made in memory with
    :func:`hexatable.ingest.draft.draft_case`; nothing is written on the server). The draft is a new
    case: it defines every actor its events name, so it passes ``hexatable validate`` on its own."""
    from hexatable.ingest.draft import draft_case

    extraction = dataclasses.replace(reading.extraction, events=tuple(events))
    draft = draft_case(
        [extraction], gazetteer=reading.gazetteer, case_id=f"{given.source_id}-draft", title=given.name
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in sorted(draft.files.items()):
            archive.writestr(f"{given.source_id}-draft/{name}", content)
    return buffer.getvalue()


# --- the pages ------------------------------------------------------------------------------------


def form_context(given: IngestInput | None = None) -> dict[str, Any]:
    return {
        "cases": builtin_case_ids(),
        "text_langs": TEXT_LANGS,
        "encodings": ENCODINGS,
        "given": given,
        "max_text_bytes": MAX_TEXT_BYTES,
        "years": YEARS,
        "periods": PERIODS,
    }


def form_page(
    request: Request, error: str | None = None, status: int = 200, given: IngestInput | None = None
) -> HTMLResponse:
    return render(request, "ingest.html", {**form_context(given), "error": error}, status)


def segments(text: str, events: Iterable[DraftEvent]) -> list[dict[str, Any]]:
    """The text cut into pieces: plain ones, and marked ones with the ids of the events they hold
    (events on overlapping sentences share one mark)."""
    pieces: list[dict[str, Any]] = []
    at = 0
    for event in sorted(events, key=lambda e: (e.start, e.end)):
        start, end = max(event.start, 0), min(event.end, len(text))
        if pieces and pieces[-1]["events"] and start < at:
            last = pieces[-1]
            if end > at:
                last["text"] += text[at:end]
                at = end
            last["events"].append(event.id)
            continue
        if start > at:
            pieces.append({"text": text[at:start], "events": []})
        start = max(start, at)
        pieces.append({"text": text[start:end], "events": [event.id]})
        at = max(at, end)
    if at < len(text):
        pieces.append({"text": text[at:], "events": []})
    return pieces


def numbered_lines(text: str, pieces: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The pieces of :func:`segments` cut into numbered lines (numbered as :meth:`str.splitlines`
    counts them, as the records' line numbers are), so the page can show each line's number beside it.
    A mark that spans lines becomes one fragment per line; only the first shown (``first``) carries the
    mark's anchor and its further events' links; ``alt`` is every other mark, so neighbouring marks can
    differ in colour. Line ends are dropped: each line is a block of its own."""
    lines: list[dict[str, Any]] = []
    bounds: list[tuple[int, int]] = []
    at = 0
    for line in text.splitlines(keepends=True):
        bounds.append((at, at + len(line.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"))))
        at += len(line)
    starts, offset = [], 0
    for piece in pieces:
        starts.append(offset)
        offset += len(piece["text"])
    marked = [i for i, piece in enumerate(pieces) if piece["events"]]
    ordinals = {piece_index: ordinal for ordinal, piece_index in enumerate(marked)}
    index, shown = 0, set()
    for number, (start, end) in enumerate(bounds, start=1):
        parts: list[dict[str, Any]] = []
        while index < len(pieces) and starts[index] + len(pieces[index]["text"]) <= start:
            index += 1
        scan = index
        while scan < len(pieces) and starts[scan] < end:
            piece, piece_start = pieces[scan], starts[scan]
            low, high = max(start, piece_start), min(end, piece_start + len(piece["text"]))
            if high > low:
                parts.append(
                    {
                        "text": piece["text"][low - piece_start : high - piece_start],
                        "events": piece["events"],
                        "first": scan not in shown,
                        "alt": ordinals.get(scan, 0) % 2 == 1,
                    }
                )
                shown.add(scan)
            scan += 1
        lines.append({"n": number, "parts": parts})
    return lines


def _mention_view(mention: ActorMention, reading: Reading, lang: Lang) -> dict[str, Any]:
    return {**mention.to_json(), "label": reading.label(mention.actor, lang)}


def record_view(
    event: DraftEvent, reading: Reading, lang: Lang, correction: Correction | None
) -> dict[str, Any]:
    """One draft record as the review page shows it (the ``--json`` record with labels), with the
    values its inputs hold."""
    values = {
        "date": str(event.date.date),
        "actors": " ".join(m.actor for m in event.actors),
        "targets": " ".join(m.actor for m in event.targets),
        "cameo": str(event.cameo),
    }
    if correction is not None:
        values |= correction.values
    known = event.cameo in CAMEO_ROOTS
    return {
        **event.to_json(),
        "actors": [_mention_view(m, reading, lang) for m in event.actors],
        "targets": [_mention_view(m, reading, lang) for m in event.targets],
        "cameo_en": cameo_label(event.cameo, "en") if known else "?",
        "cameo_zh": cameo_label(event.cameo, "zh") if known else "?",
        "decision": correction.decision if correction else "accept",
        "typed": values,
        "low": low_confidence(event),
        "inferred": [note_said(note).in_language(lang) for note in event.inferred],
    }


def review_page(
    request: Request,
    given: IngestInput,
    reading: Reading,
    corrections: dict[str, Correction] | None = None,
    error: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    lang: Lang = "zh" if language(request) == "zh" else "en"
    extraction = reading.extraction
    corrections = corrections or {}
    records = [record_view(e, reading, lang, corrections.get(e.id)) for e in extraction.events]
    pieces = segments(extraction.document.text, extraction.events)
    context = {
        "given": given,
        "source_id": given.source_id,
        "extraction_lang": extraction.lang,
        "segments": pieces,
        "lines": numbered_lines(extraction.document.text, pieces),
        "marks": {event_id: piece["events"][0] for piece in pieces for event_id in piece["events"]},
        "cameo_values": [str(code) for code in CAMEO_ROOTS],
        "records": records,
        "low_count": sum(1 for r in records if r["low"]),
        "low_threshold": f"{LOW_CONFIDENCE:.2f}",
        "proposed": [
            {"id": p.id, "name": p.name, "kind": p.kind, "line": p.first_line} for p in extraction.proposed
        ],
        "unresolved": list(extraction.unresolved),
        "warnings": [note_said(w).in_language(lang) for w in extraction.warnings],
        "language_notes": [note.in_language(lang) for note in language_notes(extraction)],
        "cameo": [(code, cameo_label(code, lang)) for code in CAMEO_ROOTS],
        "error": error,
    }
    return render(request, "ingest_review.html", context, status)


@router.get("/ingest", response_class=HTMLResponse)
def ingest_form(request: Request) -> HTMLResponse:
    """The form: a text file or pasted text, its language, the case whose actors to use, a year."""
    return form_page(request)


@router.post("/ingest", response_class=HTMLResponse)
async def ingest_review(request: Request) -> HTMLResponse:
    """Read the text and show each extracted event beside its draft record, for review."""
    given, form = None, None
    try:
        limit_client(request)
        form = await read_form(request)
        given = await ingest_input(form)
        reading = await run_in_threadpool(reading_of, given)
    except RoomError as error:
        return form_page(request, refusal(error, language(request)), error.status, given or echo_input(form))
    return review_page(request, given, reading)


@router.post("/ingest/draft", response_model=None)
async def ingest_draft(request: Request) -> Response:
    """The draft case of the accepted and corrected events, as a ``.zip`` download; a bad correction
    shows the review page again with the field named (422)."""
    given, form = None, None
    try:
        limit_client(request)
        form = await read_form(request)
        given = await ingest_input(form)
        corrections = corrections_of(form)
        reading = await run_in_threadpool(reading_of, given)
    except RoomError as error:
        return form_page(request, refusal(error, language(request)), error.status, given or echo_input(form))
    try:
        events = decided(reading, corrections)
    except RoomError as error:
        return review_page(
            request, given, reading, corrections, refusal(error, language(request)), error.status
        )
    data = await run_in_threadpool(draft_zip, reading, given, events)
    return Response(
        data,
        media_type="application/zip",
        headers={"Content-Disposition": f'attachment; filename="{given.source_id}-draft.zip"'},
    )
