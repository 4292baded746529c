"""The library's GraphQL API: SQLite data, a Strawberry schema, and a FastAPI app with REST too."""
