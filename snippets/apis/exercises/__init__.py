"""Exercises of the APIs chapter."""
