"""Tables only the desktop uses: the outbox of pending changes, the sync cursor, the
wrong-password counts of the sign-in guard, and the server ids of rows made here."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from agent_app.domain.enums import OutboxState
from agent_app.store.schema.base import Base, EnumText, IdType, JsonType, UtcDateTime, utcnow


class Outbox(Base):
    __tablename__ = "outbox"

    seq: Mapped[int] = mapped_column(IdType, primary_key=True)
    change_id: Mapped[uuid.UUID] = mapped_column(Uuid, unique=True, default=uuid.uuid4)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(64))
    operation: Mapped[str] = mapped_column(String(10))
    payload: Mapped[dict[str, Any]] = mapped_column(JsonType)
    state: Mapped[OutboxState] = mapped_column(
        EnumText(OutboxState, 12), default=OutboxState.PENDING
    )
    error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime, default=utcnow)

    __table_args__ = (Index("ix_outbox_state_seq", "state", "seq"),)


class SyncState(Base):
    __tablename__ = "sync_state"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    cursor: Mapped[int] = mapped_column(IdType, default=0)
    last_success_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    last_error: Mapped[str] = mapped_column(Text, default="")


class SignInGuardState(Base):
    """Wrong passwords in a row per user name on this desk, kept across restarts so quitting
    the desk does not reset the count (store/repositories/sign_in_guard.py)."""

    __tablename__ = "sign_in_guard"

    username: Mapped[str] = mapped_column(String(40), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)
    locked_until: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)


class ProvisionalKey(Base):
    """A provisional id this desk gave a row whose key the server issues (a contact), and the
    server's id it became: a screen opened before the sync still names the provisional id, and
    what it writes then is stored under the server's (store/repositories/contacts.py)."""

    __tablename__ = "provisional_key"

    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    provisional_id: Mapped[int] = mapped_column(IdType, primary_key=True)
    server_id: Mapped[int] = mapped_column(IdType)
