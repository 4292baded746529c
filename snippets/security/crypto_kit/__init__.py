"""Helpers shared by the encryption-at-rest snippets."""
