"""The chat room: who is in it, and one bounded outbox per member.

The hub knows nothing about sockets. It numbers every event, puts it in the outbox of
every member, and applies a policy when an outbox is full because its member reads too
slowly.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Literal

Policy = Literal["drop-oldest", "disconnect"]

KICK = "\x00kick"
"""Put in an outbox to tell the connection's writer to close it (code 1008)."""


# --8<-- [start:member]
@dataclass
class Member:
    """One connected client, as the hub sees it."""

    name: str
    outbox: asyncio.Queue[str]
    dropped: int = 0  # events thrown away because the outbox was full
    deepest: int = 0  # the most events that ever waited in the outbox
    kicked: bool = False
# --8<-- [end:member]


@dataclass
class Hub:
    """A chat room. `relay`, when set, carries events to other servers (see rt_redis)."""

    outbox_size: int = 64
    policy: Policy = "drop-oldest"
    members: dict[str, Member] = field(default_factory=dict)
    log: list[str] = field(default_factory=list)
    seq: int = 0
    relay: Callable[[dict[str, object]], Awaitable[None]] | None = None
    pending: set[asyncio.Task[None]] = field(default_factory=set)

    async def join(self, name: str) -> Member:
        """Add a member and tell everyone, the newcomer included."""
        member = Member(name, asyncio.Queue(maxsize=self.outbox_size))
        self.members[name] = member
        self.log.append(f"{name} joined; members: {self.roster()}")
        await self.publish({"kind": "join", "who": name})
        return member

    async def say(self, member: Member, text: str) -> None:
        """Broadcast what a member said (to the sender too: the echo is its receipt)."""
        await self.publish({"kind": "say", "who": member.name, "text": text})

    async def leave(self, member: Member, code: int) -> None:
        """Forget a member whose connection ended, and tell the others why."""
        if self.members.get(member.name) is not member:
            return  # already removed, e.g. kicked as a slow consumer
        del self.members[member.name]
        self.log.append(f"{member.name} left with code {code}; members: {self.roster()}")
        await self.publish({"kind": "leave", "who": member.name, "code": code})

    def roster(self) -> str:
        """The members' names, for the log."""
        return ", ".join(sorted(self.members)) or "(none)"

    async def publish(self, event: dict[str, object]) -> None:
        """Number the event and deliver it here, or hand it to the relay."""
        if self.relay is not None:
            await self.relay(event)  # the relay numbers it and calls deliver() on every server
            return
        self.seq += 1
        self.deliver({"seq": self.seq, **event})

    # --8<-- [start:deliver]
    def deliver(self, event: dict[str, object]) -> None:
        """Put the event in every member's outbox, never waiting for a slow one."""
        text = json.dumps(event)
        for member in list(self.members.values()):
            if member.outbox.full():
                if self.policy == "disconnect":
                    self.kick(member)  # [mark:kick]
                    continue
                member.outbox.get_nowait()  # drop the oldest event  # [mark:drop]
                member.dropped += 1
            member.outbox.put_nowait(text)
            member.deepest = max(member.deepest, member.outbox.qsize())
    # --8<-- [end:deliver]

    # --8<-- [start:kick]
    def kick(self, member: Member) -> None:
        """Disconnect a slow consumer: empty its outbox, then ask its writer to close."""
        member.kicked = True
        del self.members[member.name]
        while not member.outbox.empty():
            member.outbox.get_nowait()
            member.dropped += 1
        member.outbox.put_nowait(KICK)
        self.log.append(f"{member.name} kicked: outbox full; members: {self.roster()}")
        self.deliver_later({"kind": "leave", "who": member.name, "code": 1008})
    # --8<-- [end:kick]

    def deliver_later(self, event: dict[str, object]) -> None:
        """Publish from synchronous code (deliver() cannot await)."""
        task = asyncio.get_running_loop().create_task(self.publish(event))
        self.pending.add(task)  # keep a reference until it is done
        task.add_done_callback(self.pending.discard)


def wait_until_empty(hub: Hub, timeout: float = 5.0) -> None:
    """Block (in the snippet's thread) until the server has seen every client go."""
    deadline = time.monotonic() + timeout
    while hub.members and time.monotonic() < deadline:
        time.sleep(0.01)
