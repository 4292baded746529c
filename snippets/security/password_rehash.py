"""Raise the Argon2id parameters without a password reset: rehash at the next login."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import VerifyMismatchError

from snippets.security.password_kit import owasp_minimum_hasher, phc_parameters


# --8<-- [start:login]
def login(users: dict[str, str], hasher: PasswordHasher, name: str, password: str) -> bool:
    """Check `password`; on success, store a new hash if the old one used other parameters."""
    try:
        hasher.verify(users[name], password)  # verify reads the parameters from the hash
    except (KeyError, VerifyMismatchError):
        return False
    if hasher.check_needs_rehash(users[name]):  # [mark:check]
        users[name] = hasher.hash(password)  # the only moment we hold the plain password
    return True
# --8<-- [end:login]


def main() -> None:
    """Store a hash with yesterday's parameters, then log in under today's."""
    # --8<-- [start:upgrade]
    users = {"ada": owasp_minimum_hasher().hash("sunshine42")}  # stored last year
    print("stored:        ", phc_parameters(users["ada"]))
    today = PasswordHasher()  # this year's parameters: 64 MiB, 3 passes, 4 lanes
    print("wrong password:", login(users, today, "ada", "sunshine43"),
          "->", phc_parameters(users["ada"]))
    print("right password:", login(users, today, "ada", "sunshine42"),
          "->", phc_parameters(users["ada"]))  # [mark:upgraded]
    before = users["ada"]
    print("next login:    ", login(users, today, "ada", "sunshine42"),
          "-> rehashed again?", users["ada"] != before)
    # --8<-- [end:upgrade]


if __name__ == "__main__":
    main()
