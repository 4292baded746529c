"""Shared code for "Cloud building blocks": settings, blob stores, Lambda-style handlers."""
