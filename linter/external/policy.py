"""Which addresses the check may request: exclusions, browser-only hosts, private networks.

A linter running in CI must not probe the runner's network: private, loopback, link-local and
other non-public addresses are never connected to unless the user allows the host. The address
is checked after DNS resolution, just before connecting (see `checker.GuardedResolver`), so a
public name that resolves to a private address is refused too.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, field
from typing import Iterable

from .collect import host_of

# Hosts that answer automated requests with errors (999, 403, login walls) while browsers get
# the page: checking them would only produce false findings. Listed in docs/configuration.md.
BROWSER_ONLY_HOSTS = (
    "linkedin.com",
    "twitter.com",
    "x.com",
    "facebook.com",
    "instagram.com",
    "tiktok.com",
    "app.gitbook.com",  # the GitBook editor: a login page for anyone else (GB505 reports those links)
)


class BlockedAddress(OSError):
    """A host resolved to an address the check may not connect to."""


@dataclass
class Policy:
    exclude: list[str] = field(default_factory=list)  # regular expressions searched in the address
    allow_hosts: list[str] = field(default_factory=list)  # names (and their subdomains), addresses, networks
    browser_only: tuple[str, ...] = BROWSER_ONLY_HOSTS

    def __post_init__(self) -> None:
        self._patterns = [re.compile(pattern) for pattern in self.exclude]
        self._networks = [_network(host) for host in self.allow_hosts]
        self._host_reasons: dict[str, str | None] = {}  # the same few hosts come back thousands of times
        self._allowed: dict[str, bool] = {}

    def skip_reason(self, url: str) -> str | None:
        """Why `url` is not requested (`excluded`, `browser-only`, `private`), or None."""
        if any(pattern.search(url) for pattern in self._patterns):
            return "excluded"
        host = host_of(url)
        if host not in self._host_reasons:
            self._host_reasons[host] = self._host_reason(host)
        return self._host_reasons[host]

    def _host_reason(self, host: str) -> str | None:
        if self.host_allowed(host):
            return None
        if _matches_domain(host, self.browser_only):
            return "browser-only"
        literal = _address(host)
        if literal is not None and not is_public(literal):
            return "private"
        if host == "localhost" or host.endswith(".localhost"):
            return "private"
        return None

    def host_allowed(self, host: str) -> bool:
        """The user let this host through (`--allow-host`), by name or by address."""
        if host not in self._allowed:
            self._allowed[host] = self._host_allowed(host)
        return self._allowed[host]

    def _host_allowed(self, host: str) -> bool:
        names = [allowed.lower().strip("[]") for allowed in self.allow_hosts]
        if _matches_domain(host.strip("[]"), names):
            return True
        address = _address(host)
        return address is not None and self.address_allowed(address)

    def address_allowed(self, address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
        return is_public(address) or any(network is not None and address in network for network in self._networks)

    def check_resolved(self, host: str, addresses: Iterable[str]) -> None:
        """Raise `BlockedAddress` when `host` resolved to an address the check may not reach."""
        if self.host_allowed(host):
            return
        for raw in addresses:
            address = ipaddress.ip_address(raw.split("%", 1)[0])
            if not self.address_allowed(address):
                raise BlockedAddress(f"{host} resolves to the non-public address {address}")


def is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_global and not address.is_multicast


def _address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def _network(host: str) -> ipaddress.IPv4Network | ipaddress.IPv6Network | None:
    try:
        return ipaddress.ip_network(host.strip("[]"), strict=False)
    except ValueError:
        return None


def _matches_domain(host: str, domains: Iterable[str]) -> bool:
    return any(host == domain or host.endswith("." + domain) for domain in domains if domain)
