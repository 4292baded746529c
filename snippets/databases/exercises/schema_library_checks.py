"""Hidden checks for the schema_library exercise."""

from __future__ import annotations

import sqlite3
from types import ModuleType

SHEET = [
    ("ada@example.com", "Ada", "978-0441013593", "Dune", "2024-05-01", "2024-05-20"),
    ("ada@example.com", "Ada", "978-0141439587", "Emma", "2024-05-01", None),
    ("ada@example.com", "Ada", "978-0441013593", "Dune", "2024-06-02", None),
    ("grace@example.com", "Grace", "978-0441013593", "Dune", "2024-05-21", "2024-06-01"),
    ("grace@example.com", "Grace", "978-0261103573", "The Hobbit", "2024-05-03", None),
    ("alan@example.com", "Alan", "978-0141439587", "Emma", "2024-04-11", "2024-04-30"),
    ("alan@example.com", "Alan", "978-0140449136", "Crime and Punishment", "2024-04-11", None),
]
KEYS = ("member_email", "member_name", "isbn", "title", "loaned_on", "returned_on")


def _rows() -> list[dict[str, str | None]]:
    return [dict(zip(KEYS, row, strict=True)) for row in SHEET]


def _fresh(module: ModuleType, loaded: bool = True) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    module.create_schema(conn)
    if loaded:
        try:
            module.load(conn, _rows())
        except sqlite3.Error as error:
            raise AssertionError(f"load() failed on the sample sheet: {error}") from error
    return conn


def _rejects(conn: sqlite3.Connection, statement: str, params: tuple[object, ...]) -> bool:
    try:
        conn.execute(statement, params)
    except sqlite3.IntegrityError:
        conn.rollback()
        return True
    conn.rollback()
    return False


def check_tables(module: ModuleType) -> None:
    """create_schema creates the tables members, books and loans."""
    conn = _fresh(module, loaded=False)
    names = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    missing = {"members", "books", "loans"} - names
    assert not missing, f"create_schema did not create: {', '.join(sorted(missing))}"


def check_each_fact_once(module: ModuleType) -> None:
    """load stores each member once, each book once and every loan."""
    conn = _fresh(module)
    counts = {table: conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
              for table in ("members", "books", "loans")}
    expected = {"members": 3, "books": 4, "loans": 7}
    assert counts == expected, f"after loading the sheet, counts are {counts}, expected {expected}"


def check_rename_touches_one_row(module: ModuleType) -> None:
    """Renaming a book changes one row, and every loan of it shows the new title."""
    conn = _fresh(module)
    changed = conn.execute("UPDATE books SET title = 'Dune (2005 edition)'"
                           " WHERE isbn = '978-0441013593'").rowcount
    assert changed == 1, f"renaming Dune changed {changed} rows of books; it should be exactly 1"
    titles = conn.execute("SELECT DISTINCT b.title FROM loans l JOIN books b ON b.isbn = l.isbn"
                          " WHERE l.isbn = '978-0441013593'").fetchall()
    assert titles == [("Dune (2005 edition)",)], f"loans of Dune now show titles {titles}"


def check_join_gives_the_sheet_back(module: ModuleType) -> None:
    """Joining the three tables gives back exactly the rows of the sheet."""
    conn = _fresh(module)
    joined = conn.execute(
        "SELECT m.email, m.name, b.isbn, b.title, l.loaned_on, l.returned_on FROM loans l"
        " JOIN members m ON m.id = l.member_id JOIN books b ON b.isbn = l.isbn"
    ).fetchall()
    assert sorted(joined, key=str) == sorted(SHEET, key=str), (
        "the join of loans, members and books does not give back the sheet: "
        f"got {len(joined)} rows; check that no fact was lost or duplicated"
    )


def check_required_columns(module: ModuleType) -> None:
    """A member with no email and a book with no ISBN are both rejected (NOT NULL)."""
    conn = _fresh(module)
    assert _rejects(conn, "INSERT INTO members (email, name) VALUES (?, ?)", (None, "Nobody")), (
        "a member with a NULL email was accepted: declare email NOT NULL"
    )
    assert _rejects(conn, "INSERT INTO books (isbn, title) VALUES (?, ?)", (None, "Untitled")), (
        "a book with a NULL isbn was accepted: SQLite lets NULL into a TEXT PRIMARY KEY "
        "unless the column is also NOT NULL"
    )


def check_unique_email(module: ModuleType) -> None:
    """A second member with an email already taken is rejected (UNIQUE)."""
    conn = _fresh(module)
    assert _rejects(conn, "INSERT INTO members (email, name) VALUES (?, ?)",
                    ("ada@example.com", "Another Ada")), (
        "a second member with ada@example.com was accepted: make email UNIQUE"
    )


def check_return_not_before_loan(module: ModuleType) -> None:
    """A loan returned before it was lent is rejected; an open loan (NULL) is allowed (CHECK)."""
    conn = _fresh(module)
    member_id = conn.execute("SELECT id FROM members WHERE email = 'ada@example.com'").fetchone()[0]
    statement = "INSERT INTO loans (member_id, isbn, loaned_on, returned_on) VALUES (?, ?, ?, ?)"
    assert _rejects(conn, statement, (member_id, "978-0261103573", "2024-07-10", "2024-07-01")), (
        "a loan returned on 2024-07-01 but lent on 2024-07-10 was accepted: add a CHECK"
    )
    assert not _rejects(conn, statement, (member_id, "978-0261103573", "2024-07-10", None)), (
        "a loan not yet returned (returned_on NULL) was rejected: it must be allowed"
    )


def check_foreign_keys(module: ModuleType) -> None:
    """A loan for an unknown member or an unknown book is rejected (FOREIGN KEY)."""
    conn = _fresh(module)
    statement = "INSERT INTO loans (member_id, isbn, loaned_on, returned_on) VALUES (?, ?, ?, ?)"
    assert _rejects(conn, statement, (999, "978-0441013593", "2024-07-01", None)), (
        "a loan for member 999, who does not exist, was accepted: declare the foreign key, "
        "and run PRAGMA foreign_keys = ON in create_schema (SQLite leaves them off)"
    )
    assert _rejects(conn, statement, (1, "000-0000000000", "2024-07-01", None)), (
        "a loan of an unknown ISBN was accepted: loans.isbn must reference books(isbn)"
    )
