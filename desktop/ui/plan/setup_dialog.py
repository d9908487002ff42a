"""The setup form: name, race date, weeks, weekdays, cramp sites, units; checked as you type."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.buildup.model import BUILD_UP_WEEKS, WEEKDAY_NAMES, PlanInputError
from desktop.plan.planning import Planning
from desktop.plan.setup_form import SetupForm
from desktop.ui.plan.theme import BODY_PT, LARGE_PT, PRIMARY_BUTTON, message_style, sized_font

SITES = (
    ("calf", "&Calf"),
    ("hamstring", "&Hamstring"),
    ("quad", "&Quad"),
    ("foot", "F&oot"),
    ("other", "O&ther"),
)
START_HINT = "Type your name and race date (YYYY-MM-DD), then press Enter."


class SetupDialog(QDialog):
    """A build-up in under a minute: only name and race date need typing, the rest has defaults.

    With `editing` the name is fixed and accepting re-plans the current build-up instead.
    """

    form_accepted = Signal(object)

    def __init__(
        self,
        planning: Planning,
        *,
        form: SetupForm | None = None,
        editing: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._planning = planning
        self._touched = editing
        self.setWindowTitle("Change race date or weekdays" if editing else "Set up your build-up")
        self.setFont(sized_font(self, BODY_PT))
        self.setMinimumWidth(640)

        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("e.g. Ana")
        self.name_edit.setReadOnly(editing)
        self.race_edit = QLineEdit()
        self.race_edit.setPlaceholderText("YYYY-MM-DD, e.g. 2027-04-18")
        self.weeks_combo = QComboBox()
        for weeks in BUILD_UP_WEEKS:
            self.weeks_combo.addItem(f"{weeks} weeks", weeks)
        self.long_run_combo = _weekday_combo()
        self.speed_combo = _weekday_combo()
        self.site_boxes = {key: QCheckBox(label) for key, label in SITES}
        self.units_combo = QComboBox()
        self.units_combo.addItem("kg", "kg")
        self.units_combo.addItem("lb", "lb")
        self.message = QLabel(START_HINT)
        self.message.setObjectName("setupMessage")
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(72)
        self.message.setFont(sized_font(self, BODY_PT))
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText("Re-plan" if editing else "Create my plan")
        self.ok_button.setDefault(True)
        self.ok_button.setStyleSheet(PRIMARY_BUTTON)
        self.ok_button.setFont(sized_font(self, LARGE_PT, bold=True))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        self._lay_out()
        self._fill(form or SetupForm(name="", race_date=""))
        self._connect_changes()
        self._revalidate()
        (self.race_edit if editing or self.name_edit.text() else self.name_edit).setFocus()

    def form(self) -> SetupForm:
        """What the fields say right now."""
        return SetupForm(
            name=self.name_edit.text(),
            race_date=self.race_edit.text(),
            weeks=self.weeks_combo.currentData(),
            long_run_day=self.long_run_combo.currentData(),
            speed_day=self.speed_combo.currentData(),
            cramp_sites=tuple(key for key, box in self.site_boxes.items() if box.isChecked()),
            units=self.units_combo.currentData(),
        )

    def accept(self) -> None:
        """Enter or the button: only a form that passes is accepted; otherwise say why."""
        self._touched = True
        if not self._revalidate():
            return
        self.form_accepted.emit(self.form())
        super().accept()

    def _lay_out(self) -> None:
        fields = QFormLayout()
        fields.setVerticalSpacing(12)
        sites = QHBoxLayout()
        for box in self.site_boxes.values():
            sites.addWidget(box)
        sites.addStretch(1)
        rows = (
            ("&Name:", self.name_edit),
            ("&Race date:", self.race_edit),
            ("&Build-up:", self.weeks_combo),
            ("&Long run on:", self.long_run_combo),
            ("&Speed run on:", self.speed_combo),
            ("Legs that cramp:", sites),
            ("&Units:", self.units_combo),
        )
        for text, field in rows:
            label = QLabel(text)
            if isinstance(field, QWidget):
                label.setBuddy(field)
            fields.addRow(label, field)
        title = QLabel(self.windowTitle())
        title.setFont(sized_font(self, LARGE_PT + 4, bold=True))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(title)
        layout.addSpacing(8)
        layout.addLayout(fields)
        layout.addSpacing(8)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _fill(self, form: SetupForm) -> None:
        self.name_edit.setText(form.name)
        self.race_edit.setText(form.race_date)
        self.weeks_combo.setCurrentIndex(self.weeks_combo.findData(form.weeks))
        self.long_run_combo.setCurrentIndex(form.long_run_day)
        self.speed_combo.setCurrentIndex(form.speed_day)
        for key, box in self.site_boxes.items():
            box.setChecked(key in form.cramp_sites)
        self.units_combo.setCurrentIndex(self.units_combo.findData(form.units))

    def _connect_changes(self) -> None:
        self.name_edit.textEdited.connect(self._on_field_edited)
        self.race_edit.textEdited.connect(self._on_field_edited)
        for combo in (self.weeks_combo, self.long_run_combo, self.speed_combo, self.units_combo):
            combo.currentIndexChanged.connect(self._on_field_edited)
        for box in self.site_boxes.values():
            box.toggled.connect(self._on_field_edited)

    def _on_field_edited(self, *_args: object) -> None:
        self._touched = True
        self._revalidate()

    def _revalidate(self) -> bool:
        """Show what is wrong, or what the plan will be; before any typing, just a hint."""
        try:
            preview = self._planning.preview_setup(self.form())
        except PlanInputError as error:
            if self._touched:
                self._show(str(error), "error")
            else:
                self._show(START_HINT, "neutral")
            self.ok_button.setEnabled(False)
            return False
        self._show(preview.summary(), "ok")
        self.ok_button.setEnabled(True)
        return True

    def _show(self, text: str, state: str) -> None:
        self.message.setText(text)
        self.message.setProperty("state", state or "neutral")
        self.message.setStyleSheet(message_style(state))


def _weekday_combo() -> QComboBox:
    combo = QComboBox()
    for number, name in enumerate(WEEKDAY_NAMES):
        combo.addItem(name, number)
    return combo
