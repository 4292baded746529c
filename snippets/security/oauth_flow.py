"""The authorization code flow with PKCE, end to end on 127.0.0.1, printed step by step.

A provider (Authlib's Flask authorization server plus a resource server), a native-style
public client (Authlib's httpx client, listening for its redirect on a loopback port), and
Ada's browser, already signed in at the provider, who presses Allow.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets

import httpx

from labkit.serve import serve_wsgi_in_thread
from snippets.security.oauth_app.browser import (
    Browser,
    Callback,
    OAuth2Client,
    name_server,
    params,
    show,
)
from snippets.security.oauth_app.models import Client, Store
from snippets.security.oauth_app.provider import create_provider

DEPENDS = ("oauth_app/",)


def print_token_request(request: httpx.Request) -> None:
    """An httpx event hook: show what the client really sends to /token."""
    if request.url.path == "/token":
        form = params(request.content.decode())
        print(f"3. token request: POST {show(str(request.url))}")
        for key, value in form.items():
            secret = key in ("code", "code_verifier")
            print(f"     {key}={show(value, [value] if secret else [])}")


def main() -> None:
    """Run the whole flow once, then try what the token does not allow."""
    # --8<-- [start:setup]
    store = Store()
    password = store.add_user("ada", books=["Kindred", "Dune"])
    callback = Callback()
    with serve_wsgi_in_thread(create_provider(store)) as provider, \
            callback.serving("app") as app:
        name_server(provider, "provider")
        store.issuer = provider
        store.add_client(Client(client_id="shelf-app", scope="shelf:read shelf:write",
                                redirect_uris=[f"{app}/callback"]))  # public: no secret
        # --8<-- [end:setup]
        # --8<-- [start:request]
        client = OAuth2Client(client_id="shelf-app", scope="shelf:read",
                              redirect_uri=f"{app}/callback", code_challenge_method="S256",
                              event_hooks={"request": [print_token_request]})
        verifier = secrets.token_urlsafe(32)  # 32 random bytes -> 43 characters, kept in the app
        url, state = client.create_authorization_url(f"{provider}/authorize",
                                                     code_verifier=verifier)
        print(f"1. authorization request: GET {show(url.split('?')[0])}")
        for key, value in params(url).items():
            hidden = [value] if key in ("state", "code_challenge") else []
            print(f"     {key}={show(value, hidden)}")
        digest = hashlib.sha256(verifier.encode("ascii")).digest()
        s256 = base64.urlsafe_b64encode(digest).rstrip(b"=").decode()  # [mark:s256]
        print(f"   code_challenge is BASE64URL(SHA256(code_verifier)): "
              f"{params(url)['code_challenge'] == s256}")
        print(f"   the code_verifier ({len(verifier)} chars) stays in the app")
        # --8<-- [end:request]
        # --8<-- [start:consent]
        browser = Browser()
        browser.login(provider, "ada", password)
        answer = browser.consent(url)  # Ada sees the consent page and presses Allow
        location = answer.headers["location"]
        code = params(location)["code"]
        print(f"2. {answer.status_code} Location: {show(location, [code, state])}")
        print(f"     state came back unchanged: {params(location)['state'] == state}")
        browser.get(location)  # the browser follows; the app's loopback listener gets it
        # --8<-- [end:consent]
        # --8<-- [start:exchange]
        token = client.fetch_token(f"{provider}/token", authorization_response=callback.received[0],
                                   state=state, code_verifier=verifier)
        shape = {k: show(str(v), [str(v)]) if k == "access_token" else v
                 for k, v in token.items() if k != "expires_at"}
        print("4. token response:", json.dumps(shape))
        # --8<-- [end:exchange]
        # --8<-- [start:call]
        anonymous = httpx.get(f"{provider}/api/shelf")
        print("5. GET /api/shelf without a token ->", anonymous.status_code,
              anonymous.json()["error"])
        shelf = client.get(f"{provider}/api/shelf")
        print("   GET /api/shelf with the bearer token ->", shelf.status_code, shelf.text.strip())
        write = client.post(f"{provider}/api/shelf", json={"title": "Ubik"})
        print("6. POST /api/shelf (needs shelf:write) ->", write.status_code, write.text.strip())
        again = httpx.post(f"{provider}/token", data={
            "grant_type": "authorization_code", "code": code, "client_id": "shelf-app",
            "redirect_uri": f"{app}/callback", "code_verifier": verifier})
        print("7. the same code a second time ->", again.status_code, again.json()["error"])
        # --8<-- [end:call]
        browser.close()


if __name__ == "__main__":
    main()
