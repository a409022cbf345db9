"""Qt's own strings that Qt's zh_CN catalog misses (Qt 6 changed their source text).

Qt looks a string up in every installed catalog, newest first; qtbase_zh_CN has "Look in:" but
not Qt 6's "&Look in:", so the file dialog spoke English on a Chinese desk. Listing the strings
here, in their Qt contexts, puts them in the desk's own catalog, which Qt reaches next.
"""

from __future__ import annotations

from agent_app.ui.qt import QCoreApplication


def qt_strings() -> list[str]:
    """Each gap in the desk's language (lupdate reads the literal calls below)."""
    return [
        QCoreApplication.translate("QFileDialog", "&Look in:"),
        QCoreApplication.translate("QFileDialog", "Files of &type:"),
        QCoreApplication.translate("QAbstractFileIconProvider", "Folder", "All other platforms"),
        QCoreApplication.translate("QAbstractFileIconProvider", "Drive"),
        QCoreApplication.translate("QAbstractFileIconProvider", "%1 File"),
        QCoreApplication.translate("QAbstractFileIconProvider", "File"),
    ]
