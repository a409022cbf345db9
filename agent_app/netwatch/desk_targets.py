"""The servers whose routes tell this desk that its network changed: the SIP registrar and
the central database (every host of a failover list)."""

from __future__ import annotations

import re

from agent_app.config import Settings
from agent_app.netwatch.routes import Target

SIP_PORT = 5060


def desk_targets(settings: Settings) -> list[Target]:
    """Where the desk's line and sync go; empty for a desk with neither (the default route
    is watched then)."""
    targets: list[Target] = []
    registrar = re.sub(r"^sips?:", "", settings.sip.registrar.strip(), flags=re.I)
    registrar = registrar.split(";", 1)[0].split("@")[-1]
    if registrar:
        targets.append(_target(registrar, SIP_PORT))
    if settings.server.host:
        for host in settings.server.host.split(","):
            if host.strip():
                targets.append(_target(host.strip(), settings.server.port))
    return targets


def _target(text: str, default_port: int) -> Target:
    """``host``, ``host:port``, ``[v6]`` or ``[v6]:port``."""
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        port = rest.lstrip(":")
    elif text.count(":") == 1:
        host, _, port = text.partition(":")
    else:
        host, port = text, ""
    return Target(host, int(port) if port.isdigit() else default_port)
