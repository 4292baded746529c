"""AES in ECB mode encrypts equal blocks to equal ciphertext, so patterns survive encryption.

This module contains one DELIBERATELY VULNERABLE function, `encrypt_ecb_vulnerable`, kept to
show the leak. It only encrypts a made-up picture with a key generated for this run.
"""

from __future__ import annotations

from collections import Counter

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from snippets.security.crypto_kit.aead import NONCE_BYTES, TAG_BYTES, seal

VULNERABLE = ("encrypt_ecb_vulnerable",)
BLOCK = 16

PADLOCK = [
    "      ######      ",
    "     ##    ##     ",
    "     ##    ##     ",
    "   ############   ",
    "   #####  #####   ",
    "   ############   ",
]


# --8<-- [start:ecb]
def encrypt_ecb_vulnerable(key: bytes, data: bytes) -> bytes:
    """DELIBERATELY VULNERABLE: each 16-byte block is encrypted alone, the same way."""
    encryptor = Cipher(algorithms.AES(key), modes.ECB()).encryptor()  # [mark:ecb]
    return encryptor.update(data) + encryptor.finalize()
# --8<-- [end:ecb]


def blocks(data: bytes) -> list[bytes]:
    """Split `data` into 16-byte blocks."""
    return [data[i:i + BLOCK] for i in range(0, len(data), BLOCK)]


# --8<-- [start:picture]
def bitmap(rows: list[str]) -> bytes:
    """One 16-byte block per pixel: all 0xFF for '#', all 0x00 for a space."""
    return b"".join((b"\xff" if ch == "#" else b"\x00") * BLOCK for row in rows for ch in row)


def as_seen_by_attacker(ciphertext: bytes, width: int) -> list[str]:
    """Draw the most common ciphertext block as ' ' and every other block as '#'."""
    parts = blocks(ciphertext)
    background = Counter(parts).most_common(1)[0][0]
    pixels = "".join(" " if part == background else "#" for part in parts)
    return [pixels[i:i + width] for i in range(0, len(pixels), width)]
# --8<-- [end:picture]


def main() -> None:
    """Three blocks of text, then a picture, each through ECB and through GCM."""
    key = AESGCM.generate_key(bit_length=128)
    # --8<-- [start:text]
    text = b"salary=052000;;;" + b"salary=120000;;;" + b"salary=052000;;;"
    for mode, ciphertext in (("ECB", encrypt_ecb_vulnerable(key, text)),
                             ("GCM", seal(key, text)[NONCE_BYTES:-TAG_BYTES])):
        first, second, third = blocks(ciphertext)
        print(f"{mode}: block 1 == block 3: {first == third}, "
              f"block 1 == block 2: {first == second}")
    # --8<-- [end:text]
    # --8<-- [start:draw]
    image = bitmap(PADLOCK)
    width = len(PADLOCK[0])
    ecb = encrypt_ecb_vulnerable(key, image)
    gcm = seal(key, image)[NONCE_BYTES:-TAG_BYTES]
    print(f"\n{len(blocks(image))} blocks; distinct ciphertext blocks: "
          f"ECB {len(set(blocks(ecb)))}, GCM {len(set(blocks(gcm)))}")
    print("ECB ciphertext, drawn by the attacker:")
    for row in as_seen_by_attacker(ecb, width):
        print(f"  |{row}|")
    # --8<-- [end:draw]


if __name__ == "__main__":
    main()
