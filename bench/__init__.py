"""Benchmarks of the build, rebuilds, the test suite and page weight, against bare Material.

Run them all with `make bench` (or `python -m bench [--quick]`); see `bench/README.md`.
"""
