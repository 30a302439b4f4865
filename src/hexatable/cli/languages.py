"""The languages the command line prints in, and the check of a ``--lang`` given as text.

Names, titles and briefs fall back to English where a text lacks the language asked for, so an
unknown code (``--lang xx``) used to print English without a word; it is refused instead, naming the
option and the languages there are.

>>> language("zh")
'zh'
"""

from __future__ import annotations

import typer

LANGUAGES = ("en", "zh")
"""English and Chinese: every name, text, heading and transcript sentence exists in both."""


def language(value: str) -> str:
    """A Typer callback: ``value`` if it is one of :data:`LANGUAGES`, a usage error (exit 2) otherwise."""
    if value not in LANGUAGES:
        raise typer.BadParameter(f"'{value}' is not a language of hexatable (one of: {', '.join(LANGUAGES)})")
    return value
