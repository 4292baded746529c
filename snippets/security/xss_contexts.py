"""Escaping depends on where the value lands: HTML text, an attribute, a URL, a script.

This module contains one DELIBERATELY VULNERABLE function, `render_profile_vulnerable`: its
template is rendered WITH Jinja2 auto-escaping, and still lets script in. It only renders
strings; the browser test (`tests/security/test_xss_contexts.py`) loads them in Chromium.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from jinja2 import Environment, select_autoescape

VULNERABLE = ("render_profile_vulnerable",)

ESCAPING = Environment(autoescape=select_autoescape())  # on for templates from strings

# --8<-- [start:defaults]
def autoescape_defaults() -> dict[str, str]:
    """How `{{ value }}` renders `<b>` with Jinja2's defaults and with auto-escaping on."""
    template = "{{ value }}"
    default = Environment()  # nosec B701 # shows the default, never served
    return {
        "Environment()": default.from_string(template).render(value="<b>"),
        "Environment(autoescape=select_autoescape())":
            ESCAPING.from_string(template).render(value="<b>"),
    }
# --8<-- [end:defaults]


# --8<-- [start:vulnerable]
WRONG_CONTEXTS = """<input id=nick value={{ nick }}>
<a id=site href="{{ site }}">website</a>
<script>const memberId = {{ member_id }};</script>"""


def render_profile_vulnerable(nick: str, site: str, member_id: str) -> str:
    """DELIBERATELY VULNERABLE: auto-escaped, but each value sits in the wrong context."""
    return ESCAPING.from_string(WRONG_CONTEXTS).render(
        nick=nick, site=site, member_id=member_id)
# --8<-- [end:vulnerable]


# --8<-- [start:fixed]
PROFILE = """<input id="nick" value="{{ nick }}">
<a id="site" href="{{ site }}">website</a>
<script>const memberId = {{ member_id | tojson }};</script>"""


def safe_url(url: str) -> str:
    """`url` if it is http(s), else a harmless placeholder: never javascript: or data:."""
    return url if urlsplit(url).scheme in {"http", "https"} else "about:invalid"


def render_profile(nick: str, site: str, member_id: str) -> str:
    """Quoted attribute, allow-listed URL scheme, and JSON for the script context."""
    return ESCAPING.from_string(PROFILE).render(
        nick=nick, site=safe_url(site), member_id=member_id)
# --8<-- [end:fixed]

ATTACK = {
    "nick": "x autofocus onfocus=window.__xss=1",
    "site": "javascript:window.__xss=1",
    "member_id": "1; window.__xss = 1",
}
"""One payload per context; not one of them needs a < or a quote."""


def main() -> None:
    """Show the defaults, then render the profile with the same payloads, both ways."""
    # --8<-- [start:run]
    for setup, html in autoescape_defaults().items():
        print(f"{setup:<45} renders '<b>' as {html!r}")
    print()
    print("auto-escaped, wrong contexts:")
    print(render_profile_vulnerable(**ATTACK))
    print()
    print("auto-escaped, right contexts:")
    print(render_profile(**ATTACK))
    # --8<-- [end:run]


if __name__ == "__main__":
    main()
