"""Hidden checks for the crypto_seal exercise."""

from __future__ import annotations

from types import ModuleType

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

PHONE = b"+44 20 7946 0018"


def _expect(condition: bool, message: str) -> None:
    """Fail the check with `message` unless `condition` holds (works under python -O too)."""
    if not condition:
        raise AssertionError(message)


def _refused(module: ModuleType, key: bytes, row_id: int, sealed: bytes, what: str) -> None:
    try:
        result = module.unseal(key, row_id, sealed)
    except InvalidTag:
        return
    raise AssertionError(f"unseal should raise InvalidTag for {what}, but returned {result!r}")


def check_round_trip(module: ModuleType) -> None:
    """A sealed value opens again, for short, empty and long values."""
    key = AESGCM.generate_key(bit_length=256)
    for value in (PHONE, b"", bytes(range(256)) * 4):
        sealed = module.seal(key, 42, value)
        _expect(isinstance(sealed, bytes), f"seal should return bytes, not {type(sealed)}")
        got = module.unseal(key, 42, sealed)
        _expect(got == value, f"unseal gave {got!r}, expected {value!r}")


def check_layout(module: ModuleType) -> None:
    """The value is 12 bytes of nonce, then AESGCM's output, with `b"<row id>"` as AD."""
    key = AESGCM.generate_key(bit_length=256)
    sealed = module.seal(key, 42, PHONE)
    _expect(len(sealed) == 12 + len(PHONE) + 16,
            f"expected {12 + len(PHONE) + 16} bytes (nonce 12 + plaintext + tag 16), "
            f"got {len(sealed)}")
    try:
        opened = AESGCM(key).decrypt(sealed[:12], sealed[12:], b"42")
    except InvalidTag:
        raise AssertionError("AESGCM could not open the value with nonce = the first 12 bytes"
                             " and associated data b'42': check the layout and the AD") from None
    _expect(opened == PHONE, f"the value opened to {opened!r}, not {PHONE!r}")


def check_fresh_nonces(module: ModuleType) -> None:
    """Sealing the same value twice gives different nonces and ciphertexts (no reuse)."""
    key = AESGCM.generate_key(bit_length=256)
    sealed = [module.seal(key, 7, PHONE) for _ in range(200)]
    nonces = {s[:12] for s in sealed}
    _expect(len(nonces) == 200,
            f"200 calls used only {len(nonces)} distinct nonces: make a random one per call")
    _expect(module.seal(key, 8, PHONE)[:12] not in nonces | {(8).to_bytes(12, "big")},
            "the nonce for row 8 repeats an earlier one or is derived from the row id")


def check_tampering_refused(module: ModuleType) -> None:
    """Changing any single byte (nonce, ciphertext or tag) makes unseal raise InvalidTag."""
    key = AESGCM.generate_key(bit_length=256)
    sealed = module.seal(key, 42, PHONE)
    for position in (0, 11, 12, 12 + len(PHONE) - 1, len(sealed) - 1):
        edited = bytearray(sealed)
        edited[position] ^= 0x20
        _refused(module, key, 42, bytes(edited), f"a value with byte {position} changed")


def check_bound_to_row(module: ModuleType) -> None:
    """A value sealed for row 42 does not open as row 43, nor with another key."""
    key = AESGCM.generate_key(bit_length=256)
    sealed = module.seal(key, 42, PHONE)
    _refused(module, key, 43, sealed, "a value copied from row 42 into row 43")
    _refused(module, AESGCM.generate_key(bit_length=256), 42, sealed, "the wrong key")
