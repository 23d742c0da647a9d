"""Shortcuts the rules take on common input give what the general path gives."""

from __future__ import annotations

import random
from urllib.parse import urlsplit

from linter.rules.gb506_http_link_https_available import _scheme_and_host

_PIECES = ["http", "https", "HTTP", "Https", "://", ":/", "//", "exemple.fr", "EXEMPLE.Fr", "a-b.c", "", "/", "?", "#"]
_PIECES += [":", "@", "user@", ":8080", "[::1]", "[", "]", "%20", "\t", "\n", "é", "x", ".", "-", " ", "\x01", "localhost"]


def _by_urlsplit(target: str) -> tuple[str, str] | None:
    try:
        parts = urlsplit(target)
    except ValueError:
        return None
    host, scheme = (parts.hostname or "").lower(), parts.scheme.lower()
    return (scheme, host) if scheme in ("http", "https") and host else None


def test_web_address_host_as_urlsplit_reads_it() -> None:
    """GB506 reads a plain `http(s)://host` itself; any address gets urlsplit's answer."""
    rng = random.Random(506)
    tried = 0
    for _ in range(60000):
        target = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 7))).strip()
        if target[:5].lower().startswith("http"):
            tried += 1
            assert _scheme_and_host(target) == _by_urlsplit(target), repr(target)
    assert tried > 5000
    assert _scheme_and_host("HTTP://Exemple.FR/Page") == ("http", "exemple.fr")
