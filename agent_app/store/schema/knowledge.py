"""Knowledge-base articles: approved answers agents read or look up during a call."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Boolean, Date, ForeignKey, Index, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from agent_app.domain.knowledge import ArticleCategory, ArticleState
from agent_app.store.schema.base import Base, ChangeTracked, EnumText, UtcDateTime


class KnowledgeArticle(ChangeTracked, Base):
    """One article. Keyed by a uuid so a supervisor's desk can write one offline and push it.

    The search indexes are not described here: on the desk an FTS5 trigram table and a
    one-and-two-character index kept by triggers, on the server a GIN index over the text's
    characters and pairs (migration 0017)."""

    __tablename__ = "knowledge_article"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    slug: Mapped[str] = mapped_column(String(60), unique=True)
    title: Mapped[str] = mapped_column(String(120))
    category: Mapped[ArticleCategory] = mapped_column(EnumText(ArticleCategory, 20))
    department_id: Mapped[int] = mapped_column(ForeignKey("department.id"), index=True)
    may_read_to_patient: Mapped[bool] = mapped_column(Boolean, default=False)
    review_date: Mapped[dt.date] = mapped_column(Date)
    state: Mapped[ArticleState] = mapped_column(
        EnumText(ArticleState, 10), default=ArticleState.DRAFT
    )
    body: Mapped[str] = mapped_column(Text)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    updated_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)

    __table_args__ = (Index("ix_knowledge_article_state_review", "state", "review_date"),)
