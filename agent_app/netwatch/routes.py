"""Which local address this computer would use to reach each of its servers, read cheaply.

Connecting a UDP socket sends nothing: the kernel only picks the route and the source
address, which ``getsockname`` then shows. A different address (another network, a new DHCP
lease, VPN up or down), an interface that appeared or vanished, or a server that became
reachable at all is a network change; the same answers are not, however often asked.
Standard library only (no psutil, no ``ip``), the same on Windows and Linux.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Sequence
from dataclasses import dataclass

log = logging.getLogger(__name__)

#: Stands for "the default route" when no server is configured (TEST-NET-1, RFC 5737:
#: only the route to it is looked up, nothing is ever sent there).
DEFAULT_ROUTE_PROBE = ("192.0.2.1", 9)


@dataclass(frozen=True)
class Target:
    """A server the desk talks to; ``host`` is a name or an address."""

    host: str
    port: int


@dataclass(frozen=True)
class RouteFingerprint:
    """The local address toward each target (None: no route) and the interfaces present."""

    addresses: tuple[str | None, ...]
    interfaces: tuple[str, ...] = ()

    @property
    def reachable(self) -> bool:
        """Some server has a route: a network to register and sync over."""
        return any(address is not None for address in self.addresses)


class RouteProbe:
    """Reads ``RouteFingerprint``s toward ``targets``; names are resolved once and again
    only after they stopped resolving or routing (DNS is asked rarely, not every poll)."""

    def __init__(self, targets: Sequence[Target] = ()) -> None:
        self.targets = tuple(targets) or (Target(*DEFAULT_ROUTE_PROBE),)
        self._resolved: dict[Target, tuple[int, str, int]] = {}

    def read(self) -> RouteFingerprint:
        """The fingerprint now (blocking for DNS at most when a name must be resolved)."""
        return RouteFingerprint(
            tuple(self._local_address(t) for t in self.targets), interface_names()
        )

    def _local_address(self, target: Target) -> str | None:
        where = self._resolved.get(target) or self._resolve(target)
        if where is None:
            return None
        family, address, port = where
        try:
            with socket.socket(family, socket.SOCK_DGRAM) as probe:
                probe.connect((address, port))
                return str(probe.getsockname()[0])
        except OSError as exc:  # no route: the network is down
            log.debug("no route to %s: %s", target.host, exc)
            self._resolved.pop(target, None)
            return None

    def _resolve(self, target: Target) -> tuple[int, str, int] | None:
        try:
            found = socket.getaddrinfo(target.host, target.port, type=socket.SOCK_DGRAM)
        except (OSError, UnicodeError) as exc:
            log.debug("%s does not resolve: %s", target.host, exc)
            return None
        family, _, _, _, sockaddr = found[0]
        where = (int(family), str(sockaddr[0]), int(sockaddr[1]))
        self._resolved[target] = where
        return where


def interface_names() -> tuple[str, ...]:
    """The network interfaces present (a USB or Wi-Fi adapter coming or going shows here)."""
    try:
        return tuple(sorted(name for _, name in socket.if_nameindex()))
    except OSError:  # not offered on this platform
        return ()
