"""The library's REST API for books, shown on the page "A REST API".

`app` is what uvicorn serves: `python -m uvicorn snippets.apis.rest_app:app`.
"""

from snippets.apis.rest_app.api import create_app

app = create_app()

__all__ = ["app", "create_app"]
