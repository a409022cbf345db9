"""The call script with the patient's and agent's details filled in, and the advice warning.

A ``[[kb:slug]]`` marker in the script shows as a link; clicking it emits ``sig_article``
with the slug (the follow-up screen opens the knowledge panel on that article)."""

from __future__ import annotations

import html
from collections.abc import Mapping

from agent_app.domain.call_script import (
    PLACEHOLDERS,
    CallScriptText,
    RenderedLine,
    render_script,
)
from agent_app.domain.knowledge import split_links
from agent_app.ui.language import desk_language
from agent_app.ui.qt import QCoreApplication, QTextBrowser, QUrl, QWidget, Signal

ARTICLE_SCHEME = "kb"


def linked_html(text: str, titles: Mapping[str, str]) -> str:
    """``text`` escaped, its ``[[kb:slug]]`` markers as links named by the article's title
    (when this desk lacks the approved article, a translated "knowledge article" link; the
    slug is an identifier, not words for the agent)."""
    missing = QCoreApplication.translate("ScriptPanel", "knowledge article (not on this desk yet)")
    return "".join(
        html.escape(part.text)
        if part.slug is None
        else f"<a href='{ARTICLE_SCHEME}:{part.slug}'>📖 "
        f"{html.escape(titles.get(part.slug, missing))}</a>"
        for part in split_links(text)
    )


class ScriptPanel(QTextBrowser):
    """Read-only script; a placeholder with no value shows as a highlighted gap."""

    sig_article = Signal(str)  # the slug of an article link the agent clicked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._link_clicked)
        self.setMinimumWidth(280)
        self.missing: tuple[str, ...] = ()

    def show_script(
        self,
        script: CallScriptText | None,
        values: dict[str, str | None],
        titles: Mapping[str, str] | None = None,
    ) -> None:
        language = desk_language()
        if script is None:
            self.missing = ()
            self.setHtml(
                "<p style='color:#616161'>"
                + html.escape(self.tr("This follow-up plan has no call script."))
                + "</p>"
            )
            return
        rendered = render_script(script, values)
        self.missing = rendered.missing
        parts = [
            "<p style='background:#fff8e1;border:1px solid #f9a825;padding:6px'>"
            f"{html.escape(rendered.warning.in_language(language))}</p>"
        ]
        for section in rendered.sections:
            parts.append(f"<h3>{html.escape(section.title.in_language(language))}</h3>")
            for line in section.lines:
                style = "color:#616161;font-style:italic" if line.agent_note else ""
                shown = linked_html(line.text, titles or {})
                parts.append(f"<p style='{style}'>{shown}{self._gap(line)}</p>")
        if rendered.missing:
            names = "、".join(PLACEHOLDERS[n].in_language(language) for n in rendered.missing)
            parts.append(
                "<p style='color:#c62828'>"
                + html.escape(self.tr("Not known for this patient: {0}").format(names))
                + "</p>"
            )
        self.setHtml("".join(parts))

    def _link_clicked(self, url: QUrl) -> None:
        if url.scheme() == ARTICLE_SCHEME:
            self.sig_article.emit(url.path())

    def _gap(self, line: RenderedLine) -> str:
        """A mark after a line that stands in for unknown values: for the agent, not read out."""
        if not line.missing:
            return ""
        names = "、".join(PLACEHOLDERS[n].in_language(desk_language()) for n in line.missing)
        mark = self.tr("(not known: {0})").format(names)
        return f" <span style='color:#c62828;font-size:small'>⚠ {html.escape(mark)}</span>"
