"""Tests of the Cloud & DevOps chapter, one module per snippet."""
