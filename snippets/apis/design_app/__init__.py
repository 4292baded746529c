"""Shared pieces of the library API on the "Designing APIs people like" page."""
