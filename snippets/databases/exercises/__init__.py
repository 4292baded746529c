"""Exercises of the Databases & SQL chapter."""
