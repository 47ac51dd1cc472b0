"""Help > About: the version, where this desktop's data is, and the licences of what ships."""

from __future__ import annotations

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.about import about


class AboutDialog(QDialog):
    def __init__(self, database_url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(self.tr("About Pathways"))
        info = about(database_url, qVersion(), PySide6.__version__)
        layout = QVBoxLayout(self)
        summary = QLabel(
            self.tr("<b>Pathways {version}</b><br>Case management for restorative justice and "
                    "diversion schemes.<br><br>Database: {database}<br>Data folder (backups): "
                    "{folder}<br>Python {python}")
                   .format(version=info.version, database=_escape(info.database),
                           folder=_escape(info.data_folder), python=info.python))
        summary.setObjectName("about_summary")
        summary.setWordWrap(True)
        summary.setTextInteractionFlags(summary.textInteractionFlags()
                                        | summary.textInteractionFlags().TextSelectableByMouse)
        layout.addWidget(summary)
        layout.addWidget(QLabel(self.tr("Licences of the parts Pathways ships:")))
        self.licences = QPlainTextEdit()
        self.licences.setObjectName("about_licences")
        self.licences.setAccessibleName(self.tr("Licences"))
        self.licences.setReadOnly(True)
        self.licences.setPlainText("\n\n".join(f"{lic.component}\n{'-' * len(lic.component)}\n"
                                               f"{lic.text.strip()}" for lic in info.licences))
        layout.addWidget(self.licences, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 480)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
