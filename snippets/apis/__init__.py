"""APIs: HTTP, REST, API design, JSON and XML, GraphQL, documenting and testing APIs."""
