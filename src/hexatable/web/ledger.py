"""The explorer's ledger page, ``/cases/{case}/ledger``: commitments against time, coloured by status.

The route parses the filters, asks the ledger engine (:func:`hexatable.ledger.ledger_report`) and lays
its result out for the template and ``charts.js``: one bar per stretch of a commitment's history in the
colour of its status, marks for claims, verifications and reversals, and each supplied commitment's
cumulative deliveries against the amount promised. Every mark carries the anchor of its ledger entry on
the page, where the entry's citations are (a click on a mark goes there).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from hexatable.case import Case, PartialDate, pick
from hexatable.case.models import Implementation, ImplementationStatus
from hexatable.cli.views import actor_name
from hexatable.ledger import LedgerQueryError, LedgerReport, ledger_report
from hexatable.services.room.service import RoomError
from hexatable.web.i18n import N_, translations
from hexatable.web.pages import builtin_case, language, render

router = APIRouter(include_in_schema=False)

STATUS_COLOURS = {
    ImplementationStatus.NOT_BEGUN: "#d0d5dd",
    ImplementationStatus.MINIMAL: "#fdb022",
    ImplementationStatus.INTERMEDIATE: "#53b1fd",
    ImplementationStatus.COMPLETE: "#12b76a",
    ImplementationStatus.REVERSED: "#f04438",
    ImplementationStatus.SUSPENDED: "#98a2b3",
}
STATUS_NAMES = {
    ImplementationStatus.NOT_BEGUN: N_("not begun"),
    ImplementationStatus.MINIMAL: N_("minimal"),
    ImplementationStatus.INTERMEDIATE: N_("intermediate"),
    ImplementationStatus.COMPLETE: N_("complete"),
    ImplementationStatus.REVERSED: N_("reversed"),
    ImplementationStatus.SUSPENDED: N_("suspended"),
}
VERIFICATION_NAMES = {
    "verified": N_("verified"),
    "claimed": N_("claimed only"),
    "unverified": N_("unverified"),
}
DAY_MS = 86_400_000


def anchor(entry_id: str) -> str:
    """The page anchor of a ledger entry (its row and citations)."""
    return f"entry-{entry_id}"


def _as_of(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return PartialDate.parse(value).latest()
    except ValueError as error:
        raise RoomError(422, f"as_of: {error}") from None


def _end(report: LedgerReport) -> dt.date:
    """Where the bars stop: the report's date, else a fortnight after the last thing recorded."""
    if report.as_of is not None:
        return report.as_of
    days = [e.date.latest() for c in report.commitments for e in c.entries]
    days += [e.verification.date.latest() for c in report.commitments for e in c.entries if e.verification]
    return max(days) + dt.timedelta(days=15)


def status_chart(report: LedgerReport, lang: str) -> dict[str, Any]:
    """Bars of each commitment's statuses over time, and the marks of claims, verifications, reversals."""
    _ = translations(lang).gettext
    end = _end(report)
    bars: dict[str, dict[str, Any]] = {
        s.value: {
            "name": _(STATUS_NAMES[s]),
            "color": STATUS_COLOURS[s],
            "y": [],
            "base": [],
            "x": [],
            "link": [],
        }
        for s in ImplementationStatus
    }
    marks: dict[str, dict[str, Any]] = {
        kind: {"name": name, "x": [], "y": [], "link": [], "text": []}
        for kind, name in (
            ("claim", _("claimed")),
            ("verification", _("verified")),
            ("reversal", _("reversed")),
        )
    }
    rows = []
    for row in report.commitments:
        rows.append(row.commitment)
        entries = list(row.entries)
        for index, entry in enumerate(entries):
            start = entry.date.earliest()
            stop = entries[index + 1].date.earliest() if index + 1 < len(entries) else end
            bar = bars[entry.status.value]
            bar["y"].append(row.commitment)
            bar["base"].append(start.isoformat())
            bar["x"].append(max((stop - start).days, 1) * DAY_MS)
            bar["link"].append(anchor(entry.id))
            for kind, when, text in _marks(entry, lang):
                marks[kind]["x"].append(when)
                marks[kind]["y"].append(row.commitment)
                marks[kind]["link"].append(anchor(entry.id))
                marks[kind]["text"].append(text)
    return {
        "rows": rows,
        "bars": [b for b in bars.values() if b["y"]],
        "marks": [{"kind": k, **m} for k, m in marks.items() if m["x"]],
    }


def _marks(entry: Implementation, lang: str) -> list[tuple[str, str, str]]:
    found = []
    if entry.claim is not None:
        when = entry.claim.date or entry.date
        found.append(
            ("claim", when.earliest().isoformat(), pick(entry.claim.text, lang) or pick(entry.text, lang))
        )
    if entry.verification is not None:
        check = entry.verification
        found.append(("verification", check.date.earliest().isoformat(), ", ".join(check.by)))
    if entry.status is ImplementationStatus.REVERSED:
        found.append(("reversal", entry.date.earliest().isoformat(), pick(entry.text, lang)))
    return found


