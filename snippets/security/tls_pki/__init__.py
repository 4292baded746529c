"""Helpers for the TLS snippets: a throwaway certificate authority and a TLS server on 127.0.0.1."""
