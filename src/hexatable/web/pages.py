"""The HTML pages: the case explorer and the negotiation room (server-rendered, Jinja2).

Routes only parse input, call the case layer or the room service, and render; every fact shown links
to its source and locator. Pages work without JavaScript (forms post and redirect); ``room.js``
adds live updates over the WebSocket.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from markdown_it import MarkdownIt
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool

from hexatable.case import (
    CAMEO_ROOTS,
    Case,
    PartialDate,
    UnknownActorError,
    builtin_case_ids,
    cameo_label,
    pick,
    timeline,
)
from hexatable.case.builtin import load_builtin_case
from hexatable.cli.views import actor_name, counts, overview_view, timeline_view
from hexatable.negotiate.chair import CHAIRS
from hexatable.negotiate.delegates import STRATEGIES
from hexatable.services.room.moves import MAX_BODY, MAX_ID, MoveError, parse_move
from hexatable.services.room.service import (
    DEFAULT_CHAIR,
    ROOM_MECHANISMS,
    Identity,
    RoomError,
    RoomService,
    SeatPlan,
)
from hexatable.services.room.views import frontier_chart
from hexatable.web.api import join_links, limit_seat
from hexatable.web.handoff import Handoffs
from hexatable.web.hub import Hub
from hexatable.web.i18n import N_, pick_language, translations
from hexatable.web.panel_parts import Entry, PanelParts
from hexatable.web.reasons import translate_reason

N = TypeVar("N", int, float)
router = APIRouter(include_in_schema=False)
markdown = MarkdownIt("commonmark", {"html": False})  # briefs are Markdown; raw HTML is not allowed
templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
STATIC = Path(__file__).parent / "static"
SEAT_COOKIE = "hx_seat_{}"
MECHANISM_NAMES = {
    "single-text": N_("Single text: one plenary on every issue"),
    "bilateral-track": N_("Bilateral track: two parties in a side room first, then the plenary"),
    "top-down": N_("Top-down: the headline issues first, then the rest"),
    "bottom-up": N_("Bottom-up: the technical issues first, the headline ones last"),
    "alternating-offers": N_("Alternating offers: no chair; each party in turn accepts or counters"),
}
INSTRUCTOR_COOKIE = "hx_instructor"


@lru_cache(maxsize=512)
def brief_html(brief: str) -> Markup:
    """A seat's brief as HTML. Remembered: the brief never changes during a session, and rendering its
    Markdown was most of the cost of the panel every seat fetches after every push (see
    ``benchmarks/room_class_load.py``)."""
    return Markup(markdown.render(brief))


def builtin_case(case_id: str) -> Case:
    """A built-in case, loaded once per process (they do not change while the server runs)."""
    if case_id not in builtin_case_ids():
        raise RoomError(404, f"no built-in case '{case_id}'")
    return load_builtin_case(case_id)


def language(request: Request) -> str:
    return pick_language(
        request.query_params.get("lang"), request.cookies.get("lang"), request.headers.get("accept-language")
    )


def render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
    """A page; ``context["error"]`` (set by the route, never taken from the address: a link must not be
    able to put words in the app's mouth) is shown as the page's alert."""
    lang = language(request)
    query = urlencode(
        [(k, v) for k, v in request.query_params.multi_items() if k not in ("lang", "token", "error")]
    )
    response = templates.TemplateResponse(
        request,
        name,
        {
            "lang": lang,
            "_": translations(lang).gettext,
            "query_without_lang": query,
            "error": None,
            **context,
        },
        status_code=status,
    )
    response.set_cookie("lang", lang, samesite="lax")
    return response


PHASE_NAMES = (N_("plenary"), N_("leaders"), N_("working groups"), N_("alternating offers"))
"""The names of the phases :func:`hexatable.negotiate.mechanisms.mechanism_phases` makes, for the catalog."""


def mechanism_names(lang: str) -> dict[str, str]:
    gettext = translations(lang).gettext
    return {m: gettext(MECHANISM_NAMES[m]) for m in ROOM_MECHANISMS}


def service_of(request: Request) -> RoomService:
    service: RoomService = request.app.state.service
    return service


def instructor_of(request: Request) -> tuple[Identity | None, str | None]:
    token = request.query_params.get("token") or request.cookies.get(INSTRUCTOR_COOKIE)
    if not token:
        return None, None
    try:
        found = service_of(request).identify(token)
    except RoomError:
        return None, None
    return (found, token) if found.role == "instructor" else (None, None)


@router.get("/static/plotly.min.js")
def plotly_js() -> FileResponse:
    """Plotly's bundle from the installed package: no CDN (the app must work offline)."""
    return FileResponse(str(files("plotly") / "package_data" / "plotly.min.js"), media_type="text/javascript")


@router.get("/static/{name}")
def static(name: str) -> FileResponse:
    path = STATIC / name
    if name not in {p.name for p in STATIC.iterdir()}:
        raise RoomError(404, "no such file")
    media = "text/css" if name.endswith(".css") else "text/javascript"
    return FileResponse(str(path), media_type=media)


@router.get("/", response_class=HTMLResponse)
def index(request: Request) -> HTMLResponse:
    return index_page(request)


def index_page(request: Request, error: str | None = None, status: int = 200) -> HTMLResponse:
    """The home page: the cases, and for the instructor the session form (with ``error`` when the form
    came back refused) and the sessions."""
    lang = language(request)
    cases: list[dict[str, Any]] = []
    scenarios: list[dict[str, Any]] = []
    for case_id in builtin_case_ids():
        case = builtin_case(case_id)
        numbers = counts(case)
        cases.append(
            {"id": case_id, "title": pick(case.info.title, lang), "parties": case.info.parties, **numbers}
        )
        scenarios += [
            {"case": case_id, "id": s.id, "title": pick(s.title, lang), "seats": s.seats}
            for s in case.scenarios
        ]
    instructor, token = instructor_of(request)
    context: dict[str, Any] = {"cases": cases, "instructor": instructor is not None}
    if instructor is not None:
        context |= {
            "scenarios": scenarios,
            "chairs": (DEFAULT_CHAIR, *(c for c in CHAIRS if c != DEFAULT_CHAIR)),
            "mechanisms": ROOM_MECHANISMS,
            "mechanism_names": mechanism_names(lang),
            "strategies": STRATEGIES,
            "seat_tables": [
                {
                    "key": f"{s['case']}/{s['id']}",
                    "title": s["title"],
                    "chair": builtin_case(s["case"]).scenario_index[s["id"]].chair or s["seats"][0],
                    "seats": [
                        {"id": x, "name": actor_name(builtin_case(s["case"]), x, lang)} for x in s["seats"]
                    ],
                }
                for s in scenarios
            ],
            "sessions": service_of(request).list_sessions(instructor),
        }
    response = render(request, "index.html", {**context, "error": error}, status)
    if token:
        response.set_cookie(INSTRUCTOR_COOKIE, token, httponly=True, samesite="strict")
    return response


def form_number(value: object, field: str, kind: type[N]) -> N | None:
    """A number typed in a form field (``None`` when empty); a 422 naming the field otherwise (whole
    numbers in ASCII digits for ``int``; a finite number for ``float``)."""
    text = form_text(value or "").strip()
    if not text:
        return None
    shown = text if len(text) <= 20 else text[:20] + "…"
    if kind is int and not (text.isascii() and text.isdigit() and len(text) <= 9):
        raise RoomError(422, f"{field}: '{shown}' is not a number (a whole number of at most 9 digits)")
    try:
        number = kind(text)
    except ValueError:
        raise RoomError(422, f"{field}: '{shown}' is not a number") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise RoomError(422, f"{field}: '{shown}' is not a number")
    return number


def form_text(value: object) -> str:
    """A form field as text (an uploaded file is not one)."""
    if not isinstance(value, str):
        raise RoomError(422, "form: text fields only")
    return value


@router.post("/sessions", response_class=HTMLResponse)
async def create_from_form(request: Request) -> Response:
    """Create a session from the home page's form; a refused form comes back with the reason."""
    instructor, _ = instructor_of(request)
    if instructor is None:
        raise RoomError(403, "only the instructor may create sessions")
    form = await request.form(max_files=0, max_fields=200, max_part_size=MAX_BODY)
    try:
        chosen = form_text(form.get("scenario", ""))
        case_id, _, scenario_id = chosen.partition("/")
        if not case_id or not scenario_id:
            raise RoomError(422, "scenario: choose a scenario of the list")
        seats: dict[str, SeatPlan] = {}
        for key, value in form.multi_items():
            if not key.startswith("seat_"):
                continue
            # ``seat_{case}/{scenario}/{seat}`` (the form lists every scenario's seats), or ``seat_{seat}``.
            scope, _, seat = key[5:].rpartition("/")
            if scope and scope != chosen:
                continue
            text = form_text(value)
            seats[seat] = SeatPlan("person") if text == "person" else SeatPlan("ai", text.partition(":")[2])
        created = await run_in_threadpool(
            service_of(request).create,
            instructor,
            case=case_id,
            scenario=scenario_id,
            seats=seats,
            max_drafts=form_number(form.get("max_drafts"), "max_drafts", int) or 20,
            chair_strategy=form_text(form.get("chair_strategy") or DEFAULT_CHAIR),
            mechanism=form_text(form.get("mechanism") or "single-text"),
            walk_out=form_text(form.get("walk_out") or "vote"),
            minutes=form_number(form.get("minutes"), "minutes", float),
        )
    except RoomError as error:
        return index_page(request, error.message, error.status)
    links = join_links(str(request.base_url), created)
    return hand_off(request, "created.html", {"links": links, "session_id": created.id})


def hand_off(request: Request, template: str, context: dict[str, Any]) -> Response:
    """Answer a form that created something with a redirect to its page of links, which a reload shows
    again instead of posting the form again (:mod:`hexatable.web.handoff`)."""
    handoffs: Handoffs = request.app.state.handoffs
    key = handoffs.put(template, context)
    query = {"lang": language(request)}
    if request.query_params.get("token"):  # the instructor came with ?token= rather than the cookie
        query["token"] = request.query_params["token"]
    return RedirectResponse(f"/created/{key}?{urlencode(query)}", status_code=303)


@router.get("/created/{key}", response_class=HTMLResponse)
def created_page(key: str, request: Request) -> Response:
    """The links of a session or class just created (the instructor's only; expires after 30 minutes)."""
    instructor, _ = instructor_of(request)
    if instructor is None:
        raise RoomError(403, "only the instructor may see join links")
    handoffs: Handoffs = request.app.state.handoffs
    found = handoffs.get(key[:64])
    if found is None:
        raise RoomError(404, "these links were shown once and have expired: the console lists the tables")
    template, context = found
    response = render(request, template, context)
    response.headers["Cache-Control"] = "no-store"
    return response


@router.get("/cases/{case_id}", response_class=HTMLResponse)
def case_page(case_id: str, request: Request) -> HTMLResponse:
    lang = language(request)
    case = builtin_case(case_id)
    view = overview_view(case, lang)
    depth: dict[str | None, int] = {None: -1}
    sessions = []
    for session in view["sessions"]:
        depth[session["id"]] = depth.get(session["parent"], -1) + 1
        full = case.session_index[session["id"]]
        sessions.append(
            {
                **session,
                "depth": depth[session["id"]],
                "provenance": full.provenance,
                "positions": [
                    {"actor": p.actor, "text": pick(p.text, lang), "provenance": p.provenance}
                    for p in full.positions
                ],
            }
        )
    documents = []
    for document in view["documents"]:
        produced = case.document_index[document["id"]]
        documents.append(
            {
                **document,
                "summary": pick(produced.summary, lang),
                "provenance": produced.provenance,
                "commitments": [
                    {
                        "obligors": c.obligors,
                        "action": pick(c.action, lang),
                        "terms": _terms(c, lang),
                        "provenance": c.provenance,
                    }
                    for c in produced.commitments
                ],
            }
        )
    titles = {s.id: pick(s.title, lang) for s in case.sources}
    return render(
        request,
        "case.html",
        {
            "view": view,
            "case_id": case_id,
            "sessions": sessions,
            "documents": documents,
            "source_titles": titles,
            "has_roadmaps": bool(case.roadmaps),
            "has_forecasts": bool(case.forecasts),
            "has_conflicts": bool(case.conflicts),
            "has_ledger": bool(case.implementation),
        },
    )


def _terms(commitment: Any, lang: str) -> str:
    parts = []
    if commitment.quantity:
        unit = f"{commitment.quantity.amount:g} {commitment.quantity.unit}"
        parts.append(f"{unit} {pick(commitment.quantity.of, lang)}".strip())
    if commitment.deadline:
        deadline = commitment.deadline
        parts.append(f"≤ {deadline.within_days} d" if deadline.within_days else f"≤ {deadline.by}")
    for condition in commitment.conditions:
        parts.append(
            f"{condition.kind.value.replace('_', ' ')} {condition.commitment or pick(condition.text, lang)}"
        )
    if commitment.verifier:
        parts.append(f"✓ {commitment.verifier}")
    return "; ".join(parts)


@router.get("/cases/{case_id}/timeline", response_class=HTMLResponse)
def timeline_page(case_id: str, request: Request) -> HTMLResponse:
    lang = language(request)
    case = builtin_case(case_id)
    query = request.query_params
    actor = query.get("actor") or None
    asked = query.get("type", "")
    code = int(asked) if asked.isascii() and asked.isdigit() and int(asked) in CAMEO_ROOTS else None
    since_text, until_text = query.get("from") or None, query.get("to") or None
    filters: dict[str, Any] = {"since": since_text, "until": until_text, "actor": actor, "type": code}
    error = None
    try:
        if asked and code is None:
            raise ValueError(f"type: '{asked[:20]}' is not an event type (CAMEO root codes 1 to 20)")
        if any(len(v or "") > MAX_ID for v in (actor, since_text, until_text)):
            raise ValueError(f"actor, from, to: at most {MAX_ID} characters")
        since = PartialDate.parse(since_text) if since_text else None
        until = PartialDate.parse(until_text) if until_text else None
        events = timeline(case, since=since, until=until, actor=actor, cameo=[code] if code else [])
    except (ValueError, UnknownActorError) as problem:
        error, events = str(problem), []
    view = timeline_view(case, events, lang, filters)
    rows = []
    for event in view["events"]:
        who = ", ".join(actor_name(case, a, lang) for a in event["actors"])
        if event["targets"]:
            who += " → " + ", ".join(actor_name(case, t, lang) for t in event["targets"])
        rows.append({**event, "who": who})
    chart = {
        "x": [e.date.earliest().isoformat() for e in events],
        "y": [actor_name(case, e.actors[0], lang) for e in events],
        "text": [pick(e.text, lang) for e in events],
        "color": [e.cameo for e in events],
    }
    context = {
        "title": pick(case.info.title, lang),
        "events": rows,
        "chart": chart,
        "filters": filters,
        "actors": [{"id": a.id, "name": actor_name(case, a.id, lang)} for a in case.actors],
        "cameo": [(code, cameo_label(code, lang)) for code in CAMEO_ROOTS],
        "source_titles": {s.id: pick(s.title, lang) for s in case.sources},
        "error": error,
    }
    return render(request, "timeline.html", context, status=422 if error else 200)


# --- the room -----------------------------------------------------------------------------------


def room_identity(request: Request, session_id: str) -> tuple[Identity, str]:
    token = (
        request.query_params.get("token")
        or request.cookies.get(SEAT_COOKIE.format(session_id))
        or request.cookies.get(INSTRUCTOR_COOKIE)
    )
    return service_of(request).identify(token, session_id), token or ""


@lru_cache(maxsize=8)
def room_parts(lang: str) -> Any:
    """The macros of ``room_parts.html`` in ``lang`` (the parts of the panel that renders share)."""
    return templates.env.get_template("room_parts.html").make_module({"_": translations(lang).gettext})


def plenary(view: dict[str, Any], lang: str, entry: Entry) -> Markup:
    """The plenary's messages as HTML, each message rendered once: those the session's ``entry``
    rendered before are reused while they are still the first messages of ``view``'s plenary."""
    macros = room_parts(lang)
    messages: list[dict[str, str]] = view["messages"]
    if not messages:
        return Markup(macros.no_message())
    said, html = entry.said
    if len(said) > len(messages) or messages[: len(said)] != said:
        said, html = [], []
    seat_names = {s["seat"]: s["name"] for s in view["session"]["seats"]}
    html = html + [macros.message(m, seat_names) for m in messages[len(said) :]]
    entry.said = (list(messages), html)
    return Markup("".join(html))


def shared_parts(
    view: dict[str, Any], lang: str, labels: dict[str, dict[str, str]], entry: Entry
) -> dict[str, Any]:
    """The panel's parts drawn from the public view alone (the same for every participant of the
    session at one position in its log): the plenary, each earlier draft's changes, the amendments
    one may propose to the standing draft."""
    macros = room_parts(lang)
    agenda, drafts = view["agenda"], view["drafts"]
    memo = entry.by_content

    def changes(d: dict[str, Any]) -> Markup:
        before = drafts[d["version"] - 2]["options"] if d["version"] > 1 else None
        key = ("changes", d["version"], tuple(d["options"].items()), tuple((before or {}).items()))
        found: Markup | None = memo.get(key)
        if found is None:
            found = memo.setdefault(key, macros.changes(agenda, drafts, labels, d))
        return found

    amendments: Markup | str | None = ""
    if drafts:
        standing = tuple((item["issue"], item["standing"]) for item in agenda)
        key = ("amendments", standing, tuple(drafts[-1]["options"].items()))
        amendments = memo.get(key)
        if amendments is None:
            amendments = memo.setdefault(key, macros.amendments(agenda, drafts[-1]))
    return {
        "plenary": plenary(view, lang, entry),
        "changes": [changes(d) for d in drafts] if len(drafts) > 1 else [],
        "amendments": amendments,
    }


def panel_parts(
    request: Request, session_id: str, seq: int, view: dict[str, Any], lang: str
) -> tuple[Any, Any]:
    """The shared parts of the panel of ``view`` (at log position ``seq``) and the viewer's score sheet,
    rendered once and kept (:mod:`hexatable.web.panel_parts`): the shared ones per session, language
    and position, the sheet per session, language and the viewer's own seat."""
    cache: PanelParts = request.app.state.panel_parts
    entry = cache.at(session_id, lang, seq)
    labels = {item["issue"]: {o["id"]: o["label"] for o in item["options"]} for item in view["agenda"]}
    shared = entry.shared.get("parts")
    if shared is None:
        shared = entry.shared.setdefault("parts", shared_parts(view, lang, labels, entry))
    own, seat = view.get("own"), view["you"]["seat"]
    if own is None or view["you"]["role"] != "seat" or seat is None:
        return shared, None
    sheet = entry.sheets.get(seat)
    if sheet is None:
        titles = {item["issue"]: item["title"] for item in view["agenda"]}
        sheet = entry.sheets.setdefault(seat, room_parts(lang).sheet(view["agenda"], own, labels, titles))
    return shared, sheet


def room_context(request: Request, session_id: str, identity: Identity) -> dict[str, Any]:
    lang = language(request)
    service = service_of(request)
    seq, view = service.view_at(identity, session_id, lang)
    room = service.room(session_id)
    case = room.scenario.case
    seat_names = {s["seat"]: s["name"] for s in view["session"]["seats"]}
    labels = {item["issue"]: {o["id"]: o["label"] for o in item["options"]} for item in view["agenda"]}
    own = view.get("own")
    parts, sheet = panel_parts(request, session_id, seq, view, lang)
    context: dict[str, Any] = {
        "view": view,
        "own": own,
        "parts": parts,
        "sheet": sheet,
        "brief_html": brief_html(own["brief"] or "") if own else None,
        "seat_names": seat_names,
        "names": lambda seats: " · ".join(seat_names.get(s, s) for s in seats),
        "labels": labels,
        "issue_titles": {item["issue"]: item["title"] for item in view["agenda"]},
        "seated": [s["seat"] for s in view["session"]["seats"] if s["seated"]],
        "statement": None,
        "frontier": None,
        "reason": lambda text: translate_reason(text, lang, seat_names),
    }
    debrief = view.get("debrief")
    if debrief:
        context["frontier"] = frontier_chart(room.scenario.analysis, identity.seat, debrief.get("agreement"))
    if debrief and debrief.get("agreement"):
        context["statement"] = {
            lang_: _joint_statement(case, debrief["agreement"], room.rules.seats, lang_)
            for lang_ in ("en", "zh")
        }
    return context


def _joint_statement(case: Any, agreement: dict[str, str], seats: tuple[str, ...], lang: str) -> str:
    parties = (
        "、".join(actor_name(case, s, lang) for s in seats)
        if lang == "zh"
        else ", ".join(actor_name(case, s, lang) for s in seats)
    )
    terms = []
    for issue_id, option_id in agreement.items():
        issue = case.issue_index[issue_id]
        label = pick(next(o.label for o in issue.options if o.id == option_id), lang)
        terms.append(
            f"{pick(issue.title, lang)}：{label}" if lang == "zh" else f"{pick(issue.title, lang)}: {label}"
        )
    if lang == "zh":
        return f"{parties}一致同意：" + "；".join(terms) + "。"
    return f"{parties} agreed by consensus on the following: " + "; ".join(terms) + "."


@router.get("/room/{session_id}", response_class=HTMLResponse)
def room_page(session_id: str, request: Request) -> HTMLResponse:
    identity, token = room_identity(request, session_id)
    limit_seat(request, identity)
    return room_response(request, session_id, identity, token)


def room_response(
    request: Request,
    session_id: str,
    identity: Identity,
    token: str,
    error: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    """The room page (with ``error`` as its alert when a form post was refused)."""
    context = room_context(request, session_id, identity)
    response = render(request, "room.html", {**context, "error": error}, status)
    if identity.role != "instructor" and token:
        response.set_cookie(SEAT_COOKIE.format(session_id), token, httponly=True, samesite="strict")
    return response


@router.get("/room/{session_id}/panel", response_class=HTMLResponse)
def room_panel(session_id: str, request: Request) -> HTMLResponse:
    identity, _ = room_identity(request, session_id)
    limit_seat(request, identity)
    return render(request, "room_panel.html", room_context(request, session_id, identity))


def form_event(form: Any) -> dict[str, Any]:
    """The event a room form posts, in the JSON API's shape (numbers as numbers); the move's schema
    is checked by the service, as for the API and the WebSocket. A 422 naming the field otherwise."""
    event: dict[str, Any] = {}
    options = []
    for key, value in form.multi_items():
        text = form_text(value)
        if key == CONFIRMED:  # the no-JavaScript confirmation's mark, not a field of the move
            continue
        if key.startswith("option_"):
            options.append(text)
        elif key == "members":
            event.setdefault("members", []).append(text)
        elif key == "change":
            issue, _, option = text.partition("=")
            event.setdefault("changes", {})[issue] = option
        elif key in ("version", "room", "offer"):
            event[key] = form_number(text, key, int)
            if event[key] is None:
                raise RoomError(422, f"{key}: required")
        elif key == "go_on":  # anything but the form's two values is refused, never read as "no"
            if text not in ("true", "false"):
                raise RoomError(422, "go_on: 'true' or 'false'")
            event[key] = text == "true"
        else:
            event[key] = text
    if options:
        event["options"] = options
    return event


CONFIRMED = "confirmed"
"""The form field that says a person confirmed an irreversible action (its value is ``yes``)."""
IRREVERSIBLE = {
    "close": (N_("Close the talks for everyone? This cannot be undone."), N_("Close the talks")),
    "end": (N_("End the talks for everyone? This cannot be undone."), N_("Close the talks")),
    "walk_out": (N_("Walk out of the talks? The others may go on without you."), N_("Walk out")),
    "go_on": (N_("End the talks for everyone? This cannot be undone."), N_("End the talks")),
}
"""Moves whose effect cannot be undone, with the question the room asks first and its button's label
(the same words as the JavaScript confirmation). A seat that walked out may return, but its walking out
may already have ended the talks (a vote, or the ``fail`` rule); ``go_on`` asks only for ``false``."""


def irreversible(event: dict[str, Any]) -> tuple[str, str] | None:
    """The question and the button's label to confirm ``event`` with, or ``None`` for a move that can
    be taken back (or corrected by the next one)."""
    kind = event.get("type")
    if kind == "go_on" and event.get("go_on") is not False:
        return None
    return IRREVERSIBLE.get(kind) if isinstance(kind, str) else None


def confirmation_page(
    request: Request, question: str, label: str, action: str, fields: list[tuple[str, str]], back: str
) -> HTMLResponse:
    """A page that asks ``question`` before an irreversible action, for browsers without JavaScript:
    its form posts ``fields`` to ``action`` again with ``confirmed=yes``; nothing has changed yet."""
    gettext = translations(language(request)).gettext
    context = {
        "question": question,
        "label": gettext(label),
        "action": action,
        "fields": [(k, v) for k, v in fields if k != CONFIRMED],
        "back": back,
    }
    return render(request, "confirm.html", context)


def confirmed(form: Any) -> bool:
    """Whether a posted form carries the confirmation (``confirmed=yes``, nothing else)."""
    value = form.get(CONFIRMED)
    return isinstance(value, str) and value == "yes"


@router.post("/room/{session_id}/act", response_model=None)
async def room_act(session_id: str, request: Request) -> Response:
    """The no-JavaScript path: act from a form, then back to the room; a refused move shows the room
    again with the reason (and the refusal's status), never a message taken from the address. An
    irreversible move (closing or ending the talks, walking out) first answers a page that asks for
    confirmation and changes nothing; its form posts the move again with ``confirmed=yes``."""
    identity, token = room_identity(request, session_id)
    limit_seat(request, identity)
    form = await request.form(max_files=0, max_fields=200, max_part_size=MAX_BODY)
    lang = language(request)
    try:
        event = form_event(form)
        asking = irreversible(event)
        if asking is not None and not confirmed(form):
            try:  # a move that does not fit its schema is refused now, not after the question
                parse_move(event)
            except MoveError as problem:
                raise RoomError(422, str(problem)) from None
            question = translations(lang).gettext(asking[0])
            fields = [(k, form_text(v)) for k, v in form.multi_items()]
            action, back = f"/room/{session_id}/act?lang={lang}", f"/room/{session_id}?lang={lang}"
            return confirmation_page(request, question, asking[1], action, fields, back)
        await run_in_threadpool(service_of(request).act, identity, session_id, event)
    except RoomError as error:
        return await run_in_threadpool(
            room_response, request, session_id, identity, token, error.message, error.status
        )
    hub: Hub = request.app.state.hub
    hub.notify(session_id)
    return RedirectResponse(f"/room/{session_id}?lang={lang}", status_code=303)
