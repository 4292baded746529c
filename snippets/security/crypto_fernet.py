"""Fernet: authenticated encryption with one call, keys from the environment, and rotation.

The keys come from the `LAB_FERNET_KEYS` environment variable (comma-separated, newest
first), as a deployment would inject them from a secret store. When it is unset, this demo
generates throwaway keys for the run.
"""

from __future__ import annotations

import os

from cryptography.fernet import Fernet, InvalidToken, MultiFernet


# --8<-- [start:keys]
def keys_from_env(name: str = "LAB_FERNET_KEYS") -> list[bytes]:
    """The keys listed in `name`, newest first; two fresh demo keys if it is unset."""
    listed = [k.strip().encode() for k in os.environ.get(name, "").split(",") if k.strip()]
    if listed:
        return listed
    print(f"({name} not set: using two throwaway keys for this demo)")
    return [Fernet.generate_key(), Fernet.generate_key()]
# --8<-- [end:keys]


def main() -> None:
    """Encrypt, check the token, tamper with it, then rotate from the old key to the new."""
    new_key, old_key = keys_from_env()[:2]
    # --8<-- [start:use]
    old = Fernet(old_key)
    token = old.encrypt(b"member 42: prefers large print")
    print(f"token: {len(token)} url-safe base64 characters, starts {token[:6]!r}")
    print("decrypt:", old.decrypt(token, ttl=3600))  # [mark:ttl]
    tampered = token[:-5] + (b"A" if token[-5:-4] != b"A" else b"B") + token[-4:]
    try:
        old.decrypt(tampered)
    except InvalidToken:
        print("tampered token: InvalidToken")
    # --8<-- [end:use]
    # --8<-- [start:rotate]
    both = MultiFernet([Fernet(new_key), old])  # encrypts with the first, decrypts with any
    rotated = both.rotate(token)  # [mark:rotate]
    print("rotated token decrypts with the new key alone:", Fernet(new_key).decrypt(rotated))
    try:
        Fernet(new_key).decrypt(token)
    except InvalidToken:
        print("old token with the new key alone: InvalidToken (rotate before retiring a key)")
    # --8<-- [end:rotate]


if __name__ == "__main__":
    main()
