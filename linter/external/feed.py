"""Addresses handed from the thread that reads the pages to the thread that checks them.

The check starts while the pages are still being parsed: each page's new addresses are put
here as soon as it is read, and the checking thread's event loop takes them in batches. Standard
library only: the reading side must not wait for the HTTP client to be imported.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, AsyncIterator, Iterable

if TYPE_CHECKING:
    import asyncio

Wanted = tuple[str, bool]  # an address, and whether its HTML ids are wanted (for fragments)


class Feed:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._items: list[Wanted] = []
        self._closed = False
        self._loop: asyncio.AbstractEventLoop | None = None
        self._more: asyncio.Event | None = None  # set (in the loop) when there is something to take
        self.taking = threading.Event()  # set when the checking side takes addresses (or gave up)

    def put(self, items: Iterable[Wanted]) -> None:
        """More addresses (any thread)."""
        with self._lock:
            self._items.extend(items)
            self._wake()

    def close(self) -> None:
        """No more addresses will come (any thread)."""
        with self._lock:
            self._closed = True
            self._wake()

    def _wake(self) -> None:
        if self._loop is not None and self._more is not None:
            self._loop.call_soon_threadsafe(self._more.set)

    async def batches(self) -> AsyncIterator[list[Wanted]]:
        """The addresses put so far, then each later lot, until the feed is closed and empty."""
        import asyncio  # here, in the checking thread: the reading thread does not wait for it

        with self._lock:
            self._loop, self._more = asyncio.get_running_loop(), asyncio.Event()
        self.taking.set()
        while True:
            with self._lock:
                taken, self._items = self._items, []
                closed = self._closed
                self._more.clear()  # a later put sets it again: nothing is missed
            if taken:
                yield taken
            elif closed:
                return
            else:
                await self._more.wait()
