"""What checking one address found, in a form the cache can store and the rules can read."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

RESULTS = "external-results"  # settings.extra key: address → Result, filled by `run`, read by the rules

# kinds
OK = "ok"  # the address answers 2xx (perhaps after redirects)
BROKEN = "broken"  # an error status, or no answer: DNS, TLS, connection, timeout, redirect loop
DENIED = "denied"  # 401, 403, 429 after waiting: the server refuses the check, not the reader
SKIPPED = "skipped"  # not requested: excluded, browser-only host, private address


@dataclass
class Result:
    url: str
    kind: str
    status: int | None = None  # the last HTTP status, None when there was no answer
    error: str = ""  # for no answer: dns, tls, timeout, connection, redirects, invalid; or why skipped
    detail: str = ""  # the underlying error's words, for the message
    permanent_to: str | None = None  # the address a 301/308 chain from `url` leads to
    ids: list[str] | None = None  # ids and names of the HTML page, when fragments were asked for
    requests: int = 0  # HTTP requests this check made (0 when it came from the cache)
    checked_at: float = 0.0  # time.time() of the check
    from_cache: bool = field(default=False, compare=False)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        del data["from_cache"]
        return {key: value for key, value in data.items() if value not in (None, "", 0)}

    @classmethod
    def from_dict(cls, url: str, data: dict[str, Any]) -> Result:
        known = {key: data[key] for key in cls.__dataclass_fields__ if key in data and key != "url"}
        if "kind" not in known:
            known["kind"] = OK if 200 <= int(data.get("status") or 0) < 300 else BROKEN
        return cls(url=url, **known)

    @property
    def failed(self) -> bool:
        return self.kind in (BROKEN, DENIED)


@dataclass
class HostStats:
    urls: int = 0
    requests: int = 0
    failed: int = 0
    cached: int = 0
    skipped: int = 0
    waited: float = 0.0  # seconds spent honouring Retry-After and backoff
