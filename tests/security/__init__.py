"""Tests of the Security chapter, one module per snippet."""
