"""The knowledge search panel: type, see approved answers, read one to the patient (or not).

Opened with Ctrl+K from the follow-up screen, and by a call script's article link. Each
keystroke restarts a short pause; the search then runs off the GUI thread, and a result that
arrives after a newer keystroke is dropped, so the list always answers what is typed. Every
hit shows its title, category and a badge saying whether it may be read to the patient, with
the matched words marked; the chosen article's whole text shows beside the list.
"""

from __future__ import annotations

import html

from sqlalchemy import Engine

from agent_app.domain.knowledge import KnowledgeError
from agent_app.store.repositories.knowledge import StoredArticle, load_article
from agent_app.store.repositories.knowledge_search import ArticleHit, search_articles
from agent_app.ui.background import run_in_background
from agent_app.ui.knowledge.texts import badge_html, category_name, knowledge_error_text
from agent_app.ui.qt import (
    QDialog,
    QKeySequence,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QShortcut,
    QSplitter,
    Qt,
    QTextBrowser,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)

TYPING_PAUSE_MS = 120


def article_html(
    title: str, category: str, department: str, may_read: bool, body: str, extra: str = ""
) -> str:
    """The article as the panel and the editor's preview show it."""
    paragraphs = "".join(
        f"<p>{html.escape(line)}</p>" for line in body.splitlines() if line.strip()
    )
    return (
        f"<h2>{html.escape(title)}</h2>"
        f"<p>{badge_html(may_read)} &nbsp; {html.escape(category)} · {html.escape(department)}"
        f"{extra}</p>{paragraphs}"
    )


class KnowledgePanel(QDialog):
    sig_results_shown = Signal(int)  # hits on screen for the current query
    sig_article_shown = Signal(str)  # slug

    def __init__(self, engine: Engine, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.setWindowTitle(self.tr("Knowledge base"))
        self.resize(980, 640)
        self.hits: list[ArticleHit] = []
        self.shown_slug = ""
        self._generation = 0
        self.query = QLineEdit(self)
        self.query.setPlaceholderText(self.tr("Search approved answers (e.g. 伤口, 医保, 华法林)"))
        self.query.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setWordWrap(True)
        self.article = QTextBrowser(self)
        self.article.setOpenLinks(False)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.pause = QTimer(self)
        self.pause.setSingleShot(True)
        self.pause.setInterval(TYPING_PAUSE_MS)
        self.pause.timeout.connect(self.search)
        self.query.textChanged.connect(lambda _: self.pause.start())
        self.query.returnPressed.connect(self._open_first)
        self.results.currentRowChanged.connect(self._show_hit)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.results)
        splitter.addWidget(self.article)
        splitter.setSizes([400, 580])
        layout = QVBoxLayout(self)
        layout.addWidget(self.query)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)
        QShortcut(QKeySequence("Ctrl+K"), self).activated.connect(self.focus_query)
        self.setTabOrder(self.query, self.results)
        self._say(self.tr("Type at least one character."))

    def focus_query(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    # Searching ---------------------------------------------------------------------------
    def search(self) -> None:
        """Search for what is typed now, off the GUI thread; older answers are dropped."""
        self.pause.stop()
        self._generation += 1
        generation, query, engine = self._generation, self.query.text(), self.engine
        if not query.strip():
            self._show_hits(generation, [])
            self._say(self.tr("Type at least one character."))
            return
        run_in_background(
            lambda: search_articles(engine, query),
            lambda hits: self._show_hits(generation, hits),
            lambda error: self._failed(generation, error),
            owner=self,
        )

    def _show_hits(self, generation: int, hits: list[ArticleHit]) -> None:
        if generation != self._generation:
            return  # a newer keystroke's search is on its way
        self.hits = hits
        self.results.clear()
        for hit in hits:
            item = QListWidgetItem(self.results)
            label = QLabel(self._hit_html(hit))
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            item.setSizeHint(label.sizeHint())
            item.setData(Qt.ItemDataRole.AccessibleTextRole, hit.title)
            self.results.setItemWidget(item, label)
        if self.query.text().strip():
            if hits:
                self._say(self.tr("%n article(s) found.", "", len(hits)))
            else:
                self._say(self.tr("No approved article holds these words."))
        if hits:
            self.results.setCurrentRow(0)
        else:
            self.article.clear()
        self.sig_results_shown.emit(len(hits))

    def _hit_html(self, hit: ArticleHit) -> str:
        marked = "".join(
            f"<b style='background:#fff59d'>{html.escape(p.text)}</b>"
            if p.hit
            else html.escape(p.text)
            for p in hit.snippet
        )
        return (
            f"<b>{html.escape(hit.title)}</b><br>{badge_html(hit.may_read_to_patient)} "
            f"<span style='color:#616161'>{html.escape(category_name(hit.category))}</span>"
            f"<br><span style='font-size:small'>{marked}</span>"
        )

    def _show_hit(self, row: int) -> None:
        if 0 <= row < len(self.hits):
            hit = self.hits[row]
            self._show(
                hit.slug,
                hit.title,
                category_name(hit.category),
                hit.department_name,
                hit.may_read_to_patient,
                hit.body,
            )

    def _open_first(self) -> None:
        self.search()
        self.results.setFocus()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self._say(self.tr("The search failed: {0}").format(error), error=True)

    # One article ---------------------------------------------------------------------------
    def open_article(self, slug: str) -> None:
        """Show the article ``slug`` (a call script's link), loaded off the GUI thread."""
        engine = self.engine
        run_in_background(
            lambda: load_article(engine, slug), self._loaded, self._load_failed, owner=self
        )

    def _loaded(self, stored: StoredArticle) -> None:
        self._show(
            stored.slug,
            stored.title,
            category_name(stored.category),
            stored.department_name,
            stored.may_read_to_patient,
            stored.body,
        )

    def _load_failed(self, error: BaseException) -> None:
        if isinstance(error, KnowledgeError):
            self._say(knowledge_error_text(error), error=True)
        else:
            self._say(self.tr("The article could not be read: {0}").format(error), error=True)

    def _show(
        self, slug: str, title: str, category: str, department: str, may_read: bool, body: str
    ) -> None:
        self.shown_slug = slug
        self.article.setHtml(article_html(title, category, department, may_read, body))
        self.sig_article_shown.emit(slug)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet("color:#c62828" if error else "color:#616161")
        self.status.setText(text)
