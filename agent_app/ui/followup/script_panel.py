"""The call script with the patient's and agent's details filled in, and the advice warning."""

from __future__ import annotations

import html

from agent_app.domain.call_script import (
    PLACEHOLDERS,
    CallScriptText,
    RenderedLine,
    render_script,
)
from agent_app.ui.followup.language import desk_language
from agent_app.ui.qt import QTextBrowser, QWidget


class ScriptPanel(QTextBrowser):
    """Read-only script; a placeholder with no value shows as a highlighted gap."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setMinimumWidth(280)
        self.missing: tuple[str, ...] = ()

    def show_script(self, script: CallScriptText | None, values: dict[str, str | None]) -> None:
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
                parts.append(f"<p style='{style}'>{html.escape(line.text)}{self._gap(line)}</p>")
        if rendered.missing:
            names = "、".join(PLACEHOLDERS[n].in_language(language) for n in rendered.missing)
            parts.append(
                "<p style='color:#c62828'>"
                + html.escape(self.tr("Not known for this patient: {0}").format(names))
                + "</p>"
            )
        self.setHtml("".join(parts))

    def _gap(self, line: RenderedLine) -> str:
        """A mark after a line that stands in for unknown values: for the agent, not read out."""
        if not line.missing:
            return ""
        names = "、".join(PLACEHOLDERS[n].in_language(desk_language()) for n in line.missing)
        mark = self.tr("(not known: {0})").format(names)
        return f" <span style='color:#c62828;font-size:small'>⚠ {html.escape(mark)}</span>"
