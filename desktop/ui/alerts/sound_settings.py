"""Sound settings: chime, chime and voice, or off; volume, output device, the voice's rate and
volume, and "Test the alert" / "Test the voice" (heard from the rack?)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
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
from desktop.ui.alerts.voice import Voice

DEFAULT_DEVICE = "System default"
CHIME, CHIME_AND_VOICE, OFF = "Chime", "Chime and voice", "Off (the timer flashes)"
RATE_STEPS = 10  # the rate slider runs -10..10, QTextToSpeech takes -1..1


class SoundSettingsDialog(QDialog):
    """Changes apply to the player at once; `settings_changed` lets the window remember them."""

    settings_changed = Signal(float, bool, object)  # volume, muted, device or None

    def __init__(self, player: CuePlayer, voice: Voice, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sound")
        self._player, self._voice = player, voice
        self.cues = QComboBox()
        self.cues.addItems([CHIME, CHIME_AND_VOICE, OFF])
        chosen = OFF if player.muted else CHIME_AND_VOICE if voice.enabled else CHIME
        self.cues.setCurrentText(chosen)
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setValue(round(player.volume * 100))
        self.device = QComboBox()
        self.device.addItem(DEFAULT_DEVICE, None)
        for name in player.output_devices():
            self.device.addItem(name, name)
        self.device.setCurrentIndex(max(0, self.device.findData(player.device)))
        self.voice_rate = QSlider(Qt.Orientation.Horizontal)
        self.voice_rate.setRange(-RATE_STEPS, RATE_STEPS)
        self.voice_rate.setValue(round(voice.rate * RATE_STEPS))
        self.voice_volume = QSlider(Qt.Orientation.Horizontal)
        self.voice_volume.setRange(0, 100)
        self.voice_volume.setValue(round(voice.volume * 100))
        self.test_button = QPushButton("&Test the alert")
        self.test_voice_button = QPushButton("Test the v&oice")
        reasons = [player.unavailable_reason, voice.unavailable_reason]
        self.status = QLabel("\n".join(reason for reason in reasons if reason))
        self.status.setWordWrap(True)
        layout = QFormLayout(self)
        layout.addRow("&Cues:", self.cues)
        layout.addRow("&Volume:", self.volume)
        layout.addRow("&Output:", self.device)
        layout.addRow("Voice &rate:", self.voice_rate)
        layout.addRow("Voice vo&lume:", self.voice_volume)
        layout.addRow(self.test_button)
        layout.addRow(self.test_voice_button)
        layout.addRow(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
        self.volume.valueChanged.connect(self._on_setting_changed)
        self.device.currentIndexChanged.connect(self._on_setting_changed)
        self.cues.currentIndexChanged.connect(self._on_setting_changed)
        self.voice_rate.valueChanged.connect(self._on_setting_changed)
        self.voice_volume.valueChanged.connect(self._on_setting_changed)
        self.test_button.clicked.connect(self._on_test_button_clicked)
        self.test_voice_button.clicked.connect(self._on_test_voice_button_clicked)
        voice.voice_unavailable.connect(self.status.setText)  # the speech process answers later

    def _on_setting_changed(self) -> None:
        volume, muted = self.volume.value() / 100, self.cues.currentText() == OFF
        device = self.device.currentData()
        self._player.set_volume(volume)
        self._player.set_muted(muted)
        self._player.set_device(device)
        self._voice.set_enabled(self.cues.currentText() == CHIME_AND_VOICE)
        self._voice.set_rate(self.voice_rate.value() / RATE_STEPS)
        self._voice.set_volume(self.voice_volume.value() / 100)
        self.settings_changed.emit(volume, muted, device)

    def _on_test_button_clicked(self) -> None:
        self._player.test_alert()
        reason = self._player.unavailable_reason
        self.status.setText(reason or "Played the ready cue. Turn it up if it was quiet.")

    def _on_test_voice_button_clicked(self) -> None:
        self._voice.test_voice()
        reason = self._voice.unavailable_reason
        self.status.setText(reason or "Said a test sentence. Turn it up if it was quiet.")
