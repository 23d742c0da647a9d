"""A small HTTP server on 127.0.0.1 for the external-link tests: no network needed.

Each path is a behaviour (`/ok`, `/missing`, `/limited`…); the server counts requests per path
and per Host header, and the most requests it had in flight at once, per host and overall.
"""

from __future__ import annotations

import email.utils
import socket
import struct
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGE = b'<!doctype html><html><body><h1 id="top">Guide</h1><h2 id="installation">Installation</h2><a name="old-name"></a></body></html>'


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.lock = threading.Lock()
        self.by_path: Counter[str] = Counter()
        self.by_host: Counter[str] = Counter()
        self.methods: list[tuple[str, str]] = []
        self.in_flight: Counter[str] = Counter()
        self.max_in_flight: Counter[str] = Counter()  # per host, and "" for all hosts
        self.delay = 0.0  # seconds every answer waits (for the concurrency tests)

    @property
    def port(self) -> int:
        return self.server_address[1]

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def enter(self, host: str, method: str, path: str) -> int:
        with self.lock:
            self.by_path[path] += 1
            self.by_host[host] += 1
            self.methods.append((method, path))
            for key in (host, ""):
                self.in_flight[key] += 1
                self.max_in_flight[key] = max(self.max_in_flight[key], self.in_flight[key])
            return self.by_path[path]

    def leave(self, host: str) -> None:
        with self.lock:
            for key in (host, ""):
                self.in_flight[key] -= 1

    def __enter__(self) -> Server:
        threading.Thread(target=self.serve_forever, args=(0.05,), daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()


class Handler(BaseHTTPRequestHandler):
    server: Server
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:  # quiet tests
        pass

    def do_HEAD(self) -> None:
        self.answer("HEAD")

    def do_GET(self) -> None:
        self.answer("GET")

    def answer(self, method: str) -> None:
        host = self.headers.get("Host", "").rsplit(":", 1)[0]
        count = self.server.enter(host, method, self.path)
        try:
            if self.server.delay:
                time.sleep(self.server.delay)
        finally:
            # before answering: once answered, the client may send the next request at once
            self.server.leave(host)
        self.route(method, self.path, count)

    def route(self, method: str, path: str, count: int) -> None:
        if path == "/reset":
            return self.reset()
        if path == "/slow":
            time.sleep(2)
        if path.startswith("/perm"):  # /perm → 301 → /perm2 → 308 → /ok
            return self.send(301 if path == "/perm" else 308, location="/perm2" if path == "/perm" else "/ok")
        if path == "/temp":
            return self.send(302, location="/ok")
        if path == "/loop":
            return self.send(301, location="/loop")
        if path == "/nohead":
            return self.send(405 if method == "HEAD" else 200, method=method)
        if path == "/limited":  # 429 with a wait in seconds, then fine
            return self.send(429, retry_after="1") if count == 1 else self.send(200, method=method)
        if path == "/limited-date":  # 429 with a wait as an HTTP date, then fine
            when = email.utils.formatdate(time.time() + 2, usegmt=True)
            return self.send(429, retry_after=when) if count == 1 else self.send(200, method=method)
        if path == "/flaky":
            return self.send(503) if count == 1 else self.send(200, method=method)
        statuses = {"/missing": 404, "/gone": 410, "/unavailable": 503, "/forbidden": 403}
        return self.send(statuses.get(path, 200), method=method)

    def send(self, status: int, *, location: str = "", retry_after: str = "", method: str = "HEAD") -> None:
        body = PAGE if method == "GET" and status == 200 else b""
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        if retry_after:
            self.send_header("Retry-After", retry_after)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body) if method == "GET" else len(PAGE) if status == 200 else 0))
        self.end_headers()
        if method == "GET":
            self.wfile.write(body)

    def reset(self) -> None:
        """Close the connection with a TCP reset, answering nothing."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()
        self.close_connection = True
