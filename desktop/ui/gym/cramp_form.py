"""The cramp report after a long run (resources/help/protocol.md, "Cramp log"): cramped? where?
at what distance? how bad?

Unanswered is a real answer here: no report is stored unless the runner says yes or no.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from desktop.gym.closing.finish import MAX_SEVERITY, REPORT_SITES, CrampAnswer

SEVERITY_WORDS = "0 none · 1 twinges · 2 had to slow · 3 had to stop"


class CrampForm(QGroupBox):
    """Three answers (not answered / no / yes); where, how far and how bad only after yes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("After today's run: did anything cramp?", parent)
        self.unanswered = QRadioButton("Skip")
        self.no = QRadioButton("No cramps")
        self.yes = QRadioButton("Cramped")
        self._answers = QButtonGroup(self)
        for button in (self.unanswered, self.no, self.yes):
            self._answers.addButton(button)
        self.unanswered.setChecked(True)
        self.sites = {site: QCheckBox(site.capitalize()) for site in REPORT_SITES}
        self.distance = QLineEdit()
        self.distance.setPlaceholderText("km, e.g. 32")
        self.distance.setMaximumWidth(180)
        self.severity = QSpinBox()
        self.severity.setRange(0, MAX_SEVERITY)
        self.severity.setValue(1)

        answers = QHBoxLayout()
        for button in (self.unanswered, self.no, self.yes):
            answers.addWidget(button)
        answers.addStretch(1)
        where = QHBoxLayout()
        for box in self.sites.values():
            where.addWidget(box)
        where.addStretch(1)
        self._details = QWidget()
        details = QGridLayout(self._details)
        details.setContentsMargins(0, 0, 0, 0)
        details.addWidget(QLabel("Where"), 0, 0)
        details.addLayout(where, 0, 1)
        details.addWidget(QLabel("At km"), 1, 0)
        details.addWidget(self.distance, 1, 1, Qt.AlignmentFlag.AlignLeft)
        details.addWidget(QLabel("Severity"), 2, 0)
        severity = QHBoxLayout()
        severity.addWidget(self.severity)
        severity.addWidget(QLabel(SEVERITY_WORDS))
        severity.addStretch(1)
        details.addLayout(severity, 2, 1)
        layout = QGridLayout(self)
        layout.addLayout(answers, 0, 0)
        layout.addWidget(self._details, 1, 0)
        self.yes.toggled.connect(self._on_yes_toggled)
        self._details.setVisible(False)

    def answer(self) -> CrampAnswer | None:
        """What to store; None while the question is skipped."""
        if self.unanswered.isChecked():
            return None
        if self.no.isChecked():
            return CrampAnswer(cramped=False)
        chosen = tuple(site for site, box in self.sites.items() if box.isChecked())
        return CrampAnswer(
            cramped=True,
            sites=chosen,
            distance=self.distance.text(),
            severity=self.severity.value(),
        )

    def _on_yes_toggled(self, checked: bool) -> None:
        self._details.setVisible(checked)
