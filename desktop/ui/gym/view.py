"""Gym mode: the screen a runner lives in between sets, driven by the keyboard alone.

The view only forwards keys and button presses to the WorkoutSession and redraws from it; a
RestFollower sounds the rest's cues and feeds the timer panel. Open it with
`desktop.ui.gym.open_session.open_gym`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QHideEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from desktop.domain.gym.workout import Stage
from desktop.domain.gym.workout_text import out_of
from desktop.domain.rest.rest_timer import RestDisplay
from desktop.gym.underway.session import Outcome, Prompt, WorkoutSession
from desktop.ui.alerts.rest_follower import RestFollower
from desktop.ui.alerts.screen_awake import ScreenAwake
from desktop.ui.alerts.sound import CuePlayer
from desktop.ui.alerts.voice import Voice
from desktop.ui.common.eliding_label import ElidingLabel
from desktop.ui.gym.keys import REPEATABLE, Action, Field, action_for, primary_button
from desktop.ui.gym.panels.controls import Controls
from desktop.ui.gym.panels.focus_ring import next_in_ring
from desktop.ui.gym.panels.log_panel import LogPanel
from desktop.ui.gym.panels.set_panel import SetPanel, next_set_line
from desktop.ui.gym.panels.start_load_panel import StartLoadPanel
from desktop.ui.gym.panels.summary import SummaryPanel
from desktop.ui.gym.panels.timer_panel import TimerPanel
from desktop.ui.gym.session_calls import session_calls
from desktop.ui.gym.style import MESSAGE_FG, Look, current_look, set_pixel_font

log = logging.getLogger(__name__)

STOPWATCH_MS = 250
LEAVES_FINISHED = frozenset({Action.BACK, Action.CONFIRM, Action.FINISH, Action.BUTTON_PRIMARY})


class GymView(QWidget):
    """Renders one WorkoutSession; emits `session_finished(id)` and `closed()`."""

    session_finished = Signal(int)
    closed = Signal()
    status_posted = Signal(str)
    mute_toggled = Signal(bool)

    def __init__(
        self,
        session: WorkoutSession,
        *,
        player: CuePlayer | None = None,
        voice: Voice | None = None,
        screen: ScreenAwake | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.player = player or CuePlayer(parent=self)
        self.screen = screen or ScreenAwake()
        self.rests = RestFollower(session, self.player, voice=voice, parent=self)
        self._shown: tuple[Stage, int | None] | None = None  # the stage, the slot asked about
        self._look: Look | None = None
        self.setObjectName("gymView")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.heading, self.progress = ElidingLabel(), QLabel()
        for label, size in ((self.heading, 24), (self.progress, 20)):
            set_pixel_font(label, size, bold=True)
        self.set_panel, self.log_panel = SetPanel(), LogPanel()
        self.timer_panel, self.summary = TimerPanel(), SummaryPanel()
        self.start_load = StartLoadPanel()  # the first-time load question, over any stage
        self.pages = QStackedWidget()
        for page in (
            self.set_panel,
            self.log_panel,
            self.timer_panel,
            self.summary,
            self.start_load,
        ):
            self.pages.addWidget(page)
        self.message = QLabel()
        self.message.setStyleSheet(f"color: {MESSAGE_FG};")
        set_pixel_font(self.message, 22, bold=True)
        self.controls = Controls()
        header = QHBoxLayout(spacing=24)  # the heading, elided, never runs into the count
        header.setContentsMargins(16, 8, 16, 0)
        header.addWidget(self.heading, stretch=1)
        header.addWidget(self.progress)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addWidget(self.pages, stretch=1)
        layout.addWidget(self.message, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.controls)

        self._fields = {
            self.log_panel.reps: Field.NUMBER,
            self.log_panel.load: Field.NUMBER,
            self.start_load.field: Field.NUMBER,
            **{widget: Field.TEXT for widget in self.summary.typing_widgets},
            self.summary.cramps.severity: Field.TEXT,
        }
        for widget in self._fields:
            widget.installEventFilter(self)
        self.log_panel.reps_edited.connect(lambda text: self._edit(reps=text))
        self.log_panel.load_edited.connect(lambda text: self._edit(load=text))
        self.log_panel.form_clicked.connect(lambda: self.dispatch(Action.FORM))
        self.start_load.edited.connect(lambda text: self.session.start_load.type(text))
        self.controls.action_requested.connect(self.dispatch)
        self.player.flash_requested.connect(self._on_player_flash_requested)
        self.player.sound_unavailable.connect(self.status_posted)
        self.player.sound_unavailable.connect(self._render)  # "No sound: …" at once
        self._stopwatch = QTimer(self, interval=STOPWATCH_MS)
        self._stopwatch.timeout.connect(self._render)
        self.rests.ticked.connect(self._on_rests_ticked)
        self.apply_look(current_look())
        self.rests.sync()
        self._render()

    def apply_look(self, look: Look) -> None:
        """Restyle every part for the theme in force: the high-contrast gym theme is for here."""
        self._look = look
        self.setStyleSheet(f"QWidget#gymView {{ background: {look.background}; }}")
        for label in (self.heading, self.progress):
            label.setStyleSheet(f"color: {look.muted};")
        panels = (self.set_panel, self.log_panel, self.timer_panel, self.summary, self.start_load)
        for part in (self.controls, *panels):
            part.apply_look(look)

    def dispatch(self, action: Action | str) -> None:
        """The one place an action (a key's, from `keys.action_for`, or a button's) is carried
        out, on the session or on the screen; then the rest follower and the panels catch up."""
        action, session = Action(action), self.session
        if session.finished and action in LEAVES_FINISHED:
            self.closed.emit()
            return
        if action is Action.BUTTON_PRIMARY:
            action = primary_button(session.stage, session.prompt)
        load_asked = session.prompt is Prompt.UNUSUAL_LOAD
        if self._action_calls()[action]() is Outcome.LEFT:  # Enter in the leave prompt
            self.closed.emit()
            return
        self.rests.sync()
        self._render()
        if load_asked and session.prompt is None and session.stage is Stage.LOGGING:
            self.log_panel.load.setFocus(Qt.FocusReason.OtherFocusReason)  # correct it there
            self.log_panel.load.selectAll()

    def _action_calls(self) -> dict[Action, Callable[[], object]]:
        """Each action's one call: the session's method, or the screen's own for what needs
        the speaker, the window or the summary's fields. Built per call: a table kept on the
        view would tie the view's wrapper to itself and outlive the widget."""
        session = self.session
        return session_calls(session) | {
            Action.FINISH: self._finish,
            Action.FULLSCREEN: self._toggle_full_screen,
            Action.MUTE: self._toggle_mute,
            Action.LIGHT_LATER: partial(self.summary.move_light, session, 1),
            Action.LIGHT_EARLIER: partial(self.summary.move_light, session, -1),
        }

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._handle_key(event, Field.NONE):
            super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and watched in self._fields:
            return self._handle_key(event, self._fields[watched])  # type: ignore[arg-type]
        return super().eventFilter(watched, event)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab goes round the summary's note and report (and this screen), or the reps and
        load, never out to the toolbar, where the gym's keys do nothing (`focus_ring`)."""
        focus, stage = self.focusWidget(), self.session.stage
        ring = {Stage.SUMMARY: self, Stage.LOGGING: self.log_panel}.get(stage)
        if ring is not None and focus is not None:
            target = next_in_ring(ring, focus, forward=next)
            if target is not None:
                target.setFocus(Qt.FocusReason.TabFocusReason)
                return True
        return super().focusNextPrevChild(next)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # Switching the gym theme sets the application's palette: each widget hears PaletteChange.
        if event.type() == QEvent.Type.PaletteChange and current_look() is not self._look:
            self.apply_look(current_look())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.screen.hold()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def hideEvent(self, event: QHideEvent) -> None:
        self.screen.release()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shut_down()
        super().closeEvent(event)

    def shut_down(self) -> None:
        """Stop the timers, keep a note typed a moment ago, let the screen sleep."""
        self._stopwatch.stop()
        self.summary.flush_note()
        self.rests.stop()
        self.screen.release()

    def _handle_key(self, event: QKeyEvent, field: Field) -> bool:
        session = self.session
        action = action_for(
            event.key(), event.modifiers(), field=field, stage=session.stage, prompt=session.prompt
        )
        if action is None:
            return False
        if event.isAutoRepeat() and action not in REPEATABLE:
            return True  # a Space held a moment too long must not start and end a set
        self.dispatch(action)
        return True

    def _edit(self, *, reps: str | None = None, load: str | None = None) -> None:
        self.session.edit(reps=reps, load=load)
        self._render()

    def _finish(self) -> None:
        session = self.session
        if session.finish(notes=self.summary.note_text(), cramp=self.summary.cramp_answer()):
            self.summary.keep_light(session)
            self.session_finished.emit(session.session_id)
        elif session.message:  # refused: said in the status line too; Enter retries
            self.status_posted.emit(session.message)

    def _toggle_mute(self) -> None:
        self.mute_toggled.emit(self.player.toggle_mute())

    def _toggle_full_screen(self) -> None:
        window = self.window()
        window.showNormal() if window.isFullScreen() else window.showFullScreen()

    def _render(self) -> None:
        session = self.session
        asked = session.start_load.slot if session.prompt is Prompt.START_LOAD else None
        stage, shown = session.stage, (session.stage, asked)
        entering, self._shown = shown != self._shown, shown
        summary = session.summary
        sound = "Muted (M)" if self.player.muted else "Sound on (M)"
        if self.player.unavailable_reason and not self.player.muted:
            sound = "No sound: the timer flashes"
        sets = out_of(summary.work_sets, summary.sets_planned, "set", sep="/")
        self.progress.setText(f"{sets}  ·  {sound}")
        pages = {
            Stage.READY: self.set_panel,
            Stage.LIFTING: self.set_panel,
            Stage.LOGGING: self.log_panel,
            Stage.RESTING: self.timer_panel,
            Stage.SUMMARY: self.summary,
        }
        page = pages[stage] if asked is None else self.start_load
        self.setFocusProxy(None if asked is None else self.start_load.field)  # the app's focus too
        self.pages.setCurrentWidget(page)
        cue = "" if page is self.set_panel else f"  ·  {session.plan.cue}"  # the panel shows it
        self.heading.setText(f"{session.plan.kind.upper()} SESSION{cue}")
        if page is self.set_panel:
            self.set_panel.show_session(session)
        elif page is self.start_load:  # it takes the focus for its field on a new question
            self.start_load.show_session(session, fresh=entering)
        elif stage is Stage.LOGGING:
            self.log_panel.show_session(session, fresh=entering)
        elif stage is Stage.SUMMARY:
            self.summary.show_session(session)
        own_message = stage in (Stage.LOGGING, Stage.SUMMARY) or asked is not None
        self.message.setText("" if own_message else session.message or "")
        self.message.setVisible(bool(self.message.text()))
        self.controls.show_session(session, summary_offers=self.summary.offers())
        if stage is not Stage.LIFTING:
            self._stopwatch.stop()
        elif not self._stopwatch.isActive():
            self._stopwatch.start()
        if entering and stage is not Stage.LOGGING and asked is None:
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(object)
    def _on_rests_ticked(self, display: RestDisplay) -> None:
        rest = self.session.rest
        if rest is not None:
            next_text = next_set_line(self.session)
            self.timer_panel.show_display(display, rest.window, next_text=next_text)
            if self.session.prompt is not None:
                self.controls.show_session(self.session)

    @Slot(str)
    def _on_player_flash_requested(self, _cue: str) -> None:
        self.timer_panel.flash()
