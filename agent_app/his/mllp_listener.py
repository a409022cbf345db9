"""The MLLP listener: HL7 messages over TCP, each answered with its ACK in the same framing.

Runs its own asyncio loop on a thread (``start``/``stop``), so the service and tests can use
it from plain code. Database work runs on one worker thread, so messages are imported in the
order they arrive and the loop keeps accepting connections meanwhile.

A connection from an address outside ``allowed`` is closed before anything is read from it.
With a TLS context the connection is upgraded to TLS only after that check (so a stranger
never reaches the TLS handshake), and nothing is read before the handshake succeeds.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import ssl
import threading
from collections.abc import Callable, Sequence

from hl7.mllp import InvalidBlockError, start_hl7_server  # type: ignore[import-untyped, unused-ignore]

from agent_app.his.errors import MessageRefused
from agent_app.his.hl7_message import ack, control_id_of
from agent_app.his.mllp_security import LOOPBACK_SENDERS, Network, parse_senders, sender_allowed

log = logging.getLogger(__name__)

Handler = Callable[[str], str]
Refuser = Callable[[str, MessageRefused], str]  # (what arrived, why) → the ACK, kept as rejected
MAX_MESSAGE = 1 << 20  # 1 MiB: a discharge message is a few kB
LOOPBACK = parse_senders(LOOPBACK_SENDERS)
TLS_HANDSHAKE_SECONDS = 10.0


def _decode(block: bytes, encoding: str) -> str | None:
    for name in (encoding, "gb18030"):
        try:
            return block.decode(name)
        except UnicodeDecodeError:
            continue
    return None


class MllpListener:
    def __init__(
        self,
        handler: Handler,
        host: str = "127.0.0.1",
        port: int = 2575,
        encoding: str = "utf-8",
        *,
        allowed: Sequence[Network] = LOOPBACK,
        tls: ssl.SSLContext | None = None,
        refuse: Refuser | None = None,
    ) -> None:
        self._handler = handler
        self._refuse = refuse or _plain_refusal
        self._host = host
        self._port = port
        self._encoding = encoding
        self._allowed = tuple(allowed)
        self._tls = tls
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.Server | None = None
        self._thread: threading.Thread | None = None
        self._worker = concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="hl7-import")
        self.port = 0

    def start(self) -> int:
        """Listen; return the port (useful with port 0). Raise OSError if the port is taken."""
        ready = threading.Event()
        failure: list[BaseException] = []

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            asyncio.set_event_loop(loop)
            try:
                self._server = loop.run_until_complete(self._open())
            except BaseException as exc:
                failure.append(exc)
                ready.set()
                loop.close()
                return
            ready.set()
            loop.run_forever()
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

        self._thread = threading.Thread(target=run, name="mllp-listener", daemon=True)
        self._thread.start()
        ready.wait()
        if failure:
            raise failure[0]
        log.info(
            "MLLP listener on %s:%s (%s), senders allowed: %s",
            self._host,
            self.port,
            "TLS" if self._tls is not None else "plain TCP",
            ", ".join(str(n) for n in self._allowed) or "none",
        )
        return self.port

    async def _open(self) -> asyncio.Server:
        server: asyncio.Server = await start_hl7_server(
            self._client, self._host, self._port, limit=MAX_MESSAGE, encoding=self._encoding
        )
        self.port = int(server.sockets[0].getsockname()[1])
        return server

    def stop(self) -> None:
        loop, server = self._loop, self._server
        if loop is None or server is None:
            return

        async def close() -> None:
            server.close()
            await server.wait_closed()

        asyncio.run_coroutine_threadsafe(close(), loop).result(timeout=10)
        loop.call_soon_threadsafe(loop.stop)
        if self._thread is not None:
            self._thread.join(timeout=10)
        self._worker.shutdown(wait=True)

    async def _admit(self, writer: asyncio.StreamWriter) -> str | None:
        """The sender's address if it may talk to us (over TLS when set up), else None with
        the connection closed. Only the address and the reason are logged."""
        peer = writer.get_extra_info("peername")
        address = str(peer[0]) if peer else ""
        if not sender_allowed(address, self._allowed):
            log.warning("MLLP connection from %s refused: not an allowed sender", address)
            writer.transport.abort()
            return None
        if self._tls is not None:
            try:
                await writer.start_tls(self._tls, ssl_handshake_timeout=TLS_HANDSHAKE_SECONDS)
            except OSError as exc:  # ssl.SSLError, a reset or a timeout
                reason = getattr(exc, "reason", None) or type(exc).__name__
                log.warning("MLLP connection from %s refused: TLS failed (%s)", address, reason)
                writer.transport.abort()
                return None
        return address

    async def _answer(self, loop: asyncio.AbstractEventLoop, block: bytes) -> str:
        text = _decode(block, self._encoding)
        if text is None:
            printable = block.decode(self._encoding, errors="replace")
            reason = MessageRefused("hl7_not_text", encoding=self._encoding)
            return await self._refused(loop, printable, reason)
        try:
            reply: str = await loop.run_in_executor(self._worker, self._handler, text)
        except Exception:  # a handler that failed still gets the sender an answer
            log.exception("MLLP handler failed for message %s", control_id_of(text))
            reason = MessageRefused("hl7_unreadable", error="internal")
            return ack(None, "AR", str(reason), control=control_id_of(text))
        return reply

    async def _refused(
        self, loop: asyncio.AbstractEventLoop, text: str, reason: MessageRefused
    ) -> str:
        try:
            reply: str = await loop.run_in_executor(self._worker, self._refuse, text, reason)
        except Exception:
            log.exception("MLLP refusal could not be kept: %s", reason)
            return _plain_refusal(text, reason)
        return reply

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        peer = await self._admit(writer)
        if peer is None:
            return
        loop = asyncio.get_running_loop()
        try:
            while True:
                try:
                    block: bytes = await reader.readblock()  # type: ignore[attr-defined]
                except asyncio.IncompleteReadError:
                    break  # the sender closed the connection
                except InvalidBlockError:
                    reply = await self._refused(loop, "", MessageRefused("hl7_no_start_byte"))
                except ValueError:
                    reply = await self._refused(loop, "", MessageRefused("hl7_too_large"))
                else:
                    reply = await self._answer(loop, block)
                writer.writeblock(reply.encode(self._encoding))  # type: ignore[attr-defined]
                await writer.drain()
        except ConnectionError as exc:
            log.info("MLLP connection from %s lost: %s", peer, exc)
        finally:
            writer.close()


def _plain_refusal(text: str, reason: MessageRefused) -> str:
    return ack(None, reason.ack_code, str(reason), control=control_id_of(text))
