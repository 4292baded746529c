"""Exercises of the Cloud & DevOps chapter."""
