"""What the container image runs: the library API with health endpoints, and its probe.

Only this package (and `snippets/apis/rest_app`) is copied into the image by `/Dockerfile`.
"""
