"""The API's documentation pages, Swagger UI at ``/docs`` and ReDoc at ``/redoc``, with their assets
served from an installed package (``fastapi-offline`` ships both bundles): no CDN, so they work offline,
and no inline script, so they satisfy the app's Content-Security-Policy (see :mod:`.security`)."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.templating import Jinja2Templates

from hexatable.services.room.service import RoomError

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
ASSETS = {
    "swagger-ui-bundle.js": "text/javascript",
    "swagger-ui.css": "text/css",
    "redoc.standalone.js": "text/javascript",
    "favicon.png": "image/png",
}
"""The files of the ``fastapi_offline`` package the pages use, and their media types."""


@router.get("/docs", response_class=HTMLResponse)
def swagger_ui(request: Request) -> HTMLResponse:
    """Swagger UI over the app's OpenAPI document."""
    return templates.TemplateResponse(request, "docs.html", {"title": request.app.title})


@router.get("/redoc", response_class=HTMLResponse)
def redoc(request: Request) -> HTMLResponse:
    """ReDoc over the app's OpenAPI document."""
    return templates.TemplateResponse(request, "redoc.html", {"title": request.app.title})


@router.get("/docs/assets/{name}")
def asset(name: str) -> FileResponse:
    """One of :data:`ASSETS`, from the installed package."""
    if name not in ASSETS:
        raise RoomError(404, "no such file")
    return FileResponse(str(files("fastapi_offline") / "static" / name), media_type=ASSETS[name])
