"""Helpers shared by the snippets of the page "Reliability in production"."""
