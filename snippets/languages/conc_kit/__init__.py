"""Shared code for the Concurrency models page: a CPU-bound job, small apps, a load generator."""
