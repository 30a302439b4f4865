"""UI translations: gettext catalogs (``locale/<lang>/LC_MESSAGES/messages.po``) read with Babel.

Catalogs are kept as ``.po`` text in the repository and compiled in memory when the app starts.
English is the source language; Chinese (``zh``) has a full catalog (a test checks that every
message in the templates is translated).
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES = ("en", "zh")


@cache
def translations(lang: str) -> NullTranslations:
    """The translations for ``lang`` (English: none needed)."""
    path = LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"
    if lang == "en" or not path.is_file():
        return NullTranslations()
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(fp=buffer)


def pick_language(query: str | None, cookie: str | None, accept: str | None) -> str:
    """``?lang=``, then the ``lang`` cookie, then the browser's Accept-Language, then English."""
    for candidate in (query, cookie):
        if candidate in LANGUAGES:
            return candidate
    if accept and accept.lower().startswith("zh"):
        return "zh"
    return "en"


def N_(message: str) -> str:  # noqa: N802 - the gettext convention for "mark, do not translate"
    """Mark a message for extraction whose text is only known at run time (an enum value)."""
    return message


DYNAMIC_MESSAGES = (
    N_("stated"),
    N_("inferred"),
    N_("held"),
    N_("proposed"),
    N_("planned"),
    N_("cancelled"),
    N_("chairmans_statement"),
    N_("joint_statement"),
    N_("joint_document"),
    N_("agreement"),
    N_("press_communique"),
    N_("proposal"),
    N_("statement"),
    N_("working_paper"),
    N_("declaration"),
    N_("other"),
)
"""Provenance bases, session statuses and document kinds as the templates show them."""


REASONS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), message)
    for pattern, message in (
        (r"time ran out", N_("time ran out")),
        (r"closed by the chair", N_("closed by the chair")),
        (r"the talks were closed", N_("the talks were closed")),
        (r"the chair walked out", N_("the chair walked out")),
        (r"fewer than two parties remain at the table", N_("fewer than two parties remain at the table")),
        (r"consensus of every seated party", N_("consensus of every seated party")),
        (r"every party accepted", N_("every party accepted")),
        (r"every phase agreed", N_("every phase agreed")),
        (r"issues left unsettled", N_("issues left unsettled")),
        (r"'(?P<seat>[^']+)' walked out", N_("%(seat)s walked out")),
        (r"'(?P<seat>[^']+)' ended the talks", N_("%(seat)s ended the talks")),
        (
            r"no consensus by the deadline \((?P<count>\d+) drafts\)",
            N_("no consensus by the deadline (%(count)s drafts)"),
        ),
        (
            r"no agreement by the deadline \((?P<count>\d+) rounds\)",
            N_("no agreement by the deadline (%(count)s rounds)"),
        ),
        (r"agreed without (?P<seats>[^:']+)", N_("agreed without %(seats)s")),
        (
            r"(?P<seats>'[^:]+') walked out and '(?P<seat>[^']+)' would not go on without (?:it|them)",
            N_("%(seats)s walked out and %(seat)s would not go on without them"),
        ),
    )
)
"""The reasons the negotiation engine gives for the end of the talks (``negotiate.protocol``,
``alternating``, ``talks``), as patterns over its English text and the catalog's message for each."""

PHASE_REASON = re.compile(r"(?P<phase>[a-z ]+): (?P<reason>.+)")
"""A reason of a phased session: the phase's name, then the phase's own reason."""


def translate_reason(reason: str | None, lang: str, names: Mapping[str, str]) -> str:
    """The engine's ``reason`` in ``lang``, with seat ids replaced by the seats' names in ``names``.

    The engine stays pure and English; the interface recognises its reasons here. A reason no pattern
    knows is shown as the engine gave it."""
    if not reason:
        return ""
    gettext = translations(lang).gettext
    separator = "、" if lang == "zh" else ", "

    def seats(text: str) -> str:
        ids = [part.strip().strip("'") for part in text.split(",")]
        return separator.join(names.get(i, i) for i in ids)

    for pattern, message in REASONS:
        found = pattern.fullmatch(reason)
        if found is not None:
            values = {k: seats(v) if k in ("seat", "seats") else v for k, v in found.groupdict().items()}
            return gettext(message) % values
    phased = PHASE_REASON.fullmatch(reason)
    if phased is not None:
        inner = translate_reason(phased["reason"], lang, names)
        return gettext(N_("%(phase)s: %(reason)s")) % {"phase": gettext(phased["phase"]), "reason": inner}
    return reason
