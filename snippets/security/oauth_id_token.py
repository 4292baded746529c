"""OpenID Connect: the ID token, a signed JWT about the user, and how a client verifies it.

The same code flow as before, with `openid` in the scope and a `nonce`. The provider
(Authlib's OpenIDCode extension) adds `id_token` to the token response, signed with an RSA
key it publishes at /jwks. The client checks it with PyJWT, a different library, as a
client written by someone else would.
"""

from __future__ import annotations

import base64
import json
import secrets

import httpx
import jwt

from labkit.serve import serve_wsgi_in_thread
from snippets.security.oauth_app.browser import Browser, Callback, OAuth2Client, name_server, show
from snippets.security.oauth_app.models import Client, Store
from snippets.security.oauth_app.provider import create_provider

REQUIRED = ["iss", "sub", "aud", "exp", "iat", "nonce"]

DEPENDS = ("oauth_app/",)


# --8<-- [start:verify]
def verify_id_token(id_token: str, jwks: dict, issuer: str, client_id: str,
                    nonce: str) -> dict:
    """Check signature, issuer, audience, expiry and nonce; return the claims or raise."""
    kid = jwt.get_unverified_header(id_token)["kid"]
    key = next(k for k in jwks["keys"] if k["kid"] == kid)  # StopIteration: unknown key
    claims = jwt.decode(id_token, jwt.PyJWK(key).key, algorithms=["RS256"],  # [mark:alg]
                        audience=client_id, issuer=issuer, options={"require": REQUIRED})
    if not secrets.compare_digest(claims["nonce"], nonce):
        raise jwt.InvalidTokenError("nonce does not match this login")
    return claims
# --8<-- [end:verify]


def refused(attempt: str, run: object) -> None:
    """Print what `run()` raised (it must raise)."""
    try:
        run()
    except (jwt.InvalidTokenError, StopIteration) as error:
        print(f"   {attempt}: refused ({type(error).__name__}: {error})")
    else:
        raise AssertionError(f"{attempt} was accepted")


def main() -> None:
    """Log Ada in with OpenID Connect, show the ID token's claims, then break it three ways."""
    store = Store()
    password = store.add_user("ada", books=[])
    callback = Callback()
    with serve_wsgi_in_thread(create_provider(store)) as provider, \
            callback.serving("app") as app:
        name_server(provider, "provider")
        store.issuer = provider
        store.add_client(Client(client_id="shelf-app", scope="openid profile shelf:read",
                                redirect_uris=[f"{app}/callback"]))
        # --8<-- [start:login]
        client = OAuth2Client(client_id="shelf-app", scope="openid profile",
                              redirect_uri=f"{app}/callback", code_challenge_method="S256")
        verifier, nonce = secrets.token_urlsafe(32), secrets.token_urlsafe(16)
        url, state = client.create_authorization_url(f"{provider}/authorize",
                                                     code_verifier=verifier, nonce=nonce)
        browser = Browser()
        browser.login(provider, "ada", password)
        browser.get(browser.consent(url).headers["location"])
        token = client.fetch_token(f"{provider}/token", authorization_response=callback.received[0],
                                   state=state, code_verifier=verifier)
        id_token = token["id_token"]
        print("token response fields:", sorted(token))
        # --8<-- [end:login]
        # --8<-- [start:inside]
        header, payload, signature = id_token.split(".")
        print("ID token: three base64url parts, header.payload.signature")
        print("   header:", show(json.dumps(jwt.get_unverified_header(id_token)),
                                 [store.signing_key.kid]))
        jwks = httpx.get(f"{provider}/jwks").json()
        claims = verify_id_token(id_token, jwks, provider, "shelf-app", nonce)
        print("   verified claims:")
        for name in ("iss", "sub", "aud", "name", "nonce"):
            print(f"     {name}: {show(str(claims[name]), [nonce])}")
        print(f"     exp - iat: {claims['exp'] - claims['iat']} s;",
              "at_hash binds it to the access token:", "at_hash" in claims)
        # --8<-- [end:inside]
        # --8<-- [start:broken]
        print("Three ID tokens a careful client must refuse:")
        refused("the same token, checked by another client (other-app)",
                lambda: verify_id_token(id_token, jwks, provider, "other-app", nonce))
        forged = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        forged["sub"] = "mallory"
        body = base64.urlsafe_b64encode(json.dumps(forged).encode()).rstrip(b"=").decode()
        refused("sub changed to mallory", lambda: verify_id_token(
            f"{header}.{body}.{signature}", jwks, provider, "shelf-app", nonce))
        refused("replayed into another login", lambda: verify_id_token(
            id_token, jwks, provider, "shelf-app", secrets.token_urlsafe(16)))
        # --8<-- [end:broken]
        browser.close()


if __name__ == "__main__":
    main()
