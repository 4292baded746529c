"""Helpers for the page "Containers": read a Dockerfile and its .dockerignore like a builder."""
