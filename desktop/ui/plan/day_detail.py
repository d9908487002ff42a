"""The prescription of the selected double day: both sessions, their dose, exercises and cue."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from desktop.domain.buildup.model import After, SessionPrescription
from desktop.plan.overview import DayEntry, WeekEntry
from desktop.plan.prescription_text import (
    PHASE_WORDS,
    day_context,
    day_heading,
    dose,
    exercise_names,
    long_date,
    when,
)
from desktop.ui.common.pyside_compat import (
    ALIGN_LEFT,
    ALIGN_TOP,
    NO_TEXT_INTERACTION,
    RICH_TEXT,
    align,
)
from desktop.ui.common.rich_text import escape
from desktop.ui.plan.theme import BODY_PT, LARGE_PT, STATUS_STYLE, sized_font

HEADING_PT = LARGE_PT
PICK_HINT = "Ctrl+L: choose which run it was"


class DayDetail(QLabel):
    """Rich text that reads top to bottom: the day, its status, then heavy and light."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dayDetail")
        self.setWordWrap(True)
        self.setProperty("textFormat", RICH_TEXT)  # by number: see pyside_compat
        align(self, ALIGN_TOP | ALIGN_LEFT)
        self.setFont(sized_font(self, BODY_PT))
        self.setProperty("textInteractionFlags", NO_TEXT_INTERACTION)

    def show_day(self, entry: DayEntry, run: str = "") -> None:
        """`run`: the run the day hangs on, or how long after it the heavy session began."""
        day = entry.day
        parts = [
            f"<p style='margin:0; font-size:{HEADING_PT}pt'><b>{escape(day_heading(day))}</b></p>",
            f"<p style='margin-top:2px'>{escape(day_context(day))}</p>",
            f"<p><b>Heavy:</b> {_status(entry.heavy)} &nbsp;·&nbsp; "
            f"<b>Light:</b> {_status(entry.light)}</p>",
        ]
        if run:  # the key that picks another run, where the run is named (ui/plan/run_pick.py)
            parts.append(f"<p><b>{escape(run)}</b><br>{PICK_HINT}</p>")
        if day.conditional:
            parts.append(
                "<p><i>Second double day: it happens only once the gate opens "
                "(three good weeks) and you accept it.</i></p>"
            )
        parts += [_session_html(day.heavy, day.after), _session_html(day.light, day.after)]
        self.setText("".join(parts))

    def show_week(self, week: WeekEntry) -> None:
        if week.phase == "taper":
            body = (
                "Taper: no strength double days in the last three weeks before the race. "
                "Run, rest and arrive fresh."
            )
        elif not week.days:
            body = "No double day left in this week."
        else:
            body = "Select a double day to see what to lift."
        self.setText(
            f"<p style='margin:0; font-size:{HEADING_PT}pt'><b>Week {week.number} · "
            f"{week.weeks_out} weeks out</b></p>"
            f"<p>{escape(long_date(week.start))} to {escape(long_date(week.end))} · "
            f"{PHASE_WORDS[week.phase]}</p><p>{escape(body)}</p>"
        )


def _status(status: str) -> str:
    _bg, _ink, symbol, word = STATUS_STYLE[status]
    return f"{symbol} {escape(word)}"


def _session_html(session: SessionPrescription, after: After) -> str:
    names = " · ".join(escape(name) for name in exercise_names(session))
    return (
        f"<h3 style='margin-bottom:2px'>{escape(when(session, after))}</h3>"
        f"<p style='margin:2px 0'><b>{escape(dose(session))}</b></p>"
        f"<p style='margin:2px 0'>{names}</p>"
        f"<p style='margin-top:2px'><i>Cue: {escape(session.cue)}</i></p>"
    )
