"""Mirrors snippets/languages/server_host.py: a forged Host poisons links unless trusted."""

from __future__ import annotations

from labkit.serve import serve_wsgi_in_thread
from snippets.languages.server_apps.client import fetch
from snippets.languages.server_host import create_app


def test_untrusted_host_ends_up_in_the_link() -> None:
    with serve_wsgi_in_thread(create_app(None)) as base_url:
        response = fetch(base_url, "/password-reset", "POST", {"Host": "evil.example"})
    assert response.json()["mailed_link"].startswith("http://evil.example/")


def test_trusted_hosts_refuse_a_forged_host_and_accept_the_real_one() -> None:
    with serve_wsgi_in_thread(create_app(["127.0.0.1"])) as base_url:
        forged = fetch(base_url, "/password-reset", "POST", {"Host": "evil.example"})
        real = fetch(base_url, "/password-reset", "POST")
    assert forged.status_code == 400
    assert real.status_code == 200
    assert real.json()["mailed_link"].startswith("http://127.0.0.1:")
