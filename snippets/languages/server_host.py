"""Pitfall: trusting Host. A reset link built from the request points wherever the client says."""

from __future__ import annotations

from flask import Flask, url_for

from labkit.serve import serve_wsgi_in_thread
from snippets.languages.server_apps.client import describe, fetch


# --8<-- [start:app]
def create_app(trusted_hosts: list[str] | None) -> Flask:
    """An app that mails password-reset links; the link's host comes from the request."""
    app = Flask(__name__)
    app.config["TRUSTED_HOSTS"] = trusted_hosts  # Flask 3.1; the default None trusts any Host

    @app.post("/password-reset")
    def password_reset() -> dict[str, str]:
        code = "c0de42"  # a real app makes a random one and mails the link to the member
        return {"mailed_link": url_for("reset", token=code, _external=True)}  # [mark:external]

    @app.get("/reset/<token>")
    def reset(token: str) -> dict[str, str]:
        return {"token": token}

    return app
# --8<-- [end:app]


def main() -> None:
    """Ask for a reset link with a forged Host, without and with TRUSTED_HOSTS."""
    # --8<-- [start:forge]
    for trusted in (None, ["127.0.0.1", "localhost"]):
        with serve_wsgi_in_thread(create_app(trusted)) as base_url:
            response = fetch(base_url, "/password-reset", "POST",
                             headers={"Host": "evil.example"})
        print(f"TRUSTED_HOSTS = {trusted}")
        print(describe(response, fields=("content-type",)))
    # --8<-- [end:forge]


if __name__ == "__main__":
    main()
