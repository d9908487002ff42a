"""Help → Why this works (and what the late-run figures mean), and About (version, data folder
you can open, licence)."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from desktop import __version__
from desktop.runtime.paths import AppPaths
from desktop.runtime.resources import resource_path


class WhyDialog(QDialog):
    """The protocol explained in a page, then what "Do my legs hold late?" shows and what better
    looks like; the full rules one link away."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Why this works")
        self.resize(720, 640)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        why = resource_path("help", "why.md").read_text(encoding="utf-8")
        late = resource_path("help", "late_runs.md").read_text(encoding="utf-8")
        rules = resource_path("help", "protocol.md")
        link = f"[Read the full protocol]({QUrl.fromLocalFile(str(rules)).toString()})"
        self.browser.setMarkdown(f"{why}\n\n{late}\n\n{link}")
        font = self.browser.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.browser.setFont(font)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)


class AboutDialog(QDialog):
    """Version, where the log and the logs live (click to open), licence."""

    def __init__(self, paths: AppPaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Cramproof")
        folder = QUrl.fromLocalFile(str(paths.data_dir)).toString()
        logs = QUrl.fromLocalFile(str(paths.log_dir)).toString()
        self.text = QLabel(
            f"<h2>Cramproof {__version__}</h2>"
            "<p>Strength work against late-race leg cramps: heavy after the long run, light later "
            "that day, full rests, every set kept.</p>"
            f'<p>Training log folder: <a href="{folder}">{paths.data_dir}</a><br>'
            f'Log files: <a href="{logs}">{paths.log_file}</a></p>'
            "<p>Free software under the MIT licence. Method: Coach Claire, The Planted Runner.</p>"
        )
        self.text.setWordWrap(True)
        self.text.linkActivated.connect(self._on_text_link_activated)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)

    def _on_text_link_activated(self, link: str) -> None:
        QDesktopServices.openUrl(QUrl(link))
