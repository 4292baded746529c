# The library API (snippets/apis/rest_app) as a production image, served by uvicorn.
# Explained region by region on docs/devops/containers.md; checked by hadolint and by
# snippets/devops/container_lint.py (tests/devops/test_container_lint.py).

# --8<-- [start:stage-build]
FROM python:3.11.7-slim-bookworm AS build

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN python -m venv /opt/venv
ENV PATH="/opt/venv/bin:$PATH"

WORKDIR /src
# --8<-- [end:stage-build]
# --8<-- [start:dependencies]
COPY requirements.lock ./
RUN pip install --constraint requirements.lock fastapi uvicorn
# --8<-- [end:dependencies]

# --8<-- [start:stage-runtime]
FROM python:3.11.7-slim-bookworm AS runtime

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH="/opt/venv/bin:$PATH"

RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --no-log-init --no-create-home app

COPY --from=build /opt/venv /opt/venv
# --8<-- [end:stage-runtime]

# --8<-- [start:code]
WORKDIR /app
COPY snippets/__init__.py snippets/
COPY snippets/apis/__init__.py snippets/apis/
COPY snippets/apis/rest_app/ snippets/apis/rest_app/
COPY snippets/devops/__init__.py snippets/devops/
COPY snippets/devops/container_app/ snippets/devops/container_app/
# --8<-- [end:code]

# --8<-- [start:run]
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
    CMD ["python", "-m", "snippets.devops.container_app.healthcheck"]
CMD ["python", "-m", "uvicorn", "snippets.devops.container_app.app:app", \
     "--host", "0.0.0.0", "--port", "8000"]
# --8<-- [end:run]
