"""A hospital SMS platform on 127.0.0.1, for testing the HTTP route: a real ``http.server`` on
its own thread that checks each request's HMAC-SHA256 signature with its own copy of the key
(computed here, not with the desk's code), keeps every request it got, drops a repeated
idempotency key as a real platform does, and hands out delivery states and replies until the
desk acknowledges them.

``drop_next`` makes it read and keep the next message, then close the connection without an
answer (the platform took it; the desk cannot know); ``status_next`` answers the next message
with that HTTP status instead of taking it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import socket
import ssl
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Request:
    path: str
    headers: dict[str, str]
    body: bytes
    signed: bool

    @property
    def json(self) -> dict[str, Any]:
        answer: dict[str, Any] = json.loads(self.body.decode("utf-8"))
        return answer


@dataclass
class FakeSmsPlatform:
    key: bytes
    port: int = 0
    tls: ssl.SSLContext | None = None
    requests: list[Request] = field(default_factory=list)
    taken: dict[str, dict[str, Any]] = field(default_factory=dict)  # request_id → message
    takes: Counter[str] = field(default_factory=Counter)  # request_id → times asked to take
    reports: dict[str, dict[str, Any]] = field(default_factory=dict)
    replies: dict[str, dict[str, Any]] = field(default_factory=dict)
    acks: list[list[str]] = field(default_factory=list)
    drop_next: bool = False
    status_next: int | None = None
    slow_next: float = 0.0

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), self._handler())
        self._server.daemon_threads = True
        if self.tls is not None:
            self._server.socket = self.tls.wrap_socket(self._server.socket, server_side=True)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)

    def sends(self) -> list[Request]:
        """Every message request that reached the platform, duplicates included."""
        with self._lock:
            return [r for r in self.requests if r.path == "/send"]

    def report(self, request_id: str, state: str, at: str = "2026-12-03T02:05:00+00:00") -> None:
        with self._lock:
            self.reports[request_id] = {"id": request_id, "state": state, "at": at}

    def reply(self, reply_id: str, number: str, text: str) -> None:
        with self._lock:
            self.replies[reply_id] = {
                "id": reply_id,
                "from": number,
                "text": text,
                "at": "2026-12-03T02:10:00+00:00",
            }

    def _verified(self, headers: dict[str, str], body: bytes) -> bool:
        stamp, nonce = headers.get("X-Timestamp", ""), headers.get("X-Nonce", "")
        canonical = f"{stamp}\n{nonce}\n".encode() + body
        expected = hmac.new(self.key, canonical, hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected, headers.get("X-Signature", ""))

    def _answer(self, path: str, request: Request) -> tuple[int, dict[str, Any]] | None:
        if not request.signed:
            return 401, {"code": "SIGNATURE_MISMATCH", "message": "bad signature"}
        body = request.json
        with self._lock:
            if path == "/poll":
                done = [str(a) for a in body.get("ack", [])]
                self.acks.append(done)
                for key in done:
                    self.reports.pop(key, None)
                    self.replies.pop(key, None)
                return 200, {
                    "reports": list(self.reports.values()),
                    "replies": list(self.replies.values()),
                }
            if self.status_next is not None:
                status, self.status_next = self.status_next, None
                return status, {"code": "TRY_LATER" if status >= 500 else "BAD_NUMBER"}
            key = str(body.get("request_id"))
            self.takes[key] += 1
            self.taken.setdefault(key, body)  # a repeated key is dropped, not sent again
            if self.drop_next:
                self.drop_next = False
                return None
            delay, self.slow_next = self.slow_next, 0.0
        time.sleep(delay)
        return 200, {"id": f"P{len(self.taken):06d}"}

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        platform = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length)
                headers = {k: v for k, v in self.headers.items()}
                request = Request(self.path, headers, body, platform._verified(headers, body))
                with platform._lock:
                    platform.requests.append(request)
                answer = platform._answer(self.path, request)
                if answer is None:  # taken, then the line drops before the answer
                    self.close_connection = True
                    self.connection.shutdown(socket.SHUT_RDWR)
                    return
                status, payload = answer
                data = json.dumps(payload).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:
                    self.close_connection = True  # the desk gave up waiting and hung up

            def log_message(self, format: str, *args: object) -> None:
                pass

        return Handler


def free_port() -> int:
    """A port nothing listens on (yet): connecting to it is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port
