"""A small OAuth 2.0 / OpenID Connect provider and its clients, shared by the oauth_* snippets."""
