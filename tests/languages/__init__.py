"""Tests of the Server-side languages chapter, one module per snippet."""
