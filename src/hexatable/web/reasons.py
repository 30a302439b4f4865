"""The negotiation engine's reasons in the page's language.

The engine is pure and speaks English: it says why the talks ended (``reason``) and why a move was
refused (:class:`~hexatable.negotiate.protocol.IllegalEventError`). The interface recognises those
sentences here, by patterns over their English text, and shows the catalog's translation with seat ids
replaced by the seats' names. A sentence no pattern knows is shown as the engine gave it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from hexatable.web.i18n import N_, translations

Patterns = tuple[tuple[re.Pattern[str], str], ...]


def _compiled(pairs: tuple[tuple[str, str], ...]) -> Patterns:
    return tuple((re.compile(pattern), message) for pattern, message in pairs)


REASONS = _compiled(
    (
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


REFUSALS = _compiled(
    (
        (r"'(?P<seat>[^']+)' is already at the table", N_("%(seat)s is already at the table")),
        (
            r"'(?P<seat>[^']+)' has walked out; it must return before acting",
            N_("%(seat)s has walked out and must return to the table before acting"),
        ),
        (
            r"(?P<seats>'[^;]+') walked out; (?P<waiting>[^']+) must first say whether they go on",
            N_("%(seats)s walked out; %(waiting)s must first say whether they go on"),
        ),
        (
            r"the talks are in recess; the chair '(?P<seat>[^']+)' must resume them first",
            N_("the talks are in recess; the chair, %(seat)s, must resume them first"),
        ),
        (
            r"only the chair '(?P<seat>[^']+)' may close the talks",
            N_("only the chair, %(seat)s, may close the talks"),
        ),
        (
            r"only the chair '(?P<seat>[^']+)' may call a recess or resume the talks",
            N_("only the chair, %(seat)s, may call a recess or resume the talks"),
        ),
        (r"the talks are already in recess", N_("the talks are already in recess")),
        (r"the talks are not in recess", N_("the talks are not in recess")),
        (
            r"only the chair '(?P<seat>[^']+)' tables drafts, not '(?P<other>[^']+)'",
            N_("only the chair, %(seat)s, tables drafts"),
        ),
        (
            r"version (?P<version>\d+) still awaits answers from (?P<waiting>.+)",
            N_("version %(version)s still awaits answers from %(waiting)s"),
        ),
        (r"the deadline allows (?P<count>\d+) drafts", N_("the deadline allows %(count)s drafts")),
        (r"no draft has been tabled yet", N_("no draft has been tabled yet")),
        (
            r"version (?P<version>\d+) does not exist \(the current version is (?P<current>\d+)\)",
            N_("version %(version)s does not exist (the current version is %(current)s)"),
        ),
        (
            r"version (?P<version>\d+) is superseded; answer version (?P<current>\d+)",
            N_("version %(version)s is superseded; answer version %(current)s"),
        ),
        (
            r"version (?P<version>\d+) is not the current draft \((?P<current>\d+)\)",
            N_("version %(version)s is not the current draft (%(current)s)"),
        ),
        (r"an amendment changes at least one issue", N_("an amendment changes at least one issue")),
        (
            r"the draft already has '(?P<option>[^']+)' on issue '(?P<issue>[^']+)'",
            N_("the draft already has that option on this issue"),
        ),
        (r"it is (?P<seat>\w+)'s turn, not (?P<other>\w+)'s", N_("it is %(seat)s's turn")),
        (r"there is no offer to accept yet", N_("there is no offer to accept yet")),
        (
            r"offer (?P<version>\d+) is not the standing offer \((?P<current>\d+)\)",
            N_("offer %(version)s is not the standing offer (%(current)s)"),
        ),
    )
)
"""Why the engine refuses a move a person can make from the room's screen."""

ENDED = re.compile(r"the talks have ended \((?P<status>[a-z-]+): (?P<reason>.+)\)")
"""The refusal of any move after the end, which carries the reason for the end."""

SEAT_GROUPS = ("seat", "seats", "other", "waiting")
"""Pattern groups that hold seat ids (one, or several separated by commas, quoted or not)."""


def _match(text: str, patterns: Patterns, lang: str, names: Mapping[str, str]) -> str | None:
    gettext = translations(lang).gettext
    separator = "、" if lang == "zh" else ", "

    def seats(found: str) -> str:
        ids = [part.strip().strip("'") for part in found.split(",")]
        return separator.join(names.get(i, i) for i in ids)

    for pattern, message in patterns:
        found = pattern.fullmatch(text)
        if found is not None:
            values = {k: seats(v) if k in SEAT_GROUPS else v for k, v in found.groupdict().items()}
            return gettext(message) % values
    return None


def translate_refusal(message: str, lang: str, names: Mapping[str, str]) -> str:
    """Why the engine refused a move, in ``lang`` (the message itself if no pattern knows it)."""
    ended = ENDED.fullmatch(message)
    if ended is not None:
        gettext = translations(lang).gettext
        status = gettext(N_("no agreement")) if ended["status"] == "failed" else gettext(N_("agreement"))
        reason = translate_reason(ended["reason"], lang, names)
        return gettext(N_("the talks have ended (%(status)s: %(reason)s)")) % {
            "status": status,
            "reason": reason,
        }
    return _match(message, REFUSALS, lang, names) or message


def translate_reason(reason: str | None, lang: str, names: Mapping[str, str]) -> str:
    """Why the talks (or a phase) ended, in ``lang`` (the reason itself if no pattern knows it)."""
    if not reason:
        return ""
    translated = _match(reason, REASONS, lang, names)
    if translated is not None:
        return translated
    gettext = translations(lang).gettext
    phased = PHASE_REASON.fullmatch(reason)
    if phased is not None:
        inner = translate_reason(phased["reason"], lang, names)
        return gettext(N_("%(phase)s: %(reason)s")) % {"phase": gettext(phased["phase"]), "reason": inner}
    return reason
