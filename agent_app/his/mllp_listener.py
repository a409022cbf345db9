"""The MLLP listener: HL7 messages over TCP, each answered with its ACK in the same framing.

Runs its own asyncio loop on a thread (``start``/``stop``), so the service and tests can use
it from plain code. Database work runs on one worker thread, so messages are imported in the
order they arrive and the loop keeps accepting connections meanwhile.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import threading
from collections.abc import Callable

from hl7.mllp import InvalidBlockError, start_hl7_server  # type: ignore[import-untyped, unused-ignore]

from agent_app.his.hl7_adt import ack

log = logging.getLogger(__name__)

Handler = Callable[[str], str]
MAX_MESSAGE = 1 << 20  # 1 MiB: a discharge message is a few kB


def _decode(block: bytes, encoding: str) -> str | None:
    for name in (encoding, "gb18030"):
        try:
            return block.decode(name)
        except UnicodeDecodeError:
            continue
    return None


class MllpListener:
    def __init__(
        self, handler: Handler, host: str = "127.0.0.1", port: int = 2575, encoding: str = "utf-8"
    ) -> None:
        self._handler = handler
        self._host = host
        self._port = port
        self._encoding = encoding
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
        log.info("MLLP listener on %s:%s", self._host, self.port)
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

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        peer = writer.get_extra_info("peername")
        loop = asyncio.get_running_loop()
        try:
            while True:
                try:
                    block: bytes = await reader.readblock()  # type: ignore[attr-defined]
                except asyncio.IncompleteReadError:
                    break  # the sender closed the connection
                except InvalidBlockError:
                    reply = ack(None, "AE", "The block does not start with the MLLP start byte.")
                except ValueError:
                    reply = ack(None, "AE", "The message is larger than 1 MiB.")
                else:
                    text = _decode(block, self._encoding)
                    if text is None:
                        reply = ack(None, "AE", f"The message is not {self._encoding} text.")
                    else:
                        reply = await loop.run_in_executor(self._worker, self._handler, text)
                writer.writeblock(reply.encode(self._encoding))  # type: ignore[attr-defined]
                await writer.drain()
        except ConnectionError as exc:
            log.info("MLLP connection from %s lost: %s", peer, exc)
        finally:
            writer.close()
