"""A limit on requests in flight that lets the work already begun finish first.

`asyncio.Semaphore` serves its waiters in arrival order. For the check that order is costly:
the second request of an address (the GET after a refused HEAD, a retry, the next hop of a
redirect) would queue behind every address not yet begun, so the hosts whose addresses need
more requests fall behind the others and end the run alone, a few requests in flight where the
limits allow many. Here such `urgent` requests go before the new ones; each group is served in
arrival order. A freed place is handed on at the event loop's next turn, not at once: the task
that freed it asks for its next request first (without waiting in between), so that request
can be served before the addresses not begun. Used for the global limit and for each host's.
"""

from __future__ import annotations

import asyncio
from collections import deque


class Limit:
    """At most `size` holders at once; urgent waiters served before the others."""

    def __init__(self, size: int) -> None:
        self.free = size
        self._urgent: deque[asyncio.Future[None]] = deque()
        self._waiting: deque[asyncio.Future[None]] = deque()
        self._handing_on = False  # a `_hand_on` is scheduled

    async def acquire(self, urgent: bool = False) -> None:
        if self.free > 0 and not self._urgent and (urgent or not self._waiting):
            self.free -= 1
            return
        queue = self._urgent if urgent else self._waiting
        turn: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        queue.append(turn)
        try:
            await turn
        except asyncio.CancelledError:
            if turn.done() and not turn.cancelled():
                self.release()  # given the place, then cancelled: it goes to the next one
            elif turn in queue:  # `_hand_on` drops the cancelled waiters it meets
                queue.remove(turn)
            raise

    def release(self) -> None:
        self.free += 1
        if not self._handing_on and (self._urgent or self._waiting):
            self._handing_on = True
            asyncio.get_running_loop().call_soon(self._hand_on)

    def _hand_on(self) -> None:
        """The free places to the waiters, urgent ones first."""
        self._handing_on = False
        for queue in (self._urgent, self._waiting):
            while queue and self.free > 0:
                turn = queue.popleft()
                if not turn.done():
                    self.free -= 1
                    turn.set_result(None)
