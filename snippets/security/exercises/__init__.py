"""Exercises of the Security chapter."""
