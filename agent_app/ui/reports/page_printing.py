"""Print one dashboard page (title, chart, table) through a QPrinter.

The page becomes a QTextDocument: Qt paginates it, repeats nothing it should not, and the same
code prints to paper or, with ``QPrinter.OutputFormat.PdfFormat``, to a PDF file.
"""

from __future__ import annotations

import html

from agent_app.reports.tables import Table
from agent_app.ui.qt import QImage, QTextDocument, QUrl
from agent_app.ui.qt_media import QPrinter
from agent_app.ui.reports.stats_table_model import StatsTableModel, cell_text

CHART_URL = QUrl("chart:page.png")
CHART_WIDTH = 640  # document pixels: about the printable width of A4 at Qt's 96 dpi


def page_document(title: str, subtitle: str, png: bytes | None, table: Table) -> QTextDocument:
    """A document holding the page as the dashboard shows it (headers in the desk language)."""
    document = QTextDocument()
    parts = [f"<h2>{html.escape(title)}</h2>", f"<p>{html.escape(subtitle)}</p>"]
    if png:
        image = QImage.fromData(png)
        document.addResource(QTextDocument.ResourceType.ImageResource.value, CHART_URL, image)
        width = min(CHART_WIDTH, image.width())
        parts.append(f'<p align="center"><img src="{CHART_URL.toString()}" width="{width}"></p>')
    headers = "".join(
        f"<th>{html.escape(word)}</th>" for word in StatsTableModel.header_words(table)
    )
    rows = "".join(
        "<tr>" + "".join(f"<td>{html.escape(cell_text(c))}</td>" for c in row) + "</tr>"
        for row in table.rows
    )
    parts.append(
        '<table border="1" cellspacing="0" cellpadding="3" width="100%">'
        f"<thead><tr>{headers}</tr></thead><tbody>{rows}</tbody></table>"
    )
    document.setHtml("".join(parts))
    return document


def print_page(
    printer: QPrinter, title: str, subtitle: str, png: bytes | None, table: Table
) -> None:
    """Send the page to ``printer`` (already set up by the print dialog or the caller)."""
    printer.setDocName(title)
    page_document(title, subtitle, png, table).print_(printer)
