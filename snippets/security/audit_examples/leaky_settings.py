"""DELIBERATELY LEAKY: credentials pasted into the code. Only ever scanned, never run.

The AWS pair is the example key pair from AWS's own documentation; it opens nothing.
"""

from __future__ import annotations

VULNERABLE = ("storage_settings_vulnerable",)


def storage_settings_vulnerable() -> dict[str, str]:
    """Cover images in object storage, and the mail server for overdue notices."""
    aws_access_key_id = "AKIAIOSFODNN7EXAMPLE"
    aws_secret_access_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
    smtp_password = "overdue-notices-2024!"
    return {
        "bucket": "library-covers",
        "key_id": aws_access_key_id,
        "secret": aws_secret_access_key,
        "smtp_password": smtp_password,
    }
