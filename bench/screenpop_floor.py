"""The floor for bench/screenpop_latency.py: bare pjsua2 and one indexed lookup, no Qt.

Run by that benchmark in a process of its own (pjsua2 allows one Endpoint per process):

    python bench/screenpop_floor.py --store STORE --port PORT --out TIMES.tsv

An ``Account.onIncomingCall`` takes the caller's user part, runs the one indexed query the pop
needs at least (contact by E.164 number, joined to the patient's name), notes the wall-clock
time and refuses the call with 486. Each line of ``--out``: number, patient name, time in ns.
"""

from __future__ import annotations

import argparse
import re
import time
from pathlib import Path
from typing import Any

import pjsua2 as pj
from sqlalchemy import select

from agent_app.dialer.sip_stack import guard_none_refcount
from agent_app.store.engine import open_local_store
from agent_app.store.schema import Contact, Patient

LOCALHOST = "127.0.0.1"


class FloorAccount(pj.Account):  # type: ignore[misc]
    def __init__(self, engine: Any, out: Any) -> None:
        super().__init__()
        self.engine = engine
        self.out = out
        self.calls: list[Any] = []

    def onIncomingCall(self, prm: Any) -> None:
        call = pj.Call(self, prm.callId)
        info = call.getInfo()
        user = re.sub(r"^.*?sips?:", "", info.remoteUri).split("@", 1)[0]
        with self.engine.connect() as connection:
            name = connection.execute(
                select(Patient.name)
                .join(Contact, Contact.patient_id == Patient.id)
                .where(Contact.number_e164 == user)
                .limit(1)
            ).scalar_one_or_none()
        done = time.time_ns()
        self.out.write(f"{user}\t{name or ''}\t{done}\n")
        self.out.flush()
        answer = pj.CallOpParam()
        answer.statusCode = 486
        call.answer(answer)
        self.calls.append(call)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seconds", type=float, default=600)
    args = parser.parse_args()

    engine = open_local_store(args.store)
    endpoint = pj.Endpoint()
    endpoint.libCreate()
    config = pj.EpConfig()
    config.uaConfig.threadCnt = 0
    config.uaConfig.mainThreadOnly = True
    config.logConfig.level = 0
    config.logConfig.consoleLevel = 0
    endpoint.libInit(config)
    endpoint.audDevManager().setNullDev()
    transport = pj.TransportConfig()
    transport.port = args.port
    transport.boundAddress = LOCALHOST
    endpoint.transportCreate(pj.PJSIP_TRANSPORT_UDP, transport)
    endpoint.libStart()
    account_config = pj.AccountConfig()
    account_config.idUri = f"sip:agent@{LOCALHOST}:{args.port}"
    with args.out.open("w", encoding="utf-8") as out:
        account = FloorAccount(engine, out)
        account.create(account_config)
        print("ready", flush=True)
        deadline = time.monotonic() + args.seconds
        while time.monotonic() < deadline and not Path(f"{args.out}.stop").exists():
            endpoint.libHandleEvents(1)
            guard_none_refcount()  # pjsua2's bindings leak references to None (see sip_stack)
            if len(account.calls) > 20:
                del account.calls[:10]  # long ended; pjsua has let them go
        account.calls.clear()
        account.shutdown()
    endpoint.libDestroy()


if __name__ == "__main__":
    main()
