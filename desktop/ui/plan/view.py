"""The plan view: the whole build-up on one screen, today's session one key away."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.plan.light_session import TOO_LATE_TEXT
from desktop.plan.overview import PlanOverview
from desktop.plan.prescription_text import AFTER_WORDS, long_date, short_date
from desktop.ui.common.pyside_compat import ALIGN_BOTTOM, ALIGN_LEFT, align
from desktop.ui.plan.day_detail import DayDetail
from desktop.ui.plan.table import DAY_ROLE, LEGEND, LEGEND_WORDS, PlanTable
from desktop.ui.plan.theme import (
    BODY_PT,
    LARGE_PT,
    PRIMARY_BUTTON,
    TITLE_PT,
    message_style,
    sized_font,
)


class PlanView(QWidget):
    """Renders a PlanOverview; "Start" asks for today's heavy or light session."""

    session_start_requested = Signal(str)

    def __init__(self, overview: PlanOverview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._overview = overview
        self.title = QLabel()
        self.title.setObjectName("planTitle")
        self.title.setFont(sized_font(self, TITLE_PT, bold=True))
        self.subtitle = QLabel()
        self.subtitle.setFont(sized_font(self, LARGE_PT))
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setFont(sized_font(self, BODY_PT))
        self.legend = QLabel(f"{LEGEND}\n{LEGEND_WORDS}")
        self.legend.setWordWrap(True)
        self.legend.setFont(sized_font(self, BODY_PT - 1))

        self.table = PlanTable(overview)
        # The keys land on the weeks whenever the plan comes on screen: the table's own setFocus
        # while the plan is built, before it is in the window, is forgotten, and the window
        # then gave the first start's keys to the athlete box (Down picked "Add athlete…").
        self.setFocusProxy(self.table)
        self.table.day_chosen.connect(self._on_table_day_chosen)
        self.table.week_chosen.connect(self._on_table_week_chosen)
        self.today_label = QLabel()
        self.today_label.setWordWrap(True)
        self.today_label.setFont(sized_font(self, LARGE_PT, bold=True))
        self.start_button = QPushButton()
        self.start_button.setObjectName("startButton")
        self.start_button.setMinimumHeight(64)
        self.start_button.setFont(sized_font(self, LARGE_PT, bold=True))
        # Less side padding than the theme's: the words fit the narrow panel of a 1024-px window.
        self.start_button.setStyleSheet(PRIMARY_BUTTON + "QPushButton { padding: 10px 12px; }")
        self.start_button.clicked.connect(self._on_start_button_clicked)
        self.detail = DayDetail()

        self._lay_out()
        self._show(selected=None)  # PlanTable filled itself from the same overview

    @property
    def overview(self) -> PlanOverview:
        return self._overview

    def set_overview(self, overview: PlanOverview) -> None:
        """Show a fresh overview, keeping the selected day when it is still in the plan."""
        selected = self._selected_day_id()
        self._overview = overview
        self.table.show_overview(overview)
        self._show(selected=selected)

    def _show(self, *, selected: int | None) -> None:
        overview = self._overview
        settings, today = overview.settings, overview.today
        self.title.setText(f"{overview.athlete}'s build-up")
        days_left = (settings.race_date - today).days
        when = f"in {days_left} days" if days_left > 0 else "today" if days_left == 0 else "over"
        self.subtitle.setText(f"Race day {long_date(settings.race_date)} · {when}")
        notes = [text for text in (overview.warning, overview.note) if text]
        self.notes.setText("\n".join(notes))
        self.notes.setVisible(bool(notes))
        self.notes.setStyleSheet(message_style("neutral"))
        self._show_today()
        target = selected if selected in {e.day_id for e in overview.days} else None
        target = target or next(
            (e.day_id for e in (overview.due(), overview.next_day()) if e is not None), None
        )
        cell = None if target is None else self.table.day_cell(target)
        current = next((week for week in overview.weeks if week.current), None)
        if cell is None and current is not None:  # nothing left to lift (the taper): this week
            row = self.table.week_row(current.number)
            cell = None if row is None else (row, 1)
        if cell is not None:
            self.table.setCurrentCell(*cell)
        self.table.setFocus()

    def _lay_out(self) -> None:
        side = QFrame()
        side.setObjectName("todayPanel")
        side.setMinimumWidth(280)  # leaves the table room to read whole at 1024 px wide
        side.setMaximumWidth(460)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(16, 0, 0, 0)
        side_layout.addWidget(self.today_label)
        side_layout.addWidget(self.start_button)
        side_layout.addSpacing(12)
        scroller = QScrollArea()
        scroller.setWidget(self.detail)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        side_layout.addWidget(scroller, 1)
        body = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.table, 1)
        left.addWidget(self.legend)
        body.addLayout(left, 1)
        body.addWidget(side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 10)
        heading = QHBoxLayout()  # one line for both: a 600-pixel-high window needs the room
        heading.addWidget(self.title)
        heading.addSpacing(16)
        heading.addWidget(self.subtitle, 1)
        align(self.subtitle, ALIGN_BOTTOM | ALIGN_LEFT)  # level with the title's baseline
        layout.addLayout(heading)
        layout.addWidget(self.notes)
        layout.addSpacing(6)
        layout.addLayout(body, 1)

    def _show_today(self) -> None:
        opened = self._overview.open_session
        if opened is not None:  # left mid-rest (another runner's turn, a crash): still hers
            since = opened.started_at.astimezone()
            self.today_label.setText(
                f"Your {opened.kind} session from {since:%H:%M} is still open: F5 resumes it."
            )
            self.start_button.setText(f"&Resume {opened.kind} session")
            self.start_button.setEnabled(True)
            return
        due, kind = self._overview.due(), self._overview.next_kind()
        if due is None or kind is None:
            upcoming = self._overview.next_day()
            text = "Nothing to lift today."
            if upcoming is not None:
                extra = " (if the gate opens)" if upcoming.day.conditional else ""
                text += f" Next: {short_date(upcoming.day.date)}{extra}."
            self.today_label.setText(text)
            self.start_button.setText("No session today")
            self.start_button.setEnabled(False)
            return
        day = due.day
        where = f", right after {AFTER_WORDS[day.after]}" if kind == "heavy" else ", later today"
        light_at = self._overview.light_at
        if kind == "light" and due.is_today and light_at is not None:
            where = f" at {light_at.astimezone():%H:%M}"  # the time the heavy session set
        label = "Today" if due.is_today else f"Still open from {short_date(day.date)}"
        text = f"{label}: {kind} session{where}."
        if kind == "light" and due.is_today and light_at is None and self._overview.light_too_late:
            text = TOO_LATE_TEXT  # the words the heavy session's summary used
        self.today_label.setText(text)
        self.start_button.setText(f"&Start {kind} session")
        self.start_button.setEnabled(True)

    def chosen_day(self) -> int | None:
        """The double day selected while the plan is on show: the one Ctrl+L picks the run of."""
        return self._selected_day_id() if self.isVisible() else None

    def _selected_day_id(self) -> int | None:
        item = self.table.currentItem()
        return None if item is None else item.data(DAY_ROLE)

    def _on_table_day_chosen(self, day_id: int) -> None:
        entry = next((e for e in self._overview.days if e.day_id == day_id), None)
        if entry is not None:
            self.detail.show_day(entry, self._overview.runs.get(day_id, ""))

    def _on_table_week_chosen(self, number: int) -> None:
        week = next((w for w in self._overview.weeks if w.number == number), None)
        if week is not None:
            self.detail.show_week(week)

    def _on_start_button_clicked(self) -> None:
        opened = self._overview.open_session
        kind = opened.kind if opened is not None else self._overview.next_kind()
        if kind is not None:
            self.session_start_requested.emit(kind)
