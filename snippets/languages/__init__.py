"""Server-side languages: how a backend handles requests, in Python and in other languages."""
