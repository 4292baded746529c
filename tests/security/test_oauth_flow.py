"""Mirrors snippets/security/oauth_flow.py: the code flow with PKCE works end to end."""

from __future__ import annotations

import pytest

from snippets.security import oauth_flow


def test_the_flow_prints_every_step(capsys: pytest.CaptureFixture[str]) -> None:
    oauth_flow.main()
    out = capsys.readouterr().out
    assert "code_challenge_method=S256" in out
    assert "code_challenge is BASE64URL(SHA256(code_verifier)): True" in out
    assert "state came back unchanged: True" in out
    assert "code_verifier=<43 chars>" in out  # sent to /token, not to /authorize
    request_part = out.split("3. token request")[0]
    assert "code_verifier=" not in request_part
    assert '"token_type": "Bearer"' in out and '"scope": "shelf:read"' in out
    assert "without a token -> 401 missing_authorization" in out
    assert '-> 200 {"books":["Kindred","Dune"],"user":"ada"}' in out
    assert "-> 403" in out and "insufficient_scope" in out  # scope check
    assert "the same code a second time -> 400 invalid_grant" in out  # single use
