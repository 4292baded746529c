"""A tiny comment board with a search box, served by Flask, in three versions side by side.

- `/vulnerable/...`: HTML built with an f-string, or a template that marks input safe.
- `/fixed/...`: Jinja2 templates with auto-escaping, as Flask configures them.
- `/csp/...`: the *vulnerable* pages again, sent with a Content-Security-Policy header.

The `_vulnerable` functions are DELIBERATELY VULNERABLE, for the demonstration only; the app
keeps its comments in memory and is served on 127.0.0.1.
"""

from __future__ import annotations

import secrets

from flask import Flask, Response, render_template_string, request
from markupsafe import Markup

VULNERABLE = ("render_comments_vulnerable", "render_search_vulnerable", "welcome_page_vulnerable")

STORED_PAYLOAD = "Nice book! <script>window.__xss = 1; document.title = 'pwned'</script>"
REFLECTED_PAYLOAD = '<img src="x" onerror="window.__xss = 1; document.title = \'pwned\'">'


# --8<-- [start:vulnerable]
def render_comments_vulnerable(comments: list[tuple[str, str]]) -> str:
    """DELIBERATELY VULNERABLE: builds the page with an f-string, no escaping at all."""
    items = "".join(f"<li><b>{who}</b>: {text}</li>" for who, text in comments)  # [mark:fstring]
    return f"<!doctype html><title>Comments</title><ul id='comments'>{items}</ul>"


SEARCH_PAGE = """<!doctype html><title>Search</title>
<p id="echo">Results for {{ term }}</p>"""


def render_search_vulnerable(term: str) -> str:
    """DELIBERATELY VULNERABLE: auto-escaping is on, but the input is marked safe."""
    return render_template_string(SEARCH_PAGE, term=Markup(term))  # [mark:markup]
# --8<-- [end:vulnerable]


# --8<-- [start:fixed]
COMMENTS_PAGE = """<!doctype html><title>Comments</title>
<ul id="comments">{% for who, text in comments %}<li><b>{{ who }}</b>: {{ text }}</li>{% endfor %}
</ul>"""


def render_comments(comments: list[tuple[str, str]]) -> str:
    """The comments through a Jinja2 template; Flask turns auto-escaping on for it."""
    return render_template_string(COMMENTS_PAGE, comments=comments)


def render_search(term: str) -> str:
    """The search page; `term` is a plain str, so Jinja2 escapes it."""
    return render_template_string(SEARCH_PAGE, term=term)
# --8<-- [end:fixed]


# --8<-- [start:csp]
APP_SCRIPT = "window.__app = 'ready';"


def with_csp(html: str) -> Response:
    """Send `html` with a strict CSP: scripts only from this origin or with this nonce."""
    nonce = secrets.token_urlsafe(16)  # new for every response  [mark:nonce]
    page = f"{html}<script nonce='{nonce}'>{APP_SCRIPT}</script><script src='/app.js'></script>"
    response = Response(page, mimetype="text/html")
    response.headers["Content-Security-Policy"] = (
        f"script-src 'self' 'nonce-{nonce}'; object-src 'none'; base-uri 'none'; "  # [mark:policy]
        "report-uri /csp-reports"
    )
    return response
# --8<-- [end:csp]


# --8<-- [start:dom]
def welcome_page_vulnerable() -> str:
    """DELIBERATELY VULNERABLE: the page's own script writes the URL fragment as HTML."""
    return """<!doctype html><title>Welcome</title><p id="hello"></p>
<script>
  const name = decodeURIComponent(location.hash.slice(1));  // the part after '#'
  document.getElementById('hello').innerHTML = 'Hello ' + name;
</script>"""


def welcome_page() -> str:
    """The same page, writing the name as text: the browser never parses it as markup."""
    return """<!doctype html><title>Welcome</title><p id="hello"></p>
<script>
  const name = decodeURIComponent(location.hash.slice(1));
  document.getElementById('hello').textContent = 'Hello ' + name;
</script>"""
# --8<-- [end:dom]


def create_app() -> Flask:
    """The board: POST /comments to add one; read it back under each prefix."""
    app = Flask(__name__)
    comments: list[tuple[str, str]] = [("ada", "Loved the ending.")]
    reports: list[dict[str, object]] = []
    app.config["CSP_REPORTS"] = reports

    @app.post("/comments")
    def add_comment() -> tuple[str, int]:
        comments.append((request.form["who"], request.form["text"]))
        return "saved", 201

    @app.get("/vulnerable/comments")
    def comments_vulnerable_page() -> str:
        return render_comments_vulnerable(comments)

    @app.get("/vulnerable/search")
    def search_vulnerable_page() -> str:
        return render_search_vulnerable(request.args.get("q", ""))

    @app.get("/fixed/comments")
    def comments_page() -> str:
        return render_comments(comments)

    @app.get("/fixed/search")
    def search_page() -> str:
        return render_search(request.args.get("q", ""))

    @app.get("/csp/comments")
    def comments_csp_page() -> Response:
        return with_csp(render_comments_vulnerable(comments))

    @app.get("/csp/search")
    def search_csp_page() -> Response:
        return with_csp(render_search_vulnerable(request.args.get("q", "")))

    @app.get("/app.js")
    def app_js() -> Response:
        return Response("window.__appFile = 'loaded';", mimetype="text/javascript")

    @app.post("/csp-reports")
    def csp_report() -> tuple[str, int]:
        reports.append(request.get_json(force=True, silent=True) or {})
        return "", 204

    @app.get("/vulnerable/welcome")
    def welcome_vulnerable_route() -> str:
        return welcome_page_vulnerable()

    @app.get("/fixed/welcome")
    def welcome_route() -> str:
        return welcome_page()

    return app
