"""The build-up as one table: a row per week counted down to race day, a cell per double day."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Signal
from PySide6.QtGui import QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
)

from desktop.domain.buildup.model import WEEKDAY_NAMES
from desktop.plan.overview import DayEntry, PlanOverview, WeekEntry
from desktop.plan.prescription_text import PHASE_WORDS, long_date
from desktop.ui.common.pyside_compat import (
    ALIGN_CENTER,
    BACKGROUND_ROLE,
    FOREGROUND_ROLE,
    TEXT_ALIGNMENT_ROLE,
    USER_ROLE,
)
from desktop.ui.plan.theme import (
    ACCENT,
    BODY_PT,
    CURRENT_WEEK_BG,
    STATUS_STYLE,
    TAPER_BG,
    TAPER_INK,
    colour,
    sized_font,
)

DAY_ROLE = USER_ROLE
WEEK_ROLE = USER_ROLE + 1
DAY_COLUMNS = {"long_run": 3, "speed_run": 4}
LEGEND = (
    "H heavy, right after the run · L light, later that day · ✓ done · ◐ partly · ✗ missed · "
    "● today · ○ to do · ? if the gate opens"
)
GATE = (
    "The gate opens the second double day (after the speed run): every heavy session of the "
    "last three weeks done, and the weekly check-ins say no pain and normal recovery. "
    "Cramproof then offers it; you decide."
)
PHASES = {
    "phase1": "Phase 1, the first weeks: one double day a week, after the long run.",
    "phase2": (
        "Phase 2: the long-run double day, plus a second one after the speed run once the gate "
        "opens."
    ),
    "taper": "Taper, the last three weeks: no strength work; arrive fresh.",
}
LEGEND_WORDS = (
    "Phase 1: one double day a week · Phase 2: a second one once the gate opens "
    "(three good weeks: heavy sessions done, no pain, recovered)"
)
HEADER_TIPS = {
    0: "How many weeks before race day",
    2: " ".join(PHASES.values()),
    4: GATE,
}


class PlanTable(QTableWidget):
    """Selecting a cell reports the day (`day_chosen`) or the week (`week_chosen`) under it."""

    day_chosen = Signal(int)
    week_chosen = Signal(int)

    def __init__(self, overview: PlanOverview) -> None:
        super().__init__()
        self.setObjectName("planTable")
        self.setFont(sized_font(self, BODY_PT))
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        # Rows as low as the text allows (stretched when there is room): the whole build-up
        # fits a 600-pixel-high window.
        row_height = self.fontMetrics().height() + 4
        self.verticalHeader().setMinimumSectionSize(row_height)
        self.horizontalHeader().setFont(sized_font(self, BODY_PT, bold=True))
        self.horizontalHeader().setHighlightSections(False)
        self.setStyleSheet("QTableWidget { gridline-color: #9aa3ad; }")
        self.setItemDelegate(_OutlinedSelection(self))
        self.currentCellChanged.connect(self._on_current_cell_changed)
        self.show_overview(overview)

    def show_overview(self, overview: PlanOverview) -> None:
        settings = overview.settings
        self.clear()
        self.setColumnCount(5)
        # Two lines each, so that the table reads whole in a 1024-pixel-wide window.
        self.setHorizontalHeaderLabels(
            [
                "Weeks\nout",
                "Week",
                "Phase",
                f"Long-run day\n({WEEKDAY_NAMES[settings.long_run_day][:3]})",
                f"Speed-run day\n({WEEKDAY_NAMES[settings.speed_day][:3]})",
            ]
        )
        for column, tip in HEADER_TIPS.items():
            header_item = self.horizontalHeaderItem(column)
            if header_item is not None:
                header_item.setToolTip(tip)
        rows = len(overview.weeks) + 1 + (1 if overview.earlier else 0)
        self.setRowCount(rows)
        row = 0
        if overview.earlier:
            self._label_row(row, "Earlier", "days done for an earlier race date")
            for entry in overview.earlier:
                self.setItem(row, DAY_COLUMNS[entry.day.after], _day_item(entry))
            row += 1
        for week in overview.weeks:
            self._week_row(row, week)
            row += 1
        self._label_row(row, "Race", f"Race day: {long_date(settings.race_date)}")
        header = self.horizontalHeader()
        # Every column as wide as its widest text, the last one taking what is left: a stretched
        # column is cut to a share of the width, and its text elided ("? if ga…"). The widths
        # are measured once per overview: ResizeToContents measured every cell again at each
        # layout of the window (2% of the instructions to the log on screen).
        widths = [
            max(header.sectionSizeHint(column), self.sizeHintForColumn(column))
            for column in range(self.columnCount())
        ]
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        for column, width in enumerate(widths):
            header.resizeSection(column, width)
        header.setStretchLastSection(True)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # Every header and cell reads whole with a vertical scroll bar (a short window scrolls
        # the weeks rather than cutting their text).
        bar = self.verticalScrollBar().sizeHint().width()  # the style's scroll bar extent
        self.setMinimumWidth(sum(widths) + bar + 2 * self.frameWidth() + 2)

    def day_cell(self, day_id: int) -> tuple[int, int] | None:
        """Row and column of a day's cell, or None."""
        for row in range(self.rowCount()):
            for column in DAY_COLUMNS.values():
                item = self.item(row, column)
                if item is not None and item.data(DAY_ROLE) == day_id:
                    return row, column
        return None

    def week_row(self, number: int) -> int | None:
        for row in range(self.rowCount()):
            item = self.item(row, 0)
            if item is not None and item.data(WEEK_ROLE) == number:
                return row
        return None

    def _week_row(self, row: int, week: WeekEntry) -> None:
        out = f"▶ {week.weeks_out}" if week.current else str(week.weeks_out)
        dates = (
            f"{week.start.day}–{week.end.day} {week.end:%b}"
            if week.start.month == week.end.month
            else f"{week.start.day} {week.start:%b} – {week.end.day} {week.end:%b}"
        )
        texts = (out, dates, PHASE_WORDS[week.phase])
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            item.setData(WEEK_ROLE, week.number)
            if column == 2:
                item.setToolTip(PHASES[week.phase])
            if week.current:
                item.setFont(sized_font(self, BODY_PT, bold=True))
                item.setData(BACKGROUND_ROLE, colour(CURRENT_WEEK_BG))
            if week.phase == "taper":
                item.setData(BACKGROUND_ROLE, colour(TAPER_BG))
                item.setData(FOREGROUND_ROLE, colour(TAPER_INK))
            if column == 0:
                item.setData(TEXT_ALIGNMENT_ROLE, ALIGN_CENTER)
            self.setItem(row, column, item)
        if week.phase == "taper":
            taper = QTableWidgetItem("Taper: no strength work")
            taper.setData(WEEK_ROLE, week.number)
            taper.setData(BACKGROUND_ROLE, colour(TAPER_BG))
            taper.setData(FOREGROUND_ROLE, colour(TAPER_INK))
            font = sized_font(self, BODY_PT)
            font.setItalic(True)
            taper.setFont(font)
            self.setSpan(row, 3, 1, 2)
            self.setItem(row, 3, taper)
            return
        for column in DAY_COLUMNS.values():
            empty = QTableWidgetItem("")
            empty.setData(WEEK_ROLE, week.number)
            self.setItem(row, column, empty)
        for entry in week.days:
            self.setItem(row, DAY_COLUMNS[entry.day.after], _day_item(entry))

    def _label_row(self, row: int, label: str, text: str) -> None:
        self.setItem(row, 0, QTableWidgetItem(label))
        self.setSpan(row, 1, 1, 4)
        item = QTableWidgetItem(text)
        item.setFont(sized_font(self, BODY_PT, bold=True))
        self.setItem(row, 1, item)

    def _on_current_cell_changed(self, row: int, column: int, *_previous: int) -> None:
        item = self.item(row, column)
        if item is None:
            return
        if item.data(DAY_ROLE) is not None:
            self.day_chosen.emit(item.data(DAY_ROLE))
        elif item.data(WEEK_ROLE) is not None:
            self.week_chosen.emit(item.data(WEEK_ROLE))


