"""Databases & SQL: schemas, SQL, indexing, transactions, NoSQL, connections, migrations."""
