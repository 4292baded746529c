"""A small chat server and its clients, shared by the real-time servers snippets."""
