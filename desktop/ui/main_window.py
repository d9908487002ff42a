"""The main window: menus, status bar and the current view; the views themselves live elsewhere."""

from __future__ import annotations

import logging

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QStackedWidget, QWidget

from db.store import Store
from desktop.paths import AppPaths
from desktop.ui.backup_actions import BackupActions
from desktop.ui.welcome_view import WelcomeView

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    """Hosts Cramproof's screens for one open training log."""

    def __init__(self, *, store: Store, paths: AppPaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._store: Store | None = store
        self._paths = paths
        self.setWindowTitle("Cramproof")
        self.resize(1200, 760)
        self.setMinimumSize(800, 560)

        self._pages = QStackedWidget()
        self.welcome_view = WelcomeView()
        self._pages.addWidget(self.welcome_view)
        self.setCentralWidget(self._pages)

        self._backups = BackupActions(paths=paths, store_getter=lambda: self._store, parent=self)
        self._backups.store_replaced.connect(self._on_backups_store_replaced)
        self._backups.message_posted.connect(self._show_status)
        self._build_menus()
        self._show_status(f"Training log: {paths.database}")

    @property
    def store(self) -> Store | None:
        return self._store

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(self._backups.back_up_action)
        file_menu.addAction(self._backups.restore_action)
        open_folder = QAction("Open &data folder", self)
        open_folder.triggered.connect(self._on_open_folder_triggered)
        file_menu.addAction(open_folder)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About Cramproof", self)
        about.triggered.connect(self._on_about_triggered)
        help_menu.addAction(about)

    def bring_to_front(self) -> None:
        """A second launch asked for this window: show it above everything else."""
        log.info("Raise requested by a second launch")
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def close_store(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def closeEvent(self, event: QCloseEvent) -> None:
        self.close_store()
        super().closeEvent(event)

    def _show_status(self, text: str) -> None:
        self.statusBar().showMessage(text)

    def _on_backups_store_replaced(self, store: Store) -> None:
        self._store = store

    def _on_open_folder_triggered(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._paths.data_dir)))

    def _on_about_triggered(self) -> None:
        from desktop import __version__

        QMessageBox.about(
            self,
            "About Cramproof",
            f"<h3>Cramproof {__version__}</h3>"
            "<p>Strength work against late-race leg cramps.</p>"
            f"<p>Training log: {self._paths.database}<br>Logs: {self._paths.log_file}</p>"
            "<p>MIT licence.</p>",
        )
