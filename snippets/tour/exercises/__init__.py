"""Exercises of the "How this site works" page."""
