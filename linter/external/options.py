"""What the command line and the configuration say about the web check (`--external`).

Kept apart from the check (`run`, and what it imports): every run fills these settings, and a
run that checks no web address imports nothing else of this package.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

OPTIONS = "external"  # settings.extra key: `ExternalSettings`
DAY = 86400.0
HOUR = 3600.0


@dataclass
class ExternalSettings:
    """What the command line and the configuration say about the external check."""

    enabled: bool = False
    timeout: float = 10.0
    concurrency: int = 16
    host_concurrency: int = 2
    exclude: list[str] = field(default_factory=list)
    allow_hosts: list[str] = field(default_factory=list)
    cache_ttl: float = DAY

    @classmethod
    def from_config(cls, data: dict[str, Any]) -> ExternalSettings:
        found = cls(enabled=bool(data.get("external", False)))
        for key, attribute in _CONFIG_KEYS.items():
            if key in data:
                setattr(found, attribute, data[key])
        return found


_CONFIG_KEYS = {
    "external-timeout": "timeout",
    "external-concurrency": "concurrency",
    "external-host-concurrency": "host_concurrency",
    "external-exclude": "exclude",
    "external-allow-hosts": "allow_hosts",
    "external-cache-ttl": "cache_ttl",
}
