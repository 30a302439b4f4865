"""Security headers on every HTTP answer: a Content-Security-Policy the pages satisfy, no framing, no
caching of anything that may carry a confidential part, no MIME sniffing, no referrer.

The pages hold no inline script or event handler (their scripts are files under ``/static``, their data
sits in ``data-*`` attributes), so the policy allows scripts from the app's own origin only. Styles are
the app's own stylesheet too; Plotly sets the sizes and colours of its charts through the DOM's style
objects, which a policy does not restrict. ReDoc (``/redoc``) injects its own ``<style>`` elements at run
time, so that page alone allows inline styles (never inline scripts).

Plotly needs three things a strict policy refuses, each allowed by the hash of exactly what it inserts:
an empty ``<style>`` element that it then fills through the CSS object model (which no policy restricts),
an empty ``style`` attribute on a colour bar, and the stylesheet of its map library, which its bundle adds
when it loads (that text is read from the installed bundle, so an upgrade of Plotly keeps it right).

A seat's token travels in the query string of its join link: ``Referrer-Policy: no-referrer`` keeps it
out of the ``Referer`` header of any link followed from the room. Every answer except the static assets
is ``Cache-Control: no-store``: a brief, a score sheet or a side room must not stay in a shared cache or
in the browser's history cache after the seat has left.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import cache
from importlib.resources import files

from starlette.types import ASGIApp, Message, Receive, Scope, Send

POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "worker-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
"""The Content-Security-Policy of every page."""

EMPTY = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
"""The CSP source of the SHA-256 of the empty string: Plotly's empty ``<style>`` and ``style``."""

BUNDLED_STYLE = re.compile(r'createElement\("style"\);e\.id="[0-9a-f]{64}",e\.textContent=\'([^\'\\]*)\'')
"""Where Plotly's bundle inserts a stylesheet of its own as a string (the map library's)."""


def source_hash(text: str) -> str:
    """The CSP hash source of ``text``."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


@cache
def plotly_styles() -> str:
    """The hash sources of the stylesheets the installed Plotly bundle inserts when it loads."""
    bundle = (files("plotly") / "package_data" / "plotly.min.js").read_text(encoding="utf-8")
    return " ".join(source_hash(css) for css in BUNDLED_STYLE.findall(bundle))


def page_policy() -> dict[str, str]:
    """:data:`POLICY` with what Plotly needs (styles only: nothing of it touches scripts)."""
    return {
        **POLICY,
        "style-src-elem": f"'self' {EMPTY} {plotly_styles()}".strip(),
        "style-src-attr": f"'unsafe-hashes' {EMPTY}",
    }


RELAXED_STYLES = {
    "/redoc": {
        "style-src": "'self' 'unsafe-inline'",
        "style-src-elem": "'self' 'unsafe-inline'",
        "style-src-attr": "'unsafe-inline'",
        "worker-src": "'self' blob:",
    }
}
"""Pages whose third-party viewer needs more than :data:`POLICY` (styles and a search worker only)."""

STATIC_PREFIXES = ("/static/", "/docs/assets/")
"""Assets that carry nothing confidential and may be cached (revalidated on each use)."""


HOST = re.compile(r"[A-Za-z0-9.\-]+(?::\d+)?|\[[0-9A-Fa-f:.]+\](?::\d+)?")
"""A ``Host`` header that may be written into the policy (nothing that could end a directive)."""


def policy_for(path: str, host: str | None = None) -> str:
    """The Content-Security-Policy header value for a request to ``path`` on ``host``.

    The room's WebSocket goes to the page's own host: ``'self'`` covers it in browsers that follow CSP
    Level 3; the explicit ``ws://host wss://host`` serves the ones that do not."""
    directives = {**page_policy(), **RELAXED_STYLES.get(path, {})}
    if host is not None and HOST.fullmatch(host):
        directives["connect-src"] = f"'self' ws://{host} wss://{host}"
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def headers_for(path: str, host: str | None = None) -> list[tuple[bytes, bytes]]:
    """Every security header for an answer to ``path`` on ``host``."""
    cache = "no-cache" if path.startswith(STATIC_PREFIXES) else "no-store"
    return [
        (b"content-security-policy", policy_for(path, host).encode()),
        (b"x-frame-options", b"DENY"),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"cache-control", cache.encode()),
    ]


class SecurityHeaders:
    """ASGI middleware adding :func:`headers_for` to every HTTP answer (it replaces any
    ``Cache-Control`` a route set; WebSocket traffic passes untouched)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        host = dict(scope["headers"]).get(b"host", b"").decode("latin-1") or None
        added = headers_for(scope["path"], host)
        names = {name for name, _ in added}

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message = {**message, "headers": kept + added}
            await send(message)

        await self.app(scope, receive, send_with_headers)
