"""Shared code of the CI/CD page: workflow loading and linting, service versions, a router."""
