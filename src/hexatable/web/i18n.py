"""UI translations: gettext catalogs (``locale/<lang>/LC_MESSAGES/messages.po``) read with Babel.

Catalogs are kept as ``.po`` text in the repository and compiled in memory when the app starts.
English is the source language; Chinese (``zh``) has a full catalog (a test checks that every
message in the templates is translated).
"""

from __future__ import annotations

import io
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
