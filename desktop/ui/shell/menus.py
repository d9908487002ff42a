"""The menu bar, built in two steps as the window is: File, View and Help with the frame painted
at once (quit, the data folder, the view settings, help), then the log's own actions and the
Plan menu once the log is attached."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from desktop.ui.common.keyed_action import keyed_action
from desktop.ui.shell.view_actions import ViewActions


class WindowMenus:
    """The menus that the log's actions are added to once it is open."""

    def __init__(
        self, window: QMainWindow, view_actions: ViewActions, open_folder: Callable[[], None]
    ) -> None:
        self._window = window
        self.file = window.menuBar().addMenu("&File")
        self._open_folder = QAction("Open &data folder", window)
        self._open_folder.triggered.connect(lambda _checked=False: open_folder())
        self.file.addAction(self._open_folder)
        self.file.addSeparator()
        self.file.addAction(
            keyed_action(window, "&Quit", QKeySequence.StandardKey.Quit, window.close)
        )
        self.view = window.menuBar().addMenu("&View")
        help_menu = window.menuBar().addMenu("&Help")
        view_actions.add_to(view_menu=self.view, help_menu=help_menu)

    def add_log_actions(
        self,
        *,
        file_actions: list[QAction],
        screen_actions: list[QAction],
        gym_actions: list[QAction],
        plan_actions: list[QAction],
        add_athlete: Callable[[], None],
    ) -> None:
        """The log's file actions above "Open data folder", the screens at the top of View and
        gym mode's settings at its foot, and a Plan menu after File."""
        self.file.insertActions(self._open_folder, file_actions)
        first_view_action = self.view.actions()[0]
        self.view.insertActions(first_view_action, screen_actions)
        self.view.insertSeparator(first_view_action)
        self.view.addActions(gym_actions)
        bar = self._window.menuBar()
        plan_menu = QMenu("&Plan", self._window)
        bar.insertMenu(bar.actions()[1], plan_menu)
        plan_menu.addActions(plan_actions)
        plan_menu.addSeparator()
        add = QAction("&Add athlete…", self._window)
        add.triggered.connect(lambda _checked=False: add_athlete())
        plan_menu.addAction(add)
