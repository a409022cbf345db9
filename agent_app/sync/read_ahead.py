"""Read the next chunks from the server while the desk writes the current one.

Receiving and parsing a chunk (network, psycopg) and writing it (SQLite, which lets go of the
interpreter while it works) overlap on two threads, so a pull takes about the longer of the
two instead of their sum. The source iterator is made, run and closed on the reading thread
only, so its database connection never crosses threads.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Generator, Iterator
from typing import TypeVar

T = TypeVar("T")

_POLL_SECONDS = 0.1


def read_ahead(make: Callable[[], Iterator[T]], depth: int = 2) -> Generator[T, None, None]:
    """Items of ``make()``, produced up to ``depth`` ahead on a thread of their own; an error
    of the source is raised here, and closing this iterator early stops and closes the
    source (its thread is joined before this returns)."""
    items: queue.Queue[tuple[str, object]] = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def put(kind: str, value: object) -> bool:
        while not stop.is_set():
            try:
                items.put((kind, value), timeout=_POLL_SECONDS)
                return True
            except queue.Full:
                continue
        return False

    def produce() -> None:
        try:
            source = make()
            try:
                for item in source:
                    if not put("item", item):
                        return
            finally:
                close = getattr(source, "close", None)
                if close is not None:
                    close()
            put("end", None)
        except BaseException as exc:  # handed to the consumer, which raises it
            put("error", exc)

    thread = threading.Thread(target=produce, name="pull-read-ahead", daemon=True)
    thread.start()
    try:
        while True:
            kind, value = items.get()
            if kind == "end":
                return
            if kind == "error":
                assert isinstance(value, BaseException)
                raise value
            yield value  # type: ignore[misc]
    finally:
        stop.set()
        thread.join()
