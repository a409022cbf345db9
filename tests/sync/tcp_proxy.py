"""A TCP proxy on 127.0.0.1 that can cut the line to the server and restore it.

``cut()`` closes every open connection and refuses new ones until ``restore()``.
``cut_after(marker)`` arms a trap: the next client message holding ``marker`` still reaches
the server, but the server's reply is dropped and the connection is cut ``delay`` seconds
later. With ``b"COMMIT"`` that is exactly "the server committed, the desk never heard".
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time


class _Link:
    def __init__(self, client: socket.socket, server: socket.socket) -> None:
        self.client = client
        self.server = server
        self.muted = False

    def close(self) -> None:
        for sock in (self.client, self.server):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()


class TcpProxy:
    def __init__(self, target_host: str, target_port: int, *, handover: float = 0.0) -> None:
        """``handover``: seconds a new connection waits for the client to close its earlier
        ones before it reaches the server (0: no wait)."""
        self.target = (target_host, target_port)
        self._handover = handover
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._listener.getsockname()[1]
        self._lock = threading.Lock()
        self._links: set[_Link] = set()
        self._open = True
        self._trap: bytes | None = None
        self._trap_delay = 0.0
        self.trap_fired = threading.Event()
        self.connections = 0
        threading.Thread(target=self._accept, name="proxy-accept", daemon=True).start()

    def cut(self) -> None:
        """Drop every connection and refuse new ones."""
        with self._lock:
            self._open = False
            links, self._links = self._links, set()
        for link in links:
            link.close()

    def restore(self) -> None:
        """Let connections through again."""
        with self._lock:
            self._open = True

    def cut_after(self, marker: bytes, delay: float = 0.5) -> threading.Event:
        """Forward the next message holding ``marker``, drop the reply, cut after ``delay``."""
        with self._lock:
            self._trap, self._trap_delay = marker, delay
            self.trap_fired.clear()
        return self.trap_fired

    def close(self) -> None:
        self.cut()
        self._listener.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                allowed = self._open
            if not allowed:
                client.close()
                continue
            self._hand_over()
            try:
                server = socket.create_connection(self.target, timeout=5)
            except OSError:
                client.close()
                continue
            server.settimeout(None)
            link = _Link(client, server)
            with self._lock:
                self._links.add(link)
                self.connections += 1
            threading.Thread(target=self._upstream, args=(link,), daemon=True).start()
            threading.Thread(target=self._downstream, args=(link,), daemon=True).start()

    def _hand_over(self) -> None:
        """Let the server see the client's earlier connections end before a new one starts,
        for up to ``handover`` seconds. A client moving to a new connection (pjsua after a
        network change) closes the old one a moment after opening the new; sipp would take a
        REGISTER on the new connection for its call on the old one and answer on the old."""
        deadline = time.monotonic() + self._handover
        while self._drop_hung_up() and time.monotonic() < deadline:
            time.sleep(0.005)

    def _drop_hung_up(self) -> int:
        """Close links whose client has hung up; returns how many links are still open."""
        with self._lock:
            links = list(self._links)
        left = 0
        for link in links:
            try:
                ended = link.client.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) == b""
            except BlockingIOError:
                ended = False
            except OSError:
                ended = True
            if ended:
                self._drop(link)
            else:
                left += 1
        return left

    def _drop(self, link: _Link) -> None:
        with self._lock:
            self._links.discard(link)
        link.close()

    def _upstream(self, link: _Link) -> None:
        try:
            while data := link.client.recv(65536):
                with self._lock:
                    trap = self._trap
                    if trap is not None and trap in data:
                        self._trap = None
                        link.muted = True
                        timer = threading.Timer(self._trap_delay, self._drop, (link,))
                        timer.daemon = True
                        timer.start()
                        self.trap_fired.set()
                link.server.sendall(data)
        except OSError:
            pass
        self._drop(link)

    def _downstream(self, link: _Link) -> None:
        try:
            while data := link.server.recv(65536):
                if not link.muted:
                    link.client.sendall(data)
        except OSError:
            pass
        self._drop(link)
