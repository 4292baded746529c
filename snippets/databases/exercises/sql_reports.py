"""Four reports on the shop: a count, a lookup, a latest-per-group and a subtree.

Each function receives an open `sqlite3.Connection` holding the shop's tables
(`customers`, `orders`, `categories`, `products`, as in `snippets/databases/sql_shop.py`).
Pass every value as a parameter (`?`), never by formatting it into the SQL.

1. `order_counts(conn)`: every customer's name with how many orders they placed,
   including customers who never ordered (0), sorted by name.
2. `find_customer(conn, name)`: the ids of the customers whose name is exactly `name`,
   smallest first. Names such as "Aoife O'Brien" must work, and no name may ever return
   customers it does not match.
3. `latest_orders(conn)`: a dict from customer id to the id of that customer's most
   recent order (latest `ordered_on`; on a tie, the larger order id). Leave guest orders
   (no customer) out.
4. `descendants(conn, category_id)`: the ids of that category and of every category below
   it, at any depth, smallest first (a recursive CTE does it in one query).
"""

import sqlite3


def order_counts(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """Each customer's name and number of orders (0 for none), sorted by name."""
    raise NotImplementedError("write order_counts")


def find_customer(conn: sqlite3.Connection, name: str) -> list[int]:
    """Ids of the customers named exactly `name`, smallest first."""
    raise NotImplementedError("write find_customer")


def latest_orders(conn: sqlite3.Connection) -> dict[int, int]:
    """Customer id -> id of their most recent order (ties: larger id); no guests."""
    raise NotImplementedError("write latest_orders")


def descendants(conn: sqlite3.Connection, category_id: int) -> list[int]:
    """Ids of `category_id` and every category below it, smallest first."""
    raise NotImplementedError("write descendants")