def cell_text(entry: DayEntry) -> str:
    """E.g. "▶ 31 Jan  H ✓ L ○"; a conditional day says so in words. The weekday is in the
    column's header, which keeps the cells short enough to read whole in a narrow window."""
    prefix = "▶ " if entry.is_today else ""
    when = f"{entry.day.date.day} {entry.day.date:%b}"
    if entry.status == "conditional":
        return f"{prefix}{when}  ? if gate opens"
    heavy, light = STATUS_STYLE[entry.heavy][2], STATUS_STYLE[entry.light][2]
    return f"{prefix}{when}  H {heavy}  L {light}"


def _day_item(entry: DayEntry) -> QTableWidgetItem:
    item = QTableWidgetItem(cell_text(entry))
    item.setData(DAY_ROLE, entry.day_id)
    status = entry.status
    if entry.is_today and status not in ("done", "partly"):
        status = "today"
    background, ink, _symbol, _word = STATUS_STYLE[status]
    item.setData(BACKGROUND_ROLE, colour(background))
    item.setData(FOREGROUND_ROLE, colour(ink))
    heavy_word, light_word = STATUS_STYLE[entry.heavy][3], STATUS_STYLE[entry.light][3]
    tip = f"{long_date(entry.day.date)}: heavy {heavy_word}, light {light_word}"
    if entry.status == "conditional":
        tip = f"{long_date(entry.day.date)}: only if the gate opens. {GATE}"
    item.setToolTip(tip)
    if entry.is_today:
        font = item.font()
        font.setBold(True)
        item.setFont(font)
    return item


class _OutlinedSelection(QStyledItemDelegate):
    """Draws the selected cell with its own status colour and a thick outline, so selecting a
    day never hides whether it was done."""

    def __init__(self, table: QTableWidget) -> None:
        super().__init__(table)
        self._table = table
        self._outline = QPen()
        self._outline.setColor(colour(ACCENT))
        self._outline.setWidth(4)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        table = self._table
        selected = table.selectionModel().isSelected(index)
        if not selected and index != table.currentIndex():
            super().paint(painter, option, index)  # neither selected nor focused: as Qt draws it
            return
        # The cell as the view draws an unselected, unfocused one, from the view's own base
        # option: clearing the bits in `option.state` would build all of `QStyle`'s enums
        # (about 10 ms before the log is on screen; tests/test_startup.py).
        plain = QStyleOptionViewItem()
        table.initViewItemOption(plain)
        plain.rect = option.rect
        super().paint(painter, plain, index)
        if selected:  # stroked as a path: `setPen`'s overloads would build `Qt` (pyside_compat)
            outline = QPainterPath()
            outline.addRect(option.rect.adjusted(2, 2, -2, -2))
            painter.strokePath(outline, self._outline)
