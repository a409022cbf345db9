"""Build ADT messages and talk MLLP over a real socket, as a HIS interface engine would."""

from __future__ import annotations

import contextlib
import socket
import ssl

START, END = b"\x0b", b"\x1c\r"


def a03(
    *,
    control: str = "MSG0001",
    kind: str = "ADT^A03^ADT_A03",
    visit: str = "ZY30001",
    mrn: str = "BA300001",
    family: str = "王",
    given: str = "秀英",
    birth: str = "19520314",
    sex: str = "F",
    phone: str = "13812345678",
    kin: tuple[str, str, str] | None = ("李^娜", "DAU^女儿", "139 1234 5678"),
    department: str = "CARD",
    ward: str = "心内一病区",
    doctor: str = "wujianhua^吴^建华",
    nurse: str | None = "zengqiang^曾^强",
    diagnosis: str = "I21.9^急性心肌梗死^I10",
    admitted: str = "20261112080000",
    discharged: str = "20261120103000",
    disposition: str = "01",
) -> str:
    pv1 = [""] * 46
    pv1[0:3] = ["PV1", "1", "I"]
    pv1[3] = f"{ward}^12^3"
    pv1[7] = doctor
    pv1[10] = department
    pv1[19] = visit
    pv1[36] = disposition
    pv1[44] = admitted
    pv1[45] = discharged
    segments = [
        f"MSH|^~\\&|HIS|HOSP|FUP|HOSP|20261120103500||{kind}|{control}|P|2.5",
        f"EVN|A03|{discharged}",
        f"PID|1||{mrn}^^^HOSP^MR~110105195203142466^^^CHN^NNCHN||{family}^{given}||{birth}|{sex}"
        f"|||某街道1号^^杭州市^浙江省||^PRN^CP^^^^^^^^^{phone}",
    ]
    if kin is not None:
        segments.append(f"NK1|1|{kin[0]}|{kin[1]}||^PRN^CP^^^^^^^^^{kin[2]}")
    segments.append("|".join(pv1))
    segments.append(f"DG1|1||{diagnosis}||{discharged}|F")
    if nurse is not None:
        segments.append(f"ROL|1|AD|NURSE^责任护士|{nurse}")
    return "\r".join(segments) + "\r"


def send(
    port: int,
    *messages: bytes | str,
    timeout: float = 10.0,
    tls: ssl.SSLContext | None = None,
    source: str | None = None,
) -> list[str]:
    """Send each message framed (bytes are sent as they are) and return the ACK texts.

    ``tls`` speaks MLLP over TLS to 127.0.0.1; ``source`` connects from that local address
    (any 127.x.y.z works on Linux).
    """
    replies: list[str] = []
    source_address = (source, 0) if source else None
    with contextlib.ExitStack() as stack:
        sock = stack.enter_context(
            socket.create_connection(
                ("127.0.0.1", port), timeout=timeout, source_address=source_address
            )
        )
        if tls is not None:
            sock = stack.enter_context(tls.wrap_socket(sock, server_hostname="127.0.0.1"))
        buffer = b""
        for message in messages:
            data = START + message.encode("utf-8") + END if isinstance(message, str) else message
            sock.sendall(data)
            while END not in buffer:
                chunk = sock.recv(65536)
                if not chunk:
                    raise ConnectionError("the listener closed the connection")
                buffer += chunk
            block, buffer = buffer.split(END, 1)
            assert block.startswith(START)
            replies.append(block[1:].decode("utf-8"))
    return replies


def msa(reply: str) -> list[str]:
    """MSA fields, with HL7 escapes undone."""
    line = next(s for s in reply.split("\r") if s.startswith("MSA|"))
    escapes = (("\\F\\", "|"), ("\\S\\", "^"), ("\\T\\", "&"), ("\\R\\", "~"))
    fields = line.split("|")[1:]
    for escaped, raw in escapes:
        fields = [f.replace(escaped, raw) for f in fields]
    return [f.replace("\\E\\", "\\") for f in fields]
