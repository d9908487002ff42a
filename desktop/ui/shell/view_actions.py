"""The View and Help menus' actions: gym theme, full screen, Why this works, About."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QMenu

from desktop.runtime.paths import AppPaths
from desktop.ui.common.pyside_compat import set_shortcut
from desktop.ui.common.theme import apply_theme
from desktop.ui.common.window_state import WindowState


class ViewActions(QObject):
    """Owns the actions and the help dialog on screen, for one main window."""

    def __init__(self, *, window: QMainWindow, paths: AppPaths, state: WindowState) -> None:
        super().__init__(window)
        self._window, self._paths, self._state = window, paths, state
        self.dialog: QDialog | None = None
        self.high_contrast_action = QAction("High-contrast &gym theme", window, checkable=True)
        set_shortcut(self.high_contrast_action, "Ctrl+Shift+G")
        self.high_contrast_action.setChecked(state.high_contrast)
        self.high_contrast_action.toggled.connect(self._on_high_contrast_toggled)
        self.full_screen_action = QAction("&Full screen", window, checkable=True)
        set_shortcut(self.full_screen_action, QKeySequence.StandardKey.FullScreen)
        self.full_screen_action.toggled.connect(self._on_full_screen_toggled)
        self.why_action = QAction("&Why this works", window)
        set_shortcut(self.why_action, QKeySequence.StandardKey.HelpContents)
        self.why_action.triggered.connect(self.show_why)
        self.about_action = QAction("&About Cramproof", window)
        self.about_action.triggered.connect(self.show_about)
        if state.high_contrast:
            apply_theme(_application(), high_contrast=True)

    def add_to(self, *, view_menu: QMenu, help_menu: QMenu) -> None:
        view_menu.addActions([self.high_contrast_action, self.full_screen_action])
        help_menu.addActions([self.why_action, self.about_action])

    def show_why(self) -> None:
        from desktop.ui.shell.help_dialogs import WhyDialog

        self._show(WhyDialog(self._window))

    def show_about(self) -> None:
        from desktop.ui.shell.help_dialogs import AboutDialog

        self._show(AboutDialog(self._paths, self._window))

    def _show(self, dialog: QDialog) -> None:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog
        dialog.open()

    def _on_high_contrast_toggled(self, on: bool) -> None:
        apply_theme(_application(), high_contrast=on)
        self._state.set_high_contrast(on)

    def _on_full_screen_toggled(self, on: bool) -> None:
        if on:
            self._window.showFullScreen()
        else:
            self._window.showNormal()


def _application() -> QApplication:
    app = QApplication.instance()
    assert isinstance(app, QApplication), "the window exists, so the application does"
    return app
