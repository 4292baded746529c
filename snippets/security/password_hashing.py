"""Store a password as an Argon2id hash with argon2-cffi, and check a login against it."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import VerifyMismatchError
from argon2.profiles import RFC_9106_LOW_MEMORY

from snippets.security.password_kit import owasp_minimum_hasher, phc_parameters


def describe(encoded: str) -> str:
    """The parts of an encoded hash that never change, and the shape of the random parts."""
    _, variant, version, params, salt, digest = encoded.split("$")
    return (f"${variant}${version}${params}$<salt: {len(salt)} base64 chars>"
            f"$<hash: {len(digest)} base64 chars>")


def main() -> None:
    """Hash a password, verify it, and show that the same password never hashes the same."""
    # --8<-- [start:hash]
    hasher = PasswordHasher()  # argon2-cffi's defaults: RFC 9106's second recommended option
    profile = RFC_9106_LOW_MEMORY
    mine = (hasher.memory_cost, hasher.time_cost, hasher.parallelism)
    print(f"defaults: m={mine[0]} KiB, t={mine[1]}, p={mine[2]};",
          "same as RFC_9106_LOW_MEMORY:",
          mine == (profile.memory_cost, profile.time_cost, profile.parallelism))
    stored = hasher.hash("correct horse battery staple")  # [mark:store]
    print("stored:", describe(stored))
    print("right password:", hasher.verify(stored, "correct horse battery staple"))
    try:
        hasher.verify(stored, "correct horse battery stapler")  # [mark:verify]
    except VerifyMismatchError:
        print("wrong password: VerifyMismatchError")
    # --8<-- [end:hash]

    # --8<-- [start:salts]
    first = hasher.hash("sunshine1")
    second = hasher.hash("sunshine1")
    print("same password twice, same hash?", first == second)  # [mark:differ]
    print("salts differ?", first.split("$")[4] != second.split("$")[4])
    print("both verify?", hasher.verify(first, "sunshine1") and hasher.verify(second, "sunshine1"))
    # --8<-- [end:salts]

    # --8<-- [start:owasp]
    floor = owasp_minimum_hasher()
    print("OWASP floor:", phc_parameters(floor.hash("sunshine1")))
    print("our default:", phc_parameters(stored))
    # --8<-- [end:owasp]


if __name__ == "__main__":
    main()
