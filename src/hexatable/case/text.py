"""Multilingual text: a mapping from language code to string.

A ``Text`` needs English (``en``); ``Names`` need English and Chinese (``zh``). Other languages
(``ko``, ``ja``, ``ru``, ...) are welcome. :func:`pick` chooses the string for a reader's language and
falls back to English.

>>> pick({"en": "Japan", "zh": "日本"}, "zh")
'日本'
>>> pick({"en": "Japan"}, "zh")
'Japan'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints, WithJsonSchema

LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
NonEmpty = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]


def _requiring(*languages: str) -> AfterValidator:
    def check(value: dict[str, str]) -> dict[str, str]:
        missing = [lang for lang in languages if lang not in value]
        if missing:
            raise ValueError(f"needs a text in {' and '.join(missing)}")
        return value

    return AfterValidator(check)


def _schema(*languages: str) -> WithJsonSchema:
    return WithJsonSchema(
        {
            "type": "object",
            "propertyNames": {"pattern": r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"},
            "additionalProperties": {"type": "string", "minLength": 1},
            "required": list(languages),
        }
    )


Text = Annotated[dict[LanguageCode, NonEmpty], _requiring("en"), _schema("en")]
"""Text in one or more languages; English required."""

Names = Annotated[dict[LanguageCode, NonEmpty], _requiring("en", "zh"), _schema("en", "zh")]
"""A name in English and Chinese at least."""

Aliases = Annotated[
    dict[LanguageCode, list[NonEmpty]],
    Field(default_factory=dict),
]
"""Other names per language."""


def pick(text: Mapping[str, str] | None, lang: str) -> str:
    """The text in ``lang``, else in English, else empty."""
    if not text:
        return ""
    return text.get(lang) or text.get("en") or next(iter(text.values()), "")
