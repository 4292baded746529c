"""The book API as a minimal single-file Django 5.2 project, served through its WSGI handler."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpRequest, JsonResponse
from django.urls import path
from django.views.decorators.http import require_safe

from snippets.languages.server_apps.books import BOOKS

# --8<-- [start:app]
if not settings.configured:
    settings.configure(  # what a settings.py file would hold
        DEBUG=False,
        SECRET_KEY=secrets.token_urlsafe(32),  # random per start: fine, this app has no sessions
        ALLOWED_HOSTS=["127.0.0.1", "localhost"],  # [mark:hosts]
        ROOT_URLCONF=__name__,  # the URLconf is this module's `urlpatterns`
        MIDDLEWARE=[  # 3 of `startproject`'s 7 defaults: security header fields, Host check
            "django.middleware.security.SecurityMiddleware",
            "django.middleware.common.CommonMiddleware",
            "django.middleware.clickjacking.XFrameOptionsMiddleware",
        ],
    )


@require_safe  # GET and HEAD only; anything else is a 405
def book(request: HttpRequest, book_id: int) -> JsonResponse:
    """The view: Django passes the converted path parameter as an argument."""
    if book_id not in BOOKS:
        return JsonResponse({"error": "not found"}, status=404)
    return JsonResponse(BOOKS[book_id])


urlpatterns = [path("books/<int:book_id>", book)]

application = get_wsgi_application()  # runs django.setup(), returns the WSGI callable
# --8<-- [end:app]
