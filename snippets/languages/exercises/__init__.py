"""Exercises of the Server-side languages chapter."""
