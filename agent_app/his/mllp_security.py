"""Who may send HL7 to the MLLP listener, and the listener's TLS.

HL7 v2 over MLLP has no authentication of its own: anyone who can open the port can create
patients and follow-up tasks. So the listener binds to the loopback address unless told
otherwise, accepts connections only from the sender addresses listed in ``[his.mllp]
allowed_senders`` (the interface engine), and can speak TLS, optionally requiring a client
certificate signed by the hospital's CA.
"""

from __future__ import annotations

import ipaddress
import ssl
from collections.abc import Sequence

from agent_app.his.errors import HisSettingsError

Network = ipaddress.IPv4Network | ipaddress.IPv6Network

LOOPBACK_SENDERS = ("127.0.0.1", "::1")


def parse_senders(entries: Sequence[str]) -> tuple[Network, ...]:
    """The networks of ``allowed_senders`` entries (an address or an address/prefix)."""
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry.strip(), strict=False))
        except ValueError:
            raise HisSettingsError(
                f"[his.mllp] allowed_senders: '{entry}' is not an IP address or network "
                "(like 10.20.0.15 or 10.20.0.0/24)."
            ) from None
    return tuple(networks)


def sender_allowed(address: str, allowed: Sequence[Network]) -> bool:
    """Whether a peer address falls in one of the ``allowed`` networks."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone (fe80::1%eth0)
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # a dual-stack socket shows IPv4 senders as ::ffff:a.b.c.d
    return any(ip in network for network in allowed)


def server_tls_context(cert: str, key: str, client_ca: str = "") -> ssl.SSLContext | None:
    """The listener's TLS context, or None when no certificate is set.

    With ``client_ca`` every sender must present a certificate signed by that CA.
    """
    if not cert:
        return None
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    try:
        context.load_cert_chain(cert, key or None)
    except (OSError, ssl.SSLError) as exc:
        raise HisSettingsError(
            f"[his.mllp] the certificate {cert} or its key {key} cannot be used: "
            f"{getattr(exc, 'strerror', None) or exc}."
        ) from None
    if client_ca:
        try:
            context.load_verify_locations(cafile=client_ca)
        except (OSError, ssl.SSLError) as exc:
            raise HisSettingsError(
                f"[his.mllp] the client CA file {client_ca} cannot be used: "
                f"{getattr(exc, 'strerror', None) or exc}."
            ) from None
        context.verify_mode = ssl.CERT_REQUIRED
    return context