def delivery_chart(report: LedgerReport, lang: str) -> dict[str, Any] | None:
    """Each supplied commitment's cumulative deliveries (a step line) and the amount promised."""
    _ = translations(lang).gettext
    lines = []
    end = _end(report).isoformat()
    for row in report.commitments:
        if row.promised is None or not row.deliveries:
            continue
        unit = row.promised.unit
        points = row.deliveries
        lines.append(
            {
                "name": f"{row.commitment} ({unit})",
                "x": [p.counted for p in points],
                "y": [p.cumulative for p in points],
                "link": [anchor(p.entry) for p in points],
                "text": [f"+{p.amount:g} {unit} · {p.by}" for p in points],
                "promised": row.promised.amount,
                "from": points[0].counted,
                "to": end,
                "promised_name": _("promised: %(commitment)s") % {"commitment": row.commitment},
            }
        )
    return {"lines": lines} if lines else None


def entry_view(case: Case, entry: Implementation, lang: str) -> dict[str, Any]:
    _ = translations(lang).gettext
    claim = entry.claim
    check = entry.verification
    supplied = entry.delivered
    return {
        "id": entry.id,
        "anchor": anchor(entry.id),
        "date": entry.date.format(lang),
        "status": _(STATUS_NAMES[entry.status]),
        "status_key": entry.status.value,
        "actors": ", ".join(actor_name(case, a, lang) for a in entry.actors),
        "text": pick(entry.text, lang),
        "claim": None
        if claim is None
        else {
            "by": ", ".join(actor_name(case, a, lang) for a in claim.by),
            "date": (claim.date or entry.date).format(lang),
            "text": pick(claim.text, lang),
        },
        "verification": None
        if check is None
        else {
            "by": ", ".join(actor_name(case, a, lang) for a in check.by),
            "date": check.date.format(lang),
            "method": pick(check.method, lang),
        },
        "delivered": None
        if supplied is None
        else f"{supplied.amount:,g} {supplied.unit} · {actor_name(case, supplied.by, lang)}",
        "provenance": entry.provenance,
    }


@router.get("/cases/{case_id}/ledger", response_class=HTMLResponse)
async def ledger_page(
    case_id: str,
    request: Request,
    document: str | None = None,
    party: str | None = None,
    as_of: str | None = None,
) -> HTMLResponse:
    lang = language(request)
    _ = translations(lang).gettext
    case = builtin_case(case_id)
    date = _as_of(as_of)
    try:
        report = await run_in_threadpool(
            ledger_report, case, document=document or None, party=party or None, as_of=date
        )
    except LedgerQueryError as error:
        raise RoomError(422, f"{error.option.removeprefix('--')}: {error}") from None
    actions = {c.id: pick(c.action, lang) for c in case.commitments()}
    commitments = [
        {
            "id": row.commitment,
            "action": actions[row.commitment],
            "obligors": ", ".join(actor_name(case, a, lang) for a in row.obligors),
            "status": _(STATUS_NAMES[row.status]),
            "status_key": row.status.value,
            "score": row.score,
            "verification": _(VERIFICATION_NAMES[row.verification]),
            "delivered": None
            if row.promised is None or row.delivered is None
            else f"{row.delivered:,g} / {row.promised.amount:,g} {row.promised.unit}",
            "entries": [entry_view(case, e, lang) for e in row.entries],
        }
        for row in report.commitments
    ]
    years = sorted({r.year for r in report.pam})
    pam = {(r.commitment, r.year): r.score for r in report.pam}
    context: dict[str, Any] = {
        "case_id": case_id,
        "title": pick(case.info.title, lang),
        "documents": [{"id": d.id, "title": pick(d.title, lang)} for d in case.documents if d.commitments],
        "parties": [{"id": a, "name": actor_name(case, a, lang)} for a in case.info.parties],
        "filters": {"document": document or "", "party": party or "", "as_of": as_of or ""},
        "report": report,
        "commitments": commitments,
        "untracked": list(report.untracked),
        "status_chart": status_chart(report, lang) if not report.empty else None,
        "delivery_chart": delivery_chart(report, lang) if not report.empty else None,
        "pam_years": years,
        "pam_rows": [
            {"id": row.commitment, "scores": [pam.get((row.commitment, y)) for y in years]}
            for row in report.commitments
        ],
        "pairs": report.pairs,
        "findings": report.findings,
        "anchor": anchor,
        "source_titles": {s.id: pick(s.title, lang) for s in case.sources},
        "source_urls": {s.id: s.url for s in case.sources if s.url},
    }
    return render(request, "ledger.html", context)
