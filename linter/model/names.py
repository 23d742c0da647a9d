"""File names as GitBook compares them."""

from __future__ import annotations

import unicodedata


def nfc(text: str) -> str:
    """The NFC spelling: a name uploaded from macOS (NFD) and the same name typed elsewhere (NFC)
    are one file for GitBook, and for every lookup of this project."""
    return unicodedata.normalize("NFC", text)
