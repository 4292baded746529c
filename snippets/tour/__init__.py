"""Snippets of the "How this site works" page: one for each thing the machinery does."""
