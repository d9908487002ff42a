"""The Plan menu and its dialogs: setup, re-plan, weekly check-in, second-day offer, export."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QWidget

from db.errors import StoreError
from desktop.domain.buildup.model import PlanInputError
from desktop.plan.planning import CheckinQuestion, Planning, SecondDayOffer
from desktop.plan.setup_form import SetupForm
from desktop.ui.common.keyed_action import keyed_action
from desktop.ui.plan.run_pick import RunPicker

# The dialogs, QMessageBox and QFileDialog included (PySide6 builds a class's enums when it is
# first imported), are imported when first opened: none is needed for the log on screen.

log = logging.getLogger(__name__)


class PlanActions(QObject):
    """Owns the plan actions and the dialog on screen; reports when the shown plan changed.

    Dialogs are opened window-modal with `open()`, never `exec()`, so the event loop keeps
    running and tests can answer them with key presses.
    """

    plan_changed = Signal()
    build_up_made = Signal()  # a new runner's or a fresh build-up: the Plan shows it
    message_posted = Signal(str)

    def __init__(
        self,
        *,
        planning_getter: Callable[[], Planning],
        parent: QWidget,
        selected_day: Callable[[], int | None] = lambda: None,
    ) -> None:
        super().__init__(parent)
        self._planning = planning_getter
        self._window = parent
        self.dialog: QDialog | None = None
        self.new_build_up_action = keyed_action(
            self._window, "&New build-up…", "Ctrl+N", self.open_setup
        )
        self.change_plan_action = keyed_action(
            self._window, "&Change race date or weekdays…", "Ctrl+Shift+R", self.open_change
        )
        self.checkin_action = keyed_action(
            self._window, "Weekly check-&in…", "Ctrl+K", self.request_checkin
        )
        self.exercises_action = keyed_action(
            self._window, "Choose e&xercises…", "Ctrl+Shift+X", self.open_exercises
        )
        self.export_action = keyed_action(
            self._window, "&Export plan as calendar…", "Ctrl+E", self._on_export_triggered
        )
        self.run_picker = RunPicker(
            planning_getter=planning_getter, selected_day=selected_day, parent=parent
        )
        self.run_picker.message_posted.connect(self.message_posted)
        self.update_enabled()

    def menu_actions(self) -> list[QAction]:
        """The Plan menu's actions above the athletes, in order."""
        return [
            self.new_build_up_action,
            self.change_plan_action,
            self.checkin_action,
            self.exercises_action,
            self.run_picker.action,
            self.export_action,
        ]

    def update_enabled(self) -> None:
        has_plan = self._planning().has_plan()
        plan_actions = (
            self.change_plan_action,
            self.checkin_action,
            self.exercises_action,
            self.run_picker.action,
            self.export_action,
        )
        for action in plan_actions:
            action.setEnabled(has_plan)

    def open_setup(self, *, name: str | None = None) -> None:
        """A new build-up; for the current athlete unless a name (possibly empty) is given."""
        current = self._planning().current_form() if name is None else None
        if current is not None:
            form = replace(current, race_date="")
        else:
            athlete = self._planning().current_athlete()
            typed = name if name is not None else athlete.name if athlete else ""
            form = SetupForm(name=typed, race_date="")
        from desktop.ui.plan.setup_dialog import SetupDialog

        dialog = SetupDialog(self._planning(), form=form, parent=self._window)
        dialog.form_accepted.connect(self._on_setup_form_accepted)
        self._show(dialog)

    def open_change(self) -> None:
        form = self._planning().current_form()
        if form is None:
            return
        from desktop.ui.plan.setup_dialog import SetupDialog

        dialog = SetupDialog(self._planning(), form=form, editing=True, parent=self._window)
        dialog.form_accepted.connect(self._on_change_form_accepted)
        self._show(dialog)

    def open_exercises(self) -> None:
        settings = self._planning().settings()
        if settings is None:
            return
        from desktop.ui.plan.exercises_dialog import ExercisesDialog

        dialog = ExercisesDialog(settings, parent=self._window)
        dialog.variant_chosen.connect(self._on_exercises_variant_chosen)
        self._show(dialog)

    def open_checkin(self) -> None:
        """Ask the weekly check-in if it is due; otherwise look for a second-day offer.

        Called unasked (at start, on switching runners): when nothing is due, nothing shows.
        """
        question = self._planning().checkin_due()
        if question is not None:
            self.ask_checkin(question)
        else:
            self.offer_second_day()

    def request_checkin(self) -> None:
        """The runner asked (Ctrl+K): as `open_checkin`, but when nothing is due say when the
        next check-in opens, and offer this week's now."""
        question = self._planning().checkin_due()
        if question is not None:
            self.ask_checkin(question)
        elif not self.offer_second_day():
            outlook = self._planning().checkin_outlook()
            if outlook is not None:
                from desktop.ui.plan.checkin_dialog import CheckinNotDueDialog

                not_due = CheckinNotDueDialog(outlook, parent=self._window)
                not_due.answer_now.connect(self._on_answer_now)
                self._show(not_due)

    def ask_checkin(self, question: CheckinQuestion) -> None:
        from desktop.ui.plan.checkin_dialog import CheckinDialog

        dialog = CheckinDialog(question, parent=self._window)
        dialog.checkin_answered.connect(self._on_checkin_answered)
        self._show(dialog)

    def offer_second_day(self) -> bool:
        """Re-judge the gate and offer the second day if it opened; True when offered."""
        # A re-plan of the second days is reported as a change to the log, which redraws the
        # plan: a gate judged again with nothing to change redraws nothing.
        offer = self._guarded(self._planning().refresh)
        if isinstance(offer, SecondDayOffer):
            settings = self._planning().settings()
            speed_day = settings.speed_day if settings else 2
            from desktop.ui.plan.second_day_dialog import SecondDayDialog

            dialog = SecondDayDialog(offer, speed_day=speed_day, parent=self._window)
            dialog.second_day_decided.connect(self._on_second_day_decided)
            self._show(dialog)
            return True
        return False

    def export_to(self, path: Path) -> None:
        try:
            count = self._guarded(lambda: self._planning().export_calendar(path))
        except OSError as error:  # a full disk, a folder gone: the reason, not a traceback
            log.error("Calendar not exported to %r: %s", str(path), error)
            reason = error.strerror or str(error)
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(self._window, "Not saved", f"Could not write {path}: {reason}.")
            return
        if count is not None:
            days = "double day" if count == 1 else "double days"
            self.message_posted.emit(f"Exported {count} {days} to {path}")

    def _show(self, dialog: QDialog) -> None:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog
        dialog.finished.connect(lambda _result, shown=dialog: self._on_dialog_finished(shown))
        dialog.open()

    def _guarded(self, call: Callable[[], object]) -> object | None:
        """Run a planning call; a problem the athlete can act on becomes a message box."""
        try:
            return call()
        except PlanInputError as error:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(self._window, "Cramproof", str(error))
        except StoreError as error:
            from PySide6.QtWidgets import QMessageBox

            log.error("Planning could not save: %s", error.message)
            QMessageBox.critical(self._window, "Not saved", error.message)
        return None

    def _saved(self, call: Callable[[], object]) -> bool:
        """Run a planning call that returns nothing; False when `_guarded` refused it."""

        def saving() -> bool:
            call()
            return True

        return self._guarded(saving) is True

    def _on_dialog_finished(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _on_setup_form_accepted(self, form: SetupForm) -> None:
        if self._guarded(lambda: self._planning().set_up(form)) is not None:
            self.update_enabled()
            self.build_up_made.emit()
            self.message_posted.emit(f"New build-up saved for {form.name.strip()}")

    def _on_change_form_accepted(self, form: SetupForm) -> None:
        if self._guarded(lambda: self._planning().change_plan(form)) is not None:
            self.plan_changed.emit()
            self.message_posted.emit("Re-planned from today; days already done are kept")

    def _on_exercises_variant_chosen(self, movement: str, variant_key: str | None) -> None:
        if self._guarded(lambda: self._planning().swap_variant(movement, variant_key)) is not None:
            self.plan_changed.emit()
            self.message_posted.emit("Exercises updated for every day of this plan")

    def _on_checkin_answered(self, pain: bool, recovered: bool) -> None:
        from desktop.ui.plan.checkin_dialog import CheckinDialog

        dialog = self.dialog
        if not isinstance(dialog, CheckinDialog):
            return
        week = dialog.question.week_start
        if self._saved(
            lambda: self._planning().record_checkin(week, pain=pain, recovered=recovered)
        ):
            self.message_posted.emit("Check-in saved")
        self.dialog = None
        self.offer_second_day()

    def _on_answer_now(self, question: CheckinQuestion) -> None:
        """Shown after the not-due dialog has closed (its `finished` comes after the choice)."""
        QTimer.singleShot(0, self, lambda: self.ask_checkin(question))

    def _on_second_day_decided(self, accept: bool) -> None:
        saved = self._saved(lambda: self._planning().decide_second_day(accept=accept))
        self.plan_changed.emit()
        if saved:
            word = "added: heavy after the speed run" if accept else "not this week"
            self.message_posted.emit(f"Second double day {word}")

    def _on_export_triggered(self) -> None:
        athlete = self._planning().current_athlete()
        suggested = Path.home() / f"cramproof-{athlete.name if athlete else 'plan'}.ics"
        from PySide6.QtWidgets import QFileDialog

        path, _filter = QFileDialog.getSaveFileName(
            self._window, "Export plan as calendar", str(suggested), "iCalendar (*.ics)"
        )
        if path:
            self.export_to(Path(path) if path.endswith(".ics") else Path(f"{path}.ics"))
