"""Databases & SQL: schema design, SQL, indexing, transactions, NoSQL, connections and migrations."""
