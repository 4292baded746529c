"""A Content-Security-Policy with a nonce, sent with the still-vulnerable comment page.

The header is the second line of defence: the page below still contains Mallory's script
(the template is the vulnerable one), but the policy tells the browser to run only scripts
that come from this origin or carry this response's nonce. The browser test
(`tests/security/test_xss_csp.py`) shows Chromium blocking it and reporting the violation.
"""

from __future__ import annotations

import re

import httpx

from labkit.serve import serve_wsgi_in_thread
from snippets.security.xss_app import STORED_PAYLOAD, create_app


def nonce_of(policy: str) -> str:
    """The nonce a policy allows (the text between 'nonce- and the closing quote)."""
    match = re.search(r"'nonce-([^']+)'", policy)
    return match.group(1) if match else ""


def main() -> None:
    """Fetch the CSP-protected comment page twice and look at its header and scripts."""
    with serve_wsgi_in_thread(create_app()) as base, httpx.Client(base_url=base) as client:
        client.post("/comments", data={"who": "mallory", "text": STORED_PAYLOAD})
        # --8<-- [start:inspect]
        first, second = client.get("/csp/comments"), client.get("/csp/comments")
        policy = first.headers["content-security-policy"]
        nonce = nonce_of(policy)
        print("Content-Security-Policy:", policy.replace(nonce, "<nonce>"))
        print(f"nonce: {len(nonce)} url-safe characters, new on every response: "
              f"{nonce != nonce_of(second.headers['content-security-policy'])}")
        print("script elements in the page:")
        for tag in re.findall(r"<script[^>]*>", first.text):
            carries = f"nonce='{nonce}'" in tag
            print(f"  {tag.replace(nonce, '<nonce>'):<28} carries this response's nonce: "
                  f"{carries}")
        # --8<-- [end:inspect]


if __name__ == "__main__":
    main()
