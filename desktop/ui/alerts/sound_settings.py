"""Sound settings: volume, output device, mute, and "Test the alert" (heard from the rack?)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSlider,
    QWidget,
)

from desktop.ui.alerts.sound import CuePlayer

DEFAULT_DEVICE = "System default"


class SoundSettingsDialog(QDialog):
    """Changes apply to the player at once; `settings_changed` lets the window remember them."""

    settings_changed = Signal(float, bool, object)  # volume, muted, device or None

    def __init__(self, player: CuePlayer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sound")
        self._player = player
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setValue(round(player.volume * 100))
        self.device = QComboBox()
        self.device.addItem(DEFAULT_DEVICE, None)
        for name in player.output_devices():
            self.device.addItem(name, name)
        self.device.setCurrentIndex(max(0, self.device.findData(player.device)))
        self.muted = QCheckBox("&Mute the cues (the timer flashes instead)")
        self.muted.setChecked(player.muted)
        self.test_button = QPushButton("&Test the alert")
        self.status = QLabel(player.unavailable_reason or "")
        self.status.setWordWrap(True)
        layout = QFormLayout(self)
        layout.addRow("&Volume:", self.volume)
        layout.addRow("&Output:", self.device)
        layout.addRow(self.muted)
        layout.addRow(self.test_button)
        layout.addRow(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
        self.volume.valueChanged.connect(self._on_setting_changed)
        self.device.currentIndexChanged.connect(self._on_setting_changed)
        self.muted.toggled.connect(self._on_setting_changed)
        self.test_button.clicked.connect(self._on_test_button_clicked)

    def _on_setting_changed(self) -> None:
        volume, muted, device = self.volume.value() / 100, self.muted.isChecked(), None
        device = self.device.currentData()
        self._player.set_volume(volume)
        self._player.set_muted(muted)
        self._player.set_device(device)
        self.settings_changed.emit(volume, muted, device)

    def _on_test_button_clicked(self) -> None:
        self._player.test_alert()
        reason = self._player.unavailable_reason
        self.status.setText(reason or "Played the ready cue. Turn it up if it was quiet.")
